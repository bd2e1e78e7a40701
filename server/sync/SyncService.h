// SyncService: push, pull and conflict endpoints over the central repository (a hub Replica).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "auth/Accounts.h"
#include "http/HttpTypes.h"
#include "replica/Replica.h"

namespace cadre::server {

/// Counts what the service did, for /metrics.
struct SyncCounters {
    std::function<void(std::size_t applied, std::size_t replayed, std::size_t conflicts)> pushed;
    std::function<void(const std::string& reason)> rejected;
    std::function<void(std::size_t changes)> pulled;
    /// Whether the server holds every byte of an attachment's blob (an attachment record naming a
    /// blob not fully uploaded is refused: metadata never claims a file the server lacks).
    std::function<bool(const std::string& sha256)> blobComplete;
};

/// The sync endpoints. Thread-safe: one mutex serialises access to the hub replica (SQLite
/// serialises writers anyway; pulls read a consistent snapshot under the same lock).
class SyncService {
  public:
    struct Options {
        std::size_t defaultPullLimit = 1000;
        std::size_t maxPullLimit = 10000;
    };

    SyncService(replica::Replica& hub, Options options, SyncCounters counters = {});

    /// POST /v1/push — body {"changes": [...]}: the device's own changes in sequence order.
    [[nodiscard]] HttpResponse push(const Session& session, const HttpRequest& request);
    /// GET /v1/pull?cursor=…&limit=… — the changes the user may read after the cursor.
    [[nodiscard]] HttpResponse pull(const Session& session, const HttpRequest& request);
    /// GET /v1/conflicts — open conflicts the user may read.
    [[nodiscard]] HttpResponse conflicts(const Session& session, const HttpRequest& request);
    /// POST /v1/conflicts/resolve — {"table","row","column","value"}: HQ writes the final value.
    [[nodiscard]] HttpResponse resolve(const Session& session, const HttpRequest& request);

    /// Runs `body` with the hub locked (admin commands, tests).
    void withHub(const std::function<void(replica::Replica&)>& body);

    /// Milliseconds since the epoch by the server's clock (sent with every answer so devices can
    /// correct their clock offset).
    [[nodiscard]] std::int64_t serverTimeMs();

  private:
    replica::Replica& hub_;
    Options options_;
    SyncCounters counters_;
    std::mutex mutex_;
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
