// Schema: the description of every synced table and column, used to validate changes at the edge.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace cadre::domain {

/// How a column's value is typed on the wire and in SQLite.
enum class ColumnType {
    Text,      ///< UTF-8 text of at most maxLength code points (SQLite TEXT).
    Integer,   ///< 64-bit integer within [min, max] (SQLite INTEGER).
    Real,      ///< finite double within [min, max] (SQLite REAL).
    Boolean,   ///< 0 or 1 (SQLite INTEGER).
    Date,      ///< calendar date "YYYY-MM-DD" (SQLite TEXT).
    DateTime,  ///< UTC instant "YYYY-MM-DDTHH:MM:SSZ" (SQLite TEXT).
    Uuid,      ///< lower-case canonical UUID text (SQLite TEXT), usually a reference.
    Enum,      ///< one of enumValues (SQLite TEXT).
};

[[nodiscard]] const char* toString(ColumnType type);

/// One column of a synced table. Every synced table also has `id` (the record's UUID, primary key)
/// and `deleted` (0/1 tombstone): those two are implicit and not listed in TableSpec::columns.
struct ColumnSpec {
    std::string name;
    ColumnType type = ColumnType::Text;
    bool required =
        false;  ///< NOT NULL: must be given when the record is created, never set to NULL.
    std::size_t maxLength = 0;  ///< Text: maximum length in code points (0: no limit beyond 1 MiB).
    double min = std::numeric_limits<double>::lowest();  ///< Integer, Real: smallest accepted.
    double max = std::numeric_limits<double>::max();     ///< Integer, Real: largest accepted.
    std::vector<std::string> enumValues;                 ///< Enum: the accepted values.
    std::string references;  ///< Uuid: the table whose record this names, or empty.
};

/// One synced table: a domain entity whose records sync field by field.
struct TableSpec {
    std::string name;
    std::vector<ColumnSpec> columns;
    /// Columns whose values determine the record's id (see namedRecordId): two devices that create
    /// "the observation of standard 3 in mission M" offline create the same record, not two.
    /// Empty: the id is a random UUID made where the record is created.
    std::vector<std::string> naturalKey;

    /// The column called `name`, or nullptr.
    [[nodiscard]] const ColumnSpec* column(std::string_view columnName) const;
    /// The position of the column in `columns`, or std::nullopt.
    [[nodiscard]] std::optional<std::size_t> columnIndex(std::string_view columnName) const;
};

/// Every synced table of the current schema version, in dependency order (referenced tables first).
[[nodiscard]] const std::vector<TableSpec>& syncedTables();

/// The synced table called `name`, or nullptr.
[[nodiscard]] const TableSpec* findTable(std::string_view name);

/// The schema version (PRAGMA user_version) these specs describe.
[[nodiscard]] int currentSchemaVersion();

}  // namespace cadre::domain
