// EmbeddedMigrations: the SQL files of schema/migrations, compiled into the binary in order.
#pragma once

#include <string_view>
#include <vector>

namespace cadre::schema {

/// One migration step: schema/migrations/NNNN_name.sql brings the database to user_version NNNN.
struct Migration {
    int version;
    std::string_view name;
    std::string_view sql;
};

/// Every migration, in ascending version order (versions are 1, 2, 3, … without gaps).
[[nodiscard]] const std::vector<Migration>& embeddedMigrations();

}  // namespace cadre::schema
