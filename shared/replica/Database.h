// Database: a thin RAII wrapper over one SQLite connection and its prepared statements.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/Value.h"

namespace cadre::replica {

/// Thrown for every SQLite failure; what() names the statement's purpose and SQLite's message.
class DatabaseError : public std::runtime_error {
  public:
    DatabaseError(const std::string& what, int code) : std::runtime_error(what), code_(code) {}
    [[nodiscard]] int code() const { return code_; }

  private:
    int code_;
};

class Database;

/// A prepared statement. Parameters are bound by 1-based index; SQL only through bound parameters.
class Statement {
  public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;

    Statement& bind(int index, const Value& value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, std::int64_t value);
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);

    /// Binds without a copy: SQLite keeps a pointer to the text or blob, which must stay alive
    /// and unchanged until the statement's next run() or reset(). For the hot paths that bind
    /// and run in one go (saving a record, appending to the log); numbers and NULL as bind().
    Statement& bindUnowned(int index, const Value& value);
    Statement& bindUnowned(int index, std::string_view text);
    Statement& bindUnowned(int index, const std::string& text) {
        return bindUnowned(index, std::string_view(text));
    }
    Statement& bindBlobUnowned(int index, std::string_view data);

    /// Steps once: true when a row is available, false when done. Throws DatabaseError.
    [[nodiscard]] bool step();
    /// Steps until done (for statements that return no rows), then resets and clears the
    /// bindings, also when a step throws.
    void run();
    /// Resets and clears bindings so the statement can be reused.
    void reset();

    [[nodiscard]] int columnCount() const;
    [[nodiscard]] std::string columnName(int column) const;
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::int64_t integer(int column) const;
    [[nodiscard]] double real(int column) const;
    [[nodiscard]] std::string text(int column) const;
    [[nodiscard]] std::string blob(int column) const;
    [[nodiscard]] Value value(int column) const;

    [[nodiscard]] sqlite3_stmt* handle() const { return stmt_; }

  private:
    void check(int rc, const char* what) const;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

/// One SQLite connection. Opened in WAL mode with foreign keys off (sync applies records in any
/// order; references are validated by the domain layer) and synchronous=FULL by default.
class Database {
  public:
    struct Options {
        bool walMode = true;
        bool synchronousFull = true;  ///< FULL: an acknowledged commit survives a power cut.
        int busyTimeoutMs = 5000;
        /// Page cache of this connection in KiB (0: SQLite's default, 2 MiB). A hub committing
        /// large groups wants more: dirty pages that do not fit are spilled mid-transaction.
        int cacheSizeKiB = 0;
        /// Page size in bytes of a new file (0: SQLite's default, 4,096). Only a file that does
        /// not exist yet takes it: a database's page size is fixed when it is created.
        int pageSizeBytes = 0;
        /// WAL pages after which a commit checkpoints (0: SQLite's default, 1000; negative: never,
        /// for a process that checkpoints on a thread of its own, e.g. server::WalCheckpointer).
        int walAutocheckpointPages = 0;
    };

    explicit Database(const std::string& path);
    Database(const std::string& path, const Options& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more statements with no parameters (migrations, pragmas).
    void exec(std::string_view sql);
    [[nodiscard]] std::int64_t lastInsertRowid() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] int userVersion();
    void setUserVersion(int version);
    /// Runs PRAGMA integrity_check; returns "ok" or the first problems reported.
    [[nodiscard]] std::string integrityCheck();

    [[nodiscard]] sqlite3* handle() const { return db_; }
    [[nodiscard]] const std::string& path() const { return path_; }

  private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

/// A write transaction (BEGIN IMMEDIATE). Rolls back in the destructor unless commit() was called.
class Transaction {
  public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

  private:
    Database& db_;
    bool done_ = false;
};

}  // namespace cadre::replica
