// CentralRepositoryTest: the CentralRepository contract — a group commits its batches together, a
// refused batch is undone alone, a pull reads committed data only, receipts round-trip — through
// the SQLite implementation.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "TestSupport.h"
#include "codec/ChangeCodec.h"
#include "replica/Database.h"
#include "store/SqliteRepository.h"

namespace cadre::test {
namespace {

using replica::Replica;
using server::CentralRepository;
using Isolation = CentralRepository::BatchIsolation;

/// A pushed batch with the text its wire views point into (kept in place: never moved).
struct Pushed {
    std::string body;
    codec::PushedBatch batch;
};

/// The device's outbox changes from `from` (0-based) to the end of its first `limit`, as a push
/// would send them.
std::unique_ptr<Pushed> outbox(Replica& device, std::size_t from = 0, std::size_t limit = 100) {
    const auto page = device.pendingWire(limit);
    auto p = std::make_unique<Pushed>();
    p->body = "{\"changes\":[";
    for (std::size_t i = from; i < page.changes.size(); ++i)
        p->body += (i > from ? "," : "") + page.changes[i];
    p->body += "]}";
    p->batch = codec::decodePushedBatch(p->body);
    return p;
}

/// SQLite temp files this process holds open. SQLite unlinks each as it opens it, so they show
/// only among the process's descriptors, as "…/etilqs_… (deleted)".
int openSqliteTempFiles() {
    int n = 0;
    for (const auto& fd : std::filesystem::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        const auto target = std::filesystem::read_symlink(fd.path(), ec).string();
        n += !ec && target.find("etilqs_") != std::string::npos ? 1 : 0;
    }
    return n;
}

class CentralRepositoryTest : public ::testing::Test {
  protected:
    CentralRepositoryTest()
        : repository(dir.file("hub.db"), options("cadre-server", nullptr, Replica::Role::Hub)),
          a(dir.file("a.db"), options("amina", nullptr)),
          b(dir.file("b.db"), options("luc", nullptr)),
          c(dir.file("c.db"), options("fatou", nullptr)) {}

    /// Pushes `pushed` as SyncService does: a batch that applies it and stores its receipt.
    /// Returns false when the batch was refused (and undone).
    static bool push(CentralRepository::Group& group, const Pushed& pushed) {
        try {
            group.batch([&] {
                (void)group.applyPushed(pushed.batch);
                const auto& changes = pushed.batch.changes;
                group.saveReceipt(changes.front().origin, changes.front().seq, changes.back().seq,
                                  "{\"ok\":true}", 1);
            });
            return true;
        } catch (const replica::SequenceGapError&) {
            return false;
        }
    }

    std::string everything(std::size_t* count = nullptr) {
        std::string all;
        repository.snapshot([&](CentralRepository::Snapshot& s) {
            const auto page = s.pullPage({{"*", "", 0}}, 10000);
            for (const auto& change : page.changes)
                all += change + "\n";
            if (count)
                *count = page.changes.size();
        });
        return all;
    }

    TempDir dir;
    server::SqliteRepository repository;
    Replica a, b, c;
};

TEST_F(CentralRepositoryTest, AGroupWithOneRefusedBatchKeepsTheOthers) {
    const auto personA = a.insert("person", {{"family_name", "Diallo"}});
    (void)b.insert("person", {{"family_name", "Martin"}});
    const auto personB2 = b.insert("person", {{"family_name", "Martin-Bis"}});
    const auto personC = c.insert("person", {{"family_name", "Sow"}});
    const auto pushA = outbox(a), pushB = outbox(b, 1) /* seq 2 without seq 1: a gap */,
               pushC = outbox(c);

    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        EXPECT_TRUE(push(group, *pushA));
        EXPECT_FALSE(push(group, *pushB));
        // The refused batch is undone alone: the group's view is back to before it.
        EXPECT_EQ(group.originSeq(b.deviceId()), 0);
        EXPECT_FALSE(group.get("person", personB2));
        EXPECT_TRUE(group.get("person", personA));  // the group sees its own writes
        EXPECT_TRUE(push(group, *pushC));
    });

    repository.read([&](CentralRepository::Reads& reads) {
        EXPECT_EQ(reads.originSeq(a.deviceId()), 1);
        EXPECT_EQ(reads.originSeq(b.deviceId()), 0);
        EXPECT_EQ(reads.originSeq(c.deviceId()), 1);
        EXPECT_TRUE(reads.get("person", personA));
        EXPECT_FALSE(reads.get("person", personB2));
        EXPECT_TRUE(reads.get("person", personC));
    });
    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        EXPECT_TRUE(group.receipt(a.deviceId(), 1, 1));
        EXPECT_FALSE(group.receipt(b.deviceId(), 2, 2));
        EXPECT_TRUE(group.receipt(c.deviceId(), 1, 1));
    });
    const std::string log = everything();
    EXPECT_NE(log.find(personA), std::string::npos);
    EXPECT_EQ(log.find(personB2), std::string::npos);
    EXPECT_NE(log.find(personC), std::string::npos);
}

TEST_F(CentralRepositoryTest, AGroupThatThrowsLeavesNothing) {
    const auto personA = a.insert("person", {{"family_name", "Diallo"}});
    const auto pushA = outbox(a);
    EXPECT_THROW(repository.group(Isolation::Savepoint,
                                  [&](CentralRepository::Group& group) {
                                      EXPECT_TRUE(push(group, *pushA));
                                      throw std::runtime_error("the commit failed");
                                  }),
                 std::runtime_error);
    repository.read([&](CentralRepository::Reads& reads) {
        EXPECT_EQ(reads.originSeq(a.deviceId()), 0);
        EXPECT_FALSE(reads.get("person", personA));
    });
    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        EXPECT_FALSE(group.receipt(a.deviceId(), 1, 1));
        // The repository's view was reloaded: the same batch applies now.
        EXPECT_TRUE(push(group, *pushA));
    });
    EXPECT_NE(everything().find(personA), std::string::npos);
}

TEST_F(CentralRepositoryTest, WithoutSavepointsABatchThatThrowsAbortsTheWholeGroup) {
    std::size_t before = 0;
    (void)everything(&before);
    const auto personA = a.insert("person", {{"family_name", "Diallo"}});
    (void)b.insert("person", {{"family_name", "Martin"}});
    const auto personB2 = b.insert("person", {{"family_name", "Martin-Bis"}});
    const auto personC = c.insert("person", {{"family_name", "Sow"}});
    const auto pushA = outbox(a), pushB = outbox(b, 1) /* seq 2 without seq 1: a gap */,
               pushC = outbox(c);

    // A batch that writes, then throws: without a savepoint it cannot be undone alone.
    try {
        repository.group(Isolation::None, [&](CentralRepository::Group& group) {
            EXPECT_TRUE(push(group, *pushA));
            EXPECT_TRUE(group.get("person", personA));  // written straight into the group
            try {
                group.batch([&] {
                    (void)group.applyPushed(pushC->batch);
                    throw std::runtime_error("refused after writing");
                });
                ADD_FAILURE() << "the batch's exception was not turned into GroupAborted";
            } catch (const CentralRepository::GroupAborted& e) {
                EXPECT_NE(std::string(e.what()).find("refused after writing"), std::string::npos)
                    << e.what();
            }
            // The group is spent: a later batch is refused before it runs, even if the body
            // goes on.
            bool ran = false;
            EXPECT_THROW(group.batch([&] { ran = true; }), CentralRepository::GroupAborted);
            EXPECT_FALSE(ran);
        });
        ADD_FAILURE() << "a group whose batch threw committed";
    } catch (const CentralRepository::GroupAborted&) {
    }
    repository.read([&](CentralRepository::Reads& reads) {
        EXPECT_EQ(reads.originSeq(a.deviceId()), 0);  // the good batch went with the group
        EXPECT_EQ(reads.originSeq(c.deviceId()), 0);
        EXPECT_FALSE(reads.get("person", personA));
        EXPECT_FALSE(reads.get("person", personC));
    });
    EXPECT_EQ(everything().find(personA), std::string::npos);

    // A refusal the replica raises itself (a sequence gap) aborts it the same way, naming it.
    EXPECT_THROW(repository.group(
                     Isolation::None,
                     [&](CentralRepository::Group& group) {
                         EXPECT_TRUE(push(group, *pushA));
                         try {
                             (void)push(group, *pushB);
                         } catch (const CentralRepository::GroupAborted& e) {
                             EXPECT_NE(std::string(e.what()).find("arrived but"), std::string::npos)
                                 << e.what();
                             throw;
                         }
                     }),
                 CentralRepository::GroupAborted);

    // Run again with savepoints, as SyncService does: the refused batch alone is undone.
    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        EXPECT_TRUE(push(group, *pushA));
        EXPECT_FALSE(push(group, *pushB));
        EXPECT_TRUE(push(group, *pushC));
    });
    repository.read([&](CentralRepository::Reads& reads) {
        EXPECT_EQ(reads.originSeq(a.deviceId()), 1);
        EXPECT_EQ(reads.originSeq(b.deviceId()), 0);
        EXPECT_EQ(reads.originSeq(c.deviceId()), 1);
        EXPECT_FALSE(reads.get("person", personB2));
    });
    std::size_t logged = 0;
    const std::string log = everything(&logged);
    EXPECT_EQ(logged, before + 2);  // nothing of the aborted groups was logged
    EXPECT_NE(log.find(personA), std::string::npos);
    EXPECT_NE(log.find(personC), std::string::npos);
    EXPECT_EQ(log.find(personB2), std::string::npos);
}

TEST_F(CentralRepositoryTest, AGroupWithoutSavepointsCommitsLikeOneWithThem) {
    std::size_t before = 0;
    (void)everything(&before);
    const auto personA = a.insert("person", {{"family_name", "Diallo"}});
    const auto personC = c.insert("person", {{"family_name", "Sow"}});
    const auto pushA = outbox(a), pushC = outbox(c);
    repository.group(Isolation::None, [&](CentralRepository::Group& group) {
        EXPECT_TRUE(push(group, *pushA));
        EXPECT_TRUE(push(group, *pushC));
        EXPECT_EQ(group.originSeq(c.deviceId()), 1);
    });
    repository.group(Isolation::None, [&](CentralRepository::Group& group) {
        EXPECT_TRUE(group.receipt(a.deviceId(), 1, 1));
        EXPECT_TRUE(group.receipt(c.deviceId(), 1, 1));
    });
    std::size_t logged = 0;
    const std::string log = everything(&logged);
    EXPECT_EQ(logged, before + 2);
    EXPECT_NE(log.find(personA), std::string::npos);
    EXPECT_NE(log.find(personC), std::string::npos);
    repository.withHub([&](Replica& hub) {
        replica::Statement count(hub.database(),
                                 "SELECT count(*) FROM person WHERE id IN (?1, ?2)");
        count.bind(1, personA).bind(2, personC);
        ASSERT_TRUE(count.step());
        EXPECT_EQ(count.integer(0), 2);
    });
}

TEST_F(CentralRepositoryTest, APullDuringAnOpenGroupSeesOnlyCommittedChanges) {
    std::size_t before = 0;
    (void)everything(&before);
    const auto personA = a.insert("person", {{"family_name", "Diallo"}});
    const auto personC = c.insert("person", {{"family_name", "Sow"}});
    const auto pushA = outbox(a), pushC = outbox(c);
    repository.group(Isolation::Savepoint,
                     [&](CentralRepository::Group& group) { EXPECT_TRUE(push(group, *pushA)); });

    // Declared out here so that, should the pull wait for the group, the test fails instead of
    // waiting for ever in the future's destructor.
    std::future<std::pair<std::size_t, std::string>> pulled;
    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        EXPECT_TRUE(push(group, *pushC));
        // Another thread pulls while this group is open: it must neither wait for the group nor
        // see any of it.
        pulled = std::async(std::launch::async, [&] {
            std::size_t count = 0;
            std::string log = everything(&count);
            return std::make_pair(count, log);
        });
        ASSERT_EQ(pulled.wait_for(std::chrono::seconds(20)), std::future_status::ready)
            << "a pull waited for an open group";
        const auto [count, log] = pulled.get();
        EXPECT_EQ(count, before + 1);
        EXPECT_NE(log.find(personA), std::string::npos);
        EXPECT_EQ(log.find(personC), std::string::npos);
    });

    std::size_t after = 0;
    const std::string log = everything(&after);
    EXPECT_EQ(after, before + 2);
    EXPECT_NE(log.find(personC), std::string::npos);
}

TEST_F(CentralRepositoryTest, ReceiptsRoundTrip) {
    const std::string device = "5d0c2f6e-8a43-4c1e-9d2b-7f1a3e5b6c80";
    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        EXPECT_FALSE(group.receipt(device, 1, 3));
        group.batch([&] { group.saveReceipt(device, 1, 3, R"({"acked_seq":3})", 1234); });
        EXPECT_EQ(group.receipt(device, 1, 3), std::optional<std::string>(R"({"acked_seq":3})"));
        // A receipt saved in a refused batch goes with it.
        EXPECT_THROW(group.batch([&] {
            group.saveReceipt(device, 4, 5, R"({"acked_seq":5})", 1235);
            throw std::runtime_error("refused");
        }),
                     std::runtime_error);
    });
    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        EXPECT_EQ(group.receipt(device, 1, 3), std::optional<std::string>(R"({"acked_seq":3})"));
        EXPECT_FALSE(group.receipt(device, 1, 2));  // another range is another push
        EXPECT_FALSE(group.receipt(device, 4, 5));
        EXPECT_FALSE(group.receipt("another-device", 1, 3));
    });
}

TEST_F(CentralRepositoryTest, ABatchKeepsItsSavepointJournalInMemory) {
    // 1,500 people, then one batch that edits every one of them: each page of the person table and
    // of the log's indexes that the batch changes is first copied to its savepoint's journal,
    // several hundred KiB in all.
    constexpr std::size_t kPeople = 1500;
    const std::string before(200, 'o'), after(200, 'p');
    std::vector<std::string> people;
    a.transaction([&] {
        for (std::size_t i = 0; i < kPeople; ++i)
            people.push_back(a.insert("person", {{"family_name", "Name " + std::to_string(i)},
                                                 {"organisation", before}}));
    });
    const auto created = outbox(a, 0, kPeople);
    repository.group(Isolation::Savepoint,
                     [&](CentralRepository::Group& group) { EXPECT_TRUE(push(group, *created)); });
    a.transaction([&] {
        for (const auto& id : people)
            a.update("person", id, {{"organisation", after}});
    });
    const auto edits = outbox(a, kPeople, 2 * kPeople);
    ASSERT_EQ(edits->batch.changes.size(), kPeople);

    int tempFiles = -1;
    repository.group(Isolation::Savepoint, [&](CentralRepository::Group& group) {
        group.batch([&] {
            (void)group.applyPushed(edits->batch);
            tempFiles = openSqliteTempFiles();
        });
    });
    EXPECT_EQ(tempFiles, 0) << "the savepoint's journal went to a temp file";
    repository.read([&](CentralRepository::Reads& reads) {
        for (const auto& id : {people.front(), people.back()}) {
            const auto person = reads.get("person", id);
            ASSERT_TRUE(person);
            EXPECT_EQ(person->fields.at("organisation"), Value(after));
        }
    });

    // The same rewrite on a connection with SQLite's defaults does go to a temp file, and the
    // count above would have seen it.
    replica::Database plain(dir.file("plain.db"));
    plain.exec("CREATE TABLE t (v TEXT NOT NULL)");
    plain.exec(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1500) "
        "INSERT INTO t SELECT printf('%.200c', 'o') FROM n");
    plain.exec("BEGIN");
    plain.exec("SAVEPOINT batch");
    plain.exec("UPDATE t SET v = upper(v)");
    EXPECT_EQ(openSqliteTempFiles(), 1);
    plain.exec("ROLLBACK TO batch");
    plain.exec("RELEASE batch");
    plain.exec("COMMIT");
}

TEST_F(CentralRepositoryTest, ReachAndResolveGoThroughTheRepository) {
    server::User hq{"u1", "hq.reviewer", server::Role::HqReviewer, "", false};
    server::User expert{"u2", "amina", server::Role::Expert, "", false};
    repository.snapshot([&](CentralRepository::Snapshot& s) {
        EXPECT_TRUE(s.reachOf(hq).readsEverything());
        EXPECT_FALSE(s.reachOf(expert).readsEverything());
        EXPECT_TRUE(s.reachOf(expert).missions.empty());
    });
    EXPECT_THROW(repository.resolve("hq.reviewer", "person", "no-such-row", "family_name",
                                    Value(std::string("X"))),
                 std::exception);
    std::string author;
    repository.withHub([&](Replica& hub) { author = hub.author(); });
    EXPECT_EQ(author, "cadre-server");  // a refused resolve leaves the hub's author as it was
}

}  // namespace
}  // namespace cadre::test
