// ReplicaTest: local writes are captured, remote changes merge by the sync contract (points 1–6).
#include <gtest/gtest.h>

#include <set>

#include "TestSupport.h"
#include "domain/Validation.h"
#include "replica/ChangeApplier.h"

namespace cadre::test {
namespace {

using replica::Replica;

class ReplicaTest : public ::testing::Test {
  protected:
    void TearDown() override {
        for (auto* r : {&hub, &alice, &bruno})
            expectIntegrity(*r);
    }
    TempDir dir;
    FakeTime hubTime, aliceTime, brunoTime;
    Replica hub{dir.file("hub.db"), options("hq", &hubTime, Replica::Role::Hub)};
    Replica alice{dir.file("alice.db"), options("alice", &aliceTime)};
    Replica bruno{dir.file("bruno.db"), options("bruno", &brunoTime)};
    std::int64_t aliceCursor = 0, brunoCursor = 0;

    void syncAll() {
        sync(alice, hub, aliceCursor);
        sync(bruno, hub, brunoCursor);
        sync(alice, hub, aliceCursor);
    }
    std::string observation(Replica& r, const std::string& mission, int standard) {
        return r.insert("observation", {{"mission_id", mission},
                                        {"standard_id", standardId(r, standard)},
                                        {"review_state", "draft"}});
    }
};

TEST_F(ReplicaTest, LocalInsertIsCapturedAsOneChange) {
    const auto id = alice.insert("mission", missionFields());
    const auto page = alice.pending(0, 10);
    ASSERT_EQ(page.changes.size(), 1u);
    const Change& c = page.changes[0];
    EXPECT_EQ(c.origin, alice.deviceId());
    EXPECT_EQ(c.seq, 1);
    EXPECT_TRUE(c.created);
    EXPECT_EQ(c.row, id);
    EXPECT_EQ(c.author, "alice");
    EXPECT_EQ(c.fields.size(), missionFields().size() + 1);  // every field given, plus deleted=0
    const auto rec = alice.get("mission", id);
    ASSERT_TRUE(rec);
    EXPECT_FALSE(rec->deleted);
    EXPECT_EQ(rec->fields.at("title"), Value("Diagnostic mission, Senegal 2026"));
    EXPECT_TRUE(rec->fields.at("economic_context").isNull());
}

TEST_F(ReplicaTest, EveryWriteKindIsCapturedWithItsBases) {
    const auto id = alice.insert("mission", missionFields());
    aliceTime.ms += 1000;
    alice.update("mission", id, {{"title", "Renamed"}});
    alice.remove("mission", id);
    alice.restore("mission", id);
    const auto page = alice.pending(0, 10);
    ASSERT_EQ(page.changes.size(), 4u);
    for (std::size_t i = 0; i < 4; ++i)
        EXPECT_EQ(page.changes[i].seq, static_cast<std::int64_t>(i + 1));
    // The edit of the title is based on the version the insert wrote.
    const auto& edit = page.changes[1];
    const auto title = std::find_if(edit.fields.begin(), edit.fields.end(),
                                    [](const FieldWrite& f) { return f.column == "title"; });
    ASSERT_NE(title, edit.fields.end());
    ASSERT_EQ(title->bases.size(), 1u);
    EXPECT_EQ(title->bases[0], page.changes[0].version());
    EXPECT_LT(page.changes[0].hlc, edit.hlc);
    EXPECT_EQ(alice.get("mission", id)->fields.at("title"), Value("Renamed"));
    EXPECT_FALSE(alice.get("mission", id)->deleted);
}

TEST_F(ReplicaTest, RefusedWritesLeaveNothingBehind) {
    const auto id = alice.insert("mission", missionFields());
    const auto hash = alice.stateHash();
    auto bad = missionFields();
    bad["kind"] = "holiday";
    EXPECT_THROW(alice.insert("mission", bad), domain::ValidationError);
    EXPECT_THROW(alice.update("mission", id, {{"no_such_column", "x"}}), domain::ValidationError);
    EXPECT_THROW(alice.update("mission", id, {{"title", Value()}}), domain::ValidationError);
    EXPECT_THROW(alice.update("mission", domain::randomUuid(), {{"title", "x"}}),
                 replica::WriteRefused);
    alice.remove("mission", id);
    EXPECT_THROW(alice.update("mission", id, {{"title", "x"}}), replica::WriteRefused);
    EXPECT_THROW(alice.remove("mission", id), replica::WriteRefused);
    const auto obs = observation(alice, id, 1);
    EXPECT_THROW(observation(alice, id, 1), replica::WriteRefused);
    EXPECT_THROW(alice.update("observation", obs, {{"standard_id", standardId(alice, 2)}}),
                 domain::ValidationError);
    EXPECT_EQ(alice.pendingCount(), 3);  // insert, remove, insert observation
    EXPECT_EQ(alice.lastSeq(), 3);
    EXPECT_NE(alice.stateHash(), hash);
}

TEST_F(ReplicaTest, AFailedTransactionRollsBackEveryWriteAndTheSequence) {
    alice.insert("mission", missionFields());
    EXPECT_THROW(alice.transaction([&] {
        alice.insert("mission", missionFields("second"));
        alice.insert("mission", missionFields("third"));
        throw std::runtime_error("the user cancelled");
    }),
                 std::runtime_error);
    EXPECT_EQ(alice.lastSeq(), 1);
    EXPECT_EQ(alice.pendingCount(), 1);
    alice.insert("mission", missionFields("after"));
    EXPECT_EQ(alice.pending(0, 10).changes.back().seq, 2);
}

TEST_F(ReplicaTest, RemoteChangesAreNotCapturedAgain) {
    alice.insert("mission", missionFields());
    sync(alice, hub, aliceCursor);
    sync(bruno, hub, brunoCursor);
    EXPECT_EQ(bruno.pendingCount(), 0);
    EXPECT_EQ(alice.pendingCount(), 0);
    EXPECT_EQ(bruno.stateHash(), alice.stateHash());
    EXPECT_EQ(hub.stateHash(), alice.stateHash());
}

TEST_F(ReplicaTest, ConcurrentEditsOfDifferentFieldsBothSurvive) {
    const auto m = alice.insert("mission", missionFields());
    const auto o = observation(alice, m, 3);
    syncAll();
    alice.update("observation", o, {{"gaps", "Pas de base légale pour les données préalables"}});
    bruno.update("observation", o, {{"maturity", 2}});
    syncAll();
    for (auto* r : {&alice, &bruno, &hub}) {
        const auto rec = r->get("observation", o);
        EXPECT_EQ(rec->fields.at("gaps"), Value("Pas de base légale pour les données préalables"));
        EXPECT_EQ(rec->fields.at("maturity"), Value(2));
        EXPECT_TRUE(r->conflicts().empty());
    }
    EXPECT_EQ(alice.stateHash(), bruno.stateHash());
}

TEST_F(ReplicaTest, ConcurrentEditsOfOneFieldKeepTheLoserAsAConflictUntilResolved) {
    const auto m = alice.insert("mission", missionFields());
    const auto o = observation(alice, m, 5);
    syncAll();
    aliceTime.ms += 10'000;
    brunoTime.ms += 20'000;  // bruno writes later: he wins
    alice.update("observation", o, {{"recommendations", "Adopt a simplified clearance regime"}});
    bruno.update("observation", o, {{"recommendations", "Raise the low-value threshold"}});
    syncAll();
    for (auto* r : {&alice, &bruno, &hub}) {
        EXPECT_EQ(r->get("observation", o)->fields.at("recommendations"),
                  Value("Raise the low-value threshold"));
        const auto conflicts = r->conflicts();
        ASSERT_EQ(conflicts.size(), 1u);
        EXPECT_EQ(conflicts[0].column, "recommendations");
        EXPECT_EQ(conflicts[0].loser.value, Value("Adopt a simplified clearance regime"));
        EXPECT_EQ(conflicts[0].loser.author, "alice");
        EXPECT_EQ(conflicts[0].loser.version.device, alice.deviceId());
        EXPECT_EQ(conflicts[0].winner.author, "bruno");
    }
    // An ordinary edit does not silently close the conflict…
    bruno.update("observation", o, {{"recommendations", "Raise the threshold, then review"}});
    syncAll();
    EXPECT_EQ(hub.conflicts().size(), 1u);
    // …a resolution at HQ does, and reaches every device.
    hub.resolve("observation", o, "recommendations",
                Value("Both: simplified regime and threshold"));
    syncAll();
    for (auto* r : {&alice, &bruno, &hub}) {
        EXPECT_TRUE(r->conflicts().empty());
        EXPECT_EQ(r->get("observation", o)->fields.at("recommendations"),
                  Value("Both: simplified regime and threshold"));
    }
    EXPECT_EQ(alice.stateHash(), hub.stateHash());
    EXPECT_EQ(bruno.stateHash(), hub.stateHash());
}

TEST_F(ReplicaTest, TiesOnTheClockAreBrokenByDeviceId) {
    const auto m = alice.insert("mission", missionFields());
    syncAll();
    aliceTime.ms = brunoTime.ms = hubTime.ms = 1'800'000'000'000;
    alice.update("mission", m, {{"title", "A"}});
    bruno.update("mission", m, {{"title", "B"}});
    syncAll();
    const std::string expected = alice.deviceId() > bruno.deviceId() ? "A" : "B";
    EXPECT_EQ(alice.get("mission", m)->fields.at("title"), Value(expected));
    EXPECT_EQ(bruno.get("mission", m)->fields.at("title"), Value(expected));
}

TEST_F(ReplicaTest, TwoDevicesCreatingTheSameObservationMakeOneRecord) {
    const auto m = alice.insert("mission", missionFields());
    syncAll();
    const auto a = alice.insert("observation", {{"mission_id", m},
                                                {"standard_id", standardId(alice, 7)},
                                                {"review_state", "draft"},
                                                {"maturity", 1}});
    const auto b =
        bruno.insert("observation", {{"mission_id", m},
                                     {"standard_id", standardId(bruno, 7)},
                                     {"review_state", "draft"},
                                     {"gaps", "No valuation rules for low-value goods"}});
    EXPECT_EQ(a, b);
    syncAll();
    replica::Statement st(hub.database(), "SELECT count(*) FROM observation WHERE mission_id = ?1");
    st.bind(1, m);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 1);
    const auto rec = hub.get("observation", a);
    EXPECT_EQ(rec->fields.at("maturity"), Value(1));
    EXPECT_EQ(rec->fields.at("gaps"), Value("No valuation rules for low-value goods"));
    EXPECT_TRUE(hub.conflicts().empty());
    EXPECT_EQ(alice.stateHash(), bruno.stateHash());
}

TEST_F(ReplicaTest, ADeleteConcurrentWithAnEditIsAConflictAndTheRecordCanBeRestored) {
    const auto m = alice.insert("mission", missionFields());
    syncAll();
    aliceTime.ms += 5'000;
    brunoTime.ms += 1'000;
    alice.remove("mission", m);  // later: the delete wins
    bruno.update("mission", m, {{"economic_context", "E-commerce grew 40% in two years"}});
    syncAll();
    for (auto* r : {&alice, &bruno, &hub}) {
        const auto rec = r->get("mission", m);
        EXPECT_TRUE(rec->deleted);
        EXPECT_EQ(rec->fields.at("economic_context"), Value("E-commerce grew 40% in two years"));
        const auto conflicts = r->conflicts();
        ASSERT_EQ(conflicts.size(), 1u);
        EXPECT_EQ(conflicts[0].column, kDeletedColumn);
        EXPECT_EQ(conflicts[0].loser.author, "bruno");
    }
    hub.resolve("mission", m, kDeletedColumn, Value(0));  // HQ keeps the mission
    syncAll();
    for (auto* r : {&alice, &bruno, &hub}) {
        EXPECT_FALSE(r->get("mission", m)->deleted);
        EXPECT_TRUE(r->conflicts().empty());
    }
    alice.remove("mission", m);
    syncAll();
    bruno.restore("mission", m);
    syncAll();
    EXPECT_FALSE(alice.get("mission", m)->deleted);
    EXPECT_EQ(alice.stateHash(), bruno.stateHash());
}

TEST_F(ReplicaTest, ConcurrentEditsOfReferenceDataConflictLikeAnyOther) {
    const auto std8 = standardId(alice, 8);
    alice.update("standard", std8, {{"title_fr", "Seuil de faible valeur"}});
    brunoTime.ms += 1;
    bruno.update("standard", std8, {{"title_fr", "Seuil des envois de faible valeur"}});
    syncAll();
    EXPECT_EQ(hub.conflicts().size(), 1u);
    EXPECT_EQ(alice.stateHash(), bruno.stateHash());
    EXPECT_EQ(alice.stateHash(), hub.stateHash());
}

TEST_F(ReplicaTest, ReplayedAndDuplicatedChangesChangeNothing) {
    const auto m = alice.insert("mission", missionFields());
    alice.update("mission", m, {{"title", "v2"}});
    const auto batch = alice.pending(0, 10).changes;
    auto first = hub.applyRemote(batch);
    EXPECT_EQ(first.applied, 2u);
    const auto hash = hub.stateHash();
    auto again = hub.applyRemote(batch);
    EXPECT_EQ(again.applied, 0u);
    EXPECT_EQ(again.replayed, 2u);
    std::vector<Change> doubled = {batch[0], batch[0], batch[1], batch[1]};
    EXPECT_EQ(bruno.applyRemote(doubled).applied, 2u);
    EXPECT_EQ(hub.stateHash(), hash);
    EXPECT_EQ(hub.changesSince(0, 100).changes.size(), 2u);  // logged once
    // A device's own changes coming back from the hub are recognised too.
    EXPECT_EQ(alice.applyRemote(batch).replayed, 2u);
}

TEST_F(ReplicaTest, ABatchWithAGapOrABadChangeIsRejectedWhole) {
    const auto m = alice.insert("mission", missionFields());
    alice.update("mission", m, {{"title", "v2"}});
    alice.update("mission", m, {{"title", "v3"}});
    auto batch = alice.pending(0, 10).changes;
    const auto hash = hub.stateHash();
    EXPECT_THROW(hub.applyRemote({batch[0], batch[2]}), replica::SequenceGapError);
    EXPECT_EQ(hub.stateHash(), hash);
    EXPECT_EQ(hub.originSeq(alice.deviceId()), 0);
    auto broken = batch;
    broken[2].fields[0].value = Value(std::string("\xC3\x28"));  // invalid UTF-8
    try {
        hub.applyRemote(broken);
        FAIL() << "an invalid change was accepted";
    } catch (const domain::ValidationError& e) {
        ASSERT_FALSE(e.issues().empty());
        EXPECT_EQ(e.issues()[0].field.rfind("changes[2].fields.", 0), 0u) << e.issues()[0].field;
    }
    EXPECT_EQ(hub.stateHash(), hash);
    EXPECT_EQ(hub.applyRemote(batch).applied, 3u);
}

TEST_F(ReplicaTest, AnEditWhoseCreationNeverArrivedIsRefused) {
    const auto m = alice.insert("mission", missionFields());
    syncAll();
    alice.update("mission", m, {{"title", "v2"}});
    auto edit = alice.pending(0, 10).changes;
    edit[0].row = domain::randomUuid();
    EXPECT_THROW(bruno.applyRemote(edit), replica::MissingRecordError);
}

TEST_F(ReplicaTest, TimestampsTooFarAheadAreRefused) {
    FakeTime future;
    future.ms = hubTime.ms + 365LL * 24 * 3600 * 1000;  // a year ahead
    Replica liar(dir.file("liar.db"), options("liar", &future));
    liar.insert("mission", missionFields("From the future"));
    const auto hash = hub.stateHash();
    EXPECT_THROW(hub.applyRemote(liar.pending(0, 10).changes), clock::ClockSkewError);
    EXPECT_EQ(hub.stateHash(), hash);
    // Once the device learns the server's time, its new writes are accepted.
    Replica fixed(dir.file("fixed.db"), options("fixed", &future));
    fixed.setClockOffset(hubTime.ms - future.ms);
    fixed.insert("mission", missionFields("Corrected"));
    EXPECT_EQ(hub.applyRemote(fixed.pending(0, 10).changes).applied, 1u);
    expectIntegrity(liar);
}

TEST_F(ReplicaTest, TheHubLogPagesEveryChangeExactlyOnce) {
    for (int i = 0; i < 23; ++i)
        alice.insert("mission", missionFields("m" + std::to_string(i)));
    hub.applyRemote(alice.pending(0, 100).changes);
    std::set<std::int64_t> seen;
    std::int64_t cursor = 0;
    for (replica::LogPage page;;) {
        page = hub.changesSince(cursor, 5);
        for (const auto& c : page.changes)
            EXPECT_TRUE(seen.insert(c.seq).second);
        cursor = page.nextCursor;
        if (!page.more)
            break;
    }
    EXPECT_EQ(seen.size(), 23u);
    EXPECT_EQ(*seen.rbegin(), 23);
}

TEST_F(ReplicaTest, APulledPageIsAppliedAsDecodedOwnChangesSkipped) {
    const auto m = alice.insert("mission", missionFields());
    observation(alice, m, 2);
    bruno.insert("mission", missionFields("bruno's"));
    hub.applyRemote(alice.pending(0, 100).changes);
    hub.applyRemote(bruno.pending(0, 100).changes);
    // The page as the server answers a pull: the hub's log text, decoded and validated once.
    std::string body = "{\"changes\":[";
    const auto log = hub.rawChangesIn({replica::ScopeMark{"*", "", 0}}, 100);
    for (std::size_t i = 0; i < log.changes.size(); ++i)
        body += (i ? "," : "") + log.changes[i];
    body += "],\"cursor\":\"c\",\"more\":false,\"server_time_ms\":1}";
    const codec::PullPage page = codec::decodePullPage(body);
    ASSERT_EQ(page.changes.size(), 3u);
    replica::ApplyReport report;
    alice.transaction([&] { report = alice.applyPulled(page); });
    EXPECT_EQ(report.applied, 1u) << "bruno's mission";
    EXPECT_EQ(report.replayed, 2u) << "alice's own two changes come back and are skipped";
    alice.acknowledge(2);
    EXPECT_EQ(alice.stateHash(), hub.stateHash());
}

TEST_F(ReplicaTest, AcknowledgedChangesLeaveTheOutbox) {
    const auto m = alice.insert("mission", missionFields());
    alice.update("mission", m, {{"title", "v2"}});
    alice.acknowledge(1);
    EXPECT_EQ(alice.pendingCount(), 1);
    EXPECT_EQ(alice.pending(0, 10).changes[0].seq, 2);
    EXPECT_THROW(alice.acknowledge(5), std::invalid_argument);
}

TEST(ReplicaPersistence, IdentitySequenceAndClockSurviveARestart) {
    TempDir dir;
    FakeTime time;
    std::string device;
    clock::Hlc lastHlc = 0;
    {
        replica::Replica r(dir.file("r.db"), options("alice", &time));
        device = r.deviceId();
        r.insert("mission", missionFields());
        lastHlc = r.pending(0, 1).changes[0].hlc;
    }
    time.ms -= 60'000;  // the device clock went back a minute while it was off
    replica::Replica r(dir.file("r.db"), options("alice", &time));
    EXPECT_EQ(r.deviceId(), device);
    EXPECT_EQ(r.lastSeq(), 1);
    r.insert("mission", missionFields("after restart"));
    const auto page = r.pending(0, 10);
    ASSERT_EQ(page.changes.size(), 2u);
    EXPECT_EQ(page.changes[1].seq, 2);
    EXPECT_GT(page.changes[1].hlc, lastHlc);
    expectIntegrity(r);
}

}  // namespace
}  // namespace cadre::test
