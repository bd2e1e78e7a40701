// ServerAppTest: the central repository file a ServerApp makes — its page size — and that an
// existing repository keeps its own.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <string>

#include "TestSupport.h"
#include "app/ServerApp.h"

namespace cadre::test {
namespace {

server::AppOptions quietOptions() {
    server::AppOptions o;
    o.accounts.kdf = server::KdfParams{1 << 10, 8, 1};
    o.synchronousFull = false;
    o.log = [](const std::string&) {};
    return o;
}

/// The page size of a database file, read from a connection of its own.
int pageSizeOf(const std::string& file) {
    sqlite3* db = nullptr;
    int size = -1;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA page_size", -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            size = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return size;
}

TEST(ServerApp, ANewCentralRepositoryHasTheConfiguredPageSize) {
    TempDir dir;
    EXPECT_EQ(server::AppOptions{}.pageSizeBytes, 8192);
    { server::ServerApp app(dir.file("cadre.db"), quietOptions()); }
    EXPECT_EQ(pageSizeOf(dir.file("cadre.db")), 8192);
}

TEST(ServerApp, AnExistingRepositoryKeepsItsPageSizeAndItsData) {
    TempDir dir;
    auto options = quietOptions();
    options.pageSizeBytes = 4096;  // as every repository made before 8 KiB pages
    {
        server::ServerApp app(dir.file("cadre.db"), options);
        app.accounts().createUser("amina", "correct horse battery", server::Role::Expert, "");
    }
    {
        server::ServerApp app(dir.file("cadre.db"), quietOptions());
        EXPECT_TRUE(app.accounts().findUser("amina").has_value());
    }
    EXPECT_EQ(pageSizeOf(dir.file("cadre.db")), 4096);
}

}  // namespace
}  // namespace cadre::test
