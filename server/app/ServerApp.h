// ServerApp: the central repository, accounts and sync service behind one HttpHandler (routes,
// authentication, JSON errors, metrics, JSON-lines request log).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/Metrics.h"
#include "auth/Accounts.h"
#include "http/HttpTypes.h"
#include "store/SqliteRepository.h"
#include "store/WalCheckpointer.h"
#include "sync/AttachmentService.h"
#include "sync/SyncService.h"

namespace cadre::server {

struct AppOptions {
    Accounts::Options accounts;
    SyncService::Options sync;
    AttachmentService::Options attachments;
    bool synchronousFull = true;  ///< the central repository's durability (false only in tests)
    int cacheSizeKiB = 65536;     ///< page cache of each repository connection
    /// Page size of a new central repository (an existing one keeps its own). Pushes write whole
    /// pages to the WAL and then again to the file: at 4 KiB a batch of 500 observations wrote
    /// about 530 pages, each with its own frame header and pwrite, and split a b-tree page every
    /// few rows. At 8 KiB the same INSERTs ran 25-50 % faster, random edits of single records as
    /// fast as at 4 KiB; 16 KiB pages were no faster for pushes and slower for those edits
    /// (docs/PERFORMANCE.md, sync server, fourth round).
    int pageSizeBytes = 8192;
    /// WAL pages after which a commit checkpoints. 0: SQLite's default (1,000) when
    /// checkpointIntervalMs is 0, else 256 MiB of pages — a backstop should the checkpointer fall
    /// behind; negative: never.
    int walAutocheckpointPages = 0;
    /// A WalCheckpointer thread checkpoints every this often, so that no push waits for one
    /// (0: none; commits checkpoint as SQLite does by default). Under 50 devices pushing back to
    /// back, 100 ms spreads the copying over the groups: at 250 ms each checkpoint copied up to
    /// 45 MB at once and made the group beside it 30-40 ms longer (docs/PERFORMANCE.md, sixth
    /// round).
    int checkpointIntervalMs = 100;
    /// Receives one JSON object per line (requests, startup); default: standard error.
    std::function<void(const std::string&)> log;
};

class ServerApp {
  public:
    /// Opens (creating and migrating) the central repository at `databasePath`; attachments'
    /// bytes live in the `blobs` directory beside it.
    ServerApp(const std::string& databasePath, AppOptions options);
    ~ServerApp();

    /// Answers one request; never throws (a failure becomes a 500 JSON error).
    [[nodiscard]] HttpResponse handle(const HttpRequest& request);
    [[nodiscard]] HttpHandler handler() {
        return [this](const HttpRequest& r) { return handle(r); };
    }

    [[nodiscard]] Accounts& accounts() { return *accounts_; }
    [[nodiscard]] SyncService& sync() { return *sync_; }
    [[nodiscard]] CentralRepository& repository() { return *repository_; }
    [[nodiscard]] Metrics& metrics() { return metrics_; }
    void log(const std::string& jsonLine);

  private:
    HttpResponse route(const HttpRequest& request, std::string& routeName, std::string& who);
    HttpResponse login(const HttpRequest& request);
    [[nodiscard]] std::string walMetrics() const;
    std::optional<Session> authenticate(const HttpRequest& request);

    AppOptions options_;
    Metrics metrics_;
    std::unique_ptr<SqliteRepository> repository_;  ///< the hub, and a reader for pulls
    std::unique_ptr<Accounts> accounts_;
    std::unique_ptr<AttachmentService> attachments_;
    std::unique_ptr<SyncService> sync_;
    std::unique_ptr<WalCheckpointer> checkpointer_;  ///< null with checkpointIntervalMs 0
};

}  // namespace cadre::server
