#include "replica/Database.h"

#include <algorithm>
#include <mutex>
#include <utility>

namespace cadre::replica {

namespace {
[[noreturn]] void fail(sqlite3* db, int rc, const std::string& what) {
    std::string msg = what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    throw DatabaseError(msg, rc);
}
/// Process-wide settings, made once before the first connection: sqlite3_config only works
/// before SQLite initialises (it returns SQLITE_MISUSE after, and the defaults then stay).
void configureSqliteOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        // No memory statistics: with them every sqlite3_malloc and sqlite3_free takes one
        // process-wide mutex (perf: about 6 % of the central repository's writer thread, all of
        // it lock and unlock). Cadre never reads them.
        (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
}

}  // namespace

Statement::Statement(Database& db, std::string_view sql) : db_(db.handle()) {
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        fail(db_, rc, "prepare '" + std::string(sql.substr(0, 80)) + "'");
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

void Statement::check(int rc, const char* what) const {
    if (rc != SQLITE_OK)
        fail(db_, rc, std::string(what) + " in '" + sqlite3_sql(stmt_) + "'");
}

Statement& Statement::bind(int index, const Value& value) {
    const auto& s = value.storage();
    if (std::holds_alternative<std::monostate>(s))
        return bindNull(index);
    if (const auto* i = std::get_if<std::int64_t>(&s))
        return bind(index, *i);
    if (const auto* d = std::get_if<double>(&s)) {
        check(sqlite3_bind_double(stmt_, index, *d), "bind");
        return *this;
    }
    return bind(index, std::get<std::string>(s));
}

Statement& Statement::bind(int index, std::string_view text) {
    check(
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        "bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size) {
    check(sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bindUnowned(int index, const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value.storage()))
        return bindUnowned(index, std::string_view(*text));
    return bind(index, value);
}

Statement& Statement::bindUnowned(int index, std::string_view text) {
    check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8),
          "bind");
    return *this;
}

Statement& Statement::bindBlobUnowned(int index, std::string_view data) {
    check(sqlite3_bind_blob64(stmt_, index, data.data(), data.size(), SQLITE_STATIC), "bind");
    return *this;
}

Statement& Statement::bindNull(int index) {
    check(sqlite3_bind_null(stmt_, index), "bind");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(db_, rc, std::string("step '") + sqlite3_sql(stmt_) + "'");
}

void Statement::run() {
    // Reset on every way out, so that no binding (unowned ones above all) outlives the run.
    struct ResetAfter {
        Statement& st;
        ~ResetAfter() { st.reset(); }
    } resetAfter{*this};
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

int Statement::columnCount() const {
    return sqlite3_column_count(stmt_);
}
std::string Statement::columnName(int column) const {
    return sqlite3_column_name(stmt_, column);
}
bool Statement::isNull(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

std::string Statement::blob(int column) const {
    const auto* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(static_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

Value Statement::value(int column) const {
    switch (sqlite3_column_type(stmt_, column)) {
        case SQLITE_NULL:
            return {};
        case SQLITE_INTEGER:
            return Value(integer(column));
        case SQLITE_FLOAT:
            return Value(real(column));
        default:
            return Value(text(column));
    }
}

Database::Database(const std::string& path) : Database(path, Options{}) {}

Database::Database(const std::string& path, const Options& options) : path_(path) {
    configureSqliteOnce();
    const int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg =
            "open '" + path + "': " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        throw DatabaseError(msg, rc);
    }
    sqlite3_busy_timeout(db_, options.busyTimeoutMs);
    sqlite3_extended_result_codes(db_, 1);
    // Before anything writes the file's header (switching to WAL does): later it is a no-op.
    if (options.pageSizeBytes > 0)
        exec("PRAGMA page_size=" + std::to_string(options.pageSizeBytes));
    if (options.walMode)
        exec("PRAGMA journal_mode=WAL");
    exec(options.synchronousFull ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    exec("PRAGMA foreign_keys=OFF");
    if (options.cacheSizeKiB > 0)
        exec("PRAGMA cache_size=-" + std::to_string(options.cacheSizeKiB));
    if (options.walAutocheckpointPages != 0)
        exec("PRAGMA wal_autocheckpoint=" +
             std::to_string(std::max(options.walAutocheckpointPages, 0)));
}

Database::~Database() {
    sqlite3_close_v2(db_);
}

void Database::exec(std::string_view sql) {
    const std::string copy(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw DatabaseError("exec: " + msg, rc);
    }
}

std::int64_t Database::lastInsertRowid() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}

int Database::userVersion() {
    Statement st(*this, "PRAGMA user_version");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

void Database::setUserVersion(int version) {
    exec("PRAGMA user_version=" + std::to_string(version));
}

std::string Database::integrityCheck() {
    Statement st(*this, "PRAGMA integrity_check");
    std::string out;
    while (st.step()) {
        if (!out.empty())
            out += "; ";
        out += st.text(0);
    }
    return out;
}

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace cadre::replica
