// SyncService: push, pull and conflict endpoints over the central repository.
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
#include "store/CentralRepository.h"

namespace cadre::server {

/// Counts what the service did, for /metrics.
struct SyncCounters {
    std::function<void(std::size_t applied, std::size_t replayed, std::size_t conflicts)> pushed;
    std::function<void(const std::string& reason)> rejected;
    std::function<void(std::size_t changes)> pulled;
    /// A commit of the hub for `pushes` push batches that waited together.
    std::function<void(std::size_t pushes)> committed;
    /// A group of pushes applied again, each push under its own savepoint, because one of them
    /// was refused after it had written (see SyncService::runGroup).
    std::function<void()> redone;
    /// Whether the server holds every byte of an attachment's blob (an attachment record naming a
    /// blob not fully uploaded is refused: metadata never claims a file the server lacks).
    std::function<bool(const std::string& sha256)> blobComplete;
};

/// The sync endpoints. Thread-safe: the central repository serialises its groups, and pulls read
/// committed data (CentralRepository::snapshot) without waiting for them. Pushes are decoded and
/// checked on the caller's thread, then committed in groups: the first waiting thread commits
/// every push queued meanwhile in one group (each push in its own batch, so a refused one is
/// undone alone: see runGroup) and every caller gets its answer after that commit.
class SyncService {
  public:
    struct Options {
        std::size_t defaultPullLimit = 1000;
        std::size_t maxPullLimit = 10000;
        /// Pushes waiting together are committed as one transaction (group commit: one fsync for
        /// all), up to this many changes per group.
        std::size_t maxGroupChanges = 20000;
    };

    SyncService(CentralRepository& repository, Options options, SyncCounters counters = {});

    /// POST /v1/push — body {"changes": [...]}: the device's own changes in sequence order.
    [[nodiscard]] HttpResponse push(const Session& session, const HttpRequest& request);
    /// GET /v1/pull?cursor=…&limit=… — the changes the user may read after the cursor.
    [[nodiscard]] HttpResponse pull(const Session& session, const HttpRequest& request);
    /// GET /v1/conflicts — open conflicts the user may read.
    [[nodiscard]] HttpResponse conflicts(const Session& session, const HttpRequest& request);
    /// POST /v1/conflicts/resolve — {"table","row","column","value"}: HQ writes the final value.
    [[nodiscard]] HttpResponse resolve(const Session& session, const HttpRequest& request);

    /// Whether `session`'s user may download blob `sha256`: HQ always; others when they may read
    /// an attachment record naming it (a blob with no record yet is its uploader's alone, who
    /// holds the file).
    [[nodiscard]] bool mayReadBlob(const Session& session, const std::string& sha256);

    /// Push batches waiting for a commit (decoded, not yet taken into a group).
    [[nodiscard]] std::size_t queuedPushes();
    /// Whether a group of pushes is being committed (its leading thread may be waiting for the
    /// repository).
    [[nodiscard]] bool committing();
    /// Runs `body` with the hub locked (admin commands, tests): CentralRepository::withHub.
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
        std::string rejected;  ///< why it was refused (the metrics' reason), empty if it was not
        bool done = false;
    };
    void commitInGroup(PushJob& job);
    void runGroup(const std::vector<PushJob*>& group);
    HttpResponse pushOne(PushJob& job, CentralRepository::Group& hub);

    CentralRepository& repository_;
    Options options_;
    SyncCounters counters_;
    std::mutex queueMutex_;  ///< the push queue
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
