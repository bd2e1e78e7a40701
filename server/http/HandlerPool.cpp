// HandlerPool: see HandlerPool.h.
#include "http/HandlerPool.h"

#include <stdexcept>

namespace cadre::server {

HandlerPool::HandlerPool(std::size_t threads, std::size_t maxQueued) : maxQueued_(maxQueued) {
    if (threads == 0)
        throw std::invalid_argument("a handler pool needs at least one thread");
    threads_.reserve(threads);
    try {
        for (std::size_t i = 0; i < threads; ++i)
            threads_.emplace_back([this] { run(); });
    } catch (...) {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        ready_.notify_all();
        for (auto& t : threads_)
            t.join();
        throw;
    }
}

HandlerPool::~HandlerPool() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (auto& t : threads_)
        t.join();
}

bool HandlerPool::post(std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        // Jobs up to the number of idle threads are taken at once; only the rest wait.
        if (jobs_.size() >= idle_ + maxQueued_)
            return false;
        jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
    return true;
}

void HandlerPool::run() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            ++idle_;
            ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            --idle_;
            if (jobs_.empty())
                return;  // stopping, and nothing left to run
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        job();
    }
}

}  // namespace cadre::server
