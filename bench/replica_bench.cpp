// replica_bench: replica write, merge-apply and decode throughput against raw SQLite inserts.
//
// One run measures, on files in one temporary directory with the replica's own pragmas:
//   a. raw SQLite: plain prepared INSERTs (and a 3-field UPDATE) into a migrated `observation`;
//   b. Replica::insert and Replica::update inside replica.transaction batches;
//   c. Replica::applyRemote of the changes b captured, into a fresh device replica (per chunk,
//      in one call, replayed, and the remote edits);
//   d. codec::decodeBatch of the same changes as JSON wire batches.
// Every figure is the best of --repeat runs. The bench checks its work (counts, integrity_check,
// state hash of source and target) and exits non-zero if anything is off.
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "codec/ChangeCodec.h"
#include "domain/Schema.h"
#include "domain/Uuid.h"
#include "domain/Validation.h"
#include "replica/Replica.h"

namespace {

namespace fs = std::filesystem;
using cadre::Change;
using cadre::Value;
using cadre::replica::Database;
using cadre::replica::Fields;
using cadre::replica::Replica;
using cadre::replica::Statement;
using cadre::replica::Transaction;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kTable = "observation";

struct Config {
    std::size_t records = 100000;
    std::size_t batch = 1000;
    int repeat = 3;
    fs::path dir;
    bool ownDir = true;
    bool keep = false;
    bool single = true;
    bool synchronousFull = true;
    int cacheMiB = 0;  ///< 0: SQLite's default page cache, as the replica leaves it
    std::uint64_t seed = 0x5eedcad7e2018ULL;
};

// --- Checks: every failure is printed and makes the exit status non-zero.

int gFailures = 0;

void expect(bool ok, const std::string& what) {
    if (ok)
        return;
    ++gFailures;
    std::cerr << "CHECK FAILED: " << what << "\n";
}

// --- Deterministic data.

/// splitmix64: small, fast and the same everywhere.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }

  private:
    std::uint64_t s_;
};

std::string uuidFrom(Rng& rng) {
    static constexpr char hex[] = "0123456789abcdef";
    std::uint64_t hi = rng.next(), lo = rng.next();
    hi = (hi & ~0xf000ULL) | 0x4000ULL;              // version 4
    lo = (lo & ~(0xc0ULL << 56)) | (0x80ULL << 56);  // variant 10
    std::string out;
    out.reserve(36);
    for (int i = 0; i < 32; ++i) {
        const std::uint64_t word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out += '-';
        out += hex[(word >> shift) & 0xf];
    }
    return out;
}

// Sentences of diagnostic reports; {P} is a place, {N} a number, {Y} a year.
constexpr const char* kFrench[] = {
    "L'administration des douanes de {P} ne reçoit pas encore les données préalables des "
    "opérateurs postaux.",
    "Les envois de faible valeur représentent environ {N} % des déclarations traitées en {Y}.",
    "Le cadre légal ne prévoit pas l'échange électronique de données avant l'arrivée des colis.",
    "Les équipes de ciblage manquent d'outils d'analyse de risque adaptés au commerce "
    "électronique.",
    "Une révision du code des douanes est prévue, mais le calendrier reste à préciser.",
    "Les micro, petites et moyennes entreprises méconnaissent les procédures simplifiées "
    "d'exportation.",
    "La coopération avec l'opérateur désigné et les plateformes de vente en ligne demeure "
    "informelle.",
    "Il est recommandé d'élaborer une feuille de route nationale d'ici la fin de {Y}.",
    "Le recouvrement de la TVA sur les petits envois reste incomplet et difficile à contrôler.",
    "Des formations régionales ont réuni {N} agents à {P} au cours du dernier trimestre.",
    "Les délais de mainlevée dépassent souvent quarante-huit heures à l'aéroport principal.",
    "La mise en place d'un guichet unique électronique faciliterait la déclaration des "
    "retours.",
    "Les statistiques du commerce électronique transfrontalier ne sont pas encore publiées.",
    "Le comité national de facilitation des échanges a validé le plan d'action révisé.",
    "Les contrôles a posteriori restent rares faute de données fiables sur les vendeurs "
    "étrangers.",
    "L'évaluation de maturité s'appuie sur des entretiens menés à {P} avec les services "
    "concernés.",
};
constexpr const char* kEnglish[] = {
    "Customs in {P} does not yet receive advance electronic data from postal operators.",
    "Low-value consignments accounted for about {N}% of the declarations processed in {Y}.",
    "The legal framework does not provide for data exchange before goods arrive.",
    "Targeting teams lack risk-management tools suited to cross-border e-commerce flows.",
    "An amendment of the Customs Code is planned, but its timetable is still uncertain.",
    "Micro, small and medium-sized enterprises are largely unaware of simplified export "
    "procedures.",
    "Cooperation with the designated operator and online marketplaces remains informal.",
    "A national e-commerce roadmap should be drafted and adopted before the end of {Y}.",
    "VAT collection on small parcels is incomplete and hard to verify after release.",
    "Regional workshops trained {N} officers in {P} during the last quarter.",
    "Release times at the main airport frequently exceed forty-eight hours.",
    "A single window would make declaring returned goods simpler for e-vendors.",
    "Statistics on cross-border e-commerce are collected but not yet published.",
    "The national trade facilitation committee endorsed the revised action plan.",
    "Post-clearance audits remain rare for lack of reliable data on foreign sellers.",
    "The maturity assessment relies on interviews held in {P} with the services concerned.",
};
constexpr const char* kPlaces[] = {
    "Sénégal", "Côte d'Ivoire", "Bénin",  "Cameroun", "Maurice",  "Madagascar", "Guinée",
    "Tunisie", "Maroc",         "Pérou",  "México",   "Viet Nam", "Québec",     "Lomé",
    "Niamey",  "Brazzaville",   "Bogotá", "Genève",   "Nouméa",   "Saint-Louis"};

std::string sentence(Rng& rng, bool french) {
    const std::string_view tpl =
        french ? kFrench[rng.below(std::size(kFrench))] : kEnglish[rng.below(std::size(kEnglish))];
    std::string out;
    out.reserve(tpl.size() + 16);
    for (std::size_t i = 0; i < tpl.size(); ++i) {
        if (tpl[i] == '{' && i + 2 < tpl.size() && tpl[i + 2] == '}') {
            switch (tpl[i + 1]) {
                case 'P':
                    out += kPlaces[rng.below(std::size(kPlaces))];
                    break;
                case 'N':
                    out += std::to_string(rng.between(3, 97));
                    break;
                default:
                    out += std::to_string(rng.between(2019, 2031));
                    break;
            }
            i += 2;
        } else {
            out += tpl[i];
        }
    }
    return out;
}

/// Prose of roughly `targetBytes` bytes (whole sentences; the last one may overshoot).
std::string prose(Rng& rng, bool french, std::size_t targetBytes) {
    std::string out;
    while (out.size() < targetBytes) {
        if (!out.empty())
            out += ' ';
        out += sentence(rng, french);
    }
    return out;
}

/// One observation, prepared in every shape the steps need before any timing starts.
struct Observation {
    std::string id;              ///< derived from the natural key, as Replica::insert does
    Fields fields;               ///< for Replica::insert
    std::vector<Value> row;      ///< deleted, then the spec's columns: the raw INSERT
    Fields edit;                 ///< 3 fields, for Replica::update
    std::vector<Value> editRow;  ///< the same 3 values, for the raw UPDATE
};

constexpr const char* kEditColumns[] = {"maturity", "national_priority", "recommendations"};

std::vector<Observation> makeObservations(const Config& cfg,
                                          const std::vector<std::string>& standards,
                                          std::size_t& textBytes) {
    const cadre::domain::TableSpec& spec = *cadre::domain::findTable(kTable);
    static const char* priorities[] = {"high", "medium", "low"};
    static const char* reviews[] = {"draft",     "draft",      "draft",
                                    "submitted", "has_issues", "approved"};
    Rng rng(cfg.seed);
    std::vector<Observation> out(cfg.records);
    std::string mission;
    textBytes = 0;
    for (std::size_t i = 0; i < cfg.records; ++i) {
        // Missions visit every standard of the edition: one observation per (mission, standard).
        const std::size_t s = i % standards.size();
        if (s == 0)
            mission = uuidFrom(rng);
        const bool french = rng.below(2) == 0;
        Observation& o = out[i];
        Fields& f = o.fields;
        f["mission_id"] = Value(mission);
        f["standard_id"] = Value(standards[s]);
        f["maturity"] =
            rng.below(10) == 0 ? Value() : Value(static_cast<std::int64_t>(rng.below(5)));
        f["current_state"] = Value(prose(rng, french, rng.between(170, 250)));
        f["gaps"] = Value(prose(rng, french, rng.between(110, 190)));
        f["legal_amendments"] = Value(prose(rng, french, rng.between(70, 150)));
        f["msme_needs"] = Value(prose(rng, french, rng.between(70, 150)));
        f["recommendations"] = Value(prose(rng, french, rng.between(110, 190)));
        f["national_priority"] = rng.below(5) == 0 ? Value() : Value(priorities[rng.below(3)]);
        f["review_state"] = Value(reviews[rng.below(std::size(reviews))]);
        o.id = cadre::domain::naturalRecordId(spec, {f["mission_id"], f["standard_id"]});
        o.row.push_back(Value(0));
        for (const auto& c : spec.columns) {
            const Value& v = f.at(c.name);
            o.row.push_back(v);
            if (v.isText())
                textBytes += v.asText().size();
        }
        const std::int64_t maturity =
            f["maturity"].isNull() ? 2 : (f["maturity"].asInteger() + 1) % 5;
        o.edit["maturity"] = Value(maturity);
        o.edit["national_priority"] = Value(priorities[rng.below(3)]);
        o.edit["recommendations"] = Value(prose(rng, french, rng.between(110, 190)));
        for (const char* c : kEditColumns)
            o.editRow.push_back(o.edit.at(c));
    }
    return out;
}

// --- Files and SQLite helpers.

void removeDb(const fs::path& p) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(p.string() + suffix, ec);
}

/// Checkpoints the WAL into the main file and returns the main file's size.
std::uintmax_t settledSize(Database& db, const fs::path& p) {
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return fs::file_size(p);
}

std::int64_t scalar(Database& db, const std::string& sql) {
    Statement st(db, sql);
    return st.step() ? st.integer(0) : -1;
}

/// Applies --cache-mib to a connection the bench opened (every connection, raw or replica).
void tune(const Config& cfg, Database& db) {
    if (cfg.cacheMiB > 0)
        db.exec("PRAGMA cache_size=-" + std::to_string(cfg.cacheMiB * 1024));
}

Replica::Options replicaOptions(const Config& cfg, const std::string& author) {
    Replica::Options o;
    o.role = Replica::Role::Device;
    o.author = author;
    o.database.synchronousFull = cfg.synchronousFull;
    return o;
}

struct StmtDeleter {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using RawStatement = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

RawStatement prepareRaw(Database& db, const std::string& sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db.handle(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) !=
        SQLITE_OK)
        throw std::runtime_error("prepare: " + std::string(sqlite3_errmsg(db.handle())));
    return RawStatement(st);
}

/// Binds without copying (SQLITE_STATIC: the value outlives the step).
void bindRaw(sqlite3_stmt* st, int index, const Value& v) {
    const auto& s = v.storage();
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(s))
        rc = sqlite3_bind_null(st, index);
    else if (const auto* i = std::get_if<std::int64_t>(&s))
        rc = sqlite3_bind_int64(st, index, *i);
    else if (const auto* d = std::get_if<double>(&s))
        rc = sqlite3_bind_double(st, index, *d);
    else {
        const std::string& t = std::get<std::string>(s);
        rc = sqlite3_bind_text64(st, index, t.data(), t.size(), nullptr, SQLITE_UTF8);
    }
    if (rc != SQLITE_OK)
        throw std::runtime_error("bind failed");
}

void stepRaw(Database& db, sqlite3_stmt* st) {
    if (sqlite3_step(st) != SQLITE_DONE)
        throw std::runtime_error("step: " + std::string(sqlite3_errmsg(db.handle())));
    sqlite3_reset(st);
}

/// Wall time (steady_clock), the process's CPU time (user + system) and the bytes it handed to
/// write()/pwrite() (/proc/self/io wchar: SQLite's WAL and checkpoint writes) in one timed run.
struct Timing {
    double wall = 0;
    double cpu = 0;
    std::uintmax_t written = 0;
};

std::uintmax_t bytesWritten() {
    std::ifstream io("/proc/self/io");
    std::string key;
    std::uintmax_t value = 0;
    while (io >> key >> value)
        if (key == "wchar:")
            return value;
    return 0;
}

double cpuSeconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const auto s = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return s(ru.ru_utime) + s(ru.ru_stime);
}

template <typename F>
Timing seconds(F&& body) {
    const double cpu = cpuSeconds();
    const std::uintmax_t written = bytesWritten();
    const auto start = SteadyClock::now();
    body();
    const double wall = std::chrono::duration<double>(SteadyClock::now() - start).count();
    return {wall, cpuSeconds() - cpu, bytesWritten() - written};
}

/// Runs `body(from, to)` for each batch of `batch` records out of `n`.
template <typename F>
void batches(std::size_t n, std::size_t batch, F&& body) {
    for (std::size_t from = 0; from < n; from += batch)
        body(from, std::min(n, from + batch));
}

// --- Results.

struct Figure {
    Figure(std::string s, std::string w) : step(std::move(s)), what(std::move(w)) {}
    std::string step;
    std::string what;
    std::size_t records = 0;
    double best = std::numeric_limits<double>::infinity();
    double bestCpu = 0;  ///< CPU seconds of the best run: wall minus this is mostly I/O wait
    std::uintmax_t written = 0;  ///< bytes handed to write() during the best run
    std::uintmax_t size = 0;     ///< bytes of the DB file after the step (0: not reported)
    std::string note;

    void record(Timing t, int run) {
        if (t.wall < best) {
            best = t.wall;
            bestCpu = t.cpu;
            written = t.written;
        }
        std::cerr << "  " << step << " run " << run << ": " << t.wall << " s (CPU " << t.cpu
                  << " s, written " << t.written / (1024 * 1024) << " MiB, "
                  << static_cast<double>(records) / t.wall << " records/s)\n";
    }
    [[nodiscard]] double rate() const { return static_cast<double>(records) / best; }
};

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string mib(std::uintmax_t bytes) {
    return bytes ? fixed(static_cast<double>(bytes) / (1024.0 * 1024.0), 1) + " MiB" : "";
}

std::string grouped(double v) {
    const std::string digits = std::to_string(static_cast<long long>(v + 0.5));
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

/// Bytes per table and index (from the dbstat virtual table when SQLite has it), printed after
/// the figures.
std::string gBreakdowns;

void noteBreakdown(Database& db, const std::string& label) {
    std::string out = "\n" + label + ", largest tables and indexes after a checkpoint:\n\n" +
                      "| Table or index | Size |\n|---|---:|\n";
    try {
        Statement st(db, "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC");
        for (int shown = 0; shown < 6 && st.step(); ++shown)
            out += "| " + st.text(0) + " | " + mib(static_cast<std::uintmax_t>(st.integer(1))) +
                   " |\n";
    } catch (const std::exception&) {
        out = "\n(" + label + ": dbstat is not available in this SQLite build)\n";
    }
    gBreakdowns += out;
}

// --- The steps.

struct RawFigures {
    Figure insert{"a", "raw SQLite INSERT (prepared, same columns)"};
    Figure update{"a2", "raw SQLite UPDATE of 3 columns"};
};

void runRaw(const Config& cfg, const std::vector<Observation>& obs, RawFigures& f, int run) {
    const fs::path path = cfg.dir / ("raw-" + std::to_string(run) + ".db");
    removeDb(path);
    { Replica migrate(path.string(), replicaOptions(cfg, "bench")); }  // same schema, then close
    Database::Options dbo;
    dbo.synchronousFull = cfg.synchronousFull;
    Database db(path.string(), dbo);
    tune(cfg, db);
    const cadre::domain::TableSpec& spec = *cadre::domain::findTable(kTable);
    std::string cols = "id, deleted", params = "?1, ?2";
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
        cols += ", " + spec.columns[i].name;
        params += ", ?" + std::to_string(i + 3);
    }
    RawStatement insert =
        prepareRaw(db, "INSERT INTO observation (" + cols + ") VALUES (" + params + ")");
    RawStatement update =
        prepareRaw(db,
                   "UPDATE observation SET maturity = ?2, national_priority = ?3, "
                   "recommendations = ?4 WHERE id = ?1");
    f.insert.records = f.update.records = obs.size();
    f.insert.record(seconds([&] {
                        batches(obs.size(), cfg.batch, [&](std::size_t from, std::size_t to) {
                            Transaction tx(db);
                            for (std::size_t i = from; i < to; ++i) {
                                const Observation& o = obs[i];
                                sqlite3_bind_text64(insert.get(), 1, o.id.data(), o.id.size(),
                                                    nullptr, SQLITE_UTF8);
                                for (std::size_t c = 0; c < o.row.size(); ++c)
                                    bindRaw(insert.get(), static_cast<int>(c + 2), o.row[c]);
                                stepRaw(db, insert.get());
                            }
                            tx.commit();
                        });
                    }),
                    run);
    f.insert.size = settledSize(db, path);
    f.update.record(seconds([&] {
                        batches(obs.size(), cfg.batch, [&](std::size_t from, std::size_t to) {
                            Transaction tx(db);
                            for (std::size_t i = from; i < to; ++i) {
                                const Observation& o = obs[i];
                                sqlite3_bind_text64(update.get(), 1, o.id.data(), o.id.size(),
                                                    nullptr, SQLITE_UTF8);
                                for (std::size_t c = 0; c < o.editRow.size(); ++c)
                                    bindRaw(update.get(), static_cast<int>(c + 2), o.editRow[c]);
                                stepRaw(db, update.get());
                                if (db.changes() != 1)
                                    expect(false, "raw UPDATE of " + o.id);
                            }
                            tx.commit();
                        });
                    }),
                    run);
    f.update.size = settledSize(db, path);
    expect(scalar(db, "SELECT count(*) FROM observation") == static_cast<std::int64_t>(obs.size()),
           "raw: observation count");
    expect(db.integrityCheck() == "ok", "raw: integrity_check");
    insert.reset();
    update.reset();
    if (!cfg.keep)
        removeDb(path);
}

struct LocalFigures {
    Figure insert{"b", "Replica::insert in replica.transaction batches"};
    Figure update{"b2", "Replica::update, 3 fields per record"};
};

/// Writes every observation through a fresh replica. Returns the replica's file.
fs::path runLocal(const Config& cfg, const std::vector<Observation>& obs, LocalFigures& f, int run,
                  std::uintmax_t& logBytes) {
    const fs::path path = cfg.dir / ("local-" + std::to_string(run) + ".db");
    removeDb(path);
    Replica replica(path.string(), replicaOptions(cfg, "expert.bench"));
    tune(cfg, replica.database());
    const auto n = static_cast<std::int64_t>(obs.size());
    std::vector<std::string> ids(obs.size());
    f.insert.records = f.update.records = obs.size();
    f.insert.record(seconds([&] {
                        batches(obs.size(), cfg.batch, [&](std::size_t from, std::size_t to) {
                            replica.transaction([&] {
                                for (std::size_t i = from; i < to; ++i)
                                    ids[i] = replica.insert(kTable, obs[i].fields);
                            });
                        });
                    }),
                    run);
    f.insert.size = settledSize(replica.database(), path);
    for (std::size_t i = 0; i < obs.size(); ++i)
        if (ids[i] != obs[i].id) {
            expect(false,
                   "local: insert returned an unexpected id for record " + std::to_string(i));
            break;
        }
    expect(replica.pendingCount() == n, "local: one pending change per insert");
    f.update.record(seconds([&] {
                        batches(obs.size(), cfg.batch, [&](std::size_t from, std::size_t to) {
                            replica.transaction([&] {
                                for (std::size_t i = from; i < to; ++i)
                                    replica.update(kTable, obs[i].id, obs[i].edit);
                            });
                        });
                    }),
                    run);
    f.update.size = settledSize(replica.database(), path);
    Database& db = replica.database();
    expect(scalar(db, "SELECT count(*) FROM observation") == n, "local: observation count");
    expect(scalar(db, "SELECT count(*) FROM observation WHERE sync_versions IS NOT NULL") == n,
           "local: versions count");
    expect(replica.pendingCount() == 2 * n, "local: one pending change per insert and per update");
    expect(replica.lastSeq() == 2 * n, "local: last sequence number");
    for (std::size_t i : {std::size_t{0}, obs.size() / 2, obs.size() - 1}) {
        const auto r = replica.get(kTable, obs[i].id);
        expect(r && !r->deleted && r->fields.at("maturity") == obs[i].edit.at("maturity") &&
                   r->fields.at("recommendations") == obs[i].edit.at("recommendations") &&
                   r->fields.at("gaps") == obs[i].fields.at("gaps"),
               "local: record " + std::to_string(i) + " reads back as written");
    }
    expect(db.integrityCheck() == "ok", "local: integrity_check");
    logBytes = static_cast<std::uintmax_t>(scalar(db, "SELECT sum(length(change)) FROM sync_log"));
    if (run == 1)
        noteBreakdown(db, "Device replica after b and b2 (source of c)");
    return path;
}

struct MergeFigures {
    Figure chunked{"c", ""};
    Figure single{"c2", ""};
    Figure replay{"c3", ""};
    Figure edits{"c4", ""};
};

std::vector<std::vector<Change>> chunksOf(const std::vector<Change>& all, std::size_t size) {
    std::vector<std::vector<Change>> out;
    batches(all.size(), size, [&](std::size_t from, std::size_t to) {
        out.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(from),
                         all.begin() + static_cast<std::ptrdiff_t>(to));
    });
    return out;
}

/// Applies every chunk (copies made before the clock starts); sums what applyRemote reported.
cadre::replica::ApplyReport applyChunks(Replica& target, const std::vector<Change>& all,
                                        std::size_t size, Figure& fig, int run) {
    auto chunks = chunksOf(all, size);
    cadre::replica::ApplyReport total;
    fig.records = all.size();
    fig.record(seconds([&] {
                   for (auto& chunk : chunks) {
                       const auto r = target.applyRemote(std::move(chunk));
                       total.applied += r.applied;
                       total.replayed += r.replayed;
                       total.newConflicts += r.newConflicts;
                   }
               }),
               run);
    return total;
}

void runMerge(const Config& cfg, const std::vector<Change>& creates,
              const std::vector<Change>& edits, const std::string& sourceOrigin,
              const std::string& sourceHash, MergeFigures& f, int run) {
    const std::size_t n = creates.size();
    const auto nn = static_cast<std::int64_t>(n);
    {
        const fs::path path = cfg.dir / ("target-" + std::to_string(run) + ".db");
        removeDb(path);
        Replica target(path.string(), replicaOptions(cfg, "expert.target"));
        tune(cfg, target.database());
        const auto created = applyChunks(target, creates, cfg.batch, f.chunked, run);
        expect(created.applied == n && created.replayed == 0 && created.newConflicts == 0,
               "merge: every create applied once");
        f.chunked.size = settledSize(target.database(), path);
        const auto replayed = applyChunks(target, creates, cfg.batch, f.replay, run);
        expect(replayed.applied == 0 && replayed.replayed == n, "merge: every replay recognised");
        const auto edited = applyChunks(target, edits, cfg.batch, f.edits, run);
        expect(edited.applied == edits.size() && edited.newConflicts == 0,
               "merge: every remote edit applied");
        f.edits.size = settledSize(target.database(), path);
        Database& db = target.database();
        expect(scalar(db, "SELECT count(*) FROM observation") == nn, "merge: observation count");
        expect(scalar(db, "SELECT count(*) FROM observation WHERE sync_versions IS NOT NULL") == nn,
               "merge: versions count");
        expect(scalar(db, "SELECT count(*) FROM sync_log") == 0,
               "merge: a device logs no remote change");
        expect(scalar(db, "SELECT count(*) FROM sync_leaf") == 0, "merge: no leaves, no conflicts");
        expect(target.originSeq(sourceOrigin) == static_cast<std::int64_t>(n + edits.size()),
               "merge: origin sequence");
        expect(db.integrityCheck() == "ok", "merge: integrity_check");
        if (run == 1) {
            expect(target.stateHash() == sourceHash,
                   "merge: target state hash equals the source's");
            noteBreakdown(db, "Device replica after c and c4");
        }
        if (!cfg.keep)
            removeDb(path);
    }
    if (!cfg.single)
        return;
    const fs::path path = cfg.dir / ("single-" + std::to_string(run) + ".db");
    removeDb(path);
    Replica target(path.string(), replicaOptions(cfg, "expert.target"));
    tune(cfg, target.database());
    const auto r = applyChunks(target, creates, n, f.single, run);
    expect(r.applied == n, "merge (one call): every create applied");
    f.single.size = settledSize(target.database(), path);
    expect(scalar(target.database(), "SELECT count(*) FROM observation") == nn,
           "merge (one call): observation count");
    expect(target.database().integrityCheck() == "ok", "merge (one call): integrity_check");
    if (!cfg.keep)
        removeDb(path);
}

void runDecode(const Config& cfg, const std::vector<Change>& creates, Figure& fig, int run,
               std::size_t& wireBytes) {
    const std::size_t size = std::min(cfg.batch, cadre::codec::kMaxBatchChanges);
    std::vector<std::string> wire;
    wireBytes = 0;
    batches(creates.size(), size, [&](std::size_t from, std::size_t to) {
        wire.push_back(cadre::codec::encodeBatch(
            std::vector<Change>(creates.begin() + static_cast<std::ptrdiff_t>(from),
                                creates.begin() + static_cast<std::ptrdiff_t>(to))));
        wireBytes += wire.back().size();
    });
    std::vector<std::vector<Change>> decoded(wire.size());
    fig.records = creates.size();
    fig.record(seconds([&] {
                   for (std::size_t i = 0; i < wire.size(); ++i)
                       decoded[i] = cadre::codec::decodeBatch(wire[i]);
               }),
               run);
    std::size_t count = 0;
    for (const auto& d : decoded)
        count += d.size();
    expect(count == creates.size(), "decode: change count");
    // Change's defaulted == is deleted (FieldWrite has none): compare the encodings.
    const auto same = [](const Change& a, const Change& b) {
        return cadre::codec::encodeChange(a) == cadre::codec::encodeChange(b);
    };
    expect(!decoded.empty() && same(decoded.front().front(), creates.front()) &&
               same(decoded.back().back(), creates.back()),
           "decode: changes round-trip");
}

// --- Command line.

[[noreturn]] void usage(int status) {
    (status == 0 ? std::cout : std::cerr)
        << "usage: replica_bench [--records N] [--batch N] [--repeat K] [--dir PATH]\n"
           "                     [--seed S] [--synchronous full|normal] [--cache-mib N]\n"
           "                     [--no-single] [--keep]\n"
           "  --records N   observations per step (default 100000)\n"
           "  --batch N     records per transaction and changes per applyRemote call "
           "(default 1000)\n"
           "  --repeat K    runs per step; the best is reported (default 3)\n"
           "  --dir PATH    where the database files go (default: a new temp dir)\n"
           "  --synchronous full|normal  PRAGMA synchronous (default full, as the replica)\n"
           "  --cache-mib N PRAGMA cache_size of N MiB on every connection (default: "
           "SQLite's, 2 MiB)\n"
           "  --no-single   skip applying all changes in one applyRemote call\n"
           "  --keep        keep the database files\n";
    std::exit(status);
}

Config parse(int argc, char** argv) {
    Config cfg;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                usage(2);
            return argv[++i];
        };
        const auto count = [&]() -> std::size_t {
            const std::string v = value();
            const long long n = std::atoll(v.c_str());
            if (n <= 0)
                usage(2);
            return static_cast<std::size_t>(n);
        };
        if (a == "--records")
            cfg.records = count();
        else if (a == "--batch")
            cfg.batch = count();
        else if (a == "--repeat")
            cfg.repeat = static_cast<int>(count());
        else if (a == "--seed")
            cfg.seed = std::strtoull(value().c_str(), nullptr, 0);
        else if (a == "--dir") {
            cfg.dir = value();
            cfg.ownDir = false;
        } else if (a == "--synchronous") {
            const std::string v = value();
            if (v != "full" && v != "normal")
                usage(2);
            cfg.synchronousFull = v == "full";
        } else if (a == "--cache-mib")
            cfg.cacheMiB = static_cast<int>(count());
        else if (a == "--no-single")
            cfg.single = false;
        else if (a == "--keep")
            cfg.keep = true;
        else if (a == "--help" || a == "-h")
            usage(0);
        else
            usage(2);
    }
    if (cfg.ownDir)
        cfg.dir = fs::temp_directory_path() / ("cadre-bench-" + std::to_string(::getpid()));
    fs::create_directories(cfg.dir);
    return cfg;
}

std::vector<std::string> standardIds(const Config& cfg) {
    const fs::path path = cfg.dir / "reference.db";
    removeDb(path);
    std::vector<std::string> out;
    {
        Replica ref(path.string(), replicaOptions(cfg, "bench"));
        Statement st(ref.database(), "SELECT id FROM standard WHERE deleted = 0 ORDER BY number");
        while (st.step())
            out.push_back(st.text(0));
    }
    removeDb(path);
    if (out.empty())
        throw std::runtime_error("the reference data holds no standard");
    return out;
}

std::string pragmaText(Database& db, const char* pragma) {
    Statement st(db, std::string("PRAGMA ") + pragma);
    return st.step() ? st.text(0) : "?";
}

#ifdef NDEBUG
constexpr const char* kBuild = "NDEBUG (Release-type build)";
#else
constexpr const char* kBuild = "assertions on: NOT a Release build, figures are not comparable";
#endif

int run(const Config& cfg) {
    std::cerr << "Generating " << cfg.records << " observations (seed " << cfg.seed << ")...\n";
    std::size_t textBytes = 0;
    const std::vector<Observation> obs = makeObservations(cfg, standardIds(cfg), textBytes);

    RawFigures raw;
    LocalFigures local;
    fs::path source;
    std::uintmax_t logBytes = 0;
    for (int r = 1; r <= cfg.repeat; ++r) {
        runRaw(cfg, obs, raw, r);
        const fs::path p = runLocal(cfg, obs, local, r, logBytes);
        if (r == 1)
            source = p;
        else if (!cfg.keep)
            removeDb(p);
    }

    // The remote batch: what the device of step b captured, read back through its outbox
    // (decoded by the codec, exactly as a pull delivers it). Not timed.
    std::vector<Change> creates, edits;
    std::string sourceOrigin, sourceHash, journal, synchronous, pageSize;
    {
        Replica src(source.string(), replicaOptions(cfg, "expert.bench"));
        auto page = src.pending(0, 2 * obs.size());
        expect(page.changes.size() == 2 * obs.size() && !page.more, "source: outbox size");
        const auto half = page.changes.begin() + static_cast<std::ptrdiff_t>(obs.size());
        creates.assign(std::make_move_iterator(page.changes.begin()),
                       std::make_move_iterator(half));
        edits.assign(std::make_move_iterator(half), std::make_move_iterator(page.changes.end()));
        sourceOrigin = src.deviceId();
        sourceHash = src.stateHash();
        journal = pragmaText(src.database(), "journal_mode");
        synchronous = pragmaText(src.database(), "synchronous");
        pageSize = pragmaText(src.database(), "page_size");
    }
    if (!cfg.keep)
        removeDb(source);

    MergeFigures merge;
    const std::string per = std::to_string(cfg.batch);
    merge.chunked.what = "applyRemote, fresh device, " + per + " changes per call";
    merge.single.what = "applyRemote, fresh device, one call of " + std::to_string(obs.size()) +
                        " (one commit; its WAL checkpoint falls after the clock stops)";
    merge.replay.what = "applyRemote of the same batch again (all replays), " + per + " per call";
    merge.edits.what = "applyRemote of the remote 3-field edits, " + per + " per call";
    for (int r = 1; r <= cfg.repeat; ++r)
        runMerge(cfg, creates, edits, sourceOrigin, sourceHash, merge, r);

    Figure decode{"d", "codec::decodeBatch of the JSON wire batches (" +
                           std::to_string(std::min(cfg.batch, cadre::codec::kMaxBatchChanges)) +
                           " per batch)"};
    std::size_t wireBytes = 0;
    for (int r = 1; r <= cfg.repeat; ++r)
        runDecode(cfg, creates, decode, r, wireBytes);
    decode.note = fixed(static_cast<double>(wireBytes) / (1024.0 * 1024.0) / decode.best, 0) +
                  " MiB/s of JSON";

    // --- Report.
    const double base = raw.insert.rate();
    std::cout << "\n## replica_bench\n\n"
              << "- records: " << obs.size() << " observations, " << obs.front().row.size() + 1
              << " columns (id, deleted + " << obs.front().row.size() - 1 << " spec columns), "
              << fixed(static_cast<double>(textBytes) / static_cast<double>(obs.size()), 0)
              << " bytes of field text per record (French/English prose, seed " << cfg.seed << ")\n"
              << "- batch: " << cfg.batch << " records per transaction / changes per applyRemote"
              << "; best of " << cfg.repeat << " runs; std::chrono::steady_clock\n"
              << "- SQLite " << sqlite3_libversion() << ", journal_mode=" << journal
              << ", synchronous=" << synchronous << " ("
              << (cfg.synchronousFull ? "FULL" : "NORMAL") << "), page_size=" << pageSize
              << ", cache_size="
              << (cfg.cacheMiB ? std::to_string(cfg.cacheMiB) + " MiB (--cache-mib)"
                               : std::string("SQLite's default (2 MiB)"))
              << "; files in " << cfg.dir.string() << "\n"
              << "- compiler: g++ " << __VERSION__ << ", " << kBuild << "\n"
              << "- outbox (sync_log) JSON: "
              << fixed(static_cast<double>(logBytes) / static_cast<double>(2 * obs.size()), 0)
              << " bytes per change; wire batch JSON: "
              << fixed(static_cast<double>(wireBytes) / static_cast<double>(obs.size()), 0)
              << " bytes per change\n\n";
    std::cout
        << "| Step | What is timed | Records | Best time (s) | CPU (s) | Written | Records/s "
           "| vs raw INSERT | DB file after |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    std::vector<const Figure*> rows = {&raw.insert, &raw.update, &local.insert, &local.update,
                                       &merge.chunked};
    if (cfg.single)
        rows.push_back(&merge.single);
    for (const Figure* f : {&merge.replay, &merge.edits, &decode})
        rows.push_back(f);
    for (const Figure* f : rows) {
        std::cout << "| " << f->step << " | " << f->what << (f->note.empty() ? "" : " — " + f->note)
                  << " | " << f->records << " | " << fixed(f->best, 3) << " | "
                  << fixed(f->bestCpu, 2) << " | " << mib(f->written) << " | " << grouped(f->rate())
                  << " | " << fixed(100.0 * f->rate() / base, 1) << " % | " << mib(f->size)
                  << " |\n";
    }
    const double ratio = merge.chunked.rate() / base;
    std::cout << "\nTarget: merge-apply (c) >= 25 % of raw INSERT (a): " << fixed(100.0 * ratio, 1)
              << " % -> " << (ratio >= 0.25 ? "MET" : "NOT MET") << "\n";
    std::cout << gBreakdowns;
    if (gFailures)
        std::cout << "\n" << gFailures << " check(s) FAILED (see stderr)\n";
    else
        std::cout << "\nChecks: counts, integrity_check and state hash all ok.\n";
    return gFailures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Config cfg = parse(argc, argv);
    int status = 1;
    try {
        status = run(cfg);
    } catch (const std::exception& e) {
        std::cerr << "replica_bench: " << e.what() << "\n";
    }
    if (cfg.ownDir && !cfg.keep) {
        std::error_code ec;
        fs::remove_all(cfg.dir, ec);
    }
    return status;
}
