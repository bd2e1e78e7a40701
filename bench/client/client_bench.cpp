// client_bench: how fast the field client opens and scrolls on a large local replica (issue 4,
// point 7: 50,000 observations and 100,000 attendance rows; first list within 1 s; smooth scroll).
// Run on demand, never from ctest. Results and how to read them: docs/PERFORMANCE_CLIENT.md.
//
// Before any clock runs, a device replica is built with Replica::insert inside
// Replica::transaction batches on the reference data the migrations load (the 2018 edition's
// standards, the Members): persons, ≈3,400 missions × up to 15 observations of ~1 KB prose,
// trainings × 5 sessions × 40 enrolled people with one attendance mark each; --issues % of the
// missions and observations are "has_issues" (sent back by HQ). The outbox is then acknowledged
// and a cached username set, as on a device that has synced. The file is kept in --dir and
// reused; each run works on a fresh copy of it with a fresh AppContext / Replica / models:
//   a0. a_cold: the open of a, the copy evicted from the OS page cache first (posix_fadvise);
//   a. open: AppContext on the file (migrations check included) until the missions list model is
//      populated and its first 50 rows' roles are read; and its parts (Replica, query, reload);
//   p. the other parts the Shell builds at start, each alone (sync's AttentionModel, SyncServices,
//      TrainingServices);
//   c. one mission's observation list (MissionController::open + every role of every row);
//   d. a training's 40 × 5 attendance grid, and the trainings list;
//   e1. the missions model walked in pages of 50 rows, every role (what a scrolling view reads);
//   r. raw SQLite baselines on the same file;
//   b. the real app: Shell (AppContext, sync and trainings parts, QQmlApplicationEngine) loading
//      qrc:/qml/Main.qml offscreen until the missions ListView has delegates and a frame shows;
//   e2/e3. that ListView moved frame by frame (positionViewAtIndex jumps over the whole list, then
//      contentY steps), each frame = pending events + QQuickWindow::grabWindow.
// Every figure is the best, median and worst of --repeat runs; Markdown goes to stdout. Exits
// non-zero when a check fails (row counts, grid shape, delegates shown).
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImage>
#include <QMetaObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSysInfo>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "AttendanceGridModel.h"
#include "TrainingListModel.h"
#include "TrainingManager.h"
#include "TrainingTypes.h"
#include "app/Shell.h"
#include "core/AppContext.h"
#include "core/MissionController.h"
#include "core/MissionListModel.h"
#include "core/ObservationListModel.h"
#include "replica/Replica.h"
#ifdef CADRE_HAVE_CLIENT_SYNC
#include "sync/AttentionModel.h"
#include "sync/SyncServices.h"
#endif

namespace {

namespace fs = std::filesystem;
using cadre::Value;
using cadre::replica::Fields;
using cadre::replica::Replica;
using cadre::replica::Statement;
using Clock = std::chrono::steady_clock;

struct Config {
    std::size_t observations = 50000;
    std::size_t attendance = 100000;
    int repeat = 5;
    bool keep = false;
    bool qml = true;
    int jumpFrames = 300;   ///< e2: positionViewAtIndex jumps spread over the whole list
    int flickFrames = 300;  ///< e3: contentY steps of flickStep px from the top
    int flickStep = 60;
    int issuesPercent = 2;  ///< missions and observations HQ sent back ("has_issues")
    fs::path dir;
};

int gFailures = 0;

void expect(bool ok, const std::string& what) {
    if (!ok) {
        ++gFailures;
        std::cerr << "CHECK FAILED: " << what << "\n";
    }
}

double msSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// --- Memory: VmHWM (peak RSS) can be reset per phase through /proc/self/clear_refs.

long procStatusKiB(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(key) + ":";
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0) {
            return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
        }
    }
    return -1;
}

void resetPeakRss() {
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
}

// --- Deterministic data.

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

  private:
    std::uint64_t s_;
};

const std::vector<std::string>& words() {
    static const std::vector<std::string> w = {"customs",
                                               "administration",
                                               "risk",
                                               "management",
                                               "clearance",
                                               "declaration",
                                               "goods",
                                               "border",
                                               "agency",
                                               "procedure",
                                               "the",
                                               "of",
                                               "and",
                                               "to",
                                               "in",
                                               "a",
                                               "is",
                                               "for",
                                               "with",
                                               "on",
                                               "electronic",
                                               "single",
                                               "window",
                                               "authorised",
                                               "economic",
                                               "operator",
                                               "programme",
                                               "data",
                                               "exchange",
                                               "advance",
                                               "cargo",
                                               "information",
                                               "post",
                                               "audit",
                                               "valuation",
                                               "origin",
                                               "tariff",
                                               "classification",
                                               "e-commerce",
                                               "small",
                                               "parcels",
                                               "express",
                                               "consignments",
                                               "legal",
                                               "framework",
                                               "amendment",
                                               "staff",
                                               "training",
                                               "capacity",
                                               "partial",
                                               "implementation",
                                               "pilot",
                                               "ports",
                                               "airport",
                                               "inspection",
                                               "selectivity",
                                               "targeting",
                                               "revenue",
                                               "collection",
                                               "stakeholders",
                                               "consultation",
                                               "memorandum",
                                               "understanding",
                                               "partnership",
                                               "private",
                                               "sector",
                                               "MSMEs",
                                               "compliance",
                                               "facilitation",
                                               "security"};
    return w;
}

/// About `chars` characters of sentence-like text.
std::string prose(Rng& rng, std::size_t chars) {
    const auto& w = words();
    std::string out;
    out.reserve(chars + 16);
    bool start = true;
    while (out.size() < chars) {
        std::string word = w[rng.below(w.size())];
        if (start) {
            word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
            start = false;
        }
        out += word;
        if (rng.below(12) == 0) {
            out += ". ";
            start = true;
        } else {
            out += ' ';
        }
    }
    out.back() = '.';
    return out;
}

std::string isoDate(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::vector<std::string> column(Replica& replica, const std::string& sql) {
    Statement st(replica.database(), sql);
    std::vector<std::string> out;
    while (st.step()) {
        out.push_back(st.text(0));
    }
    return out;
}

struct Dataset {
    std::size_t missions = 0, observations = 0, persons = 0, trainings = 0, sessions = 0,
                enrolments = 0, attendance = 0;
    double seconds = 0;
    double fileMiB = 0;
    bool reused = false;
};

/// Inserts `count` records made by `make(i)` in transactions of `batch`.
void insertMany(Replica& replica, std::size_t count, std::size_t batch,
                const std::function<void(std::size_t)>& make) {
    for (std::size_t from = 0; from < count; from += batch) {
        replica.transaction([&] {
            for (std::size_t i = from; i < std::min(count, from + batch); ++i) {
                make(i);
            }
        });
    }
}

Dataset buildDataset(const Config& cfg, const fs::path& baseDir) {
    Dataset d;
    const fs::path db = baseDir / "cadre.db";
    const fs::path done = baseDir / "complete";
    if (fs::exists(done)) {
        std::ifstream in(done);
        in >> d.missions >> d.observations >> d.persons >> d.trainings >> d.sessions >>
            d.enrolments >> d.attendance >> d.seconds;
        d.reused = true;
        d.fileMiB = static_cast<double>(fs::file_size(db)) / (1024.0 * 1024.0);
        return d;
    }
    fs::remove_all(baseDir);
    fs::create_directories(baseDir);
    const auto t0 = Clock::now();
    Rng rng(0x5eedc11e47ULL);
    {
        Replica replica(db.string(), Replica::Options{});
        replica.setAuthor("bench");
        const auto editions =
            column(replica, "SELECT id FROM catalogue_edition WHERE year = 2018 AND deleted = 0");
        if (editions.empty()) {
            throw std::runtime_error("the 2018 edition is missing from the reference data");
        }
        const std::string edition = editions.front();
        const auto standards = column(replica, "SELECT id FROM standard WHERE edition_id = '" +
                                                   edition + "' AND deleted = 0 ORDER BY number");
        const auto members =
            column(replica, "SELECT id FROM member WHERE deleted = 0 ORDER BY iso3");
        const auto memberNames =
            column(replica, "SELECT name_en FROM member WHERE deleted = 0 ORDER BY iso3");
        if (standards.empty() || members.empty()) {
            throw std::runtime_error("reference data (standards, Members) missing");
        }
        std::cerr << "building: " << standards.size() << " standards, " << members.size()
                  << " Members\n";

        // Missions: ≈14.7 observations each, so 50,000 observations make ≈3,400 missions.
        const std::size_t perMission = standards.size();
        d.observations = cfg.observations;
        d.missions = std::max<std::size_t>(
            1, static_cast<std::size_t>(static_cast<double>(cfg.observations) /
                                        (static_cast<double>(perMission) * 0.98)));
        d.missions = std::max(d.missions, (cfg.observations + perMission - 1) / perMission);
        static const char* kinds[] = {"diagnostic", "self_assessment", "tailored_support",
                                      "study_visit", "follow_up"};
        static const char* statuses[] = {"planned", "in_progress", "completed", "cancelled"};
        // Review states: mostly approved history, some in review, a few sent back by HQ
        // (each of those is a "needs attention" item of the sync part).
        const auto review = [&]() -> const char* {
            const auto roll = static_cast<int>(rng.below(100));
            if (roll < cfg.issuesPercent) {
                return "has_issues";
            }
            return roll < 60 ? "approved" : roll < 80 ? "submitted" : "draft";
        };
        static const char* priorities[] = {"high", "medium", "low"};
        std::vector<std::string> missionIds(d.missions);
        insertMany(replica, d.missions, 500, [&](std::size_t i) {
            const int year = 2015 + static_cast<int>(rng.below(12));
            const int month = 1 + static_cast<int>(rng.below(12));
            const int day = 1 + static_cast<int>(rng.below(20));
            const std::size_t m = rng.below(members.size());
            const char* kind = kinds[i % 5];
            Fields f{{"kind", Value(kind)},
                     {"member_id", Value(members[m])},
                     {"edition_id", Value(edition)},
                     {"title", Value(std::string(kind) + " mission to " + memberNames[m] + " " +
                                     std::to_string(year) + " #" + std::to_string(i))},
                     {"starts_on", Value(isoDate(year, month, day))},
                     {"ends_on", Value(isoDate(year, month, day + 5))},
                     {"status", Value(statuses[rng.below(4)])},
                     {"review_state", Value(review())},
                     {"economic_context", Value(prose(rng, 300))}};
            missionIds[i] = replica.insert("mission", f);
        });
        std::cerr << "building: " << d.missions << " missions\n";

        // Observations: missions get perMission or perMission-1 of the edition's standards.
        std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (mission, standard)
        pairs.reserve(cfg.observations);
        const std::size_t shortBy = d.missions * perMission - cfg.observations;
        for (std::size_t m = 0; m < d.missions; ++m) {
            const std::size_t n =
                perMission - (m < shortBy % d.missions ? 1 : 0) - shortBy / d.missions;
            for (std::size_t s = 0; s < n && pairs.size() < cfg.observations; ++s) {
                pairs.emplace_back(m, s);
            }
        }
        d.observations = pairs.size();
        insertMany(replica, pairs.size(), 1000, [&](std::size_t i) {
            const auto [m, s] = pairs[i];
            Fields f{{"mission_id", Value(missionIds[m])},
                     {"standard_id", Value(standards[s])},
                     {"maturity", Value(static_cast<std::int64_t>(rng.below(5)))},
                     {"current_state", Value(prose(rng, 400))},
                     {"gaps", Value(prose(rng, 250))},
                     {"legal_amendments", Value(prose(rng, 80))},
                     {"msme_needs", Value(prose(rng, 80))},
                     {"recommendations", Value(prose(rng, 250))},
                     {"national_priority", Value(priorities[rng.below(3)])},
                     {"review_state", Value(review())}};
            replica.insert("observation", f);
            if (i % 10000 == 9999) {
                std::cerr << "building: " << i + 1 << " observations\n";
            }
        });

        // Trainings: 5 sessions × 40 enrolled people; each person marked at each session.
        constexpr std::size_t kSessions = 5;
        constexpr std::size_t kEnrolled = 40;
        d.trainings = std::max<std::size_t>(1, cfg.attendance / (kSessions * kEnrolled));
        d.persons = std::max<std::size_t>(kEnrolled, d.trainings * kEnrolled / 5);
        static const char* given[] = {"Aminata", "Jean",  "Fatou",  "Moussa", "Marie",
                                      "Ibrahim", "Grace", "Pierre", "Awa",    "Kofi"};
        static const char* family[] = {"Diallo", "Traoré", "Mensah", "Ndiaye", "Okafor",
                                       "Martin", "Kamara", "Sow",    "Dubois", "Banda"};
        static const char* genders[] = {"female", "male", "other", "undisclosed"};
        std::vector<std::string> personIds(d.persons);
        insertMany(replica, d.persons, 1000, [&](std::size_t i) {
            Fields f{{"family_name",
                      Value(std::string(family[rng.below(10)]) + "-" + std::to_string(i))},
                     {"given_names", Value(given[rng.below(10)])},
                     {"organisation", Value("Customs administration")},
                     {"member_id", Value(members[rng.below(members.size())])},
                     {"gender", Value(genders[rng.below(4)])}};
            personIds[i] = replica.insert("person", f);
        });
        static const char* trainingKinds[] = {"training_of_trainers", "field_training_of_experts",
                                              "seminar", "regional_workshop"};
        static const char* attendanceStatus[] = {"present", "present", "present",
                                                 "late",    "excused", "absent"};
        std::vector<std::string> trainingIds(d.trainings);
        std::vector<std::vector<std::string>> sessionIds(d.trainings);
        std::vector<std::vector<std::size_t>> enrolled(d.trainings);
        insertMany(replica, d.trainings, 50, [&](std::size_t t) {
            const int year = 2016 + static_cast<int>(rng.below(10));
            const int month = 1 + static_cast<int>(rng.below(12));
            const int day = 1 + static_cast<int>(rng.below(20));
            Fields f{
                {"kind", Value(trainingKinds[t % 4])},
                {"title", Value("Training on the Framework of Standards #" + std::to_string(t))},
                {"edition_id", Value(edition)},
                {"member_id", Value(members[rng.below(members.size())])},
                {"venue", Value("Training centre")},
                {"starts_on", Value(isoDate(year, month, day))},
                {"ends_on", Value(isoDate(year, month, day + 4))},
                {"status", Value("completed")}};
            trainingIds[t] = replica.insert("training", f);
            for (std::size_t s = 0; s < kSessions; ++s) {
                sessionIds[t].push_back(replica.insert(
                    "training_session",
                    {{"training_id", Value(trainingIds[t])},
                     {"held_on", Value(isoDate(year, month, day + static_cast<int>(s)))},
                     {"part", Value("full_day")},
                     {"topic", Value(prose(rng, 40))}}));
            }
            const std::size_t first = rng.below(d.persons - kEnrolled + 1);
            for (std::size_t p = 0; p < kEnrolled; ++p) {
                enrolled[t].push_back(first + p);
                replica.insert(
                    "enrolment",
                    {{"training_id", Value(trainingIds[t])},
                     {"person_id", Value(personIds[first + p])},
                     {"pre_score", Value(static_cast<double>(rng.below(101)))},
                     {"post_score", Value(static_cast<double>(rng.below(101)))},
                     {"certified_trainer", Value(static_cast<std::int64_t>(p % 7 == 0))}});
            }
        });
        d.sessions = d.trainings * kSessions;
        d.enrolments = d.trainings * kEnrolled;
        const std::size_t marks = d.trainings * kSessions * kEnrolled;
        insertMany(replica, marks, 1000, [&](std::size_t i) {
            const std::size_t t = i / (kSessions * kEnrolled);
            const std::size_t s = (i / kEnrolled) % kSessions;
            const std::size_t p = i % kEnrolled;
            Fields f{{"session_id", Value(sessionIds[t][s])},
                     {"person_id", Value(personIds[enrolled[t][p]])},
                     {"status", Value(attendanceStatus[rng.below(6)])}};
            if (rng.below(10) == 0) {
                f["note"] = Value(prose(rng, 60));
            }
            replica.insert("attendance", f);
            if (i % 20000 == 19999) {
                std::cerr << "building: " << i + 1 << " attendance rows\n";
            }
        });
        d.attendance = marks;
        // As on a device that has synced: the outbox was sent and acknowledged.
        replica.acknowledge(replica.lastSeq());
        // A user who signed in on this device before (offline start): the shell opens on the
        // missions page, not on the sign-in form. No token: nothing tries to reach a server.
        replica.setLocalSetting("username", "bench.expert");
        replica.setLocalSetting("role", "expert");
        replica.database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    d.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    d.fileMiB = static_cast<double>(fs::file_size(db)) / (1024.0 * 1024.0);
    std::ofstream out(done);
    out << d.missions << ' ' << d.observations << ' ' << d.persons << ' ' << d.trainings << ' '
        << d.sessions << ' ' << d.enrolments << ' ' << d.attendance << ' ' << d.seconds << "\n";
    return d;
}

/// A fresh copy of the base directory for one run (the replica file and its WAL, if any).
fs::path freshCopy(const fs::path& baseDir, const fs::path& root, int run) {
    const fs::path dir = root / ("run-" + std::to_string(run));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"cadre.db", "cadre.db-wal"}) {
        if (fs::exists(baseDir / name)) {
            fs::copy_file(baseDir / name, dir / name);
        }
    }
    return dir;
}

/// Drops the file's pages from the OS page cache (written back first), so the next open reads
/// from the disk as after a reboot. Needs no privilege; other files' cache is left alone.
bool evictFromPageCache(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fdatasync(fd) == 0 && ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    ::close(fd);
    return ok;
}

/// Reads the whole file, so it is back in the OS page cache for the warm steps.
void warmPageCache(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::vector<char> buf(1 << 20);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    }
}

// --- Reading models as a view does.

/// Reads every role of rows [from, to) of a list model; returns a checksum so nothing is elided.
std::size_t readRows(const QAbstractItemModel& model, int from, int to) {
    const auto roles = model.roleNames();
    std::size_t sum = 0;
    for (int row = from; row < to; ++row) {
        const QModelIndex index = model.index(row, 0);
        for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
            sum += static_cast<std::size_t>(model.data(index, it.key()).toString().size());
        }
    }
    return sum;
}

std::size_t readTable(const QAbstractItemModel& model) {
    const auto roles = model.roleNames();
    std::size_t sum = 0;
    for (int c = 0; c < model.columnCount(); ++c) {
        sum += static_cast<std::size_t>(
            model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().size());
        sum += static_cast<std::size_t>(
            model
                .headerData(c, Qt::Horizontal,
                            cadre::trainings::AttendanceGridModel::PresentCountRole)
                .toInt());
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c) {
            const QModelIndex index = model.index(r, c);
            for (auto it = roles.cbegin(); it != roles.cend(); ++it) {
                sum += static_cast<std::size_t>(model.data(index, it.key()).toString().size());
            }
        }
    }
    return sum;
}

// --- Statistics.

struct Series {
    std::vector<double> v;
    void add(double x) { v.push_back(x); }
    [[nodiscard]] bool empty() const { return v.empty(); }
    [[nodiscard]] double min() const {
        return v.empty() ? 0 : *std::min_element(v.begin(), v.end());
    }
    [[nodiscard]] double max() const {
        return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    }
    [[nodiscard]] double pct(double p) const {
        if (v.empty()) {
            return 0;
        }
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        const auto i =
            static_cast<std::size_t>(p / 100.0 * static_cast<double>(s.size() - 1) + 0.5);
        return s[std::min(i, s.size() - 1)];
    }
    [[nodiscard]] double median() const { return pct(50); }
};

/// Per step: one figure per run.
std::map<std::string, Series> gRuns;
std::vector<std::string> gOrder;
std::map<std::string, std::string> gWhat;

void record(const std::string& key, const std::string& what, double ms) {
    if (!gRuns.count(key)) {
        gOrder.push_back(key);
        gWhat[key] = what;
    }
    gRuns[key].add(ms);
}

// --- Raw SQLite baselines.

double rawQueryMs(const fs::path& db, const std::string& sql, std::size_t* rows) {
    sqlite3* h = nullptr;
    const auto t0 = Clock::now();
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        throw std::runtime_error("sqlite3_open_v2 failed");
    }
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
        const std::string msg = sqlite3_errmsg(h);
        sqlite3_close(h);
        throw std::runtime_error("prepare: " + msg);
    }
    std::size_t n = 0;
    std::size_t bytes = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            bytes += static_cast<std::size_t>(sqlite3_column_bytes(st, c));
        }
        ++n;
    }
    sqlite3_finalize(st);
    sqlite3_close(h);
    const double ms = msSince(t0);
    expect(bytes > 0 || n == 0, "raw query read its columns");
    if (rows) {
        *rows = n;
    }
    return ms;
}

// --- The real QML.

QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (root == nullptr) {
        return nullptr;
    }
    if (root->objectName() == name && root->isVisible()) {
        return root;
    }
    for (QQuickItem* child : root->childItems()) {
        if (QQuickItem* hit = findItem(child, name)) {
            return hit;
        }
    }
    return nullptr;
}

int delegateCount(QQuickItem* list) {
    auto* content = list->property("contentItem").value<QQuickItem*>();
    if (content == nullptr) {
        return 0;
    }
    int n = 0;
    for (QQuickItem* child : content->childItems()) {
        if (child->property("missionId").isValid()) {
            ++n;
        }
    }
    return n;
}

/// One frame as the event loop makes it: pending events (polish, delegate creation and the
/// deferred deletion of delegates scrolled away), then a render of the window.
QImage frame(QQuickWindow* window) {
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return window->grabWindow();
}

struct QmlRun {
    double load = 0;       ///< Shell + engine->load until the window object exists
    double delegates = 0;  ///< … until the missions ListView has delegates
    double frame = 0;      ///< … until the first frame with them was rendered
    bool ok = false;
};

QmlRun runQml(const fs::path& dir, const Config& cfg, bool scroll) {
    QmlRun r;
    resetPeakRss();
    const auto t0 = Clock::now();
    cadre::client::Shell shell(QString::fromStdString(dir.string()));
    const double shellMs = msSince(t0);
    QQuickWindow* window = shell.load();
    r.load = msSince(t0);
    if (window == nullptr) {
        expect(false, "Main.qml loaded");
        return r;
    }
    bool swapped = false;
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [&] { swapped = true; });
    window->resize(1280, 800);
    window->show();
    QQuickItem* list = nullptr;
    QElapsedTimer timeout;
    timeout.start();
    while (timeout.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (list == nullptr) {
            list = findItem(window->contentItem(), QStringLiteral("missionList"));
        }
        if (list != nullptr && delegateCount(list) > 0) {
            break;
        }
    }
    r.delegates = msSince(t0);
    if (list == nullptr || delegateCount(list) == 0) {
        expect(false, "the missions ListView has delegates within 20 s");
        return r;
    }
    swapped = false;
    while (!swapped && timeout.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    if (!swapped) {
        // No frameSwapped on this platform: render one frame ourselves.
        (void)window->grabWindow();
    }
    r.frame = msSince(t0);
    r.ok = true;
    if (!scroll) {
        record("b_cold_frame",
               "QML as b_qml_frame, the replica file evicted from the OS page cache first",
               r.frame);
        return r;
    }
    record("b_shell", "QML: the Shell constructed (AppContext, sync and trainings parts, engine)",
           shellMs);
    record("b_qml_load", "QML: … + engine.load(Main.qml) returned", r.load);
    record("b_qml_delegates", "QML: … until the missions ListView has delegates", r.delegates);
    record("b_qml_frame", "QML: … until the first frame showing them is rendered", r.frame);
    record("b_rss", "(peak RSS of the QML run, MiB)",
           static_cast<double>(procStatusKiB("VmHWM")) / 1024.0);

    if (scroll) {
        const int count = list->property("count").toInt();
        // e2: jumps, as when dragging the scroll bar: every frame shows new rows.
        Series jump;
        const int frames = std::max(1, std::min(cfg.jumpFrames, count));
        for (int f = 0; f < frames; ++f) {
            const int index =
                static_cast<int>(static_cast<long long>(f) * (count - 1) / std::max(1, frames - 1));
            const auto ft = Clock::now();
            QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, index),
                                      Q_ARG(int, 1 /* ListView.Beginning */));
            const QImage img = frame(window);
            jump.add(msSince(ft));
            expect(!img.isNull(), "a frame was rendered");
        }
        // e3: a flick: contentY in small steps from the top, delegates reused.
        QMetaObject::invokeMethod(list, "positionViewAtBeginning");
        (void)window->grabWindow();
        Series flick;
        const double y0 = list->property("contentY").toDouble();
        for (int f = 0; f < cfg.flickFrames; ++f) {
            const auto ft = Clock::now();
            list->setProperty("contentY", y0 + static_cast<double>((f + 1) * cfg.flickStep));
            const QImage img = frame(window);
            flick.add(msSince(ft));
        }
        // One empty frame (nothing moved) for the rendering floor of grabWindow itself.
        Series idle;
        for (int f = 0; f < 20; ++f) {
            const auto ft = Clock::now();
            window->contentItem()->update();
            const QImage img = frame(window);
            idle.add(msSince(ft));
        }
        record("e5_rss", "(RSS after the scrolling, MiB)",
               static_cast<double>(procStatusKiB("VmRSS")) / 1024.0);
        record("e2_jump_p50", "ListView jumps (positionViewAtIndex over the list) — frame p50",
               jump.median());
        record("e2_jump_p99", "ListView jumps — frame p99", jump.pct(99));
        record("e2_jump_max", "ListView jumps — worst frame", jump.max());
        record("e3_flick_p50",
               "ListView flick (contentY += " + std::to_string(cfg.flickStep) + " px) — frame p50",
               flick.median());
        record("e3_flick_p99", "ListView flick — frame p99", flick.pct(99));
        record("e3_flick_max", "ListView flick — worst frame", flick.max());
        record("e4_idle_p50", "grabWindow of an unchanged window (the render floor) — p50",
               idle.median());
    }
    return r;
}

// --- One run of the model-level steps.

void runModels(const fs::path& dir, const Dataset& d, int run) {
    resetPeakRss();
    const QString dataDir = QString::fromStdString(dir.string());

    // a0. open with the file out of the OS page cache (as after a reboot).
    expect(evictFromPageCache(dir / "cadre.db"), "the file left the page cache");
    auto t0 = Clock::now();
    {
        cadre::client::AppContext cold(dataDir);
        auto& coldList = cold.missionController().missionList();
        (void)readRows(coldList, 0, std::min(coldList.rowCount(), 50));
        record("a_cold",
               "open as in a, the replica file evicted from the OS page cache first (disk reads)",
               msSince(t0));
    }

    warmPageCache(dir / "cadre.db");

    // a. open.
    t0 = Clock::now();
    auto context = std::make_unique<cadre::client::AppContext>(dataDir);
    const double ctxMs = msSince(t0);
    auto& missions = context->missionController().missionList();
    const int rows = missions.rowCount();
    const std::size_t sum = readRows(missions, 0, std::min(rows, 50));
    const double openMs = msSince(t0);
    expect(rows == static_cast<int>(d.missions),
           "missions list shows every mission (" + std::to_string(rows) + ")");
    expect(sum > 0, "the first rows have data");
    record("a_open", "open: AppContext on the file → missions model populated, 50 rows read",
           openMs);
    record("a_ctx",
           "… of which the AppContext constructor (Replica open + every controller and model)",
           ctxMs);

    // a'. the parts of it, on the same (now warm) file.
    t0 = Clock::now();
    { Replica alone((dir / "cadre.db").string(), Replica::Options{}); }
    record("a_replica", "Replica open + migrations check alone (second open)", msSince(t0));
    t0 = Clock::now();
    const auto all = context->missions().missions({});
    record("a_query", "MissionManager::missions({}) alone: the list query, every row", msSince(t0));
    t0 = Clock::now();
    missions.reload();
    (void)readRows(missions, 0, std::min(missions.rowCount(), 50));
    record("a_reload", "MissionListModel::reload() + 50 rows read (a sync or a filter change)",
           msSince(t0));
    expect(static_cast<std::size_t>(all.size()) == d.missions,
           "MissionManager::missions returns every mission");

    // b'. the other parts the Shell builds at start, each alone on this AppContext's replica.
#ifdef CADRE_HAVE_CLIENT_SYNC
    t0 = Clock::now();
    {
        cadre::client::AttentionModel attention(context->replica());
        (void)attention.rowCount();
    }
    record("p_attention", "Shell part: the sync part's AttentionModel (\"needs attention\") alone",
           msSince(t0));
    t0 = Clock::now();
    { cadre::client::SyncServices sync(context->replica(), context->databasePath()); }
    record("p_sync",
           "Shell part: SyncServices (sync worker, session, attention) built and shut down",
           msSince(t0));
#endif
    t0 = Clock::now();
    { cadre::trainings::TrainingServices services(context->replica(), nullptr); }
    record("p_trainings", "Shell part: TrainingServices (trainings list, attendance controller)",
           msSince(t0));

    // c. one mission's observation list: a mission from the middle of the list.
    const QString missionId = missions
                                  .data(missions.index(missions.rowCount() / 2, 0),
                                        cadre::client::MissionListModel::IdRole)
                                  .toString();
    t0 = Clock::now();
    context->missionController().open(missionId);
    auto& observations = context->missionController().observationList();
    const int obsRows = observations.rowCount();
    (void)readRows(observations, 0, obsRows);
    record("c_mission", "MissionController::open(mission) + every role of its observation rows",
           msSince(t0));
    expect(obsRows >= 14, "the mission shows its standards (" + std::to_string(obsRows) + ")");

    // d. trainings.
    cadre::trainings::TrainingManager trainings(context->replica());
    t0 = Clock::now();
    cadre::trainings::TrainingListModel list(trainings);
    if (list.rowCount() == 0) {
        list.reload();
    }
    const int trainingRows = list.rowCount();
    (void)readRows(list, 0, std::min(trainingRows, 50));
    record("d_trainings", "TrainingListModel populated + 50 rows read", msSince(t0));
    expect(trainingRows == static_cast<int>(d.trainings),
           "the trainings list shows every training");
    const QString trainingId =
        list.data(list.index(trainingRows / 2, 0), cadre::trainings::TrainingListModel::IdRole)
            .toString();
    t0 = Clock::now();
    cadre::trainings::AttendanceGridModel grid(trainings);
    grid.setTrainingId(trainingId);
    (void)readTable(grid);
    record("d_grid", "AttendanceGridModel of a 40 × 5 training + every cell's roles", msSince(t0));
    expect(grid.rowCount() == 40 && grid.columnCount() == 5,
           "the grid is 40 × 5 (" + std::to_string(grid.rowCount()) + " × " +
               std::to_string(grid.columnCount()) + ")");

    // e. the missions model walked top to bottom in pages of 50.
    Series pages;
    const auto walk0 = Clock::now();
    for (int from = 0; from < missions.rowCount(); from += 50) {
        const auto pt = Clock::now();
        (void)readRows(missions, from, std::min(missions.rowCount(), from + 50));
        pages.add(msSince(pt));
    }
    record("e1_walk", "missions model walked top to bottom, every role of every row",
           msSince(walk0));
    record("e1_page_p99", "… per page of 50 rows — p99", pages.pct(99));
    record("e1_page_max", "… per page of 50 rows — worst", pages.max());

    t0 = Clock::now();
    context.reset();
    record("a_close", "AppContext destroyed (flush, close)", msSince(t0));
    record("a_rss", "(peak RSS of the model run, MiB)",
           static_cast<double>(procStatusKiB("VmHWM")) / 1024.0);
    (void)run;
}

void runRaw(const fs::path& dir) {
    const fs::path db = dir / "cadre.db";
    std::size_t n = 0;
    record("r_first50",
           "raw SQLite: open + SELECT id, title, dates FROM mission ORDER BY start DESC LIMIT 50",
           rawQueryMs(db,
                      "SELECT id, title, starts_on, ends_on FROM mission WHERE deleted = 0 "
                      "ORDER BY COALESCE(starts_on, '9999') DESC, title LIMIT 50",
                      &n));
    expect(n == 50 || n > 0, "raw first page");
    record("r_allmissions", "raw SQLite: open + the app's mission list query (counts), every row",
           rawQueryMs(db,
                      "SELECT m.id, m.kind, m.member_id, mb.name_en, mb.name_fr, mb.iso3, "
                      "m.edition_id, m.title, m.starts_on, m.ends_on, m.status, m.review_state, "
                      "m.economic_context, m.ecommerce_context, "
                      "(SELECT COUNT(*) FROM observation o JOIN standard s ON s.id = o.standard_id "
                      "  AND s.deleted = 0 WHERE o.mission_id = m.id AND o.deleted = 0), "
                      "(SELECT COUNT(*) FROM standard s WHERE s.edition_id = m.edition_id AND "
                      "s.deleted = 0) FROM mission m LEFT JOIN member mb ON mb.id = m.member_id "
                      "WHERE m.deleted = 0 ORDER BY COALESCE(m.starts_on, '9999') DESC, m.title",
                      &n));
    record(
        "r_plain", "raw SQLite: open + SELECT every mission row, no counts, no order",
        rawQueryMs(db, "SELECT id, kind, member_id, title, starts_on, ends_on, status FROM mission",
                   &n));
    record("r_countobs", "raw SQLite: open + SELECT COUNT(*) FROM observation",
           rawQueryMs(db, "SELECT COUNT(*) FROM observation", &n));
}

std::string fmt(double v, int decimals = 1) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string runCommand(const char* cmd) {
    std::string out;
    if (FILE* p = ::popen(cmd, "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) {
            out += buf;
        }
        ::pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) {
        out.pop_back();
    }
    return out;
}

void usage() {
    std::cerr
        << "usage: client_bench [--observations N] [--attendance N] [--repeat K] [--keep]\n"
           "                    [--issues PCT] [--dir DIR] [--no-qml] [--jump-frames N]\n"
           "                    [--flick-frames N]\n"
           "  --issues PCT  share of missions and observations in review state has_issues (2)\n"
           "  --dir DIR  work in DIR and reuse the replica built there by an earlier --keep run\n";
}

}  // namespace

int main(int argc, char* argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND")) {
        qputenv("QT_QUICK_BACKEND", "software");
    }
    Config cfg;
    std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= args.size()) {
                usage();
                std::exit(2);
            }
            return args[++i];
        };
        if (a == "--observations") {
            cfg.observations = std::stoul(value());
        } else if (a == "--attendance") {
            cfg.attendance = std::stoul(value());
        } else if (a == "--repeat") {
            cfg.repeat = std::max(1, std::stoi(value()));
        } else if (a == "--keep") {
            cfg.keep = true;
        } else if (a == "--dir") {
            cfg.dir = value();
        } else if (a == "--issues") {
            cfg.issuesPercent = std::clamp(std::stoi(value()), 0, 100);
        } else if (a == "--no-qml") {
            cfg.qml = false;
        } else if (a == "--jump-frames") {
            cfg.jumpFrames = std::stoi(value());
        } else if (a == "--flick-frames") {
            cfg.flickFrames = std::stoi(value());
        } else {
            usage();
            return 2;
        }
    }
    const bool ownDir = cfg.dir.empty();
    if (ownDir) {
        cfg.dir = fs::temp_directory_path() / ("cadre-client-bench-" + std::to_string(::getpid()));
    }

    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Cadre"));
    QCoreApplication::setApplicationName(QStringLiteral("cadre-client-bench"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    const std::string loadBefore = runCommand("cat /proc/loadavg");
    Dataset d;
    try {
        const fs::path base = cfg.dir / ("base-" + std::to_string(cfg.observations) + "-" +
                                         std::to_string(cfg.attendance) + "-issues" +
                                         std::to_string(cfg.issuesPercent));
        d = buildDataset(cfg, base);
        std::cerr << "dataset " << (d.reused ? "reused" : "built") << ": " << fmt(d.fileMiB)
                  << " MiB\n";
        double firstOpen = 0;
        QmlRun firstQml;
        for (int run = 0; run < cfg.repeat; ++run) {
            std::cerr << "run " << run + 1 << "/" << cfg.repeat << "\n";
            const fs::path dir = freshCopy(base, cfg.dir, run);
            runModels(dir, d, run);
            if (run == 0) {
                firstOpen = gRuns["a_open"].v.front();
            }
            runRaw(dir);
            if (cfg.qml) {
                const fs::path qdir = freshCopy(base, cfg.dir, 1000 + run);
                const QmlRun q = runQml(qdir, cfg, true);
                if (run == 0) {
                    firstQml = q;
                }
                fs::remove_all(qdir);
                // The same start after a reboot: the file out of the page cache.
                const fs::path cdir = freshCopy(base, cfg.dir, 2000 + run);
                expect(evictFromPageCache(cdir / "cadre.db"), "the file left the page cache");
                (void)runQml(cdir, cfg, false);
                fs::remove_all(cdir);
            }
            fs::remove_all(dir);
        }
        const std::string loadAfter = runCommand("cat /proc/loadavg");

        std::ostringstream md;
        md << "## client_bench\n\n";
        md << "- Data: " << d.missions << " missions, " << d.observations << " observations, "
           << d.persons << " persons, " << d.trainings << " trainings, " << d.sessions
           << " sessions, " << d.enrolments << " enrolments, " << d.attendance
           << " attendance rows; " << cfg.issuesPercent
           << " % of missions and observations sent back by HQ (has_issues); replica file "
           << fmt(d.fileMiB) << " MiB; built with "
           << "Replica::insert in Replica::transaction batches in " << fmt(d.seconds) << " s"
           << (d.reused ? " (reused from an earlier run)" : "") << "; outbox acknowledged.\n";
        md << "- Runs: " << cfg.repeat << " (best and median of them below; each on a fresh copy "
           << "of the file, fresh AppContext / Replica / models; the file is in the OS page cache "
           << "except for a_cold).\n";
        md << "- Machine: " << runCommand("nproc") << " CPUs, "
           << runCommand("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'")
           << "; " << QSysInfo::prettyProductName().toStdString() << "; Qt " << qVersion() << "; "
           << "QT_QPA_PLATFORM=" << qgetenv("QT_QPA_PLATFORM").toStdString()
           << ", QT_QUICK_BACKEND=" << qgetenv("QT_QUICK_BACKEND").toStdString() << ".\n";
        md << "- Load average (1, 5, 15 min) before: " << loadBefore.substr(0, 14)
           << "; after: " << loadAfter.substr(0, 14) << ".\n\n";
        md << "| Step | What is timed | Best (ms) | Median (ms) | Worst (ms) |\n";
        md << "|---|---|---:|---:|---:|\n";
        for (const std::string& key : gOrder) {
            const Series& s = gRuns[key];
            md << "| " << key << " | " << gWhat[key] << " | " << fmt(s.min()) << " | "
               << fmt(s.median()) << " | " << fmt(s.max()) << " |\n";
        }
        md << "\n";
        md << "- First run (QML disk cache and page cache as the previous process left them): "
           << "open " << fmt(firstOpen) << " ms";
        if (cfg.qml) {
            md << ", QML first frame " << fmt(firstQml.frame) << " ms";
        }
        md << ".\n";
        struct rusage ru {};
        ::getrusage(RUSAGE_SELF, &ru);
        md << "- Peak RSS of the whole process (dataset build included): "
           << fmt(static_cast<double>(ru.ru_maxrss) / 1024.0) << " MiB.\n";
        const double open = gRuns["a_open"].min();
        const double qml = cfg.qml ? gRuns["b_qml_frame"].min() : 0;
        md << "\n**Target (first list within 1 s): "
           << ((open < 1000 && (!cfg.qml || qml < 1000)) ? "met" : "missed") << "** — model "
           << fmt(open) << " ms";
        if (cfg.qml) {
            md << ", real QML first frame " << fmt(qml) << " ms";
        }
        md << " (best of " << cfg.repeat << ").\n";
        std::cout << md.str() << std::flush;
    } catch (const std::exception& e) {
        std::cerr << "client_bench: " << e.what() << "\n";
        ++gFailures;
    }
    if (!cfg.keep && ownDir) {
        fs::remove_all(cfg.dir);
    } else {
        std::cerr << "kept: " << cfg.dir << "\n";
    }
    if (gFailures > 0) {
        std::cerr << gFailures << " check(s) failed\n";
        return 1;
    }
    return 0;
}
