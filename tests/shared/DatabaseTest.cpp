// DatabaseTest: the Statement wrapper's unowned binds and its reset after a failed run; the page
// size a new file takes.
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <string>

#include "TestSupport.h"
#include "replica/Database.h"

namespace cadre::replica {
namespace {

Database memory() {
    Database::Options o;
    o.walMode = false;
    return Database(":memory:", o);
}

TEST(DatabaseStatement, UnownedBindsStoreTheValuesTheyPointedAtWhenRun) {
    Database db = memory();
    db.exec("CREATE TABLE t (a, b, c, d)");
    Statement insert(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4)");
    {
        std::string text(3000, 'x');
        const std::string blob("\x00\x01\x02", 3);
        const Value value(std::string("valeur é"));
        insert.bindUnowned(1, text).bindUnowned(2, value).bindBlobUnowned(3, blob);
        insert.bindUnowned(4, Value(std::int64_t{7})).run();
        text.assign(3000, 'y');  // changed after the run: the row keeps what was bound
    }
    Statement read(db, "SELECT a, b, typeof(c), length(c), d FROM t");
    ASSERT_TRUE(read.step());
    EXPECT_EQ(read.text(0), std::string(3000, 'x'));
    EXPECT_EQ(read.text(1), "valeur é");
    EXPECT_EQ(read.text(2), "blob");
    EXPECT_EQ(read.integer(3), 3);
    EXPECT_EQ(read.integer(4), 7);
}

TEST(DatabaseStatement, AFailedRunStillClearsItsBindings) {
    Database db = memory();
    db.exec("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
    db.exec("INSERT INTO t VALUES ('taken', 'first')");
    Statement insert(db, "INSERT INTO t VALUES (?1, ?2)");
    {
        const std::string key = "taken";
        const std::string value = "second";
        EXPECT_THROW(insert.bindUnowned(1, key).bindUnowned(2, value).run(), DatabaseError);
    }
    // Nothing of the failed run is left bound: an unbound parameter is NULL again.
    insert.bind(1, "fresh").run();
    Statement read(db, "SELECT v IS NULL FROM t WHERE k = 'fresh'");
    ASSERT_TRUE(read.step());
    EXPECT_EQ(read.integer(0), 1);
}

std::int64_t pragma(Database& db, const std::string& name) {
    Statement st(db, "PRAGMA " + name);
    return st.step() ? st.integer(0) : -1;
}

TEST(DatabasePageSize, ANewFileTakesItAndAnExistingFileKeepsItsOwn) {
    test::TempDir dir;
    Database::Options o;
    o.pageSizeBytes = 8192;
    {
        Database db(dir.file("new.db"), o);
        db.exec("CREATE TABLE t (v TEXT)");
        db.exec("INSERT INTO t VALUES ('kept')");
        EXPECT_EQ(pragma(db, "page_size"), 8192);
        Statement mode(db, "PRAGMA journal_mode");
        ASSERT_TRUE(mode.step());
        EXPECT_EQ(mode.text(0), "wal");
    }
    o.pageSizeBytes = 16384;  // reopened with another size: the file keeps 8 KiB and its rows
    Database again(dir.file("new.db"), o);
    EXPECT_EQ(pragma(again, "page_size"), 8192);
    Statement read(again, "SELECT v FROM t");
    ASSERT_TRUE(read.step());
    EXPECT_EQ(read.text(0), "kept");
    Database plain(dir.file("default.db"));
    plain.exec("CREATE TABLE t (v)");
    EXPECT_EQ(pragma(plain, "page_size"), 4096);  // SQLite's default when none is asked for
}

}  // namespace
}  // namespace cadre::replica
