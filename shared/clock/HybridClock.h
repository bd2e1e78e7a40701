// HybridClock: the hybrid logical clock that stamps every change (physical ms + logical counter).
#pragma once

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

namespace cadre::clock {

/// A hybrid logical clock value: the upper 48 bits are milliseconds since the Unix epoch, the lower
/// 16 bits a logical counter. Plain unsigned comparison orders events; if event a happened before
/// event b (same device, or b's device had received a), then hlc(a) < hlc(b).
using Hlc = std::uint64_t;

constexpr int kLogicalBits = 16;
constexpr std::uint64_t kLogicalMask = (std::uint64_t{1} << kLogicalBits) - 1;

[[nodiscard]] constexpr Hlc makeHlc(std::int64_t physicalMs, std::uint64_t logical) {
    return (static_cast<std::uint64_t>(physicalMs) << kLogicalBits) | (logical & kLogicalMask);
}
[[nodiscard]] constexpr std::int64_t physicalMs(Hlc h) {
    return static_cast<std::int64_t>(h >> kLogicalBits);
}
[[nodiscard]] constexpr std::uint64_t logicalOf(Hlc h) {
    return h & kLogicalMask;
}

/// Renders an HLC as "2026-11-26T17:08:39.123Z+5" for logs and conflict listings.
[[nodiscard]] std::string formatHlc(Hlc h);

/// Thrown by observe() when a remote timestamp is further ahead of this device's (corrected) time
/// than the clock accepts: a device whose clock is wrong must not push the whole system's time.
class ClockSkewError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The clock of one replica. Not thread-safe: one owner (the Replica) calls it.
class HybridClock {
  public:
    /// Milliseconds since the Unix epoch; injectable so tests can make clocks lie.
    using PhysicalSource = std::function<std::int64_t()>;

    /// Remote timestamps more than maxAheadMs ahead of corrected local time are refused.
    static constexpr std::int64_t kDefaultMaxAheadMs = 5 * 60 * 1000;

    explicit HybridClock(PhysicalSource source = systemMs,
                         std::int64_t maxAheadMs = kDefaultMaxAheadMs);

    /// A timestamp for a local event, greater than every timestamp issued or observed before.
    [[nodiscard]] Hlc now();

    /// Takes a remote event's timestamp into account so later local events order after it.
    /// Throws ClockSkewError (and changes nothing) if `remote` is too far ahead.
    void observe(Hlc remote);

    /// Checks what observe() would refuse, without changing the clock.
    [[nodiscard]] bool acceptable(Hlc remote) const;

    /// After a restart: the clock never issues a value at or below `persisted`.
    void restore(Hlc persisted);

    /// Sets the last value outright, possibly lower: only for a replica re-stamping its own
    /// unpushed changes after learning that its clock ran far ahead (nobody else has seen them).
    void reset(Hlc last) { last_ = last; }

    /// The correction (server time minus device time, in ms) learned at sync; applied to the
    /// physical source from now on. The clock stays monotonic whatever the offset.
    void setOffsetMs(std::int64_t offsetMs) { offsetMs_ = offsetMs; }
    [[nodiscard]] std::int64_t offsetMs() const { return offsetMs_; }

    /// The last value issued or observed (what a replica persists).
    [[nodiscard]] Hlc last() const { return last_; }

    /// Corrected physical time in ms.
    [[nodiscard]] std::int64_t physicalNowMs() const { return source_() + offsetMs_; }

    [[nodiscard]] static std::int64_t systemMs();

  private:
    PhysicalSource source_;
    std::int64_t maxAheadMs_;
    std::int64_t offsetMs_ = 0;
    Hlc last_ = 0;
};

}  // namespace cadre::clock
