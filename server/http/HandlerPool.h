// HandlerPool: the threads that run request handlers, apart from cpprestsdk's I/O threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cadre::server {

/// A fixed set of threads taking jobs in the order they were posted. A handler may block for a
/// long time (a push waits for its group's commit, a login for its KDF), so handlers do not run
/// on cpprestsdk's few I/O threads: there they would hold up every connection's reads and writes.
/// Threads that wait here cost nothing; each posted job wakes one. At most `maxQueued` jobs wait
/// for a thread: past that, post() refuses (the server answers 503 and the device comes back
/// later), so a burst of requests cannot pile up their bodies in memory without end.
class HandlerPool {
  public:
    HandlerPool(std::size_t threads, std::size_t maxQueued);
    /// Runs every job already posted, then joins the threads.
    ~HandlerPool();
    HandlerPool(const HandlerPool&) = delete;
    HandlerPool& operator=(const HandlerPool&) = delete;

    /// Queues `job` and returns true (one of the threads runs it), or returns false when
    /// `maxQueued` jobs already wait for a thread. A job must not throw.
    [[nodiscard]] bool post(std::function<void()> job);
    [[nodiscard]] std::size_t size() const { return threads_.size(); }

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    const std::size_t maxQueued_;
    std::size_t idle_ = 0;  ///< threads waiting for a job
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace cadre::server
