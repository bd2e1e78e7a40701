#include "clock/HybridClock.h"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace cadre::clock {

std::string formatHlc(Hlc h) {
    const std::int64_t ms = physicalMs(h);
    const std::time_t secs = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::string out = buf;
    char frac[32];
    std::snprintf(frac, sizeof frac, ".%03lldZ", static_cast<long long>(ms % 1000));
    out += frac;
    if (const auto l = logicalOf(h); l != 0) {
        out += '+';  // appended in two steps: GCC 12 -O3 misreads "+" + to_string as overlapping
        out += std::to_string(l);
    }
    return out;
}

HybridClock::HybridClock(PhysicalSource source, std::int64_t maxAheadMs)
    : source_(std::move(source)), maxAheadMs_(maxAheadMs) {}

std::int64_t HybridClock::systemMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Hlc HybridClock::now() {
    const std::int64_t pt = std::max<std::int64_t>(physicalNowMs(), 0);
    const Hlc candidate = makeHlc(pt, 0);
    // Strictly after everything seen; if the counter is exhausted, step the physical part.
    last_ = std::max(candidate, last_ + 1);
    return last_;
}

bool HybridClock::acceptable(Hlc remote) const {
    return physicalMs(remote) <= physicalNowMs() + maxAheadMs_;
}

void HybridClock::observe(Hlc remote) {
    if (!acceptable(remote)) {
        throw ClockSkewError("timestamp " + formatHlc(remote) + " is more than " +
                             std::to_string(maxAheadMs_ / 1000) + " s ahead of this clock (" +
                             formatHlc(makeHlc(physicalNowMs(), 0)) + ")");
    }
    last_ = std::max(last_, remote);
}

void HybridClock::restore(Hlc persisted) {
    last_ = std::max(last_, persisted);
}

}  // namespace cadre::clock
