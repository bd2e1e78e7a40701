// RegisterTest: the merge rules of one register (shared/merge/Register.h) — here, that the
// shortcut a replica takes for a write that replaces the register's sole winner is exactly the
// case in which applyWrite leaves that write alone as the winner.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "merge/Register.h"

namespace cadre::test {
namespace {

using merge::Leaf;
using merge::Outcome;
using merge::RegisterState;
using merge::Version;

TEST(Register, ANewRegisterTakesAnyWriteAlone) {
    const Version v{42, "device-a"};
    EXPECT_TRUE(merge::replacesSoleWinner(nullptr, v, {}));
    RegisterState state;
    EXPECT_EQ(merge::applyWrite(state, {Leaf{v, Value("first"), "amina"}, {}}), Outcome::Won);
    EXPECT_TRUE(state.others.empty());
}

TEST(Register, OnlyAnEditBasedOnTheWinnerReplacesIt) {
    const Version winner{100, "device-a"};
    // Based on the winner: replaces it, even with an older clock (the author saw it).
    EXPECT_TRUE(merge::replacesSoleWinner(&winner, {90, "device-b"}, {winner}));
    // Concurrent (not based on it): both stay live, whichever wins.
    EXPECT_FALSE(merge::replacesSoleWinner(&winner, {110, "device-b"}, {}));
    EXPECT_FALSE(merge::replacesSoleWinner(&winner, {110, "device-b"}, {{99, "device-a"}}));
    // The winner itself, again: already applied.
    EXPECT_FALSE(merge::replacesSoleWinner(&winner, winner, {winner}));
}

// Differential: over random registers with at most a winner, replacesSoleWinner is true exactly
// when applyWrite makes the write the winner with no other leaf.
TEST(Register, ReplacesSoleWinnerAgreesWithApplyWrite) {
    std::mt19937_64 rng(20261127);
    const std::vector<std::string> devices{"", "device-a", "device-b", "device-c"};
    const auto version = [&] { return Version{rng() % 6, devices[rng() % devices.size()]}; };
    int replaced = 0, kept = 0;
    for (int i = 0; i < 20000; ++i) {
        RegisterState state;
        std::optional<Version> winner;
        if (rng() % 4 != 0) {
            winner = version();
            state.winner = Leaf{*winner, Value("before"), "luc"};
        }
        const Version v = version();
        std::vector<Version> bases;
        const int nBases = static_cast<int>(rng() % 3);
        for (int b = 0; b < nBases; ++b)
            bases.push_back(rng() % 2 == 0 && winner ? *winner : version());
        const bool shortcut = merge::replacesSoleWinner(winner ? &*winner : nullptr, v, bases);
        const Outcome outcome = merge::applyWrite(state, {Leaf{v, Value("after"), "amina"}, bases});
        const bool alone = outcome == Outcome::Won && state.others.empty();
        ASSERT_EQ(shortcut, alone) << "write " << v.hlc << "/" << v.device << " over "
                                   << (winner ? std::to_string(winner->hlc) + "/" + winner->device
                                              : std::string("nothing"));
        if (shortcut) {
            ASSERT_TRUE(state.winner);
            EXPECT_EQ(state.winner->version, v);
            EXPECT_EQ(state.winner->value, Value("after"));
        }
        (shortcut ? replaced : kept)++;
    }
    // Both answers were exercised many times.
    EXPECT_GT(replaced, 2000);
    EXPECT_GT(kept, 2000);
}

}  // namespace
}  // namespace cadre::test
