// TeamListModel: the team of one mission (mission_member rows with the person's name and role).
#pragma once

#include <QAbstractListModel>

#include "core/MissionManager.h"

namespace cadre::client {

class TeamListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString missionId READ missionId WRITE setMissionId NOTIFY missionIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        PersonIdRole,
        NameRole,
        OrganisationRole,
        RoleRole,
        RoleLabelRole
    };

    explicit TeamListModel(MissionManager& missions, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] QString missionId() const { return missionId_; }
    void setMissionId(const QString& id);
    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }

  public slots:
    void reload();

  signals:
    void missionIdChanged();
    void countChanged();

  private:
    MissionManager& missions_;
    QString missionId_;
    QVector<TeamRow> rows_;
};

}  // namespace cadre::client
