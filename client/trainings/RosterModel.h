// RosterModel: the participants of one training, with scores, certification and trained-by.
#pragma once

#include "RowListModel.h"
#include "TrainingManager.h"

namespace cadre::trainings {

class RosterModel : public RowListModel<EnrolmentInfo> {
    Q_OBJECT
    Q_PROPERTY(QString trainingId READ trainingId WRITE setTrainingId NOTIFY trainingIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PersonIdRole,
        DisplayNameRole,
        FamilyNameRole,
        GivenNamesRole,
        OrganisationRole,
        MemberNameRole,
        PreScoreRole,      ///< a number, or undefined when not taken
        PostScoreRole,     ///< a number, or undefined when not taken
        PreScoreTextRole,  ///< in the UI locale, empty when not taken
        PostScoreTextRole,
        CertifiedTrainerRole,
        TrainedByIdRole,
        TrainedByNameRole,
    };
    Q_ENUM(Role)

    explicit RosterModel(TrainingManager& manager, QObject* parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString trainingId() const { return trainingId_; }
    void setTrainingId(const QString& id);
    [[nodiscard]] int count() const { return rowCount(); }
    /// The row of the enrolment of `personId`, or -1.
    [[nodiscard]] Q_INVOKABLE int rowOfPerson(const QString& personId) const;

  public slots:
    void reload();

  signals:
    void trainingIdChanged();
    void countChanged();

  private:
    TrainingManager& manager_;
    QString trainingId_;
};

}  // namespace cadre::trainings
