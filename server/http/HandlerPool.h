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
/// Threads that wait here cost nothing; each posted job wakes one.
class HandlerPool {
  public:
    explicit HandlerPool(std::size_t threads);
    /// Runs every job already posted, then joins the threads.
    ~HandlerPool();
    HandlerPool(const HandlerPool&) = delete;
    HandlerPool& operator=(const HandlerPool&) = delete;

    /// Queues `job`; one of the threads runs it. A job must not throw.
    void post(std::function<void()> job);
    [[nodiscard]] std::size_t size() const { return threads_.size(); }

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace cadre::server
