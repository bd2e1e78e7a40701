#include "sync/SyncClient.h"

#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <thread>

#include "codec/ChangeCodec.h"
#include "sync/AttachmentClient.h"

namespace cadre::sync {

using nlohmann::json;

namespace {

/// N for an issue about a whole change, "changes[N]" (the rights refusals); nothing otherwise.
std::optional<std::size_t> wholeChangeIndex(const std::string& field) {
    static const std::string prefix = "changes[";
    if (field.size() < prefix.size() + 2 || field.rfind(prefix, 0) != 0 || field.back() != ']')
        return std::nullopt;
    const std::string digits = field.substr(prefix.size(), field.size() - prefix.size() - 1);
    if (digits.empty() || digits.size() > 6 ||
        digits.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return static_cast<std::size_t>(std::stoul(digits));
}

Rejection rejectionOf(const TransportResponse& r) {
    Rejection out;
    out.status = r.status;
    try {
        const json j = json::parse(r.body);
        const json& e = j.at("error");
        out.code = e.value("code", "");
        out.message = e.value("message", "");
        if (e.contains("issues"))
            for (const auto& i : e["issues"])
                out.issues.emplace_back(i.value("field", ""), i.value("reason", ""));
    } catch (const json::exception&) {
        out.code = "unreadable";
        out.message = "HTTP " + std::to_string(r.status) + ": " + r.body.substr(0, 200);
    }
    return out;
}

}  // namespace

SyncClient::SyncClient(replica::Replica& device, Transport& transport, Options options)
    : device_(device), transport_(transport), options_(std::move(options)) {
    if (!options_.sleep)
        options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    token_ = device_.localSetting("token");
}

bool SyncClient::signedIn() const {
    return !token_.empty();
}

TransportResponse SyncClient::send(const TransportRequest& request) {
    std::mt19937 jitter(std::random_device{}());
    auto backoff = options_.firstBackoff;
    std::string last = "no attempt";
    int lastStatus = 0;
    for (int attempt = 1; attempt <= options_.maxAttempts; ++attempt) {
        try {
            TransportResponse r = transport_.send(request);
            if (r.status != 429 && r.status < 500)
                return r;
            lastStatus = r.status;
            last = "HTTP " + std::to_string(r.status);
            if (auto it = r.headers.find("retry-after"); it != r.headers.end())
                backoff = std::max(
                    backoff, std::chrono::milliseconds(std::atoll(it->second.c_str()) * 1000));
        } catch (const TransportError& e) {
            lastStatus = 0;
            last = e.what();
        }
        if (options_.log)
            options_.log("sync: " + request.method + " " + request.target + " failed (" + last +
                         "), attempt " + std::to_string(attempt) + " of " +
                         std::to_string(options_.maxAttempts));
        if (attempt == options_.maxAttempts)
            break;
        const auto spread =
            std::uniform_int_distribution<long long>(0, backoff.count() / 2)(jitter);
        options_.sleep(backoff + std::chrono::milliseconds(spread));
        backoff = std::min(options_.maxBackoff, backoff * 2);
    }
    throw SyncError(lastStatus, "the server could not be reached: " + last);
}

TransportResponse SyncClient::authorized(TransportRequest request) {
    if (token_.empty())
        throw SyncError(401, "not signed in");
    request.headers["authorization"] = "Bearer " + token_;
    request.headers["x-cadre-device"] = device_.deviceId();
    TransportResponse r = send(request);
    if (r.status == 401)
        throw SyncError(401, "sign in again: the server no longer accepts this device's token");
    return r;
}

void SyncClient::learnServerTime(const std::string& body, std::int64_t sentAtMs,
                                 std::int64_t receivedAtMs, SyncResult* result) {
    std::int64_t serverMs = 0;
    try {
        const json j = json::parse(body);
        if (!j.contains("server_time_ms"))
            return;
        serverMs = j["server_time_ms"].get<std::int64_t>();
    } catch (const json::exception&) {
        return;
    }
    learnServerTime(serverMs, sentAtMs, receivedAtMs, result);
}

void SyncClient::learnServerTime(std::int64_t serverMs, std::int64_t sentAtMs,
                                 std::int64_t receivedAtMs, SyncResult* result) {
    const std::int64_t offset = serverMs - (sentAtMs + receivedAtMs) / 2;
    if (std::llabs(offset - device_.clock().offsetMs()) > options_.clockToleranceMs) {
        device_.setClockOffset(offset);
        if (options_.log)
            options_.log("sync: device clock corrected by " + std::to_string(offset) + " ms");
    }
    if (result)
        result->clockOffsetMs = device_.clock().offsetMs();
}

Identity SyncClient::login(const std::string& username, const std::string& password,
                           const std::string& deviceName) {
    const auto raw = [&] { return device_.clock().physicalNowMs() - device_.clock().offsetMs(); };
    const std::int64_t sent = raw();
    TransportRequest request{"POST",
                             "/v1/login",
                             {},
                             json{{"username", username},
                                  {"password", password},
                                  {"device_id", device_.deviceId()},
                                  {"device_name", deviceName}}
                                 .dump()};
    const TransportResponse r = send(request);
    if (r.status != 200) {
        const Rejection why = rejectionOf(r);
        throw SyncError(r.status, why.message.empty() ? "sign-in refused" : why.message);
    }
    learnServerTime(r.body, sent, raw(), nullptr);
    const json answer = json::parse(r.body);
    token_ = answer.at("token").get<std::string>();
    Identity who;
    who.username = username;
    if (const auto u = answer.find("user"); u != answer.end() && u->is_object()) {
        const auto text = [&](const char* key) {  // "" when absent or null (HQ has no person)
            const auto it = u->find(key);
            return it != u->end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        who.userId = text("id");
        who.role = text("role");
        who.personId = text("person_id");
    }
    device_.transaction([&] {
        device_.setLocalSetting("token", token_);
        device_.setLocalSetting("username", who.username);
        device_.setLocalSetting("user_id", who.userId);
        device_.setLocalSetting("role", who.role);
        device_.setLocalSetting("person_id", who.personId);
        device_.setLocalSetting("token_expires_at_ms",
                                std::to_string(answer.value("expires_at_ms", std::int64_t{0})));
    });
    device_.setAuthor(username);
    return who;
}

Identity SyncClient::identity(replica::Replica& device) {
    Identity who;
    who.username = device.localSetting("username");
    who.userId = device.localSetting("user_id");
    who.role = device.localSetting("role");
    who.personId = device.localSetting("person_id");
    return who;
}

void SyncClient::logout() {
    if (token_.empty())
        return;
    try {
        (void)authorized(TransportRequest{"POST", "/v1/logout", {}, "{}"});
    } catch (const SyncError&) {
        // offline or already revoked: the local token is dropped all the same
    }
    token_.clear();
    device_.setLocalSetting("token", "");
}

void SyncClient::uploadBlobs(const std::vector<Change>& changes) {
    if (!options_.blobPath)
        return;
    for (const auto& c : changes) {
        if (c.table != "attachment")
            continue;
        for (const auto& f : c.fields) {
            if (f.column != "sha256" || !f.value.isText())
                continue;
            const std::string path = options_.blobPath(f.value.asText());
            if (path.empty())
                continue;  // the push will say the server lacks it
            TransferOptions transfer;
            transfer.maxAttempts = options_.maxAttempts;
            transfer.firstBackoff = options_.firstBackoff;
            transfer.maxBackoff = options_.maxBackoff;
            transfer.sleep = options_.sleep;
            (void)upload(transport_, token_, device_.deviceId(), path, f.value.asText(), 4 << 20,
                         transfer);
        }
    }
}

namespace {
/// A request sent (push or pull) and its answer, with the device's raw clock around it (for the
/// server time).
struct Posted {
    TransportResponse response;
    std::int64_t sentMs = 0, receivedMs = 0;
};
}  // namespace

void SyncClient::push(SyncResult& result) {
    const auto raw = [&] { return device_.clock().physicalNowMs() - device_.clock().offsetMs(); };
    bool restamped = false;
    if (const auto n = device_.restampPending(); n > 0 && options_.log)
        options_.log("sync: " + std::to_string(n) + " changes re-stamped after a clock correction");
    // The outbox after `after`, joined into a batch: the outbox as stored is the wire format.
    struct Batch {
        replica::OutboxPage page;
        std::string body;
        std::vector<Change> attachments;  ///< their files go up before the batch
    };
    const auto prepare = [&](std::int64_t after) -> std::optional<Batch> {
        Batch b;
        b.page = device_.pendingWire(options_.pushBatch, after);
        if (b.page.changes.empty())
            return std::nullopt;
        std::size_t size = 16;
        for (const auto& c : b.page.changes)
            size += c.size() + 1;
        b.body.reserve(size);
        b.body = "{\"changes\":[";
        for (std::size_t i = 0; i < b.page.changes.size(); ++i) {
            if (i)
                b.body += ',';
            b.body += b.page.changes[i];
            if (b.page.tables[i] == "attachment")
                b.attachments.push_back(codec::decodeChange(b.page.changes[i]));
        }
        b.body += "]}";
        return b;
    };
    // Sends on a thread of its own: the transport is never used by two threads at once (a
    // batch's files go up only once the batch before it has been answered).
    const auto post = [&](std::string body) {
        return std::async(std::launch::async, [this, &raw, body = std::move(body)]() mutable {
            Posted p;
            p.sentMs = raw();
            p.response = authorized(TransportRequest{"POST", "/v1/push", {}, std::move(body)});
            p.receivedMs = raw();
            return p;
        });
    };
    std::future<Posted> inflight;
    // Sends the outbox after `after`, its files first; the batch sent, or nullopt when none is
    // left.
    const auto sendFrom = [&](std::int64_t after) {
        std::optional<Batch> b = prepare(after);
        if (b) {
            uploadBlobs(b->attachments);
            inflight = post(std::move(b->body));
        }
        return b;
    };
    std::optional<Batch> batch = sendFrom(0);
    if (!batch)
        return;
    for (;;) {
        const Posted posted = inflight.get();
        const TransportResponse& r = posted.response;
        const replica::OutboxPage& page = batch->page;
        learnServerTime(r.body, posted.sentMs, posted.receivedMs, &result);
        if (r.status == 422 && !restamped) {
            // The server found this device's timestamps too far ahead: learn its time, re-stamp
            // what has not been pushed, and try once more.
            if (auto t = r.headers.find("x-cadre-server-time-ms"); t != r.headers.end()) {
                learnServerTime("{\"server_time_ms\":" + t->second + "}", posted.sentMs,
                                posted.receivedMs, &result);
                restamped = true;
                if (device_.restampPending() > 0) {
                    if (!(batch = sendFrom(0)))  // the outbox changed: read it again
                        return;
                    continue;
                }
            }
        }
        if (r.status != 200) {
            const Rejection why = rejectionOf(r);
            result.rejections.push_back(why);
            // A change refused for the user's rights will be refused again at every try: set it
            // aside (kept, with its reason) so the changes after it can go.
            if (r.status == 403 && why.code == "forbidden") {
                std::map<std::int64_t, std::string> refused;
                for (const auto& [field, reason] : why.issues)
                    if (const auto i = wholeChangeIndex(field); i && *i < page.changes.size())
                        refused[page.firstSeq + static_cast<std::int64_t>(*i)] = reason;
                if (const auto n = device_.setAside(refused, r.status, why.code); n > 0) {
                    result.setAside += n;
                    if (options_.log)
                        options_.log("sync: " + std::to_string(n) +
                                     " refused changes set aside; pushing the rest");
                    if (!(batch = sendFrom(0)))  // the outbox changed: read it again
                        return;
                    continue;
                }
            }
            return;  // the outbox keeps the batch; the reason goes to the user
        }
        const std::int64_t acked = json::parse(r.body).at("acked_seq").get<std::int64_t>();
        if (acked < page.firstSeq)
            throw SyncError(r.status,
                            "the server acknowledged nothing of a push: stopping to avoid a loop");
        const std::int64_t upTo = std::min(acked, device_.lastSeq());
        result.pushed += static_cast<std::size_t>(upTo - page.firstSeq + 1);
        // The next batch goes out before this one's acknowledgement is written, so the device's
        // own work (its outbox read and delete, their commit) overlaps the server's. Until it is
        // written, a crash only means the server sees the acknowledged batch again: a replay.
        std::optional<Batch> next = sendFrom(upTo);
        device_.acknowledge(upTo);
        result.ackedSeq = upTo;
        if (!next)
            return;
        batch = std::move(next);
    }
}

void SyncClient::pull(SyncResult& result) {
    const auto raw = [&] { return device_.clock().physicalNowMs() - device_.clock().offsetMs(); };
    const auto fetch = [this, &raw](const std::string& cursor) {
        Posted p;
        p.sentMs = raw();
        p.response =
            authorized(TransportRequest{"GET",
                                        "/v1/pull?limit=" + std::to_string(options_.pullLimit) +
                                            (cursor.empty() ? "" : "&cursor=" + cursor),
                                        {},
                                        ""});
        p.receivedMs = raw();
        return p;
    };
    Posted fetched = fetch(device_.localSetting("pull_cursor"));
    for (;;) {
        const TransportResponse& r = fetched.response;
        if (r.status != 200)
            throw SyncError(r.status, "pull refused: " + rejectionOf(r).message);
        // The next page is fetched (on a thread of its own: the transport is used by one thread
        // at a time) while this one is decoded and applied, on the cursor this page ends with:
        // read from its tail at once, checked against the decoded page below. Its cursor is
        // stored with this page's changes; should decoding or applying fail, it is dropped.
        std::future<Posted> next;
        std::string asked;
        if (const auto tail = codec::peekPullTail(r.body); tail && tail->more) {
            asked = tail->cursor;
            next = std::async(std::launch::async, fetch, asked);
        }
        codec::PullPage page;
        try {
            page = codec::decodePullPage(r.body);
        } catch (const domain::ValidationError& e) {
            throw SyncError(
                r.status,
                std::string("the server sent changes this device cannot read: ") + e.what());
        }
        if (page.serverTimeMs > 0)  // taken from the decoded page: no second parse of the body
            learnServerTime(page.serverTimeMs, fetched.sentMs, fetched.receivedMs, &result);
        if (next.valid() && (!page.more || asked != page.cursor)) {
            next.wait();  // asked for on a tail the page does not confirm: not used
            next = {};
        }
        if (page.more && !next.valid())
            next = std::async(std::launch::async, fetch, page.cursor);
        device_.transaction([&] {
            if (!page.changes.empty())  // validated by decodePullPage: not a second time
                result.pulled += device_.applyPulled(page).applied;
            device_.setLocalSetting("pull_cursor", page.cursor);
        });
        ++result.pages;
        if (!page.more)
            return;
        fetched = next.get();
    }
}

SyncResult SyncClient::sync() {
    SyncResult result;
    push(result);
    pull(result);
    return result;
}

}  // namespace cadre::sync
