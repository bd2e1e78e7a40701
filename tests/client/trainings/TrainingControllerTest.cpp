// TrainingControllerTest: the QML actions — autosave with debounce and flush, validation with
// translated messages, locale numbers, enrol without duplicates.
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include "TrainingController.h"
#include "TrainingsTestSupport.h"

using namespace cadre::trainings;
using namespace cadre::trainings::test;

class TrainingControllerTest : public QObject {
    Q_OBJECT

  private slots:
    void init() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }
    void editsAreSavedAfterTheDelayOrAtFlush();
    void refusedEditsStayShownWithAMessage();
    void rosterActionsNeverDuplicate();
    void scoresAreReadInTheLocale();
};

void TrainingControllerTest::editsAreSavedAfterTheDelayOrAtFlush() {
    TempReplica r;
    TrainingManager m(r.replica());
    TrainingController c(m);
    const QString id = c.createTraining(QStringLiteral("seminar"), QStringLiteral("Seminar"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(c.trainingId(), id);
    QCOMPARE(c.form().value(QStringLiteral("kind")).toString(), QStringLiteral("seminar"));
    QVERIFY(!c.standards().isEmpty());

    c.setField(QStringLiteral("venue"), QStringLiteral("Lomé"));
    QCOMPARE(c.form().value(QStringLiteral("venue")).toString(), QStringLiteral("Lomé"));
    QCOMPARE(m.training(id)->venue, QString());  // not yet written
    QTRY_COMPARE(m.training(id)->venue, QStringLiteral("Lomé"));

    c.setField(QStringLiteral("startsOn"), QStringLiteral("2026-12-07"));
    c.setField(QStringLiteral("endsOn"), QStringLiteral("2026-12-09"));
    QVERIFY(c.flush());
    QCOMPARE(m.training(id)->startsOn, QDate(2026, 12, 7));
    QCOMPARE(m.training(id)->endsOn, QDate(2026, 12, 9));
    QVERIFY(c.addSession(QStringLiteral("2026-12-07"), QStringLiteral("morning"), {}));
    QCOMPARE(c.sessions()->count(), 1);
}

void TrainingControllerTest::refusedEditsStayShownWithAMessage() {
    TempReplica r;
    TrainingManager m(r.replica());
    TrainingController c(m);
    QSignalSpy error(&c, &TrainingController::error);
    c.createTraining(QStringLiteral("seminar"), QStringLiteral("Seminar"));
    c.setField(QStringLiteral("title"), QString());
    QVERIFY(!c.flush());
    QCOMPARE(error.count(), 1);
    QCOMPARE(c.errorText(), QStringLiteral("Title is required"));
    QCOMPARE(c.form().value(QStringLiteral("title")).toString(), QString());  // still as typed
    c.setField(QStringLiteral("title"), QStringLiteral("Seminar on MSMEs"));
    QVERIFY(c.flush());
    QVERIFY(c.errorText().isEmpty());

    c.setField(QStringLiteral("endsOn"), QStringLiteral("not a date"));
    QVERIFY(!c.flush());
    QVERIFY(c.errorText().contains(QStringLiteral("End date")));
    c.setField(QStringLiteral("endsOn"), QString());
    QVERIFY(c.flush());

    QVERIFY(!c.addSession(QStringLiteral("31/31/2026"), QStringLiteral("morning"), {}));
    QVERIFY(c.addSession(QStringLiteral("2026-12-01"), QStringLiteral("morning"), {}));
    QVERIFY(!c.addSession(QStringLiteral("2026-12-01"), QStringLiteral("morning"), {}));
    QCOMPARE(c.errorText(),
             QStringLiteral("A session is already planned for that day and part of the day."));
    QVERIFY(!c.quickAdd({{QStringLiteral("givenNames"), QStringLiteral("Awa")}}));
    QCOMPARE(c.errorText(), QStringLiteral("Family name is required."));
}

void TrainingControllerTest::rosterActionsNeverDuplicate() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 3);
    TrainingController c(m);
    c.open(s.trainingId);
    QCOMPARE(c.roster()->count(), 3);
    QCOMPARE(c.trainers().size(), 2);
    QVERIFY(c.enrol(s.personIds[0]));  // already there: accepted, nothing added
    QVERIFY(c.enrol(s.personIds[0]));
    QCOMPARE(c.roster()->count(), 3);
    QVERIFY(c.quickAdd({{QStringLiteral("familyName"), QStringLiteral("Kanté")},
                        {QStringLiteral("givenNames"), QStringLiteral("Mariama")},
                        {QStringLiteral("memberId"), memberId("GIN")},
                        {QStringLiteral("gender"), QStringLiteral("female")}}));
    QCOMPARE(c.roster()->count(), 4);
    QVERIFY(c.addTrainer(s.personIds[1], QStringLiteral("co_trainer")));
    QCOMPARE(c.trainers().size(), 3);
    QVERIFY(c.addTrainer(s.personIds[1], QStringLiteral("lead")));  // role changed, not added
    QCOMPARE(c.trainers().size(), 3);
    const QString standard =
        c.standards().at(3).toMap().value(QStringLiteral("standardId")).toString();
    QVERIFY(c.setStandardCovered(standard, true));
    QVERIFY(c.setStandardCovered(standard, true));
    QVERIFY(c.standards().at(3).toMap().value(QStringLiteral("covered")).toBool());
    QVERIFY(c.setStandardCovered(standard, false));
    QVERIFY(!c.standards().at(3).toMap().value(QStringLiteral("covered")).toBool());
}

void TrainingControllerTest::scoresAreReadInTheLocale() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 1);
    TrainingController c(m);
    c.open(s.trainingId);
    const QString e = c.roster()->index(0).data(RosterModel::IdRole).toString();
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    QVERIFY(c.setScore(e, QStringLiteral("pre"), QStringLiteral("72,5")));
    QCOMPARE(m.roster(s.trainingId)[0].preScore, std::optional<double>(72.5));
    QVERIFY(c.setScore(e, QStringLiteral("post"), QStringLiteral("80.25")));
    QCOMPARE(m.roster(s.trainingId)[0].postScore, std::optional<double>(80.25));
    QVERIFY(!c.setScore(e, QStringLiteral("post"), QStringLiteral("101")));
    QVERIFY(!c.setScore(e, QStringLiteral("post"), QStringLiteral("beaucoup")));
    QCOMPARE(m.roster(s.trainingId)[0].postScore, std::optional<double>(80.25));
    QVERIFY(c.setScore(e, QStringLiteral("post"), QString()));
    QVERIFY(!m.roster(s.trainingId)[0].postScore);
}

QTEST_GUILESS_MAIN(TrainingControllerTest)
#include "TrainingControllerTest.moc"
