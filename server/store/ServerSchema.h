// ServerSchema: brings the server-only tables (schema/server/*.sql) to the newest version.
#pragma once

#include <vector>

#include "replica/Database.h"
#include "replica/Migrations.h"
#include "schema/EmbeddedMigrations.h"

namespace cadre::schema {

/// Every schema/server migration, in ascending version order (1, 2, 3, … without gaps).
/// Generated at build time by server/CMakeLists.txt.
[[nodiscard]] const std::vector<Migration>& embeddedServerMigrations();

}  // namespace cadre::schema

namespace cadre::server {

/// The server schema's version track: table server_schema (one row), separate from PRAGMA
/// user_version, which belongs to the replica schema sharing the same database file.
/// Returns 0 for a database the server has never migrated.
[[nodiscard]] int serverSchemaVersion(replica::Database& db);

/// Brings `db` to the newest embedded server schema version, as replica::migrate() does for the
/// replica: each step in its own transaction (BEGIN IMMEDIATE … COMMIT, the version set inside
/// it and read inside it, so two connections never apply one step twice), each reported to `log`
/// as "migrate server: NNNN name (from → to) in X ms". Returns the number of steps applied.
/// Throws replica::MigrationError if the database is newer than this build, if the embedded
/// migrations are not numbered 1..N without gaps, or if a step fails (that step is rolled back
/// wholly and the version keeps the last step that succeeded).
int migrateServerSchema(replica::Database& db, const replica::MigrationLog& log = {});

}  // namespace cadre::server
