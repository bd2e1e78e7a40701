// LoginThrottle: the login_throttle table — failure counts, windows and exponential blocks.
#include "auth/LoginThrottle.h"

#include <algorithm>
#include <cctype>

#include "replica/Database.h"

namespace cadre::server {

namespace {
constexpr std::size_t kMaxKeyPartBytes = 64;
}  // namespace

LoginThrottle::LoginThrottle(replica::Database& db, const ThrottlePolicy& policy)
    : db_(db), policy_(policy) {}

std::string LoginThrottle::accountKey(std::string_view username) {
    std::string key = "user:";
    for (const char c : username.substr(0, kMaxKeyPartBytes))
        key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return key;
}

std::string LoginThrottle::addressKey(std::string_view remoteAddress) {
    return "addr:" + std::string(remoteAddress.substr(0, kMaxKeyPartBytes));
}

LoginThrottle::State LoginThrottle::state(const std::string& key, std::int64_t nowMs) {
    replica::Statement st(db_,
                          "SELECT failures, blocked_until, window_start FROM login_throttle "
                          "WHERE key = ?1 AND expires_at > ?2");
    st.bind(1, key).bind(2, nowMs);
    if (!st.step())
        return {0, 0, nowMs};  // no row, or an expired one: a new window starts now
    return {static_cast<int>(st.integer(0)), st.integer(1), st.integer(2)};
}

LoginThrottle::State LoginThrottle::recordFailure(const std::string& key, int maxFailures,
                                                  std::int64_t nowMs) {
    State s = state(key, nowMs);
    ++s.failures;
    if (s.failures >= maxFailures) {
        // 1×, 2×, 4×… the base block for the limit-th, next, next… failure, capped.
        const int doublings = std::min(s.failures - maxFailures, 20);
        const std::int64_t block =
            std::min(policy_.maxBlockMs, policy_.baseBlockMs * (std::int64_t{1} << doublings));
        s.blockedUntil = std::max(s.blockedUntil, nowMs + block);
    }
    const std::int64_t expiresAt = std::max(nowMs, s.blockedUntil) + policy_.windowMs;
    replica::Statement up(
        db_,
        "INSERT INTO login_throttle "
        "(key, failures, window_start, blocked_until, expires_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (key) DO UPDATE SET "
        "failures = excluded.failures, window_start = excluded.window_start, "
        "blocked_until = excluded.blocked_until, expires_at = excluded.expires_at");
    up.bind(1, key)
        .bind(2, static_cast<std::int64_t>(s.failures))
        .bind(3, s.windowStart)
        .bind(4, s.blockedUntil)
        .bind(5, expiresAt);
    up.run();
    return s;
}

void LoginThrottle::clear(const std::string& key) {
    replica::Statement st(db_, "DELETE FROM login_throttle WHERE key = ?1");
    st.bind(1, key);
    st.run();
}

void LoginThrottle::prune(std::int64_t nowMs) {
    replica::Statement st(db_, "DELETE FROM login_throttle WHERE expires_at <= ?1");
    st.bind(1, nowMs);
    st.run();
}

}  // namespace cadre::server
