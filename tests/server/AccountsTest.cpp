// AccountsTest: login, tokens, devices, throttling, audit and the server schema, with injected
// time.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "TestSupport.h"
#include "auth/Accounts.h"
#include "auth/TokenCodec.h"
#include "domain/Uuid.h"
#include "replica/Database.h"
#include "replica/Migrations.h"
#include "store/ServerSchema.h"

namespace cadre::server {
namespace {

using replica::Database;
using replica::Statement;
using Kind = AuthError::Kind;

const std::string kPhone = "0b6f2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";
const std::string kTablet = "1c7a3d2f-4b5e-4f6a-9b0c-1d2e3f4a5b6c";
const std::string kLaptop = "2d8b4e3a-5c6f-4a7b-8c1d-2e3f4a5b6c7d";
const std::string kPassword = "correct horse battery";
const std::string kAddress = "192.0.2.10";
constexpr std::int64_t kMinute = 60 * 1000;

using cadre::test::TempDir;

/// The whole file, or empty if it does not exist.
std::string readFile(const std::string& file) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec)
        return {};
    std::string bytes(static_cast<std::size_t>(size), '\0');
    std::ifstream in(file, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

class AccountsTest : public ::testing::Test {
  protected:
    [[nodiscard]] Accounts::Options options(KdfParams kdf = {std::uint64_t{1} << 10, 8, 1}) {
        Accounts::Options o;
        o.kdf = kdf;
        o.nowMs = [this] { return now.load(); };
        o.synchronousFull = false;
        return o;
    }
    [[nodiscard]] std::unique_ptr<Accounts> open(Accounts::Options o) {
        return std::make_unique<Accounts>(path, std::move(o));
    }
    void SetUp() override {
        accounts = open(options());
        alice = accounts->createUser("alice", kPassword, Role::Expert, "");
    }
    /// The login's error kind, or nothing if it succeeded.
    std::optional<Kind> tryLogin(const std::string& user, const std::string& password,
                                 const std::string& device = kPhone,
                                 const std::string& address = kAddress) {
        try {
            (void)accounts->login(user, password, device, "phone", address);
            return std::nullopt;
        } catch (const AuthError& e) {
            return e.kind();
        }
    }
    [[nodiscard]] std::int64_t count(const std::string& sql, const std::string& arg = {}) {
        Database db(path);
        Statement st(db, sql);
        if (!arg.empty())
            st.bind(1, arg);
        return st.step() ? st.integer(0) : -1;
    }
    [[nodiscard]] std::int64_t auditCount(const std::string& action) {
        return count("SELECT count(*) FROM audit_event WHERE action = ?1", action);
    }

    TempDir dir;
    std::string path = dir.file("server.db");
    std::atomic<std::int64_t> now{1'790'000'000'000};
    std::unique_ptr<Accounts> accounts;
    User alice;
};

TEST_F(AccountsTest, ServerSchemaHasItsOwnVersionTrackBesideTheReplicas) {
    Database db(path);
    EXPECT_EQ(serverSchemaVersion(db), static_cast<int>(schema::embeddedServerMigrations().size()));
    EXPECT_EQ(db.userVersion(), 0);  // user_version belongs to the replica schema
    EXPECT_EQ(migrateServerSchema(db), 0);
    // The hub replica's schema in the same file: each track migrates without touching the other.
    EXPECT_GT(replica::migrate(db), 0);
    EXPECT_EQ(db.userVersion(), static_cast<int>(schema::embeddedMigrations().size()));
    EXPECT_EQ(serverSchemaVersion(db), static_cast<int>(schema::embeddedServerMigrations().size()));
    accounts.reset();
    accounts = open(options());
    EXPECT_TRUE(accounts->findUser("alice"));
    EXPECT_EQ(db.integrityCheck(), "ok");
}

TEST_F(AccountsTest, RefusesAServerSchemaNewerThanTheBuild) {
    accounts.reset();
    {
        Database db(path);
        db.exec("UPDATE server_schema SET version = 99");
    }
    EXPECT_THROW(open(options()), replica::MigrationError);
}

TEST_F(AccountsTest, MigratesAFreshDatabaseStepByStepWithALog) {
    Database db(dir.file("fresh.db"));
    std::vector<std::string> lines;
    EXPECT_EQ(migrateServerSchema(db, [&](const std::string& l) { lines.push_back(l); }),
              static_cast<int>(schema::embeddedServerMigrations().size()));
    ASSERT_FALSE(lines.empty());
    EXPECT_NE(lines[0].find("migrate server: 0001 accounts (0 → 1)"), std::string::npos)
        << lines[0];
}

TEST_F(AccountsTest, CreateUserValidatesItsInput) {
    for (const char* bad : {"al", "alice smith", "al'ice", "alice;", "ålice", ""})
        EXPECT_THROW(accounts->createUser(bad, kPassword, Role::Expert, ""), AuthError) << bad;
    EXPECT_THROW(accounts->createUser(std::string(65, 'a'), kPassword, Role::Expert, ""),
                 AuthError);
    EXPECT_THROW(accounts->createUser("bob", "123456789", Role::Expert, ""), AuthError);
    EXPECT_THROW(accounts->createUser("bob", std::string(1025, 'x'), Role::Expert, ""), AuthError);
    EXPECT_THROW(accounts->createUser("bob", kPassword, Role::Expert, "not-a-uuid"), AuthError);
    try {
        (void)accounts->createUser("ALICE", kPassword, Role::Admin, "");
        FAIL() << "a duplicate username (in another case) was accepted";
    } catch (const AuthError& e) {
        EXPECT_EQ(e.kind(), Kind::InvalidRequest);
    }
    // Ten characters, not ten bytes: "ééééééééé" is nine characters in eighteen bytes.
    EXPECT_THROW(accounts->createUser("bob", "ééééééééé", Role::Expert, ""), AuthError);
    const User bob = accounts->createUser("Bob.Smith-2", "éééééééééé", Role::Trainer, kTablet);
    EXPECT_EQ(bob.username, "bob.smith-2");
    EXPECT_EQ(bob.personId, kTablet);
    EXPECT_EQ(accounts->findUser("BOB.SMITH-2")->id, bob.id);
    EXPECT_EQ(accounts->users().size(), 2U);
}

TEST_F(AccountsTest, RoleNamesRoundTrip) {
    for (const Role r : {Role::Expert, Role::Trainer, Role::HqReviewer, Role::Admin})
        EXPECT_EQ(roleFromString(toString(r)), r);
    EXPECT_EQ(std::string(toString(Role::HqReviewer)), "hq_reviewer");
    EXPECT_FALSE(roleFromString("Admin"));
}

TEST_F(AccountsTest, LoginIssuesATokenThatAuthenticatesOnItsDevice) {
    const auto result = accounts->login("Alice", kPassword, kPhone, "Alice's phone", kAddress);
    EXPECT_EQ(result.token.size(), token::kTokenChars);
    EXPECT_EQ(result.session.user.id, alice.id);
    EXPECT_EQ(result.session.deviceId, kPhone);
    EXPECT_EQ(result.session.expiresAtMs, now + 30LL * 24 * 3600 * 1000);
    const auto session = accounts->authenticate(result.token, kPhone);
    ASSERT_TRUE(session);
    EXPECT_EQ(session->user.username, "alice");
    EXPECT_EQ(session->user.role, Role::Expert);
    EXPECT_EQ(session->tokenId, result.session.tokenId);
    EXPECT_EQ(count("SELECT count(*) FROM device WHERE id = ?1", kPhone), 1);
}

TEST_F(AccountsTest, WrongPasswordAndUnknownUserAreTheSameBadCredentials) {
    std::string wrong, unknown;
    try {
        (void)accounts->login("alice", "wrong password", kPhone, "", kAddress);
    } catch (const AuthError& e) {
        EXPECT_EQ(e.kind(), Kind::BadCredentials);
        wrong = e.what();
    }
    try {
        (void)accounts->login("nobody", kPassword, kPhone, "", kAddress);
    } catch (const AuthError& e) {
        EXPECT_EQ(e.kind(), Kind::BadCredentials);
        unknown = e.what();
    }
    EXPECT_FALSE(wrong.empty());
    EXPECT_EQ(wrong, unknown);
    EXPECT_EQ(tryLogin("alice", ""), Kind::BadCredentials);
    EXPECT_EQ(tryLogin("alice", kPassword, "not-a-uuid"), Kind::InvalidRequest);
}

TEST_F(AccountsTest, TokenIsStoredOnlyAsItsSha256) {
    const auto result = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    // The raw files, while the connection is open (the WAL holds the last commits) and after.
    const auto expectAbsentFromFiles = [&] {
        for (const auto& file : {path, path + "-wal"}) {
            const std::string bytes = readFile(file);
            EXPECT_EQ(bytes.find(result.token), std::string::npos) << file;
            EXPECT_EQ(bytes.find(kPassword), std::string::npos) << file;
        }
    };
    EXPECT_FALSE(readFile(path + "-wal").empty());
    expectAbsentFromFiles();
    accounts.reset();
    expectAbsentFromFiles();

    Database db(path);
    {
        Statement st(db, "SELECT token_hash FROM auth_token");
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.blob(0), token::sha256(result.token));
    }
    // Every column of every row of every table, as text: neither the token nor the password.
    std::vector<std::string> tables;
    {
        Statement st(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (st.step())
            tables.push_back(st.text(0));
    }
    for (const auto& table : tables) {
        Statement st(db, "SELECT * FROM \"" + table + "\"");
        while (st.step()) {
            for (int c = 0; c < st.columnCount(); ++c) {
                const std::string cell = st.blob(c);
                EXPECT_EQ(cell.find(result.token), std::string::npos) << table;
                EXPECT_EQ(cell.find(kPassword), std::string::npos) << table;
            }
        }
    }
}

TEST_F(AccountsTest, TokensExpireAfterTheirLifetime) {
    const auto result = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    now += 30LL * 24 * 3600 * 1000 - 1;
    EXPECT_TRUE(accounts->authenticate(result.token, kPhone));
    now += 1;
    EXPECT_FALSE(accounts->authenticate(result.token, kPhone));
    EXPECT_FALSE(accounts->logout(result.token));  // already dead

    accounts.reset();
    auto o = options();
    o.tokenLifetimeMs = 3600 * 1000;
    accounts = open(o);
    const auto shortLived = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    EXPECT_EQ(shortLived.session.expiresAtMs, now + 3600 * 1000);
    now += 3600 * 1000;
    EXPECT_FALSE(accounts->authenticate(shortLived.token, kPhone));
}

TEST_F(AccountsTest, MalformedOrUnknownTokensAreRefused) {
    const auto result = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    std::string flipped = result.token;
    flipped[0] = flipped[0] == 'A' ? 'B' : 'A';
    for (const auto& t : {std::string(), std::string("abc"), flipped, result.token + "A",
                          std::string(43, '*'), token::generate()})
        EXPECT_FALSE(accounts->authenticate(t, kPhone)) << t;
}

TEST_F(AccountsTest, LogoutRevokesOnlyThatToken) {
    const auto phone = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    const auto tablet = accounts->login("alice", kPassword, kTablet, "tablet", kAddress);
    EXPECT_TRUE(accounts->logout(phone.token, kAddress));
    EXPECT_FALSE(accounts->logout(phone.token, kAddress));
    EXPECT_FALSE(accounts->authenticate(phone.token, kPhone));
    EXPECT_TRUE(accounts->authenticate(tablet.token, kTablet));
    EXPECT_EQ(auditCount("logout"), 1);
}

TEST_F(AccountsTest, RevokingADeviceKillsItsTokensAndItsLogins) {
    const auto phone1 = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    const auto phone2 = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    const auto tablet = accounts->login("alice", kPassword, kTablet, "tablet", kAddress);
    EXPECT_EQ(accounts->revokeDevice(kPhone, Actor{alice.id, kTablet, kAddress}), 2);
    EXPECT_FALSE(accounts->authenticate(phone1.token, kPhone));
    EXPECT_FALSE(accounts->authenticate(phone2.token, kPhone));
    EXPECT_TRUE(accounts->authenticate(tablet.token, kTablet));
    EXPECT_EQ(tryLogin("alice", kPassword, kPhone), Kind::Disabled);
    EXPECT_THROW(accounts->revokeDevice(kLaptop), AuthError);
    EXPECT_EQ(auditCount("device.revoked"), 1);
}

TEST_F(AccountsTest, RevokingAUserKillsAllTheirTokensButNotTheirAccount) {
    const auto phone = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    const auto tablet = accounts->login("alice", kPassword, kTablet, "tablet", kAddress);
    (void)accounts->createUser("bob", kPassword, Role::Trainer, "");
    const auto bob = accounts->login("bob", kPassword, kLaptop, "laptop", kAddress);
    EXPECT_EQ(accounts->revokeUser("ALICE"), 2);
    EXPECT_FALSE(accounts->authenticate(phone.token, kPhone));
    EXPECT_FALSE(accounts->authenticate(tablet.token, kTablet));
    EXPECT_TRUE(accounts->authenticate(bob.token, kLaptop));
    const auto again = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    EXPECT_TRUE(accounts->authenticate(again.token, kPhone));
    EXPECT_THROW(accounts->revokeUser("nobody"), AuthError);
}

TEST_F(AccountsTest, TokenIsBoundToItsDevice) {
    const auto result = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    EXPECT_FALSE(accounts->authenticate(result.token, kTablet));
    EXPECT_FALSE(accounts->authenticate(result.token, ""));
    EXPECT_TRUE(accounts->authenticate(result.token, kPhone));
    EXPECT_EQ(auditCount("token.device_mismatch"), 2);

    // A device registered to alice cannot log in as bob.
    (void)accounts->createUser("bob", kPassword, Role::Trainer, "");
    EXPECT_EQ(tryLogin("bob", kPassword, kPhone), Kind::InvalidRequest);
    EXPECT_EQ(count("SELECT count(*) FROM auth_token WHERE device_id = ?1", kPhone), 1);
}

TEST_F(AccountsTest, DisabledUsersCannotLogInAndTheirTokensStopWorking) {
    const auto result = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    accounts->setDisabled("alice", true);
    EXPECT_TRUE(accounts->findUser("alice")->disabled);
    EXPECT_FALSE(accounts->authenticate(result.token, kPhone));
    EXPECT_EQ(tryLogin("alice", kPassword), Kind::Disabled);
    EXPECT_EQ(tryLogin("alice", "wrong password"), Kind::BadCredentials);  // no hint without it
    accounts->setDisabled("alice", false);
    EXPECT_FALSE(accounts->authenticate(result.token, kPhone));  // revoked, not just suspended
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);
    EXPECT_EQ(auditCount("user.disabled"), 1);
    EXPECT_EQ(auditCount("user.enabled"), 1);
}

TEST_F(AccountsTest, RoleAndPasswordChangesTakeEffect) {
    const auto result = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    accounts->setRole("alice", Role::HqReviewer);
    EXPECT_EQ(accounts->authenticate(result.token, kPhone)->user.role, Role::HqReviewer);
    accounts->setPassword("alice", "another good password");
    EXPECT_FALSE(accounts->authenticate(result.token, kPhone));
    EXPECT_EQ(tryLogin("alice", kPassword), Kind::BadCredentials);
    EXPECT_EQ(tryLogin("alice", "another good password"), std::nullopt);
    EXPECT_THROW(accounts->setPassword("alice", "short"), AuthError);
    EXPECT_THROW(accounts->setRole("nobody", Role::Admin), AuthError);
}

TEST_F(AccountsTest, OldHashesAreUpgradedOnTheNextSuccessfulLogin) {
    auto hashOf = [this] {
        Database db(path);
        Statement st(db, "SELECT password_hash FROM app_user WHERE username = 'alice'");
        return st.step() ? st.text(0) : std::string();
    };
    EXPECT_EQ(hashOf().rfind("scrypt$1024$8$1$", 0), 0U);
    accounts.reset();
    accounts = open(options({std::uint64_t{1} << 11, 8, 1}));  // parameters raised
    EXPECT_EQ(tryLogin("alice", "wrong password"), Kind::BadCredentials);
    EXPECT_EQ(hashOf().rfind("scrypt$1024$8$1$", 0), 0U);  // not on a failure
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);
    EXPECT_EQ(hashOf().rfind("scrypt$2048$8$1$", 0), 0U);
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);  // the new hash verifies
    EXPECT_EQ(auditCount("user.password_rehashed"), 1);
}

TEST_F(AccountsTest, AccountIsThrottledAfterFiveFailuresWithExponentialBackOff) {
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(tryLogin("alice", "wrong password"), Kind::BadCredentials) << i;
    try {
        (void)accounts->login("alice", kPassword, kPhone, "phone", kAddress);
        FAIL() << "the sixth attempt was not throttled";
    } catch (const AuthError& e) {
        EXPECT_EQ(e.kind(), Kind::Throttled);
        EXPECT_EQ(e.retryAfterMs(), kMinute);
    }
    EXPECT_EQ(tryLogin("alice", kPassword, kPhone, "198.51.100.7"), Kind::Throttled);
    // Each further failure doubles the block: 2, 4, 8, then 15 minutes at most.
    std::int64_t block = kMinute;
    for (const std::int64_t expected : {2, 4, 8, 15, 15}) {
        now += block;
        EXPECT_EQ(tryLogin("alice", "wrong password"), Kind::BadCredentials);
        try {
            (void)accounts->login("alice", kPassword, kPhone, "phone", kAddress);
            FAIL();
        } catch (const AuthError& e) {
            EXPECT_EQ(e.retryAfterMs(), expected * kMinute);
        }
        block = expected * kMinute;
    }
    now += block;
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);  // success resets the account
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(tryLogin("alice", "wrong password"), Kind::BadCredentials);
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);
    EXPECT_GE(auditCount("login.throttled"), 7);
}

TEST_F(AccountsTest, FailuresAreForgottenAfterAQuietWindow) {
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(tryLogin("alice", "wrong password"), Kind::BadCredentials);
    now += 15 * kMinute;
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(tryLogin("alice", "wrong password"), Kind::BadCredentials);
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);
    // Expired rows are pruned on the next failure.
    now += 16 * kMinute;
    EXPECT_EQ(tryLogin("nobody", "wrong password", kPhone, "203.0.113.9"), Kind::BadCredentials);
    EXPECT_EQ(count("SELECT count(*) FROM login_throttle WHERE key = ?1", "addr:" + kAddress), 0);
}

TEST_F(AccountsTest, UnknownUsernamesAreThrottledToo) {
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(tryLogin("Ghost", "wrong password"), Kind::BadCredentials);
    EXPECT_EQ(tryLogin("ghost", "wrong password"), Kind::Throttled);
    EXPECT_EQ(count("SELECT failures FROM login_throttle WHERE key = 'user:ghost'"), 5);
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);  // other accounts are not affected
}

TEST_F(AccountsTest, AddressIsThrottledAcrossAccountsAndSuccessDoesNotResetIt) {
    auto o = options();
    o.throttle.addressMaxFailures = 8;
    accounts.reset();
    accounts = open(o);
    for (int i = 0; i < 7; ++i)  // spread over accounts so that none reaches its own limit
        EXPECT_EQ(tryLogin("user" + std::to_string(i % 4), "wrong password"), Kind::BadCredentials);
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);
    EXPECT_EQ(tryLogin("user9", "wrong password"), Kind::BadCredentials);  // the 8th
    EXPECT_EQ(tryLogin("alice", kPassword), Kind::Throttled);
    EXPECT_EQ(tryLogin("alice", kPassword, kPhone, "198.51.100.7"), std::nullopt);
    now += kMinute;
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);
}

TEST_F(AccountsTest, DefaultThrottlePolicy) {
    const ThrottlePolicy p;
    EXPECT_EQ(p.accountMaxFailures, 5);
    EXPECT_EQ(p.windowMs, 15 * kMinute);
    EXPECT_EQ(p.maxBlockMs, 15 * kMinute);
    EXPECT_GE(p.addressMaxFailures, p.accountMaxFailures);
    EXPECT_EQ(Accounts::Options().tokenLifetimeMs, 30LL * 24 * 3600 * 1000);
}

TEST_F(AccountsTest, SqlInjectionInUsernameIsJustBadCredentials) {
    for (const std::string& name :
         {std::string("alice' OR '1'='1"), std::string("alice'--"), std::string("' OR 1=1 --"),
          std::string("\"; DROP TABLE app_user; --"), std::string("alice\0x", 7), std::string("%"),
          std::string("a%")}) {
        EXPECT_EQ(tryLogin(name, kPassword, kPhone, "198.51.100." + std::to_string(name.size())),
                  Kind::BadCredentials)
            << name;
        EXPECT_THROW(accounts->createUser(name, kPassword, Role::Admin, ""), AuthError) << name;
    }
    EXPECT_EQ(count("SELECT count(*) FROM app_user"), 1);
    EXPECT_EQ(tryLogin("_____", kPassword), Kind::BadCredentials);  // a valid name, not a pattern
    EXPECT_EQ(tryLogin("alice", kPassword), std::nullopt);
    EXPECT_EQ(tryLogin("alice", kPassword + std::string(1, '\0')), Kind::BadCredentials);
    EXPECT_THROW(accounts->setPassword("alice", kPassword + std::string(1, '\0')), AuthError);
    // The attempted names are in the audit trail as data, valid JSON.
    EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'login.failed' "
                    "AND json_extract(details, '$.username') = ?1",
                    "' OR 1=1 --"),
              1);
}

TEST_F(AccountsTest, AuditTrailRecordsWhoDidWhatFromWhere) {
    const Actor admin{alice.id, kPhone, "10.0.0.1"};
    (void)accounts->createUser("bob", kPassword, Role::Trainer, "", admin);
    accounts->setRole("bob", Role::Admin, admin);
    EXPECT_EQ(tryLogin("bob", "wrong password", kLaptop), Kind::BadCredentials);
    EXPECT_EQ(tryLogin("nobody", "wrong password", kLaptop), Kind::BadCredentials);
    const auto bob = accounts->login("bob", kPassword, kLaptop, "laptop", kAddress);
    EXPECT_TRUE(accounts->logout(bob.token, kAddress));
    accounts->audit(alice.id, kPhone, "10.0.0.1", "export.report", R"({"member":"FR"})");
    EXPECT_THROW(accounts->audit(alice.id, kPhone, "", "x", "not json"), AuthError);
    EXPECT_THROW(accounts->audit(alice.id, kPhone, "", "x", "[1]"), AuthError);
    EXPECT_THROW(accounts->audit(alice.id, kPhone, "", "", "{}"), AuthError);

    Database db(path);
    Statement st(db,
                 "SELECT at, ifnull(user_id, ''), action, ifnull(device_id, ''), "
                 "ifnull(remote_address, ''), details FROM audit_event ORDER BY id");
    std::vector<std::string> actions;
    while (st.step()) {
        EXPECT_EQ(st.integer(0), now.load());
        const std::string action = st.text(2);
        actions.push_back(action);
        EXPECT_EQ(st.text(5).find(kPassword), std::string::npos);
        if (action == "user.role_changed") {
            EXPECT_EQ(st.text(1), alice.id);
            EXPECT_EQ(st.text(3), kPhone);
            EXPECT_EQ(st.text(4), "10.0.0.1");
            EXPECT_NE(st.text(5).find(R"("to":"admin")"), std::string::npos) << st.text(5);
        }
        if (action == "login.failed") {
            EXPECT_EQ(st.text(3), kLaptop);
            EXPECT_EQ(st.text(4), kAddress);
        }
    }
    const std::vector<std::string> expected = {
        "user.created",  // alice, by the system (SetUp)
        "user.created",      "user.role_changed", "login.failed", "login.failed",
        "device.registered", "login.succeeded",   "logout",       "export.report"};
    EXPECT_EQ(actions, expected);
    EXPECT_EQ(count("SELECT count(*) FROM audit_event WHERE action = 'login.failed' "
                    "AND user_id IS NULL"),
              1);  // "nobody"
}

TEST_F(AccountsTest, LastSeenIsUpdatedAtMostOnceAMinute) {
    const auto result = accounts->login("alice", kPassword, kPhone, "phone", kAddress);
    const std::int64_t loggedIn = now;
    const auto lastSeen = [this] {
        return count("SELECT last_seen_at FROM device WHERE id = ?1", kPhone);
    };
    now += 30 * 1000;
    EXPECT_TRUE(accounts->authenticate(result.token, kPhone));
    EXPECT_EQ(lastSeen(), loggedIn);
    now += 30 * 1000;
    EXPECT_TRUE(accounts->authenticate(result.token, kPhone));
    EXPECT_EQ(lastSeen(), now.load());
}

TEST_F(AccountsTest, ConcurrentLoginsFromEightThreads) {
    for (int i = 0; i < 8; ++i)
        (void)accounts->createUser("user" + std::to_string(i), kPassword, Role::Expert, "");
    std::vector<std::thread> threads;
    std::vector<std::vector<std::string>> tokens(8);
    std::atomic<int> failures{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            const std::string user = "user" + std::to_string(i);
            for (int k = 0; k < 3; ++k) {
                const std::string device = domain::randomUuid();
                try {
                    // Half the threads share alice: one account, one address, eight at once.
                    const std::string who = i % 2 == 0 ? user : "alice";
                    auto r = accounts->login(who, kPassword, device, "d", kAddress);
                    if (!accounts->authenticate(r.token, device))
                        ++failures;
                    tokens[static_cast<std::size_t>(i)].push_back(r.token);
                } catch (const std::exception& e) {
                    ADD_FAILURE() << user << ": " << e.what();
                    ++failures;
                }
            }
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(failures, 0);
    std::set<std::string> distinct;
    for (const auto& list : tokens)
        distinct.insert(list.begin(), list.end());
    EXPECT_EQ(distinct.size(), 24U);
    EXPECT_EQ(auditCount("login.succeeded"), 24);
}

TEST_F(AccountsTest, LoginsBeyondTheServerWideLimitQueueInsteadOfFailing) {
    auto o = options();
    o.throttle.maxConcurrentLogins = 1;
    accounts.reset();
    accounts = open(o);
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            if (!tryLogin("alice", kPassword, domain::randomUuid(),
                          "198.51.100." + std::to_string(i)))
                ++ok;
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(ok, 8);
}

TEST_F(AccountsTest, ParallelGuessesCannotOvershootTheLimit) {
    std::vector<std::thread> threads;
    std::atomic<int> bad{0}, throttled{0};
    for (int i = 0; i < 8; ++i) {
        threads.emplace_back([&, i] {
            const auto kind = tryLogin("alice", "guess number " + std::to_string(i));
            if (kind == Kind::BadCredentials)
                ++bad;
            else if (kind == Kind::Throttled)
                ++throttled;
        });
    }
    for (auto& t : threads)
        t.join();
    EXPECT_EQ(bad, 5);
    EXPECT_EQ(throttled, 3);
    EXPECT_EQ(count("SELECT failures FROM login_throttle WHERE key = 'user:alice'"), 5);
}

}  // namespace
}  // namespace cadre::server
