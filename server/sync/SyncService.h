// SyncService: push, pull and conflict endpoints over the central repository (a hub Replica).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/Accounts.h"
#include "codec/ChangeCodec.h"
#include "http/HttpTypes.h"
#include "replica/Replica.h"

namespace cadre::server {

/// Counts what the service did, for /metrics.
struct SyncCounters {
    std::function<void(std::size_t applied, std::size_t replayed, std::size_t conflicts)> pushed;
    std::function<void(const std::string& reason)> rejected;
    std::function<void(std::size_t changes)> pulled;
    /// A commit of the hub for `pushes` push batches that waited together.
    std::function<void(std::size_t pushes)> committed;
    /// Whether the server holds every byte of an attachment's blob (an attachment record naming a
    /// blob not fully uploaded is refused: metadata never claims a file the server lacks).
    std::function<bool(const std::string& sha256)> blobComplete;
};

/// The sync endpoints. Thread-safe: one mutex serialises access to the hub replica (SQLite
/// serialises writers anyway; pulls read a consistent snapshot under the same lock). Pushes are
/// decoded and checked on the caller's thread, then committed in groups: the first waiting thread
/// commits every push queued meanwhile in one transaction (each in its own savepoint, so a refused
/// batch is undone alone) and every caller gets its answer after that commit.
class SyncService {
  public:
    struct Options {
        std::size_t defaultPullLimit = 1000;
        std::size_t maxPullLimit = 10000;
        /// Pushes waiting together are committed as one transaction (group commit: one fsync for
        /// all), up to this many changes per group.
        std::size_t maxGroupChanges = 20000;
    };

    /// `reader`, when given, is a second Replica object on the hub's file: pulls read through it
    /// (a WAL snapshot of what is committed) without waiting for pushes being committed.
    SyncService(replica::Replica& hub, Options options, SyncCounters counters = {},
                replica::Replica* reader = nullptr);

    /// POST /v1/push — body {"changes": [...]}: the device's own changes in sequence order.
    [[nodiscard]] HttpResponse push(const Session& session, const HttpRequest& request);
    /// GET /v1/pull?cursor=…&limit=… — the changes the user may read after the cursor.
    [[nodiscard]] HttpResponse pull(const Session& session, const HttpRequest& request);
    /// GET /v1/conflicts — open conflicts the user may read.
    [[nodiscard]] HttpResponse conflicts(const Session& session, const HttpRequest& request);
    /// POST /v1/conflicts/resolve — {"table","row","column","value"}: HQ writes the final value.
    [[nodiscard]] HttpResponse resolve(const Session& session, const HttpRequest& request);

    /// Push batches waiting for a commit (decoded, not yet taken into a group).
    [[nodiscard]] std::size_t queuedPushes();
    /// Runs `body` with the hub locked (admin commands, tests).
    void withHub(const std::function<void(replica::Replica&)>& body);

    /// Milliseconds since the epoch by the server's clock (sent with every answer so devices can
    /// correct their clock offset).
    [[nodiscard]] std::int64_t serverTimeMs();

  private:
    /// One push waiting for its group's commit.
    struct PushJob {
        const Session& session;
        const codec::PushedBatch& batch;
        HttpResponse response;
        std::optional<replica::ApplyReport> report;  ///< set when applied
        bool done = false;
    };
    void commitInGroup(PushJob& job);
    void runGroup(const std::vector<PushJob*>& group);
    HttpResponse pushOne(PushJob& job);

    replica::Replica& hub_;
    Options options_;
    SyncCounters counters_;
    replica::Replica* reader_;
    std::mutex mutex_;        ///< the hub replica
    std::mutex readerMutex_;  ///< the reader (when there is one)
    std::mutex queueMutex_;   ///< the push queue
    std::condition_variable queueDone_;
    std::vector<PushJob*> queue_;
    bool leading_ = false;  ///< a thread is committing a group
};

/// The opaque pull cursor: for each scope of the log the device has read, the position up to
/// which it holds every change ("mission:<id>" → 1234, "*" → 5678 for HQ). A scope newly assigned
/// starts from 0, so the device receives its whole history once; a scope lost and regained goes
/// on from where it stopped.
using CursorMarks = std::map<std::string, std::int64_t>;
[[nodiscard]] std::string encodeCursor(const CursorMarks& marks);
/// std::nullopt when the cursor is malformed; an empty cursor is an empty map.
[[nodiscard]] std::optional<CursorMarks> decodeCursor(const std::string& cursor);

}  // namespace cadre::server
