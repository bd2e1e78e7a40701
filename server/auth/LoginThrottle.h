// LoginThrottle: counts failed logins per account and per remote address, with exponential blocks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cadre::replica {
class Database;
}

namespace cadre::server {

/// When failed logins block further attempts. A key (an account name, known or not, or a remote
/// address) that reaches its limit of failures is blocked for baseBlockMs, and each further
/// failure doubles the block, up to maxBlockMs. The count is forgotten after windowMs without a
/// failure once any block has ended; a successful login clears its account's count (not its
/// address's).
struct ThrottlePolicy {
    int accountMaxFailures = 5;
    /// Higher than the account limit: a training venue puts 10–60 participants behind one NAT
    /// address, and their typos must not lock the whole room out.
    int addressMaxFailures = 20;
    std::int64_t windowMs = 15LL * 60 * 1000;
    std::int64_t baseBlockMs = 60LL * 1000;
    std::int64_t maxBlockMs = 15LL * 60 * 1000;
    /// How long a login waits for its turn when as many attempts are already in flight for its
    /// account or address as failures remain before the limit (so parallel guesses cannot
    /// overshoot the limit); past it the login is refused as throttled.
    std::int64_t admissionWaitMs = 10LL * 1000;
    /// Logins running the KDF at once, whoever and wherever they come from: each holds ~32 MiB
    /// for ~0.25 s with the secure parameters, so a flood must queue rather than exhaust memory.
    int maxConcurrentLogins = 8;
};

/// The persistent side of throttling: one row per key in login_throttle. Not thread-safe; the
/// caller (Accounts) serialises access and owns the transaction.
class LoginThrottle {
  public:
    struct State {
        int failures = 0;               ///< failures counted in the current window
        std::int64_t blockedUntil = 0;  ///< ms since epoch; attempts before it are refused
        std::int64_t windowStart = 0;   ///< the first failure of the current window
    };

    LoginThrottle(replica::Database& db, const ThrottlePolicy& policy);

    /// "user:" + the name in lower case (at most 64 bytes of it: longer names cannot exist).
    [[nodiscard]] static std::string accountKey(std::string_view username);
    /// "addr:" + the address (at most 64 bytes of it).
    [[nodiscard]] static std::string addressKey(std::string_view remoteAddress);

    /// The key's state at `nowMs` (zero failures if its row has expired or does not exist).
    [[nodiscard]] State state(const std::string& key, std::int64_t nowMs);
    /// Counts one failure; returns the new state (blockedUntil set once the limit is reached).
    State recordFailure(const std::string& key, int maxFailures, std::int64_t nowMs);
    /// Forgets the key's failures.
    void clear(const std::string& key);
    /// Deletes rows that have expired (called on each failure; the index makes it cheap).
    void prune(std::int64_t nowMs);

  private:
    replica::Database& db_;
    ThrottlePolicy policy_;
};

}  // namespace cadre::server
