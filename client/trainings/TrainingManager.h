// TrainingManager: owns trainings, sessions, rosters and attendance in the replica.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

#include "TrainingRecords.h"
#include "replica/Replica.h"

namespace cadre::trainings {

/// One attendance mark of the open training, keyed by session and person.
struct AttendanceKey {
    QString sessionId;
    QString personId;
    friend bool operator==(const AttendanceKey&, const AttendanceKey&) = default;
};
inline size_t qHash(const AttendanceKey& key, size_t seed = 0) {
    return qHashMulti(seed, key.sessionId, key.personId);
}

/// Reads with SQL on replica.database() and writes only through Replica::insert / update /
/// remove / restore / transaction, so every write becomes a Change that syncs. Rows whose natural
/// key already exists (a deleted enrolment, attendance mark, session, standard or trainer) are
/// restored and updated, never created twice. Every write emits changed(table).
/// Throws domain::ValidationError, replica::WriteRefused or replica::DatabaseError.
class TrainingManager : public QObject {
    Q_OBJECT

  public:
    explicit TrainingManager(replica::Replica& replica, QObject* parent = nullptr);

    [[nodiscard]] replica::Replica& replica() { return replica_; }

    // --- Trainings.
    [[nodiscard]] QList<TrainingSummary> trainings(const TrainingFilter& filter);
    [[nodiscard]] std::optional<TrainingFields> training(const QString& id);
    /// Creates a training; returns its id.
    QString createTraining(const TrainingFields& fields);
    void updateTraining(const QString& id, const TrainingFields& fields);
    void removeTraining(const QString& id);
    [[nodiscard]] QList<PlaceChoice> members();
    [[nodiscard]] QList<PlaceChoice> regions();
    /// The catalogue edition in force (the newest one), for new trainings.
    [[nodiscard]] QString currentEditionId();

    // --- Standards covered and trainers.
    [[nodiscard]] QList<StandardChoice> standards(const QString& trainingId);
    void setStandardCovered(const QString& trainingId, const QString& standardId, bool covered);
    [[nodiscard]] QList<TrainerInfo> trainers(const QString& trainingId);
    /// Adds (or restores) a trainer, or changes the role of one already there.
    void setTrainer(const QString& trainingId, const QString& personId, const QString& role);
    void removeTrainer(const QString& trainerId);

    // --- Sessions.
    [[nodiscard]] QList<SessionInfo> sessions(const QString& trainingId);
    /// Adds a session; throws WriteRefused if one is already held that day and part.
    QString addSession(const QString& trainingId, const QDate& heldOn, const QString& part,
                       const QString& topic);
    void setSessionTopic(const QString& sessionId, const QString& topic);
    void removeSession(const QString& sessionId);

    // --- People and roster.
    /// People already known, matched on names, organisation and email; at most `limit`.
    [[nodiscard]] QList<PersonInfo> searchPeople(const QString& text, int limit = 50);
    /// Creates a person; returns the id.
    QString createPerson(const PersonInfo& person);
    [[nodiscard]] QList<EnrolmentInfo> roster(const QString& trainingId);
    /// Enrols a person (restoring a deleted enrolment). Never creates a second enrolment of the
    /// same person: returns false when the person was already enrolled.
    bool enrol(const QString& trainingId, const QString& personId);
    /// Creates a new person and enrols them, in one transaction. Returns the person's id.
    QString quickAdd(const QString& trainingId, const PersonInfo& person);
    void unenrol(const QString& enrolmentId);
    /// Sets the pre or post score (std::nullopt clears it). `which` is "pre" or "post".
    void setScore(const QString& enrolmentId, const QString& which, std::optional<double> score);
    void setCertifiedTrainer(const QString& enrolmentId, bool certified);
    /// Who trained this participant as a trainer (the ToT cascade); empty clears it.
    void setTrainedBy(const QString& enrolmentId, const QString& personId);

    // --- Attendance.
    /// The query attendance() runs (?1: the training id), for EXPLAIN QUERY PLAN in tests.
    static constexpr const char* kAttendanceSql =
        "SELECT a.session_id, a.person_id, a.status FROM training_session s "
        "JOIN attendance a ON a.session_id = s.id "
        "WHERE s.training_id = ?1 AND s.deleted = 0 AND a.deleted = 0";
    /// The live marks of every session of one training (one indexed query).
    [[nodiscard]] QHash<AttendanceKey, QString> attendance(const QString& trainingId);
    /// The notes of the live marks of one training that have one (one indexed query).
    [[nodiscard]] QHash<AttendanceKey, QString> attendanceNotes(const QString& trainingId);
    /// Sets the note of the mark of (session, person); empty clears it. Throws WriteRefused when
    /// the person has no mark at that session yet (a note needs a status).
    void setAttendanceNote(const QString& sessionId, const QString& personId, const QString& note);
    /// Records a mark (present, late, excused, absent): creates, restores or updates the one
    /// attendance row of (session, person). Returns false when the mark was already that.
    bool markAttendance(const QString& sessionId, const QString& personId, const QString& status);
    /// Marks several people at one session with one status, in one transaction; returns how many
    /// marks were written.
    int markAttendance(const QString& sessionId, const QStringList& personIds,
                       const QString& status);
    /// Removes the mark of (session, person), if any.
    void clearAttendance(const QString& sessionId, const QString& personId);

  signals:
    /// After every write, with the table written.
    void changed(const QString& table);

  private:
    /// Creates the record of `table` with the natural key in `fields` (plus `createOnly`), or
    /// restores it and updates what differs in `fields`; returns its id and whether anything
    /// was written. One transaction.
    std::pair<QString, bool> upsert(const std::string& table, const replica::Fields& fields,
                                    const replica::Fields& createOnly = {});
    [[nodiscard]] bool french() const;

    replica::Replica& replica_;
};

}  // namespace cadre::trainings
