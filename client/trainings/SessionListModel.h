// SessionListModel: the sessions (days and half-days) of one training, in order.
#pragma once

#include "RowListModel.h"
#include "TrainingManager.h"

namespace cadre::trainings {

class SessionListModel : public RowListModel<SessionInfo> {
    Q_OBJECT
    Q_PROPERTY(QString trainingId READ trainingId WRITE setTrainingId NOTIFY trainingIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        HeldOnRole,
        HeldOnTextRole,
        PartRole,
        PartLabelRole,
        TopicRole,
    };
    Q_ENUM(Role)

    explicit SessionListModel(TrainingManager& manager, QObject* parent = nullptr);

    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString trainingId() const { return trainingId_; }
    void setTrainingId(const QString& id);
    [[nodiscard]] int count() const { return rowCount(); }

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
