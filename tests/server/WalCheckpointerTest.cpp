// WalCheckpointerTest: the checkpointer thread copies the WAL into the database file while the
// writer's own automatic checkpoints are off, and the WAL is then started over instead of growing.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "TestSupport.h"
#include "replica/Database.h"
#include "store/WalCheckpointer.h"

namespace cadre::test {
namespace {

using replica::Database;
using replica::Statement;
using server::WalCheckpointer;

Database::Options writerOptions() {
    Database::Options o;
    o.synchronousFull = false;
    o.walAutocheckpointPages = -1;  // as the server's connections: the checkpointer does it
    return o;
}

/// Inserts `rows` rows of about 1 KB in one transaction.
void insertRows(Database& db, int rows) {
    db.exec("BEGIN");
    Statement st(db, "INSERT INTO t (body) VALUES (?1)");
    for (int i = 0; i < rows; ++i)
        st.bind(1, std::string(1000, static_cast<char>('a' + i % 26))).run();
    db.exec("COMMIT");
}

/// Waits (up to 20 s) for a checkpoint after `afterRuns` that found the WAL fully copied.
WalCheckpointer::Stats waitForCopied(const WalCheckpointer& c, std::uint64_t afterRuns) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    auto st = c.stats();
    while (std::chrono::steady_clock::now() < deadline) {
        st = c.stats();
        if (st.runs > afterRuns && st.walFrames > 0 && st.copiedFrames == st.walFrames)
            return st;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return st;
}

TEST(WalCheckpointer, CopiesTheWalIntoTheFileWhileTheWriterNeverCheckpoints) {
    TempDir dir;
    const std::string path = dir.file("hub.db");
    Database writer(path, writerOptions());
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    insertRows(writer, 3000);  // about 750 pages
    // Nothing has reached the database file yet: the writer stays open and never checkpoints.
    const auto before = std::filesystem::file_size(path);
    EXPECT_LT(before, 100u * 1024);

    WalCheckpointer::Options o;
    o.interval = std::chrono::milliseconds(10);
    o.synchronousFull = false;
    WalCheckpointer checkpointer(path, o);
    const auto first = waitForCopied(checkpointer, 0);
    ASSERT_GT(first.walFrames, 700) << "runs " << first.runs;
    EXPECT_EQ(first.copiedFrames, first.walFrames);
    EXPECT_EQ(first.failures, 0u);
    EXPECT_GT(std::filesystem::file_size(path), 3000u * 1000);

    // Once copied, the next commit starts the WAL over: a small write leaves a small WAL behind
    // (frames of the new cycle only), not the 750 pages above plus its own.
    insertRows(writer, 10);
    const auto second = waitForCopied(checkpointer, first.runs + 1);
    EXPECT_GT(second.walFrames, 0);
    EXPECT_LT(second.walFrames, 50);
    EXPECT_EQ(second.copiedFrames, second.walFrames);

    // Everything is readable from a fresh connection, and the file is sound.
    Database reader(path, writerOptions());
    Statement count(reader, "SELECT count(*) FROM t");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.integer(0), 3010);
    EXPECT_EQ(reader.integrityCheck(), "ok");
}

TEST(WalCheckpointer, ADatabaseThatCannotBeOpenedFailsTheConstructor) {
    TempDir dir;
    WalCheckpointer::Options o;
    EXPECT_THROW(WalCheckpointer(dir.file("no/such/dir/hub.db"), o), replica::DatabaseError);
}

}  // namespace
}  // namespace cadre::test
