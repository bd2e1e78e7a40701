#include "core/PersonSearchModel.h"

namespace cadre::client {

PersonSearchModel::PersonSearchModel(PeopleManager& people, QObject* parent)
    : QAbstractListModel(parent), people_(people) {
    connect(&people_, &PeopleManager::changed, this, &PersonSearchModel::reload);
    reload();
}

int PersonSearchModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant PersonSearchModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const PersonRow& p = rows_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return p.displayName();
        case IdRole:
            return p.id;
        case OrganisationRole:
            return p.organisation;
        default:
            return {};
    }
}

QHash<int, QByteArray> PersonSearchModel::roleNames() const {
    return {{IdRole, "personId"}, {NameRole, "name"}, {OrganisationRole, "organisation"}};
}

void PersonSearchModel::setQuery(const QString& query) {
    if (query != query_) {
        query_ = query;
        emit queryChanged();
        reload();
    }
}

void PersonSearchModel::reload() {
    beginResetModel();
    rows_ = people_.search(query_);
    endResetModel();
    emit countChanged();
}

}  // namespace cadre::client
