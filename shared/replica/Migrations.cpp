// Migrations: applies schema/migrations/NNNN_name.sql steps in order, keyed on PRAGMA user_version.
#include "replica/Migrations.h"

#include <chrono>
#include <cstdio>
#include <vector>

#include "schema/EmbeddedMigrations.h"

namespace cadre::replica {

namespace {

using schema::Migration;

/// The embedded steps, checked at every call (it is cheap): versions must be exactly 1, 2, …, N.
const std::vector<Migration>& checkedMigrations() {
    const auto& all = schema::embeddedMigrations();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].version != static_cast<int>(i) + 1) {
            throw MigrationError("embedded migrations are not numbered 1..N without gaps: step " +
                                 std::to_string(i + 1) + " is version " +
                                 std::to_string(all[i].version) + " (" + std::string(all[i].name) +
                                 ")");
        }
    }
    return all;
}

std::string label(const Migration& m) {
    char number[16];
    std::snprintf(number, sizeof number, "%04d", m.version);
    return std::string(number) + " " + std::string(m.name);
}

/// Applies the step that follows the database's current version, if it is still below `target`.
/// Returns false when there was nothing left to do. The version is read inside the transaction,
/// so two connections migrating the same file never apply one step twice.
bool applyNext(Database& db, const std::vector<Migration>& all, int target,
               const MigrationLog& log) {
    const auto started = std::chrono::steady_clock::now();
    std::string what = "migrate: cannot start a step";
    try {
        Transaction tx(db);
        const int from = db.userVersion();
        if (from >= target)
            return false;  // the transaction rolls back: it changed nothing
        const Migration& step = all[static_cast<std::size_t>(from)];
        what = "migrate: " + label(step) + " (" + std::to_string(from) + " → " +
               std::to_string(step.version) + ")";
        db.exec(step.sql);
        db.setUserVersion(step.version);
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

int migrateTo(Database& db, int targetVersion, const MigrationLog& log) {
    const auto& all = checkedMigrations();
    const int newest = static_cast<int>(all.size());
    const int current = db.userVersion();
    if (current > newest) {
        throw MigrationError("database schema version " + std::to_string(current) +
                             " is newer than this build (" + std::to_string(newest) + ")");
    }
    if (targetVersion < 0 || targetVersion > newest) {
        throw MigrationError("schema version " + std::to_string(targetVersion) +
                             " is unknown to this build (newest: " + std::to_string(newest) + ")");
    }
    if (targetVersion < current) {
        throw MigrationError("database schema version " + std::to_string(current) +
                             " is above the requested " + std::to_string(targetVersion) +
                             ": migrations never go down");
    }
    int applied = 0;
    while (applyNext(db, all, targetVersion, log))
        ++applied;
    return applied;
}

int migrate(Database& db, const MigrationLog& log) {
    return migrateTo(db, static_cast<int>(checkedMigrations().size()), log);
}

}  // namespace cadre::replica
