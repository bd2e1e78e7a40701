// ScopedPullTest: the hub logs each change with its record's scope and pulls only what a user may
// read.
#include <gtest/gtest.h>

#include <set>

#include "TestSupport.h"
#include "codec/ChangeCodec.h"
#include "domain/RecordScope.h"

namespace cadre::test {
namespace {

using replica::Replica;
using replica::ScopeMark;

/// Reads the scopes as a server's pull does: all marks move to the page's end after each page.
std::set<std::string> tablesPulled(Replica& hub, std::vector<ScopeMark> scopes,
                                   std::int64_t& cursor) {
    std::set<std::string> out;
    for (auto& s : scopes)
        s.after = cursor;
    for (;;) {
        auto page = hub.rawChangesIn(scopes, 3);
        for (const auto& json : page.changes) {
            const auto c = codec::decodeChange(json);
            out.insert(c.table + ":" + c.row);
        }
        for (auto& s : scopes)
            s.after = std::max(s.after, page.nextCursor);
        cursor = page.nextCursor;
        if (!page.more)
            break;
    }
    return out;
}

std::vector<ScopeMark> expertOf(const std::string& mission) {
    return {{"reference", "", 0}, {"people", "", 0}, {"mission", mission, 0}};
}

TEST(ScopedPull, AnExpertReceivesTheirMissionAndTheSharedAreasOnly) {
    TempDir dir;
    FakeTime time;
    Replica hub(dir.file("hub.db"), options("hq", &time, Replica::Role::Hub));
    const auto mine = hub.insert("mission", missionFields("Mine"));
    const auto other = hub.insert("mission", missionFields("Someone else's"));
    const auto myObs = hub.insert(
        "observation",
        {{"mission_id", mine}, {"standard_id", standardId(hub, 2)}, {"review_state", "draft"}});
    const auto otherObs = hub.insert(
        "observation",
        {{"mission_id", other}, {"standard_id", standardId(hub, 2)}, {"review_state", "draft"}});
    const auto person = hub.insert("person", {{"family_name", "Ndiaye"}});
    const auto training = hub.insert(
        "training",
        {{"kind", "training_of_trainers"}, {"title", "ToT Dakar"}, {"status", "planned"}});
    const auto session =
        hub.insert("training_session",
                   {{"training_id", training}, {"held_on", "2026-12-01"}, {"part", "morning"}});
    const auto mark = hub.insert(
        "attendance", {{"session_id", session}, {"person_id", person}, {"status", "present"}});
    const auto photo = hub.insert("attachment", {{"owner_table", "observation"},
                                                 {"owner_id", myObs},
                                                 {"sha256", std::string(64, 'a')},
                                                 {"file_name", "port.jpg"},
                                                 {"media_type", "image/jpeg"},
                                                 {"size_bytes", 1000}});

    std::int64_t cursor = 0;
    const auto expert = tablesPulled(hub, expertOf(mine), cursor);
    EXPECT_TRUE(expert.count("mission:" + mine));
    EXPECT_TRUE(expert.count("observation:" + myObs));
    EXPECT_TRUE(expert.count("attachment:" + photo));  // scope of its owner observation
    EXPECT_TRUE(expert.count("person:" + person));
    EXPECT_FALSE(expert.count("mission:" + other));
    EXPECT_FALSE(expert.count("observation:" + otherObs));
    EXPECT_FALSE(expert.count("training:" + training));
    EXPECT_FALSE(expert.count("attendance:" + mark));
    EXPECT_EQ(cursor, hub.changesSince(0, 1000).nextCursor);  // passed over the rest for good

    std::int64_t trainerCursor = 0;
    const auto trainer = tablesPulled(
        hub, {{"reference", "", 0}, {"people", "", 0}, {"training", training, 0}}, trainerCursor);
    EXPECT_TRUE(trainer.count("training_session:" + session));
    EXPECT_TRUE(trainer.count("attendance:" + mark));  // through its session's training
    EXPECT_FALSE(trainer.count("observation:" + myObs));

    // A scope added later is read from the start, each mark on its own.
    std::int64_t late = 0;
    const auto added =
        hub.rawChangesIn({{"mission", mine, cursor}, {"training", training, 0}}, 100);
    for (const auto& json : added.changes) {
        const auto c = codec::decodeChange(json);
        EXPECT_TRUE(c.table.rfind("training", 0) == 0 || c.table == "attendance") << c.table;
        ++late;
    }
    EXPECT_EQ(late, 3);  // the training, its session and the attendance mark

    // A later change out of scope moves the cursor without being sent.
    hub.update("mission", other, {{"title", "Renamed"}});
    EXPECT_TRUE(tablesPulled(hub, expertOf(mine), cursor).empty());
    EXPECT_EQ(cursor, hub.changesSince(0, 1000).nextCursor);
    expectIntegrity(hub);
}

TEST(RecordScopeRules, EachTableBelongsWhereItsParentsSay) {
    const auto none = [](const std::string&, const std::string&, const std::string&) {
        return std::optional<Value>();
    };
    const auto fields = [](std::map<std::string, Value> f) {
        return [f](const std::string& c) -> std::optional<Value> {
            auto it = f.find(c);
            return it == f.end() ? std::nullopt : std::optional<Value>(it->second);
        };
    };
    using domain::RecordScope;
    using domain::scopeOf;
    EXPECT_EQ(scopeOf("standard", fields({}), none), (RecordScope{"reference", ""}));
    EXPECT_EQ(scopeOf("person", fields({}), none), (RecordScope{"people", ""}));
    EXPECT_EQ(scopeOf("mission", fields({{"id", "m1"}}), none), (RecordScope{"mission", "m1"}));
    EXPECT_EQ(scopeOf("observation", fields({{"mission_id", "m1"}}), none),
              (RecordScope{"mission", "m1"}));
    EXPECT_EQ(scopeOf("action_step", fields({{"member_id", "x"}}), none),
              (RecordScope{"member", "x"}));
    EXPECT_EQ(scopeOf("action_step", fields({{"member_id", "x"}, {"mission_id", "m"}}), none),
              (RecordScope{"mission", "m"}));
    EXPECT_EQ(scopeOf("enrolment", fields({{"training_id", "t"}}), none),
              (RecordScope{"training", "t"}));
    EXPECT_EQ(scopeOf("attendance", fields({{"session_id", "s"}}), none),
              std::nullopt);  // parent unknown
    EXPECT_THROW((void)scopeOf("no_such_table", fields({}), none), std::invalid_argument);
}

}  // namespace
}  // namespace cadre::test
