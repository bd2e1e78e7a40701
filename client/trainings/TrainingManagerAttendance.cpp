// TrainingManager: attendance marks, one row per (session, person), never two.
#include "ReplicaValues.h"
#include "TrainingManager.h"
#include "domain/Schema.h"
#include "domain/Validation.h"

namespace cadre::trainings {

using replica::Statement;
using namespace values;

QHash<AttendanceKey, QString> TrainingManager::attendance(const QString& trainingId) {
    // Uses training_session_natural_key (training_id prefix) and attendance_natural_key
    // (session_id prefix): only the open training's rows are read.
    Statement st(replica_.database(), kAttendanceSql);
    st.bind(1, trainingId.toStdString());
    QHash<AttendanceKey, QString> out;
    while (st.step())
        out.insert({str(st, 0), str(st, 1)}, str(st, 2));
    return out;
}

QHash<AttendanceKey, QString> TrainingManager::attendanceNotes(const QString& trainingId) {
    Statement st(replica_.database(),
                 "SELECT a.session_id, a.person_id, a.note FROM training_session s "
                 "JOIN attendance a ON a.session_id = s.id "
                 "WHERE s.training_id = ?1 AND s.deleted = 0 AND a.deleted = 0 "
                 "AND a.note IS NOT NULL");
    st.bind(1, trainingId.toStdString());
    QHash<AttendanceKey, QString> out;
    while (st.step())
        out.insert({str(st, 0), str(st, 1)}, str(st, 2));
    return out;
}

void TrainingManager::setAttendanceNote(const QString& sessionId, const QString& personId,
                                        const QString& note) {
    const std::string rid =
        domain::naturalRecordId(*domain::findTable("attendance"), {id(sessionId), id(personId)});
    const auto record = replica_.get("attendance", rid);
    if (!record || record->deleted)
        throw replica::WriteRefused("attendance " + rid + " does not exist");
    const auto it = record->fields.find("note");
    if (it != record->fields.end() && it->second == text(note))
        return;
    replica_.update("attendance", rid, {{"note", text(note)}});
    emit changed(QStringLiteral("attendance"));
}

bool TrainingManager::markAttendance(const QString& sessionId, const QString& personId,
                                     const QString& status) {
    const auto [markId, wrote] = upsert(
        "attendance",
        {{"session_id", id(sessionId)}, {"person_id", id(personId)}, {"status", text(status)}});
    if (wrote)
        emit changed(QStringLiteral("attendance"));
    return wrote;
}

int TrainingManager::markAttendance(const QString& sessionId, const QStringList& personIds,
                                    const QString& status) {
    int written = 0;
    replica_.transaction([&] {
        written = 0;
        for (const auto& person : personIds)
            written += upsert("attendance", {{"session_id", id(sessionId)},
                                             {"person_id", id(person)},
                                             {"status", text(status)}})
                               .second
                           ? 1
                           : 0;
    });
    if (written > 0)
        emit changed(QStringLiteral("attendance"));
    return written;
}

void TrainingManager::clearAttendance(const QString& sessionId, const QString& personId) {
    const std::string rid =
        domain::naturalRecordId(*domain::findTable("attendance"), {id(sessionId), id(personId)});
    const auto record = replica_.get("attendance", rid);
    if (!record || record->deleted)
        return;
    replica_.remove("attendance", rid);
    emit changed(QStringLiteral("attendance"));
}

}  // namespace cadre::trainings
