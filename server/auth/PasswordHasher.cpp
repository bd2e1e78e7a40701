// PasswordHasher: scrypt through OpenSSL, the hash string format and constant-time verification.
#include "auth/PasswordHasher.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <charconv>
#include <stdexcept>
#include <vector>

#include "auth/TokenCodec.h"

namespace cadre::server {

namespace {

constexpr std::string_view kScheme = "scrypt";
constexpr std::uint64_t kMaxN = std::uint64_t{1} << 22;
constexpr std::uint32_t kMaxR = 32;
constexpr std::uint32_t kMaxP = 16;
constexpr std::uint64_t kMaxMemoryBytes = std::uint64_t{256} << 20;
constexpr std::size_t kMinSaltBytes = 8, kMaxSaltBytes = 64;
constexpr std::size_t kMinHashBytes = 16, kMaxHashBytes = 64;

/// The memory OpenSSL's scrypt needs for these parameters (its own formula: B + V), which must be
/// passed as maxmem: its default limit (32 MiB) is just below what N = 2^15, r = 8 needs.
std::uint64_t memoryNeeded(const KdfParams& k) {
    return std::uint64_t{128} * k.r * k.p + std::uint64_t{128} * k.r * (k.n + 2);
}

bool withinLimits(const KdfParams& k) {
    const bool powerOfTwo = k.n >= 2 && (k.n & (k.n - 1)) == 0;
    const bool nFitsR = 16 * k.r >= 64 || k.n < (std::uint64_t{1} << (16 * k.r));  // scrypt's rule
    return powerOfTwo && nFitsR && k.n <= kMaxN && k.r >= 1 && k.r <= kMaxR && k.p >= 1 &&
           k.p <= kMaxP && memoryNeeded(k) <= kMaxMemoryBytes;
}

/// scrypt(password, salt) with `size` bytes of output. Throws std::runtime_error on failure.
std::string derive(std::string_view password, std::string_view salt, const KdfParams& k,
                   std::size_t size) {
    std::vector<unsigned char> out(size);
    const int ok = EVP_PBE_scrypt(password.data(), password.size(),
                                  reinterpret_cast<const unsigned char*>(salt.data()), salt.size(),
                                  k.n, k.r, k.p, memoryNeeded(k), out.data(), out.size());
    if (ok != 1)
        throw std::runtime_error("scrypt failed (out of memory?)");
    std::string result(reinterpret_cast<const char*>(out.data()), out.size());
    OPENSSL_cleanse(out.data(), out.size());
    return result;
}

template <typename T>
std::optional<T> parseNumber(std::string_view text) {
    T value{};
    if (text.empty() || text.size() > 20 || text.front() == '0')
        return std::nullopt;  // no sign, no leading zeros: one text per number
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

}  // namespace

std::optional<PasswordHash> PasswordHash::parse(std::string_view encoded) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (parts.size() < 7) {
        const auto end = encoded.find('$', start);
        parts.push_back(encoded.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    if (parts.size() != 6 || parts[0] != kScheme)
        return std::nullopt;
    const auto n = parseNumber<std::uint64_t>(parts[1]);
    const auto r = parseNumber<std::uint32_t>(parts[2]);
    const auto p = parseNumber<std::uint32_t>(parts[3]);
    auto salt = token::base64Decode(parts[4]);
    auto hash = token::base64Decode(parts[5]);
    if (!n || !r || !p || !salt || !hash)
        return std::nullopt;
    PasswordHash out{KdfParams{*n, *r, *p}, std::move(*salt), std::move(*hash)};
    if (!withinLimits(out.params) || out.salt.size() < kMinSaltBytes ||
        out.salt.size() > kMaxSaltBytes || out.hash.size() < kMinHashBytes ||
        out.hash.size() > kMaxHashBytes)
        return std::nullopt;
    return out;
}

std::string PasswordHash::encode() const {
    return std::string(kScheme) + "$" + std::to_string(params.n) + "$" + std::to_string(params.r) +
           "$" + std::to_string(params.p) + "$" + token::base64Encode(salt) + "$" +
           token::base64Encode(hash);
}

PasswordHasher::PasswordHasher(KdfParams params) : params_(params) {
    if (!withinLimits(params_))
        throw std::invalid_argument("scrypt parameters outside the accepted limits");
    // Random bytes as the "hash": no password derives them (probability 2^-256).
    decoy_ = PasswordHash{params_, token::randomBytes(kSaltBytes), token::randomBytes(kHashBytes)}
                 .encode();
}

std::string PasswordHasher::hash(std::string_view password) const {
    if (password.find('\0') != std::string_view::npos)
        throw std::invalid_argument("a password cannot contain a NUL character");
    PasswordHash h{params_, token::randomBytes(kSaltBytes), {}};
    h.hash = derive(password, h.salt, params_, kHashBytes);
    return h.encode();
}

bool PasswordHasher::verify(std::string_view password, std::string_view encoded) const {
    const auto stored = PasswordHash::parse(encoded);
    if (!stored)
        return false;
    const std::string computed =
        derive(password, stored->salt, stored->params, stored->hash.size());
    const bool same = CRYPTO_memcmp(computed.data(), stored->hash.data(), computed.size()) == 0;
    // HMAC pads keys with zeros, so "pw" and "pw\0" derive the same: no NUL ever matches.
    return same && password.find('\0') == std::string_view::npos;
}

bool PasswordHasher::verifyNothing(std::string_view password) const {
    [[maybe_unused]] const bool matched = verify(password, decoy_);
    return false;
}

bool PasswordHasher::needsRehash(std::string_view encoded) const {
    const auto stored = PasswordHash::parse(encoded);
    return !stored || stored->params != params_ || stored->salt.size() != kSaltBytes ||
           stored->hash.size() != kHashBytes;
}

}  // namespace cadre::server
