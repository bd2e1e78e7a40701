// SyncScenarioTest: field scenarios through SyncClient and the real ServerApp in one process —
// offline edits on several devices, conflicts resolved by HQ, attendance, refusals, replays.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "LoopbackTransport.h"
#include "TestSupport.h"
#include "app/AdminCommands.h"
#include "codec/ChangeCodec.h"
#include "sync/AttachmentClient.h"
#include "sync/SyncClient.h"

namespace cadre::test {
namespace {

using replica::Replica;
using server::Role;
using sync::SyncClient;
using sync::SyncResult;

server::AppOptions cheapOptions() {
    server::AppOptions o;
    o.accounts.kdf = server::KdfParams{1 << 10, 8, 1};  // the real KDF, cheap parameters
    o.synchronousFull = false;
    o.log = [](const std::string&) {};
    return o;
}

/// One person's device: replica, transport and sync client.
struct Device {
    Device(const TempDir& dir, server::ServerApp& app, const std::string& user, FakeTime* time)
        : replica(dir.file(user + ".db"), options(user, time)),
          transport(app),
          client(replica, transport, clientOptions()) {
        client.login(user, "correct horse battery", user + "'s laptop");
    }
    static SyncClient::Options clientOptions() {
        SyncClient::Options o;
        o.sleep = [](std::chrono::milliseconds) {};
        return o;
    }
    Replica replica;
    LoopbackTransport transport;
    SyncClient client;
};

class SyncScenario : public ::testing::Test {
  protected:
    SyncScenario() : app(dir.file("server.db"), cheapOptions()) {
        const auto aminaPerson = server::addPerson(app, "Diallo", "Amina", "");
        const auto lucPerson = server::addPerson(app, "Martin", "Luc", "");
        const auto fatouPerson = server::addPerson(app, "Sow", "Fatou", "");
        app.sync().withHub([&](Replica& hub) {
            hub.setAuthor("admin");
            mission = hub.insert("mission", missionFields());
            otherMission = hub.insert("mission", missionFields("Another Member's mission"));
            training = hub.insert(
                "training",
                {{"kind", "training_of_trainers"}, {"title", "ToT"}, {"status", "planned"}});
        });
        server::assign(app, "mission", mission, aminaPerson, "lead_expert");
        server::assign(app, "mission", mission, lucPerson, "expert");
        server::assign(app, "training", training, fatouPerson, "lead");
        app.accounts().createUser("amina", "correct horse battery", Role::Expert, aminaPerson);
        app.accounts().createUser("luc", "correct horse battery", Role::Expert, lucPerson);
        app.accounts().createUser("fatou", "correct horse battery", Role::Trainer, fatouPerson);
        app.accounts().createUser("hq.reviewer", "correct horse battery", Role::HqReviewer, "");
    }

    /// Gives `d` the mission it is not assigned to (as a device that kept it after being taken
    /// off it), so that it can write to it offline.
    void holdOtherMission(Device& d) {
        std::vector<Change> all;
        app.sync().withHub([&](Replica& hub) {
            for (auto& c : hub.changesSince(0, 100000).changes)
                if (c.table == "mission" && c.row == otherMission)
                    all.push_back(c);
        });
        d.replica.applyRemote(all, Replica::Delivery::Relayed);
    }

    std::string hubHash() {
        std::string h;
        app.sync().withHub([&](Replica& hub) { h = hub.stateHash(); });
        return h;
    }

    TempDir dir;
    FakeTime time;
    server::ServerApp app;
    std::string mission, otherMission, training;
};

TEST_F(SyncScenario, TwoExpertsEditOneObservationOfflineAndHqResolvesTheConflict) {
    Device amina(dir, app, "amina", &time), luc(dir, app, "luc", &time),
        hq(dir, app, "hq.reviewer", &time);
    amina.client.sync();
    luc.client.sync();
    hq.client.sync();
    const auto obs =
        amina.replica.insert("observation", {{"mission_id", mission},
                                             {"standard_id", standardId(amina.replica, 4)},
                                             {"review_state", "draft"}});
    amina.client.sync();
    luc.client.sync();
    ASSERT_TRUE(luc.replica.get("observation", obs));

    // Offline: different fields, and the same field.
    amina.replica.update("observation", obs,
                         {{"gaps", "Scanners at the airport only"}, {"current_state", "Pilot"}});
    time.ms += 1000;
    luc.replica.update(
        "observation", obs,
        {{"maturity", 1}, {"current_state", "Pilot at the airport, none at the border"}});
    const auto a = amina.client.sync();
    const auto l = luc.client.sync();
    EXPECT_TRUE(a.rejections.empty());
    EXPECT_TRUE(l.rejections.empty());
    amina.client.sync();
    hq.client.sync();

    server::HttpRequest list{"GET", "/v1/conflicts", {}, {}, "", "127.0.0.1"};
    list.headers["authorization"] = "Bearer " + hq.replica.localSetting("token");
    list.headers["x-cadre-device"] = hq.replica.deviceId();
    auto conflicts = nlohmann::json::parse(app.handle(list).body)["conflicts"];
    ASSERT_EQ(conflicts.size(), 1u);
    EXPECT_EQ(conflicts[0]["column"], "current_state");
    EXPECT_EQ(conflicts[0]["loser"]["author"], "amina");
    EXPECT_EQ(conflicts[0]["winner"]["author"], "luc");

    // An expert may not resolve; HQ does, and the resolution reaches both devices.
    server::HttpRequest resolve{
        "POST",
        "/v1/conflicts/resolve",
        {},
        list.headers,
        nlohmann::json{{"table", "observation"},
                       {"row", obs},
                       {"column", "current_state"},
                       {"value", "Pilot at the airport; nothing at land borders"}}
            .dump(),
        "127.0.0.1"};
    auto asExpert = resolve;
    asExpert.headers["authorization"] = "Bearer " + amina.replica.localSetting("token");
    asExpert.headers["x-cadre-device"] = amina.replica.deviceId();
    EXPECT_EQ(app.handle(asExpert).status, 403);
    EXPECT_EQ(app.handle(resolve).status, 200);
    for (Device* d : {&amina, &luc, &hq})
        d->client.sync();
    for (Device* d : {&amina, &luc}) {
        const auto rec = d->replica.get("observation", obs);
        EXPECT_EQ(rec->fields.at("gaps"), Value("Scanners at the airport only"));
        EXPECT_EQ(rec->fields.at("maturity"), Value(1));
        EXPECT_EQ(rec->fields.at("current_state"),
                  Value("Pilot at the airport; nothing at land borders"));
        EXPECT_TRUE(d->replica.conflicts().empty());
    }
    // Experts hold only their mission's share; among themselves they agree exactly.
    EXPECT_EQ(amina.replica.stateHash(), luc.replica.stateHash());
    EXPECT_EQ(hq.replica.stateHash(), hubHash());
}

TEST_F(SyncScenario, ATrainerMarksFortyPeopleOfflineWhileHqRenamesOne) {
    Device fatou(dir, app, "fatou", &time), hq(dir, app, "hq.reviewer", &time);
    fatou.client.sync();
    std::vector<std::string> people, sessions;
    fatou.replica.transaction([&] {
        for (const char* day : {"2026-12-01", "2026-12-02", "2026-12-03"})
            sessions.push_back(fatou.replica.insert(
                "training_session",
                {{"training_id", training}, {"held_on", day}, {"part", "full_day"}}));
        for (int i = 0; i < 40; ++i) {
            people.push_back(fatou.replica.insert(
                "person", {{"family_name", "Participant " + std::to_string(i)}}));
            fatou.replica.insert("enrolment", {{"training_id", training},
                                               {"person_id", people.back()},
                                               {"certified_trainer", 0}});
        }
    });
    fatou.client.sync();  // the roster reaches HQ before the sessions are held
    hq.client.sync();
    // Offline at the venue: three days of attendance. Meanwhile HQ corrects a name.
    static const char* marks[] = {"present", "late", "excused", "absent"};
    for (std::size_t s = 0; s < sessions.size(); ++s)
        fatou.replica.transaction([&] {
            for (std::size_t p = 0; p < people.size(); ++p)
                fatou.replica.insert("attendance", {{"session_id", sessions[s]},
                                                    {"person_id", people[p]},
                                                    {"status", marks[(p + s) % 4]}});
        });
    hq.replica.update("person", people[7],
                      {{"family_name", "Ndiaye-Sarr"}, {"given_names", "Awa"}});
    EXPECT_TRUE(hq.client.sync().rejections.empty());
    const auto r = fatou.client.sync();
    EXPECT_TRUE(r.rejections.empty());
    EXPECT_EQ(r.pushed, 120u);
    hq.client.sync();
    replica::Statement count(hq.replica.database(),
                             "SELECT count(*) FROM attendance WHERE deleted = 0");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), 120);
    EXPECT_EQ(fatou.replica.get("person", people[7])->fields.at("family_name"),
              Value("Ndiaye-Sarr"));
    EXPECT_TRUE(hq.replica.conflicts().empty());
}

TEST_F(SyncScenario, AnExpertWritingAnotherMissionIsRefusedAndKeepsTheData) {
    Device amina(dir, app, "amina", &time);
    amina.client.sync();
    ASSERT_FALSE(amina.replica.get("mission", otherMission));  // not in her scope: never pulled
    // She creates an observation for a mission she is not on (e.g. typed its id from a report).
    Device hq(dir, app, "hq.reviewer", &time);
    amina.replica.applyRemote(
        [&] {  // give her a copy of the mission as if she had it
            std::vector<Change> all;
            app.sync().withHub([&](Replica& hub) {
                for (auto& c : hub.changesSince(0, 100000).changes)
                    if (c.table == "mission" && c.row == otherMission)
                        all.push_back(c);
            });
            return all;
        }(),
        Replica::Delivery::Relayed);
    const auto before = hubHash();
    amina.replica.update("mission", otherMission,
                         {{"economic_context", "Written by the wrong expert"}});
    const auto result = amina.client.sync();
    ASSERT_EQ(result.rejections.size(), 1u);
    EXPECT_EQ(result.rejections[0].status, 403);
    ASSERT_FALSE(result.rejections[0].issues.empty());
    EXPECT_NE(result.rejections[0].issues[0].second.find("not assigned"), std::string::npos);
    EXPECT_EQ(hubHash(), before);  // nothing applied
    // The device keeps the change, set aside with the reason (it would be refused at every try,
    // and must not hold up her other changes)…
    EXPECT_EQ(result.setAside, 1u);
    EXPECT_EQ(amina.replica.pendingCount(), 0);
    const auto aside = amina.replica.setAsideChanges();
    ASSERT_EQ(aside.size(), 1u);
    EXPECT_EQ(aside[0].row, otherMission);
    EXPECT_EQ(aside[0].status, 403);
    EXPECT_NE(aside[0].reason.find("not assigned"), std::string::npos);
    EXPECT_EQ(amina.replica.get("mission", otherMission)->fields.at("economic_context"),
              Value("Written by the wrong expert"));  // …and the data
    // Her next change to her own mission goes through: nothing is held up behind the refusal.
    amina.replica.update("mission", mission, {{"economic_context", "Written by the right expert"}});
    const auto next = amina.client.sync();
    EXPECT_TRUE(next.rejections.empty());
    EXPECT_EQ(next.pushed, 1u);
    EXPECT_EQ(amina.replica.pendingCount(), 0);
    app.sync().withHub([&](Replica& hub) {
        EXPECT_EQ(hub.get("mission", mission)->fields.at("economic_context"),
                  Value("Written by the right expert"));
        EXPECT_EQ(hub.originSeq(amina.replica.deviceId()), amina.replica.lastSeq());
    });
}

// A refused change in the middle of a batch: the changes before and after it go, renumbered to
// follow on; the refused one and the later changes of the same record are set aside together.
TEST_F(SyncScenario, ARefusedChangeMidBatchIsSetAsideWithItsRecordsLaterChanges) {
    Device amina(dir, app, "amina", &time);
    amina.client.sync();
    holdOtherMission(amina);
    const auto before = amina.replica.lastSeq();
    amina.replica.insert("person", {{"family_name", "Before"}});
    amina.replica.update("mission", otherMission, {{"economic_context", "Not hers (1)"}});
    amina.replica.insert("person", {{"family_name", "Between"}});
    amina.replica.update("mission", otherMission, {{"ecommerce_context", "Not hers (2)"}});
    amina.replica.insert("person", {{"family_name", "After"}});
    const auto result = amina.client.sync();
    EXPECT_EQ(result.setAside, 2u);
    EXPECT_EQ(result.pushed, 3u);
    EXPECT_EQ(amina.replica.pendingCount(), 0);
    EXPECT_EQ(amina.replica.lastSeq(), before + 3);  // renumbered without a gap
    const auto aside = amina.replica.setAsideChanges();
    ASSERT_EQ(aside.size(), 2u);
    for (const auto& a : aside)
        EXPECT_NE(a.reason.find("not assigned"), std::string::npos) << a.reason;
    app.sync().withHub([&](Replica& hub) {
        EXPECT_EQ(hub.originSeq(amina.replica.deviceId()), before + 3);
        replica::Statement count(hub.database(),
                                 "SELECT count(*) FROM person WHERE family_name IN "
                                 "('Before', 'Between', 'After')");
        ASSERT_TRUE(count.step());
        EXPECT_EQ(count.integer(0), 3);
        EXPECT_TRUE(hub.get("mission", otherMission)->fields.at("economic_context").isNull());
    });
    amina.replica.dismissSetAside(aside[0].id);
    EXPECT_EQ(amina.replica.setAsideChanges().size(), 1u);
    expectIntegrity(amina.replica);
}

// The client sends the next batch while it writes the acknowledgement of the one before; a
// refusal midway sets the change aside and the push starts over from the outbox as it now is.
TEST_F(SyncScenario, SmallBatchesGoOutBackToBackAndARefusalMidwayStartsOverCleanly) {
    Device amina(dir, app, "amina", &time);
    amina.client.sync();
    holdOtherMission(amina);
    const auto before = amina.replica.lastSeq();
    for (int i = 0; i < 20; ++i) {
        amina.replica.insert("person", {{"family_name", "batched " + std::to_string(i)}});
        if (i == 7 || i == 15)  // not hers: refused, set aside
            amina.replica.update("mission", otherMission,
                                 {{"economic_context", "Not hers " + std::to_string(i)}});
    }
    SyncClient::Options small = Device::clientOptions();
    small.pushBatch = 3;
    SyncClient client(amina.replica, amina.transport, small);
    client.login("amina", "correct horse battery", "amina's laptop");
    SyncResult result;
    client.push(result);
    EXPECT_EQ(result.pushed, 20u);
    EXPECT_EQ(result.setAside, 2u);
    EXPECT_EQ(amina.replica.pendingCount(), 0);
    EXPECT_EQ(amina.replica.lastSeq(), before + 20);
    app.sync().withHub([&](Replica& hub) {
        EXPECT_EQ(hub.originSeq(amina.replica.deviceId()), before + 20);
        replica::Statement count(hub.database(),
                                 "SELECT count(*) FROM person WHERE family_name LIKE 'batched %'");
        ASSERT_TRUE(count.step());
        EXPECT_EQ(count.integer(0), 20);
        replica::Statement receipts(hub.database(),
                                    "SELECT count(*) FROM push_receipt WHERE device_id = ?1");
        receipts.bind(1, amina.replica.deviceId());
        ASSERT_TRUE(receipts.step());
        EXPECT_GE(receipts.integer(0), 7);  // 20 changes, 3 per batch
        EXPECT_TRUE(hub.get("mission", otherMission)->fields.at("economic_context").isNull());
    });
    // Nothing is left to send or to re-send: a second push sends no request with changes.
    SyncResult again;
    client.push(again);
    EXPECT_EQ(again.pushed, 0u);
    EXPECT_TRUE(again.rejections.empty());
    expectIntegrity(amina.replica);
}

TEST_F(SyncScenario, ReplayedAndOverlappingPushesGiveTheOriginalAnswer) {
    Device amina(dir, app, "amina", &time);
    amina.client.sync();
    for (int i = 0; i < 5; ++i)
        amina.replica.insert("observation", {{"mission_id", mission},
                                             {"standard_id", standardId(amina.replica, i + 1)},
                                             {"review_state", "draft"}});
    const auto batch = amina.replica.pending(0, 100).changes;
    server::HttpRequest push{"POST", "/v1/push", {}, {}, codec::encodeBatch(batch), "127.0.0.1"};
    push.headers["authorization"] = "Bearer " + amina.replica.localSetting("token");
    push.headers["x-cadre-device"] = amina.replica.deviceId();
    const auto first = app.handle(push);
    ASSERT_EQ(first.status, 200) << first.body;
    const auto replay = app.handle(push);
    EXPECT_EQ(replay.status, 200);
    EXPECT_EQ(replay.body, first.body);  // the original result, word for word
    // The ack was lost: the client pushes again, overlapping, plus one more change.
    amina.replica.insert("observation", {{"mission_id", mission},
                                         {"standard_id", standardId(amina.replica, 9)},
                                         {"review_state", "draft"}});
    const auto r = amina.client.sync();
    EXPECT_TRUE(r.rejections.empty());
    EXPECT_EQ(amina.replica.pendingCount(), 0);
    replica::Statement count(amina.replica.database(), "SELECT count(*) FROM observation");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), 6);
    // Out of order: a later batch alone is refused with what to send first.
    amina.replica.insert("observation", {{"mission_id", mission},
                                         {"standard_id", standardId(amina.replica, 10)},
                                         {"review_state", "draft"}});
    amina.replica.insert("observation", {{"mission_id", mission},
                                         {"standard_id", standardId(amina.replica, 11)},
                                         {"review_state", "draft"}});
    auto later = amina.replica.pending(0, 10).changes;
    push.body = codec::encodeBatch({later[1]});
    const auto gap = app.handle(push);
    EXPECT_EQ(gap.status, 409);
    EXPECT_NE(gap.body.find("sequence_gap"), std::string::npos);
    EXPECT_TRUE(amina.client.sync().rejections.empty());
}

TEST_F(SyncScenario, ALargePushIsAtomicAndNamesItsBadChangeByIndex) {
    // A body of codec::kTwoThreadDecodeBytes or more is decoded by two threads: the answers must
    // be those of a small body.
    Device amina(dir, app, "amina", &time), hq(dir, app, "hq.reviewer", &time);
    amina.client.sync();
    std::string prose;
    while (prose.size() < 20000)
        prose += "Constat détaillé de la mission, normes et pratiques observées. ";
    for (int i = 0; i < 15; ++i)
        amina.replica.insert("observation", {{"mission_id", mission},
                                             {"standard_id", standardId(amina.replica, i + 1)},
                                             {"review_state", "draft"},
                                             {"current_state", prose}});
    const auto batch = amina.replica.pending(0, 100).changes;
    ASSERT_EQ(batch.size(), 15u);
    server::HttpRequest push{"POST", "/v1/push", {}, {}, "", "127.0.0.1"};
    push.headers["authorization"] = "Bearer " + amina.replica.localSetting("token");
    push.headers["x-cadre-device"] = amina.replica.deviceId();

    auto bad = batch;  // one invalid change in the body's second half
    bad[12].fields.push_back(FieldWrite{"maturity", Value(std::int64_t{9}), {}});
    push.body = codec::encodeBatch(bad);
    ASSERT_GE(push.body.size(), codec::kTwoThreadDecodeBytes);
    const auto refused = app.handle(push);
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find("changes[12].fields.maturity"), std::string::npos) << refused.body;
    EXPECT_EQ(refused.body.find("changes[11]"), std::string::npos) << refused.body;

    push.body = codec::encodeBatch(batch);
    const auto accepted = app.handle(push);
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    const auto answer = nlohmann::json::parse(accepted.body);
    EXPECT_EQ(answer["applied"], 15);  // nothing of the refused body had been applied
    EXPECT_EQ(answer["replayed"], 0);
    hq.client.sync();
    const auto held = hq.replica.get("observation", batch.back().row);
    ASSERT_TRUE(held);
    EXPECT_EQ(held->fields.at("current_state"), Value(prose));
}

TEST_F(SyncScenario, BadRequestsGetClearErrorsAndTheServerKeepsServing) {
    Device amina(dir, app, "amina", &time);
    server::HttpRequest push{"POST", "/v1/push", {}, {}, "{not json", "127.0.0.1"};
    EXPECT_EQ(app.handle(push).status, 401);  // no token
    push.headers["authorization"] = "Bearer " + amina.replica.localSetting("token");
    push.headers["x-cadre-device"] = amina.replica.deviceId();
    EXPECT_EQ(app.handle(push).status, 400);
    push.body = R"({"changes":[{"origin":"x"}]})";
    const auto invalid = app.handle(push);
    EXPECT_EQ(invalid.status, 422);
    EXPECT_NE(invalid.body.find("changes[0].seq"), std::string::npos) << invalid.body;
    push.headers["x-cadre-device"] = domain::randomUuid();  // a token used from another device
    EXPECT_EQ(app.handle(push).status, 401);
    EXPECT_EQ(app.handle({"GET", "/v1/nothing", {}, {}, "", ""}).status, 404);
    EXPECT_EQ(app.handle({"DELETE", "/v1/push", {}, {}, "", ""}).status, 405);
    server::HttpRequest pull{"GET", "/v1/pull", {{"cursor", "!!"}}, {}, "", ""};
    pull.headers["authorization"] = "Bearer " + amina.replica.localSetting("token");
    pull.headers["x-cadre-device"] = amina.replica.deviceId();
    EXPECT_EQ(app.handle(pull).status, 400);
    pull.query = {{"limit", "0"}};
    EXPECT_EQ(app.handle(pull).status, 400);
    EXPECT_EQ(app.handle({"GET", "/health", {}, {}, "", ""}).status, 200);
    const auto metrics = app.handle({"GET", "/metrics", {}, {}, "", ""});
    EXPECT_NE(metrics.body.find("cadre_rejects_total{reason=\"invalid\"} 2"), std::string::npos)
        << metrics.body;
}

TEST_F(SyncScenario, AnOfflineDeviceKeepsItsOutboxAndCatchesUpLater) {
    Device amina(dir, app, "amina", &time);
    amina.client.sync();
    amina.transport.offline = true;
    amina.replica.insert("observation", {{"mission_id", mission},
                                         {"standard_id", standardId(amina.replica, 2)},
                                         {"review_state", "draft"}});
    try {
        amina.client.sync();
        FAIL() << "sync succeeded offline";
    } catch (const sync::SyncError& e) {
        EXPECT_EQ(e.status(), 0);
    }
    EXPECT_EQ(amina.replica.pendingCount(), 1);
    amina.transport.offline = false;
    EXPECT_EQ(amina.client.sync().pushed, 1u);
    EXPECT_EQ(amina.replica.pendingCount(), 0);
}

TEST_F(SyncScenario, ADeviceWhoseClockJumpedAYearAheadDoesNotWinLaterEdits) {
    FakeTime aminaTime, lucTime;
    aminaTime.ms = lucTime.ms = clock::HybridClock::systemMs();
    Device amina(dir, app, "amina", &aminaTime), luc(dir, app, "luc", &lucTime);
    const auto obs = luc.replica.insert("observation", {{"mission_id", mission},
                                                        {"standard_id", standardId(luc.replica, 9)},
                                                        {"review_state", "draft"}});
    luc.client.sync();
    amina.client.sync();

    aminaTime.ms += 365LL * 24 * 3600 * 1000;  // her laptop's clock jumps a year ahead, offline
    amina.replica.update("observation", obs, {{"gaps", "Written first, on a clock a year ahead"}});
    aminaTime.ms += 10'000;
    lucTime.ms += 10'000;  // ten seconds later, really
    luc.replica.update("observation", obs, {{"gaps", "Written ten seconds later"}});
    luc.client.sync();

    const auto r = amina.client.sync();  // refused as too far ahead, re-stamped, accepted
    EXPECT_TRUE(r.rejections.empty()) << (r.rejections.empty() ? "" : r.rejections[0].message);
    EXPECT_EQ(amina.replica.pendingCount(), 0);
    luc.client.sync();
    for (Device* d : {&amina, &luc}) {
        EXPECT_EQ(d->replica.get("observation", obs)->fields.at("gaps"),
                  Value("Written ten seconds later"));
        const auto conflicts = d->replica.conflicts();
        ASSERT_EQ(conflicts.size(), 1u);  // her value is kept for HQ, not lost
        EXPECT_EQ(conflicts[0].loser.value, Value("Written first, on a clock a year ahead"));
        EXPECT_LT(clock::physicalMs(conflicts[0].loser.version.hlc),
                  clock::HybridClock::systemMs() + 60'000);
    }
    // From now on her clock is corrected: her next edit is stamped with the server's time.
    amina.replica.update("observation", obs, {{"msme_needs", "Simplified declarations"}});
    EXPECT_TRUE(amina.client.sync().rejections.empty());
    luc.client.sync();
    EXPECT_EQ(amina.replica.stateHash(), luc.replica.stateHash());
}

TEST_F(SyncScenario, PullPagesStayCompleteWhileOthersPush) {
    Device amina(dir, app, "amina", &time), luc(dir, app, "luc", &time),
        hq(dir, app, "hq.reviewer", &time);
    for (Device* d : {&amina, &luc, &hq})
        d->client.sync();
    SyncClient::Options small = Device::clientOptions();
    small.pullLimit = 7;  // many page boundaries
    SyncClient reader(hq.replica, hq.transport, small);
    std::atomic<bool> writing{true};
    std::thread writers([&] {
        for (int round = 0; round < 20; ++round) {
            for (Device* d : {&amina, &luc}) {
                d->replica.transaction([&] {
                    for (int i = 0; i < 5; ++i)
                        d->replica.insert("person", {{"family_name", d->replica.author() + " " +
                                                                         std::to_string(round) +
                                                                         "." + std::to_string(i)}});
                });
                d->client.sync();
            }
        }
        writing = false;
    });
    std::size_t pulled = 0;
    while (writing) {
        SyncResult r;
        reader.pull(r);
        pulled += r.pulled;
    }
    writers.join();
    SyncResult last;
    reader.pull(last);
    pulled += last.pulled;
    replica::Statement count(
        hq.replica.database(),
        "SELECT count(*) FROM person WHERE family_name LIKE 'amina %' OR family_name LIKE 'luc %'");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), 200);  // every change, none missed at a page boundary
    EXPECT_EQ(pulled, 200u);           // and none delivered twice
    EXPECT_EQ(hq.replica.stateHash(), hubHash());
}

// Pushes arriving together are committed together (group commit). A refused batch in the group
// is undone alone: the others are applied and acknowledged, each exactly once.
TEST_F(SyncScenario, ConcurrentPushesCommitTogetherAndARefusedOneIsUndoneAlone) {
    Device amina(dir, app, "amina", &time), luc(dir, app, "luc", &time),
        fatou(dir, app, "fatou", &time);
    for (Device* d : {&amina, &luc, &fatou})
        d->client.sync();
    // Amina holds a change the server refuses (another Member's mission): every push of hers is
    // refused while the others push.
    holdOtherMission(amina);
    constexpr int kRounds = 25;
    std::atomic<int> refused{0};
    std::vector<std::thread> threads;
    threads.emplace_back([&] {
        for (int round = 0; round < kRounds; ++round) {
            amina.replica.update(
                "mission", otherMission,
                {{"economic_context", "Not hers to write, " + std::to_string(round)}});
            SyncResult r;
            amina.client.push(r);
            if (r.rejections.size() == 1 && r.rejections[0].status == 403 && r.setAside == 1)
                ++refused;
        }
    });
    for (Device* d : {&luc, &fatou})
        threads.emplace_back([d] {
            for (int round = 0; round < kRounds; ++round) {
                d->replica.transaction([&] {
                    for (int i = 0; i < 4; ++i)
                        d->replica.insert("person", {{"family_name", d->replica.author() + " " +
                                                                         std::to_string(round) +
                                                                         "." + std::to_string(i)}});
                });
                SyncResult r;
                d->client.push(r);
                EXPECT_TRUE(r.rejections.empty());
            }
        });
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(refused.load(), kRounds);
    EXPECT_EQ(amina.replica.pendingCount(), 0);  // set aside on the device, with its data
    EXPECT_EQ(amina.replica.setAsideChanges().size(), static_cast<std::size_t>(kRounds));
    EXPECT_EQ(luc.replica.pendingCount(), 0);
    EXPECT_EQ(fatou.replica.pendingCount(), 0);
    app.sync().withHub([&](Replica& hub) {
        replica::Statement count(hub.database(),
                                 "SELECT count(*) FROM person WHERE family_name LIKE 'luc %' OR "
                                 "family_name LIKE 'fatou %'");
        ASSERT_TRUE(count.step());
        EXPECT_EQ(count.integer(0), 2 * kRounds * 4);
        EXPECT_EQ(hub.originSeq(amina.replica.deviceId()), 0);
        EXPECT_EQ(hub.originSeq(luc.replica.deviceId()), luc.replica.lastSeq());
        EXPECT_EQ(hub.originSeq(fatou.replica.deviceId()), fatou.replica.lastSeq());
        EXPECT_TRUE(hub.get("mission", otherMission)->fields.at("economic_context").isNull());
        expectIntegrity(hub);
    });
}

// While one commit runs, the pushes that arrive wait and are then committed together, in one
// transaction; each still gets its own answer.
TEST_F(SyncScenario, PushesThatWaitTogetherAreCommittedInOneTransaction) {
    Device luc(dir, app, "luc", &time), fatou(dir, app, "fatou", &time),
        hq(dir, app, "hq.reviewer", &time), first(dir, app, "amina", &time);
    std::vector<Device*> waiting{&luc, &fatou, &hq};
    for (Device* d : waiting)
        d->replica.insert("person", {{"family_name", d->replica.author() + " grouped"}});
    first.replica.insert("person", {{"family_name", "amina first"}});
    const auto commitsBefore = [&] {
        const auto m = app.handle({"GET", "/metrics", {}, {}, "", ""}).body;
        const auto at = m.find("\ncadre_push_commits_total ");
        return std::stoll(m.substr(at + 26));
    }();
    std::vector<std::thread> threads;
    std::vector<SyncResult> results(waiting.size() + 1);
    app.sync().withHub([&](Replica&) {
        // The hub is busy: one push takes the lead and waits for it, the three others queue.
        threads.emplace_back([&] { first.client.push(results[0]); });
        for (std::size_t i = 0; i < waiting.size(); ++i)
            threads.emplace_back([&, i] { waiting[i]->client.push(results[i + 1]); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (app.sync().queuedPushes() < waiting.size() &&
               std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        EXPECT_EQ(app.sync().queuedPushes(), waiting.size());
    });
    for (auto& t : threads)
        t.join();
    for (const auto& r : results) {
        EXPECT_TRUE(r.rejections.empty());
        EXPECT_EQ(r.pushed, 1u);
    }
    const auto m = app.handle({"GET", "/metrics", {}, {}, "", ""}).body;
    const auto at = m.find("\ncadre_push_commits_total ");
    EXPECT_EQ(std::stoll(m.substr(at + 26)) - commitsBefore, 2) << m;  // the first, then the rest
    EXPECT_NE(m.find("cadre_push_largest_group 3"), std::string::npos) << m;
    for (Device* d : {&luc, &fatou, &hq, &first})
        EXPECT_EQ(d->replica.pendingCount(), 0);
}

// A group is applied without a savepoint per push. When one push is refused after some of its
// changes were written, the group is applied again with savepoints: the refused push is undone
// alone, the others commit once, and each push is counted once.
TEST_F(SyncScenario, APushRefusedHalfWayInAGroupIsUndoneAloneAndTheOthersCommitOnce) {
    Device luc(dir, app, "luc", &time), fatou(dir, app, "fatou", &time),
        hq(dir, app, "hq.reviewer", &time), first(dir, app, "amina", &time);
    for (Device* d : {&luc, &fatou})
        d->replica.insert("person", {{"family_name", d->replica.author() + " grouped"}});
    first.replica.insert("person", {{"family_name", "amina first"}});
    // HQ's push: the first change creates a person, the second edits a person the server has
    // never received. Headquarters' rights need no lookup, so the refusal comes from applying
    // it, after the first change was written.
    const auto created = hq.replica.insert("person", {{"family_name", "Created then undone"}});
    hq.replica.update("person", created, {{"given_names", "Half"}});
    auto changes = hq.replica.pending(0, 100).changes;
    ASSERT_EQ(changes.size(), 2u);
    ASSERT_FALSE(changes[1].created);
    changes[1].row = domain::timeOrderedUuid();
    server::HttpRequest bad{"POST", "/v1/push", {}, {}, codec::encodeBatch(changes), "127.0.0.1"};
    bad.headers["authorization"] = "Bearer " + hq.replica.localSetting("token");
    bad.headers["x-cadre-device"] = hq.replica.deviceId();

    const auto metric = [&](const std::string& name) {
        const auto m = app.handle({"GET", "/metrics", {}, {}, "", ""}).body;
        const auto at = m.find("\n" + name + " ");
        return at == std::string::npos ? -1 : std::stoll(m.substr(at + name.size() + 2));
    };
    const auto commitsBefore = metric("cadre_push_commits_total");
    const auto redoneBefore = metric("cadre_push_groups_redone_total");
    const auto pushesBefore = metric("cadre_pushes_total");
    std::vector<std::thread> threads;
    std::vector<SyncResult> results(3);
    server::HttpResponse refused;
    app.sync().withHub([&](Replica&) {
        // The hub is busy: one push takes the lead and waits for it, the three others queue and
        // then go as one group.
        threads.emplace_back([&] { first.client.push(results[0]); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!app.sync().committing() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ASSERT_TRUE(app.sync().committing());
        threads.emplace_back([&] { luc.client.push(results[1]); });
        threads.emplace_back([&] { refused = app.handle(bad); });
        threads.emplace_back([&] { fatou.client.push(results[2]); });
        while (app.sync().queuedPushes() < 3 && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        EXPECT_EQ(app.sync().queuedPushes(), 3u);
    });
    for (auto& t : threads)
        t.join();

    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_NE(refused.body.find("missing_record"), std::string::npos) << refused.body;
    for (const auto& r : results) {
        EXPECT_TRUE(r.rejections.empty());
        EXPECT_EQ(r.pushed, 1u);
    }
    EXPECT_EQ(metric("cadre_push_commits_total") - commitsBefore, 2);  // the first, then the rest
    EXPECT_EQ(metric("cadre_push_groups_redone_total") - redoneBefore, 1);
    const auto m = app.handle({"GET", "/metrics", {}, {}, "", ""}).body;
    EXPECT_NE(m.find("cadre_rejects_total{reason=\"missing_record\"} 1\n"), std::string::npos) << m;
    EXPECT_EQ(metric("cadre_pushes_total") - pushesBefore, 3);  // the refused one is not counted
    app.sync().withHub([&](Replica& hub) {
        EXPECT_FALSE(hub.get("person", created));  // nothing of HQ's push
        EXPECT_EQ(hub.originSeq(hq.replica.deviceId()), 0);
        for (Device* d : {&luc, &fatou, &first}) {
            replica::Statement count(hub.database(),
                                     "SELECT count(*) FROM sync_log WHERE origin = ?1");
            count.bind(1, d->replica.deviceId());
            ASSERT_TRUE(count.step());
            EXPECT_EQ(count.integer(0), 1) << d->replica.author();  // logged once, not twice
            EXPECT_EQ(hub.originSeq(d->replica.deviceId()), 1);
        }
        expectIntegrity(hub);
    });
    for (Device* d : {&luc, &fatou, &first})
        EXPECT_EQ(d->replica.pendingCount(), 0);
}

// Pushes commit without checkpointing (the connections' automatic checkpoint is a far backstop);
// the checkpointer thread copies the WAL into the database file behind them.
TEST_F(SyncScenario, TheCheckpointerCopiesWhatPushesCommitted) {
    Device luc(dir, app, "luc", &time);
    for (int i = 0; i < 200; ++i)
        luc.replica.insert("person", {{"family_name", "checkpointed " + std::to_string(i)},
                                      {"organisation", std::string(150, 'o')}});
    SyncResult pushed;
    luc.client.push(pushed);
    EXPECT_EQ(pushed.pushed, 200u);
    const auto gauge = [](const std::string& m, const std::string& name) {
        const auto at = m.find("\n" + name + " ");
        return at == std::string::npos ? -1 : std::stoll(m.substr(at + name.size() + 2));
    };
    std::string m;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    do {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        m = app.handle({"GET", "/metrics", {}, {}, "", ""}).body;
    } while ((gauge(m, "cadre_wal_frames") <= 0 || gauge(m, "cadre_wal_uncopied_frames") != 0) &&
             std::chrono::steady_clock::now() < deadline);
    EXPECT_GT(gauge(m, "cadre_wal_checkpoints_total"), 0) << m;
    EXPECT_GT(gauge(m, "cadre_wal_frames"), 0) << m;
    EXPECT_EQ(gauge(m, "cadre_wal_uncopied_frames"), 0) << m;
    EXPECT_EQ(gauge(m, "cadre_wal_checkpoint_failures_total"), 0) << m;
}

TEST_F(SyncScenario, APhotoTravelsWithItsObservationAndNeverBefore) {
    Device amina(dir, app, "amina", &time), hq(dir, app, "hq.reviewer", &time);
    amina.client.sync();
    const auto obs =
        amina.replica.insert("observation", {{"mission_id", mission},
                                             {"standard_id", standardId(amina.replica, 3)},
                                             {"review_state", "draft"}});
    // A 6 MiB "photo" on the expert's laptop.
    const std::string photo = dir.file("port-scanner.jpg");
    {
        std::ofstream out(photo, std::ios::binary);
        std::mt19937 rng(9);
        for (int i = 0; i < 6 * 1024 * 1024; ++i)
            out.put(static_cast<char>(rng() & 0xff));
    }
    const std::string sha = sync::sha256OfFile(photo);
    amina.replica.insert("attachment", {{"owner_table", "observation"},
                                        {"owner_id", obs},
                                        {"sha256", sha},
                                        {"file_name", "port-scanner.jpg"},
                                        {"media_type", "image/jpeg"},
                                        {"size_bytes", 6 * 1024 * 1024},
                                        {"caption", "Scanner at the port"}});
    // Without the file, the server refuses the record: metadata never claims bytes it lacks.
    const auto refused = amina.client.sync();
    ASSERT_EQ(refused.rejections.size(), 1u);
    EXPECT_EQ(refused.rejections[0].status, 409);
    EXPECT_EQ(refused.rejections[0].code, "blob_incomplete");
    EXPECT_EQ(amina.replica.pendingCount(), 2);

    // With the file known to the SyncClient, it is uploaded first, then the records go.
    SyncClient::Options withFiles = Device::clientOptions();
    withFiles.blobPath = [&](const std::string& s) { return s == sha ? photo : std::string(); };
    SyncClient uploader(amina.replica, amina.transport, withFiles);
    const auto uploaded = uploader.sync();
    EXPECT_TRUE(uploaded.rejections.empty())
        << (uploaded.rejections.empty() ? "" : uploaded.rejections[0].message);
    EXPECT_EQ(amina.replica.pendingCount(), 0);

    hq.client.sync();
    replica::Statement st(hq.replica.database(),
                          "SELECT sha256, caption FROM attachment WHERE owner_id = ?1");
    st.bind(1, obs);
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.text(0), sha);
    const std::string copy = dir.file("hq-copy.jpg");
    (void)sync::download(hq.transport, hq.replica.localSetting("token"), hq.replica.deviceId(), sha,
                         copy);
    EXPECT_EQ(sync::sha256OfFile(copy), sha);
    EXPECT_EQ(std::filesystem::file_size(copy), 6u * 1024 * 1024);
}

}  // namespace
}  // namespace cadre::test
