#include "core/StandardListModel.h"

namespace cadre::client {

StandardListModel::StandardListModel(ReferenceManager& references, QObject* parent)
    : QAbstractListModel(parent), references_(references) {
    connect(&references_, &ReferenceManager::changed, this, &StandardListModel::reload);
}

int StandardListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant StandardListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const StandardInfo& s = rows_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return s.title();
        case IdRole:
            return s.id;
        case NumberRole:
            return s.number;
        case GroupNumberRole:
            return s.groupNumber;
        case GroupRole:
            return s.group();
        default:
            return {};
    }
}

QHash<int, QByteArray> StandardListModel::roleNames() const {
    return {{IdRole, "standardId"},
            {NumberRole, "number"},
            {TitleRole, "title"},
            {GroupNumberRole, "groupNumber"},
            {GroupRole, "group"}};
}

void StandardListModel::setEditionId(const QString& id) {
    if (id != editionId_) {
        editionId_ = id;
        emit editionIdChanged();
        reload();
    }
}

void StandardListModel::reload() {
    beginResetModel();
    rows_ = editionId_.isEmpty() ? QVector<StandardInfo>{} : references_.standards(editionId_);
    endResetModel();
    emit countChanged();
}

}  // namespace cadre::client
