#include "core/TeamListModel.h"

#include "core/Labels.h"

namespace cadre::client {

TeamListModel::TeamListModel(MissionManager& missions, QObject* parent)
    : QAbstractListModel(parent), missions_(missions) {
    connect(&missions_, &MissionManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("mission_member") || table == QLatin1String("*")) {
            reload();
        }
    });
}

int TeamListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant TeamListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const TeamRow& t = rows_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return t.givenNames.isEmpty() ? t.familyName
                                          : t.givenNames + QLatin1Char(' ') + t.familyName;
        case IdRole:
            return t.id;
        case PersonIdRole:
            return t.personId;
        case OrganisationRole:
            return t.organisation;
        case RoleRole:
            return t.role;
        case RoleLabelRole:
            return Labels::teamRole(t.role);
        default:
            return {};
    }
}

QHash<int, QByteArray> TeamListModel::roleNames() const {
    return {{IdRole, "memberRowId"}, {PersonIdRole, "personId"},
            {NameRole, "name"},      {OrganisationRole, "organisation"},
            {RoleRole, "role"},      {RoleLabelRole, "roleLabel"}};
}

void TeamListModel::setMissionId(const QString& id) {
    if (id != missionId_) {
        missionId_ = id;
        emit missionIdChanged();
        reload();
    }
}

void TeamListModel::reload() {
    beginResetModel();
    rows_ = missionId_.isEmpty() ? QVector<TeamRow>{} : missions_.team(missionId_);
    endResetModel();
    emit countChanged();
}

}  // namespace cadre::client
