#include "app/Metrics.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace cadre::server {
namespace {
constexpr std::array<double, 11> kBounds = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                            0.25,  0.5,   1,    2.5,   5};
}

void Metrics::request(const std::string& route, const std::string& method, int status,
                      double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[route + "|" + method + "|" + std::to_string(status)];
    auto& h = latency_[route];
    if (h.buckets.empty())
        h.buckets.assign(kBounds.size(), 0);
    for (std::size_t i = 0; i < kBounds.size(); ++i)
        if (seconds <= kBounds[i])
            ++h.buckets[i];
    h.sum += seconds;
    ++h.count;
}

void Metrics::pushed(std::size_t applied, std::size_t replayed, std::size_t conflicts) {
    std::lock_guard lock(mutex_);
    ++pushes_;
    applied_ += applied;
    replayed_ += replayed;
    conflicts_ += conflicts;
}

void Metrics::rejected(const std::string& reason) {
    std::lock_guard lock(mutex_);
    ++rejects_[reason];
}

void Metrics::listenerRefused(const std::string& code) {
    std::lock_guard lock(mutex_);
    ++refused_[code];
}

void Metrics::pulled(std::size_t changes) {
    std::lock_guard lock(mutex_);
    pulledChanges_ += changes;
}

void Metrics::committed(std::size_t pushes) {
    std::lock_guard lock(mutex_);
    ++commits_;
    groupedPushes_ += pushes;
    largestGroup_ = std::max<std::uint64_t>(largestGroup_, pushes);
}

void Metrics::redone() {
    std::lock_guard lock(mutex_);
    ++redoneGroups_;
}

std::string Metrics::render() {
    std::lock_guard lock(mutex_);
    std::ostringstream out;
    out << "# HELP cadre_http_requests_total HTTP requests answered, by route, method and status.\n"
        << "# TYPE cadre_http_requests_total counter\n";
    for (const auto& [key, n] : requests_) {
        const auto a = key.find('|'), b = key.rfind('|');
        out << "cadre_http_requests_total{route=\"" << key.substr(0, a) << "\",method=\""
            << key.substr(a + 1, b - a - 1) << "\",status=\"" << key.substr(b + 1) << "\"} " << n
            << "\n";
    }
    out << "# HELP cadre_http_request_duration_seconds Time to answer a request, by route.\n"
        << "# TYPE cadre_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        for (std::size_t i = 0; i < kBounds.size(); ++i)
            out << "cadre_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
                << kBounds[i] << "\"} " << h.buckets[i] << "\n";
        out << "cadre_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
            << h.count << "\n"
            << "cadre_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum
            << "\n"
            << "cadre_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count
            << "\n";
    }
    out << "# HELP cadre_pushes_total Push batches applied.\n# TYPE cadre_pushes_total counter\n"
        << "cadre_pushes_total " << pushes_ << "\n"
        << "# HELP cadre_changes_applied_total Changes applied from pushes.\n"
        << "# TYPE cadre_changes_applied_total counter\ncadre_changes_applied_total " << applied_
        << "\n"
        << "# HELP cadre_changes_replayed_total Pushed changes the server already held.\n"
        << "# TYPE cadre_changes_replayed_total counter\ncadre_changes_replayed_total " << replayed_
        << "\n"
        << "# HELP cadre_conflicts_total Fields that gained a conflict.\n"
        << "# TYPE cadre_conflicts_total counter\ncadre_conflicts_total " << conflicts_ << "\n"
        << "# HELP cadre_changes_pulled_total Changes sent to devices by pulls.\n"
        << "# TYPE cadre_changes_pulled_total counter\ncadre_changes_pulled_total "
        << pulledChanges_ << "\n"
        << "# HELP cadre_push_commits_total Commits of the repository for pushes (each holds "
           "every push that waited for it).\n# TYPE cadre_push_commits_total counter\n"
        << "cadre_push_commits_total " << commits_ << "\n"
        << "# HELP cadre_push_committed_batches_total Push batches in those commits.\n"
        << "# TYPE cadre_push_committed_batches_total counter\n"
        << "cadre_push_committed_batches_total " << groupedPushes_ << "\n"
        << "# HELP cadre_push_largest_group Most push batches committed at once so far.\n"
        << "# TYPE cadre_push_largest_group gauge\ncadre_push_largest_group " << largestGroup_
        << "\n"
        << "# HELP cadre_push_groups_redone_total Groups of pushes applied a second time, each "
           "push under its own savepoint, because one was refused after it had written.\n"
        << "# TYPE cadre_push_groups_redone_total counter\ncadre_push_groups_redone_total "
        << redoneGroups_ << "\n"
        << "# HELP cadre_rejects_total Pushes refused, by reason.\n# TYPE cadre_rejects_total "
           "counter\n";
    for (const auto& [reason, n] : rejects_)
        out << "cadre_rejects_total{reason=\"" << reason << "\"} " << n << "\n";
    out << "# HELP cadre_http_refused_total Requests the listener answered itself (no handler "
           "ran), by code.\n# TYPE cadre_http_refused_total counter\n";
    for (const auto& [code, n] : refused_)
        out << "cadre_http_refused_total{code=\"" << code << "\"} " << n << "\n";
    return out.str();
}

}  // namespace cadre::server
