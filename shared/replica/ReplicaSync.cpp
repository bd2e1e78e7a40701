// Replica, part two: the sync side — outbox, acknowledgements, applying remote changes, the log.
#include <algorithm>

#include "codec/ChangeCodec.h"
#include "domain/Schema.h"
#include "domain/Validation.h"
#include "replica/ChangeApplier.h"
#include "replica/RecordStore.h"
#include "replica/Replica.h"

namespace cadre::replica {

namespace {
LogPage readLog(Statement& st, std::size_t limit) {
    LogPage page;
    while (st.step()) {
        if (page.changes.size() == limit) {
            page.more = true;
            break;
        }
        page.nextCursor = st.integer(0);
        page.changes.push_back(codec::decodeChange(st.text(1)));
    }
    return page;
}
RawLogPage readRawLog(Statement& st, std::size_t limit) {
    RawLogPage page;
    while (st.step()) {
        if (page.changes.size() == limit) {
            page.more = true;
            break;
        }
        page.nextCursor = st.integer(0);
        page.changes.push_back(st.text(1));
    }
    return page;
}
}  // namespace

LogPage Replica::pending(std::int64_t cursor, std::size_t limit) {
    Statement st(db_,
                 "SELECT seq, change FROM sync_log WHERE origin = ?1 AND seq > ?2 ORDER BY seq");
    st.bind(1, deviceId_).bind(2, cursor);
    LogPage page = readLog(st, limit);
    if (page.changes.empty())
        page.nextCursor = cursor;
    return page;
}

void Replica::acknowledge(std::int64_t seq) {
    if (seq > lastSeq_)
        throw std::invalid_argument("acknowledge: sequence " + std::to_string(seq) +
                                    " was never issued (last is " + std::to_string(lastSeq_) + ")");
    if (options_.role == Role::Hub)
        return;  // the hub's log is the pull feed: it keeps everything
    transaction([&] {
        Statement st(db_, "DELETE FROM sync_log WHERE origin = ?1 AND origin_seq <= ?2");
        st.bind(1, deviceId_).bind(2, seq).run();
        setStateValue("acked_seq", Value(seq));
    });
}

std::int64_t Replica::pendingCount() {
    Statement st(db_, "SELECT count(*) FROM sync_log WHERE origin = ?1");
    st.bind(1, deviceId_);
    return st.step() ? st.integer(0) : 0;
}

std::int64_t Replica::lastSeq() {
    return lastSeq_;
}

std::int64_t Replica::originSeq(const std::string& origin) {
    auto it = origins_.find(origin);
    return it == origins_.end() ? 0 : it->second;
}

ApplyReport Replica::applyRemote(std::vector<Change> changes) {
    std::vector<domain::Issue> issues;
    for (std::size_t i = 0; i < changes.size(); ++i)
        domain::validateChange(changes[i], "changes[" + std::to_string(i) + "]", issues);
    if (!issues.empty())
        throw domain::ValidationError(std::move(issues));

    ApplyReport report;
    transaction([&] {
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Change& c = changes[i];
            const std::int64_t known = originSeq(c.origin);
            if (c.seq <= known) {
                ++report.replayed;
                continue;
            }
            if (c.origin == deviceId_ || c.seq != known + 1)
                throw SequenceGapError("changes[" + std::to_string(i) + "]: change " +
                                       std::to_string(c.seq) + " of device " + c.origin +
                                       " arrived but the last one applied is " +
                                       std::to_string(known));
            try {
                clock_.observe(c.hlc);
            } catch (const clock::ClockSkewError& e) {
                throw clock::ClockSkewError("changes[" + std::to_string(i) + "].hlc: " + e.what());
            }
            const domain::TableSpec& spec = *domain::findTable(c.table);
            RecordState state = store_->load(spec, c.row);
            const ApplyCounts counts = applyChange(*store_, spec, state, c);
            report.newConflicts += static_cast<std::size_t>(counts.newConflicts);
            ++report.applied;
            origins_[c.origin] = c.seq;
            dirtyOrigins_.insert(c.origin);
            if (options_.role == Role::Hub)
                appendLog(c, spec, state);
        }
    });
    return report;
}

RawLogPage Replica::rawChangesSince(std::int64_t cursor, std::size_t limit,
                                    const ReadScope& scope) {
    RawLogPage page;
    // One read transaction: the page and the end of the log come from the same snapshot.
    const bool ownTransaction = txDepth_ == 0;
    if (ownTransaction)
        db_.exec("BEGIN");
    try {
        if (scope.everything) {
            Statement st(db_, "SELECT seq, change FROM sync_log WHERE seq > ?1 ORDER BY seq");
            st.bind(1, cursor);
            page = readRawLog(st, limit);
        } else {
            const auto list = [](const std::vector<std::string>& ids) {
                std::string json = "[";
                for (const auto& id : ids)
                    json += (json.size() > 1 ? ",\"" : "\"") + id + "\"";
                return json + "]";  // ids are validated UUIDs: nothing to escape
            };
            Statement st(
                db_,
                "SELECT seq, change FROM sync_log WHERE seq > ?1 AND ("
                "scope_kind IN ('reference', 'people')"
                " OR (scope_kind = 'mission' AND scope_id IN (SELECT value FROM json_each(?2)))"
                " OR (scope_kind = 'training' AND scope_id IN (SELECT value FROM json_each(?3)))"
                " OR (scope_kind = 'member' AND scope_id IN (SELECT value FROM json_each(?4))))"
                " ORDER BY seq");
            st.bind(1, cursor)
                .bind(2, list(scope.missions))
                .bind(3, list(scope.trainings))
                .bind(4, list(scope.members));
            page = readRawLog(st, limit);
        }
        if (page.changes.empty())
            page.nextCursor = cursor;
        if (!page.more) {
            Statement end(db_, "SELECT coalesce(max(seq), 0) FROM sync_log");
            if (end.step())
                page.nextCursor = std::max(page.nextCursor, end.integer(0));
        }
        if (ownTransaction)
            db_.exec("COMMIT");
    } catch (...) {
        if (ownTransaction)
            db_.exec("ROLLBACK");
        throw;
    }
    return page;
}

LogPage Replica::changesSince(std::int64_t cursor, std::size_t limit, const ReadScope& scope) {
    RawLogPage raw = rawChangesSince(cursor, limit, scope);
    LogPage page;
    page.nextCursor = raw.nextCursor;
    page.more = raw.more;
    page.changes.reserve(raw.changes.size());
    for (const auto& json : raw.changes)
        page.changes.push_back(codec::decodeChange(json));
    return page;
}

}  // namespace cadre::replica
