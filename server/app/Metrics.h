// Metrics: request, sync and reject counters with latency histograms, in Prometheus text format.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace cadre::server {

class Metrics {
  public:
    /// One answered request: its route (the path pattern, never raw input), method and status.
    void request(const std::string& route, const std::string& method, int status, double seconds);
    void pushed(std::size_t applied, std::size_t replayed, std::size_t conflicts);
    void rejected(const std::string& reason);
    void pulled(std::size_t changes);
    /// One commit of the hub holding `pushes` push batches (group commit).
    void committed(std::size_t pushes);
    /// One group of pushes applied again with a savepoint per push (a push was refused half-way).
    void redone();
    /// One request the HTTP listener answered itself (ListenConfig::refused), by error code:
    /// busy, shutting_down, body_too_large, bad_request, incomplete_body.
    void listenerRefused(const std::string& code);

    /// The exposition text for GET /metrics (text/plain; version=0.0.4).
    [[nodiscard]] std::string render();

  private:
    struct Histogram {
        std::vector<std::uint64_t> buckets;  ///< cumulative counts per upper bound
        double sum = 0;
        std::uint64_t count = 0;
    };
    std::mutex mutex_;
    std::map<std::string, std::uint64_t> requests_;  ///< "route|method|status" → count
    std::map<std::string, Histogram> latency_;       ///< route → histogram
    std::map<std::string, std::uint64_t> rejects_;   ///< reason → count
    std::map<std::string, std::uint64_t> refused_;   ///< listener's code → count
    std::uint64_t pushes_ = 0, applied_ = 0, replayed_ = 0, conflicts_ = 0, pulledChanges_ = 0;
    std::uint64_t commits_ = 0, groupedPushes_ = 0, largestGroup_ = 0, redoneGroups_ = 0;
};

}  // namespace cadre::server
