// Accounts: login with throttling, token authentication and logout.
#include <algorithm>

#include "auth/Accounts.h"
#include "auth/AccountsInt.h"
#include "auth/TokenCodec.h"
#include "domain/Uuid.h"
#include "replica/Database.h"

namespace cadre::server {

using replica::Statement;

/// The user a login names, read before the KDF runs (no user: the name does not exist).
struct Accounts::Candidate {
    std::optional<User> user;
    std::string passwordHash;
};

/// Gives back an admitted login's in-flight slot if the login ends before finishLogin (the KDF
/// threw). Must be destroyed without mutex_ held.
class Accounts::InFlight {
  public:
    InFlight(Accounts& accounts, const std::string& userKey, const std::string& addressKey)
        : accounts_(accounts), userKey_(userKey), addressKey_(addressKey) {}
    ~InFlight() {
        if (!dismissed_) {
            std::lock_guard lock(accounts_.mutex_);
            accounts_.release(userKey_, addressKey_);
        }
    }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    void dismiss() { dismissed_ = true; }

  private:
    Accounts& accounts_;
    const std::string& userKey_;
    const std::string& addressKey_;
    bool dismissed_ = false;
};

namespace {

/// How long a login refused for lack of an in-flight slot is told to wait.
constexpr std::int64_t kBusyRetryAfterMs = 1000;
/// The in-flight key counting every login (throttle keys start with "user:" or "addr:").
const std::string kAllLogins = "*";

std::string truncated(const std::string& text) {
    return text.substr(0, detail::kMaxAuditFieldBytes);
}

}  // namespace

Accounts::LoginResult Accounts::login(const std::string& username, const std::string& password,
                                      const std::string& deviceId, const std::string& deviceName,
                                      const std::string& remoteAddress) {
    if (!domain::isCanonicalUuid(deviceId))
        throw AuthError(AuthError::Kind::InvalidRequest, "deviceId must be a lower-case UUID");
    if (deviceName.size() > detail::kMaxDeviceNameBytes)
        throw AuthError(AuthError::Kind::InvalidRequest, "the device name is too long");
    const std::string userKey = LoginThrottle::accountKey(username);
    const std::string addressKey = LoginThrottle::addressKey(remoteAddress);

    Candidate candidate;
    {
        std::unique_lock lock(mutex_);
        admit(lock, userKey, addressKey, username, deviceId, remoteAddress);
        try {
            candidate = findCandidateLocked(username);
        } catch (...) {
            release(userKey, addressKey);
            throw;
        }
    }
    InFlight slot(*this, userKey, addressKey);
    // The KDF, outside the lock. A name that does not exist costs the same time.
    const bool passwordOk = candidate.user ? hasher_.verify(password, candidate.passwordHash)
                                           : hasher_.verifyNothing(password);
    std::string upgradedHash;
    if (passwordOk && hasher_.needsRehash(candidate.passwordHash))
        upgradedHash = hasher_.hash(password);

    std::lock_guard lock(mutex_);
    // Waiters woken here re-check the throttle only once this section has committed.
    release(userKey, addressKey);
    slot.dismiss();
    return finishLogin(candidate, passwordOk, upgradedHash, username, deviceId, deviceName,
                       remoteAddress);
}

void Accounts::admit(std::unique_lock<std::mutex>& lock, const std::string& userKey,
                     const std::string& addressKey, const std::string& username,
                     const std::string& deviceId, const std::string& remoteAddress) {
    const auto inFlight = [this](const std::string& key) {
        const auto it = inFlight_.find(key);
        return it == inFlight_.end() ? 0 : it->second;
    };
    const auto refuse = [&](std::int64_t retryAfterMs, const char* reason) {
        auditLocked({}, deviceId, remoteAddress, "login.throttled",
                    detail::jsonText({{"username", truncated(username)},
                                      {"reason", reason},
                                      {"retry_after_ms", retryAfterMs}}));
        throw AuthError(AuthError::Kind::Throttled, "too many failed logins; try again later",
                        retryAfterMs);
    };
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(options_.throttle.admissionWaitMs);
    for (;;) {
        const std::int64_t now = options_.nowMs();
        const auto account = throttle_->state(userKey, now);
        const auto address = throttle_->state(addressKey, now);
        const std::int64_t blockedUntil = std::max(account.blockedUntil, address.blockedUntil);
        if (blockedUntil > now)
            refuse(blockedUntil - now, "blocked");
        // As many attempts in flight as failures remain before the limit (at least one), so
        // parallel guesses cannot overshoot it.
        const bool accountFree =
            inFlight(userKey) <
            std::max(1, options_.throttle.accountMaxFailures - account.failures);
        const bool addressFree =
            inFlight(addressKey) <
            std::max(1, options_.throttle.addressMaxFailures - address.failures);
        const bool serverFree = inFlight(kAllLogins) < options_.throttle.maxConcurrentLogins;
        if (accountFree && addressFree && serverFree) {
            ++inFlight_[userKey];
            ++inFlight_[addressKey];
            ++inFlight_[kAllLogins];
            return;
        }
        if (released_.wait_until(lock, deadline) == std::cv_status::timeout)
            refuse(kBusyRetryAfterMs, "busy");
    }
}

void Accounts::release(const std::string& userKey, const std::string& addressKey) {
    for (const auto* key : {&userKey, &addressKey, &kAllLogins}) {
        const auto it = inFlight_.find(*key);
        if (it != inFlight_.end() && --it->second <= 0)
            inFlight_.erase(it);
    }
    released_.notify_all();
}

Accounts::Candidate Accounts::findCandidateLocked(const std::string& username) {
    Candidate c;
    if (username.size() > detail::kMaxUsernameChars)
        return c;  // cannot exist; the KDF still runs
    Statement st(*db_,
                 "SELECT id, username, role, person_id, disabled, password_hash FROM app_user "
                 "WHERE username = ?1");
    st.bind(1, username);
    if (st.step()) {
        c.user = detail::userFromRow(st, 0);
        c.passwordHash = st.text(5);
    }
    return c;
}

Accounts::LoginResult Accounts::finishLogin(const Candidate& candidate, bool passwordOk,
                                            const std::string& upgradedHash,
                                            const std::string& username,
                                            const std::string& deviceId,
                                            const std::string& deviceName,
                                            const std::string& remoteAddress) {
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    // The user may have changed while the KDF ran: the password must still be the one checked.
    const Candidate current = candidate.user ? findCandidateLocked(username) : Candidate{};
    if (!passwordOk || !candidate.user || !current.user || current.user->id != candidate.user->id ||
        current.passwordHash != candidate.passwordHash) {
        throttle_->recordFailure(LoginThrottle::accountKey(username),
                                 options_.throttle.accountMaxFailures, now);
        throttle_->recordFailure(LoginThrottle::addressKey(remoteAddress),
                                 options_.throttle.addressMaxFailures, now);
        throttle_->prune(now);
        auditLocked(
            candidate.user ? candidate.user->id : std::string(), deviceId, remoteAddress,
            "login.failed",
            detail::jsonText({{"username", truncated(username)}, {"reason", "bad_credentials"}}));
        tx.commit();
        throw AuthError(AuthError::Kind::BadCredentials, "wrong username or password");
    }
    const User& user = *current.user;
    const auto refuse = [&](AuthError::Kind kind, const char* reason, const char* message) {
        auditLocked(user.id, deviceId, remoteAddress, "login.refused",
                    detail::jsonText({{"username", user.username}, {"reason", reason}}));
        tx.commit();
        throw AuthError(kind, message);
    };
    if (user.disabled)
        refuse(AuthError::Kind::Disabled, "user_disabled", "this account is disabled");

    std::optional<std::string> owner;  // the device's user, if it is registered
    bool deviceRevoked = false;
    {
        Statement st(*db_, "SELECT user_id, revoked_at IS NOT NULL FROM device WHERE id = ?1");
        st.bind(1, deviceId);
        if (st.step()) {
            owner = st.text(0);
            deviceRevoked = st.integer(1) != 0;
        }
    }
    if (owner && *owner != user.id)
        refuse(AuthError::Kind::InvalidRequest, "device_of_another_user",
               "this device is registered to another user");
    if (deviceRevoked)
        refuse(AuthError::Kind::Disabled, "device_revoked", "this device has been revoked");
    const bool registered = owner.has_value();
    if (registered) {
        Statement st(*db_, "UPDATE device SET name = ?1, last_seen_at = ?2 WHERE id = ?3");
        st.bind(1, deviceName).bind(2, now).bind(3, deviceId);
        st.run();
    } else {
        Statement st(*db_,
                     "INSERT INTO device (id, user_id, name, registered_at, last_seen_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?4)");
        st.bind(1, deviceId).bind(2, user.id).bind(3, deviceName).bind(4, now);
        st.run();
        auditLocked(user.id, deviceId, remoteAddress, "device.registered",
                    detail::jsonText({{"device_id", deviceId}, {"name", deviceName}}));
    }
    if (!upgradedHash.empty()) {
        Statement st(*db_, "UPDATE app_user SET password_hash = ?1, updated_at = ?2 WHERE id = ?3");
        st.bind(1, upgradedHash).bind(2, now).bind(3, user.id);
        st.run();
        const auto& k = options_.kdf;
        auditLocked(user.id, deviceId, remoteAddress, "user.password_rehashed",
                    detail::jsonText({{"username", user.username},
                                      {"kdf", "scrypt"},
                                      {"n", k.n},
                                      {"r", k.r},
                                      {"p", k.p}}));
    }
    throttle_->clear(LoginThrottle::accountKey(username));
    {
        Statement st(*db_, "DELETE FROM auth_token WHERE expires_at <= ?1");
        st.bind(1, now);
        st.run();
    }
    LoginResult result;
    result.token = token::generate();
    result.session = Session{user, deviceId, domain::randomUuid(), now + options_.tokenLifetimeMs};
    {
        const std::string hash = token::sha256(result.token);
        Statement st(*db_,
                     "INSERT INTO auth_token (id, token_hash, user_id, device_id, created_at, "
                     "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        st.bind(1, result.session.tokenId)
            .bindBlob(2, hash.data(), hash.size())
            .bind(3, user.id)
            .bind(4, deviceId)
            .bind(5, now)
            .bind(6, result.session.expiresAtMs);
        st.run();
    }
    auditLocked(user.id, deviceId, remoteAddress, "login.succeeded",
                detail::jsonText({{"username", user.username},
                                  {"token_id", result.session.tokenId},
                                  {"expires_at", result.session.expiresAtMs}}));
    tx.commit();
    return result;
}

std::optional<Session> Accounts::authenticate(const std::string& token,
                                              const std::string& deviceId) {
    if (!token::looksLikeToken(token))
        return std::nullopt;
    const std::string hash = token::sha256(token);
    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    Session session;
    std::int64_t lastSeen = 0;
    {
        Statement st(*db_,
                     "SELECT t.id, t.device_id, t.expires_at, t.revoked_at IS NOT NULL, "
                     "d.revoked_at IS NOT NULL, d.last_seen_at, "
                     "u.id, u.username, u.role, u.person_id, u.disabled "
                     "FROM auth_token t JOIN device d ON d.id = t.device_id "
                     "JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?1");
        st.bindBlob(1, hash.data(), hash.size());
        if (!st.step())
            return std::nullopt;
        session.tokenId = st.text(0);
        session.deviceId = st.text(1);
        session.expiresAtMs = st.integer(2);
        session.user = detail::userFromRow(st, 6);
        lastSeen = st.integer(5);
        if (st.integer(3) != 0 || st.integer(4) != 0 || now >= session.expiresAtMs ||
            session.user.disabled)
            return std::nullopt;
    }
    if (session.deviceId != deviceId) {
        auditLocked(session.user.id, deviceId, {}, "token.device_mismatch",
                    detail::jsonText({{"token_id", session.tokenId},
                                      {"bound_device_id", session.deviceId},
                                      {"presented_device_id", truncated(deviceId)}}));
        return std::nullopt;
    }
    if (now - lastSeen >= detail::kLastSeenResolutionMs) {
        Statement st(*db_, "UPDATE device SET last_seen_at = ?1 WHERE id = ?2");
        st.bind(1, now).bind(2, deviceId);
        st.run();
    }
    return session;
}

bool Accounts::logout(const std::string& token, const std::string& remoteAddress) {
    if (!token::looksLikeToken(token))
        return false;
    const std::string hash = token::sha256(token);
    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    std::string tokenId, userId, deviceId;
    {
        Statement st(*db_,
                     "SELECT id, user_id, device_id FROM auth_token "
                     "WHERE token_hash = ?1 AND revoked_at IS NULL AND expires_at > ?2");
        st.bindBlob(1, hash.data(), hash.size()).bind(2, now);
        if (!st.step())
            return false;
        tokenId = st.text(0);
        userId = st.text(1);
        deviceId = st.text(2);
    }
    revokeTokensLocked(TokenScope::One, tokenId, now);
    auditLocked(userId, deviceId, remoteAddress, "logout",
                detail::jsonText({{"token_id", tokenId}}));
    tx.commit();
    return true;
}

}  // namespace cadre::server
