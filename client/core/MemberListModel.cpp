#include "core/MemberListModel.h"

namespace cadre::client {

MemberListModel::MemberListModel(ReferenceManager& references, bool includeAll, QObject* parent)
    : QAbstractListModel(parent), references_(references), includeAll_(includeAll) {
    connect(&references_, &ReferenceManager::changed, this, &MemberListModel::reload);
    reload();
}

int MemberListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant MemberListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row() - (includeAll_ ? 1 : 0);
    if (row < 0) {
        switch (role) {
            case Qt::DisplayRole:
            case NameRole:
                return tr("All Members");
            case IdRole:
            case Iso3Role:
            case RegionRole:
                return QString();
            default:
                return {};
        }
    }
    const MemberInfo& m = rows_.at(row);
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return m.name();
        case IdRole:
            return m.id;
        case Iso3Role:
            return m.iso3;
        case RegionRole:
            return m.region();
        default:
            return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const {
    return {{IdRole, "memberId"}, {NameRole, "name"}, {Iso3Role, "iso3"}, {RegionRole, "region"}};
}

int MemberListModel::indexOf(const QString& id) const {
    if (id.isEmpty()) {
        return includeAll_ ? 0 : -1;
    }
    for (int i = 0; i < rows_.size(); ++i) {
        if (rows_.at(i).id == id) {
            return i + (includeAll_ ? 1 : 0);
        }
    }
    return -1;
}

QString MemberListModel::idAt(int row) const {
    return data(index(row, 0), IdRole).toString();
}

void MemberListModel::reload() {
    beginResetModel();
    rows_ = references_.members();
    endResetModel();
    emit countChanged();
}

}  // namespace cadre::client
