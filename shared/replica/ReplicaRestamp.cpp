// Replica, part four: re-stamping a device's unpushed changes after its clock was found lying.
#include <algorithm>
#include <map>
#include <set>

#include "codec/ChangeCodec.h"
#include "domain/Schema.h"
#include "replica/RecordStore.h"
#include "replica/Replica.h"

namespace cadre::replica {

std::size_t Replica::restampPending(std::int64_t toleranceMs) {
    const clock::Hlc limit = clock::makeHlc(clock_.physicalNowMs() + toleranceMs, 0);
    if (options_.role == Role::Hub || clock_.last() <= limit)
        return 0;
    std::size_t count = 0;
    transaction([&] {
        std::vector<std::pair<std::int64_t, Change>> outbox;
        Statement read(db_, "SELECT seq, change FROM sync_log WHERE origin = ?1 ORDER BY seq");
        read.bind(1, deviceId_);
        while (read.step())
            outbox.emplace_back(read.integer(0), codec::decodeChange(read.text(1)));
        const auto first = std::find_if(outbox.begin(), outbox.end(),
                                        [&](const auto& e) { return e.second.hlc > limit; });
        // New stamps must stay above everything others have seen of this device (acknowledged
        // changes), everything received, and the changes kept as they are.
        const auto acked = stateValue("acked_clock");
        clock::Hlc floor =
            std::max({remoteHlc_, clock::makeHlc(clock_.physicalNowMs(), 0),
                      acked.empty() ? clock::Hlc{0} : static_cast<clock::Hlc>(std::stoll(acked))});
        if (first != outbox.begin())
            floor = std::max(floor, std::prev(first)->second.hlc);
        // Each change keeps its time as corrected by the offset (when it was really made), in the
        // same order, and above the floor.
        clock::Hlc previous = floor;

        std::map<merge::Version, merge::Version> renamed;
        std::set<std::pair<std::string, std::string>> records;
        Statement rewrite(db_, "UPDATE sync_log SET change = ?2 WHERE seq = ?1");
        for (auto it = first; it != outbox.end(); ++it) {
            Change& c = it->second;
            const merge::Version old = c.version();
            const std::int64_t corrected = clock::physicalMs(c.hlc) + clock_.offsetMs();
            c.hlc = std::max(
                clock::makeHlc(std::max<std::int64_t>(corrected, 0), clock::logicalOf(c.hlc)),
                previous + 1);
            previous = c.hlc;
            renamed[old] = c.version();
            for (auto& f : c.fields)
                for (auto& b : f.bases)
                    if (auto r = renamed.find(b); r != renamed.end())
                        b = r->second;
            rewrite.bind(1, it->first).bind(2, codec::encodeChange(c)).run();
            records.emplace(c.table, c.row);
            ++count;
        }
        clock_.reset(previous);
        // The same versions, wherever the record's state names them.
        Statement leaf(db_, "UPDATE sync_leaf SET hlc = ?1 WHERE device = ?2 AND hlc = ?3");
        for (const auto& [old, now] : renamed)
            leaf.bind(1, static_cast<std::int64_t>(now.hlc))
                .bind(2, deviceId_)
                .bind(3, static_cast<std::int64_t>(old.hlc))
                .run();
        for (const auto& [table, row] : records) {
            const domain::TableSpec& spec = *domain::findTable(table);
            RecordState state = store_->load(spec, row);
            bool changed = false;
            for (auto& m : state.meta)
                if (auto r = renamed.find(m.version); m.present && r != renamed.end()) {
                    m.version = r->second;
                    changed = true;
                }
            if (changed)
                store_->save(spec, row, state);
        }
    });
    return count;
}

}  // namespace cadre::replica
