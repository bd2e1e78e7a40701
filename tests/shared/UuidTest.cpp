// UuidTest: random v4 ids, time-ordered v7 ids, name-based v5 ids checked against Python's
// uuid.uuid5, v8 ids under a time-ordered parent, canonical form.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "domain/Uuid.h"

namespace cadre::domain {
namespace {

bool hasVariant10(const std::string& u) {
    return u.size() == 36 && std::string("89ab").find(u[19]) != std::string::npos;
}

TEST(UuidRandom, TenThousandDrawsAreCanonicalVersion4AndDistinct) {
    std::unordered_set<std::string> seen;
    for (int i = 0; i < 10'000; ++i) {
        const std::string u = randomUuid();
        ASSERT_TRUE(isCanonicalUuid(u)) << u;
        ASSERT_EQ(u[14], '4') << u;
        ASSERT_TRUE(hasVariant10(u)) << u;
        seen.insert(u);
    }
    EXPECT_EQ(seen.size(), 10'000u);
}

TEST(UuidRandom, EveryFreeHexDigitVaries) {
    // 122 random bits: over 200 draws each free position takes several values.
    std::vector<std::unordered_set<char>> digits(36);
    for (int i = 0; i < 200; ++i) {
        const std::string u = randomUuid();
        for (std::size_t p = 0; p < u.size(); ++p)
            digits[p].insert(u[p]);
    }
    for (std::size_t p = 0; p < 36; ++p) {
        if (p == 8 || p == 13 || p == 18 || p == 23 || p == 14) {
            EXPECT_EQ(digits[p].size(), 1u) << p;
        } else if (p == 19) {
            EXPECT_EQ(digits[p].size(), 4u) << "variant digit takes 8, 9, a and b";
        } else {
            EXPECT_GE(digits[p].size(), 8u) << "position " << p;
        }
    }
}

/// The 48-bit millisecond time of a version 7 or 8 UUID.
std::uint64_t timeOf(const std::string& u) {
    return std::stoull(u.substr(0, 8) + u.substr(9, 4), nullptr, 16);
}

std::uint64_t nowMs() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::system_clock::now().time_since_epoch())
                                          .count());
}

TEST(UuidTimeOrdered, TenThousandDrawsAreCanonicalVersion7DistinctAndCarryTheTime) {
    std::unordered_set<std::string> seen;
    const std::uint64_t before = nowMs();
    std::string previous;
    for (int i = 0; i < 10'000; ++i) {
        const std::string u = timeOrderedUuid();
        ASSERT_TRUE(isCanonicalUuid(u)) << u;
        ASSERT_TRUE(isTimeOrderedUuid(u)) << u;
        ASSERT_EQ(u[14], '7') << u;
        ASSERT_TRUE(hasVariant10(u)) << u;
        // Time and sub-millisecond fraction (the first 15 hex digits) never go back.
        if (!previous.empty()) {
            ASSERT_LE(previous.substr(0, 14) + previous.substr(15, 3),
                      u.substr(0, 14) + u.substr(15, 3))
                << previous << " then " << u;
        }
        previous = u;
        seen.insert(u);
    }
    const std::uint64_t after = nowMs();
    EXPECT_EQ(seen.size(), 10'000u);
    EXPECT_GE(timeOf(previous), before);
    EXPECT_LE(timeOf(previous), after);
}

TEST(UuidTimeOrdered, AnIdMadeLaterSortsLater) {
    const std::string first = timeOrderedUuid();
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
    const std::string second = timeOrderedUuid();
    EXPECT_LT(first, second);
    EXPECT_GT(timeOf(second), timeOf(first));
}

TEST(UuidTimeOrdered, TheRandomTailVaries) {
    // 62 random bits after the variant: over 200 draws each of the last 12 digits varies.
    std::vector<std::unordered_set<char>> digits(36);
    for (int i = 0; i < 200; ++i) {
        const std::string u = timeOrderedUuid();
        for (std::size_t p = 20; p < u.size(); ++p)
            digits[p].insert(u[p]);
    }
    for (std::size_t p = 24; p < 36; ++p)
        EXPECT_GE(digits[p].size(), 8u) << "position " << p;
}

struct NamedCase {
    std::string key;  // the name
    std::string
        expected;  // uuid.uuid5(UUID('5f0c3b1e-8a4d-5c2f-9e7b-1d3a6c8f0b24'), key) in Python
};

const std::vector<NamedCase> kNamedCases = {
    {"", "4e139046-674e-59dd-9300-a1352035200f"},
    {"a", "396646ab-966f-5dd0-acd6-3389ec0c1395"},
    {"catalogue_edition/2018", "ba49b242-c46b-5280-9037-e0ea50778dd4"},
    {"member/SEN", "73735cd4-7bea-5e77-8750-629402df1916"},
    {"region/AFR", "d42e4a36-507f-51ae-b93c-34e56b259914"},
    {"standard/ba49b242-c46b-5280-9037-e0ea50778dd4/3", "ac0acf84-ab77-5cf5-8b02-074fc18b991b"},
    {"observation/11111111-1111-4111-8111-111111111111/22222222-2222-4222-8222-222222222222",
     "01bcc747-63b9-57c1-a874-a485a92cd394"},
    {"Côte d'Ivoire — 数据", "e0947fce-bce8-5eb9-8c13-8d78a6407bf3"},  // hashed as UTF-8 bytes
};

TEST(UuidNamed, MatchesPythonUuid5InCadresNamespace) {
    for (const auto& c : kNamedCases) {
        SCOPED_TRACE(c.key);
        const std::string u = namedUuid(c.key);
        EXPECT_EQ(u, c.expected);
        EXPECT_TRUE(isCanonicalUuid(u));
        EXPECT_EQ(u[14], '5');
        EXPECT_TRUE(hasVariant10(u));
    }
}

TEST(UuidNamed, IsDeterministicAndSensitiveToEveryByte) {
    EXPECT_EQ(namedUuid("member/SEN"), namedUuid("member/SEN"));
    EXPECT_NE(namedUuid("member/SEN"), namedUuid("member/SEN "));
    EXPECT_NE(namedUuid("member/SEN"), namedUuid("member/sen"));
    EXPECT_NE(namedUuid(std::string("a\0b", 3)), namedUuid("a"));
    std::unordered_set<std::string> ids;
    for (int i = 0; i < 1000; ++i)
        ids.insert(namedUuid("member/" + std::to_string(i)));
    EXPECT_EQ(ids.size(), 1000u);
}

TEST(UuidNamedUnder, KeepsATimeOrderedParentsTimeAndTheNamesDigest) {
    const std::string parent = "019a2b3c-4d5e-7f60-8123-456789abcdef";
    const std::string key = "observation/" + parent + "/ac0acf84-ab77-5cf5-8b02-074fc18b991b";
    // Python: u = str(uuid.uuid5(NS, key)); parent[:13] + '-8' + u[15:]
    const std::string u = namedUuidUnder(parent, key);
    EXPECT_EQ(u, "019a2b3c-4d5e-8801-af7e-84d7fb6d66ff");
    EXPECT_TRUE(isCanonicalUuid(u));
    EXPECT_TRUE(isTimeOrderedUuid(u));
    EXPECT_TRUE(hasVariant10(u));
    EXPECT_EQ(u.substr(15), namedUuid(key).substr(15));
    EXPECT_EQ(namedUuidUnder(parent, key), u) << "the same on every device";
    EXPECT_NE(namedUuidUnder(parent, key + "x"), u);
}

TEST(UuidNamedUnder, AGrandchildKeepsTheSameTime) {
    const std::string training = timeOrderedUuid();
    const std::string session = namedUuidUnder(training, "training_session/" + training + "/1");
    const std::string attendance = namedUuidUnder(session, "attendance/" + session + "/someone");
    EXPECT_EQ(session[14], '8');
    EXPECT_EQ(attendance[14], '8');
    EXPECT_EQ(timeOf(session), timeOf(training));
    EXPECT_EQ(timeOf(attendance), timeOf(training));
}

TEST(UuidNamedUnder, AnyOtherParentGivesTheVersion5IdAsBefore) {
    const std::string key = "observation/11111111-1111-4111-8111-111111111111/x";
    for (const std::string parent :
         {"11111111-1111-4111-8111-111111111111",  // random (version 4)
          "ba49b242-c46b-5280-9037-e0ea50778dd4",  // named (version 5)
          "019A2B3C-4D5E-7F60-8123-456789ABCDEF",  // version 7, not canonical
          "019a2b3c4d5e7f608123456789abcdef", "SEN", ""}) {
        SCOPED_TRACE(parent);
        EXPECT_EQ(namedUuidUnder(parent, key), namedUuid(key));
    }
}

struct CanonicalCase {
    std::string text;  // the candidate
    bool canonical;    // whether isCanonicalUuid accepts it
};

const std::vector<CanonicalCase> kCanonicalCases = {
    {"0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2c", true},
    {"00000000-0000-0000-0000-000000000000", true},    // the form only: nil is well-formed
    {"0B7E2C1A-3F4D-4E5A-9B6C-7D8E9F0A1B2C", false},   // upper case
    {"0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2C", false},   // one upper-case digit
    {"0b7e2c1a3f4d4e5a9b6c7d8e9f0a1b2c", false},       // no hyphens
    {"0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2", false},    // 35 characters
    {"0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2cd", false},  // 37 characters
    {"0b7e2c1a3-f4d-4e5a-9b6c-7d8e9f0a1b2c", false},   // hyphen misplaced
    {"0b7e2c1a-3f4d-4e5a-9b6c_7d8e9f0a1b2c", false},   // underscore for a hyphen
    {"0b7e2c1g-3f4d-4e5a-9b6c-7d8e9f0a1b2c", false},   // 'g' is not hex
    {"{0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2}", false},  // braces
    {" 0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2", false},   // leading space
    {"urn:uuid:0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2c", false},
    {"", false},
};

TEST(UuidCanonical, OnlyLowerCase8_4_4_4_12HexIsCanonical) {
    for (const auto& c : kCanonicalCases)
        EXPECT_EQ(isCanonicalUuid(c.text), c.canonical) << c.text;
}

}  // namespace
}  // namespace cadre::domain
