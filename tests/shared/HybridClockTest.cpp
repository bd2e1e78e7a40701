// HybridClockTest: the hybrid logical clock under a physical clock that the test moves by hand.
#include <gtest/gtest.h>

#include <cstdint>

#include "clock/HybridClock.h"

namespace cadre::clock {
namespace {

constexpr std::int64_t kStart = 1'790'000'000'000;  // 2026-09-21T14:13:20Z
constexpr std::int64_t kMaxAhead = HybridClock::kDefaultMaxAheadMs;

/// A clock whose physical source is `ms`, which the test sets.
struct ManualClock {
    std::int64_t ms = kStart;
    HybridClock clock{[this] { return ms; }};
};

TEST(HybridClockLayout, PhysicalAndLogicalPartsPackAndOrder) {
    const Hlc h = makeHlc(kStart, 7);
    EXPECT_EQ(physicalMs(h), kStart);
    EXPECT_EQ(logicalOf(h), 7u);
    EXPECT_LT(makeHlc(kStart, kLogicalMask), makeHlc(kStart + 1, 0));
    EXPECT_LT(makeHlc(kStart, 1), makeHlc(kStart, 2));
}

TEST(HybridClock, FirstValueIsThePhysicalTimeAndTheCounterRunsWithinOneMillisecond) {
    ManualClock c;
    EXPECT_EQ(c.clock.now(), makeHlc(kStart, 0));
    EXPECT_EQ(c.clock.now(), makeHlc(kStart, 1));
    EXPECT_EQ(c.clock.now(), makeHlc(kStart, 2));
    EXPECT_EQ(c.clock.last(), makeHlc(kStart, 2));
    c.ms += 1;  // the next millisecond resets the counter
    EXPECT_EQ(c.clock.now(), makeHlc(kStart + 1, 0));
}

TEST(HybridClock, MonotonicWhenThePhysicalClockStandsStill) {
    ManualClock c;
    Hlc previous = c.clock.now();
    for (int i = 0; i < 5000; ++i) {
        const Hlc next = c.clock.now();
        ASSERT_GT(next, previous) << i;
        previous = next;
    }
    EXPECT_EQ(physicalMs(previous), kStart);
    EXPECT_EQ(logicalOf(previous), 5000u);
}

TEST(HybridClock, MonotonicWhenThePhysicalClockGoesBackwards) {
    ManualClock c;
    c.ms += 60'000;
    const Hlc high = c.clock.now();
    Hlc previous = high;
    for (const std::int64_t step : {-10'000, -1, -3'600'000, 0, 5}) {
        c.ms += step;
        const Hlc next = c.clock.now();
        EXPECT_GT(next, previous) << "after a step of " << step << " ms";
        EXPECT_EQ(physicalMs(next), kStart + 60'000) << "the physical part never goes back";
        previous = next;
    }
    c.ms = kStart + 60'001;  // once the physical clock catches up, it leads again
    EXPECT_EQ(c.clock.now(), makeHlc(kStart + 60'001, 0));
}

TEST(HybridClock, AnExhaustedCounterStepsIntoTheNextMillisecond) {
    ManualClock c;
    c.clock.restore(makeHlc(kStart, kLogicalMask));
    const Hlc next = c.clock.now();
    EXPECT_EQ(next, makeHlc(kStart + 1, 0));
    EXPECT_GT(next, makeHlc(kStart, kLogicalMask));
}

TEST(HybridClock, ObservingARemoteValueOrdersLaterLocalEventsAfterIt) {
    ManualClock c;
    (void)c.clock.now();
    const Hlc remote = makeHlc(kStart + 90'000, 12);  // another device 90 s ahead
    c.clock.observe(remote);
    EXPECT_EQ(c.clock.last(), remote);
    const Hlc next = c.clock.now();
    EXPECT_GT(next, remote);
    EXPECT_EQ(next, makeHlc(kStart + 90'000, 13));

    const Hlc before = c.clock.last();  // an older remote value changes nothing
    c.clock.observe(makeHlc(kStart - 5'000, 3));
    EXPECT_EQ(c.clock.last(), before);
    EXPECT_GT(c.clock.now(), before);
}

TEST(HybridClock, ARemoteValueTooFarAheadIsRefusedAndChangesNothing) {
    ManualClock c;
    const Hlc issued = c.clock.now();
    const Hlc atLimit = makeHlc(kStart + kMaxAhead, kLogicalMask);
    const Hlc beyond = makeHlc(kStart + kMaxAhead + 1, 0);
    EXPECT_TRUE(c.clock.acceptable(atLimit));
    EXPECT_FALSE(c.clock.acceptable(beyond));
    EXPECT_FALSE(c.clock.acceptable(makeHlc(kStart + 86'400'000LL * 365, 0)));
    EXPECT_EQ(c.clock.last(), issued) << "acceptable() only looks";

    EXPECT_THROW(c.clock.observe(beyond), ClockSkewError);
    EXPECT_EQ(c.clock.last(), issued);
    EXPECT_EQ(c.clock.now(), makeHlc(kStart, 1)) << "the refused value left no trace";

    c.ms += 1;  // as local time moves on, the same value becomes acceptable
    EXPECT_TRUE(c.clock.acceptable(beyond));
    EXPECT_NO_THROW(c.clock.observe(beyond));
    EXPECT_EQ(c.clock.last(), beyond);
}

TEST(HybridClock, TheSkewBoundIsConfigurableAndItsErrorSaysWhy) {
    std::int64_t ms = kStart;
    HybridClock clock([&] { return ms; }, 1'000);
    EXPECT_TRUE(clock.acceptable(makeHlc(kStart + 1'000, 0)));
    EXPECT_FALSE(clock.acceptable(makeHlc(kStart + 1'001, 0)));
    try {
        clock.observe(makeHlc(kStart + 2'000, 0));
        ADD_FAILURE() << "observe accepted a value 2 s ahead with a 1 s bound";
    } catch (const ClockSkewError& e) {
        EXPECT_NE(std::string(e.what()).find("2026-09-21T14:13:22.000Z"), std::string::npos)
            << e.what();
    }
}

TEST(HybridClock, AfterARestartItNeverIssuesAValueAtOrBelowThePersistedOne) {
    ManualClock before;
    before.ms += 120'000;  // the device clock ran ahead, then was set back before the restart
    (void)before.clock.now();
    const Hlc persisted = before.clock.now();

    ManualClock after;  // restarted, physical clock back at kStart
    after.clock.restore(persisted);
    EXPECT_EQ(after.clock.last(), persisted);
    Hlc previous = persisted;
    for (int i = 0; i < 100; ++i) {
        const Hlc next = after.clock.now();
        ASSERT_GT(next, previous);
        previous = next;
    }
    after.clock.restore(makeHlc(kStart - 1, 0));  // restoring an older value never lowers it
    EXPECT_EQ(after.clock.last(), previous);
}

TEST(HybridClock, OffsetsCorrectThePhysicalTimeAndKeepTheClockMonotonic) {
    ManualClock c;
    const Hlc first = c.clock.now();
    c.clock.setOffsetMs(120'000);  // the server is two minutes ahead of this device
    EXPECT_EQ(c.clock.offsetMs(), 120'000);
    EXPECT_EQ(c.clock.physicalNowMs(), kStart + 120'000);
    const Hlc corrected = c.clock.now();
    EXPECT_EQ(corrected, makeHlc(kStart + 120'000, 0));
    EXPECT_GT(corrected, first);

    // The bound on remote values counts from corrected time.
    EXPECT_TRUE(c.clock.acceptable(makeHlc(kStart + 120'000 + kMaxAhead, 0)));
    EXPECT_FALSE(c.clock.acceptable(makeHlc(kStart + 120'000 + kMaxAhead + 1, 0)));

    c.clock.setOffsetMs(-600'000);  // a correction backwards does not make time go back
    EXPECT_EQ(c.clock.physicalNowMs(), kStart - 600'000);
    EXPECT_GT(c.clock.now(), corrected);
    // The device's raw time is now 10 min ahead of corrected time: beyond the 5 min bound.
    EXPECT_FALSE(c.clock.acceptable(makeHlc(kStart, 0)));
}

TEST(HybridClock, APhysicalSourceBeforeTheEpochStillGivesIncreasingValues) {
    std::int64_t ms = -5'000;
    HybridClock clock([&] { return ms; });
    const Hlc a = clock.now();
    EXPECT_EQ(physicalMs(a), 0);
    EXPECT_GT(a, 0u) << "0 is not a valid HLC: the first value is above it";
    EXPECT_GT(clock.now(), a);
}

TEST(HybridClock, FormatHlcIsReadable) {
    constexpr std::int64_t ms = 1'795'712'919'123;  // 2026-11-26T17:08:39.123Z
    EXPECT_EQ(formatHlc(makeHlc(ms, 5)), "2026-11-26T17:08:39.123Z+5");
    EXPECT_EQ(formatHlc(makeHlc(ms, 0)), "2026-11-26T17:08:39.123Z");
    EXPECT_EQ(formatHlc(makeHlc(kStart, kLogicalMask)), "2026-09-21T14:13:20.000Z+65535");
    EXPECT_EQ(formatHlc(0), "1970-01-01T00:00:00.000Z");
}

TEST(HybridClock, TheSystemSourceIsCloseToNow) {
    HybridClock clock;  // the default physical source
    const std::int64_t ms = HybridClock::systemMs();
    EXPECT_GT(ms, 1'700'000'000'000);  // after November 2023
    const Hlc h = clock.now();
    EXPECT_GE(physicalMs(h), ms);
    EXPECT_LT(physicalMs(h), ms + 60'000);
}

}  // namespace
}  // namespace cadre::clock
