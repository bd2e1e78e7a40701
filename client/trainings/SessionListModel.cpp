// SessionListModel: the sessions (days and half-days) of one training, in order.
#include "SessionListModel.h"

#include "Labels.h"

namespace cadre::trainings {

SessionListModel::SessionListModel(TrainingManager& manager, QObject* parent)
    : RowListModel(parent), manager_(manager) {
    connect(&manager_, &TrainingManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("training_session"))
            reload();
    });
}

QVariant SessionListModel::data(const QModelIndex& index, int role) const {
    const SessionInfo* s = rowAt(index);
    if (!s)
        return {};
    switch (role) {
        case Qt::DisplayRole:
            return Labels::sessionDate(s->heldOn) + QStringLiteral(" · ") +
                   Labels::sessionPart(s->part);
        case IdRole:
            return s->id;
        case HeldOnRole:
            return s->heldOn;
        case HeldOnTextRole:
            return Labels::sessionDate(s->heldOn);
        case PartRole:
            return s->part;
        case PartLabelRole:
            return Labels::sessionPart(s->part);
        case TopicRole:
            return s->topic;
        default:
            return {};
    }
}

QHash<int, QByteArray> SessionListModel::roleNames() const {
    return {{Qt::DisplayRole, "display"}, {IdRole, "sessionId"},
            {HeldOnRole, "heldOn"},       {HeldOnTextRole, "heldOnText"},
            {PartRole, "part"},           {PartLabelRole, "partLabel"},
            {TopicRole, "topic"}};
}

void SessionListModel::setTrainingId(const QString& id) {
    if (id == trainingId_)
        return;
    trainingId_ = id;
    emit trainingIdChanged();
    reload();
}

void SessionListModel::reload() {
    if (setRows(trainingId_.isEmpty() ? QList<SessionInfo>{} : manager_.sessions(trainingId_)))
        emit countChanged();
}

}  // namespace cadre::trainings
