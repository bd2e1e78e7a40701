#include "replica/ChangeApplier.h"

namespace cadre::replica {

namespace {

/// Merges `change` into `state` register by register; true when a register changed and the row
/// must be saved. It writes only the other leaves of a register that has or gets some, never
/// the row: a record that does not exist has no leaves, and one write alone makes none.
bool mergeInto(RecordStore& store, const domain::TableSpec& table, RecordState& state,
               const Change& change, ApplyCounts& counts) {
    bool dirty = false;
    const merge::Version version = change.version();
    for (const auto& f : change.fields) {
        const std::size_t reg = registerIndex(table, f.column);
        const bool hadOthers = state.meta[reg].hasOthers;
        if (!hadOthers) {
            // The common case — a new record, or an edit of the latest value — without copying
            // the register into a merge::RegisterState and back: the write becomes the winner,
            // alone, as merge::applyWrite would make it.
            auto& m = state.meta[reg];
            const bool hasWinner = state.exists && m.present;
            if (merge::replacesSoleWinner(hasWinner ? &m.version : nullptr, version, f.bases)) {
                state.values[reg] = f.value;
                m.present = true;
                m.version = version;
                m.author = change.author;
                ++counts.won;
                dirty = true;
                continue;
            }
        }
        auto rs = registerState(
            state, reg,
            hadOthers ? store.loadOthers(table, change.row, reg) : std::vector<merge::Leaf>{});
        const bool conflictBefore = rs.hasConflict();
        const auto outcome = merge::applyWrite(
            rs, merge::Write{merge::Leaf{change.version(), f.value, change.author}, f.bases});
        if (outcome == merge::Outcome::AlreadyKnown) {
            ++counts.alreadyKnown;
            continue;
        }
        outcome == merge::Outcome::Won ? ++counts.won : ++counts.lost;
        if (!conflictBefore && rs.hasConflict())
            ++counts.newConflicts;
        state.values[reg] = rs.winner->value;
        auto& m = state.meta[reg];
        m.present = true;
        m.version = rs.winner->version;
        m.author = rs.winner->author;
        m.hasOthers = !rs.others.empty();
        if (hadOthers || m.hasOthers)
            store.saveOthers(table, change.row, reg, rs);
        dirty = true;
    }
    return dirty;
}

}  // namespace

ApplyCounts applyChange(RecordStore& store, const domain::TableSpec& table, RecordState& state,
                        const Change& change) {
    if (!state.exists && !change.created)
        throw MissingRecordError("change " + change.origin + "#" + std::to_string(change.seq) +
                                 " edits " + table.name + " " + change.row +
                                 ", whose creation this replica has not received");
    ApplyCounts counts;
    if (mergeInto(store, table, state, change, counts)) {
        store.save(table, change.row, state);  // inserts a new row, updates an existing one
        state.exists = true;
    }
    return counts;
}

std::optional<ApplyCounts> applyCreation(RecordStore& store, const domain::TableSpec& table,
                                         RecordState& state, const Change& change) {
    if (!change.created)
        return std::nullopt;
    RecordState fresh = RecordStore::absent(table);
    ApplyCounts counts;
    // Without a write there is no insert to try, and nothing to tell an absent record by.
    if (!mergeInto(store, table, fresh, change, counts) ||
        !store.insertIfAbsent(table, change.row, fresh))
        return std::nullopt;
    fresh.exists = true;
    state = std::move(fresh);
    return counts;
}

}  // namespace cadre::replica
