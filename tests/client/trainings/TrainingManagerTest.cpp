// TrainingManagerTest: writes go through the replica, natural keys never duplicate, reads are
// indexed and fast with 100,000 attendance rows.
#include <QSignalSpy>
#include <QTest>

#include "TrainingsTestSupport.h"
#include "domain/Validation.h"

using namespace cadre;
using namespace cadre::trainings;
using namespace cadre::trainings::test;

class TrainingManagerTest : public QObject {
    Q_OBJECT

  private slots:
    void createsListsFiltersAndSearchesTrainings();
    void everyWriteIsCapturedForSync();
    void enrollingTwiceMakesOneEnrolmentAndUnenrolledPeopleComeBack();
    void attendanceHasOneRowPerSessionAndPerson();
    void aSecondSessionOnTheSameHalfDayIsRefused();
    void invalidInputIsRefusedWithTheField();
    void scoresCertificationAndTrainedBy();
    void attendanceOfOneTrainingIsIndexedAndFastAmong100000Rows();
};

void TrainingManagerTest::createsListsFiltersAndSearchesTrainings() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto seeded = seedDakarToT(m, 5);
    seedOtherTrainings(m);
    QCOMPARE(m.trainings({}).size(), 4);
    QCOMPARE(m.trainings({QStringLiteral("training_of_trainers"), {}, {}}).size(), 1);
    QCOMPARE(m.trainings({{}, QStringLiteral("completed"), {}}).size(), 1);
    const auto dakar = m.trainings({{}, {}, QStringLiteral("dakar")});
    QCOMPARE(dakar.size(), 1);
    QCOMPARE(dakar[0].id, seeded.trainingId);
    QCOMPARE(dakar[0].participantCount, 5);
    QCOMPARE(dakar[0].sessionCount, 3);
    QCOMPARE(dakar[0].memberName, QStringLiteral("Senegal"));
    QCOMPARE(m.trainings({{}, {}, QStringLiteral("Senegal")}).size(), 1);  // by Member name
    QCOMPARE(m.trainings({{}, {}, QStringLiteral("100%")}).size(), 0);     // LIKE escaped
    QCOMPARE(m.standards(seeded.trainingId).size(), 15);
    int covered = 0;
    for (const auto& s : m.standards(seeded.trainingId))
        covered += s.covered ? 1 : 0;
    QCOMPARE(covered, 4);
    QCOMPARE(m.trainers(seeded.trainingId).size(), 2);
    QCOMPARE(m.trainers(seeded.trainingId)[0].role, QStringLiteral("lead"));

    m.removeTraining(seeded.trainingId);
    QCOMPARE(m.trainings({}).size(), 3);
}

void TrainingManagerTest::everyWriteIsCapturedForSync() {
    TempReplica r;
    TrainingManager m(r.replica());
    QSignalSpy changed(&m, &TrainingManager::changed);
    const auto before = r.replica().pendingCount();
    TrainingFields t;
    t.title = QStringLiteral("Seminar");
    t.kind = QStringLiteral("seminar");
    const QString id = m.createTraining(t);
    const QString session = m.addSession(id, QDate(2026, 12, 3), QStringLiteral("morning"), {});
    PersonInfo p;
    p.familyName = QStringLiteral("Diop");
    const QString person = m.quickAdd(id, p);
    m.markAttendance(session, person, QStringLiteral("present"));
    QCOMPARE(r.replica().pendingCount() - before, 5);  // training, session, person, enrolment, mark
    QVERIFY(changed.count() >= 5);
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("attendance"));
}

void TrainingManagerTest::enrollingTwiceMakesOneEnrolmentAndUnenrolledPeopleComeBack() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 3);
    QVERIFY(!m.enrol(s.trainingId, s.personIds[0]));  // already enrolled: nothing written
    QCOMPARE(m.roster(s.trainingId).size(), 3);
    const QString enrolmentId = m.roster(s.trainingId)[0].id;
    m.unenrol(enrolmentId);
    QCOMPARE(m.roster(s.trainingId).size(), 2);
    QVERIFY(m.enrol(s.trainingId, s.personIds[0]));  // restored, not created again
    QCOMPARE(m.roster(s.trainingId).size(), 3);
    replica::Statement st(r.replica().database(),
                          "SELECT COUNT(*) FROM enrolment WHERE training_id = ?1");
    st.bind(1, s.trainingId.toStdString());
    QVERIFY(st.step());
    QCOMPARE(st.integer(0), std::int64_t{3});
    QVERIFY(m.roster(s.trainingId)[0].certifiedTrainer);  // restoring kept the data
}

void TrainingManagerTest::attendanceHasOneRowPerSessionAndPerson() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 2);
    const QString session = s.sessionIds[0];
    const QString person = s.personIds[0];
    QVERIFY(m.markAttendance(session, person, QStringLiteral("present")));
    QVERIFY(!m.markAttendance(session, person, QStringLiteral("present")));  // no change
    QVERIFY(m.markAttendance(session, person, QStringLiteral("late")));
    QCOMPARE(attendanceRows(r.replica(), session, person), 1);
    m.clearAttendance(session, person);
    QVERIFY(m.attendance(s.trainingId).isEmpty());
    QVERIFY(m.markAttendance(session, person, QStringLiteral("absent")));  // restored
    QCOMPARE(attendanceRows(r.replica(), session, person), 1);
    QCOMPARE(m.attendance(s.trainingId).value({session, person}), QStringLiteral("absent"));
    QCOMPARE(m.markAttendance(s.sessionIds[1], s.personIds, QStringLiteral("present")), 2);
    QCOMPARE(m.attendance(s.trainingId).size(), 3);
    QCOMPARE(r.replica().database().integrityCheck(), std::string("ok"));
}

void TrainingManagerTest::aSecondSessionOnTheSameHalfDayIsRefused() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 1);
    QVERIFY_THROWS_EXCEPTION(replica::WriteRefused,
                             m.addSession(s.trainingId, QDate(2026, 12, 1),
                                          QStringLiteral("morning"), QStringLiteral("again")));
    m.removeSession(s.sessionIds[0]);
    m.addSession(s.trainingId, QDate(2026, 12, 1), QStringLiteral("morning"), {});  // restored
    QCOMPARE(m.sessions(s.trainingId).size(), 3);
}

void TrainingManagerTest::invalidInputIsRefusedWithTheField() {
    TempReplica r;
    TrainingManager m(r.replica());
    TrainingFields t;
    QVERIFY_THROWS_EXCEPTION(domain::ValidationError, m.createTraining(t));  // no title
    t.title = QStringLiteral("Seminar");
    t.startsOn = QDate(2026, 12, 5);
    t.endsOn = QDate(2026, 12, 1);
    QVERIFY_THROWS_EXCEPTION(domain::ValidationError, m.createTraining(t));
    QVERIFY(m.trainings({}).isEmpty());
    PersonInfo nobody;
    QVERIFY_THROWS_EXCEPTION(domain::ValidationError, m.createPerson(nobody));
}

void TrainingManagerTest::scoresCertificationAndTrainedBy() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 2);
    const QString e = m.roster(s.trainingId)[1].id;
    m.setScore(e, QStringLiteral("pre"), 42.5);
    m.setScore(e, QStringLiteral("post"), std::nullopt);
    QVERIFY_THROWS_EXCEPTION(domain::ValidationError, m.setScore(e, QStringLiteral("post"), 120.0));
    m.setCertifiedTrainer(e, true);
    m.setTrainedBy(e, s.trainerIds[0]);
    const auto row = m.roster(s.trainingId)[1];
    QCOMPARE(row.preScore, std::optional<double>(42.5));
    QVERIFY(!row.postScore);
    QVERIFY(row.certifiedTrainer);
    QCOMPARE(row.trainedByName, QStringLiteral("Khadija Mbaye"));
    m.setTrainedBy(e, {});
    QVERIFY(m.roster(s.trainingId)[1].trainedById.isEmpty());
}

void TrainingManagerTest::attendanceOfOneTrainingIsIndexedAndFastAmong100000Rows() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 30);
    // 100,000 attendance rows of 1,000 other sessions (raw fixture rows: reads only).
    r.replica().database().exec(
        "BEGIN;"
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
        "INSERT INTO training_session (id, deleted, training_id, held_on, part) "
        "SELECT 'sess-' || i, 0, 'other-' || (i / 10), date('2026-01-01', '+' || (i % 10) || ' "
        "days'), "
        "'full_day' FROM n;"
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) "
        "INSERT INTO attendance (id, deleted, session_id, person_id, status) "
        "SELECT 'att-' || i, 0, 'sess-' || (i / 100), 'person-' || (i % 100), 'present' FROM n;"
        "COMMIT; ANALYZE;");
    for (const auto& session : s.sessionIds)
        m.markAttendance(session, s.personIds, QStringLiteral("present"));

    replica::Statement plan(r.replica().database(),
                            std::string("EXPLAIN QUERY PLAN ") + TrainingManager::kAttendanceSql);
    plan.bind(1, s.trainingId.toStdString());
    QString planText;
    while (plan.step())
        planText += QString::fromStdString(plan.text(3)) + QLatin1Char('\n');
    QVERIFY2(!planText.contains(QLatin1String("SCAN")), qPrintable(planText));
    QVERIFY2(planText.contains(QLatin1String("attendance_natural_key")), qPrintable(planText));

    // Speed itself is measured in bench/client (no timed assertions in unit tests: a loaded CI
    // machine would make them flaky); here, the plan above and the right rows.
    const auto marks = m.attendance(s.trainingId);
    const auto roster = m.roster(s.trainingId);
    QCOMPARE(marks.size(), 90);
    QCOMPARE(roster.size(), 30);
}

QTEST_GUILESS_MAIN(TrainingManagerTest)
#include "TrainingManagerTest.moc"
