// SettingKeys: the replica local settings the sync part keeps (shared with the cadre-sync tool for
// "server" and "ca"; "token", "username", "role", … are written by SyncClient::login).
#pragma once

namespace cadre::client::keys {

inline constexpr const char* kServer = "server";            ///< "https://host:port"
inline constexpr const char* kCaFile = "ca";                ///< PEM file of the trusted CA
inline constexpr const char* kPinnedSha256 = "pin_sha256";  ///< server certificate fingerprint
inline constexpr const char* kDeviceName = "device_name";
inline constexpr const char* kLastSyncAtMs = "last_sync_at_ms";
inline constexpr const char* kToken = "token";
inline constexpr const char* kUsername = "username";

}  // namespace cadre::client::keys
