#include "domain/Uuid.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
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

}  // namespace

std::string randomUuid() {
    Bytes b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        throw std::runtime_error("randomUuid: the system random generator failed");
    stamp(b, 4);
    return format(b);
}

std::string namedUuid(std::string_view key) {
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
    stamp(b, 5);
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

}  // namespace cadre::domain
