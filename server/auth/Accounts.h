// Accounts: users, password login, device registration and bearer tokens for cadre-server.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/LoginThrottle.h"
#include "auth/PasswordHasher.h"

namespace cadre::replica {
class Database;
}

namespace cadre::server {

enum class Role { Expert, Trainer, HqReviewer, Admin };
[[nodiscard]] const char* toString(Role role);  ///< "expert", "trainer", "hq_reviewer", "admin"
[[nodiscard]] std::optional<Role> roleFromString(const std::string& text);

struct User {
    std::string id;        ///< UUID
    std::string username;  ///< unique, case-insensitive
    Role role = Role::Expert;
    std::string personId;  ///< the person record (synced table `person`) this user is, or empty
    bool disabled = false;
};

/// An authenticated request's identity: who, from which registered device, with which token.
struct Session {
    User user;
    std::string deviceId;
    std::string tokenId;
    std::int64_t expiresAtMs = 0;
};

/// Why a login or an authentication failed. The message is safe to show to the caller.
class AuthError : public std::runtime_error {
  public:
    enum class Kind { BadCredentials, Throttled, Disabled, InvalidRequest };
    AuthError(Kind kind, const std::string& message, std::int64_t retryAfterMs = 0)
        : std::runtime_error(message), kind_(kind), retryAfterMs_(retryAfterMs) {}
    [[nodiscard]] Kind kind() const { return kind_; }
    [[nodiscard]] std::int64_t retryAfterMs() const { return retryAfterMs_; }

  private:
    Kind kind_;
    std::int64_t retryAfterMs_;
};

/// Who performs an administrative action, for the audit trail. Empty fields: the system itself
/// (the command line, a bootstrap).
struct Actor {
    std::string userId;
    std::string deviceId;
    std::string remoteAddress;
};

/// Milliseconds since the Unix epoch from the system clock: the default time source.
[[nodiscard]] std::int64_t systemNowMs();

/// Users, devices, tokens, login throttling and the audit trail, over the server's database file
/// (its own connection, so the server's other writers are not blocked by a KDF). Thread-safe:
/// every call may come from any thread; the KDF runs outside the lock.
///
/// Tokens are 32 random bytes in base64url, stored only as their SHA-256, bound to the device
/// that logged in, expiring after Options::tokenLifetimeMs, revocable one by one, per device and
/// per user. A disabled user cannot log in and their tokens stop working.
class Accounts {
  public:
    struct Options {
        std::int64_t tokenLifetimeMs = 30LL * 24 * 3600 * 1000;
        KdfParams kdf = KdfParams::secure();
        ThrottlePolicy throttle;
        std::function<std::int64_t()> nowMs = systemNowMs;
        bool synchronousFull = true;     ///< false only in tests
        int walAutocheckpointPages = 0;  ///< as replica::Database::Options
    };

    struct LoginResult {
        std::string token;  ///< the bearer token: shown once, never stored
        Session session;
    };

    /// Opens its own connection to `databasePath` (WAL) and brings the server schema up to date.
    /// Throws replica::DatabaseError, replica::MigrationError, std::invalid_argument (options).
    Accounts(const std::string& databasePath, Options options);
    ~Accounts();
    Accounts(const Accounts&) = delete;
    Accounts& operator=(const Accounts&) = delete;

    /// Creates a user. username: 3–64 characters of [a-z0-9._-] (upper case is folded to lower
    /// case); password: at least 10 characters, at most 1024 bytes, no NUL; personId: empty or
    /// a UUID.
    /// Throws AuthError(InvalidRequest) if one is invalid or the username is taken.
    User createUser(const std::string& username, const std::string& password, Role role,
                    const std::string& personId, const Actor& by = {});
    /// Replaces the password and revokes every token of the user (a reset follows a leak).
    /// Throws AuthError(InvalidRequest) for an unknown user or an invalid password.
    void setPassword(const std::string& username, const std::string& password,
                     const Actor& by = {});
    /// Disabling also revokes every token of the user. Throws AuthError(InvalidRequest) for an
    /// unknown user.
    void setDisabled(const std::string& username, bool disabled, const Actor& by = {});
    /// Takes effect on the next authenticate(). Throws AuthError(InvalidRequest) for an unknown
    /// user.
    void setRole(const std::string& username, Role role, const Actor& by = {});
    [[nodiscard]] std::optional<User> findUser(const std::string& username);
    [[nodiscard]] std::vector<User> users();

    /// Checks the password and issues a token bound to `deviceId` (a UUID), registering the
    /// device on its first login. Throws AuthError: BadCredentials (unknown user or wrong
    /// password, told apart neither by message nor by timing), Throttled (retryAfterMs set),
    /// Disabled (the user or the device), InvalidRequest (a malformed device id, or a device
    /// registered to another user). Every outcome is audited.
    [[nodiscard]] LoginResult login(const std::string& username, const std::string& password,
                                    const std::string& deviceId, const std::string& deviceName,
                                    const std::string& remoteAddress);
    /// The session of a live token presented by the device it is bound to; std::nullopt if the
    /// token is unknown, expired, revoked, of a disabled user or revoked device, or presented with
    /// another device id (that last case is audited).
    [[nodiscard]] std::optional<Session> authenticate(const std::string& token,
                                                      const std::string& deviceId);

    /// Revokes one token. Returns false if it was unknown or already dead.
    bool logout(const std::string& token, const std::string& remoteAddress = {});
    /// Revokes every token of the device and the device itself: it cannot log in again.
    /// Returns the number of tokens revoked. Throws AuthError(InvalidRequest) for an unknown
    /// device.
    int revokeDevice(const std::string& deviceId, const Actor& by = {});
    /// Revokes every token of the user (every device must log in again). Returns the number of
    /// tokens revoked. Throws AuthError(InvalidRequest) for an unknown user.
    int revokeUser(const std::string& username, const Actor& by = {});

    /// Appends one event to the audit trail. `detailsJson` must be a JSON object (or empty for
    /// {}); throws AuthError(InvalidRequest) otherwise, or if `action` is empty or over 64 chars.
    void audit(const std::string& userId, const std::string& deviceId,
               const std::string& remoteAddress, const std::string& action,
               const std::string& detailsJson);

    [[nodiscard]] const Options& options() const { return options_; }

  private:
    struct Candidate;
    class InFlight;
    enum class TokenScope { One, Device, User };

    void admit(std::unique_lock<std::mutex>& lock, const std::string& userKey,
               const std::string& addressKey, const std::string& username,
               const std::string& deviceId, const std::string& remoteAddress);
    void release(const std::string& userKey, const std::string& addressKey);
    [[nodiscard]] LoginResult finishLogin(const Candidate& candidate, bool passwordOk,
                                          const std::string& upgradedHash,
                                          const std::string& username, const std::string& deviceId,
                                          const std::string& deviceName,
                                          const std::string& remoteAddress);
    void auditLocked(const std::string& userId, const std::string& deviceId,
                     const std::string& remoteAddress, const std::string& action,
                     const std::string& detailsJson);
    int revokeTokensLocked(TokenScope scope, const std::string& id, std::int64_t nowMs);
    [[nodiscard]] Candidate findCandidateLocked(const std::string& username);
    [[nodiscard]] std::optional<User> findUserLocked(const std::string& username);
    [[nodiscard]] User requireUserLocked(const std::string& username);

    Options options_;
    PasswordHasher hasher_;
    std::unique_ptr<replica::Database> db_;
    std::unique_ptr<LoginThrottle> throttle_;
    std::mutex mutex_;
    std::condition_variable released_;     ///< an in-flight login finished
    std::map<std::string, int> inFlight_;  ///< throttle key → logins between admit and finish
};

}  // namespace cadre::server
