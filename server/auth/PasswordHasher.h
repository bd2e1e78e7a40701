// PasswordHasher: scrypt password hashes in a self-describing text form, and their verification.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cadre::server {

/// scrypt's cost parameters. Memory per hash is about 128 · N · r bytes (32 MiB for secure()).
struct KdfParams {
    std::uint64_t n = std::uint64_t{1} << 15;  ///< CPU/memory cost, a power of two
    std::uint32_t r = 8;                       ///< block size
    std::uint32_t p = 1;                       ///< parallelism

    /// The production parameters: N = 2^15, r = 8, p = 1: ~32 MiB and ~0.23 s per hash on the
    /// 2-core reference VM. (OWASP's current minimum is 2^17/8/1 or 2^15/8/3; the hash string
    /// names its parameters, so raising them later re-hashes each user at their next login.)
    [[nodiscard]] static KdfParams secure() { return {}; }
    [[nodiscard]] bool operator==(const KdfParams&) const = default;
};

/// A parsed "scrypt$N$r$p$salt_b64$hash_b64" string (standard base64 with padding).
struct PasswordHash {
    KdfParams params;
    std::string salt;  ///< raw bytes
    std::string hash;  ///< raw bytes

    /// std::nullopt if `encoded` is not a well-formed scrypt hash with parameters inside the
    /// accepted limits (see PasswordHasher), so a corrupt row cannot make the server allocate
    /// gigabytes; salt 8–64 bytes, hash 16–64 bytes.
    [[nodiscard]] static std::optional<PasswordHash> parse(std::string_view encoded);
    [[nodiscard]] std::string encode() const;
};

/// Hashes and verifies passwords with scrypt (OpenSSL EVP_PBE_scrypt). Stateless and
/// thread-safe: one instance may be used from several threads.
class PasswordHasher {
  public:
    static constexpr std::size_t kSaltBytes = 16;
    static constexpr std::size_t kHashBytes = 32;

    /// Throws std::invalid_argument if `params` are outside the accepted limits (N a power of two
    /// from 2 to 2^22 and below 2^(16·r), r from 1 to 32, p from 1 to 16, at most 256 MiB).
    explicit PasswordHasher(KdfParams params = KdfParams::secure());

    /// A new hash of `password` with a fresh random salt and this hasher's parameters.
    /// Throws std::invalid_argument if `password` contains a NUL (scrypt's HMAC pads short keys
    /// with zeros, so "pw" and "pw\0" would be the same password), std::runtime_error if OpenSSL
    /// fails (out of memory, no randomness).
    [[nodiscard]] std::string hash(std::string_view password) const;

    /// True if `password` matches `encoded`, whatever parameters `encoded` was made with. False for
    /// a malformed `encoded` and for a password containing a NUL (after the KDF all the same).
    /// The comparison is constant-time (CRYPTO_memcmp).
    [[nodiscard]] bool verify(std::string_view password, std::string_view encoded) const;

    /// Spends the same KDF time as verify() against a hash made by this hasher, and returns false:
    /// what a login for a username that does not exist does, so timing does not reveal it.
    [[nodiscard]] bool verifyNothing(std::string_view password) const;

    /// True if `encoded` was made with other parameters or sizes than this hasher's (or is
    /// malformed): after a successful login it should be replaced by hash(password).
    [[nodiscard]] bool needsRehash(std::string_view encoded) const;

    [[nodiscard]] const KdfParams& params() const { return params_; }

  private:
    KdfParams params_;
    std::string decoy_;  ///< a hash no password matches, with this hasher's parameters
};

}  // namespace cadre::server
