// Uuid: record and device identities — random (v4) where a record is made, or named (v5) from a
// key.
#pragma once

#include <string>
#include <string_view>

namespace cadre::domain {

/// A new random (version 4) UUID in canonical lower-case text. Uses OpenSSL's CSPRNG.
[[nodiscard]] std::string randomUuid();

/// The name-based (version 5, SHA-1) UUID of `key` in Cadre's namespace
/// 5f0c3b1e-8a4d-5c2f-9e7b-1d3a6c8f0b24. The same key gives the same id on every device.
[[nodiscard]] std::string namedUuid(std::string_view key);

/// True for a canonical lower-case UUID: 8-4-4-4-12 hex digits.
[[nodiscard]] bool isCanonicalUuid(std::string_view text);

}  // namespace cadre::domain
