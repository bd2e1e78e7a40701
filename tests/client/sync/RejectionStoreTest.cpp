// RejectionStoreTest: refused pushes are named by record, kept across restarts, and forgotten
// once a push goes through.
#include <QtTest>

#include "TestReplicas.h"
#include "sync/RejectionStore.h"

using cadre::client::RejectionStore;
using cadre::sync::Rejection;

class RejectionStoreTest : public QObject {
    Q_OBJECT

  private slots:
    void issueFieldsNameTheirChange() {
        std::string column;
        QCOMPARE(RejectionStore::changeIndex("changes[2].fields.maturity", &column), 2);
        QCOMPARE(column, std::string("maturity"));
        QCOMPARE(RejectionStore::changeIndex("changes[0]", &column), 0);
        QCOMPARE(column, std::string());
        QCOMPARE(RejectionStore::changeIndex("changes[11].author", &column), 11);
        QCOMPARE(column, std::string("author"));
        QCOMPARE(RejectionStore::changeIndex("body", &column), -1);
        QCOMPARE(RejectionStore::changeIndex("changes[x]", &column), -1);
        QCOMPARE(RejectionStore::changeIndex("changes[]", &column), -1);
    }

    void aRefusalNamesTheRecordsOfTheBatchAndSurvivesARestart() {
        cadre::test::TestReplicas r;
        const auto mission = r.a->insert(
            "mission", {{"kind", "diagnostic"},
                        {"member_id", cadre::domain::namedUuid("member/FRA")},
                        {"edition_id", cadre::domain::namedUuid("catalogue_edition/2018")},
                        {"title", "Mission the expert may not create"},
                        {"status", "planned"},
                        {"review_state", "draft"}});
        r.a->update("observation", r.observation, {{"gaps", "None"}});
        const Rejection refused{403,
                                "forbidden",
                                "the batch was refused: nothing of it was applied",
                                {{"changes[0]", "experts do not create missions"}}};
        QVERIFY(RejectionStore::recordPush(*r.a, {refused}, 500, 1000));
        auto stored = RejectionStore::load(*r.a);
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].table, QStringLiteral("mission"));
        QCOMPARE(stored[0].row, QString::fromStdString(mission));
        QCOMPARE(stored[0].code, QStringLiteral("forbidden"));
        QCOMPARE(stored[0].reason, QStringLiteral("experts do not create missions"));
        QCOMPARE(stored[0].status, 403);
        QCOMPARE(stored[0].atMs, 1000);

        // The same refusal again keeps the time it was first seen: nothing changes.
        QVERIFY(!RejectionStore::recordPush(*r.a, {refused}, 500, 5000));

        // Another Replica object on the same file (a restart) reads the same list.
        cadre::replica::Replica again(r.path("a.db"), {});
        QCOMPARE(RejectionStore::load(again), stored);

        // A push that went through forgets the refusal.
        QVERIFY(RejectionStore::recordPush(*r.a, {}, 500, 6000));
        QVERIFY(RejectionStore::load(*r.a).isEmpty());
        QVERIFY(!RejectionStore::recordPush(*r.a, {}, 500, 7000));
    }

    void aRefusalNamingNoChangeHoldsUpTheWholeOutbox() {
        cadre::test::TestReplicas r;
        r.a->update("observation", r.observation, {{"gaps", "Customs law of 1987"}});
        const auto first = r.a->pending(0, 1).changes.front().seq;
        QVERIFY(RejectionStore::recordPush(
            *r.a, {Rejection{409, "sequence_gap", "push from sequence 1", {}}}, 500, 1));
        const auto stored = RejectionStore::load(*r.a);
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored[0].table.isEmpty());
        QCOMPARE(stored[0].seq, first);
        QCOMPARE(stored[0].reason, QStringLiteral("push from sequence 1"));
    }
};

QTEST_GUILESS_MAIN(RejectionStoreTest)
#include "RejectionStoreTest.moc"
