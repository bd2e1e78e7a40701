// ReplicaSharedFileTest: two Replica objects on one file (the client's UI thread and its sync
// thread) never reuse a sequence number, lose a change or roll a clock back.
#include <gtest/gtest.h>

#include <set>

#include "TestSupport.h"

namespace cadre::test {
namespace {

using replica::Replica;

TEST(ReplicaSharedFileTest, WritesThroughEitherObjectContinueOneSequence) {
    TempDir dir;
    FakeTime time;
    Replica ui{dir.file("device.db"), options("amina", &time)};
    Replica sync{dir.file("device.db"), options("amina", &time)};
    EXPECT_EQ(ui.deviceId(), sync.deviceId());

    const auto m1 = ui.insert("mission", missionFields());
    time.ms += 10;
    EXPECT_EQ(sync.lastSeq(), 1);  // sees the other connection's commit without a write
    sync.update("mission", m1, {{"title", Value("Renamed by the second object")}});
    time.ms += 10;
    ui.update("mission", m1, {{"status", Value("completed")}});

    EXPECT_EQ(ui.lastSeq(), 3);
    EXPECT_EQ(sync.lastSeq(), 3);
    const auto page = ui.pending(0, 10);
    ASSERT_EQ(page.changes.size(), 3u);
    std::set<std::int64_t> seqs;
    for (std::size_t i = 0; i < page.changes.size(); ++i) {
        EXPECT_EQ(page.changes[i].seq, static_cast<std::int64_t>(i + 1));
        seqs.insert(page.changes[i].seq);
        if (i > 0) {
            EXPECT_GT(page.changes[i].hlc, page.changes[i - 1].hlc) << "clock went back at " << i;
        }
    }
    EXPECT_EQ(seqs.size(), 3u);
    const auto rec = ui.get("mission", m1);
    ASSERT_TRUE(rec);
    EXPECT_EQ(rec->fields.at("title"), Value("Renamed by the second object"));
    EXPECT_EQ(rec->fields.at("status"), Value("completed"));

    // The sync object acknowledges what the UI object wrote after it last looked.
    sync.acknowledge(3);
    EXPECT_EQ(ui.pendingCount(), 0);
    const auto m2 = ui.insert("mission", missionFields("Follow-up mission"));
    EXPECT_EQ(ui.lastSeq(), 4);
    EXPECT_EQ(sync.pending(0, 10).changes.at(0).row, m2);
    expectIntegrity(ui);
}

}  // namespace
}  // namespace cadre::test

namespace cadre::test {
namespace {

using replica::Replica;

// The hub commits several devices' pushes in one transaction, each in a savepoint: a refused
// batch is undone alone, and the hub's memory of each device's sequence goes back with it.
TEST(ReplicaSavepointTest, ARefusedBatchIsUndoneAloneInsideTheGroup) {
    TempDir dir;
    FakeTime hubTime, aTime, bTime;
    Replica hub{dir.file("hub.db"), options("hq", &hubTime, Replica::Role::Hub)};
    Replica a{dir.file("a.db"), options("amina", &aTime)};
    Replica b{dir.file("b.db"), options("luc", &bTime)};
    a.insert("mission", missionFields("Mission A"));
    b.insert("mission", missionFields("Mission B"));
    bTime.ms += 5;
    b.insert("mission", missionFields("Mission B2"));
    const auto fromA = a.pending(0, 10).changes;
    auto fromB = b.pending(0, 10).changes;
    ASSERT_EQ(fromB.size(), 2u);

    EXPECT_THROW(hub.savepoint([] {}), std::logic_error);  // only inside a transaction
    hub.transaction([&] {
        hub.savepoint([&] { hub.applyRemote(fromA); });
        // B's second change alone: a gap. Its savepoint is rolled back, A's write stays.
        EXPECT_THROW(hub.savepoint([&] { hub.applyRemote({fromB[1]}); }),
                     replica::SequenceGapError);
        // A batch that applies, then fails: its first change must not stay either.
        EXPECT_THROW(hub.savepoint([&] {
            hub.applyRemote({fromB[0]});
            throw std::runtime_error("refused after applying");
        }),
                     std::runtime_error);
        EXPECT_EQ(hub.originSeq(b.deviceId()), 0);
        EXPECT_EQ(hub.originSeq(a.deviceId()), 1);
    });
    EXPECT_EQ(hub.originSeq(a.deviceId()), 1);
    EXPECT_EQ(hub.originSeq(b.deviceId()), 0);
    EXPECT_TRUE(hub.get("mission", fromA[0].row));
    EXPECT_FALSE(hub.get("mission", fromB[0].row));
    for (const auto& logged : hub.changesSince(0, 100).changes)
        EXPECT_NE(logged.origin, b.deviceId()) << "an undone change stayed in the hub's log";

    // B pushes again, whole: applied as if nothing had happened.
    hub.transaction([&] { hub.savepoint([&] { hub.applyRemote(fromB); }); });
    EXPECT_EQ(hub.originSeq(b.deviceId()), 2);
    EXPECT_TRUE(hub.get("mission", fromB[1].row));
    expectIntegrity(hub);
}

}  // namespace
}  // namespace cadre::test

namespace cadre::test {
namespace {

using replica::Replica;

// Setting aside a refused change takes the later changes of its record with it, keeps every
// other change in order and renumbers them to follow on without a gap, in the stored JSON too.
TEST(ReplicaSetAsideTest, TheRestOfTheOutboxFollowsOnWithoutAGap) {
    TempDir dir;
    FakeTime time;
    Replica device{dir.file("device.db"), options("amina", &time)};
    const auto refused = device.insert("mission", missionFields("Not hers"));
    time.ms += 5;
    const auto kept = device.insert("mission", missionFields("Hers"));
    time.ms += 5;
    device.update("mission", refused, {{"title", "Not hers, edited"}});
    time.ms += 5;
    device.update("mission", kept, {{"title", "Hers, edited"}});
    ASSERT_EQ(device.lastSeq(), 4);

    EXPECT_EQ(device.setAside({{1, "this mission is not assigned to you"}}, 403, "forbidden"), 2u);
    const auto aside = device.setAsideChanges();
    ASSERT_EQ(aside.size(), 2u);
    EXPECT_EQ(aside[0].row, refused);
    EXPECT_EQ(aside[0].reason, "this mission is not assigned to you");
    EXPECT_EQ(aside[1].row, refused);
    EXPECT_NE(aside[1].reason.find("follows a refused change"), std::string::npos);

    const auto left = device.pending(0, 10).changes;
    ASSERT_EQ(left.size(), 2u);
    EXPECT_EQ(left[0].row, kept);
    EXPECT_EQ(left[0].seq, 1);
    EXPECT_EQ(left[1].row, kept);
    EXPECT_EQ(left[1].seq, 2);
    EXPECT_EQ(device.lastSeq(), 2);
    const auto wire = device.pendingWire(10);
    EXPECT_EQ(wire.firstSeq, 1);
    EXPECT_EQ(wire.lastSeq, 2);
    // The records keep their local values; the next local change follows on.
    EXPECT_EQ(device.get("mission", refused)->fields.at("title"), Value("Not hers, edited"));
    device.update("mission", kept, {{"status", Value("completed")}});
    EXPECT_EQ(device.lastSeq(), 3);
    EXPECT_EQ(device.setAside({}, 403, "forbidden"), 0u);
    device.dismissSetAside(aside[0].id);
    EXPECT_EQ(device.setAsideChanges().size(), 1u);
    expectIntegrity(device);

    // Reopened, the numbering goes on from where it is.
    Replica again{dir.file("device.db"), options("amina", &time)};
    EXPECT_EQ(again.lastSeq(), 3);
}

}  // namespace
}  // namespace cadre::test
