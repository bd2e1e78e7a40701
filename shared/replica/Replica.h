// Replica: a local SQLite copy of the Cadre data whose every write is captured as a Change.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "clock/HybridClock.h"
#include "codec/Change.h"
#include "codec/ChangeCodec.h"
#include "domain/Schema.h"
#include "replica/Database.h"

namespace cadre::replica {

class RecordStore;
struct RecordState;

/// Field values for a local write, by column name.
using Fields = std::map<std::string, Value>;

/// A record as the application sees it: its current (winning) values.
struct Record {
    std::string table;
    std::string id;
    bool deleted = false;
    Fields fields;
};

/// One conflict: a value that lost a concurrent write, kept for headquarters to resolve.
struct Conflict {
    std::string table;
    std::string row;
    std::string column;  ///< a column, or "deleted" for an edit concurrent with a delete
    merge::Leaf winner;  ///< the value the record shows now
    merge::Leaf loser;   ///< the value that lost (who, when, which device)
};

/// Thrown for a local write the record's state does not allow (editing a deleted record,
/// creating one that exists, …). Nothing is written.
class WriteRefused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Thrown by applyRemote when a change skips a sequence number of its origin: something before
/// it is missing. Nothing of the batch is applied.
class SequenceGapError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// What applyRemote did.
struct ApplyReport {
    std::size_t applied = 0;       ///< changes applied
    std::size_t replayed = 0;      ///< changes already applied before (replays, own changes)
    std::size_t newConflicts = 0;  ///< registers that gained a conflict
};

/// One area of the hub log a pull reads (see domain::RecordScope: kind "reference", "people",
/// "mission", "training", "member"; or "*" for everything) and the log position after which
/// this reader still needs its changes.
struct ScopeMark {
    std::string kind;
    std::string id;  ///< empty for "*", "reference" and "people"
    std::int64_t after = 0;
    friend bool operator==(const ScopeMark&, const ScopeMark&) = default;
};

/// A page of the change log, for pulls (hub) or pushes (device outbox).
struct LogPage {
    std::vector<Change> changes;
    std::int64_t nextCursor = 0;  ///< pass back to get the following page
    bool more = false;            ///< true when more changes follow nextCursor now
};

/// A page of the log as stored: each change's wire JSON, for a server to send without re-encoding.
struct RawLogPage {
    std::vector<std::string> changes;
    /// Every change of the scopes asked with a position up to here has been returned (the last
    /// change's position when more follow, else the end of the log as read): each mark may move
    /// up to it.
    std::int64_t nextCursor = 0;
    bool more = false;
};

/// One Replica object is not thread-safe. Several Replica objects may open the same file (say,
/// one on a user interface thread and one in a background sync thread): each write transaction
/// reloads what another connection committed since.
/// A change the server refused for good, taken out of the device's outbox (see Replica::setAside).
struct SetAsideChange {
    std::int64_t id = 0;
    std::string table;
    std::string row;
    Change change;  ///< as it was pushed (its seq is no longer this device's)
    int status = 0;
    std::string code;
    std::string reason;
    std::int64_t atMs = 0;
};

/// A page of a device's outbox as stored: each change's wire JSON, ready to be sent as a batch.
struct OutboxPage {
    std::vector<std::string> changes;  ///< wire JSON, in sequence order
    std::vector<std::string> tables;   ///< the table of each change
    std::int64_t firstSeq = 0;         ///< sequence number of the first change (0: empty page)
    std::int64_t lastSeq = 0;          ///< of the last
};

class Replica {
  public:
    /// Device: a field device's replica; its log holds its own changes until acknowledged.
    /// Hub: the central repository; its log holds every change, in commit order, for pulls.
    enum class Role { Device, Hub };

    struct Options {
        Role role = Role::Device;
        std::string author = "unknown";  ///< the user whose writes these are
        clock::HybridClock::PhysicalSource clockSource = clock::HybridClock::systemMs;
        std::int64_t maxClockAheadMs = clock::HybridClock::kDefaultMaxAheadMs;
        Database::Options database;
        std::function<void(const std::string&)> log;  ///< migration and diagnostic messages
    };

    /// Opens (creating and migrating if needed) the replica at `path`. A new replica gets a new
    /// random device id. Throws DatabaseError or MigrationError.
    Replica(const std::string& path, Options options);
    ~Replica();
    Replica(const Replica&) = delete;
    Replica& operator=(const Replica&) = delete;

    [[nodiscard]] const std::string& deviceId() const { return deviceId_; }
    [[nodiscard]] Role role() const { return options_.role; }
    void setAuthor(std::string author) { options_.author = std::move(author); }
    [[nodiscard]] const std::string& author() const { return options_.author; }

    // --- Local writes: each validated, applied through the merge rules and captured as one
    // Change in the log. Throw domain::ValidationError (naming the fields) or WriteRefused.

    /// Creates a record and returns its id: derived from the natural key where the table has
    /// one (so two devices creating "the same" record create one), random otherwise.
    std::string insert(const std::string& table, const Fields& fields);
    /// Changes fields of a live record.
    void update(const std::string& table, const std::string& id, const Fields& fields);
    /// Deletes a record (a tombstone: its values stay, and it can be restored).
    void remove(const std::string& table, const std::string& id);
    /// Restores a deleted record.
    void restore(const std::string& table, const std::string& id);
    /// Resolves the conflicts of one field (or of "deleted") by writing `value` over every live
    /// write of it. The resolution is an ordinary change and syncs everywhere.
    void resolve(const std::string& table, const std::string& id, const std::string& column,
                 const Value& value);

    /// Runs `body` in one transaction: all its writes commit together or not at all.
    void transaction(const std::function<void()>& body);

    // --- Reads.
    [[nodiscard]] std::optional<Record> get(const std::string& table, const std::string& id);
    [[nodiscard]] std::vector<Conflict> conflicts();

    // --- Sync.
    /// Device: own changes not yet acknowledged, after `cursor` (0: from the first).
    [[nodiscard]] LogPage pending(std::int64_t cursor, std::size_t limit);
    /// Device: the first `limit` unacknowledged own changes after sequence `after` (0: from the
    /// first), as stored (no decoding: what a push sends).
    [[nodiscard]] OutboxPage pendingWire(std::size_t limit, std::int64_t after = 0);
    /// Device: the server holds every own change up to `seq`; they leave the outbox.
    void acknowledge(std::int64_t seq);
    [[nodiscard]] std::int64_t pendingCount();

    /// Device: takes changes the server refused for good (its rights will not change by retrying)
    /// out of the outbox, so the changes after them can go: each pending change whose sequence
    /// number is a key of `reasons`, and every later pending change of the same records (they
    /// build on it). They are kept, with the reason, in the set-aside list; the records keep
    /// their local values. The changes left are renumbered to follow on without a gap (the server
    /// has applied none of them). Returns how many changes were set aside.
    std::size_t setAside(const std::map<std::int64_t, std::string>& reasons, int status,
                         const std::string& code);
    /// Device: the changes set aside, oldest first.
    [[nodiscard]] std::vector<SetAsideChange> setAsideChanges();
    /// Device: forgets set-aside entries (the user has seen them); the records keep their values.
    void dismissSetAside(std::int64_t id);
    /// The last sequence number this device gave a change of its own.
    [[nodiscard]] std::int64_t lastSeq();

    /// How remote changes reach this replica.
    ///  - Direct: a device's own outbox, pushed to the hub. Each origin's changes come complete
    ///    and in sequence: a gap is refused (SequenceGapError), a number already applied is a
    ///    replay and is skipped.
    ///  - Relayed: pulled from the hub, which sends each device only what it may read — a
    ///    subsequence of each origin's changes — exactly once (the pull cursor is stored in the
    ///    same transaction as the changes). Gaps are expected; the device's own changes coming
    ///    back are skipped, and writes already live are recognised by the merge rules.
    enum class Delivery { Direct, Relayed };

    /// Applies remote changes atomically: every change, or none (on any exception). Throws
    /// domain::ValidationError, SequenceGapError (Direct), clock::ClockSkewError,
    /// MissingRecordError.
    ApplyReport applyRemote(std::vector<Change> changes, Delivery delivery = Delivery::Direct);

    /// Hub: applies a batch pushed by a device (Delivery::Direct), as decoded and validated by
    /// codec::decodePushedBatch — not validated again — and logs each change as the JSON text it
    /// arrived in. Throws as applyRemote.
    ApplyReport applyPushed(const codec::PushedBatch& batch);

    /// Device: applies a pulled page (Delivery::Relayed) as decoded and validated by
    /// codec::decodePullPage — not validated again. Throws as applyRemote.
    ApplyReport applyPulled(const codec::PullPage& page);

    /// Runs `body` inside a SAVEPOINT of the current transaction (one is required): if it throws,
    /// its writes are undone — the rest of the transaction is kept — and the exception goes on.
    /// Lets a hub commit several devices' batches at once while refusing one of them alone.
    void savepoint(const std::function<void()>& body);

    /// Hub: every change after `cursor`, in commit order (each exactly once across pages). When
    /// no more follow, nextCursor is the end of the log as read.
    [[nodiscard]] LogPage changesSince(std::int64_t cursor, std::size_t limit);
    /// Hub: the changes of the given scopes, each after its own mark, in commit order, as stored
    /// wire JSON. Page and end of log come from one snapshot.
    [[nodiscard]] RawLogPage rawChangesIn(const std::vector<ScopeMark>& marks, std::size_t limit);
    /// The highest sequence number applied from `origin` (0 if none).
    [[nodiscard]] std::int64_t originSeq(const std::string& origin);

    // --- Inspection.
    /// SHA-256 (hex) over every synced record, its versions and its live leaves: two replicas
    /// that hold the same data have the same hash.
    [[nodiscard]] std::string stateHash();
    [[nodiscard]] clock::HybridClock& clock() { return clock_; }
    /// Device: after learning that its clock ran ahead (the clock's last value is beyond the
    /// corrected time by more than `toleranceMs`), gives this device's unacknowledged changes made
    /// since the clock ran ahead their times corrected by the clock offset (when they were really
    /// made), in the same order and above everything already seen, with every version they carry
    /// (in the outbox, in sync_meta, in sync_leaf, in later changes' bases) renamed — so a device
    /// whose clock lied does not win every later edit of others. Returns how many changes were
    /// re-stamped (0 when the clock is fine). Throws what transaction() throws.
    std::size_t restampPending(std::int64_t toleranceMs = 60'000);

    /// A local setting of this replica (sync bookkeeping: pull cursor, token, server address);
    /// empty when unset. Local settings never sync.
    [[nodiscard]] std::string localSetting(const std::string& key);
    void setLocalSetting(const std::string& key, const std::string& value);

    /// Records the clock offset learned from the server and persists it.
    void setClockOffset(std::int64_t offsetMs);
    [[nodiscard]] Database& database() { return db_; }

  private:
    enum class WriteKind { Create, Edit, Delete, Restore, Resolve };
    void write(WriteKind kind, const std::string& table, const std::string& id,
               const Fields& fields);
    void appendLog(const Change& change, const domain::TableSpec& spec, const RecordState& state,
                   std::string_view wire = {});
    ApplyReport applyValidated(const std::vector<Change>& changes, Delivery delivery,
                               const std::vector<std::string_view>* wire);
    void loadState();
    void refreshIfChangedElsewhere();
    std::int64_t readDataVersion();
    void setOrigin(const std::string& origin, std::int64_t seq);
    void persistState();
    std::string stateValue(const std::string& key);
    void setStateValue(const std::string& key, const Value& value);

    Options options_;
    Database db_;
    clock::HybridClock clock_;
    std::unique_ptr<RecordStore> store_;
    std::string deviceId_;
    std::int64_t lastSeq_ = 0;
    clock::Hlc remoteHlc_ = 0;  ///< the greatest timestamp received from another device
    std::map<std::string, std::int64_t> origins_;  ///< cache of sync_origin
    std::set<std::string> dirtyOrigins_;           ///< origins to write at commit
    std::unique_ptr<Statement> appendLog_;
    std::unique_ptr<Statement> dataVersionQuery_;
    int txDepth_ = 0;
    /// While a savepoint runs: each origin it changed, with its value before (none: absent).
    std::map<std::string, std::optional<std::int64_t>>* savepointUndo_ = nullptr;
    std::int64_t dataVersion_ = -1;  ///< PRAGMA data_version when the cached state was read
};

}  // namespace cadre::replica
