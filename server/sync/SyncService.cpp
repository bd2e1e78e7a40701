#include "sync/SyncService.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "codec/ChangeCodec.h"
#include "domain/RecordScope.h"
#include "domain/Validation.h"
#include "replica/ChangeApplier.h"
#include "sync/Authorization.h"
#include "sync/JsonValues.h"

namespace cadre::server {

using nlohmann::json;

namespace {

/// The scope of a record as the repository holds it (its fields, and its parents' for records
/// scoped through them); nullopt when it cannot be known.
std::optional<domain::RecordScope> storedScope(CentralRepository::Reads& hub,
                                               const std::string& table, const std::string& id) {
    const auto lookup = [&](const std::string& t, const std::string& rowId,
                            const std::string& column) -> std::optional<Value> {
        auto rec = hub.get(t, rowId);
        return rec && rec->fields.count(column) ? std::optional<Value>(rec->fields.at(column))
                                                : std::nullopt;
    };
    const auto own = [&](const std::string& column) -> std::optional<Value> {
        return column == "id" ? std::optional<Value>(Value(id)) : lookup(table, id, column);
    };
    return domain::scopeOf(table, own, lookup);
}

HttpResponse ok(const json& body) {
    return HttpResponse{200, "application/json", {}, body.dump()};
}

std::string issuesJson(const std::vector<domain::Issue>& issues) {
    json list = json::array();
    for (const auto& i : issues)
        list.push_back({{"field", i.field}, {"reason", i.reason}});
    return list.dump();
}

/// 400 for a body that is not JSON at all, 422 for JSON that breaks the schema.
HttpResponse refusedBody(const domain::ValidationError& e) {
    const auto& issues = e.issues();
    const bool malformed = issues.size() == 1 && issues[0].field == "body";
    if (malformed)
        return jsonError(400, "malformed_json", issues[0].reason);
    return jsonError(422, "invalid_change", "the batch was refused: nothing of it was applied",
                     issuesJson(issues));
}

}  // namespace

SyncService::SyncService(CentralRepository& repository, Options options, SyncCounters counters)
    : repository_(repository), options_(options), counters_(std::move(counters)) {}

std::int64_t SyncService::serverTimeMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void SyncService::withHub(const std::function<void(replica::Replica&)>& body) {
    repository_.withHub(body);
}

HttpResponse SyncService::push(const Session& session, const HttpRequest& request) {
    codec::PushedBatch batch;
    try {
        batch = codec::decodePushedBatch(request.body);  // outside any lock
    } catch (const domain::ValidationError& e) {
        if (counters_.rejected)
            counters_.rejected("invalid");
        return refusedBody(e);
    }
    const auto& changes = batch.changes;
    std::vector<domain::Issue> issues;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::string at = "changes[" + std::to_string(i) + "]";
        if (changes[i].origin != session.deviceId)
            issues.push_back({at + ".origin", "a device pushes only its own changes"});
        if (changes[i].author != session.user.username)
            issues.push_back(
                {at + ".author", "must be the signed-in user, " + session.user.username});
        if (i > 0 && changes[i].seq != changes[i - 1].seq + 1)
            issues.push_back({at + ".seq", "changes must follow each other in sequence"});
    }
    if (!issues.empty()) {
        if (counters_.rejected)
            counters_.rejected("forbidden");
        return jsonError(403, "forbidden", "the batch was refused: nothing of it was applied",
                         issuesJson(issues));
    }
    PushJob job{session, batch, {}, std::nullopt, {}, false};
    commitInGroup(job);
    return std::move(job.response);
}

std::size_t SyncService::queuedPushes() {
    std::lock_guard lock(queueMutex_);
    return queue_.size();
}

bool SyncService::committing() {
    std::lock_guard lock(queueMutex_);
    return leading_;
}

void SyncService::commitInGroup(PushJob& job) {
    std::unique_lock lock(queueMutex_);
    queue_.push_back(&job);
    while (!job.done) {
        if (leading_) {
            queueDone_.wait(lock);
            continue;
        }
        // Lead: take what is queued (up to a bound), commit it as one transaction, wake the rest.
        leading_ = true;
        std::vector<PushJob*> group;
        std::size_t changes = 0;
        auto it = queue_.begin();
        for (; it != queue_.end(); ++it) {
            if (!group.empty() && changes + (*it)->batch.changes.size() > options_.maxGroupChanges)
                break;
            changes += (*it)->batch.changes.size();
            group.push_back(*it);
        }
        queue_.erase(queue_.begin(), it);
        lock.unlock();
        runGroup(group);
        lock.lock();
        leading_ = false;
        for (PushJob* j : group)
            j->done = true;
        queueDone_.notify_all();
    }
}

void SyncService::runGroup(const std::vector<PushJob*>& group) {
    const auto pushAll = [&](CentralRepository::Group& hub) {
        for (PushJob* job : group) {
            job->report.reset();
            job->rejected.clear();
            job->response = pushOne(*job, hub);
        }
    };
    try {
        // Refused batches are rare (a device checks its changes before sending them; the rights
        // are checked before any write): apply the group without a savepoint per push. When a
        // push is refused half-way, after some of its changes were written, that cannot be
        // undone alone: the whole group is rolled back and applied again, each push under its
        // own savepoint, so that the refused one is undone alone and the others commit.
        try {
            repository_.group(CentralRepository::BatchIsolation::None, pushAll);
        } catch (const CentralRepository::GroupAborted&) {
            if (counters_.redone)
                counters_.redone();
            repository_.group(CentralRepository::BatchIsolation::Savepoint, pushAll);
        }
    } catch (const std::exception& e) {
        // The commit failed (disk full, I/O error): nothing of the group is durable, so nothing
        // is acknowledged. Devices keep their outbox and retry.
        for (PushJob* job : group) {
            job->report.reset();
            job->response = jsonError(503, "unavailable",
                                      std::string("the repository could not commit: ") + e.what());
            job->response.headers["retry-after"] = "1";
        }
        if (counters_.rejected)
            counters_.rejected("commit_failed");
        return;
    }
    if (counters_.committed)
        counters_.committed(group.size());
    // Counted once the group is committed: a group applied twice counts each push once.
    for (const PushJob* job : group) {
        if (job->report && counters_.pushed)
            counters_.pushed(job->report->applied, job->report->replayed,
                             job->report->newConflicts);
        if (!job->rejected.empty() && counters_.rejected)
            counters_.rejected(job->rejected);
    }
}

HttpResponse SyncService::pushOne(PushJob& job, CentralRepository::Group& hub) {
    const Session& session = job.session;
    const auto& changes = job.batch.changes;
    std::vector<domain::Issue> issues;
    const std::int64_t known = hub.originSeq(session.deviceId);
    if (changes.empty())
        return ok({{"acked_seq", known},
                   {"applied", 0},
                   {"replayed", 0},
                   {"server_time_ms", serverTimeMs()}});

    const std::int64_t first = changes.front().seq, last = changes.back().seq;
    if (auto receipt = hub.receipt(session.deviceId, first, last))
        return HttpResponse{200, "application/json", {}, std::move(*receipt)};

    // Rights: every change not yet applied, against the records as they stand plus the records
    // this batch creates before it.
    const Reach reach = hub.reachOf(session.user);
    const bool headquarters = reach.role == Role::HqReviewer || reach.role == Role::Admin;
    std::vector<domain::Issue> blobIssues;
    std::map<std::pair<std::string, std::string>, std::map<std::string, Value>> pending;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const Change& c = changes[i];
        if (c.seq <= known)
            continue;
        if (!headquarters) {
            auto& mine = pending[{c.table, c.row}];
            for (const auto& f : c.fields)
                mine[f.column] = f.value;
            const auto stored = hub.get(c.table, c.row);
            const auto lookup = [&](const std::string& table, const std::string& id,
                                    const std::string& column) -> std::optional<Value> {
                auto p = pending.find({table, id});
                if (p != pending.end() && p->second.count(column))
                    return p->second.at(column);
                auto rec = hub.get(table, id);
                if (!rec || !rec->fields.count(column))
                    return std::nullopt;
                return rec->fields.at(column);
            };
            const auto own = [&](const std::string& column) -> std::optional<Value> {
                if (column == "id")
                    return Value(c.row);
                return lookup(c.table, c.row, column);
            };
            const auto scope = domain::scopeOf(c.table, own, lookup);
            if (auto why = writeRefusal(reach, c, scope, stored.has_value()))
                issues.push_back({"changes[" + std::to_string(i) + "]", *why});
        } else if (auto why = writeRefusal(reach, c, std::nullopt, true)) {
            // headquarters' rights depend on the table alone: no lookups
            issues.push_back({"changes[" + std::to_string(i) + "]", *why});
        }
        if (c.table == "attachment" && counters_.blobComplete)
            for (const auto& f : c.fields)
                if (f.column == "sha256" && f.value.isText() &&
                    !counters_.blobComplete(f.value.asText()))
                    blobIssues.push_back(
                        {"changes[" + std::to_string(i) + "].fields.sha256",
                         "upload the file first: the server does not hold every byte of it"});
    }
    if (issues.empty() && !blobIssues.empty()) {
        job.rejected = "blob_incomplete";
        return jsonError(409, "blob_incomplete", "the batch was refused: nothing of it was applied",
                         issuesJson(blobIssues));
    }
    if (!issues.empty()) {
        job.rejected = "forbidden";
        return jsonError(403, "forbidden", "the batch was refused: nothing of it was applied",
                         issuesJson(issues));
    }

    try {
        std::string body;
        replica::ApplyReport report;
        hub.batch([&] {
            report = hub.applyPushed(job.batch);
            body = json{{"acked_seq", hub.originSeq(session.deviceId)},
                        {"applied", report.applied},
                        {"replayed", report.replayed},
                        {"new_conflicts", report.newConflicts},
                        {"server_time_ms", serverTimeMs()}}
                       .dump();
            hub.saveReceipt(session.deviceId, first, last, body, serverTimeMs());
        });
        job.report = report;
        return HttpResponse{200, "application/json", {}, body};
    } catch (const replica::SequenceGapError& e) {
        job.rejected = "sequence_gap";
        return jsonError(
            409, "sequence_gap",
            std::string(e.what()) + "; push from sequence " + std::to_string(known + 1));
    } catch (const clock::ClockSkewError& e) {
        job.rejected = "clock_skew";
        HttpResponse r = jsonError(422, "clock_skew", e.what());
        r.headers["x-cadre-server-time-ms"] = std::to_string(serverTimeMs());
        return r;
    } catch (const replica::MissingRecordError& e) {
        job.rejected = "missing_record";
        return jsonError(409, "missing_record", e.what());
    } catch (const domain::ValidationError& e) {
        job.rejected = "invalid";
        return refusedBody(e);
    }
}

HttpResponse SyncService::pull(const Session& session, const HttpRequest& request) {
    std::size_t limit = options_.defaultPullLimit;
    if (auto it = request.query.find("limit"); it != request.query.end()) {
        char* end = nullptr;
        const long long n = std::strtoll(it->second.c_str(), &end, 10);
        if (it->second.empty() || *end != '\0' || n < 1 ||
            static_cast<std::size_t>(n) > options_.maxPullLimit)
            return jsonError(
                400, "bad_limit",
                "limit must be a whole number from 1 to " + std::to_string(options_.maxPullLimit));
        limit = static_cast<std::size_t>(n);
    }
    const auto cursorText =
        request.query.count("cursor") ? request.query.at("cursor") : std::string();
    auto marks = decodeCursor(cursorText);
    if (!marks)
        return jsonError(400, "bad_cursor", "the cursor is not one this server gave");
    // Pulls read committed data only, so they do not wait for a group of pushes being committed.
    replica::RawLogPage page;
    repository_.snapshot([&](CentralRepository::Snapshot& source) {
        const Reach reach = source.reachOf(session.user);
        auto scopes = reach.scopes();
        const auto key = [](const replica::ScopeMark& m) { return m.kind + ":" + m.id; };
        for (auto& s : scopes) {
            auto it = marks->find(key(s));
            s.after = it == marks->end() ? 0 : it->second;
        }
        page = source.pullPage(scopes, limit);
        for (const auto& s : scopes)
            (*marks)[key(s)] = std::max(s.after, page.nextCursor);
    });
    std::string body = "{\"changes\":[";
    for (std::size_t i = 0; i < page.changes.size(); ++i) {
        if (i)
            body += ',';
        body += page.changes[i];
    }
    body += "],\"cursor\":" + json(encodeCursor(*marks)).dump() +
            ",\"more\":" + (page.more ? "true" : "false") +
            ",\"server_time_ms\":" + std::to_string(serverTimeMs()) + "}";
    if (counters_.pulled)
        counters_.pulled(page.changes.size());
    return HttpResponse{200, "application/json", {}, std::move(body)};
}

bool SyncService::mayReadBlob(const Session& session, const std::string& sha256) {
    bool allowed = false;
    repository_.snapshot([&](CentralRepository::Snapshot& hub) {
        const Reach reach = hub.reachOf(session.user);
        if (reach.readsEverything()) {
            allowed = true;
            return;
        }
        for (const auto& id : hub.attachmentsNaming(sha256)) {
            const auto scope = storedScope(hub, "attachment", id);
            if (scope && reach.canRead(*scope)) {
                allowed = true;
                return;
            }
        }
    });
    return allowed;
}

HttpResponse SyncService::conflicts(const Session& session, const HttpRequest&) {
    json list = json::array();
    repository_.read([&](CentralRepository::Reads& hub) {
        const Reach reach = hub.reachOf(session.user);
        for (const auto& c : hub.conflicts()) {
            if (!reach.readsEverything()) {
                const auto scope = storedScope(hub, c.table, c.row);
                if (!scope || !reach.canRead(*scope))
                    continue;
            }
            list.push_back({{"table", c.table},
                            {"row", c.row},
                            {"column", c.column},
                            {"winner", leafJson(c.winner)},
                            {"loser", leafJson(c.loser)}});
        }
    });
    return ok({{"conflicts", list}, {"server_time_ms", serverTimeMs()}});
}

HttpResponse SyncService::resolve(const Session& session, const HttpRequest& request) {
    if (session.user.role != Role::HqReviewer && session.user.role != Role::Admin)
        return jsonError(403, "forbidden", "only headquarters resolves conflicts");
    json j;
    try {
        j = json::parse(request.body);
    } catch (const json::exception& e) {
        return jsonError(400, "malformed_json", e.what());
    }
    std::vector<domain::Issue> issues;
    for (const char* key : {"table", "row", "column"})
        if (!j.is_object() || !j.contains(key) || !j[key].is_string())
            issues.push_back({key, "is required and must be a string"});
    Value value;
    if (j.is_object() && (!j.contains("value") || !valueFromJson(j["value"], value)))
        issues.push_back({"value", "is required: null, a number or a string"});
    if (!issues.empty())
        return jsonError(422, "invalid_request", "nothing was resolved", issuesJson(issues));
    try {
        repository_.resolve(session.user.username, j["table"], j["row"], j["column"], value);
    } catch (const domain::ValidationError& e) {
        return jsonError(422, "invalid_request", "nothing was resolved", issuesJson(e.issues()));
    } catch (const replica::WriteRefused& e) {
        return jsonError(404, "not_found", e.what());
    }
    return ok({{"resolved", true}, {"server_time_ms", serverTimeMs()}});
}

}  // namespace cadre::server

namespace cadre::server {

namespace {
std::string base64url(const std::string& in) {
    static constexpr char table[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (unsigned char c : in) {
        buffer = (buffer << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += table[(buffer >> bits) & 63];
        }
    }
    if (bits > 0)
        out += table[(buffer << (6 - bits)) & 63];
    return out;
}

std::optional<std::string> unbase64url(const std::string& in) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (char c : in) {
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '-')
            v = 62;
        else if (c == '_')
            v = 63;
        else
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<std::uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}
}  // namespace

std::string encodeCursor(const CursorMarks& marks) {
    return base64url(json{{"v", 1}, {"m", marks}}.dump());
}

std::optional<CursorMarks> decodeCursor(const std::string& cursor) {
    if (cursor.empty())
        return CursorMarks{};
    const auto text = unbase64url(cursor);
    if (!text)
        return std::nullopt;
    try {
        const json j = json::parse(*text);
        if (!j.is_object() || j.value("v", 0) != 1 || !j.contains("m") || !j["m"].is_object())
            return std::nullopt;
        CursorMarks marks;
        for (const auto& [k, v] : j["m"].items()) {
            if (!v.is_number_integer() || v.get<std::int64_t>() < 0)
                return std::nullopt;
            marks[k] = v.get<std::int64_t>();
        }
        return marks;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

}  // namespace cadre::server
