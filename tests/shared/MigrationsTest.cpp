// MigrationsTest: the schema migration runner — fresh databases, faults, refusals, and upgrades
// from every earlier version kept as a fixture in tests/fixtures/db_v<N>.sql.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "TestSupport.h"
#include "domain/Schema.h"
#include "replica/Database.h"
#include "replica/Migrations.h"
#include "schema/EmbeddedMigrations.h"

namespace cadre::replica {
namespace {

namespace fs = std::filesystem;

std::int64_t scalar(Database& db, const std::string& sql) {
    Statement st(db, sql);
    return st.step() ? st.integer(0) : -1;
}

bool tableExists(Database& db, const std::string& table) {
    Statement st(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
    st.bind(1, table);
    return st.step() && st.integer(0) == 1;
}

int versionNamed(std::string_view name) {
    for (const auto& m : schema::embeddedMigrations()) {
        if (m.name == name)
            return m.version;
    }
    return -1;
}

TEST(Migrations, EmbeddedVersionsAreOneToNWithoutGaps) {
    const auto& all = schema::embeddedMigrations();
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].version, static_cast<int>(i) + 1) << all[i].name;
    }
    EXPECT_EQ(domain::currentSchemaVersion(), all.back().version);
}

TEST(Migrations, FreshDatabaseReachesCurrentVersionWithOneLoggedStepEach) {
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    std::vector<std::string> lines;
    const int applied = migrate(db, [&](const std::string& line) { lines.push_back(line); });
    EXPECT_EQ(applied, domain::currentSchemaVersion());
    EXPECT_EQ(db.userVersion(), domain::currentSchemaVersion());
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(applied));
    const std::regex shape(R"(migrate: \d{4} [a-z0-9_]+ \(\d+ → \d+\) in \d+ ms)");
    for (const auto& line : lines)
        EXPECT_TRUE(std::regex_match(line, shape)) << line;
    EXPECT_EQ(lines.front().rfind("migrate: 0001 domain (0 → 1) in ", 0), 0u) << lines.front();
    EXPECT_EQ(db.integrityCheck(), "ok");
}

TEST(Migrations, SecondRunAppliesNothing) {
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    migrate(db);
    int logged = 0;
    EXPECT_EQ(migrate(db, [&](const std::string&) { ++logged; }), 0);
    EXPECT_EQ(logged, 0);
    EXPECT_EQ(db.userVersion(), domain::currentSchemaVersion());
    EXPECT_EQ(db.integrityCheck(), "ok");
}

TEST(Migrations, MigrateToStopsAtTheTargetAndMigrateFinishes) {
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    EXPECT_EQ(migrateTo(db, 1), 1);
    EXPECT_EQ(db.userVersion(), 1);
    EXPECT_TRUE(tableExists(db, "observation"));
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM member"), 0);
    EXPECT_EQ(migrate(db), domain::currentSchemaVersion() - 1);
    EXPECT_EQ(db.userVersion(), domain::currentSchemaVersion());
    EXPECT_EQ(db.integrityCheck(), "ok");
}

TEST(Migrations, MigrateToRefusesUnknownTargetsAndDowngrades) {
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    EXPECT_THROW(migrateTo(db, domain::currentSchemaVersion() + 1), MigrationError);
    EXPECT_EQ(db.userVersion(), 0);
    migrate(db);
    EXPECT_THROW(migrateTo(db, 1), MigrationError);
    EXPECT_EQ(db.userVersion(), domain::currentSchemaVersion());
}

TEST(Migrations, FailedFirstStepRollsBackWholly) {
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    // A table the step creates already exists, incompatibly: the step fails half-way through.
    db.exec("CREATE TABLE member (legacy TEXT); INSERT INTO member VALUES ('kept')");
    try {
        migrate(db);
        FAIL() << "expected a MigrationError";
    } catch (const MigrationError& e) {
        EXPECT_NE(std::strstr(e.what(), "0001 domain (0 → 1)"), nullptr) << e.what();
        EXPECT_NE(std::strstr(e.what(), "already exists"), nullptr) << e.what();
    }
    EXPECT_EQ(db.userVersion(), 0);
    EXPECT_FALSE(tableExists(db, "catalogue_edition"));  // created before the fault: undone
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM member WHERE legacy = 'kept'"), 1);
    EXPECT_EQ(db.integrityCheck(), "ok");
}

TEST(Migrations, FailedLaterStepKeepsEarlierStepsAndCanBeRetried) {
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    const int reference = versionNamed("reference_2018");
    ASSERT_GT(reference, 1);
    ASSERT_EQ(migrateTo(db, reference - 1), reference - 1);
    // Fault injection: the fourth region insert fails, after the edition and standards went in.
    db.exec(
        "CREATE TRIGGER inject_fault BEFORE INSERT ON region "
        "WHEN (SELECT count(*) FROM region) = 3 BEGIN SELECT RAISE(ABORT, 'injected fault'); END");
    try {
        migrate(db);
        FAIL() << "expected a MigrationError";
    } catch (const MigrationError& e) {
        EXPECT_NE(std::strstr(e.what(), "reference_2018"), nullptr) << e.what();
        EXPECT_NE(std::strstr(e.what(), "injected fault"), nullptr) << e.what();
    }
    EXPECT_EQ(db.userVersion(), reference - 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM catalogue_edition"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM standard"), 0);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM region"), 0);

    db.exec("DROP TRIGGER inject_fault");
    EXPECT_EQ(migrate(db), domain::currentSchemaVersion() - reference + 1);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM region"), 6);
    EXPECT_EQ(db.integrityCheck(), "ok");
}

TEST(Migrations, NewerDatabaseIsRefusedAndLeftAlone) {
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    const int newest = domain::currentSchemaVersion();
    db.setUserVersion(newest + 1);
    try {
        migrate(db);
        FAIL() << "expected a MigrationError";
    } catch (const MigrationError& e) {
        EXPECT_EQ(std::string(e.what()), "database schema version " + std::to_string(newest + 1) +
                                             " is newer than this build (" +
                                             std::to_string(newest) + ")");
    }
    EXPECT_EQ(db.userVersion(), newest + 1);
    EXPECT_FALSE(tableExists(db, "mission"));
}

// ---- Upgrades from every earlier version kept as a fixture --------------------------------------

/// Every row of every table, each row as the text rendering of its values, sorted.
struct Snapshot {
    std::map<std::string, std::vector<std::string>> columns;
    std::map<std::string, std::vector<std::string>> rows;
};

std::string render(const Statement& st, int column) {
    const Value v = st.value(column);
    if (v.isNull())
        return "NULL";
    if (v.isInteger())
        return "i" + std::to_string(v.asInteger());
    if (v.isReal()) {
        std::ostringstream out;
        out.precision(17);
        out << "r" << v.asReal();
        return out.str();
    }
    // Text and blobs alike: the bytes, length-prefixed so that rows cannot run into each other.
    const std::string bytes = st.blob(column);
    return "t" + std::to_string(bytes.size()) + ":" + bytes;
}

Snapshot snapshot(Database& db) {
    Snapshot snap;
    Statement tables(db,
                     "SELECT name FROM sqlite_master WHERE type = 'table' "
                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.text(0);
        Statement info(db, "SELECT name FROM pragma_table_info(?1) ORDER BY cid");
        info.bind(1, table);
        std::string select;
        while (info.step()) {
            snap.columns[table].push_back(info.text(0));
            select += (select.empty() ? "\"" : ", \"") + info.text(0) + "\"";
        }
        Statement rows(db, "SELECT " + select + " FROM \"" + table + "\"");
        auto& out = snap.rows[table];
        while (rows.step()) {
            std::string row;
            for (int c = 0; c < rows.columnCount(); ++c)
                row += render(rows, c) + "|";
            out.push_back(std::move(row));
        }
        std::sort(out.begin(), out.end());
    }
    return snap;
}

/// The same columns as `before` (a later version may add columns, never drop them).
std::vector<std::string> rowsNow(Database& db, const std::string& table,
                                 const std::vector<std::string>& columns) {
    std::string select;
    for (const auto& c : columns)
        select += (select.empty() ? "\"" : ", \"") + c + "\"";
    Statement st(db, "SELECT " + select + " FROM \"" + table + "\"");
    std::vector<std::string> out;
    while (st.step()) {
        std::string row;
        for (int c = 0; c < st.columnCount(); ++c)
            row += render(st, c) + "|";
        out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<int> fixtureVersions() {
    std::vector<int> versions;
    for (const auto& entry : fs::directory_iterator(CADRE_FIXTURES_DIR)) {
        std::smatch m;
        const std::string name = entry.path().filename().string();
        if (std::regex_match(name, m, std::regex(R"(db_v(\d+)\.sql)"))) {
            versions.push_back(std::stoi(m[1]));
        }
    }
    std::sort(versions.begin(), versions.end());
    return versions;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(Migrations, FixtureOfVersionOneExists) {
    const auto versions = fixtureVersions();
    EXPECT_NE(std::find(versions.begin(), versions.end(), 1), versions.end());
    for (int v : versions)
        EXPECT_LT(v, domain::currentSchemaVersion()) << "db_v" << v;
}

class MigrationsUpgrade : public ::testing::TestWithParam<int> {};

TEST_P(MigrationsUpgrade, KeepsEveryRowAndAddsTheReferenceData) {
    const int version = GetParam();
    test::TempDir dir;
    Database db(dir.file("replica.db"));
    db.exec(readFile(fs::path(CADRE_FIXTURES_DIR) / ("db_v" + std::to_string(version) + ".sql")));
    ASSERT_EQ(db.userVersion(), version);
    const Snapshot before = snapshot(db);
    ASSERT_GT(before.rows.at("observation").size(), 0u);
    // (table, id) -> versions blob, as sync_meta held them before 0006_versions_in_row.
    std::map<std::pair<std::string, std::string>, std::string> metaBefore;
    if (tableExists(db, "sync_meta")) {
        Statement meta(db, "SELECT tbl, row_id, versions FROM sync_meta");
        while (meta.step())
            metaBefore[{meta.text(0), meta.text(1)}] = meta.blob(2);
        EXPECT_FALSE(metaBefore.empty()) << "the fixture should exercise the move";
    }

    EXPECT_EQ(migrate(db), domain::currentSchemaVersion() - version);
    EXPECT_EQ(db.userVersion(), domain::currentSchemaVersion());

    for (const auto& [table, rows] : before.rows) {
        SCOPED_TRACE("table " + table);
        if (table == "sync_meta") {
            // Moved by 0006 into the records' own rows: checked blob by blob below.
            EXPECT_FALSE(tableExists(db, table));
            EXPECT_EQ(rows.size(), metaBefore.size());
            continue;
        }
        ASSERT_TRUE(tableExists(db, table));
        const auto now = rowsNow(db, table, before.columns.at(table));
        std::vector<std::string> lost;
        std::set_difference(rows.begin(), rows.end(), now.begin(), now.end(),
                            std::back_inserter(lost));
        EXPECT_TRUE(lost.empty()) << lost.size() << " row(s) lost or changed, first: "
                                  << lost.front().substr(0, 300);
    }
    for (const auto& [key, blob] : metaBefore) {
        Statement row(db, "SELECT sync_versions FROM \"" + key.first + "\" WHERE id = ?1");
        row.bind(1, key.second);
        ASSERT_TRUE(row.step()) << key.first << " " << key.second;
        EXPECT_EQ(row.blob(0), blob) << key.first << " " << key.second;
    }
    for (const auto& spec : domain::syncedTables()) {
        if (metaBefore.empty())
            break;  // a fixture from version 6 on: the versions were in the rows already
        // Only the records that had versions got them; the others stay NULL (seed values).
        std::size_t had = 0;
        for (const auto& [key, blob] : metaBefore)
            had += key.first == spec.name ? 1 : 0;
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM \"" + spec.name +
                                 "\" WHERE sync_versions IS NOT NULL"),
                  static_cast<std::int64_t>(had))
            << spec.name;
    }
    EXPECT_EQ(scalar(db,
                     "SELECT count(*) FROM standard s JOIN catalogue_edition e "
                     "ON e.id = s.edition_id WHERE e.year = 2018"),
              15);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM region"), 6);
    EXPECT_GE(scalar(db, "SELECT count(*) FROM member"), 150);
    EXPECT_EQ(db.integrityCheck(), "ok");
}

INSTANTIATE_TEST_SUITE_P(Migrations, MigrationsUpgrade, ::testing::ValuesIn(fixtureVersions()),
                         [](const auto& p) { return "v" + std::to_string(p.param); });

}  // namespace
}  // namespace cadre::replica
