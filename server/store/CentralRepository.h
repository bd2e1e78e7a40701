// CentralRepository: what the sync service needs from the server's store of every change — the
// hub — with the transactional contract each backend must keep. SQLite implements it today
// (SqliteRepository); a PostgreSQL backend can implement it later (docs/ARCHITECTURE.md says what
// it must guarantee). No SQLite type appears here: only Cadre's own types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/Accounts.h"
#include "codec/Change.h"
#include "codec/ChangeCodec.h"
#include "replica/Replica.h"  // Record, Conflict, ApplyReport, ScopeMark, RawLogPage, errors
#include "sync/Authorization.h"

namespace cadre::server {

class CentralRepository {
  public:
    /// Reads of the repository as one open scope (a group, a read, a snapshot) sees it. Valid only
    /// inside the body that received it; never kept beyond it.
    class Reads {
      public:
        virtual ~Reads() = default;
        /// The role and assignments of `user` (the missions and trainings their person is assigned
        /// to, live assignment rows only).
        [[nodiscard]] virtual Reach reachOf(const User& user) = 0;
        /// A record's current (winning) values; std::nullopt when the repository has no such
        /// record (a deleted record is returned, with `deleted` set).
        [[nodiscard]] virtual std::optional<replica::Record> get(const std::string& table,
                                                                 const std::string& id) = 0;
        /// The highest sequence number applied from device `origin` (0 if none).
        [[nodiscard]] virtual std::int64_t originSeq(const std::string& origin) = 0;
        /// Every open conflict.
        [[nodiscard]] virtual std::vector<replica::Conflict> conflicts() = 0;
        /// The ids of the attachment records (deleted ones included) that name blob `sha256`.
        [[nodiscard]] virtual std::vector<std::string> attachmentsNaming(
            const std::string& sha256) = 0;
    };

    /// The one write transaction of a group of pushes. Its reads see the group's own writes so
    /// far (including earlier batches of the same group).
    class Group : public Reads {
      public:
        /// The answer stored for a push of `device`'s changes `first`..`last`, when that very push
        /// was committed before (an idempotent replay); std::nullopt otherwise.
        [[nodiscard]] virtual std::optional<std::string> receipt(const std::string& device,
                                                                 std::int64_t first,
                                                                 std::int64_t last) = 0;
        /// Runs `body` as one batch. Batches do not nest.
        /// - BatchIsolation::Savepoint: a savepoint inside the group. When `body` throws, every
        ///   write it made is undone alone (the group's other batches are kept), the repository's
        ///   view (origin sequence numbers, …) is back to what it was before it, and the exception
        ///   goes on.
        /// - BatchIsolation::None: `body` writes straight into the group's transaction. When it
        ///   throws, nothing can be undone alone: batch() throws GroupAborted instead, and the
        ///   whole group is rolled back (group() throws GroupAborted too, even if `body` caught
        ///   it).
        virtual void batch(const std::function<void()>& body) = 0;
        /// Inside batch(): applies a device's pushed batch (Delivery::Direct, changes stored as
        /// they were sent), appending each change to the log. Throws replica::SequenceGapError,
        /// clock::ClockSkewError, replica::MissingRecordError or domain::ValidationError; what it
        /// wrote is then undone with its batch.
        virtual replica::ApplyReport applyPushed(const codec::PushedBatch& batch) = 0;
        /// Inside batch(): stores `response` as the answer to `device`'s push of `first`..`last`,
        /// so it commits — or is undone — with the changes it acknowledges.
        virtual void saveReceipt(const std::string& device, std::int64_t first, std::int64_t last,
                                 const std::string& response, std::int64_t receivedAtMs) = 0;
    };

    /// What a pull reads: committed data only.
    class Snapshot : public Reads {
      public:
        /// The log over `scopes`, each after its own mark, in commit order, as stored wire JSON,
        /// at most `limit` changes. Page and end of log come from one snapshot of committed data,
        /// and no change committed later can take a position at or below the page's nextCursor.
        [[nodiscard]] virtual replica::RawLogPage pullPage(
            const std::vector<replica::ScopeMark>& scopes, std::size_t limit) = 0;
    };

    /// How the batches of a group are kept apart (Group::batch).
    enum class BatchIsolation {
        /// Each batch under a savepoint: one that throws is undone alone and the group goes on.
        Savepoint,
        /// No savepoints: a batch that throws aborts the whole group (GroupAborted). A savepoint
        /// first copies every page its batch changes that existed before it (SQLite: 7 % of the
        /// writer thread's CPU under 50 devices); so when refused batches are rare, the cheaper
        /// way is a group without them, run again with savepoints when one batch throws.
        None,
    };

    /// Thrown by Group::batch() and then by group() when a batch of a group without savepoints
    /// threw: nothing of that group is kept. what() names the batch's own exception.
    class GroupAborted : public std::runtime_error {
      public:
        using std::runtime_error::runtime_error;
    };

    virtual ~CentralRepository() = default;

    /// Runs `body` in one write transaction, serialised with every other group, read(), resolve()
    /// and withHub(): all its batches commit together (one durable commit) or none of them does.
    /// When `body` throws, or the commit fails (disk full, I/O error), nothing of the group is
    /// durable and the exception goes on. The log positions of the group's changes are above every
    /// position committed before it. `isolation` says what a batch that throws undoes.
    virtual void group(BatchIsolation isolation, const std::function<void(Group&)>& body) = 0;

    /// Runs `body` on the latest committed state, serialised with groups (it never sees half of
    /// one). Writes nothing.
    virtual void read(const std::function<void(Reads&)>& body) = 0;

    /// Runs `body` on committed data only. May run concurrently with an open group — it then sees
    /// the state before that group, never part of it — and need not wait for it (SQLite: a second
    /// connection reading a WAL snapshot). Writes nothing.
    virtual void snapshot(const std::function<void(Snapshot&)>& body) = 0;

    /// Resolves the conflicts of one field (or of "deleted") by writing `value` over every live
    /// write of it, as `author`; one transaction of its own, serialised with groups, logged like
    /// any change. Throws domain::ValidationError or replica::WriteRefused, writing nothing.
    virtual void resolve(const std::string& author, const std::string& table,
                         const std::string& row, const std::string& column, const Value& value) = 0;

    /// SQLite-specific, for admin commands and tests: runs `body` on the hub replica itself,
    /// serialised with groups, reads and resolves. A backend that holds no hub replica throws
    /// std::logic_error.
    virtual void withHub(const std::function<void(replica::Replica&)>& body) = 0;
};

}  // namespace cadre::server
