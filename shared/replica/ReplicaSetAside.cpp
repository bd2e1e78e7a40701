// Replica, part five: setting aside the changes the server refused for good, so the device's
// later changes are not held up behind them.
#include <set>
#include <stdexcept>

#include "codec/ChangeCodec.h"
#include "replica/Replica.h"

namespace cadre::replica {

std::size_t Replica::setAside(const std::map<std::int64_t, std::string>& reasons, int status,
                              const std::string& code) {
    if (options_.role == Role::Hub)
        throw std::logic_error("Replica::setAside: the hub has no outbox");
    if (reasons.empty())
        return 0;
    std::size_t moved = 0;
    transaction([&] {
        struct Entry {
            std::int64_t logSeq, originSeq;
            std::string table, row, change;
        };
        std::vector<Entry> outbox;
        Statement read(
            db_,
            "SELECT seq, origin_seq, tbl, row_id, change FROM sync_log WHERE origin = ?1 "
            "ORDER BY origin_seq");
        read.bind(1, deviceId_);
        while (read.step())
            outbox.push_back(
                {read.integer(0), read.integer(1), read.text(2), read.text(3), read.text(4)});
        if (outbox.empty())
            return;
        const std::int64_t at = clock_.physicalNowMs();
        Statement keep(db_,
                       "INSERT INTO sync_set_aside (tbl, row_id, change, status, code, reason, "
                       "at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        Statement drop(db_, "DELETE FROM sync_log WHERE seq = ?1");
        std::set<std::pair<std::string, std::string>> refusedRecords;
        std::vector<const Entry*> left;
        for (const Entry& e : outbox) {
            const auto record = std::make_pair(e.table, e.row);
            const auto named = reasons.find(e.originSeq);
            if (named == reasons.end() && !refusedRecords.count(record)) {
                left.push_back(&e);
                continue;
            }
            refusedRecords.insert(record);
            keep.bind(1, e.table)
                .bind(2, e.row)
                .bind(3, e.change)
                .bind(4, static_cast<std::int64_t>(status))
                .bind(5, code)
                .bind(6, named != reasons.end()
                             ? named->second
                             : std::string("follows a refused change of the same record"))
                .bind(7, at)
                .run();
            drop.bind(1, e.logSeq).run();
            ++moved;
        }
        if (moved == 0)
            return;
        // Renumber what is left, in order, from the first unacknowledged number: each number
        // only moves down into one freed before it, so (origin, origin_seq) stays unique.
        Statement renumber(db_, "UPDATE sync_log SET origin_seq = ?1, change = ?2 WHERE seq = ?3");
        std::int64_t next = outbox.front().originSeq;
        for (const Entry* e : left) {
            if (e->originSeq != next) {
                Change c = codec::decodeChange(e->change);
                c.seq = next;
                renumber.bind(1, next).bind(2, codec::encodeChange(c)).bind(3, e->logSeq).run();
            }
            ++next;
        }
        lastSeq_ = next - 1;
        setOrigin(deviceId_, lastSeq_);
    });
    return moved;
}

std::vector<SetAsideChange> Replica::setAsideChanges() {
    std::vector<SetAsideChange> out;
    Statement st(db_,
                 "SELECT id, tbl, row_id, change, status, code, reason, at_ms FROM sync_set_aside "
                 "ORDER BY id");
    while (st.step()) {
        SetAsideChange s;
        s.id = st.integer(0);
        s.table = st.text(1);
        s.row = st.text(2);
        s.change = codec::decodeChange(st.text(3));
        s.status = static_cast<int>(st.integer(4));
        s.code = st.text(5);
        s.reason = st.text(6);
        s.atMs = st.integer(7);
        out.push_back(std::move(s));
    }
    return out;
}

void Replica::dismissSetAside(std::int64_t id) {
    transaction([&] {
        Statement st(db_, "DELETE FROM sync_set_aside WHERE id = ?1");
        st.bind(1, id).run();
    });
}

}  // namespace cadre::replica
