// SchemaCatalogueTest: the TableSpecs agree with the migrated database, and the 2018 reference data
// agrees with the CSV files it is generated from.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "domain/Schema.h"
#include "domain/Uuid.h"
#include "domain/Validation.h"
#include "replica/Database.h"
#include "replica/Migrations.h"
#include "replica/RecordStore.h"

namespace cadre::domain {
namespace {

using replica::Database;
using replica::DatabaseError;
using replica::Statement;

/// One in-memory database migrated to the current version, shared by the suite (read mostly;
/// tests that write roll their writes back).
Database& migratedDb() {
    static Database db(":memory:");
    static const int applied = replica::migrate(db);
    EXPECT_EQ(applied, currentSchemaVersion());
    return db;
}

std::int64_t scalar(const std::string& sql) {
    Statement st(migratedDb(), sql);
    return st.step() ? st.integer(0) : -1;
}

const char* sqlType(ColumnType type) {
    switch (type) {
        case ColumnType::Integer:
        case ColumnType::Boolean:
            return "INTEGER";
        case ColumnType::Real:
            return "REAL";
        default:
            return "TEXT";
    }
}

std::vector<std::string> tableNames() {
    std::vector<std::string> names;
    for (const auto& t : syncedTables())
        names.push_back(t.name);
    return names;
}

class SchemaCatalogueTable : public ::testing::TestWithParam<std::string> {
  protected:
    const TableSpec& spec() const { return *findTable(GetParam()); }
};

TEST_P(SchemaCatalogueTable, TableInfoIsIdDeletedThenTheSpecColumnsInOrder) {
    Statement info(migratedDb(), "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)");
    info.bind(1, GetParam());
    // Expected (name, SQL type, NOT NULL, primary key) for each column, in table order.
    std::vector<std::tuple<std::string, std::string, bool, bool>> expected = {
        {"id", "TEXT", true, true}, {"deleted", "INTEGER", true, false}};
    for (const auto& c : spec().columns)
        expected.emplace_back(c.name, sqlType(c.type), c.required, false);
    // The versions blob of the sync bookkeeping is not a register: it may sit anywhere after
    // `deleted` (it was appended by migration 0006; later domain columns may follow it).
    std::vector<std::tuple<std::string, std::string, bool, bool>> actual;
    int versionsColumns = 0;
    while (info.step()) {
        if (info.text(0) == replica::kVersionsColumn) {
            ++versionsColumns;
            EXPECT_EQ(info.text(1), "BLOB");
            EXPECT_EQ(info.integer(2), 0) << "NULL means: seeded, never edited";
            continue;
        }
        actual.emplace_back(info.text(0), info.text(1), info.integer(2) != 0, info.integer(3) != 0);
    }
    EXPECT_EQ(actual, expected);
    EXPECT_EQ(versionsColumns, 1);
}

/// A value every CHECK of the column accepts.
Value validValue(const ColumnSpec& c) {
    switch (c.type) {
        case ColumnType::Integer:
        case ColumnType::Real:
            return c.min > std::numeric_limits<double>::lowest() ? Value(c.min) : Value(1.0);
        case ColumnType::Boolean:
            return Value(1);
        case ColumnType::Date:
            return Value("2024-05-06");
        case ColumnType::DateTime:
            return Value("2024-05-06T08:00:00Z");
        case ColumnType::Uuid:
            return Value("00000000-0000-4000-8000-000000000001");
        case ColumnType::Enum:
            return Value(c.enumValues.front());
        case ColumnType::Text:
            break;
    }
    return Value(std::string(std::min<std::size_t>(c.maxLength ? c.maxLength : 8, 8), 'a'));
}

/// Inserts a record of `spec` with every column valid except `column`, which gets `value`.
/// Returns SQLite's extended result code: SQLITE_OK or the constraint that refused it.
int tryInsert(const TableSpec& spec, const std::string& column, const Value& value) {
    std::string cols = "id, deleted", marks = "?1, ?2";
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        cols += ", " + spec.columns[i].name;
        marks += ", ?" + std::to_string(i + 3);
    }
    Database& db = migratedDb();
    db.exec("SAVEPOINT probe");
    int code = SQLITE_OK;
    try {
        Statement st(db, "INSERT INTO " + spec.name + " (" + cols + ") VALUES (" + marks + ")");
        st.bind(1, std::string_view("00000000-0000-4000-8000-0000000000ff"));
        st.bind(2, column == "deleted" ? value : Value(0));
        for (std::size_t i = 0; i < spec.columns.size(); ++i) {
            const auto& c = spec.columns[i];
            st.bind(static_cast<int>(i) + 3, c.name == column ? value : validValue(c));
        }
        st.run();
    } catch (const DatabaseError& e) {
        code = e.code();
    }
    db.exec("ROLLBACK TO probe; RELEASE probe");
    return code;
}

TEST_P(SchemaCatalogueTable, ConstraintsRefuseWhatTheSpecRefuses) {
    const TableSpec& t = spec();
    ASSERT_EQ(tryInsert(t, "", Value()), SQLITE_OK) << "a valid record must go in";
    EXPECT_EQ(tryInsert(t, "deleted", Value(2)), SQLITE_CONSTRAINT_CHECK);
    for (const auto& c : t.columns) {
        SCOPED_TRACE(t.name + "." + c.name);
        EXPECT_EQ(tryInsert(t, c.name, Value()),
                  c.required ? SQLITE_CONSTRAINT_NOTNULL : SQLITE_OK);
        if (c.type == ColumnType::Enum) {
            EXPECT_EQ(tryInsert(t, c.name, Value("not_a_value")), SQLITE_CONSTRAINT_CHECK);
        }
        if (c.type == ColumnType::Boolean) {
            EXPECT_EQ(tryInsert(t, c.name, Value(2)), SQLITE_CONSTRAINT_CHECK);
        }
        if (c.type == ColumnType::Integer || c.type == ColumnType::Real) {
            if (c.min > std::numeric_limits<double>::lowest()) {
                EXPECT_EQ(tryInsert(t, c.name, Value(c.min - 1)), SQLITE_CONSTRAINT_CHECK);
            }
            if (c.max < std::numeric_limits<double>::max()) {
                EXPECT_EQ(tryInsert(t, c.name, Value(c.max + 1)), SQLITE_CONSTRAINT_CHECK);
                EXPECT_EQ(tryInsert(t, c.name, Value(c.max)), SQLITE_OK);
            }
        }
    }
    EXPECT_EQ(migratedDb().integrityCheck(), "ok");
}

/// The columns of every index of `table`: {unique?, [columns]}.
std::vector<std::pair<bool, std::vector<std::string>>> indexes(const std::string& table) {
    std::vector<std::pair<bool, std::vector<std::string>>> out;
    Statement list(migratedDb(), "SELECT name, \"unique\" FROM pragma_index_list(?1)");
    list.bind(1, table);
    while (list.step()) {
        Statement info(migratedDb(), "SELECT name FROM pragma_index_info(?1) ORDER BY seqno");
        info.bind(1, list.text(0));
        std::vector<std::string> cols;
        while (info.step())
            cols.push_back(info.text(0));
        out.emplace_back(list.integer(1) != 0, cols);
    }
    return out;
}

// Every synced write checks the row's CHECKs. Written as `x IN ('a', 'b', 'c')`, SQLite 3.40 builds
// a temporary b-tree per row for each (0007_enum_checks rewrote them as OR chains): the compiled
// INSERT and UPDATE of every table must open none.
TEST_P(SchemaCatalogueTable, WritesBuildNoTemporaryTableForTheirChecks) {
    const TableSpec& t = spec();
    std::string cols = "id, deleted", params = "?1, ?2", sets = "deleted = ?2";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        cols += ", \"" + t.columns[i].name + "\"";
        params += ", ?" + std::to_string(i + 3);
        sets += ", \"" + t.columns[i].name + "\" = ?" + std::to_string(i + 3);
    }
    for (const std::string& sql :
         {"INSERT INTO \"" + t.name + "\" (" + cols + ") VALUES (" + params + ")",
          "UPDATE \"" + t.name + "\" SET " + sets + " WHERE id = ?1"}) {
        SCOPED_TRACE(sql);
        Statement explain(migratedDb(), "EXPLAIN " + sql);
        int ephemeral = 0;
        while (explain.step())
            ephemeral += explain.text(1) == "OpenEphemeral" ? 1 : 0;
        EXPECT_EQ(ephemeral, 0);
    }
}

TEST_P(SchemaCatalogueTable, NaturalKeyIsUniqueAndReferencesAreIndexed) {
    const TableSpec& t = spec();
    const auto all = indexes(t.name);
    for (const auto& k : t.naturalKey)
        EXPECT_NE(t.column(k), nullptr) << "natural key " << k;
    if (!t.naturalKey.empty()) {
        EXPECT_NE(std::find(all.begin(), all.end(), std::make_pair(true, t.naturalKey)), all.end())
            << "no UNIQUE index on the natural key";
    }
    for (const auto& c : t.columns) {
        if (c.references.empty())
            continue;
        EXPECT_EQ(c.type, ColumnType::Uuid) << c.name;
        const auto leading = [&](const auto& index) { return index.second.front() == c.name; };
        EXPECT_TRUE(std::any_of(all.begin(), all.end(), leading))
            << "no index leads with " << c.name;
    }
}

TEST_P(SchemaCatalogueTable, ReferencesNameTablesListedBefore) {
    const auto names = tableNames();
    const auto self = std::find(names.begin(), names.end(), GetParam());
    for (const auto& c : spec().columns) {
        if (c.references.empty())
            continue;
        const auto target = std::find(names.begin(), names.end(), c.references);
        EXPECT_LT(target, self) << c.name << " references " << c.references;
    }
}

INSTANTIATE_TEST_SUITE_P(SchemaCatalogue, SchemaCatalogueTable, ::testing::ValuesIn(tableNames()),
                         [](const auto& p) { return p.param; });

TEST(SchemaCatalogue, EveryDomainTableHasASpecAndEverySpecATable) {
    Statement st(migratedDb(),
                 "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                 "LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'sync\\_%' ESCAPE '\\'");
    std::set<std::string> inDb;
    while (st.step())
        inDb.insert(st.text(0));
    const auto names = tableNames();
    EXPECT_EQ(inDb, std::set<std::string>(names.begin(), names.end()));
    EXPECT_EQ(names.size(), 17u);
}

TEST(SchemaCatalogue, LookupsFindTablesAndColumns) {
    EXPECT_EQ(findTable("no_such_table"), nullptr);
    const TableSpec* observation = findTable("observation");
    ASSERT_NE(observation, nullptr);
    EXPECT_EQ(observation->columnIndex("mission_id"), 0u);
    EXPECT_EQ(observation->columnIndex("id"), std::nullopt);  // implicit, not a spec column
    ASSERT_NE(observation->column("maturity"), nullptr);
    EXPECT_EQ(observation->column("maturity")->max, 4.0);
    EXPECT_EQ(observation->column("nope"), nullptr);
    std::set<std::string> rendered;
    for (auto type : {ColumnType::Text, ColumnType::Integer, ColumnType::Real, ColumnType::Boolean,
                      ColumnType::Date, ColumnType::DateTime, ColumnType::Uuid, ColumnType::Enum}) {
        rendered.insert(toString(type));
    }
    EXPECT_EQ(rendered.size(), 8u);
}

// ---- The 2018 reference data (0003), against the CSV files it is generated from
// -------------------

/// The rows of a CSV file of schema/data (RFC 4180 quoting), each as header name → value.
std::vector<std::map<std::string, std::string>> readCsv(const std::string& name) {
    std::ifstream in(std::string(CADRE_SOURCE_DIR) + "/schema/data/" + name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
    bool quoted = false;
    const std::string s = text.str();
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        if (quoted && ch == '"' && i + 1 < s.size() && s[i + 1] == '"') {
            records.back().back() += '"';
            ++i;
        } else if (ch == '"') {
            quoted = !quoted;
        } else if (!quoted && ch == ',') {
            records.back().emplace_back();
        } else if (!quoted && ch == '\n') {
            records.emplace_back(1);
        } else if (ch != '\r' || quoted) {
            records.back().back() += ch;
        }
    }
    std::vector<std::map<std::string, std::string>> rows;
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() == 1 && records[r][0].empty())
            continue;  // the final newline
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < records[0].size() && c < records[r].size(); ++c) {
            row[records[0][c]] = records[r][c];
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

TEST(SchemaCatalogue, Edition2018HasTheFifteenStandardsOfTheCsv) {
    const auto csv = readCsv("fos-standards-2018.csv");
    ASSERT_EQ(csv.size(), 15u);
    EXPECT_EQ(scalar("SELECT count(*) FROM catalogue_edition WHERE year = 2018 AND "
                     "status = 'in_force' AND deleted = 0"),
              1);
    Statement st(migratedDb(),
                 "SELECT s.group_number, s.group_en, s.title_en, s.title_fr, s.source_confidence "
                 "FROM standard s JOIN catalogue_edition e ON e.id = s.edition_id "
                 "WHERE e.year = 2018 AND s.number = ?1 AND s.deleted = 0");
    for (const auto& row : csv) {
        SCOPED_TRACE("standard " + row.at("number"));
        st.bind(1, std::int64_t{std::stoi(row.at("number"))});
        ASSERT_TRUE(st.step());
        EXPECT_EQ(st.integer(0), std::stoi(row.at("group_number")));
        EXPECT_EQ(st.text(1), row.at("group_en"));
        EXPECT_EQ(st.text(2), row.at("title_en"));
        if (row.at("title_fr").empty()) {
            EXPECT_TRUE(st.isNull(3));
        } else {
            EXPECT_EQ(st.text(3), row.at("title_fr"));
        }
        std::string confidence = row.at("source_confidence");
        std::replace(confidence.begin(), confidence.end(), ' ', '_');
        EXPECT_EQ(st.text(4), confidence);
        EXPECT_FALSE(st.step());
        st.reset();
    }
    EXPECT_EQ(scalar("SELECT count(*) FROM standard"), 15);
}

TEST(SchemaCatalogue, SixRegionsAndEveryMemberInOne) {
    EXPECT_EQ(scalar("SELECT count(*) FROM region"), 6);
    EXPECT_EQ(scalar("SELECT count(*) FROM region WHERE code IN "
                     "('AMS', 'AP', 'ESA', 'EUR', 'MENA', 'WCA')"),
              6);
    const auto members = readCsv("members.csv");
    EXPECT_GE(members.size(), 150u);
    EXPECT_EQ(scalar("SELECT count(*) FROM member"), static_cast<std::int64_t>(members.size()));
    EXPECT_EQ(scalar("SELECT count(*) FROM member m JOIN region r ON r.id = m.region_id"),
              static_cast<std::int64_t>(members.size()));
    EXPECT_EQ(scalar("SELECT count(*) FROM member WHERE mercator_track = 'none' AND "
                     "letter_of_intent_on IS NULL AND deleted = 0 AND length(iso3) = 3"),
              static_cast<std::int64_t>(members.size()));
    EXPECT_EQ(scalar("SELECT count(*) FROM member WHERE iso3 = 'EUU'"), 0);  // not ISO 3166-1
    EXPECT_EQ(migratedDb().integrityCheck(), "ok");
}

TEST(SchemaCatalogue, SeededIdsAreFixedNamedUuids) {
    // These ids are on devices and servers: they must never change.
    EXPECT_EQ(scalar("SELECT count(*) FROM catalogue_edition WHERE year = 2018 AND "
                     "id = 'ba49b242-c46b-5280-9037-e0ea50778dd4'"),
              1);
    EXPECT_EQ(scalar("SELECT count(*) FROM region WHERE code = 'EUR' AND "
                     "id = 'd02fdf20-5a07-5a87-97fc-86cc7896bc94'"),
              1);
    EXPECT_EQ(scalar("SELECT count(*) FROM member WHERE iso3 = 'FRA' AND "
                     "id = '46291dc5-7715-5a4b-8a04-1a4064b016fd'"),
              1);
    EXPECT_EQ(namedUuid("catalogue_edition/2018"), "ba49b242-c46b-5280-9037-e0ea50778dd4");
    // Regions and Members: the seeded id is the one their natural key gives on every device.
    for (const char* table : {"region", "member"}) {
        const TableSpec& spec = *findTable(table);
        Statement st(migratedDb(), "SELECT id, " + spec.naturalKey.at(0) + " FROM " + spec.name);
        while (st.step()) {
            EXPECT_EQ(st.text(0), naturalRecordId(spec, {Value(st.text(1))})) << st.text(1);
        }
    }
    // Standards too: a standard created on a device for (edition, number) gets the seeded id.
    const TableSpec& standard = *findTable("standard");
    Statement st(migratedDb(), "SELECT id, edition_id, number FROM standard");
    int checked = 0;
    while (st.step()) {
        EXPECT_EQ(st.text(0), naturalRecordId(standard, {Value(st.text(1)), Value(st.integer(2))}));
        ++checked;
    }
    EXPECT_EQ(checked, 15);
}

}  // namespace
}  // namespace cadre::domain
