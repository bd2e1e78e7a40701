#include "domain/Uuid.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>

namespace cadre::domain {
namespace {

using Bytes = std::array<unsigned char, 16>;

constexpr Bytes kNamespace = {0x5f, 0x0c, 0x3b, 0x1e, 0x8a, 0x4d, 0x5c, 0x2f,
                              0x9e, 0x7b, 0x1d, 0x3a, 0x6c, 0x8f, 0x0b, 0x24};

std::string format(const Bytes& b) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(36);
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += hex[b[i] >> 4];
        out += hex[b[i] & 0x0f];
    }
    return out;
}

void stamp(Bytes& b, unsigned char version) {
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
}

int hexValue(char c) {
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

Bytes nameDigest(std::string_view key) {
    // SHA-1 fetched once (OpenSSL 3 otherwise looks the algorithm up, under a lock, at every
    // init) and one context per thread, reset by each init.
    static EVP_MD* const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_MD_CTX* ctx = context.get();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    const bool ok = sha1 && ctx && EVP_DigestInit_ex(ctx, sha1, nullptr) == 1 &&
                    EVP_DigestUpdate(ctx, kNamespace.data(), kNamespace.size()) == 1 &&
                    EVP_DigestUpdate(ctx, key.data(), key.size()) == 1 &&
                    EVP_DigestFinal_ex(ctx, digest, &len) == 1;
    if (!ok || len < 16)
        throw std::runtime_error("namedUuid: SHA-1 failed");
    Bytes b{};
    std::copy(digest, digest + 16, b.begin());
    return b;
}

}  // namespace

std::string randomUuid() {
    Bytes b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        throw std::runtime_error("randomUuid: the system random generator failed");
    stamp(b, 4);
    return format(b);
}

std::string timeOrderedUuid() {
    // RFC 9562 version 7: 48 bits of Unix milliseconds, then (method 3 of its section 6.2) 12
    // bits of sub-millisecond time where version 7 has rand_a, then 62 random bits.
    Bytes b{};
    if (RAND_bytes(b.data() + 8, 8) != 1)
        throw std::runtime_error("timeOrderedUuid: the system random generator failed");
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    const auto ms = static_cast<std::uint64_t>(us / 1000);
    const auto fraction = static_cast<std::uint64_t>(us % 1000) * 4096 / 1000;  // 0…4095
    for (int i = 0; i < 6; ++i)
        b[static_cast<std::size_t>(i)] = static_cast<unsigned char>(ms >> (40 - 8 * i));
    b[6] = static_cast<unsigned char>(fraction >> 8);
    b[7] = static_cast<unsigned char>(fraction);
    stamp(b, 7);
    return format(b);
}

std::string namedUuid(std::string_view key) {
    Bytes b = nameDigest(key);
    stamp(b, 5);
    return format(b);
}

std::string namedUuidUnder(std::string_view parent, std::string_view key) {
    if (!isTimeOrderedUuid(parent))
        return namedUuid(key);
    Bytes b = nameDigest(key);
    // The parent's 48-bit time prefix (its first 12 hex digits, hyphen at 8) in front of the
    // name's digest: children sort with, and after, the records made at the same time as it.
    for (std::size_t i = 0, pos = 0; i < 6; ++i, pos += 2) {
        if (pos == 8)
            ++pos;
        b[i] = static_cast<unsigned char>(hexValue(parent[pos]) << 4 | hexValue(parent[pos + 1]));
    }
    stamp(b, 8);
    return format(b);
}

bool isCanonicalUuid(std::string_view t) {
    if (t.size() != 36)
        return false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

bool isTimeOrderedUuid(std::string_view text) {
    return isCanonicalUuid(text) && (text[14] == '7' || text[14] == '8');
}

}  // namespace cadre::domain
