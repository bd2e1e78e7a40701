// WalCheckpointer: copies the central repository's WAL back into the database file on a thread of
// its own, so that no push waits for a checkpoint.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace cadre::server {

/// With SQLite's default, the commit that takes the WAL past 1,000 pages runs the checkpoint
/// itself: the push that happens to commit it waits for every page to be copied and the file to
/// be synced. Here the repository's connections are opened with their automatic checkpoint
/// turned off (or set far out, as a backstop) and this thread runs a PASSIVE checkpoint on its own
/// connection every `interval`: it never blocks a writer or a reader, copies a page written many
/// times in between only once, and lets the next commit start the WAL over once it has caught
/// up. Acknowledged commits do not depend on it (they are durable in the WAL).
class WalCheckpointer {
  public:
    struct Options {
        std::chrono::milliseconds interval{100};
        bool synchronousFull = true;
        /// Receives one message per failed checkpoint (the thread goes on).
        std::function<void(const std::string&)> log;
    };
    struct Stats {
        std::uint64_t runs = 0;         ///< checkpoints run
        std::uint64_t failures = 0;     ///< of which failed
        std::int64_t walFrames = 0;     ///< frames (pages) in the WAL at the last checkpoint
        std::int64_t copiedFrames = 0;  ///< of which in the database file after it
    };

    /// Opens its own connection to `path` (which must exist and be in WAL mode) and starts.
    WalCheckpointer(const std::string& path, Options options);
    /// Stops the thread (the connection's close runs a last checkpoint if it is the last one).
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    [[nodiscard]] Stats stats() const;

  private:
    Options options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    Stats stats_;
    std::thread thread_;
};

}  // namespace cadre::server
