// PasswordHasherTest: scrypt hashes, their string form, rehash detection, and the token codec.
#include <gtest/gtest.h>

#include <ctime>

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/Accounts.h"
#include "auth/PasswordHasher.h"
#include "auth/TokenCodec.h"

namespace cadre::server {
namespace {

/// Cheap parameters for tests: scrypt with N = 2^10 costs about a millisecond.
const KdfParams kCheap{std::uint64_t{1} << 10, 8, 1};

TEST(PasswordHasherTest, DefaultParametersAreTheSecureOnes) {
    const KdfParams secure = KdfParams::secure();
    EXPECT_EQ(secure.n, std::uint64_t{1} << 15);
    EXPECT_EQ(secure.r, 8U);
    EXPECT_EQ(secure.p, 1U);
    EXPECT_EQ(PasswordHasher().params(), secure);
    EXPECT_EQ(Accounts::Options().kdf, secure);
    EXPECT_EQ(PasswordHasher::kSaltBytes, 16U);
    EXPECT_EQ(PasswordHasher::kHashBytes, 32U);

    // One real hash with the defaults: the string names them, 16-byte salt, 32-byte output.
    const std::string encoded = PasswordHasher().hash("correct horse battery");
    EXPECT_EQ(encoded.rfind("scrypt$32768$8$1$", 0), 0U) << encoded;
    const auto parsed = PasswordHash::parse(encoded);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->salt.size(), 16U);
    EXPECT_EQ(parsed->hash.size(), 32U);
    EXPECT_TRUE(PasswordHasher().verify("correct horse battery", encoded));
}

TEST(PasswordHasherTest, HashVerifiesAndWrongPasswordDoesNot) {
    const PasswordHasher hasher(kCheap);
    const std::string encoded = hasher.hash("correct horse battery");
    EXPECT_TRUE(hasher.verify("correct horse battery", encoded));
    EXPECT_FALSE(hasher.verify("correct horse batterY", encoded));
    EXPECT_FALSE(hasher.verify("", encoded));
    // scrypt's HMAC pads short keys with zeros, so a trailing NUL would otherwise match.
    EXPECT_FALSE(hasher.verify(std::string("correct horse battery\0", 22), encoded));
    EXPECT_THROW((void)hasher.hash(std::string("with a \0 inside", 15)), std::invalid_argument);
}

TEST(PasswordHasherTest, SaltsDifferSoEqualPasswordsHashDifferently) {
    const PasswordHasher hasher(kCheap);
    std::set<std::string> salts, hashes;
    for (int i = 0; i < 20; ++i) {
        const auto parsed = PasswordHash::parse(hasher.hash("same password"));
        ASSERT_TRUE(parsed);
        salts.insert(parsed->salt);
        hashes.insert(parsed->hash);
    }
    EXPECT_EQ(salts.size(), 20U);
    EXPECT_EQ(hashes.size(), 20U);
}

TEST(PasswordHasherTest, VerifiesRfc7914TestVectorWhateverTheHashersOwnParameters) {
    // RFC 7914 §12: scrypt("pleaseletmein", "SodiumChloride", N=16384, r=8, p=1, dkLen=64).
    const std::string encoded =
        "scrypt$16384$8$1$U29kaXVtQ2hsb3JpZGU=$cCO9yzr9c0hGHAbNgf046/2o+7qQT44+qbVD9lRdofLVQylVYT8P"
        "z2LUlwUkKpr55h6F3A1lHkDfzwF7RVdYhw==";
    const PasswordHasher hasher(kCheap);
    EXPECT_TRUE(hasher.verify("pleaseletmein", encoded));
    EXPECT_FALSE(hasher.verify("pleaseletmeiN", encoded));
    EXPECT_TRUE(hasher.needsRehash(encoded));  // other parameters and sizes than kCheap's
    const auto parsed = PasswordHash::parse(encoded);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->encode(), encoded);
}

TEST(PasswordHasherTest, NeedsRehashWhenParametersChange) {
    const PasswordHasher cheap(kCheap);
    const PasswordHasher stronger(KdfParams{std::uint64_t{1} << 11, 8, 1});
    const std::string old = cheap.hash("a long enough password");
    EXPECT_FALSE(cheap.needsRehash(old));
    EXPECT_TRUE(stronger.needsRehash(old));
    EXPECT_TRUE(stronger.verify("a long enough password", old));  // old hashes still verify
    EXPECT_TRUE(cheap.needsRehash("not a hash"));
}

TEST(PasswordHasherTest, MalformedHashStringsAreRefused) {
    const PasswordHasher hasher(kCheap);
    const std::string good = hasher.hash("a long enough password");
    const auto parsed = PasswordHash::parse(good);
    ASSERT_TRUE(parsed);
    const std::string salt = token::base64Encode(parsed->salt);
    const std::string hash = token::base64Encode(parsed->hash);
    const std::vector<std::string> bad = {
        "",
        "scrypt",
        "pbkdf2$1024$8$1$" + salt + "$" + hash,            // another scheme
        "scrypt$1000$8$1$" + salt + "$" + hash,            // N not a power of two
        "scrypt$01024$8$1$" + salt + "$" + hash,           // leading zero
        "scrypt$+1024$8$1$" + salt + "$" + hash,           // sign
        "scrypt$1024$0$1$" + salt + "$" + hash,            // r = 0
        "scrypt$1024$8$0$" + salt + "$" + hash,            // p = 0
        "scrypt$1073741824$8$1$" + salt + "$" + hash,      // 2^30: far too much memory
        "scrypt$65536$1$1$" + salt + "$" + hash,           // N ≥ 2^(16·r)
        "scrypt$1024$8$1$" + salt + "$" + hash + "$x",     // extra field
        "scrypt$1024$8$1$" + salt,                         // missing field
        "scrypt$1024$8$1$QUJD$" + hash,                    // 3-byte salt: too short
        "scrypt$1024$8$1$" + salt + "$" + hash.substr(1),  // broken base64
        "scrypt$1024$8$1$" + salt + "$QUJDRA==",           // 4-byte hash: too short
    };
    for (const auto& s : bad) {
        EXPECT_FALSE(PasswordHash::parse(s)) << s;
        EXPECT_FALSE(hasher.verify("a long enough password", s)) << s;
        EXPECT_TRUE(hasher.needsRehash(s)) << s;
    }
}

TEST(PasswordHasherTest, RefusesParametersOutsideTheLimits) {
    EXPECT_THROW(PasswordHasher(KdfParams{1000, 8, 1}), std::invalid_argument);
    EXPECT_THROW(PasswordHasher(KdfParams{std::uint64_t{1} << 24, 8, 1}), std::invalid_argument);
    EXPECT_THROW(PasswordHasher(KdfParams{1024, 0, 1}), std::invalid_argument);
    EXPECT_THROW(PasswordHasher(KdfParams{1024, 8, 0}), std::invalid_argument);
    EXPECT_NO_THROW(PasswordHasher(KdfParams{std::uint64_t{1} << 17, 8, 1}));  // 128 MiB: allowed
}

TEST(PasswordHasherTest, VerifyNothingCostsAKdfAndNeverMatches) {
    // N = 2^13 (~10–20 ms) so the KDF dominates; medians of five runs. The work is counted in
    // this thread's CPU time, not wall time: other processes on a loaded machine (a CI build) do
    // not count, so the comparison of the two costs holds whatever else runs.
    const PasswordHasher hasher(KdfParams{std::uint64_t{1} << 13, 8, 1});
    const std::string encoded = hasher.hash("a long enough password");
    const auto cpuMs = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
    };
    const auto median = [&](auto&& run) {
        std::vector<double> ms;
        for (int i = 0; i < 5; ++i) {
            const double start = cpuMs();
            run();
            ms.push_back(cpuMs() - start);
        }
        std::sort(ms.begin(), ms.end());
        return ms[2];
    };
    const double verify = median([&] { EXPECT_FALSE(hasher.verify("wrong password!", encoded)); });
    const double nothing = median([&] { EXPECT_FALSE(hasher.verifyNothing("wrong password!")); });
    EXPECT_GT(nothing, verify * 0.5) << "verify " << verify << " ms, verifyNothing " << nothing;
    EXPECT_LT(nothing, verify * 2.0) << "verify " << verify << " ms, verifyNothing " << nothing;
}

TEST(TokenCodecTest, Base64MatchesRfc4648AndIsStrict) {
    const std::vector<std::pair<std::string, std::string>> vectors = {{"", ""},
                                                                      {"f", "Zg=="},
                                                                      {"fo", "Zm8="},
                                                                      {"foo", "Zm9v"},
                                                                      {"foob", "Zm9vYg=="},
                                                                      {"fooba", "Zm9vYmE="},
                                                                      {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        EXPECT_EQ(token::base64Encode(plain), encoded);
        EXPECT_EQ(token::base64Decode(encoded), plain);
        std::string url = encoded;
        url.erase(std::remove(url.begin(), url.end(), '='), url.end());
        EXPECT_EQ(token::base64UrlEncode(plain), url);
        EXPECT_EQ(token::base64UrlDecode(url), plain);
    }
    EXPECT_EQ(token::base64Encode("\xfb\xff"), "+/8=");
    EXPECT_EQ(token::base64UrlEncode("\xfb\xff"), "-_8");
    for (const char* bad : {"Zg=", "Zg", "Zh==", "Zg==Zg==", "Z===", "Zm9v!", "-_8="})
        EXPECT_FALSE(token::base64Decode(bad)) << bad;
    for (const char* bad : {"Zg==", "Zh", "Z", "+/8", "Zm9v!"})
        EXPECT_FALSE(token::base64UrlDecode(bad)) << bad;
}

TEST(TokenCodecTest, TokensAreRandomBase64UrlOf32Bytes) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const std::string t = token::generate();
        EXPECT_EQ(t.size(), token::kTokenChars);
        EXPECT_TRUE(token::looksLikeToken(t));
        const auto raw = token::base64UrlDecode(t);
        ASSERT_TRUE(raw);
        EXPECT_EQ(raw->size(), token::kTokenBytes);
        seen.insert(t);
    }
    EXPECT_EQ(seen.size(), 100U);
    EXPECT_FALSE(token::looksLikeToken(""));
    EXPECT_FALSE(token::looksLikeToken(std::string(42, 'a')));
    EXPECT_FALSE(token::looksLikeToken(std::string(42, 'a') + "="));
    EXPECT_FALSE(token::looksLikeToken(std::string(42, 'a') + "+"));
}

TEST(TokenCodecTest, Sha256MatchesTheStandardVector) {
    const std::string digest = token::sha256("abc");
    ASSERT_EQ(digest.size(), 32U);
    EXPECT_EQ(token::base64Encode(digest), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

}  // namespace
}  // namespace cadre::server
