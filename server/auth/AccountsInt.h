// AccountsInt: limits and helpers shared by the Accounts implementation files (not public).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "auth/Accounts.h"
#include "replica/Database.h"

namespace cadre::server::detail {

inline constexpr std::size_t kMinUsernameChars = 3;
inline constexpr std::size_t kMaxUsernameChars = 64;
inline constexpr std::size_t kMinPasswordChars = 10;
/// Bounds the KDF's input (scrypt hashes it first anyway) and what a request can make us hash.
inline constexpr std::size_t kMaxPasswordBytes = 1024;
inline constexpr std::size_t kMaxDeviceNameBytes = 128;
/// Attempted usernames and addresses are truncated in the audit trail.
inline constexpr std::size_t kMaxAuditFieldBytes = 128;
/// A device's last_seen_at is written at most once a minute, not at every request.
inline constexpr std::int64_t kLastSeenResolutionMs = 60 * 1000;

/// Compact JSON; invalid UTF-8 (from an attacker's username) is replaced, never thrown on.
[[nodiscard]] std::string jsonText(const nlohmann::json& value);
/// ASCII lower case: usernames are compared without case.
[[nodiscard]] std::string foldUsername(std::string_view username);
/// 3–64 characters of [a-z0-9._-].
[[nodiscard]] bool isValidUsername(std::string_view name);
/// Reads id, username, role, person_id, disabled from columns first … first + 4.
[[nodiscard]] User userFromRow(const replica::Statement& st, int first);

}  // namespace cadre::server::detail
