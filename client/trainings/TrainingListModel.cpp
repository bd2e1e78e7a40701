// TrainingListModel: the trainings list, filtered by kind and status and searched by text.
#include "TrainingListModel.h"

#include "Labels.h"

namespace cadre::trainings {

TrainingListModel::TrainingListModel(TrainingManager& manager, QObject* parent)
    : RowListModel(parent), manager_(manager) {
    connect(&manager_, &TrainingManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("training") || table == QLatin1String("enrolment") ||
            table == QLatin1String("training_session"))
            reload();
    });
    reload();
}

QVariant TrainingListModel::data(const QModelIndex& index, int role) const {
    const TrainingSummary* t = rowAt(index);
    if (!t)
        return {};
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return t->fields.title;
        case IdRole:
            return t->id;
        case KindRole:
            return t->fields.kind;
        case KindLabelRole:
            return Labels::trainingKind(t->fields.kind);
        case StatusRole:
            return t->fields.status;
        case StatusLabelRole:
            return Labels::trainingStatus(t->fields.status);
        case VenueRole:
            return t->fields.venue;
        case PlaceRole:
            return t->memberName;
        case DatesRole:
            return Labels::dateSpan(t->fields.startsOn, t->fields.endsOn);
        case StartsOnRole:
            return t->fields.startsOn;
        case ParticipantCountRole:
            return t->participantCount;
        case SessionCountRole:
            return t->sessionCount;
        default:
            return {};
    }
}

QHash<int, QByteArray> TrainingListModel::roleNames() const {
    return {{IdRole, "trainingId"},
            {TitleRole, "title"},
            {KindRole, "kind"},
            {KindLabelRole, "kindLabel"},
            {StatusRole, "status"},
            {StatusLabelRole, "statusLabel"},
            {VenueRole, "venue"},
            {PlaceRole, "place"},
            {DatesRole, "dates"},
            {StartsOnRole, "startsOn"},
            {ParticipantCountRole, "participantCount"},
            {SessionCountRole, "sessionCount"}};
}

void TrainingListModel::setKindFilter(const QString& kind) {
    if (kind == filter_.kind)
        return;
    filter_.kind = kind;
    emit filterChanged();
    reload();
}

void TrainingListModel::setStatusFilter(const QString& status) {
    if (status == filter_.status)
        return;
    filter_.status = status;
    emit filterChanged();
    reload();
}

void TrainingListModel::setSearchText(const QString& text) {
    if (text == filter_.search)
        return;
    filter_.search = text;
    emit filterChanged();
    reload();
}

void TrainingListModel::reload() {
    if (setRows(manager_.trainings(filter_)))
        emit countChanged();
}

}  // namespace cadre::trainings
