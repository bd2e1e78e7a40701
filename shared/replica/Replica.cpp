#include "replica/Replica.h"

#include <algorithm>

#include "codec/ChangeCodec.h"
#include "domain/RecordScope.h"
#include "domain/Schema.h"
#include "domain/Uuid.h"
#include "domain/Validation.h"
#include "replica/ChangeApplier.h"
#include "replica/Migrations.h"
#include "replica/RecordStore.h"

namespace cadre::replica {

using domain::TableSpec;

namespace {
const TableSpec& tableOrThrow(const std::string& table) {
    const TableSpec* spec = domain::findTable(table);
    if (!spec)
        throw domain::ValidationError("table", "unknown table '" + table + "'");
    return *spec;
}
}  // namespace

Replica::Replica(const std::string& path, Options options)
    : options_(std::move(options)),
      db_(path, options_.database),
      clock_(options_.clockSource, options_.maxClockAheadMs) {
    migrate(db_, options_.log);
    store_ = std::make_unique<RecordStore>(db_);
    deviceId_ = stateValue("device_id");
    if (deviceId_.empty()) {
        Transaction tx(db_);
        deviceId_ = stateValue("device_id");  // another connection may have just made it
        if (deviceId_.empty()) {
            deviceId_ = domain::randomUuid();
            setStateValue("device_id", Value(deviceId_));
            setStateValue("role", Value(options_.role == Role::Hub ? "hub" : "device"));
        }
        tx.commit();
    }
    loadState();
}

std::int64_t Replica::readDataVersion() {
    // PRAGMA data_version changes when another connection commits to the file (not for this
    // connection's own commits). Prepared once: it runs at the start of every write transaction.
    if (!dataVersionQuery_)
        dataVersionQuery_ = std::make_unique<Statement>(db_, "PRAGMA data_version");
    const std::int64_t version = dataVersionQuery_->step() ? dataVersionQuery_->integer(0) : 0;
    dataVersionQuery_->reset();
    return version;
}

void Replica::refreshIfChangedElsewhere() {
    // The counters cached here (last sequence number, clock, origins) may be stale when another
    // connection has committed.
    const std::int64_t version = readDataVersion();
    if (version != dataVersion_) {
        if (dataVersion_ >= 0)
            loadState();
        dataVersion_ = version;
    }
}

Replica::~Replica() = default;

std::string Replica::stateValue(const std::string& key) {
    Statement st(db_, "SELECT value FROM sync_state WHERE key = ?1");
    st.bind(1, key);
    return st.step() ? st.text(0) : std::string();
}

void Replica::setStateValue(const std::string& key, const Value& value) {
    Statement st(db_,
                 "INSERT INTO sync_state (key, value) VALUES (?1, ?2) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value).run();
}

void Replica::loadState() {
    const auto number = [&](const char* key) {
        const std::string v = stateValue(key);
        return v.empty() ? std::int64_t{0} : std::stoll(v);
    };
    dataVersion_ = readDataVersion();
    lastSeq_ = number("last_seq");
    clock_.restore(static_cast<clock::Hlc>(number("clock")));
    remoteHlc_ = static_cast<clock::Hlc>(number("remote_clock"));
    clock_.setOffsetMs(number("clock_offset_ms"));
    origins_.clear();
    dirtyOrigins_.clear();
    Statement st(db_, "SELECT device, max_seq FROM sync_origin");
    while (st.step())
        origins_[st.text(0)] = st.integer(1);
}

void Replica::persistState() {
    setStateValue("last_seq", Value(lastSeq_));
    setStateValue("clock", Value(static_cast<std::int64_t>(clock_.last())));
    setStateValue("remote_clock", Value(static_cast<std::int64_t>(remoteHlc_)));
    if (dirtyOrigins_.empty())
        return;
    Statement st(db_,
                 "INSERT INTO sync_origin (device, max_seq) VALUES (?1, ?2) "
                 "ON CONFLICT (device) DO UPDATE SET max_seq = excluded.max_seq");
    for (const auto& origin : dirtyOrigins_)
        st.bind(1, origin).bind(2, origins_[origin]).run();
    dirtyOrigins_.clear();
}

void Replica::transaction(const std::function<void()>& body) {
    if (txDepth_ > 0) {
        body();
        return;
    }
    ++txDepth_;
    try {
        Transaction tx(db_);
        refreshIfChangedElsewhere();
        body();
        persistState();
        tx.commit();
    } catch (...) {
        --txDepth_;
        loadState();  // the rollback undid what the cached counters had counted
        throw;
    }
    --txDepth_;
}

void Replica::setOrigin(const std::string& origin, std::int64_t seq) {
    auto [it, added] = origins_.try_emplace(origin, 0);
    if (savepointUndo_)
        savepointUndo_->try_emplace(origin, added ? std::nullopt : std::optional(it->second));
    it->second = seq;
    dirtyOrigins_.insert(origin);
}

void Replica::savepoint(const std::function<void()>& body) {
    if (txDepth_ == 0)
        throw std::logic_error("Replica::savepoint needs an open transaction");
    if (savepointUndo_)
        throw std::logic_error("Replica::savepoint does not nest");
    std::map<std::string, std::optional<std::int64_t>> undo;
    const auto dirty = dirtyOrigins_;
    const auto last = lastSeq_;
    const auto remote = remoteHlc_;
    savepointUndo_ = &undo;
    db_.exec("SAVEPOINT cadre_batch");
    try {
        body();
    } catch (...) {
        savepointUndo_ = nullptr;
        db_.exec("ROLLBACK TO cadre_batch");
        db_.exec("RELEASE cadre_batch");
        for (const auto& [origin, before] : undo) {
            if (before)
                origins_[origin] = *before;
            else
                origins_.erase(origin);
        }
        dirtyOrigins_ = dirty;
        lastSeq_ = last;
        remoteHlc_ = remote;  // the clock itself may stay ahead: it only has to be monotonic
        throw;
    }
    savepointUndo_ = nullptr;
    db_.exec("RELEASE cadre_batch");
}

std::string Replica::localSetting(const std::string& key) {
    return stateValue("local." + key);
}

void Replica::setLocalSetting(const std::string& key, const std::string& value) {
    transaction([&] { setStateValue("local." + key, Value(value)); });
}

void Replica::setClockOffset(std::int64_t offsetMs) {
    clock_.setOffsetMs(offsetMs);
    transaction([&] { setStateValue("clock_offset_ms", Value(offsetMs)); });
}

std::string Replica::insert(const std::string& table, const Fields& fields) {
    const TableSpec& spec = tableOrThrow(table);
    std::string id;
    if (spec.naturalKey.empty()) {
        id = domain::timeOrderedUuid();
    } else {
        std::vector<Value> key;
        std::vector<domain::Issue> issues;
        for (const auto& k : spec.naturalKey) {
            auto it = fields.find(k);
            if (it == fields.end() || it->second.isNull())
                issues.push_back({"fields." + k, "is required: it identifies the " + table});
            else
                key.push_back(it->second);
        }
        if (!issues.empty())
            throw domain::ValidationError(std::move(issues));
        id = domain::naturalRecordId(spec, key);
    }
    write(WriteKind::Create, table, id, fields);
    return id;
}

void Replica::update(const std::string& table, const std::string& id, const Fields& fields) {
    write(WriteKind::Edit, table, id, fields);
}
void Replica::remove(const std::string& table, const std::string& id) {
    write(WriteKind::Delete, table, id, {{kDeletedColumn, Value(1)}});
}
void Replica::restore(const std::string& table, const std::string& id) {
    write(WriteKind::Restore, table, id, {{kDeletedColumn, Value(0)}});
}
void Replica::resolve(const std::string& table, const std::string& id, const std::string& column,
                      const Value& value) {
    write(WriteKind::Resolve, table, id, {{column, value}});
}

void Replica::write(WriteKind kind, const std::string& table, const std::string& id,
                    const Fields& fields) {
    const TableSpec& spec = tableOrThrow(table);
    transaction([&] {
        RecordState state = store_->load(spec, id);
        const bool deleted = state.exists && state.values[0] == Value(1);
        const std::string what = table + " " + id;
        switch (kind) {
            case WriteKind::Create:
                if (state.exists)
                    throw WriteRefused(what + (deleted
                                                   ? " exists but is deleted: restore it instead"
                                                   : " already exists"));
                break;
            case WriteKind::Edit:
            case WriteKind::Delete:
                if (!state.exists)
                    throw WriteRefused(what + " does not exist");
                if (deleted)
                    throw WriteRefused(what + " is deleted: restore it first");
                if (kind == WriteKind::Edit && fields.empty())
                    throw WriteRefused("nothing to update");
                if (kind == WriteKind::Edit && fields.count(kDeletedColumn))
                    throw WriteRefused("use remove() and restore() to change 'deleted'");
                break;
            case WriteKind::Restore:
                if (!state.exists)
                    throw WriteRefused(what + " does not exist");
                if (!deleted)
                    throw WriteRefused(what + " is not deleted");
                break;
            case WriteKind::Resolve:
                if (!state.exists)
                    throw WriteRefused(what + " does not exist");
                break;
        }

        Change c;
        c.origin = deviceId_;
        c.seq = lastSeq_ + 1;
        c.hlc = clock_.now();
        c.author = options_.author;
        c.table = table;
        c.row = id;
        c.created = kind == WriteKind::Create;
        Fields all = fields;
        if (kind == WriteKind::Create || kind == WriteKind::Edit)
            all.emplace(kDeletedColumn, Value(0));
        for (const auto& [column, value] : all) {
            FieldWrite f{column, value, {}};
            const bool known = column == kDeletedColumn || spec.columnIndex(column).has_value();
            if (!c.created && known) {
                const std::size_t reg = registerIndex(spec, column);
                auto rs =
                    registerState(state, reg,
                                  state.meta[reg].hasOthers ? store_->loadOthers(spec, id, reg)
                                                            : std::vector<merge::Leaf>{});
                f.bases = kind == WriteKind::Resolve ? merge::basesForResolution(rs)
                                                     : merge::basesForEdit(rs);
            }
            c.fields.push_back(std::move(f));
        }
        std::vector<domain::Issue> issues;
        if (!domain::validateChange(c, "", issues))
            throw domain::ValidationError(std::move(issues));
        applyChange(*store_, spec, state, c);
        appendLog(c, spec, state);
        lastSeq_ = c.seq;
        setOrigin(deviceId_, c.seq);
    });
}

void Replica::appendLog(const Change& change, const TableSpec& spec, const RecordState& state,
                        std::string_view wire) {
    std::string encoded;
    if (!appendLog_)
        appendLog_ = std::make_unique<Statement>(
            db_,
            "INSERT INTO sync_log (origin, origin_seq, tbl, row_id, change, scope_kind, scope_id) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    // Unowned binds: the change, its wire text, `encoded` and `scope` all outlive run() below;
    // every run binds all of them first, so none is ever stepped on stale.
    appendLog_->bindUnowned(1, change.origin)
        .bind(2, change.seq)
        .bindUnowned(3, change.table)
        .bindUnowned(4, change.row)
        .bindUnowned(5,
                     wire.empty() ? std::string_view(encoded = codec::encodeChange(change)) : wire);
    std::optional<domain::RecordScope> scope;  // here, not in the block: bound until run()
    if (options_.role == Role::Hub) {
        // The scope of the record as it stands after the change (a record's scope never moves:
        // the fields it derives from are its natural key or set at creation).
        const auto own = [&](const std::string& column) -> std::optional<Value> {
            if (column == "id")
                return Value(change.row);
            return state.values[registerIndex(spec, column)];
        };
        const auto lookup = [&](const std::string& table, const std::string& id,
                                const std::string& column) -> std::optional<Value> {
            const TableSpec* parent = domain::findTable(table);
            if (!parent || !parent->columnIndex(column))
                return std::nullopt;
            const RecordState p = store_->load(*parent, id);
            if (!p.exists)
                return std::nullopt;
            return p.values[registerIndex(*parent, column)];
        };
        scope = domain::scopeOf(change.table, own, lookup);
        if (scope)
            appendLog_->bindUnowned(6, scope->kind).bindUnowned(7, scope->id);
        else
            appendLog_->bind(6, "unscoped").bindNull(7);  // only HQ reads it
    }
    appendLog_->run();
}

std::optional<Record> Replica::get(const std::string& table, const std::string& id) {
    const TableSpec& spec = tableOrThrow(table);
    const RecordState state = store_->load(spec, id);
    if (!state.exists)
        return std::nullopt;
    Record r{table, id, state.values[0] == Value(1), {}};
    for (std::size_t i = 0; i < spec.columns.size(); ++i)
        r.fields[spec.columns[i].name] = state.values[i + 1];
    return r;
}

}  // namespace cadre::replica
