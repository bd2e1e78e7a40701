// AttendancePageTest: the real AttendancePage, offscreen, marks a 30-person session by keyboard
// alone; the replica then holds exactly 30 attendance rows with the statuses typed.
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QRegularExpression>
#include <QTest>

#include <string>

#include "TrainingTypes.h"
#include "TrainingsTestSupport.h"

using namespace cadre;
using namespace cadre::trainings;
using namespace cadre::trainings::test;

class AttendancePageTest : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Material")); }
    /// Any QML error of the pages (a delegate that cannot be made, a bad binding) fails the test.
    void init() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/trainings/|TableView")));
    }
    void marksAThirtyPersonSessionByKeyboardAlone();
};

namespace {

/// Live attendance rows of one session: person id → status; fails on a duplicate.
QHash<QString, QString> sessionRows(replica::Replica& r, const QString& sessionId, int* total) {
    replica::Statement st(
        r.database(), "SELECT person_id, status, deleted FROM attendance WHERE session_id = ?1");
    st.bind(1, sessionId.toStdString());
    QHash<QString, QString> out;
    *total = 0;
    while (st.step()) {
        ++*total;
        if (st.integer(2) == 0)
            out.insert(QString::fromStdString(st.text(0)), QString::fromStdString(st.text(1)));
    }
    return out;
}

}  // namespace

void AttendancePageTest::marksAThirtyPersonSessionByKeyboardAlone() {
    TempReplica r;
    QQuickView view;
    TrainingServices* services = registerTrainingTypes(*view.engine(), r.replica());
    const SeededTraining s = seedDakarToT(services->manager, 30);
    QCOMPARE(s.personIds.size(), 30);
    services->trainingController.open(s.trainingId);

    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1280, 800);
    view.setSource(QUrl(QStringLiteral("qrc:/trainings/AttendancePage.qml")));
    QCOMPARE(view.status(), QQuickView::Ready);
    view.show();
    view.requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QQuickItem* page = view.rootObject();
    QVERIFY(page);
    AttendanceGridModel* grid = services->attendanceController.grid();
    QCOMPARE(grid->rows(), 30);
    QCOMPARE(grid->columns(), 3);
    QTRY_VERIFY(view.activeFocusItem() != nullptr);

    // Session 1: everyone by one key each (the cursor moves down after a mark); a few are late,
    // excused or absent.
    QHash<int, QString> expected;
    for (int row = 0; row < 30; ++row) {
        char key = 'p';
        QString status = QStringLiteral("present");
        if (row == 3 || row == 17) {
            key = 'l';
            status = QStringLiteral("late");
        } else if (row == 7) {
            key = 'E';
            status = QStringLiteral("excused");
        } else if (row == 12 || row == 25) {
            key = 'a';
            status = QStringLiteral("absent");
        }
        QTest::keyClick(&view, key);
        expected.insert(row, status);
    }
    QCOMPARE(page->property("currentRow").toInt(), 29);

    int total = 0;
    auto rows = sessionRows(r.replica(), s.sessionIds[0], &total);
    QCOMPARE(total, 30);
    QCOMPARE(rows.size(), 30);
    for (int row = 0; row < 30; ++row)
        QCOMPARE(rows.value(grid->personId(row)), expected.value(row));
    QCOMPARE(grid->presentCount(0), 27);  // present or late

    // Re-marking updates the one row: back to the top, absent, then Space cycles the next.
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(page->property("currentRow").toInt(), 0);
    QTest::keyClick(&view, 'a');            // row 0 absent, cursor to row 1
    QTest::keyClick(&view, Qt::Key_Space);  // row 1 present → late
    QTest::keyClick(&view, Qt::Key_Up);     // back to row 0
    QTest::keyClick(&view, 'p');            // row 0 present again
    rows = sessionRows(r.replica(), s.sessionIds[0], &total);
    QCOMPARE(total, 30);
    QCOMPARE(rows.value(grid->personId(0)), QStringLiteral("present"));
    QCOMPARE(rows.value(grid->personId(1)), QStringLiteral("late"));
    for (const auto& person : s.personIds)
        QCOMPARE(attendanceRows(r.replica(), s.sessionIds[0], person), 1);

    // Enter opens the note of the focused cell (row 1, late); Enter again writes it and returns.
    QCOMPARE(page->property("currentRow").toInt(), 1);
    QTest::keyClick(&view, Qt::Key_Up);
    QTest::keyClick(&view, Qt::Key_Down);
    QTest::keyClick(&view, Qt::Key_Return);
    for (const char c : std::string("bus late"))
        QTest::keyClick(&view, c);
    QTest::keyClick(&view, Qt::Key_Return);
    QTRY_COMPARE(
        services->manager.attendanceNotes(s.trainingId).value({s.sessionIds[0], grid->personId(1)}),
        QStringLiteral("bus late"));
    QTest::keyClick(&view, 'l');  // the grid has the keys again
    QCOMPARE(page->property("currentRow").toInt(), 2);

    // The arrows reach the next session; an unknown key writes nothing.
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(page->property("currentColumn").toInt(), 1);
    QTest::keyClick(&view, 'z');
    QTest::keyClick(&view, 'p');
    rows = sessionRows(r.replica(), s.sessionIds[1], &total);
    QCOMPARE(total, 1);
    QCOMPARE(rows.value(grid->personId(2)), QStringLiteral("present"));
    rows = sessionRows(r.replica(), s.sessionIds[0], &total);
    QCOMPARE(total, 30);
    QCOMPARE(r.replica().database().integrityCheck(), std::string("ok"));
}

QTEST_MAIN(AttendancePageTest)
#include "AttendancePageTest.moc"
