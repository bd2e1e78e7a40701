// AttentionModelTest: conflicts, refused changes and HQ reviews in one list, checked by
// QAbstractItemModelTester (Fatal) and QSignalSpy.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "TestReplicas.h"
#include "sync/AttentionModel.h"
#include "sync/RejectionStore.h"

using cadre::client::AttentionModel;

namespace {

int rowOfKind(const AttentionModel& model, const QString& kind) {
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.data(model.index(i), AttentionModel::KindRole).toString() == kind)
            return i;
    return -1;
}

}  // namespace

class AttentionModelTest : public QObject {
    Q_OBJECT

  private slots:
    void emptyWhenNothingNeedsAttention() {
        cadre::test::TestReplicas r;
        AttentionModel model(*r.a);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.count(), 0);
        const auto roles = model.roleNames();
        for (const char* name : {"kind", "title", "reason", "when", "table", "recordId", "column",
                                 "missionId", "winnerValue", "loserValue", "loserAuthor"})
            QVERIFY2(roles.values().contains(QByteArray(name)), name);
    }

    void aConflictShowsBothSidesWithWhoAndWhen() {
        cadre::test::TestReplicas r;
        AttentionModel model(*r.a);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy count(&model, &AttentionModel::countChanged);

        r.makeConflict();
        model.reload();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.conflictCount(), 1);
        const int row = rowOfKind(model, QStringLiteral("conflict"));
        QVERIFY(row >= 0);
        const QModelIndex i = model.index(row);
        QCOMPARE(i.data(AttentionModel::TableRole).toString(), QStringLiteral("observation"));
        QCOMPARE(i.data(AttentionModel::RecordIdRole).toString(),
                 QString::fromStdString(r.observation));
        QCOMPARE(i.data(AttentionModel::ColumnRole).toString(), QStringLiteral("current_state"));
        QCOMPARE(i.data(AttentionModel::MissionIdRole).toString(),
                 QString::fromStdString(r.mission));
        QCOMPARE(i.data(AttentionModel::TitleRole).toString(),
                 QStringLiteral("Observation – Standard 3 · Diagnostic — Sénégal"));
        const QStringList values = {i.data(AttentionModel::WinnerValueRole).toString(),
                                    i.data(AttentionModel::LoserValueRole).toString()};
        QVERIFY(values.contains(QStringLiteral("Pilot at the airport")));
        QVERIFY(values.contains(QStringLiteral("Nothing at the border yet")));
        const QStringList authors = {i.data(AttentionModel::WinnerAuthorRole).toString(),
                                     i.data(AttentionModel::LoserAuthorRole).toString()};
        QVERIFY(authors.contains(QStringLiteral("amina")));
        QVERIFY(authors.contains(QStringLiteral("luc")));
        QVERIFY(i.data(AttentionModel::LoserAtRole).toDateTime().isValid());
        QVERIFY(i.data(AttentionModel::WhenRole).toDateTime().isValid());
        QVERIFY(i.data(AttentionModel::ReasonRole)
                    .toString()
                    .contains(QStringLiteral("Current state")));

        // HQ resolves; the resolution reaches the device and the entry goes.
        r.hub->resolve("observation", r.observation, "current_state", "Pilot at the airport only");
        r.relay(*r.a);
        model.reload();
        QCOMPARE(model.conflictCount(), 0);
        QCOMPARE(model.rowCount(), 0);
    }

    void aRefusedChangeIsListedUnderItsRecordAndItsDataStays() {
        cadre::test::TestReplicas r;
        const auto mission = r.a->insert(
            "mission", {{"kind", "diagnostic"},
                        {"member_id", cadre::domain::namedUuid("member/FRA")},
                        {"edition_id", cadre::domain::namedUuid("catalogue_edition/2018")},
                        {"title", "Study visit — France"},
                        {"status", "planned"},
                        {"review_state", "draft"}});
        r.a->update("mission", mission, {{"economic_context", "Hub for parcels"}});
        QVERIFY(cadre::client::RejectionStore::recordPush(
            *r.a,
            {cadre::sync::Rejection{403,
                                    "forbidden",
                                    "the batch was refused: nothing of it was applied",
                                    {{"changes[0]", "experts do not create missions"},
                                     {"changes[1]", "experts do not create missions"}}}},
            500, 1700000000000));
        AttentionModel model(*r.a);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 1);  // two refused changes of one record: one entry
        QCOMPARE(model.rejectedCount(), 1);
        const QModelIndex i = model.index(0);
        QCOMPARE(i.data(AttentionModel::KindRole).toString(), QStringLiteral("rejected"));
        QCOMPARE(i.data(AttentionModel::TitleRole).toString(),
                 QStringLiteral("Study visit — France"));
        QVERIFY(i.data(AttentionModel::ReasonRole)
                    .toString()
                    .contains(QStringLiteral("experts do not create missions")));
        QCOMPARE(i.data(AttentionModel::WhenRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(1700000000000));
        QVERIFY(r.a->get("mission", mission).has_value());
        QCOMPARE(r.a->pendingCount(), 2);
    }

    void hqReviewsWithIssuesAndCommentsAreListed() {
        cadre::test::TestReplicas r;
        r.hub->update("observation", r.observation, {{"review_state", "has_issues"}});
        r.hub->insert("review_comment", {{"mission_id", r.mission},
                                         {"observation_id", r.observation},
                                         {"body", "Please cite the customs code article."},
                                         {"posted_at", "2026-11-20T10:15:00Z"}});
        AttentionModel model(*r.a);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 0);
        QSignalSpy count(&model, &AttentionModel::countChanged);
        r.relay(*r.a);
        model.reload();
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        const int review = rowOfKind(model, QStringLiteral("review"));
        const int comment = rowOfKind(model, QStringLiteral("comment"));
        QVERIFY(review >= 0 && comment >= 0);
        QCOMPARE(model.index(comment).data(AttentionModel::ReasonRole).toString(),
                 QStringLiteral("Please cite the customs code article."));
        QCOMPARE(model.index(comment).data(AttentionModel::WhenRole).toDateTime(),
                 QDateTime(QDate(2026, 11, 20), QTime(10, 15), Qt::UTC));
        QCOMPARE(model.index(review).data(AttentionModel::TitleRole).toString(),
                 QStringLiteral("Observation – Standard 3 · Diagnostic — Sénégal"));

        // Approved work leaves the list.
        r.hub->update("observation", r.observation, {{"review_state", "approved"}});
        r.relay(*r.a);
        model.reload();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(AttentionModelTest)
#include "AttentionModelTest.moc"
