// Migrations: brings a SQLite database to the newest embedded schema version, one logged step each.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

#include "replica/Database.h"

namespace cadre::replica {

/// Thrown when a database is newer than this build or a migration fails; what() says which step.
class MigrationError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Receives one line per applied step.
using MigrationLog = std::function<void(const std::string&)>;

/// Brings `db` to the newest embedded schema version. Each step runs in its own transaction
/// (BEGIN IMMEDIATE … COMMIT, user_version set inside it), and is reported to `log` as
/// "migrate: NNNN name (from → to) in X ms". Returns the number of steps applied.
/// Throws MigrationError if the database is newer than this build, if the embedded migrations are
/// not numbered 1..N without gaps, or if a step fails (that step is rolled back wholly and
/// user_version keeps the last step that succeeded).
int migrate(Database& db, const MigrationLog& log = {});

/// Applies only the steps up to and including `targetVersion` (for fixtures and tests).
/// Throws MigrationError as migrate() does, and if `targetVersion` is unknown to this build or
/// below the database's version (there are no downgrades).
int migrateTo(Database& db, int targetVersion, const MigrationLog& log = {});

}  // namespace cadre::replica
