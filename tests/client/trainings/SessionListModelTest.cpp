// SessionListModelTest: the sessions of one training, in day order, refreshed on writes.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "SessionListModel.h"
#include "TrainingsTestSupport.h"

using namespace cadre::trainings;
using namespace cadre::trainings::test;

class SessionListModelTest : public QObject {
    Q_OBJECT

  private slots:
    void listsSessionsInOrderAndRefreshes();
};

void SessionListModelTest::listsSessionsInOrderAndRefreshes() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 2);
    SessionListModel model(m);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy countChanged(&model, &SessionListModel::countChanged);
    QCOMPARE(model.count(), 0);

    model.setTrainingId(s.trainingId);
    QCOMPARE(model.count(), 3);
    QCOMPARE(countChanged.count(), 1);
    QCOMPARE(model.index(0).data(SessionListModel::PartRole).toString(), QStringLiteral("morning"));
    QCOMPARE(model.index(1).data(SessionListModel::PartRole).toString(),
             QStringLiteral("afternoon"));
    QCOMPARE(model.index(2).data(SessionListModel::HeldOnRole).toDate(), QDate(2026, 12, 2));
    QCOMPARE(model.index(2).data(SessionListModel::PartLabelRole).toString(),
             QStringLiteral("Full day"));
    QCOMPARE(model.index(0).data(SessionListModel::IdRole).toString(), s.sessionIds[0]);

    reset.clear();
    m.setSessionTopic(s.sessionIds[1], QStringLiteral("Risk management in practice"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(model.index(1).data(SessionListModel::TopicRole).toString(),
             QStringLiteral("Risk management in practice"));

    m.addSession(s.trainingId, QDate(2026, 11, 30), QStringLiteral("afternoon"), {});
    QCOMPARE(model.count(), 4);
    QCOMPARE(model.index(0).data(SessionListModel::HeldOnRole).toDate(), QDate(2026, 11, 30));
    m.removeSession(s.sessionIds[0]);
    QCOMPARE(model.count(), 3);
}

QTEST_GUILESS_MAIN(SessionListModelTest)
#include "SessionListModelTest.moc"
