// Accounts: construction, user administration, revocations and the audit trail.
#include "auth/Accounts.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "auth/AccountsInt.h"
#include "domain/Uuid.h"
#include "replica/Database.h"
#include "store/ServerSchema.h"

namespace cadre::server {

using replica::Statement;

const char* toString(Role role) {
    switch (role) {
        case Role::Expert:
            return "expert";
        case Role::Trainer:
            return "trainer";
        case Role::HqReviewer:
            return "hq_reviewer";
        case Role::Admin:
            return "admin";
    }
    return "expert";
}

std::optional<Role> roleFromString(const std::string& text) {
    for (const Role r : {Role::Expert, Role::Trainer, Role::HqReviewer, Role::Admin}) {
        if (text == toString(r))
            return r;
    }
    return std::nullopt;
}

std::int64_t systemNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

namespace detail {

std::string jsonText(const nlohmann::json& value) {
    // Attacker-supplied names may be invalid UTF-8: replace, never throw.
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string foldUsername(std::string_view username) {
    std::string out(username);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool isValidUsername(std::string_view name) {
    if (name.size() < kMinUsernameChars || name.size() > kMaxUsernameChars)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    });
}

User userFromRow(const Statement& st, int first) {
    User u;
    u.id = st.text(first);
    u.username = st.text(first + 1);
    u.role = roleFromString(st.text(first + 2)).value_or(Role::Expert);
    u.personId = st.text(first + 3);
    u.disabled = st.integer(first + 4) != 0;
    return u;
}

}  // namespace detail

namespace {

void checkPassword(const std::string& password) {
    // Characters, not bytes: every byte that does not continue a UTF-8 sequence starts one.
    const auto chars = std::count_if(password.begin(), password.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    });
    if (chars < static_cast<std::ptrdiff_t>(detail::kMinPasswordChars) ||
        password.size() > detail::kMaxPasswordBytes || password.find('\0') != std::string::npos)
        throw AuthError(AuthError::Kind::InvalidRequest,
                        "the password must have at least 10 characters (at most 1024 bytes, "
                        "no NUL)");
}

}  // namespace

Accounts::Accounts(const std::string& databasePath, Options options)
    : options_(std::move(options)), hasher_(options_.kdf) {
    if (options_.tokenLifetimeMs <= 0 || !options_.nowMs ||
        options_.throttle.accountMaxFailures < 1 || options_.throttle.addressMaxFailures < 1 ||
        options_.throttle.windowMs <= 0 || options_.throttle.baseBlockMs <= 0 ||
        options_.throttle.maxBlockMs < options_.throttle.baseBlockMs ||
        options_.throttle.maxConcurrentLogins < 1)
        throw std::invalid_argument("Accounts: invalid token lifetime, clock or throttle policy");
    replica::Database::Options dbOptions;
    dbOptions.synchronousFull = options_.synchronousFull;
    dbOptions.walAutocheckpointPages = options_.walAutocheckpointPages;
    db_ = std::make_unique<replica::Database>(databasePath, dbOptions);
    migrateServerSchema(*db_);
    throttle_ = std::make_unique<LoginThrottle>(*db_, options_.throttle);
}

Accounts::~Accounts() = default;

User Accounts::createUser(const std::string& username, const std::string& password, Role role,
                          const std::string& personId, const Actor& by) {
    const std::string name = detail::foldUsername(username);
    if (!detail::isValidUsername(name))
        throw AuthError(AuthError::Kind::InvalidRequest,
                        "the username must be 3–64 characters of a-z, 0-9, '.', '_' or '-'");
    checkPassword(password);
    if (!personId.empty() && !domain::isCanonicalUuid(personId))
        throw AuthError(AuthError::Kind::InvalidRequest, "personId must be a lower-case UUID");
    const std::string hash = hasher_.hash(password);  // the KDF, outside the lock

    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    if (findUserLocked(name))
        throw AuthError(AuthError::Kind::InvalidRequest, "the username is already taken");
    User user{domain::randomUuid(), name, role, personId, false};
    {
        Statement st(*db_,
                     "INSERT INTO app_user (id, username, password_hash, role, person_id, "
                     "disabled, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6)");
        st.bind(1, user.id)
            .bind(2, user.username)
            .bind(3, hash)
            .bind(4, toString(role))
            .bind(6, now);
        if (personId.empty())
            st.bindNull(5);
        else
            st.bind(5, personId);
        st.run();
    }
    auditLocked(by.userId, by.deviceId, by.remoteAddress, "user.created",
                detail::jsonText({{"user_id", user.id},
                                  {"username", user.username},
                                  {"role", toString(role)},
                                  {"person_id", personId}}));
    tx.commit();
    return user;
}

void Accounts::setPassword(const std::string& username, const std::string& password,
                           const Actor& by) {
    checkPassword(password);
    const std::string hash = hasher_.hash(password);
    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    const User user = requireUserLocked(username);
    {
        Statement st(*db_, "UPDATE app_user SET password_hash = ?1, updated_at = ?2 WHERE id = ?3");
        st.bind(1, hash).bind(2, now).bind(3, user.id);
        st.run();
    }
    const int revoked = revokeTokensLocked(TokenScope::User, user.id, now);
    auditLocked(
        by.userId, by.deviceId, by.remoteAddress, "user.password_set",
        detail::jsonText(
            {{"user_id", user.id}, {"username", user.username}, {"tokens_revoked", revoked}}));
    tx.commit();
}

void Accounts::setDisabled(const std::string& username, bool disabled, const Actor& by) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    const User user = requireUserLocked(username);
    {
        Statement st(*db_, "UPDATE app_user SET disabled = ?1, updated_at = ?2 WHERE id = ?3");
        st.bind(1, std::int64_t{disabled ? 1 : 0}).bind(2, now).bind(3, user.id);
        st.run();
    }
    const int revoked = disabled ? revokeTokensLocked(TokenScope::User, user.id, now) : 0;
    auditLocked(by.userId, by.deviceId, by.remoteAddress,
                disabled ? "user.disabled" : "user.enabled",
                detail::jsonText({{"user_id", user.id},
                                  {"username", user.username},
                                  {"was_disabled", user.disabled},
                                  {"tokens_revoked", revoked}}));
    tx.commit();
}

void Accounts::setRole(const std::string& username, Role role, const Actor& by) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    const User user = requireUserLocked(username);
    {
        Statement st(*db_, "UPDATE app_user SET role = ?1, updated_at = ?2 WHERE id = ?3");
        st.bind(1, toString(role)).bind(2, now).bind(3, user.id);
        st.run();
    }
    auditLocked(by.userId, by.deviceId, by.remoteAddress, "user.role_changed",
                detail::jsonText({{"user_id", user.id},
                                  {"username", user.username},
                                  {"from", toString(user.role)},
                                  {"to", toString(role)}}));
    tx.commit();
}

std::optional<User> Accounts::findUser(const std::string& username) {
    std::lock_guard lock(mutex_);
    return findUserLocked(username);
}

std::vector<User> Accounts::users() {
    std::lock_guard lock(mutex_);
    Statement st(*db_,
                 "SELECT id, username, role, person_id, disabled FROM app_user ORDER BY username");
    std::vector<User> out;
    while (st.step())
        out.push_back(detail::userFromRow(st, 0));
    return out;
}

int Accounts::revokeDevice(const std::string& deviceId, const Actor& by) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    std::string owner;
    {
        Statement st(*db_, "SELECT user_id FROM device WHERE id = ?1");
        st.bind(1, deviceId);
        if (!st.step())
            throw AuthError(AuthError::Kind::InvalidRequest, "unknown device");
        owner = st.text(0);
    }
    {
        Statement st(*db_,
                     "UPDATE device SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL");
        st.bind(1, now).bind(2, deviceId);
        st.run();
    }
    const int revoked = revokeTokensLocked(TokenScope::Device, deviceId, now);
    auditLocked(
        by.userId, by.deviceId, by.remoteAddress, "device.revoked",
        detail::jsonText(
            {{"device_id", deviceId}, {"owner_user_id", owner}, {"tokens_revoked", revoked}}));
    tx.commit();
    return revoked;
}

int Accounts::revokeUser(const std::string& username, const Actor& by) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = options_.nowMs();
    replica::Transaction tx(*db_);
    const User user = requireUserLocked(username);
    const int revoked = revokeTokensLocked(TokenScope::User, user.id, now);
    auditLocked(
        by.userId, by.deviceId, by.remoteAddress, "user.tokens_revoked",
        detail::jsonText(
            {{"user_id", user.id}, {"username", user.username}, {"tokens_revoked", revoked}}));
    tx.commit();
    return revoked;
}

void Accounts::audit(const std::string& userId, const std::string& deviceId,
                     const std::string& remoteAddress, const std::string& action,
                     const std::string& detailsJson) {
    if (action.empty() || action.size() > 64)
        throw AuthError(AuthError::Kind::InvalidRequest, "audit action must be 1–64 characters");
    const auto details = nlohmann::json::parse(detailsJson.empty() ? "{}" : detailsJson, nullptr,
                                               /*allow_exceptions=*/false);
    if (!details.is_object())
        throw AuthError(AuthError::Kind::InvalidRequest, "audit details must be a JSON object");
    std::lock_guard lock(mutex_);
    auditLocked(userId, deviceId, remoteAddress, action, detail::jsonText(details));
}

void Accounts::auditLocked(const std::string& userId, const std::string& deviceId,
                           const std::string& remoteAddress, const std::string& action,
                           const std::string& detailsJson) {
    Statement st(
        *db_,
        "INSERT INTO audit_event (at, user_id, action, device_id, remote_address, details) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, options_.nowMs()).bind(3, action).bind(6, detailsJson);
    const auto optional = [&st](int index, const std::string& text) {
        if (text.empty())
            st.bindNull(index);
        else
            st.bind(index, text.substr(0, detail::kMaxAuditFieldBytes));
    };
    optional(2, userId);
    optional(4, deviceId);
    optional(5, remoteAddress);
    st.run();
}

int Accounts::revokeTokensLocked(TokenScope scope, const std::string& id, std::int64_t nowMs) {
    const char* sql = nullptr;
    switch (scope) {
        case TokenScope::One:
            sql = "UPDATE auth_token SET revoked_at = ?1 WHERE id = ?2 AND revoked_at IS NULL";
            break;
        case TokenScope::Device:
            sql =
                "UPDATE auth_token SET revoked_at = ?1 WHERE device_id = ?2 AND revoked_at IS NULL";
            break;
        case TokenScope::User:
            sql = "UPDATE auth_token SET revoked_at = ?1 WHERE user_id = ?2 AND revoked_at IS NULL";
            break;
    }
    Statement st(*db_, sql);
    st.bind(1, nowMs).bind(2, id);
    st.run();
    return db_->changes();
}

std::optional<User> Accounts::findUserLocked(const std::string& username) {
    if (username.size() > detail::kMaxUsernameChars)
        return std::nullopt;
    Statement st(*db_,
                 "SELECT id, username, role, person_id, disabled FROM app_user "
                 "WHERE username = ?1");
    st.bind(1, username);
    if (!st.step())
        return std::nullopt;
    return detail::userFromRow(st, 0);
}

User Accounts::requireUserLocked(const std::string& username) {
    auto user = findUserLocked(username);
    if (!user)
        throw AuthError(AuthError::Kind::InvalidRequest, "unknown user");
    return *user;
}

}  // namespace cadre::server
