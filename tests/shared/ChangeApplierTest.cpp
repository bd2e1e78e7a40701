// ChangeApplierTest: applyCreation, the insert tried without a lookup, stores exactly what
// load-then-applyChange stores, and writes nothing when the record exists after all.
#include <gtest/gtest.h>

#include "TestSupport.h"
#include "replica/ChangeApplier.h"

namespace cadre::test {
namespace {

using replica::RecordState;
using replica::RecordStore;
using replica::Replica;

/// A change of device `origin` that creates (or, with created false, edits) mission `row`.
Change missionChange(const std::string& origin, std::uint64_t hlc, const std::string& row,
                     const std::string& title, bool created = true) {
    Change c{origin, 1, hlc, "alice", "mission", row, created, {}};
    for (const auto& [column, value] : missionFields(title))
        c.fields.push_back({column, value, {}});
    c.fields.push_back({kDeletedColumn, Value(0), {}});
    return c;
}

/// The stored row of mission `id`, every column and the versions blob, as text.
std::string storedRow(Replica& r, const std::string& id) {
    replica::Statement st(r.database(),
                          "SELECT quote(title), quote(status), quote(member_id), "
                          "quote(sync_versions) FROM mission WHERE id = ?1");
    st.bind(1, id);
    if (!st.step())
        return "(none)";
    return st.text(0) + "|" + st.text(1) + "|" + st.text(2) + "|" + st.text(3);
}

std::int64_t totalChanges(Replica& r) {
    replica::Statement st(r.database(), "SELECT total_changes()");
    return st.step() ? st.integer(0) : -1;
}

class ChangeApplierTest : public ::testing::Test {
  protected:
    void TearDown() override {
        expectIntegrity(hub);
        expectIntegrity(other);
    }
    TempDir dir;
    FakeTime time;
    Replica hub{dir.file("hub.db"), options("hq", &time, Replica::Role::Hub)};
    Replica other{dir.file("other.db"), options("hq", &time, Replica::Role::Hub)};
    const domain::TableSpec& mission = *domain::findTable("mission");
    const std::string id = domain::timeOrderedUuid();
};

TEST_F(ChangeApplierTest, ACreationOfANewRecordStoresWhatLoadAndApplyWouldStore) {
    const Change c = missionChange("device-a", 1000, id, "Senegal 2026");
    RecordStore store(hub.database());
    RecordState state;
    const auto counts = replica::applyCreation(store, mission, state, c);
    ASSERT_TRUE(counts.has_value());
    EXPECT_EQ(counts->won, static_cast<int>(c.fields.size()));
    EXPECT_EQ(counts->lost + counts->alreadyKnown + counts->newConflicts, 0);
    EXPECT_TRUE(state.exists);
    EXPECT_EQ(state.values, store.load(mission, id).values);
    EXPECT_EQ(state.meta, store.load(mission, id).meta);

    RecordStore reference(other.database());
    RecordState loaded = reference.load(mission, id);
    ASSERT_FALSE(loaded.exists);
    const auto expected = replica::applyChange(reference, mission, loaded, c);
    EXPECT_EQ(counts->won, expected.won);
    EXPECT_EQ(storedRow(hub, id), storedRow(other, id));
    EXPECT_NE(storedRow(hub, id), "(none)");
}

TEST_F(ChangeApplierTest, ACreationOfARecordThatExistsWritesNothingAndLeavesTheMergeToApplyChange) {
    RecordStore store(hub.database());
    RecordState first;
    ASSERT_TRUE(replica::applyCreation(store, mission, first,
                                       missionChange("device-a", 1000, id, "Senegal 2026")));
    const std::string before = storedRow(hub, id);
    const std::int64_t writes = totalChanges(hub);

    // The same record created on a second device (as a natural key makes the same id there).
    const Change second = missionChange("device-b", 2000, id, "Sénégal 2026");
    RecordState untouched;
    untouched.values.assign(3, Value(7));
    RecordState state = untouched;
    EXPECT_FALSE(replica::applyCreation(store, mission, state, second).has_value());
    EXPECT_EQ(state.values, untouched.values);
    EXPECT_FALSE(state.exists);
    EXPECT_EQ(storedRow(hub, id), before);
    EXPECT_EQ(totalChanges(hub), writes);

    // The caller's fallback merges it: every write is counted, the later title wins.
    state = store.load(mission, id);
    const auto counts = replica::applyChange(store, mission, state, second);
    EXPECT_EQ(counts.won + counts.lost + counts.alreadyKnown,
              static_cast<int>(second.fields.size()));
    EXPECT_EQ(hub.get("mission", id)->fields.at("title"), Value("Sénégal 2026"));
    EXPECT_NE(storedRow(hub, id), before);
}

TEST_F(ChangeApplierTest, AnEditOrAChangeWithoutFieldsIsNotTriedAsACreation) {
    RecordStore store(hub.database());
    RecordState state;
    EXPECT_FALSE(replica::applyCreation(store, mission, state,
                                        missionChange("device-a", 1000, id, "Senegal", false)));
    Change empty{"device-a", 1, 1000, "alice", "mission", id, true, {}};
    EXPECT_FALSE(replica::applyCreation(store, mission, state, empty));
    EXPECT_EQ(storedRow(hub, id), "(none)");
}

}  // namespace
}  // namespace cadre::test
