// RecordScope: which mission, training or shared area a record belongs to — what decides who may
// read and write it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "domain/Value.h"

namespace cadre::domain {

/// The area a record belongs to.
///  - "reference": catalogue editions, standards, regions, Members (everyone reads; admin/HQ
///  write);
///  - "people": person records (everyone signed in reads: rosters and mission teams need them);
///  - "mission" + the mission's id: the mission and everything recorded in it;
///  - "training" + the training's id: the training and its sessions, enrolments, attendance;
///  - "member" + the Member's id: action-plan steps not tied to a mission (HQ's to follow).
struct RecordScope {
    std::string kind;
    std::string id;  ///< empty for "reference" and "people"
    friend bool operator==(const RecordScope&, const RecordScope&) = default;
};

/// Reads a column of the record whose scope is wanted (nullopt: not known).
using OwnField = std::function<std::optional<Value>(const std::string& column)>;
/// Reads a column of another record (a parent): nullopt when that record is not known.
using RecordLookup = std::function<std::optional<Value>(
    const std::string& table, const std::string& id, const std::string& column)>;

/// The scope of a record of `table`. Parent records are read through `lookup` (an attendance row
/// belongs to the training of its session; an attachment to its owner's scope). Returns nullopt
/// when a needed field or parent is unknown. Throws std::invalid_argument for an unknown table.
[[nodiscard]] std::optional<RecordScope> scopeOf(const std::string& table, const OwnField& field,
                                                 const RecordLookup& lookup);

}  // namespace cadre::domain
