// Change: one device's write to one record — the unit captured, pushed, pulled and merged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/Value.h"
#include "merge/Register.h"

namespace cadre {

/// The name of the pseudo-column that holds a record's tombstone (0 live, 1 deleted).
inline constexpr const char* kDeletedColumn = "deleted";

/// One field written by a change. Its version is (change.hlc, change.origin).
struct FieldWrite {
    std::string column;  ///< a column of the table, or kDeletedColumn
    Value value;
    std::vector<merge::Version> bases;  ///< the versions of this field its author had seen

    friend bool operator==(const FieldWrite&, const FieldWrite&) = default;
};

/// Everything one local transaction wrote to one record.
struct Change {
    std::string origin;    ///< the device that made the change
    std::int64_t seq = 0;  ///< the origin's own sequence number: 1, 2, 3, … without gaps
    std::uint64_t hlc = 0;
    std::string author;  ///< the user who made it
    std::string table;
    std::string row;       ///< the record's UUID
    bool created = false;  ///< true when this change creates the record
    std::vector<FieldWrite> fields;

    [[nodiscard]] merge::Version version() const { return {hlc, origin}; }
    friend bool operator==(const Change&, const Change&) = default;
};

}  // namespace cadre
