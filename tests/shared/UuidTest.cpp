// UuidTest: random v4 ids, name-based v5 ids checked against Python's uuid.uuid5, canonical form.
#include <gtest/gtest.h>

#include <string>
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
