// PersonSearchModelTest: people already known, searched by name and organisation, marked when
// already enrolled.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "PersonSearchModel.h"
#include "TrainingsTestSupport.h"

using namespace cadre::trainings;
using namespace cadre::trainings::test;

class PersonSearchModelTest : public QObject {
    Q_OBJECT

  private slots:
    void searchesPeopleAndMarksTheEnrolled();
};

void PersonSearchModelTest::searchesPeopleAndMarksTheEnrolled() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 30);
    PersonSearchModel model(m);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy queryChanged(&model, &PersonSearchModel::queryChanged);

    QCOMPARE(model.count(), 32);  // 30 participants and 2 trainers
    model.setQuery(QStringLiteral("diallo"));
    QCOMPARE(queryChanged.count(), 1);
    QCOMPARE(model.count(), 1);
    QCOMPARE(model.index(0).data(PersonSearchModel::DisplayNameRole).toString(),
             QStringLiteral("Aminata Diallo"));
    model.setQuery(QStringLiteral("Aminata Dia"));  // given names then family name
    QCOMPARE(model.count(), 1);
    model.setQuery(QStringLiteral("Douanes du Mali"));
    QCOMPARE(model.count(), 4);
    QCOMPARE(model.index(0).data(PersonSearchModel::MemberNameRole).toString(),
             QStringLiteral("Mali"));

    model.setTrainingId(s.trainingId);
    QVERIFY(model.index(0).data(PersonSearchModel::EnrolledRole).toBool());
    model.setQuery(QStringLiteral("Mbaye"));  // the lead trainer: known, not a participant
    QCOMPARE(model.count(), 1);
    QVERIFY(!model.index(0).data(PersonSearchModel::EnrolledRole).toBool());

    reset.clear();
    dataChanged.clear();
    m.enrol(s.trainingId, s.trainerIds[0]);
    QCOMPARE(reset.count(), 0);
    QVERIFY(dataChanged.count() >= 1);
    QVERIFY(model.index(0).data(PersonSearchModel::EnrolledRole).toBool());
}

QTEST_GUILESS_MAIN(PersonSearchModelTest)
#include "PersonSearchModelTest.moc"
