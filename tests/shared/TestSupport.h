// TestSupport: temporary replicas, a controllable clock and an in-process sync loop for tests.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/Uuid.h"
#include "replica/Replica.h"

namespace cadre::test {

/// A directory under the system temp dir, removed with everything in it at the end of the test.
class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("cadre-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] std::string file(const std::string& name) const {
        return (path_ / name).string();
    }

  private:
    std::filesystem::path path_;
};

/// A physical clock the test moves by hand (milliseconds since the epoch).
struct FakeTime {
    std::int64_t ms = 1'790'000'000'000;  // 2026-09-21
    [[nodiscard]] clock::HybridClock::PhysicalSource source() {
        return [this] { return ms; };
    }
};

inline replica::Replica::Options options(
    const std::string& author, FakeTime* time,
    replica::Replica::Role role = replica::Replica::Role::Device) {
    replica::Replica::Options o;
    o.role = role;
    o.author = author;
    if (time)
        o.clockSource = time->source();
    o.database.synchronousFull = false;  // tests need no power-cut durability; keep them fast
    return o;
}

/// The reference data every replica is seeded with.
inline std::string editionId() {
    return domain::namedUuid("catalogue_edition/2018");
}
inline std::string memberId(const std::string& iso3) {
    return domain::namedUuid("member/" + iso3);
}
/// The id of standard `number` of the 2018 edition, read from the replica's reference data.
inline std::string standardId(replica::Replica& r, int number) {
    replica::Statement st(r.database(),
                          "SELECT id FROM standard WHERE edition_id = ?1 AND number = ?2");
    st.bind(1, editionId()).bind(2, std::int64_t{number});
    if (!st.step())
        throw std::runtime_error("no standard " + std::to_string(number));
    return st.text(0);
}

inline replica::Fields missionFields(
    const std::string& title = "Diagnostic mission, Senegal 2026") {
    return {{"kind", "diagnostic"},      {"member_id", memberId("SEN")},
            {"edition_id", editionId()}, {"title", title},
            {"status", "in_progress"},   {"review_state", "draft"},
            {"starts_on", "2026-11-02"}, {"ends_on", "2026-11-13"}};
}

/// One sync round of `device` with `hub`, the way the SyncClient does it: push the outbox, take
/// the acknowledgement, then pull everything after `cursor` (which is advanced).
inline void sync(replica::Replica& device, replica::Replica& hub, std::int64_t& cursor,
                 std::size_t page = 50) {
    for (std::int64_t from = 0;;) {
        auto out = device.pending(from, page);
        if (out.changes.empty())
            break;
        hub.applyRemote(out.changes);
        device.acknowledge(out.changes.back().seq);
        from = out.nextCursor;
    }
    for (;;) {
        auto in = hub.changesSince(cursor, page);
        if (!in.changes.empty())
            device.applyRemote(in.changes);
        cursor = in.nextCursor;
        if (!in.more)
            break;
    }
}

inline void expectIntegrity(replica::Replica& r) {
    EXPECT_EQ(r.database().integrityCheck(), "ok");
}

}  // namespace cadre::test
