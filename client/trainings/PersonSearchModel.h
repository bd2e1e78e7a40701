// PersonSearchModel: people already known to the replica, searched by name or organisation,
// each marked when already enrolled in the open training.
#pragma once

#include <QSet>

#include "RowListModel.h"
#include "TrainingManager.h"

namespace cadre::trainings {

class PersonSearchModel : public RowListModel<PersonInfo> {
    Q_OBJECT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(QString trainingId READ trainingId WRITE setTrainingId NOTIFY trainingIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        DisplayNameRole,
        OrganisationRole,
        MemberNameRole,
        EmailRole,
        EnrolledRole,  ///< already on the roster of trainingId
    };
    Q_ENUM(Role)

    /// The most people one search lists.
    static constexpr int kLimit = 50;

    explicit PersonSearchModel(TrainingManager& manager, QObject* parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString query() const { return query_; }
    void setQuery(const QString& query);
    [[nodiscard]] QString trainingId() const { return trainingId_; }
    void setTrainingId(const QString& id);
    [[nodiscard]] int count() const { return rowCount(); }

  public slots:
    void reload();

  signals:
    void queryChanged();
    void trainingIdChanged();
    void countChanged();

  private:
    TrainingManager& manager_;
    QString query_;
    QString trainingId_;
    QSet<QString> enrolled_;
};

}  // namespace cadre::trainings
