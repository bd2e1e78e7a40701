// TokenCodec: random bearer tokens, their SHA-256 hashes, and the base64 forms Cadre uses.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cadre::server::token {

/// Bytes of randomness in a bearer token (256 bits).
inline constexpr std::size_t kTokenBytes = 32;
/// Characters of a token's text: base64url of kTokenBytes without padding.
inline constexpr std::size_t kTokenChars = 43;

/// `count` bytes from OpenSSL's CSPRNG (RAND_bytes). Throws std::runtime_error if it fails.
[[nodiscard]] std::string randomBytes(std::size_t count);

/// A new bearer token: kTokenBytes random bytes in base64url without padding.
[[nodiscard]] std::string generate();

/// True if `text` has the shape of a token (kTokenChars characters of the base64url alphabet), so
/// a malformed header is refused before any lookup.
[[nodiscard]] bool looksLikeToken(std::string_view text);

/// The 32-byte SHA-256 of `text` (raw bytes): what the database stores instead of the token.
[[nodiscard]] std::string sha256(std::string_view text);

/// RFC 4648 §5 base64url, without padding (tokens).
[[nodiscard]] std::string base64UrlEncode(std::string_view bytes);
/// Strict: refuses padding, characters outside the alphabet and non-zero trailing bits.
[[nodiscard]] std::optional<std::string> base64UrlDecode(std::string_view text);

/// RFC 4648 §4 base64 with padding (salts and hashes in password hash strings).
[[nodiscard]] std::string base64Encode(std::string_view bytes);
/// Strict: requires the padding, refuses characters outside the alphabet and non-zero trailing
/// bits, so every byte string has exactly one accepted text.
[[nodiscard]] std::optional<std::string> base64Decode(std::string_view text);

}  // namespace cadre::server::token
