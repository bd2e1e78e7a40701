#include "core/MissionListModel.h"

#include <QDate>
#include <QLocale>

#include "core/Labels.h"

namespace cadre::client {

QString formatDateRange(const QString& startsOn, const QString& endsOn) {
    const QLocale locale;
    const QDate from = QDate::fromString(startsOn, Qt::ISODate);
    const QDate to = QDate::fromString(endsOn, Qt::ISODate);
    const QString longFormat = QStringLiteral("d MMM yyyy");
    if (from.isValid() && to.isValid()) {
        const QString first =
            locale.toString(from, from.year() == to.year() ? QStringLiteral("d MMM") : longFormat);
        return first + QStringLiteral(" – ") + locale.toString(to, longFormat);
    }
    if (from.isValid()) {
        return locale.toString(from, longFormat);
    }
    return to.isValid() ? locale.toString(to, longFormat) : QString();
}

MissionListModel::MissionListModel(MissionManager& manager, QObject* parent)
    : QAbstractListModel(parent), manager_(manager) {
    connect(&manager_, &MissionManager::changed, this, &MissionListModel::reload);
    reload();
}

int MissionListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant MissionListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const MissionRow& r = rows_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return r.title;
        case IdRole:
            return r.id;
        case KindRole:
            return r.kind;
        case KindLabelRole:
            return Labels::missionKind(r.kind);
        case MemberIdRole:
            return r.memberId;
        case MemberNameRole:
            return localized(r.memberEn, r.memberFr);
        case Iso3Role:
            return r.iso3;
        case DatesRole:
            return formatDateRange(r.startsOn, r.endsOn);
        case StatusRole:
            return r.status;
        case StatusLabelRole:
            return Labels::missionStatus(r.status);
        case ReviewStateRole:
            return r.reviewState;
        case ReviewLabelRole:
            return Labels::reviewState(r.reviewState);
        case ObservedRole:
            return r.observed;
        case StandardCountRole:
            return r.standards;
        case ProgressRole:
            return r.standards > 0 ? static_cast<double>(r.observed) / r.standards : 0.0;
        default:
            return {};
    }
}

QHash<int, QByteArray> MissionListModel::roleNames() const {
    return {{IdRole, "missionId"},
            {TitleRole, "title"},
            {KindRole, "kind"},
            {KindLabelRole, "kindLabel"},
            {MemberIdRole, "memberId"},
            {MemberNameRole, "memberName"},
            {Iso3Role, "iso3"},
            {DatesRole, "dates"},
            {StatusRole, "status"},
            {StatusLabelRole, "statusLabel"},
            {ReviewStateRole, "reviewState"},
            {ReviewLabelRole, "reviewLabel"},
            {ObservedRole, "observed"},
            {StandardCountRole, "standardCount"},
            {ProgressRole, "progress"}};
}

void MissionListModel::setMemberId(const QString& value) {
    if (value != filter_.memberId) {
        filter_.memberId = value;
        emit filterChanged();
        reload();
    }
}

void MissionListModel::setKind(const QString& value) {
    if (value != filter_.kind) {
        filter_.kind = value;
        emit filterChanged();
        reload();
    }
}

void MissionListModel::setStatus(const QString& value) {
    if (value != filter_.status) {
        filter_.status = value;
        emit filterChanged();
        reload();
    }
}

void MissionListModel::setSearchText(const QString& value) {
    if (value != filter_.text) {
        filter_.text = value;
        emit filterChanged();
        reload();
    }
}

bool MissionListModel::filtered() const {
    return !filter_.memberId.isEmpty() || !filter_.kind.isEmpty() || !filter_.status.isEmpty() ||
           !filter_.text.trimmed().isEmpty();
}

int MissionListModel::indexOf(const QString& id) const {
    for (int i = 0; i < rows_.size(); ++i) {
        if (rows_.at(i).id == id) {
            return i;
        }
    }
    return -1;
}

void MissionListModel::reload() {
    const int before = count();
    beginResetModel();
    rows_ = manager_.missions(filter_);
    endResetModel();
    if (before != count()) {
        emit countChanged();
    }
}

}  // namespace cadre::client
