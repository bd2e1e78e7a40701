#include "store/WalCheckpointer.h"

#include <exception>
#include <memory>

#include "replica/Database.h"

namespace cadre::server {

WalCheckpointer::WalCheckpointer(const std::string& path, Options options)
    : options_(std::move(options)) {
    // Open on the caller's thread, so that a missing or broken file fails the constructor.
    replica::Database::Options dbOptions;
    dbOptions.synchronousFull = options_.synchronousFull;
    dbOptions.walAutocheckpointPages = -1;
    auto db = std::make_shared<replica::Database>(path, dbOptions);
    thread_ = std::thread([this, db] {
        std::unique_lock lock(mutex_);
        while (!stop_) {
            wake_.wait_for(lock, options_.interval, [this] { return stop_; });
            if (stop_)
                break;
            lock.unlock();
            std::int64_t frames = 0, copied = 0;
            bool failed = false;
            std::string error;
            try {
                // Columns: busy (1 if it could not run to the end), frames in the WAL, frames
                // copied into the database file. PASSIVE takes no lock a writer or reader waits
                // on; a WAL already copied costs a look at its header.
                replica::Statement st(*db, "PRAGMA wal_checkpoint(PASSIVE)");
                if (st.step()) {
                    frames = st.integer(1);
                    copied = st.integer(2);
                }
            } catch (const std::exception& e) {
                failed = true;
                error = e.what();
            }
            if (failed && options_.log)
                options_.log("WAL checkpoint failed: " + error);
            lock.lock();
            ++stats_.runs;
            stats_.walFrames = frames;
            stats_.copiedFrames = copied;
            stats_.failures += failed ? 1 : 0;
        }
    });
}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

WalCheckpointer::Stats WalCheckpointer::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace cadre::server
