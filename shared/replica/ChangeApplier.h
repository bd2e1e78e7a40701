// ChangeApplier: applies one Change to one record through the merge rules — the single write path
// shared by local edits and remote changes.
#pragma once

#include <optional>
#include <stdexcept>

#include "codec/Change.h"
#include "replica/RecordStore.h"

namespace cadre::replica {

/// Thrown when a change edits a record this replica has never seen created: its creation has not
/// arrived, which the causal order of sync rules out unless something upstream lost it.
class MissingRecordError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// What applying one change did, register by register.
struct ApplyCounts {
    int won = 0;           ///< writes that became the field's value
    int lost = 0;          ///< writes kept as non-winning leaves
    int alreadyKnown = 0;  ///< writes already live here
    int newConflicts = 0;  ///< registers that had no conflict before and have one now
};

/// Applies `change` to the record `state` (loaded by the caller from `store`) and saves what
/// changed. The change must have been validated against `table`.
ApplyCounts applyChange(RecordStore& store, const domain::TableSpec& table, RecordState& state,
                        const Change& change);

/// Applies a change that creates a record without loading the record first: most such changes
/// make a record this replica has never seen, and trying the insert at once spares the lookup.
/// On success `state` is the record as saved. Returns std::nullopt, having written nothing and
/// left `state` alone, when the change does not create a record, has no field, or the record
/// exists after all (the same natural key created on two devices): the caller then loads the
/// record and applies the change with applyChange.
[[nodiscard]] std::optional<ApplyCounts> applyCreation(RecordStore& store,
                                                       const domain::TableSpec& table,
                                                       RecordState& state, const Change& change);

}  // namespace cadre::replica
