// ServerSchema: applies schema/server/NNNN_name.sql steps in order, keyed on table server_schema.
#include "store/ServerSchema.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace cadre::server {

namespace {

using replica::Database;
using replica::DatabaseError;
using replica::MigrationError;
using replica::Statement;
using schema::Migration;

/// The embedded steps, checked at every call (it is cheap): versions must be exactly 1, 2, …, N.
const std::vector<Migration>& checkedMigrations() {
    const auto& all = schema::embeddedServerMigrations();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].version != static_cast<int>(i) + 1) {
            throw MigrationError(
                "embedded server migrations are not numbered 1..N without gaps: step " +
                std::to_string(i + 1) + " is version " + std::to_string(all[i].version) + " (" +
                std::string(all[i].name) + ")");
        }
    }
    return all;
}

std::string label(const Migration& m) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", m.version);
    return std::string(number) + " " + std::string(m.name);
}

/// One row (id = 1) holding the version; created inside the first step's transaction.
void ensureVersionTable(Database& db) {
    db.exec(
        "CREATE TABLE IF NOT EXISTS server_schema ("
        "id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL CHECK (version >= 0))");
}

void setVersion(Database& db, int version) {
    Statement st(db,
                 "INSERT INTO server_schema (id, version) VALUES (1, ?1) "
                 "ON CONFLICT (id) DO UPDATE SET version = excluded.version");
    st.bind(1, static_cast<std::int64_t>(version));
    st.run();
}

/// Applies the step that follows the database's current version, if it is below `target`.
/// Returns false when there was nothing left to do.
bool applyNext(Database& db, const std::vector<Migration>& all, int target,
               const replica::MigrationLog& log) {
    const auto started = std::chrono::steady_clock::now();
    std::string what = "migrate server: cannot start a step";
    try {
        replica::Transaction tx(db);
        ensureVersionTable(db);
        const int from = serverSchemaVersion(db);
        if (from >= target)
            return false;  // the transaction rolls back: it changed nothing
        const Migration& step = all[static_cast<std::size_t>(from)];
        what = "migrate server: " + label(step) + " (" + std::to_string(from) + " → " +
               std::to_string(step.version) + ")";
        db.exec(step.sql);
        setVersion(db, step.version);
        tx.commit();
    } catch (const DatabaseError& e) {
        throw MigrationError(what + " failed, rolled back: " + e.what());
    }
    if (log) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
        log(what + " in " + std::to_string(ms) + " ms");
    }
    return true;
}

}  // namespace

int serverSchemaVersion(Database& db) {
    Statement exists(db,
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                     "AND name = 'server_schema'");
    if (!exists.step() || exists.integer(0) == 0)
        return 0;
    Statement st(db, "SELECT version FROM server_schema WHERE id = 1");
    return st.step() ? static_cast<int>(st.integer(0)) : 0;
}

int migrateServerSchema(Database& db, const replica::MigrationLog& log) {
    const auto& all = checkedMigrations();
    const int newest = static_cast<int>(all.size());
    const int current = serverSchemaVersion(db);
    if (current > newest) {
        throw MigrationError("server schema version " + std::to_string(current) +
                             " is newer than this build (" + std::to_string(newest) + ")");
    }
    int applied = 0;
    while (applyNext(db, all, newest, log))
        ++applied;
    return applied;
}

}  // namespace cadre::server
