// AuthorizationMatrixTest: every role × every endpoint × in and out of scope, through ServerApp.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "TestSupport.h"
#include "app/AdminCommands.h"
#include "codec/ChangeCodec.h"
#include "sync/AttachmentClient.h"

namespace cadre::test {
namespace {

using replica::Replica;
using server::Role;

struct Account {
    std::string name;
    Role role;
    std::string token, device;
};

class AuthorizationMatrix : public ::testing::Test {
  protected:
    AuthorizationMatrix() : app(dir.file("server.db"), appOptions()) {
        const auto expertPerson = server::addPerson(app, "Diallo", "Amina", "");
        const auto trainerPerson = server::addPerson(app, "Sow", "Fatou", "");
        app.sync().withHub([&](Replica& hub) {
            hub.setAuthor("admin");
            mission = hub.insert("mission", missionFields("Assigned"));
            otherMission = hub.insert("mission", missionFields("Not assigned"));
            training = hub.insert(
                "training", {{"kind", "seminar"}, {"title", "Assigned"}, {"status", "planned"}});
            otherTraining =
                hub.insert("training",
                           {{"kind", "seminar"}, {"title", "Not assigned"}, {"status", "planned"}});
        });
        server::assign(app, "mission", mission, expertPerson, "expert");
        server::assign(app, "training", training, trainerPerson, "lead");
        for (auto& [name, role, person] : std::vector<std::tuple<std::string, Role, std::string>>{
                 {"amina", Role::Expert, expertPerson},
                 {"fatou", Role::Trainer, trainerPerson},
                 {"hq.reviewer", Role::HqReviewer, ""},
                 {"admin", Role::Admin, ""}}) {
            app.accounts().createUser(name, "correct horse battery", role, person);
            Account a{name, role, "", domain::randomUuid()};
            const auto r = app.handle({"POST",
                                       "/v1/login",
                                       {},
                                       {},
                                       nlohmann::json{{"username", name},
                                                      {"password", "correct horse battery"},
                                                      {"device_id", a.device}}
                                           .dump(),
                                       "127.0.0.1"});
            EXPECT_EQ(r.status, 200) << r.body;
            a.token = nlohmann::json::parse(r.body)["token"];
            accounts.push_back(a);
        }
    }
    static server::AppOptions appOptions() {
        server::AppOptions o;
        o.accounts.kdf = server::KdfParams{1 << 10, 8, 1};
        o.synchronousFull = false;
        o.log = [](const std::string&) {};
        return o;
    }
    server::HttpRequest as(const Account& a, std::string method, std::string path,
                           std::string body = "") {
        server::HttpRequest r{std::move(method), std::move(path), {}, {},
                              std::move(body),   "127.0.0.1"};
        r.headers["authorization"] = "Bearer " + a.token;
        r.headers["x-cadre-device"] = a.device;
        return r;
    }
    /// A change this account's device would push: an edit of `field` of `table` record `row`.
    std::string edit(const Account& a, std::int64_t seq, const std::string& table,
                     const std::string& row, const std::string& field, const Value& value) {
        Change c;
        c.origin = a.device;
        c.seq = seq;
        c.hlc = clock::makeHlc(clock::HybridClock::systemMs(), 0);
        c.author = a.name;
        c.table = table;
        c.row = row;
        c.fields = {{field, value, {}}};
        return codec::encodeBatch({c});
    }

    TempDir dir;
    server::ServerApp app;
    std::string mission, otherMission, training, otherTraining;
    std::vector<Account> accounts;
};

TEST_F(AuthorizationMatrix, EveryRoleEveryEndpointInAndOutOfScope) {
    struct Case {
        const char* what;   // column 1: the request
        std::string table;  // column 2: which record it writes (push) or "" for other endpoints
        std::string row;
        std::string field;
        Value value;
        std::map<std::string, int> expected;  // column 3: status per account
    };
    const std::vector<Case> cases = {
        {"edit an assigned mission",
         "mission",
         mission,
         "economic_context",
         "ok",
         {{"amina", 200}, {"fatou", 403}, {"hq.reviewer", 200}, {"admin", 200}}},
        {"edit a mission not assigned",
         "mission",
         otherMission,
         "economic_context",
         "no",
         {{"amina", 403}, {"fatou", 403}, {"hq.reviewer", 200}, {"admin", 200}}},
        {"approve a mission (review state)",
         "mission",
         mission,
         "review_state",
         "approved",
         {{"amina", 403}, {"fatou", 403}, {"hq.reviewer", 200}, {"admin", 200}}},
        {"submit a mission for review",
         "mission",
         mission,
         "review_state",
         "submitted",
         {{"amina", 200}, {"fatou", 403}, {"hq.reviewer", 200}, {"admin", 200}}},
        {"edit an assigned training",
         "training",
         training,
         "venue",
         "Dakar",
         {{"amina", 403}, {"fatou", 200}, {"hq.reviewer", 200}, {"admin", 200}}},
        {"edit a training not assigned",
         "training",
         otherTraining,
         "venue",
         "Lomé",
         {{"amina", 403}, {"fatou", 403}, {"hq.reviewer", 200}, {"admin", 200}}},
        {"correct a standard's French title",
         "standard",
         "",
         "title_fr",
         "Seuil de faible valeur",
         {{"amina", 403}, {"fatou", 403}, {"hq.reviewer", 200}, {"admin", 200}}},
        {"rename a region",
         "region",
         domain::namedUuid("region/AP"),
         "name_fr",
         "Asie-Pacifique",
         {{"amina", 403}, {"fatou", 403}, {"hq.reviewer", 403}, {"admin", 200}}},
    };
    std::map<std::string, std::int64_t> seq;
    for (const auto& c : cases) {
        for (const auto& a : accounts) {
            SCOPED_TRACE(std::string(c.what) + " as " + a.name);
            std::string row = c.row;
            if (row.empty())
                app.sync().withHub([&](Replica& hub) { row = standardId(hub, 8); });
            const auto r = app.handle(as(a, "POST", "/v1/push",
                                         edit(a, seq[a.name] + 1, c.table, row, c.field, c.value)));
            EXPECT_EQ(r.status, c.expected.at(a.name)) << r.body;
            if (r.status == 200)
                ++seq[a.name];
        }
    }
    // Conflict resolution and reads.
    for (const auto& a : accounts) {
        SCOPED_TRACE(a.name);
        const bool hq = a.role == Role::HqReviewer || a.role == Role::Admin;
        const auto resolve = app.handle(
            as(a, "POST", "/v1/conflicts/resolve",
               nlohmann::json{
                   {"table", "mission"}, {"row", mission}, {"column", "title"}, {"value", "T"}}
                   .dump()));
        EXPECT_EQ(resolve.status, hq ? 200 : 403);
        EXPECT_EQ(app.handle(as(a, "GET", "/v1/conflicts")).status, 200);
        auto pull = as(a, "GET", "/v1/pull");
        pull.query["limit"] = "10000";
        const auto page = nlohmann::json::parse(app.handle(pull).body);
        std::set<std::string> rows;
        for (const auto& c : page["changes"])
            rows.insert(c["row"].get<std::string>());
        EXPECT_EQ(rows.count(mission) > 0, hq || a.role == Role::Expert);
        EXPECT_EQ(rows.count(otherMission) > 0, hq);
        EXPECT_EQ(rows.count(training) > 0, hq || a.role == Role::Trainer);
        EXPECT_EQ(rows.count(otherTraining) > 0, hq);
        // Without a token, or with a token from another device: 401 everywhere.
        for (const char* path :
             {"/v1/push", "/v1/pull", "/v1/conflicts", "/v1/conflicts/resolve", "/v1/logout"}) {
            auto r =
                as(a,
                   path == std::string("/v1/pull") || path == std::string("/v1/conflicts") ? "GET"
                                                                                           : "POST",
                   path, "{}");
            r.headers["x-cadre-device"] = domain::randomUuid();
            EXPECT_EQ(app.handle(r).status, 401) << path;
            r.headers.erase("authorization");
            EXPECT_EQ(app.handle(r).status, 401) << path;
        }
        EXPECT_EQ(app.handle({"GET", "/health", {}, {}, "", ""}).status, 200);
        EXPECT_EQ(app.handle(as(a, "POST", "/v1/logout", "{}")).status, 200);
        EXPECT_EQ(app.handle(as(a, "GET", "/v1/conflicts")).status, 401);  // signed out
    }
}

// A file goes up before the record that names it, so any signed-in device may upload and ask a
// blob's status; downloading follows the attachment records: HQ reads every file, others the
// files named by a record they may read (its mission or training assigned to them).
TEST_F(AuthorizationMatrix, BlobDownloadsFollowTheAttachmentsThatNameThem) {
    struct Blob {
        std::string bytes, sha256, ownerTable, ownerId;
    };
    std::vector<Blob> blobs = {{"photo of the assigned mission", "", "mission", mission},
                               {"photo of the other mission", "", "mission", otherMission},
                               {"photo of the assigned training", "", "training", training},
                               {"a file no record names yet", "", "", ""}};
    const Account& uploader = accounts.front();  // amina: uploads are open to every device
    for (auto& b : blobs) {
        b.sha256 = sync::sha256Of(b.bytes);
        auto put = as(uploader, "PUT", "/v1/blobs/" + b.sha256, b.bytes);
        put.query = {{"offset", "0"}, {"size", std::to_string(b.bytes.size())}};
        const auto r = app.handle(put);
        ASSERT_EQ(r.status, 200) << r.body;
        if (b.ownerTable.empty())
            continue;
        app.sync().withHub([&](Replica& hub) {
            hub.setAuthor("admin");
            (void)hub.insert("attachment",
                             {{"owner_table", b.ownerTable},
                              {"owner_id", b.ownerId},
                              {"sha256", b.sha256},
                              {"file_name", "photo.jpg"},
                              {"media_type", "image/jpeg"},
                              {"size_bytes", static_cast<std::int64_t>(b.bytes.size())}});
        });
    }
    const std::map<std::string, std::vector<int>> expected = {{"amina", {200, 403, 403, 403}},
                                                              {"fatou", {403, 403, 200, 403}},
                                                              {"hq.reviewer", {200, 200, 200, 200}},
                                                              {"admin", {200, 200, 200, 200}}};
    for (const auto& a : accounts) {
        for (std::size_t i = 0; i < blobs.size(); ++i) {
            SCOPED_TRACE(a.name + " downloads " + blobs[i].bytes);
            const auto r = app.handle(as(a, "GET", "/v1/blobs/" + blobs[i].sha256));
            EXPECT_EQ(r.status, expected.at(a.name)[i]) << r.body;
            if (r.status == 200)
                EXPECT_EQ(r.body, blobs[i].bytes);
            else
                EXPECT_EQ(r.body.find(blobs[i].bytes), std::string::npos);
            EXPECT_EQ(app.handle(as(a, "GET", "/v1/blobs/" + blobs[i].sha256 + "/status")).status,
                      200);
        }
    }
}

}  // namespace
}  // namespace cadre::test
