// Register: the field-level merge rules — pure data and functions, no SQL, no I/O.
//
// Every field of every record (and the record's `deleted` flag) is a *register*. Each write to a
// register is identified by its Version: the HLC of the change and the id of the device that made
// it. A write names its *bases*: the versions of that register its author had in front of them.
//
// The writes to one register form a graph (each write points at its bases). Its *leaves* — writes
// no later write was based on — are the values still "alive". The rules:
//
//  1. Applying a write removes its bases from the leaves and adds the write itself.
//     Because writes are delivered causally (a write's bases are always known before it), the leaf
//     set does not depend on the order in which concurrent writes arrive.
//  2. The *winner* is the leaf with the greatest Version (HLC, then device id): deterministic on
//     every replica. Since a write's HLC exceeds its bases', the winner never falls back to an
//     older value.
//  3. Any other leaf whose value differs from the winner's is a *conflict*: a value someone typed
//     that lost without its author or anyone else having seen the winner. It is kept — value, who,
//     when, which device — until somebody writes over it knowingly (a resolution).
//     A leaf with the same value as the winner is not a conflict: nothing was lost.
//  4. An ordinary local edit is based on what the user saw: the winner and the leaves agreeing with
//     it. Open conflicts stay open until resolved. A *resolution* is based on every leaf, so it
//     closes them all; it is an ordinary write and syncs like any other.
//  5. Applying a write that is already live (its version is a leaf, or the winner) changes nothing.
//     Replays of writes that were since superseded are filtered earlier, by the replica's record of
//     each origin device's sequence numbers: the rules here assume each write arrives once.
//
// Deletes use the same rules on the `deleted` register: every edit writes deleted=0 based on the
// flag its author saw, a delete writes deleted=1. A delete concurrent with an edit therefore leaves
// two disagreeing leaves — a conflict like any other — and a restore is an edit of the flag.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/Value.h"

namespace cadre::merge {

/// Identifies one write to one register: its change's HLC, then its device id.
struct Version {
    std::uint64_t hlc = 0;
    std::string device;

    friend auto operator<=>(const Version&, const Version&) = default;
    friend bool operator==(const Version&, const Version&) = default;
};

/// The version of values that came with the reference data or predate sync (hlc 0, no device).
inline const Version kSeedVersion{};

/// One live write of a register.
struct Leaf {
    Version version;
    Value value;
    std::string author;  ///< the user who wrote it

    friend bool operator==(const Leaf&, const Leaf&) = default;
};

/// A write arriving at a register.
struct Write {
    Leaf leaf;
    std::vector<Version> bases;
};

/// The live state of one register: the winner and every other leaf (sorted by version).
struct RegisterState {
    std::optional<Leaf> winner;
    std::vector<Leaf> others;

    /// The leaves other than the winner whose value differs from the winner's.
    [[nodiscard]] std::vector<const Leaf*> conflicts() const;
    [[nodiscard]] bool hasConflict() const;
    /// Every version that is live in this register (winner first).
    [[nodiscard]] std::vector<Version> allVersions() const;
};

/// What applying a write did.
enum class Outcome {
    AlreadyKnown,  ///< the write was already applied: nothing changed
    Won,           ///< the write is the new winner
    Lost,          ///< the write is kept as a non-winning leaf
};

/// Applies `write` to `state` by the rules above.
[[nodiscard]] Outcome applyWrite(RegisterState& state, const Write& write);

/// For a register with no leaf but its winner (`winner`, or nullptr when it has none yet):
/// whether a write of `version` based on `bases` supersedes everything live, so that applyWrite
/// would make it the winner with no other leaf. That is the case of every field of a new record,
/// and of an edit made with the latest value in front of its author: a replica can then store the
/// write as the winner without building the register's leaves. False for the winner itself (a
/// write already applied).
[[nodiscard]] bool replacesSoleWinner(const Version* winner, const Version& version,
                                      const std::vector<Version>& bases);

/// The bases of an ordinary local edit: the winner and the leaves agreeing with it.
[[nodiscard]] std::vector<Version> basesForEdit(const RegisterState& state);

/// The bases of a resolution: every live leaf.
[[nodiscard]] std::vector<Version> basesForResolution(const RegisterState& state);

}  // namespace cadre::merge
