// RecordStore: the one gateway between merge rules and SQLite for records, versions and leaves.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/Schema.h"
#include "merge/Register.h"
#include "replica/Database.h"
#include "replica/MetaCodec.h"

namespace cadre::replica {

/// A record as the merge sees it: one value and one RegisterMeta per register.
struct RecordState {
    bool exists = false;        ///< the domain row exists
    std::vector<Value> values;  ///< [0] deleted, [i + 1] column i of the spec
    RecordMeta meta;
};

/// The column of every synced table that holds the versions of its registers (MetaCodec's blob;
/// NULL for reference data never edited since a migration seeded it).
inline constexpr const char* kVersionsColumn = "sync_versions";

/// Register numbering shared by RecordStore, MetaCodec and the replica.
[[nodiscard]] std::size_t registerCount(const domain::TableSpec& table);
[[nodiscard]] const std::string& registerName(const domain::TableSpec& table, std::size_t reg);
/// The register of `column` (kDeletedColumn or a spec column); throws std::out_of_range.
[[nodiscard]] std::size_t registerIndex(const domain::TableSpec& table, std::string_view column);

/// The live state of one register, built from a loaded record and its stored other leaves.
[[nodiscard]] merge::RegisterState registerState(const RecordState& record, std::size_t reg,
                                                 std::vector<merge::Leaf> others);

class RecordStore {
  public:
    explicit RecordStore(Database& db);
    ~RecordStore();

    /// Loads a record. A row with no versions (reference data seeded by a migration) gets the
    /// seed version on every register, so its values take part in merges like any other write.
    [[nodiscard]] RecordState load(const domain::TableSpec& table, const std::string& id);
    /// Inserts or updates the row, its versions included.
    void save(const domain::TableSpec& table, const std::string& id, const RecordState& record);
    /// The state `load` gives for an id with no row: every register absent.
    [[nodiscard]] static RecordState absent(const domain::TableSpec& table);
    /// Inserts the row of a record not loaded first, unless a row with that id exists: then it
    /// writes nothing and returns false. Any other constraint still throws, as `save` does.
    [[nodiscard]] bool insertIfAbsent(const domain::TableSpec& table, const std::string& id,
                                      const RecordState& record);

    /// The live writes of a register other than its winner, sorted by version.
    [[nodiscard]] std::vector<merge::Leaf> loadOthers(const domain::TableSpec& table,
                                                      const std::string& id, std::size_t reg);
    /// Replaces the stored other leaves of a register with `state.others`.
    void saveOthers(const domain::TableSpec& table, const std::string& id, std::size_t reg,
                    const merge::RegisterState& state);

  private:
    struct TableStatements;
    TableStatements& statements(const domain::TableSpec& table);

    Database& db_;
    std::unordered_map<std::string, std::unique_ptr<TableStatements>> tables_;
    Statement selectLeaves_;
    Statement deleteLeaves_;
    Statement insertLeaf_;
};

}  // namespace cadre::replica
