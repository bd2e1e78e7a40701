// Uuid: record and device identities — random (v4), time-ordered (v7) where a record is made, or
// named from a key (v5, or v8 under a time-ordered parent).
#pragma once

#include <string>
#include <string_view>

namespace cadre::domain {

/// A new random (version 4) UUID in canonical lower-case text. Uses OpenSSL's CSPRNG. For
/// identities that should not reveal when they were made (devices, accounts, sessions).
[[nodiscard]] std::string randomUuid();

/// A new time-ordered (RFC 9562 version 7) UUID: the Unix time in milliseconds, 12 bits of
/// sub-millisecond time, then 62 random bits from OpenSSL's CSPRNG. Records get these ids: a
/// record made later sorts later, so each b-tree keyed by record ids (the tables' id indexes, the
/// natural keys that start with a parent's id, the central log's scope index) grows at its right
/// edge instead of rewriting a random page for every new record.
[[nodiscard]] std::string timeOrderedUuid();

/// The name-based (version 5, SHA-1) UUID of `key` in Cadre's namespace
/// 5f0c3b1e-8a4d-5c2f-9e7b-1d3a6c8f0b24. The same key gives the same id on every device.
[[nodiscard]] std::string namedUuid(std::string_view key);

/// The name-based id of `key`, a child of the record `parent`. When `parent` is time-ordered
/// (isTimeOrderedUuid) the id is a version 8 UUID: the parent's 48-bit time prefix, then the bits
/// of namedUuid(key)'s SHA-1 digest after it — the children of a record sort next to each other
/// and with the records made when it was. Otherwise (a version 4 or 5 parent, as every record
/// made before time-ordered ids has) it is namedUuid(key), so ids already issued stay what they
/// are. Like namedUuid, the same parent and key give the same id on every device.
[[nodiscard]] std::string namedUuidUnder(std::string_view parent, std::string_view key);

/// True for a canonical lower-case UUID: 8-4-4-4-12 hex digits.
[[nodiscard]] bool isCanonicalUuid(std::string_view text);

/// True for a canonical UUID of version 7 or 8: one whose first 48 bits are a time (Cadre makes
/// version 8 ids only with namedUuidUnder, which keeps its parent's time prefix).
[[nodiscard]] bool isTimeOrderedUuid(std::string_view text);

}  // namespace cadre::domain
