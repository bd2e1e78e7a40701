// Replica, part two: the sync side — outbox, acknowledgements, applying remote changes, the log.
#include <algorithm>
#include <optional>

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
                 "SELECT seq, change FROM sync_log WHERE origin = ?1 AND seq > ?2 "
                 // own changes: origin_seq follows seq, and (origin, origin_seq) is indexed, so
                 // no sort of the whole outbox for every page
                 "ORDER BY origin_seq");
    st.bind(1, deviceId_).bind(2, cursor);
    LogPage page = readLog(st, limit);
    if (page.changes.empty())
        page.nextCursor = cursor;
    return page;
}

OutboxPage Replica::pendingWire(std::size_t limit, std::int64_t after) {
    Statement st(
        db_,
        "SELECT origin_seq, tbl, change FROM sync_log WHERE origin = ?1 AND origin_seq > ?3 "
        "ORDER BY origin_seq LIMIT ?2");
    st.bind(1, deviceId_).bind(2, static_cast<std::int64_t>(limit)).bind(3, after);
    OutboxPage page;
    while (st.step()) {
        const std::int64_t seq = st.integer(0);
        if (page.changes.empty())
            page.firstSeq = seq;
        page.lastSeq = seq;
        page.tables.push_back(st.text(1));
        page.changes.push_back(st.text(2));
    }
    return page;
}

void Replica::acknowledge(std::int64_t seq) {
    if (seq > lastSeq())
        throw std::invalid_argument("acknowledge: sequence " + std::to_string(seq) +
                                    " was never issued (last is " + std::to_string(lastSeq_) + ")");
    if (options_.role == Role::Hub)
        return;  // the hub's log is the pull feed: it keeps everything
    transaction([&] {
        // Remember the timestamp of the last acknowledged change: re-stamping never goes below it.
        Statement last(db_,
                       "SELECT change FROM sync_log WHERE origin = ?1 AND origin_seq <= ?2 "
                       "ORDER BY origin_seq DESC LIMIT 1");
        last.bind(1, deviceId_).bind(2, seq);
        if (last.step()) {
            const auto hlc = static_cast<std::int64_t>(codec::decodeChange(last.text(0)).hlc);
            setStateValue("acked_clock", Value(hlc));
        }
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
    if (txDepth_ == 0)
        refreshIfChangedElsewhere();
    return lastSeq_;
}

std::int64_t Replica::originSeq(const std::string& origin) {
    if (txDepth_ == 0)
        refreshIfChangedElsewhere();
    auto it = origins_.find(origin);
    return it == origins_.end() ? 0 : it->second;
}

ApplyReport Replica::applyRemote(std::vector<Change> changes, Delivery delivery) {
    std::vector<domain::Issue> issues;
    for (std::size_t i = 0; i < changes.size(); ++i)
        domain::validateChange(changes[i], "changes[" + std::to_string(i) + "]", issues);
    if (!issues.empty())
        throw domain::ValidationError(std::move(issues));
    return applyValidated(changes, delivery, nullptr);
}

ApplyReport Replica::applyPushed(const codec::PushedBatch& batch) {
    return applyValidated(batch.changes, Delivery::Direct, &batch.wire);
}

ApplyReport Replica::applyPulled(const codec::PullPage& page) {
    return applyValidated(page.changes, Delivery::Relayed, nullptr);
}

ApplyReport Replica::applyValidated(const std::vector<Change>& changes, Delivery delivery,
                                    const std::vector<std::string_view>* wire) {
    ApplyReport report;
    transaction([&] {
        for (std::size_t i = 0; i < changes.size(); ++i) {
            const Change& c = changes[i];
            const std::int64_t known = originSeq(c.origin);
            const bool own = c.origin == deviceId_;
            if (c.seq <= known && (delivery == Delivery::Direct || own)) {
                ++report.replayed;
                continue;
            }
            if (own || (delivery == Delivery::Direct && c.seq != known + 1))
                throw SequenceGapError("changes[" + std::to_string(i) + "]: change " +
                                       std::to_string(c.seq) + " of device " + c.origin +
                                       " arrived but the last one applied is " +
                                       std::to_string(known));
            try {
                clock_.observe(c.hlc);
                if (c.origin != deviceId_)
                    remoteHlc_ = std::max(remoteHlc_, c.hlc);
            } catch (const clock::ClockSkewError& e) {
                throw clock::ClockSkewError("changes[" + std::to_string(i) + "].hlc: " + e.what());
            }
            const domain::TableSpec& spec = *domain::findTable(c.table);
            RecordState state;
            std::optional<ApplyCounts> applied = applyCreation(*store_, spec, state, c);
            if (!applied) {
                state = store_->load(spec, c.row);
                applied = applyChange(*store_, spec, state, c);
            }
            const ApplyCounts& counts = *applied;
            report.newConflicts += static_cast<std::size_t>(counts.newConflicts);
            ++report.applied;
            setOrigin(c.origin, std::max(known, c.seq));
            if (options_.role == Role::Hub)
                appendLog(c, spec, state, wire ? (*wire)[i] : std::string_view());
        }
    });
    return report;
}

RawLogPage Replica::rawChangesIn(const std::vector<ScopeMark>& marks, std::size_t limit) {
    RawLogPage page;
    if (marks.empty())
        return page;
    std::int64_t lowest = marks.front().after;
    bool everything =
        false;  // "*" covers every scope: what follows its mark is all there is to read
    std::int64_t allAfter = 0;
    for (const auto& m : marks) {
        lowest = std::min(lowest, m.after);
        if (m.kind == "*") {
            everything = true;
            allAfter = m.after;
        }
    }
    // Each scope is one range of the index (scope_kind, scope_id, seq): read as a UNION ALL of
    // those ranges ordered by seq, SQLite merges them as it goes (MERGE (UNION ALL)) and stops at
    // the limit. An OR of the scopes instead reads and sorts every remaining change of every scope
    // for each page. A scope's rows never match another scope, so nothing comes twice.
    std::string sql;
    if (everything) {
        sql = "SELECT seq, change FROM sync_log WHERE seq > ? ORDER BY seq LIMIT ?";
    } else {
        for (std::size_t k = 0; k < marks.size(); ++k)
            sql += std::string(k ? " UNION ALL " : "") +
                   "SELECT seq, change FROM sync_log WHERE scope_kind = ? AND scope_id = ? AND "
                   "seq > ?";
        sql += " ORDER BY 1 LIMIT ?";
    }
    // One read transaction: the page and the end of the log come from the same snapshot.
    const bool ownTransaction = txDepth_ == 0;
    if (ownTransaction)
        db_.exec("BEGIN");
    try {
        Statement st(db_, sql);
        int i = 1;
        if (everything) {
            st.bind(i++, allAfter);
        } else {
            for (const auto& m : marks) {
                st.bind(i, m.kind).bind(i + 1, m.id).bind(i + 2, m.after);
                i += 3;
            }
        }
        st.bind(i++, static_cast<std::int64_t>(limit) + 1);  // one more tells whether more follow
        page = readRawLog(st, limit);
        if (page.changes.empty())
            page.nextCursor = lowest;
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

LogPage Replica::changesSince(std::int64_t cursor, std::size_t limit) {
    RawLogPage raw = rawChangesIn({ScopeMark{"*", "", cursor}}, limit);
    LogPage page;
    page.nextCursor = raw.nextCursor;
    page.more = raw.more;
    page.changes.reserve(raw.changes.size());
    for (const auto& json : raw.changes)
        page.changes.push_back(codec::decodeChange(json));
    return page;
}

}  // namespace cadre::replica
