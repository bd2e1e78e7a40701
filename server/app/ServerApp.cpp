#include "app/ServerApp.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "domain/Schema.h"

namespace cadre::server {

using nlohmann::json;

ServerApp::ServerApp(const std::string& databasePath, AppOptions options)
    : options_(std::move(options)) {
    replica::Replica::Options hubOptions;
    hubOptions.role = replica::Replica::Role::Hub;
    hubOptions.author = "cadre-server";
    hubOptions.database.synchronousFull = options_.synchronousFull;
    hubOptions.database.cacheSizeKiB = options_.cacheSizeKiB;
    hubOptions.database.pageSizeBytes = options_.pageSizeBytes;
    int autocheckpoint = options_.walAutocheckpointPages;
    if (autocheckpoint == 0 && options_.checkpointIntervalMs > 0)  // the checkpointer's work;
        autocheckpoint = (256 << 20) / std::max(options_.pageSizeBytes, 4096);  // a backstop
    hubOptions.database.walAutocheckpointPages = autocheckpoint;
    hubOptions.log = [this](const std::string& line) { log(json{{"msg", line}}.dump()); };
    repository_ = std::make_unique<SqliteRepository>(databasePath, hubOptions);
    options_.accounts.synchronousFull = options_.synchronousFull;
    options_.accounts.walAutocheckpointPages = autocheckpoint;
    accounts_ = std::make_unique<Accounts>(databasePath, options_.accounts);
    if (options_.checkpointIntervalMs > 0) {
        WalCheckpointer::Options co;
        co.interval = std::chrono::milliseconds(options_.checkpointIntervalMs);
        co.synchronousFull = options_.synchronousFull;
        co.log = [this](const std::string& line) {
            log(json{{"level", "error"}, {"msg", line}}.dump());
        };
        checkpointer_ = std::make_unique<WalCheckpointer>(databasePath, co);
    }
    SyncCounters counters;
    counters.pushed = [this](std::size_t a, std::size_t r, std::size_t c) {
        metrics_.pushed(a, r, c);
    };
    counters.rejected = [this](const std::string& reason) { metrics_.rejected(reason); };
    counters.committed = [this](std::size_t pushes) { metrics_.committed(pushes); };
    counters.redone = [this] { metrics_.redone(); };
    counters.pulled = [this](std::size_t n) { metrics_.pulled(n); };
    if (!options_.attachments.mayDownload)
        options_.attachments.mayDownload = [this](const Session& s, const std::string& sha256) {
            return sync_->mayReadBlob(s, sha256);
        };
    attachments_ = std::make_unique<AttachmentService>(
        std::filesystem::path(databasePath).parent_path() / "blobs", options_.attachments);
    counters.blobComplete = [this](const std::string& sha256) {
        return attachments_->complete(sha256);
    };
    sync_ = std::make_unique<SyncService>(*repository_, options_.sync, counters);
}

ServerApp::~ServerApp() = default;

void ServerApp::log(const std::string& jsonLine) {
    if (options_.log) {
        options_.log(jsonLine);
    } else {
        std::cerr << jsonLine << std::endl;
    }
}

std::string ServerApp::walMetrics() const {
    if (!checkpointer_)
        return {};
    const auto st = checkpointer_->stats();
    return "# HELP cadre_wal_checkpoints_total Checkpoints run by the checkpointer thread.\n"
           "# TYPE cadre_wal_checkpoints_total counter\ncadre_wal_checkpoints_total " +
           std::to_string(st.runs) +
           "\n# HELP cadre_wal_checkpoint_failures_total Checkpoints that failed.\n"
           "# TYPE cadre_wal_checkpoint_failures_total counter\n"
           "cadre_wal_checkpoint_failures_total " +
           std::to_string(st.failures) +
           "\n# HELP cadre_wal_frames Pages in the write-ahead log at the last checkpoint.\n"
           "# TYPE cadre_wal_frames gauge\ncadre_wal_frames " +
           std::to_string(st.walFrames) +
           "\n# HELP cadre_wal_uncopied_frames Pages of the write-ahead log not yet in the "
           "database file after the last checkpoint.\n# TYPE cadre_wal_uncopied_frames gauge\n"
           "cadre_wal_uncopied_frames " +
           std::to_string(st.walFrames - st.copiedFrames) + "\n";
}

std::optional<Session> ServerApp::authenticate(const HttpRequest& request) {
    const auto header = request.header("authorization");
    const auto device = request.header("x-cadre-device");
    if (!header || !device || header->rfind("Bearer ", 0) != 0)
        return std::nullopt;
    return accounts_->authenticate(header->substr(7), *device);
}

HttpResponse ServerApp::login(const HttpRequest& request) {
    json j;
    try {
        j = json::parse(request.body);
    } catch (const json::exception& e) {
        return jsonError(400, "malformed_json", e.what());
    }
    json issues = json::array();
    for (const char* key : {"username", "password", "device_id"})
        if (!j.is_object() || !j.contains(key) || !j[key].is_string())
            issues.push_back({{"field", key}, {"reason", "is required and must be a string"}});
    if (!issues.empty())
        return jsonError(422, "invalid_request", "login needs a username, password and device_id",
                         issues.dump());
    const std::string deviceName = j.contains("device_name") && j["device_name"].is_string()
                                       ? j["device_name"].get<std::string>()
                                       : "";
    try {
        const auto result = accounts_->login(j["username"], j["password"], j["device_id"],
                                             deviceName, request.remoteAddress);
        const User& u = result.session.user;
        return HttpResponse{200,
                            "application/json",
                            {},
                            json{{"token", result.token},
                                 {"expires_at_ms", result.session.expiresAtMs},
                                 {"device_id", result.session.deviceId},
                                 {"user",
                                  {{"id", u.id},
                                   {"username", u.username},
                                   {"role", toString(u.role)},
                                   {"person_id", u.personId}}},
                                 {"server_time_ms", sync_->serverTimeMs()}}
                                .dump()};
    } catch (const AuthError& e) {
        switch (e.kind()) {
            case AuthError::Kind::BadCredentials:
                return jsonError(401, "bad_credentials", e.what());
            case AuthError::Kind::Disabled:
                return jsonError(403, "disabled", e.what());
            case AuthError::Kind::InvalidRequest:
                return jsonError(422, "invalid_request", e.what());
            case AuthError::Kind::Throttled: {
                HttpResponse r = jsonError(429, "throttled", e.what());
                r.headers["retry-after"] = std::to_string((e.retryAfterMs() + 999) / 1000);
                return r;
            }
        }
        return jsonError(401, "bad_credentials", e.what());
    }
}

HttpResponse ServerApp::route(const HttpRequest& request, std::string& routeName,
                              std::string& who) {
    const std::string& p = request.path;
    const std::string& m = request.method;
    struct Route {
        const char* path;
        const char* method;
        bool authenticated;
    };
    static const Route routes[] = {
        {"/health", "GET", false},      {"/metrics", "GET", false},
        {"/v1/login", "POST", false},   {"/v1/logout", "POST", true},
        {"/v1/push", "POST", true},     {"/v1/pull", "GET", true},
        {"/v1/conflicts", "GET", true}, {"/v1/conflicts/resolve", "POST", true},
    };
    if (AttachmentService::handles(p)) {
        routeName = AttachmentService::routeName(p);
        const auto session = authenticate(request);
        if (!session) {
            HttpResponse r = jsonError(
                401, "unauthorized",
                "sign in again: the token is missing, expired, revoked or not this device's");
            r.headers["www-authenticate"] = "Bearer";
            return r;
        }
        who = session->user.username;
        return attachments_->handle(*session, request);
    }
    const Route* found = nullptr;
    bool pathKnown = false;
    for (const auto& r : routes) {
        if (p != r.path)
            continue;
        pathKnown = true;
        if (m == r.method)
            found = &r;
    }
    if (!found) {
        routeName = pathKnown ? p : "unknown";
        return pathKnown ? jsonError(405, "method_not_allowed", m + " is not allowed on " + p)
                         : jsonError(404, "not_found", "no such endpoint");
    }
    routeName = found->path;
    if (p == "/health")
        return HttpResponse{200,
                            "application/json",
                            {},
                            json{{"status", "ok"},
                                 {"schema_version", domain::currentSchemaVersion()},
                                 {"server_time_ms", sync_->serverTimeMs()}}
                                .dump()};
    if (p == "/metrics")
        return HttpResponse{200, "text/plain; version=0.0.4", {}, metrics_.render() + walMetrics()};
    if (p == "/v1/login")
        return login(request);

    const auto session = authenticate(request);
    if (!session) {
        HttpResponse r =
            jsonError(401, "unauthorized",
                      "sign in again: the token is missing, expired, revoked or not this device's");
        r.headers["www-authenticate"] = "Bearer";
        return r;
    }
    who = session->user.username;
    if (p == "/v1/logout") {
        (void)accounts_->logout(request.header("authorization")->substr(7), request.remoteAddress);
        return HttpResponse{200, "application/json", {}, R"({"signed_out":true})"};
    }
    if (p == "/v1/push")
        return sync_->push(*session, request);
    if (p == "/v1/pull")
        return sync_->pull(*session, request);
    if (p == "/v1/conflicts")
        return sync_->conflicts(*session, request);
    return sync_->resolve(*session, request);
}

HttpResponse ServerApp::handle(const HttpRequest& request) {
    const auto start = std::chrono::steady_clock::now();
    std::string routeName = "unknown", who;
    HttpResponse response;
    try {
        response = route(request, routeName, who);
    } catch (const std::exception& e) {
        log(json{{"level", "error"},
                 {"msg", "request failed"},
                 {"path", request.path},
                 {"error", e.what()}}
                .dump());
        response = jsonError(500, "internal", "the server could not answer; nothing was applied");
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    metrics_.request(routeName, request.method, response.status, seconds);
    try {
        log(json{{"level", response.status >= 500 ? "error" : "info"},
                 {"msg", "request"},
                 {"method", request.method},
                 {"route", routeName},
                 {"status", response.status},
                 {"ms", seconds * 1000},
                 {"user", who},
                 {"remote", request.remoteAddress}}
                .dump(-1, ' ', false, json::error_handler_t::replace));
    } catch (...) {
    }
    return response;
}

}  // namespace cadre::server
