#include "replica/RecordStore.h"

#include <stdexcept>

#include "codec/Change.h"

namespace cadre::replica {

using domain::TableSpec;

std::size_t registerCount(const TableSpec& table) {
    return table.columns.size() + 1;
}

const std::string& registerName(const TableSpec& table, std::size_t reg) {
    static const std::string deleted = kDeletedColumn;
    return reg == 0 ? deleted : table.columns.at(reg - 1).name;
}

std::size_t registerIndex(const TableSpec& table, std::string_view column) {
    if (column == kDeletedColumn)
        return 0;
    if (auto i = table.columnIndex(column))
        return *i + 1;
    throw std::out_of_range("no column '" + std::string(column) + "' in table " + table.name);
}

merge::RegisterState registerState(const RecordState& record, std::size_t reg,
                                   std::vector<merge::Leaf> others) {
    merge::RegisterState state;
    if (record.exists && record.meta[reg].present)
        state.winner =
            merge::Leaf{record.meta[reg].version, record.values[reg], record.meta[reg].author};
    state.others = std::move(others);
    return state;
}

struct RecordStore::TableStatements {
    Statement select, insert, update, insertIfAbsent;
};

namespace {
std::string columnList(const TableSpec& t) {
    std::string s = "deleted";
    for (const auto& c : t.columns)
        s += ", \"" + c.name + "\"";
    return s;
}
}  // namespace

RecordStore::RecordStore(Database& db)
    : db_(db),
      selectLeaves_(db,
                    "SELECT hlc, device, author, value FROM sync_leaf "
                    "WHERE tbl = ?1 AND row_id = ?2 AND col = ?3 ORDER BY hlc, device"),
      deleteLeaves_(db, "DELETE FROM sync_leaf WHERE tbl = ?1 AND row_id = ?2 AND col = ?3"),
      insertLeaf_(db,
                  "INSERT INTO sync_leaf (tbl, row_id, col, hlc, device, author, value, conflict) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") {}

RecordStore::~RecordStore() = default;

RecordStore::TableStatements& RecordStore::statements(const TableSpec& t) {
    auto it = tables_.find(t.name);
    if (it != tables_.end())
        return *it->second;
    // The versions blob (kVersionsColumn) follows the registers: parameter n + 2 of insert and
    // update, result column n of select, where n is the number of registers.
    const std::string cols = columnList(t) + ", " + kVersionsColumn;
    const std::string versions = "?" + std::to_string(registerCount(t) + 2);
    std::string params = "?1, ?2", sets = "deleted = ?2";
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
        params += ", ?" + std::to_string(i + 3);
        sets += ", \"" + t.columns[i].name + "\" = ?" + std::to_string(i + 3);
    }
    params += ", " + versions;
    sets += std::string(", ") + kVersionsColumn + " = " + versions;
    // Table and column names come from the compiled-in schema, never from input.
    const std::string insert =
        "INSERT INTO \"" + t.name + "\" (id, " + cols + ") VALUES (" + params + ")";
    auto s = std::make_unique<TableStatements>(
        TableStatements{Statement(db_, "SELECT " + cols + " FROM \"" + t.name + "\" WHERE id = ?1"),
                        Statement(db_, insert),
                        Statement(db_, "UPDATE \"" + t.name + "\" SET " + sets + " WHERE id = ?1"),
                        Statement(db_, insert + " ON CONFLICT (id) DO NOTHING")});
    return *tables_.emplace(t.name, std::move(s)).first->second;
}

RecordState RecordStore::absent(const TableSpec& t) {
    RecordState r;
    const std::size_t n = registerCount(t);
    r.values.resize(n);
    r.meta.resize(n);
    return r;
}

RecordState RecordStore::load(const TableSpec& t, const std::string& id) {
    auto& st = statements(t).select;
    st.bind(1, id);
    if (!st.step()) {
        st.reset();
        return absent(t);
    }
    RecordState r;
    const std::size_t n = registerCount(t);
    r.values.resize(n);
    r.exists = true;
    for (std::size_t i = 0; i < n; ++i)
        r.values[i] = st.value(static_cast<int>(i));
    if (st.isNull(static_cast<int>(n)))
        r.meta.assign(n, RegisterMeta{true, merge::kSeedVersion, "", false});
    else
        r.meta = decodeMeta(st.blob(static_cast<int>(n)), n);
    st.reset();
    return r;
}

namespace {
/// Binds a record's id, values and versions to an insert or update of statements() and runs it.
void bindRecordAndRun(Statement& st, const std::string& id, const RecordState& r) {
    const std::string blob = encodeMeta(r.meta);
    // Every value outlives the run, which binds them all again each time: no copies.
    st.bindUnowned(1, id);
    for (std::size_t i = 0; i < r.values.size(); ++i)
        st.bindUnowned(static_cast<int>(i + 2), r.values[i]);
    st.bindBlobUnowned(static_cast<int>(r.values.size() + 2), blob).run();
}
}  // namespace

void RecordStore::save(const TableSpec& t, const std::string& id, const RecordState& r) {
    auto& s = statements(t);
    bindRecordAndRun(r.exists ? s.update : s.insert, id, r);
}

bool RecordStore::insertIfAbsent(const TableSpec& t, const std::string& id, const RecordState& r) {
    bindRecordAndRun(statements(t).insertIfAbsent, id, r);
    return db_.changes() == 1;
}

std::vector<merge::Leaf> RecordStore::loadOthers(const TableSpec& t, const std::string& id,
                                                 std::size_t reg) {
    std::vector<merge::Leaf> out;
    selectLeaves_.bind(1, t.name).bind(2, id).bind(3, registerName(t, reg));
    while (selectLeaves_.step()) {
        out.push_back(
            merge::Leaf{merge::Version{static_cast<std::uint64_t>(selectLeaves_.integer(0)),
                                       selectLeaves_.text(1)},
                        selectLeaves_.value(3), selectLeaves_.text(2)});
    }
    selectLeaves_.reset();
    return out;
}

void RecordStore::saveOthers(const TableSpec& t, const std::string& id, std::size_t reg,
                             const merge::RegisterState& state) {
    const std::string& col = registerName(t, reg);
    deleteLeaves_.bind(1, t.name).bind(2, id).bind(3, col).run();
    for (const auto& leaf : state.others) {
        const bool conflict = !state.winner || leaf.value != state.winner->value;
        insertLeaf_.bind(1, t.name)
            .bind(2, id)
            .bind(3, col)
            .bind(4, static_cast<std::int64_t>(leaf.version.hlc))
            .bind(5, leaf.version.device)
            .bind(6, leaf.author)
            .bind(7, leaf.value)
            .bind(8, std::int64_t{conflict ? 1 : 0})
            .run();
    }
}

}  // namespace cadre::replica
