// RosterModelTest: the participants of a training with scores, certification and trained-by.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "RosterModel.h"
#include "TrainingsTestSupport.h"

using namespace cadre::trainings;
using namespace cadre::trainings::test;

class RosterModelTest : public QObject {
    Q_OBJECT

  private slots:
    void showsTheRosterAndUpdatesRowsInPlace();
};

void RosterModelTest::showsTheRosterAndUpdatesRowsInPlace() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 30);
    RosterModel model(m);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy countChanged(&model, &RosterModel::countChanged);

    model.setTrainingId(s.trainingId);
    QCOMPARE(model.count(), 30);
    QCOMPARE(countChanged.count(), 1);
    QCOMPARE(model.index(0).data(RosterModel::DisplayNameRole).toString(),
             QStringLiteral("Sèna Adjovi"));  // by family name
    QCOMPARE(model.index(0).data(RosterModel::MemberNameRole).toString(), QStringLiteral("Benin"));
    QVERIFY(model.index(0).data(RosterModel::CertifiedTrainerRole).toBool());
    QCOMPARE(model.index(0).data(RosterModel::TrainedByNameRole).toString(),
             QStringLiteral("Khadija Mbaye"));

    // A score typed for one participant changes that row only.
    reset.clear();
    const QString enrolment = model.index(5).data(RosterModel::IdRole).toString();
    m.setScore(enrolment, QStringLiteral("post"), 88.5);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(dataChanged.first().at(0).toModelIndex().row(), 5);
    QCOMPARE(model.index(5).data(RosterModel::PostScoreRole).toDouble(), 88.5);
    QCOMPARE(model.index(5).data(RosterModel::PostScoreTextRole).toString(),
             QStringLiteral("88.5"));
    m.setScore(enrolment, QStringLiteral("pre"), std::nullopt);
    QVERIFY(!model.index(5).data(RosterModel::PreScoreRole).isValid());

    // Quick-add of a new person adds a row; removing one takes it away.
    PersonInfo p;
    p.familyName = QStringLiteral("Zongo");
    p.givenNames = QStringLiteral("Aline");
    m.quickAdd(s.trainingId, p);
    QCOMPARE(model.count(), 31);
    QCOMPARE(model.index(30).data(RosterModel::FamilyNameRole).toString(), QStringLiteral("Zongo"));
    QCOMPARE(model.rowOfPerson(s.personIds[3]), 3);
    m.unenrol(model.index(30).data(RosterModel::IdRole).toString());
    QCOMPARE(model.count(), 30);
    QCOMPARE(model.rowOfPerson(QStringLiteral("nobody")), -1);
}

QTEST_GUILESS_MAIN(RosterModelTest)
#include "RosterModelTest.moc"
