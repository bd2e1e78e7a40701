// TrainingManager: the sessions (days and half-days) of a training.
#include "ReplicaValues.h"
#include "TrainingManager.h"
#include "domain/Schema.h"
#include "domain/Validation.h"

namespace cadre::trainings {

using replica::Fields;
using replica::Statement;
using namespace values;

QList<SessionInfo> TrainingManager::sessions(const QString& trainingId) {
    Statement st(replica_.database(),
                 "SELECT id, held_on, part, topic FROM training_session "
                 "WHERE training_id = ?1 AND deleted = 0 "
                 "ORDER BY held_on, CASE part WHEN 'morning' THEN 0 WHEN 'full_day' THEN 1 "
                 "ELSE 2 END");
    st.bind(1, trainingId.toStdString());
    QList<SessionInfo> out;
    while (st.step())
        out.push_back({str(st, 0), dateAt(st, 1), str(st, 2), str(st, 3)});
    return out;
}

QString TrainingManager::addSession(const QString& trainingId, const QDate& heldOn,
                                    const QString& part, const QString& topic) {
    if (!heldOn.isValid())
        throw domain::ValidationError("fields.held_on", "is required");
    const Fields key{
        {"training_id", id(trainingId)}, {"held_on", date(heldOn)}, {"part", text(part)}};
    const std::string rid = domain::naturalRecordId(*domain::findTable("training_session"),
                                                    {id(trainingId), date(heldOn), text(part)});
    const auto existing = replica_.get("training_session", rid);
    if (existing && !existing->deleted)
        throw replica::WriteRefused("training_session " + rid + " already exists");
    Fields withTopic = key;
    withTopic.emplace("topic", text(topic));
    const auto [sessionId, wrote] = upsert("training_session", withTopic);
    if (wrote)
        emit changed(QStringLiteral("training_session"));
    return sessionId;
}

void TrainingManager::setSessionTopic(const QString& sessionId, const QString& topic) {
    const auto record = replica_.get("training_session", sessionId.toStdString());
    if (record && record->fields.count("topic") && record->fields.at("topic") == text(topic))
        return;
    replica_.update("training_session", sessionId.toStdString(), {{"topic", text(topic)}});
    emit changed(QStringLiteral("training_session"));
}

void TrainingManager::removeSession(const QString& sessionId) {
    replica_.remove("training_session", sessionId.toStdString());
    emit changed(QStringLiteral("training_session"));
}

}  // namespace cadre::trainings
