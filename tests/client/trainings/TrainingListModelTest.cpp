// TrainingListModelTest: the trainings list — filters, search, roles, and refresh on writes.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "TrainingListModel.h"
#include "TrainingsTestSupport.h"

using namespace cadre::trainings;
using namespace cadre::trainings::test;

class TrainingListModelTest : public QObject {
    Q_OBJECT

  private slots:
    void filtersSearchesAndRefreshes();
};

void TrainingListModelTest::filtersSearchesAndRefreshes() {
    TempReplica r;
    TrainingManager m(r.replica());
    const auto s = seedDakarToT(m, 4);
    seedOtherTrainings(m);
    TrainingListModel model(m);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy countChanged(&model, &TrainingListModel::countChanged);

    QCOMPARE(model.count(), 4);
    model.setKindFilter(QStringLiteral("training_of_trainers"));
    QCOMPARE(model.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(countChanged.count(), 1);
    const QModelIndex tot = model.index(0);
    QCOMPARE(tot.data(TrainingListModel::IdRole).toString(), s.trainingId);
    QCOMPARE(tot.data(TrainingListModel::KindLabelRole).toString(),
             QStringLiteral("Training of trainers"));
    QCOMPARE(tot.data(TrainingListModel::PlaceRole).toString(), QStringLiteral("Senegal"));
    QCOMPARE(tot.data(TrainingListModel::ParticipantCountRole).toInt(), 4);
    QCOMPARE(tot.data(TrainingListModel::SessionCountRole).toInt(), 3);
    QCOMPARE(tot.data(TrainingListModel::StartsOnRole).toDate(), QDate(2026, 12, 1));
    QVERIFY(!tot.data(TrainingListModel::DatesRole).toString().isEmpty());
    QVERIFY(model.roleNames().contains(TrainingListModel::StatusLabelRole));

    model.setKindFilter({});
    model.setStatusFilter(QStringLiteral("planned"));
    QCOMPARE(model.count(), 1);
    model.setStatusFilter({});
    model.setSearchText(QStringLiteral("abidjan"));
    QCOMPARE(model.count(), 2);
    model.setSearchText({});
    QCOMPARE(model.count(), 4);

    // An edit of one training changes its row in place; a new training resets.
    reset.clear();
    dataChanged.clear();
    auto fields = *m.training(s.trainingId);
    fields.status = QStringLiteral("completed");
    m.updateTraining(s.trainingId, fields);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(dataChanged.count(), 1);
    TrainingFields extra;
    extra.kind = QStringLiteral("seminar");
    extra.title = QStringLiteral("Seminar on MSME needs");
    m.createTraining(extra);
    QCOMPARE(model.count(), 5);
    QCOMPARE(reset.count(), 1);
}

QTEST_GUILESS_MAIN(TrainingListModelTest)
#include "TrainingListModelTest.moc"
