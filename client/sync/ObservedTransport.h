// ObservedTransport: wraps the sync Transport to stop between requests, report progress and keep
// the server's Retry-After — what the status bar and a clean quit need from one sync.
#pragma once

#include <atomic>
#include <functional>
#include <string>

#include "sync/Transport.h"

namespace cadre::client {

class ObservedTransport : public sync::Transport {
  public:
    /// `beforeSend` is called with each request's target before it goes out.
    ObservedTransport(sync::Transport& inner, const std::atomic<bool>& stopping,
                      std::function<void(const std::string& target)> beforeSend);

    /// Throws sync::TransportError without sending once stopping is set.
    sync::TransportResponse send(const sync::TransportRequest& request) override;

    /// The Retry-After (seconds) of the last answer that had one, else 0.
    [[nodiscard]] int retryAfterSeconds() const { return retryAfterSeconds_; }

  private:
    sync::Transport& inner_;
    const std::atomic<bool>& stopping_;
    std::function<void(const std::string&)> beforeSend_;
    int retryAfterSeconds_ = 0;
};

}  // namespace cadre::client
