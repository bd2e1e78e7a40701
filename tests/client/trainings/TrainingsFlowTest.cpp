// TrainingsFlowTest: the real Trainings section in a window — open a training from the list,
// enrol someone already known, quick-add a new person, take attendance, go back — by mouse and
// keyboard, and find each step in the replica.
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickView>
#include <QRegularExpression>
#include <QTest>

#include <functional>

#include "TrainingTypes.h"
#include "TrainingsTestSupport.h"

using namespace cadre;
using namespace cadre::trainings;
using namespace cadre::trainings::test;

class TrainingsFlowTest : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Material")); }
    /// Any QML error of the pages (a delegate that cannot be made, a bad binding) fails the test.
    void init() {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/trainings/|TableView")));
    }
    void fromTheListToAttendanceAndBack();
};

namespace {

/// The first visible item under `root` (the window's content, popups included) called
/// `objectName` for which `accept` holds.
QQuickItem* findItem(QQuickItem* root, const QString& objectName,
                     const std::function<bool(QQuickItem*)>& accept = {}) {
    if (!root)
        return nullptr;
    if (root->objectName() == objectName && root->isVisible() && (!accept || accept(root)))
        return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, objectName, accept))
            return found;
    return nullptr;
}

void click(QQuickView& view, QQuickItem* item) {
    QVERIFY(item);
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(&view, Qt::LeftButton, {}, centre.toPoint());
}

/// Types ASCII text into the window's focused item, one key at a time.
void typeText(QQuickView& view, const char* text) {
    for (const char* c = text; *c; ++c)
        QTest::keyClick(&view, *c);
}

/// The depth of the section's page stack once no transition runs (-1 while one does).
int stackDepth(QQuickView& view) {
    auto* stack = view.rootObject()->property("stack").value<QObject*>();
    if (!stack || stack->property("busy").toBool())
        return -1;
    return stack->property("depth").toInt();
}

}  // namespace

void TrainingsFlowTest::fromTheListToAttendanceAndBack() {
    TempReplica r;
    QQuickView view;
    TrainingServices* services = registerTrainingTypes(*view.engine(), r.replica());
    const SeededTraining s = seedDakarToT(services->manager, 30);
    seedOtherTrainings(services->manager);
    services->reload();

    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.resize(1280, 800);
    view.setSource(QUrl(QStringLiteral("qrc:/trainings/TrainingsPage.qml")));
    QCOMPARE(view.status(), QQuickView::Ready);
    view.show();
    view.requestActivate();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QQuickItem* top = view.contentItem();

    // The list: click the ToT's card.
    QQuickItem* card = nullptr;
    QTRY_VERIFY((card = findItem(top, QStringLiteral("trainingCard"), [&](QQuickItem* i) {
                     return i->property("trainingId").toString() == s.trainingId;
                 })) != nullptr);
    click(view, card);
    QTRY_COMPARE(stackDepth(view), 2);
    QCOMPARE(services->trainingController.trainingId(), s.trainingId);

    // Someone already known (the lead trainer) is found and enrolled once, however often clicked.
    QQuickItem* search = nullptr;
    QTRY_VERIFY((search = findItem(top, QStringLiteral("personSearchField"))) != nullptr);
    click(view, search);
    typeText(view, "Mbaye");
    QQuickItem* hit = nullptr;
    QTRY_VERIFY((hit = findItem(top, QStringLiteral("personSearchResults"))) != nullptr);
    QTRY_COMPARE(hit->property("count").toInt(), 1);
    QQuickItem* row = nullptr;
    QTRY_VERIFY((row = findItem(hit, QString(), [&](QQuickItem* i) {
                     return i->property("personId").toString() == s.trainerIds[0];
                 })) != nullptr);
    click(view, row);
    QTRY_COMPARE(services->trainingController.roster()->count(), 31);
    click(view, row);
    QTest::qWait(50);
    QCOMPARE(services->trainingController.roster()->count(), 31);

    // A new person by the quick-add dialog.
    click(view, findItem(top, QStringLiteral("newParticipantButton")));
    QQuickItem* given = nullptr;
    QTRY_VERIFY((given = findItem(top, QStringLiteral("quickAddGivenNames"))) != nullptr);
    QTest::qWait(300);  // the dialog's opening transition
    click(view, given);
    typeText(view, "Mariama");
    click(view, findItem(top, QStringLiteral("quickAddFamilyName")));
    typeText(view, "Kante");
    click(view, findItem(top, QStringLiteral("quickAddButton")));
    QTRY_COMPARE(services->trainingController.roster()->count(), 32);
    QVERIFY(services->manager.searchPeople(QStringLiteral("Mariama Kante")).size() == 1);

    // Take attendance, mark the first cell by key, and come back with Alt+Left.
    QTest::qWait(300);  // the dialog's closing transition
    click(view, findItem(top, QStringLiteral("takeAttendanceButton")));
    QTRY_COMPARE(stackDepth(view), 3);
    QTRY_COMPARE(services->attendanceController.grid()->rows(), 32);
    QTest::qWait(300);
    QTest::keyClick(&view, 'p');
    QTRY_COMPARE(services->manager.attendance(s.trainingId).size(), 1);
    QTest::keyClick(&view, Qt::Key_Left, Qt::AltModifier);
    QTRY_COMPARE(stackDepth(view), 2);
}

QTEST_MAIN(TrainingsFlowTest)
#include "TrainingsFlowTest.moc"
