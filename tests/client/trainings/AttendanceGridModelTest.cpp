// AttendanceGridModelTest: the people × sessions table, its headers and counts, one-cell updates,
// and the AttendanceController's keys.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "AttendanceController.h"
#include "AttendanceGridModel.h"
#include "TrainingsTestSupport.h"

using namespace cadre::trainings;
using namespace cadre::trainings::test;

class AttendanceGridModelTest : public QObject {
    Q_OBJECT

  private slots:
    void showsTheGridAndUpdatesOneCellPerMark();
    void controllerMarksByKeyCyclesAndClears();
};

void AttendanceGridModelTest::showsTheGridAndUpdatesOneCellPerMark() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 30);
    AttendanceGridModel grid(m);
    QAbstractItemModelTester tester(&grid, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&grid, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&grid, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&grid, &AttendanceGridModel::headersChanged);
    QSignalSpy shape(&grid, &AttendanceGridModel::shapeChanged);

    grid.setTrainingId(s.trainingId);
    QCOMPARE(grid.rowCount(), 30);
    QCOMPARE(grid.columnCount(), 3);
    QCOMPARE(shape.count(), 1);
    QCOMPARE(grid.headerData(0, Qt::Vertical, Qt::DisplayRole).toString(),
             QStringLiteral("Sèna Adjovi"));
    QVERIFY(grid.headerData(0, Qt::Horizontal, Qt::DisplayRole)
                .toString()
                .contains(QStringLiteral("Morning")));
    QCOMPARE(grid.headerData(2, Qt::Horizontal, AttendanceGridModel::SessionIdRole).toString(),
             s.sessionIds[2]);
    QCOMPARE(grid.index(0, 0).data(AttendanceGridModel::StatusRole).toString(), QString());

    reset.clear();
    headers.clear();
    m.markAttendance(s.sessionIds[1], grid.personId(4), QStringLiteral("late"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(dataChanged.count(), 1);
    const QModelIndex cell = dataChanged.first().at(0).toModelIndex();
    QCOMPARE(cell.row(), 4);
    QCOMPARE(cell.column(), 1);
    QCOMPARE(cell.data(AttendanceGridModel::StatusRole).toString(), QStringLiteral("late"));
    QCOMPARE(cell.data(AttendanceGridModel::StatusKeyRole).toString(), QStringLiteral("L"));
    QCOMPARE(cell.data(Qt::DisplayRole).toString(), QStringLiteral("L"));
    QCOMPARE(grid.presentCount(1), 1);  // late counts as there
    QCOMPARE(grid.headerData(1, Qt::Horizontal, AttendanceGridModel::PresentCountRole).toInt(), 1);
    QCOMPARE(headers.count(), 1);
    QCOMPARE(grid.columnHeaders().at(1).toMap().value(QStringLiteral("marked")).toInt(), 1);

    m.markAttendance(s.sessionIds[0], s.personIds, QStringLiteral("present"));
    QCOMPARE(grid.presentCount(0), 30);

    // A new session or participant changes the shape.
    shape.clear();
    m.addSession(s.trainingId, QDate(2026, 12, 3), QStringLiteral("morning"), {});
    QCOMPARE(grid.columnCount(), 4);
    QCOMPARE(shape.count(), 1);
    QCOMPARE(grid.presentCount(0), 30);
    grid.setTrainingId({});
    QCOMPARE(grid.rowCount(), 0);
}

void AttendanceGridModelTest::controllerMarksByKeyCyclesAndClears() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 3);
    AttendanceController c(m);
    QSignalSpy error(&c, &AttendanceController::error);
    c.open(s.trainingId);
    QCOMPARE(c.grid()->rows(), 3);
    QCOMPARE(c.legend().size(), 4);
    QCOMPARE(c.statusForKey(QStringLiteral("p")), QStringLiteral("present"));
    QCOMPARE(c.statusForKey(QStringLiteral("L")), QStringLiteral("late"));
    QCOMPARE(c.statusForKey(QStringLiteral("e")), QStringLiteral("excused"));
    QCOMPARE(c.statusForKey(QStringLiteral("a")), QStringLiteral("absent"));
    QCOMPARE(c.statusForKey(QStringLiteral("x")), QString());
    QVERIFY(!c.markByKey(0, 0, QStringLiteral("x")));
    QVERIFY(c.markByKey(0, 0, QStringLiteral("e")));
    QCOMPARE(c.grid()->status(0, 0), QStringLiteral("excused"));
    QVERIFY(c.cycle(0, 0));
    QCOMPARE(c.grid()->status(0, 0), QStringLiteral("absent"));
    QVERIFY(c.cycle(0, 0));
    QCOMPARE(c.grid()->status(0, 0), QStringLiteral("present"));
    QVERIFY(c.clear(0, 0));
    QCOMPARE(c.grid()->status(0, 0), QString());
    QVERIFY(c.cycle(0, 0));
    QCOMPARE(c.grid()->status(0, 0), QStringLiteral("present"));
    QCOMPARE(attendanceRows(r.replica(), s.sessionIds[0], s.personIds[0]), 1);
    QCOMPARE(c.markUnmarked(0, QStringLiteral("present")), 2);
    QCOMPARE(c.grid()->presentCount(0), 3);
    QVERIFY(!c.mark(7, 0, QStringLiteral("present")));  // no such row: nothing written
    QVERIFY(!c.mark(0, 0, QStringLiteral("sleeping")));
    QCOMPARE(error.count(), 0);
    QVERIFY(!c.markByKey(0, 0, QString()));

    // A note needs a mark; it shows on its cell only.
    QVERIFY(!c.setNote(1, 2, QStringLiteral("Arrived at 10:30")));
    QVERIFY(c.errorText().contains(QStringLiteral("first")));
    QCOMPARE(error.count(), 1);
    QVERIFY(c.mark(1, 2, QStringLiteral("late")));
    QSignalSpy noteChanged(c.grid(), &QAbstractItemModel::dataChanged);
    QVERIFY(c.setNote(1, 2, QStringLiteral("Arrived at 10:30")));
    QCOMPARE(noteChanged.count(), 1);
    QCOMPARE(c.grid()->note(1, 2), QStringLiteral("Arrived at 10:30"));
    QCOMPARE(c.grid()->index(1, 2).data(AttendanceGridModel::NoteRole).toString(),
             QStringLiteral("Arrived at 10:30"));
    QCOMPARE(c.grid()->statusLabel(1, 2), QStringLiteral("Late"));
    QVERIFY(c.grid()->note(0, 2).isEmpty());
    QVERIFY(c.setNote(1, 2, QString()));
    QVERIFY(c.grid()->note(1, 2).isEmpty());
    QCOMPARE(attendanceRows(r.replica(), s.sessionIds[2], s.personIds[1]), 1);

    // A deleted session leaves the grid.
    m.removeSession(s.sessionIds[1]);
    c.open(s.trainingId);
    QCOMPARE(c.grid()->columns(), 2);
}

QTEST_GUILESS_MAIN(AttendanceGridModelTest)
#include "AttendanceGridModelTest.moc"
