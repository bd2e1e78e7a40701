// sync_bench: push/pull throughput and latency of the real cadre-server over HTTPS on loopback.
//
// Each run starts `cadre-server serve` (CADRE_SERVER_BINARY, or --server PATH) on 127.0.0.1 with
// a private CA made by server::makeTestPki, on a fresh data directory holding the demo data, and
// measures with the real SyncClient over the real HttpsTransport:
//   1. push: one device pushes --records observations in batches of --batch;
//   2. pull: a fresh device pulls everything, pages of 2000 and 5000 — download only (what the
//      server and the wire deliver) and end to end (SyncClient::pull, applied on the device);
//   3. --devices devices (one thread each) push --device-records observations each, in batches
//      of --device-batch, all at once: back to back, or with --think-ms between batches;
//   4. Replica::applyRemote of the same changes as 1 into a fresh hub replica (the core's rate).
// Every push and pull request is timed by a Transport decorator that forwards to HttpsTransport.
// Records (observations, about 1 KB of prose each) are generated from a seed before any clock
// runs. Every figure is the best of --repeat runs (highest rate; for step 3 the lowest p99), each
// run on a fresh server and data directory. The bench checks the final state (counts on
// the hub, integrity_check, every device's sequence, state hash of a pulled device against the
// hub's) and exits non-zero if anything is off.
//
// It needs cadre::sync_https, cadre::server and CADRE_SERVER_BINARY (the path of cadre-server);
// built without that definition it is a stub that says so.
#ifdef CADRE_SERVER_BINARY

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <latch>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "app/ServerApp.h"
#include "codec/ChangeCodec.h"
#include "domain/Schema.h"
#include "domain/Uuid.h"
#include "http/SelfSignedCertificate.h"
#include "replica/Replica.h"
#include "sync/SyncClient.h"
#include "sync/https/HttpsTransport.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using cadre::Change;
using cadre::Value;
using cadre::replica::Database;
using cadre::replica::Fields;
using cadre::replica::Replica;
using cadre::replica::Statement;
using cadre::sync::SyncClient;
using cadre::sync::SyncResult;
using cadre::sync::TransportRequest;
using cadre::sync::TransportResponse;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kUser = "hq.reviewer";  ///< HQ writes every mission: rights never refuse
constexpr const char* kPassword = "sync-bench-password";

struct Config {
    std::size_t records = 100000;
    std::size_t batch = 500;  ///< push batch of step 1, applyRemote chunk of step 4
    std::size_t devices = 50;
    std::size_t deviceRecords = 2000;
    std::size_t deviceBatch = 100;
    std::vector<std::size_t> pullLimits = {2000, 5000};
    int repeat = 3;
    int thinkMs = 0;  ///< pause of each concurrent device after each answer
    std::uint64_t seed = 0x5eedcad7e2018ULL;
    fs::path dir;
    bool ownDir = true;
    bool keep = false;
    std::string server = CADRE_SERVER_BINARY;
    fs::path samples;        ///< where every timed request of steps 3 and 3s is written, if set
    bool applyOnly = false;  ///< step 4 only, --repeat times: no server, no devices
};

// --- Checks: every failure is printed and makes the exit status non-zero.

int gFailures = 0;

void expect(bool ok, const std::string& what) {
    if (ok)
        return;
    ++gFailures;
    std::cerr << "CHECK FAILED: " << what << "\n";
}

// --- Deterministic data (the generator of replica_bench).

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

/// A time-ordered (version 7) UUID made at `ms`, as domain::timeOrderedUuid makes a mission's id
/// when HQ creates it, with its other bits from `rng` so that a seed gives the same data.
std::string uuidFrom(Rng& rng, std::uint64_t ms) {
    static constexpr char hex[] = "0123456789abcdef";
    std::uint64_t hi = rng.next(), lo = rng.next();
    hi = (ms << 16) | (hi & 0x0fffULL) | 0x7000ULL;  // 48-bit time, version 7
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

/// `count` observations: one per (mission, standard), missions drawn from the seed, so two seeds
/// never name the same record. The missions were made a minute apart from 1 September 2026, so
/// two seeds' missions interleave in time as those of several experts do. Adds the bytes of field
/// text to `textBytes`.
constexpr std::uint64_t kMissionsFromMs = 1'788'220'800'000;  // 2026-09-01T00:00:00Z

std::vector<Fields> makeObservations(std::uint64_t seed, std::size_t count,
                                     const std::vector<std::string>& standards,
                                     std::size_t& textBytes) {
    static const char* priorities[] = {"high", "medium", "low"};
    static const char* reviews[] = {"draft",     "draft",      "draft",
                                    "submitted", "has_issues", "approved"};
    Rng rng(seed);
    std::vector<Fields> out(count);
    std::string mission;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t s = i % standards.size();
        if (s == 0)
            mission = uuidFrom(rng, kMissionsFromMs + i / standards.size() * 60'000);
        const bool french = rng.below(2) == 0;
        Fields& f = out[i];
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
        for (const auto& [column, v] : f)
            if (v.isText())
                textBytes += v.asText().size();
    }
    return out;
}

// --- Files, processes, timing.

void removeDb(const fs::path& p) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(p.string() + suffix, ec);
}

std::int64_t scalar(Database& db, const std::string& sql) {
    Statement st(db, sql);
    return st.step() ? st.integer(0) : -1;
}

/// One value from a read-only connection (the server may hold the file: WAL lets us read).
std::int64_t readOnlyScalar(const fs::path& file, const std::string& sql) {
    sqlite3* db = nullptr;
    std::int64_t out = -1;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW)
            out = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

Replica::Options deviceOptions(const std::string& author) {
    Replica::Options o;
    o.role = Replica::Role::Device;
    o.author = author;
    return o;
}

double seconds(SteadyClock::duration d) {
    return std::chrono::duration<double>(d).count();
}

std::string fileText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// User + system CPU seconds of this process (every thread).
double ownCpuSeconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    const auto tv = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return tv(u.ru_utime) + tv(u.ru_stime);
}

/// User + system CPU seconds of another process, from /proc/<pid>/stat (0 if unreadable).
double processCpuSeconds(pid_t pid) {
    const std::string all = fileText("/proc/" + std::to_string(pid) + "/stat");
    const auto close = all.rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream rest(all.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {  // field 3 is the state
        if (i == 14)
            utime = std::stoull(field);
        if (i == 15)
            stime = std::stoull(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

/// Starts `args` with standard output and error appended to files; returns the pid.
pid_t spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
    std::vector<std::string> copy = args;
    std::vector<char*> argv;
    for (auto& a : copy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        throw std::runtime_error("cannot start " + args.front());
    return pid;
}

/// `cadre-server serve` on 127.0.0.1, a free port, TLS with the test PKI; killed when destroyed.
class ServerProcess {
  public:
    ServerProcess(const Config& cfg, const fs::path& data, const cadre::server::TestPki& pki,
                  const fs::path& logs)
        : out_(logs / "server.out"), log_(logs / "server.log") {
        pid_ = spawn({cfg.server, "serve", "--data", data.string(), "--host", "127.0.0.1", "--port",
                      "0", "--cert", pki.serverCert, "--key", pki.serverKey},
                     out_, log_);
        const auto deadline = SteadyClock::now() + std::chrono::seconds(30);
        while (SteadyClock::now() < deadline) {
            const std::string out = fileText(out_);
            if (const auto at = out.find("listening on "); at != std::string::npos) {
                const auto end = out.find('\n', at);
                if (end != std::string::npos) {
                    url_ = out.substr(at + 13, end - at - 13);
                    return;
                }
            }
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("cadre-server exited at start; see " + log_.string());
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        stop();
        throw std::runtime_error("cadre-server did not start within 30 s; see " + log_.string());
    }
    ~ServerProcess() { stop(); }
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    /// SIGTERM and wait: the server finishes the requests in flight and closes the database.
    void stop() {
        if (pid_ <= 0)
            return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }
    [[nodiscard]] const std::string& url() const { return url_; }
    [[nodiscard]] pid_t pid() const { return pid_; }
    [[nodiscard]] double cpuSeconds() const { return pid_ > 0 ? processCpuSeconds(pid_) : 0; }
    [[nodiscard]] const fs::path& logFile() const { return log_; }

  private:
    fs::path out_, log_;
    pid_t pid_ = -1;
    std::string url_;
};

/// The server's own time in its handler (the JSON-lines log's "ms") for requests of `route`,
/// logged after byte `from` of the log.
std::vector<double> handlerMs(const fs::path& log, std::size_t from, const std::string& route) {
    const std::string text = fileText(log);
    std::vector<double> out;
    const std::string key = "\"route\":\"" + route + "\"";
    std::size_t at = std::min(from, text.size());
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line(text.data() + at, end - at);
        if (line.find(key) != std::string_view::npos) {
            if (const auto ms = line.find("\"ms\":"); ms != std::string_view::npos)
                out.push_back(std::strtod(std::string(line.substr(ms + 5, 32)).c_str(), nullptr));
        }
        at = end + 1;
    }
    return out;
}

std::size_t fileSize(const fs::path& p) {
    std::error_code ec;
    const auto n = fs::file_size(p, ec);
    return ec ? 0 : static_cast<std::size_t>(n);
}

// --- The timing decorator: a real HttpsTransport, each request timed.

/// When the bench started: the origin of every sample's start time.
const SteadyClock::time_point gEpoch = SteadyClock::now();

struct Sample {
    double startMs = 0;  ///< since gEpoch
    double ms = 0;
    std::size_t requestBytes = 0, responseBytes = 0;
    int status = 0;  ///< 0: no answer (TransportError)
};

class TimingTransport : public cadre::sync::Transport {
  public:
    TimingTransport(const std::string& url, const std::string& ca)
        : inner_(cadre::sync::HttpsOptions{url, ca, "", std::chrono::milliseconds(120000)}) {}

    TransportResponse send(const TransportRequest& request) override {
        const bool timed =
            request.target.rfind("/v1/push", 0) == 0 || request.target.rfind("/v1/pull", 0) == 0;
        const auto start = SteadyClock::now();
        try {
            TransportResponse r = inner_.send(request);
            if (timed)
                samples.push_back({seconds(start - gEpoch) * 1000.0,
                                   seconds(SteadyClock::now() - start) * 1000.0,
                                   request.body.size(), r.body.size(), r.status});
            if (timed && thinkMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(thinkMs));
            return r;
        } catch (const cadre::sync::TransportError&) {
            if (timed)
                samples.push_back({seconds(start - gEpoch) * 1000.0,
                                   seconds(SteadyClock::now() - start) * 1000.0,
                                   request.body.size(), 0, 0});
            throw;
        }
    }

    std::vector<Sample> samples;
    int thinkMs = 0;

  private:
    cadre::sync::HttpsTransport inner_;
};

// --- Figures.

/// Nearest-rank percentile of a sorted sample (0 when empty).
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

struct Figure {
    std::string step, what;
    std::size_t records = 0, requests = 0, errors = 0;
    double wall = 0;        ///< seconds, the whole step
    double inRequests = 0;  ///< seconds inside timed requests (summed over devices)
    double p50 = 0, p99 = 0, max = 0;
    double serverP50 = 0, serverP99 = 0;  ///< handler time logged by the server, ms
    double bytesPerRecord = 0;            ///< request + response bodies
    double serverCpu = 0, clientCpu = 0;
    [[nodiscard]] double rate() const { return wall > 0 ? static_cast<double>(records) / wall : 0; }

    void fromSamples(const std::vector<Sample>& samples) {
        std::vector<double> ms;
        std::size_t bytes = 0;
        inRequests = 0;
        errors = 0;
        for (const auto& s : samples) {
            ms.push_back(s.ms);
            inRequests += s.ms / 1000.0;
            bytes += s.requestBytes + s.responseBytes;
            if (s.status != 200)
                ++errors;
        }
        std::sort(ms.begin(), ms.end());
        requests = ms.size();
        p50 = percentile(ms, 0.50);
        p99 = percentile(ms, 0.99);
        max = ms.empty() ? 0 : ms.back();
        bytesPerRecord = records ? static_cast<double>(bytes) / static_cast<double>(records) : 0.0;
    }
    void fromServerLog(std::vector<double> ms) {
        std::sort(ms.begin(), ms.end());
        serverP50 = percentile(ms, 0.50);
        serverP99 = percentile(ms, 0.99);
    }
};

/// The best run of a step — highest rate, or lowest p99 where latency is the target — and
/// every run's rate and p99, for the spread.
struct Best {
    bool byP99 = false;
    Figure best;
    std::vector<std::pair<double, double>> runs;  ///< (records/s, p99 ms)
    void add(const Figure& f) {
        runs.emplace_back(f.rate(), f.p99);
        if (runs.size() == 1 || (byP99 ? f.p99 < best.p99 : f.rate() > best.rate()))
            best = f;
    }
};

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
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

/// Measures `step` on this process's and the server's CPU clocks as well as the wall clock.
template <typename Step>
void measured(const ServerProcess& server, Figure& f, Step&& step) {
    const double serverCpu = server.cpuSeconds(), ownCpu = ownCpuSeconds();
    const auto start = SteadyClock::now();
    step();
    f.wall = seconds(SteadyClock::now() - start);
    f.serverCpu = server.cpuSeconds() - serverCpu;
    f.clientCpu = ownCpuSeconds() - ownCpu;
}

// --- Devices.

struct Device {
    Device(const fs::path& file, const std::string& url, const std::string& ca,
           SyncClient::Options options)
        : replica(file.string(), deviceOptions(kUser)),
          transport(url, ca),
          client(replica, transport, std::move(options)) {}
    Replica replica;
    TimingTransport transport;
    SyncClient client;
};

SyncClient::Options clientOptions(std::size_t pushBatch, std::size_t pullLimit) {
    SyncClient::Options o;
    o.pushBatch = pushBatch;
    o.pullLimit = pullLimit;
    o.maxAttempts = 3;
    o.firstBackoff = std::chrono::milliseconds(100);
    return o;
}

/// A device replica holding `fields` as pending local inserts (the outbox a device pushes).
void makeDeviceFile(const fs::path& file, const std::vector<Fields>& fields) {
    removeDb(file);
    Replica r(file.string(), deviceOptions(kUser));
    for (std::size_t from = 0; from < fields.size(); from += 1000)
        r.transaction([&] {
            for (std::size_t i = from; i < std::min(fields.size(), from + 1000); ++i)
                r.insert("observation", fields[i]);
        });
}

/// Copies a closed replica file (its WAL was checkpointed and removed at close).
void copyDb(const fs::path& from, const fs::path& to) {
    removeDb(to);
    fs::copy_file(from, to);
}

std::vector<std::string> standardIds(const fs::path& dir) {
    const fs::path path = dir / "reference.db";
    removeDb(path);
    std::vector<std::string> out;
    {
        Replica ref(path.string(), deviceOptions("bench"));
        Statement st(ref.database(), "SELECT id FROM standard WHERE deleted = 0 ORDER BY number");
        while (st.step())
            out.push_back(st.text(0));
    }
    removeDb(path);
    if (out.empty())
        throw std::runtime_error("the reference data holds no standard");
    return out;
}

/// What the runs share: device files made once, copied into each run.
struct Inputs {
    fs::path pushSource;               ///< the device of step 1, --records pending inserts
    std::vector<fs::path> concurrent;  ///< the devices of step 3
    std::vector<Change> creates;       ///< step 1's changes, for step 4
    std::size_t textBytes = 0;
    std::size_t wireBytes = 0;  ///< encodeBatch of the creates, in --batch batches
};

// --- One run: a fresh server, the four steps, the checks.

struct Results {
    Best push, apply, concurrent, raw;
    Best pushStored, concurrentStored;     ///< 1s and 3s
    std::vector<Best> download, endToEnd;  ///< per pull limit
};

/// A hub replica with the server's settings (steps 4 and 5): its page cache and page size, and no
/// checkpoint in the commit path (the server's checkpointer thread does them).
Replica::Options serverHubOptions() {
    Replica::Options o;
    o.role = Replica::Role::Hub;
    o.author = "bench";
    const cadre::server::AppOptions server;
    o.database.cacheSizeKiB = server.cacheSizeKiB;
    o.database.pageSizeBytes = server.pageSizeBytes;
    o.database.walAutocheckpointPages = -1;
    return o;
}

/// 5. The floor: the rows the hub writes for each pushed change — the observation (with the
/// versions blob step 4 stored for it) and the log row (the change's wire text and scope) — as
/// plain prepared INSERTs into a fresh migrated hub file, with the server's settings, `--batch`
/// per transaction. No merge, no lookups, no validation: what SQLite itself costs.
Figure rawFloor(const Config& cfg, const Inputs& in, Replica& applied, const fs::path& file,
                const ServerProcess& server) {
    std::map<std::string, std::string> versions;
    {
        Statement st(applied.database(), "SELECT id, sync_versions FROM observation");
        while (st.step())
            versions[st.text(0)] = st.blob(1);
    }
    std::vector<std::string> wire;
    for (const auto& c : in.creates)
        wire.push_back(cadre::codec::encodeChange(c));
    removeDb(file);
    Replica hub(file.string(), serverHubOptions());
    Database& db = hub.database();
    const Change& first = in.creates.front();
    std::string cols = "id, deleted", params = "?1, 0";
    for (std::size_t i = 0; i < first.fields.size(); ++i) {
        cols += ", \"" + first.fields[i].column + "\"";
        params += ", ?" + std::to_string(i + 2);
    }
    const int versionsParam = static_cast<int>(first.fields.size()) + 2;
    Statement row(db, "INSERT INTO observation (" + cols + ", sync_versions) VALUES (" + params +
                          ", ?" + std::to_string(versionsParam) + ")");
    Statement log(db,
                  "INSERT INTO sync_log (origin, origin_seq, tbl, row_id, change, scope_kind, "
                  "scope_id) VALUES (?1, ?2, ?3, ?4, ?5, 'mission', ?6)");
    Figure f{"5", "raw SQLite floor: the same observation and log rows as plain INSERTs, " +
                      std::to_string(cfg.batch) + " per transaction (no server)"};
    f.records = in.creates.size();
    measured(server, f, [&] {
        for (std::size_t from = 0; from < in.creates.size(); from += cfg.batch) {
            db.exec("BEGIN");
            for (std::size_t i = from; i < std::min(in.creates.size(), from + cfg.batch); ++i) {
                const Change& c = in.creates[i];
                row.bind(1, c.row);
                for (std::size_t k = 0; k < c.fields.size(); ++k)
                    row.bind(static_cast<int>(k + 2), c.fields[k].value);
                const std::string& blob = versions.at(c.row);
                row.bindBlob(versionsParam, blob.data(), blob.size()).run();
                const Value* mission = nullptr;
                for (const auto& fw : c.fields)
                    if (fw.column == "mission_id")
                        mission = &fw.value;
                log.bind(1, c.origin)
                    .bind(2, c.seq)
                    .bind(3, c.table)
                    .bind(4, c.row)
                    .bind(5, wire[i])
                    .bind(6, *mission)
                    .run();
            }
            db.exec("COMMIT");
        }
    });
    expect(scalar(db, "SELECT count(*) FROM observation") ==
               static_cast<std::int64_t>(in.creates.size()),
           "raw: observation count");
    return f;
}

/// Loads the demo data (accounts, a mission, a training) into a new data directory, with our
/// password for its accounts; returns the number of observations it holds.
std::int64_t loadDemo(const Config& cfg, const fs::path& data, const fs::path& dir) {
    const pid_t demo =
        spawn({cfg.server, "demo-data", "--data", data.string(), "--password", kPassword},
              dir / "demo.out", dir / "demo.out");
    int status = 0;
    ::waitpid(demo, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("cadre-server demo-data failed: " + fileText(dir / "demo.out"));
    const std::int64_t baseline =
        readOnlyScalar(data / "cadre.db", "SELECT count(*) FROM observation");
    expect(baseline >= 0, "the demo data has an observation table");
    return baseline;
}

/// The hub once the server has stopped: every pushed observation, integrity_check, and every
/// device's changes up to its last. Returns the hub's state hash.
std::string checkHub(const fs::path& hubFile, std::int64_t expectedRows,
                     const std::vector<Replica*>& devices, const std::string& label) {
    Replica::Options o;
    o.role = Replica::Role::Hub;
    o.author = "cadre-server";
    Replica hub(hubFile.string(), o);
    Database& db = hub.database();
    const std::int64_t rows = scalar(db, "SELECT count(*) FROM observation");
    expect(rows == expectedRows, label + "hub: observation rows " + std::to_string(rows) + " = " +
                                     std::to_string(expectedRows) + " pushed + demo");
    expect(db.integrityCheck() == "ok", label + "hub: integrity_check");
    for (std::size_t i = 0; i < devices.size(); ++i)
        expect(hub.originSeq(devices[i]->deviceId()) == devices[i]->lastSeq(),
               label + "hub: every change of device " + std::to_string(i));
    return hub.stateHash();
}

/// Runs push(i) for every i below n, each on a thread of its own, all released at once by a latch;
/// with a pause (--think-ms), the devices start spread over one pause, as devices in the field
/// would. Returns what each push threw (empty when nothing).
std::vector<std::string> allAtOnce(std::size_t n, int thinkMs,
                                   const std::function<void(std::size_t)>& push) {
    std::vector<std::string> failures(n);
    std::latch ready(static_cast<std::ptrdiff_t>(n) + 1);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < n; ++i)
        threads.emplace_back([&, i] {
            ready.arrive_and_wait();
            if (thinkMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(
                    static_cast<std::int64_t>(i) * thinkMs / static_cast<std::int64_t>(n)));
            try {
                push(i);
            } catch (const std::exception& e) {
                failures[i] = e.what();
            }
        });
    ready.arrive_and_wait();
    for (auto& t : threads)
        t.join();
    return failures;
}

/// Appends every timed request of a concurrent step to cfg.samples (nothing when it is unset):
/// one CSV row per request, each device's requests in the order it sent them.
void writeSamples(const Config& cfg, int run, const std::string& step,
                  const std::vector<const std::vector<Sample>*>& perDevice) {
    if (cfg.samples.empty())
        return;
    const bool fresh = !fs::exists(cfg.samples);
    std::ofstream out(cfg.samples, std::ios::app);
    if (fresh)
        out << "run,step,device,request,start_ms,latency_ms,status\n";
    for (std::size_t d = 0; d < perDevice.size(); ++d)
        for (std::size_t i = 0; i < perDevice[d]->size(); ++i) {
            const Sample& s = (*perDevice[d])[i];
            out << run << ',' << step << ',' << d << ',' << i << ',' << fixed(s.startMs, 3) << ','
                << fixed(s.ms, 3) << ',' << s.status << '\n';
        }
    expect(out.good(), "samples written to " + cfg.samples.string());
}

// --- Stored bodies: the server driven as the reference's client drove pouchdb-server.

/// A signed-in device whose outbox was read beforehand into push bodies of `batch` changes each,
/// as SyncClient sends them (the outbox as stored is the wire format).
struct StoredPushes {
    std::unique_ptr<Device> device;
    std::vector<std::string> bodies;
    std::vector<std::int64_t> lastSeqs;  ///< the sequence number each body must be acked to
};

StoredPushes storedPushes(const fs::path& source, const fs::path& file, const ServerProcess& server,
                          const std::string& ca, std::size_t batch, const std::string& name) {
    copyDb(source, file);
    StoredPushes s;
    s.device = std::make_unique<Device>(file, server.url(), ca, clientOptions(batch, 2000));
    s.device->client.login(kUser, kPassword, name);
    for (std::int64_t after = 0;;) {
        const auto page = s.device->replica.pendingWire(batch, after);
        if (page.changes.empty())
            break;
        std::string body = "{\"changes\":[";
        for (std::size_t i = 0; i < page.changes.size(); ++i) {
            if (i)
                body += ',';
            body += page.changes[i];
        }
        body += "]}";
        s.bodies.push_back(std::move(body));
        s.lastSeqs.push_back(page.lastSeq);
        after = page.lastSeq;
    }
    s.device->transport.samples.clear();
    return s;
}

/// The number after `"acked_seq":` in a push answer (-1 when absent).
std::int64_t ackedSeq(const std::string& answer) {
    const std::string key = "\"acked_seq\":";
    const auto at = answer.find(key);
    if (at == std::string::npos)
        return -1;
    std::size_t from = at + key.size();
    while (from < answer.size() && answer[from] == ' ')
        ++from;
    std::int64_t value = -1;
    std::from_chars(answer.data() + from, answer.data() + answer.size(), value);
    return value;
}

/// Sends the bodies one after the other; each must be acknowledged up to its last change.
/// Returns what went wrong, or an empty string.
std::string sendStored(StoredPushes& s) {
    Device& d = *s.device;
    const std::map<std::string, std::string> headers{
        {"authorization", "Bearer " + d.replica.localSetting("token")},
        {"x-cadre-device", d.replica.deviceId()}};
    for (std::size_t i = 0; i < s.bodies.size(); ++i) {
        const TransportResponse r = d.transport.send({"POST", "/v1/push", headers, s.bodies[i]});
        if (r.status != 200)
            return "push " + std::to_string(i) + " answered " + std::to_string(r.status) + ": " +
                   r.body.substr(0, 200);
        if (ackedSeq(r.body) != s.lastSeqs[i])
            return "push " + std::to_string(i) + " acknowledged " + r.body.substr(0, 200);
    }
    return {};
}

/// 1s and 3s: the pushes of steps 1 and 3 again, on a second fresh server, the way the
/// reference's client drove pouchdb-server's `_bulk_docs`: each device's outbox read beforehand
/// into bodies, sent back to back, every acknowledgement checked but not written into the device.
void runStored(const Config& cfg, const Inputs& in, Results& results, const fs::path& dir,
               int run) {
    fs::create_directories(dir);
    const fs::path data = dir / "data";
    const auto pki = cadre::server::makeTestPki((dir / "pki").string());
    const std::int64_t baseline = loadDemo(cfg, data, dir);
    ServerProcess server(cfg, data, pki, dir);
    std::vector<Replica*> pushed;
    std::vector<StoredPushes> devices;
    StoredPushes one =
        storedPushes(in.pushSource, dir / "push.db", server, pki.caCert, cfg.batch, "bench 1s");
    pushed.push_back(&one.device->replica);
    {
        Figure f{"1s", "push, 1 device, its outbox read beforehand into bodies of " +
                           std::to_string(cfg.batch) +
                           " changes, sent back to back on one connection (as the reference's "
                           "`_bulk_docs` client)"};
        f.records = cfg.records;
        const std::size_t logFrom = fileSize(server.logFile());
        std::string failure;
        measured(server, f, [&] { failure = sendStored(one); });
        f.fromSamples(one.device->transport.samples);
        f.fromServerLog(handlerMs(server.logFile(), logFrom, "/v1/push"));
        expect(failure.empty(), "stored push: " + failure);
        expect(f.errors == 0, "stored push: every request answered 200");
        results.pushStored.add(f);
    }
    for (std::size_t i = 0; i < in.concurrent.size(); ++i) {
        devices.push_back(
            storedPushes(in.concurrent[i], dir / ("device-" + std::to_string(i) + ".db"), server,
                         pki.caCert, cfg.deviceBatch, "bench 3s " + std::to_string(i)));
        devices.back().device->transport.thinkMs = cfg.thinkMs;
        pushed.push_back(&devices.back().device->replica);
    }
    if (!devices.empty()) {
        Figure f{"3s", std::to_string(devices.size()) +
                           " devices at once, one thread and connection each, outboxes read "
                           "beforehand into bodies of " +
                           std::to_string(cfg.deviceBatch) + " changes, sent back to back" +
                           (cfg.thinkMs ? " with a " + std::to_string(cfg.thinkMs) +
                                              " ms pause after each answer"
                                        : "")};
        f.records = devices.size() * cfg.deviceRecords;
        std::vector<std::string> failures;
        const std::size_t logFrom = fileSize(server.logFile());
        measured(server, f, [&] {
            failures = allAtOnce(devices.size(), cfg.thinkMs, [&](std::size_t i) {
                if (const std::string failure = sendStored(devices[i]); !failure.empty())
                    throw std::runtime_error(failure);
            });
        });
        std::vector<Sample> all;
        std::vector<const std::vector<Sample>*> perDevice;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            const auto& samples = devices[i].device->transport.samples;
            perDevice.push_back(&samples);
            all.insert(all.end(), samples.begin(), samples.end());
            expect(failures[i].empty(),
                   "stored concurrent: device " + std::to_string(i) + ": " + failures[i]);
        }
        writeSamples(cfg, run, "3s", perDevice);
        f.fromSamples(all);
        f.fromServerLog(handlerMs(server.logFile(), logFrom, "/v1/push"));
        expect(f.errors == 0, "stored concurrent: every request answered 200");
        results.concurrentStored.add(f);
    }
    server.stop();
    static_cast<void>(checkHub(
        data / "cadre.db",
        baseline + static_cast<std::int64_t>(cfg.records + devices.size() * cfg.deviceRecords),
        pushed, "stored: "));
}

/// 4: Replica::applyPushed of step 1's changes into a fresh hub replica with the server's
/// settings, one call and transaction per --batch changes, decoded beforehand as the server holds
/// them (decoding is not timed). `then` runs with the hub before it is closed and removed.
Figure applyStep(const Config& cfg, const Inputs& in, const fs::path& dir,
                 const std::function<void(Replica&)>& then = {}) {
    Figure f{"4",
             "Replica::applyPushed (the hub's apply, as the server calls it) into a fresh hub "
             "replica, " +
                 std::to_string(cfg.batch) + " changes per call (no server)"};
    const fs::path file = dir / "apply-hub.db";
    {
        Replica hub(file.string(), serverHubOptions());
        std::vector<cadre::codec::PushedBatch> batches;
        for (std::size_t from = 0; from < in.creates.size(); from += cfg.batch)
            batches.push_back(cadre::codec::decodePushedBatch(cadre::codec::encodeBatch(
                {in.creates.begin() + static_cast<std::ptrdiff_t>(from),
                 in.creates.begin() +
                     static_cast<std::ptrdiff_t>(std::min(in.creates.size(), from + cfg.batch))})));
        std::size_t applied = 0;
        f.records = in.creates.size();
        const double cpu = ownCpuSeconds();
        const auto start = SteadyClock::now();
        for (const auto& batch : batches)
            hub.transaction([&] { applied += hub.applyPushed(batch).applied; });
        f.wall = seconds(SteadyClock::now() - start);
        f.clientCpu = ownCpuSeconds() - cpu;
        expect(applied == in.creates.size(), "apply: every change applied");
        expect(scalar(hub.database(), "SELECT count(*) FROM observation") ==
                   static_cast<std::int64_t>(in.creates.size()),
               "apply: observation count");
        if (then)
            then(hub);
    }
    removeDb(file);
    return f;
}

void runOnce(const Config& cfg, const Inputs& in, Results& results, int run) {
    const fs::path dir = cfg.dir / ("run-" + std::to_string(run));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path data = dir / "data", hubFile = data / "cadre.db";
    const auto pki = cadre::server::makeTestPki((dir / "pki").string());
    const std::int64_t baseline = loadDemo(cfg, data, dir);

    ServerProcess server(cfg, data, pki, dir);
    std::cerr << "run " << run << ": cadre-server pid " << server.pid() << " at " << server.url()
              << "\n";
    const std::int64_t n = static_cast<std::int64_t>(cfg.records);

    // 4. The core's own apply rate (the server is idle), then the raw floor (5) beside it.
    results.apply.add(applyStep(cfg, in, dir, [&](Replica& hub) {
        results.raw.add(rawFloor(cfg, in, hub, dir / "raw-hub.db", server));
    }));
    removeDb(dir / "raw-hub.db");

    // 1. Push: one device, --records changes in batches of --batch.
    {
        copyDb(in.pushSource, dir / "push.db");
        Device d(dir / "push.db", server.url(), pki.caCert, clientOptions(cfg.batch, 2000));
        d.client.login(kUser, kPassword, "bench push device");
        d.transport.samples.clear();
        Figure f{"1", "push, 1 device, SyncClient::push, " + std::to_string(cfg.batch) +
                          " changes per request"};
        f.records = cfg.records;
        const std::size_t logFrom = fileSize(server.logFile());
        SyncResult result;
        measured(server, f, [&] { d.client.push(result); });
        f.fromSamples(d.transport.samples);
        f.fromServerLog(handlerMs(server.logFile(), logFrom, "/v1/push"));
        expect(result.pushed == cfg.records && result.rejections.empty(),
               "push: every change acknowledged (" + std::to_string(result.pushed) + ")");
        expect(d.replica.pendingCount() == 0, "push: outbox empty");
        expect(f.errors == 0, "push: every request answered 200");
        results.push.add(f);
    }

    // 2. Pull: a fresh device pulls everything, download only and end to end.
    const std::int64_t logCount = readOnlyScalar(hubFile, "SELECT count(*) FROM sync_log");
    fs::path pulledFile;
    for (std::size_t li = 0; li < cfg.pullLimits.size(); ++li) {
        const std::size_t limit = cfg.pullLimits[li];
        const std::string per = std::to_string(limit);
        {
            const fs::path file = dir / ("download-" + per + ".db");
            Device d(file, server.url(), pki.caCert, clientOptions(cfg.batch, limit));
            d.client.login(kUser, kPassword, "bench download device");
            const std::string token = d.replica.localSetting("token");
            Figure f{"2",
                     "pull, fetched and decoded (as a `_changes` reader: validated, not "
                     "applied), limit " +
                         per};
            std::size_t count = 0;
            d.transport.samples.clear();
            const std::size_t logFrom = fileSize(server.logFile());
            // As SyncClient::pull reads: the next page is asked for (on the cursor read from
            // the end of this one) while this one is decoded.
            const auto get = [&](const std::string& cursor) {
                TransportRequest req{
                    "GET",
                    "/v1/pull?limit=" + per + (cursor.empty() ? "" : "&cursor=" + cursor),
                    {{"authorization", "Bearer " + token},
                     {"x-cadre-device", d.replica.deviceId()}},
                    ""};
                TransportResponse r = d.transport.send(req);
                if (r.status != 200)
                    throw std::runtime_error("pull answered " + std::to_string(r.status));
                return r;
            };
            measured(server, f, [&] {
                TransportResponse r = get("");
                for (;;) {
                    std::future<TransportResponse> next;
                    const auto tail = cadre::codec::peekPullTail(r.body);
                    if (tail && tail->more)
                        next = std::async(std::launch::async, get, tail->cursor);
                    const auto page = cadre::codec::decodePullPage(r.body);
                    count += page.changes.size();
                    expect(tail && tail->more == page.more && tail->cursor == page.cursor,
                           "download: the tail of a page names its cursor");
                    if (!page.more)
                        break;
                    r = next.get();
                }
            });
            f.records = count;
            f.fromSamples(d.transport.samples);
            f.fromServerLog(handlerMs(server.logFile(), logFrom, "/v1/pull"));
            expect(static_cast<std::int64_t>(count) == logCount,
                   "download: every logged change received once (" + std::to_string(count) +
                       " of " + std::to_string(logCount) + ")");
            if (results.download.size() <= li)
                results.download.resize(li + 1);
            results.download[li].add(f);
        }
        removeDb(dir / ("download-" + per + ".db"));
        {
            const fs::path file = dir / ("pull-" + per + ".db");
            Device d(file, server.url(), pki.caCert, clientOptions(cfg.batch, limit));
            d.client.login(kUser, kPassword, "bench pull device");
            d.transport.samples.clear();
            Figure f{"2",
                     "pull, end to end (SyncClient::pull: fetched and applied on the device), "
                     "limit " +
                         per};
            const std::size_t logFrom = fileSize(server.logFile());
            SyncResult result;
            measured(server, f, [&] { d.client.pull(result); });
            f.records = result.pulled;
            f.fromSamples(d.transport.samples);
            f.fromServerLog(handlerMs(server.logFile(), logFrom, "/v1/pull"));
            expect(static_cast<std::int64_t>(result.pulled) == logCount,
                   "pull: every logged change applied (" + std::to_string(result.pulled) + " of " +
                       std::to_string(logCount) + ")");
            expect(scalar(d.replica.database(), "SELECT count(*) FROM observation") == baseline + n,
                   "pull: the device holds every observation");
            if (results.endToEnd.size() <= li)
                results.endToEnd.resize(li + 1);
            results.endToEnd[li].add(f);
        }
        if (li + 1 == cfg.pullLimits.size())
            pulledFile = dir / ("pull-" + per + ".db");
        else
            removeDb(dir / ("pull-" + per + ".db"));
    }

    // 3. Concurrent devices, each on its own thread, all pushing at once.
    std::vector<std::unique_ptr<Device>> devices;
    {
        for (std::size_t i = 0; i < in.concurrent.size(); ++i) {
            const fs::path file = dir / ("device-" + std::to_string(i) + ".db");
            copyDb(in.concurrent[i], file);
            devices.push_back(std::make_unique<Device>(file, server.url(), pki.caCert,
                                                       clientOptions(cfg.deviceBatch, 2000)));
            devices.back()->transport.thinkMs = cfg.thinkMs;
        }
        // Sign in four at a time (scrypt), before the clock starts.
        std::atomic<std::size_t> nextLogin{0};
        std::vector<std::thread> logins;
        std::atomic<int> loginFailures{0};
        for (int t = 0; t < 4; ++t)
            logins.emplace_back([&] {
                for (std::size_t i = nextLogin++; i < devices.size(); i = nextLogin++) {
                    try {
                        devices[i]->client.login(kUser, kPassword,
                                                 "bench device " + std::to_string(i));
                    } catch (const std::exception& e) {
                        ++loginFailures;
                        std::cerr << "login " << i << ": " << e.what() << "\n";
                    }
                }
            });
        for (auto& t : logins)
            t.join();
        expect(loginFailures == 0, "concurrent: every device signed in");
        for (auto& d : devices)
            d->transport.samples.clear();

        Figure f{"3", std::to_string(devices.size()) + " devices at once, one thread each, " +
                          std::to_string(cfg.deviceRecords) + " changes each, " +
                          std::to_string(cfg.deviceBatch) + " per request" +
                          (cfg.thinkMs ? ", " + std::to_string(cfg.thinkMs) +
                                             " ms pause after each answer, starts spread over "
                                             "one pause"
                                       : "")};
        f.records = devices.size() * cfg.deviceRecords;
        std::vector<SyncResult> pushed(devices.size());
        std::vector<std::string> errors;
        const std::size_t logFrom = fileSize(server.logFile());
        measured(server, f, [&] {
            errors = allAtOnce(devices.size(), cfg.thinkMs,
                               [&](std::size_t i) { devices[i]->client.push(pushed[i]); });
        });
        std::vector<Sample> all;
        std::vector<const std::vector<Sample>*> perDevice;
        for (std::size_t i = 0; i < devices.size(); ++i) {
            perDevice.push_back(&devices[i]->transport.samples);
            all.insert(all.end(), devices[i]->transport.samples.begin(),
                       devices[i]->transport.samples.end());
            expect(errors[i].empty() && pushed[i].pushed == cfg.deviceRecords &&
                       pushed[i].rejections.empty(),
                   "concurrent: device " + std::to_string(i) + " pushed everything " + errors[i]);
        }
        writeSamples(cfg, run, "3", perDevice);
        f.fromSamples(all);
        f.fromServerLog(handlerMs(server.logFile(), logFrom, "/v1/push"));
        expect(f.errors == 0, "concurrent: every request answered 200");
        results.concurrent.add(f);
    }

    // Checks of the final state. The pulled device catches up, then the server stops.
    std::string pulledHash;
    if (run == 1 && !pulledFile.empty()) {
        Device d(pulledFile, server.url(), pki.caCert, clientOptions(cfg.batch, 5000));
        SyncResult r;
        d.client.pull(r);
        pulledHash = d.replica.stateHash();
    }
    server.stop();
    {
        std::vector<Replica*> pushers;
        for (const auto& d : devices)
            pushers.push_back(&d->replica);
        const std::string hash = checkHub(
            hubFile, baseline + n + static_cast<std::int64_t>(devices.size() * cfg.deviceRecords),
            pushers, "");
        if (!pulledHash.empty())
            expect(hash == pulledHash, "hub: state hash equals a pulled device's");
    }
    devices.clear();
    // 1s and 3s on a server of their own.
    runStored(cfg, in, results, dir / "stored", run);
    if (!cfg.keep)
        fs::remove_all(dir);
}

// --- Command line.

[[noreturn]] void usage(int status) {
    (status == 0 ? std::cout : std::cerr)
        << "usage: sync_bench [--records N] [--batch N] [--devices N] [--device-records N]\n"
           "                  [--device-batch N] [--think-ms N] [--repeat K] [--dir PATH]\n"
           "                  [--seed S] [--server PATH] [--keep] [--samples FILE]\n"
           "                  [--apply-only]\n"
           "  --records N        observations pushed by one device, then pulled (default "
           "100000)\n"
           "  --batch N          changes per push request and per applyRemote call (default "
           "500)\n"
           "  --devices N        concurrent devices of step 3 (default 50)\n"
           "  --device-records N observations each concurrent device pushes (default 2000)\n"
           "  --device-batch N   changes per push request in step 3 (default 100)\n"
           "  --think-ms N       pause of each concurrent device after each answer; devices then\n"
           "                     start spread over one pause (default 0: back to back)\n"
           "  --repeat K         runs, each on a fresh server; the best is reported (default 3)\n"
           "  --dir PATH         where the files go (default: a new temp dir)\n"
           "  --server PATH      the cadre-server binary (default: the one built with this)\n"
           "  --keep             keep the files (data directories, server logs)\n"
           "  --samples FILE     write every request of steps 3 and 3s to FILE as CSV (run, step,\n"
           "                     device, request, start ms, latency ms, status), to see the tail\n"
           "  --apply-only       only step 4 (the hub's apply, no server), --repeat times: for a\n"
           "                     profiler such as callgrind\n";
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
        const auto count = [&](bool zeroOk = false) -> std::size_t {
            const std::string v = value();
            const long long n = std::atoll(v.c_str());
            if (n < 0 || (n == 0 && !zeroOk))
                usage(2);
            return static_cast<std::size_t>(n);
        };
        if (a == "--records")
            cfg.records = count();
        else if (a == "--batch")
            cfg.batch = count();
        else if (a == "--devices")
            cfg.devices = count(true);
        else if (a == "--device-records")
            cfg.deviceRecords = count();
        else if (a == "--device-batch")
            cfg.deviceBatch = count();
        else if (a == "--think-ms")
            cfg.thinkMs = static_cast<int>(count(true));
        else if (a == "--repeat")
            cfg.repeat = static_cast<int>(count());
        else if (a == "--seed")
            cfg.seed = std::strtoull(value().c_str(), nullptr, 0);
        else if (a == "--server")
            cfg.server = value();
        else if (a == "--dir") {
            cfg.dir = value();
            cfg.ownDir = false;
        } else if (a == "--keep")
            cfg.keep = true;
        else if (a == "--samples")
            cfg.samples = value();
        else if (a == "--apply-only")
            cfg.applyOnly = true;
        else if (a == "--help" || a == "-h")
            usage(0);
        else
            usage(2);
    }
    if (cfg.ownDir)
        cfg.dir = fs::temp_directory_path() / ("cadre-sync-bench-" + std::to_string(::getpid()));
    fs::create_directories(cfg.dir);
    return cfg;
}

#ifdef NDEBUG
constexpr const char* kBuild = "NDEBUG (Release-type build)";
#else
constexpr const char* kBuild = "assertions on: NOT a Release build, figures are not comparable";
#endif

void row(const Figure& f, const std::string& target) {
    const bool http = f.requests > 0;  // step 4 runs without the server
    const auto perRecord = [&](double cpu) {
        return f.records ? fixed(1e6 * cpu / static_cast<double>(f.records), 0) : "—";
    };
    std::cout << "| " << f.step << " | " << f.what << " | " << f.records << " | " << f.requests
              << " | " << fixed(f.wall, 2) << " | " << (http ? fixed(f.inRequests, 2) : "—")
              << " | **" << grouped(f.rate()) << "** | " << (http ? fixed(f.p50, 1) : "—") << " | "
              << (http ? fixed(f.p99, 1) : "—") << " | "
              << (http ? fixed(f.serverP50, 1) + " / " + fixed(f.serverP99, 1) : "—") << " | "
              << (http ? fixed(f.bytesPerRecord, 0) : "—") << " | "
              << (http ? perRecord(f.serverCpu) : "—") << " | " << perRecord(f.clientCpu) << " | "
              << target << " |\n";
}

std::string spread(const Best& b) {
    std::string out;
    for (const auto& [rate, p99] : b.runs)
        out += (out.empty() ? "" : ", ") + grouped(rate) + "/s (p99 " + fixed(p99, 0) + " ms)";
    return out;
}

int run(const Config& cfg) {
    Inputs in;
    std::cerr << "Generating " << cfg.records;
    if (!cfg.applyOnly)
        std::cerr << " + " << cfg.devices << " x " << cfg.deviceRecords;
    std::cerr << " observations (seed " << cfg.seed << ") and the device files...\n";
    const auto standards = standardIds(cfg.dir);
    {
        const auto fields = makeObservations(cfg.seed, cfg.records, standards, in.textBytes);
        in.pushSource = cfg.dir / "push-source.db";
        makeDeviceFile(in.pushSource, fields);
        Replica src(in.pushSource.string(), deviceOptions(kUser));
        auto page = src.pending(0, cfg.records);
        expect(page.changes.size() == cfg.records && !page.more, "source: outbox size");
        in.creates = std::move(page.changes);
        for (std::size_t from = 0; from < in.creates.size(); from += cfg.batch)
            in.wireBytes += cadre::codec::encodeBatch(
                                std::vector<Change>(
                                    in.creates.begin() + static_cast<std::ptrdiff_t>(from),
                                    in.creates.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                             in.creates.size(), from + cfg.batch))))
                                .size();
    }
    if (cfg.applyOnly) {
        // Step 4 alone, for a profiler: under callgrind with
        // --toggle-collect='cadre::replica::Replica::applyPushed*' it counts the hub's apply.
        for (int r = 1; r <= cfg.repeat; ++r) {
            const fs::path dir = cfg.dir / ("apply-" + std::to_string(r));
            fs::create_directories(dir);
            const Figure f = applyStep(cfg, in, dir);
            std::cout << "run " << r << ": step 4, " << f.records << " changes in "
                      << fixed(f.wall, 2) << " s = " << grouped(f.rate()) << "/s, CPU "
                      << fixed(f.clientCpu * 1e6 / static_cast<double>(f.records), 1)
                      << " µs per change\n";
            fs::remove_all(dir);
        }
        return gFailures == 0 ? 0 : 1;
    }
    for (std::size_t i = 0; i < cfg.devices; ++i) {
        std::size_t ignored = 0;
        const auto fields = makeObservations(cfg.seed ^ (0x9e37ULL * (i + 1) << 20),
                                             cfg.deviceRecords, standards, ignored);
        in.concurrent.push_back(cfg.dir / ("concurrent-source-" + std::to_string(i) + ".db"));
        makeDeviceFile(in.concurrent.back(), fields);
    }

    Results results;
    results.concurrent.byP99 = true;
    results.concurrentStored.byP99 = true;
    for (int r = 1; r <= cfg.repeat; ++r) {
        std::cerr << "Run " << r << " of " << cfg.repeat << "...\n";
        runOnce(cfg, in, results, r);
    }

    // --- Report.
    const double pushRate = results.push.best.rate(), applyRate = results.apply.best.rate();
    double downloadRate = 0, endToEndRate = 0;
    for (const auto& b : results.download)
        downloadRate = std::max(downloadRate, b.best.rate());
    for (const auto& b : results.endToEnd)
        endToEndRate = std::max(endToEndRate, b.best.rate());
    const double concurrentP99 = results.concurrent.best.p99;
    const double storedRate = results.pushStored.best.rate();
    const double storedP99 = results.concurrentStored.best.p99;

    std::cout << "\n## sync_bench\n\n"
              << "- server: `" << cfg.server << " serve` on 127.0.0.1, HTTPS (test CA), "
              << "synchronous=FULL, demo data loaded; every device signed in as `" << kUser
              << "` (HQ: rights never refuse)\n"
              << "- records: observations, "
              << fixed(static_cast<double>(in.textBytes) / static_cast<double>(cfg.records), 0)
              << " bytes of field text each (French/English prose, seed " << cfg.seed
              << "); push wire JSON "
              << fixed(static_cast<double>(in.wireBytes) / static_cast<double>(cfg.records), 0)
              << " bytes per change\n"
              << "- best of " << cfg.repeat
              << " runs, each on a fresh server and data directory; steady_clock; CPU from "
                 "getrusage (bench) and /proc/PID/stat (server)\n"
              << "- compiler: g++ " << __VERSION__ << ", " << kBuild << "; SQLite "
              << sqlite3_libversion() << "; " << std::thread::hardware_concurrency()
              << " hardware threads shared by the bench and the server\n\n";
    std::cout << "| Step | What is timed | Records | Requests | Wall (s) | In requests (s, summed "
                 "over devices) | Records/s | p50 ms | p99 ms | Server handler p50 / p99 ms | "
                 "Body bytes per record | Server CPU µs per record | Bench CPU µs per record | "
                 "Target |\n"
                 "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
    row(results.push.best, std::string("≥ 21,000/s: ") + (pushRate >= 21000 ? "met" : "NOT met"));
    row(results.pushStored.best,
        std::string("≥ 21,000/s (the reference's measure: bodies sent through `_bulk_docs`): ") +
            (storedRate >= 21000 ? "met" : "NOT met"));
    for (const auto& b : results.download)
        row(b.best, "≥ 42,000/s (the reference's measure: read back through `_changes`): " +
                        std::string(b.best.rate() >= 42000 ? "met" : "NOT met"));
    for (const auto& b : results.endToEnd)
        row(b.best, std::string("— (also written into the device's replica, which the "
                                "reference's 14,000/s did not do; ≥ 42,000/s: ") +
                        (b.best.rate() >= 42000 ? "met" : "not met") + ")");
    if (cfg.devices > 0) {
        row(results.concurrent.best,
            std::string("p99 < 250 ms: ") + (concurrentP99 < 250 ? "met" : "NOT met"));
        row(results.concurrentStored.best,
            std::string("p99 < 250 ms: ") + (storedP99 < 250 ? "met" : "NOT met"));
    }
    row(results.apply.best, "—");
    row(results.raw.best, "—");

    const double rawRate = results.raw.best.rate();
    std::cout << "\nPush rate / core apply rate (1 / 4): " << fixed(100.0 * pushRate / applyRate, 1)
              << " %\nCore apply rate / raw SQLite floor (4 / 5): "
              << fixed(100.0 * applyRate / rawRate, 1)
              << " %\nPush rate / raw SQLite floor (1 / 5): "
              << fixed(100.0 * pushRate / rawRate, 1)
              << " %\n\nEvery run (records/s, p99 per request):\n\n"
              << "- 1 push: " << spread(results.push) << "\n"
              << "- 1s push, stored bodies: " << spread(results.pushStored) << "\n";
    for (std::size_t i = 0; i < results.download.size(); ++i)
        std::cout << "- 2 download, limit " << cfg.pullLimits[i] << ": "
                  << spread(results.download[i]) << "\n";
    for (std::size_t i = 0; i < results.endToEnd.size(); ++i)
        std::cout << "- 2 pull end to end, limit " << cfg.pullLimits[i] << ": "
                  << spread(results.endToEnd[i]) << "\n";
    std::cout << "- 3 concurrent: " << spread(results.concurrent) << "\n"
              << "- 3s concurrent, stored bodies: " << spread(results.concurrentStored) << "\n"
              << "- 4 apply: " << spread(results.apply) << "\n"
              << "- 5 raw floor: " << spread(results.raw) << "\n";

    std::cout << "\nTargets:\n"
              << "- push >= 21,000 records/s, as the reference was (bodies sent back to back): "
              << grouped(storedRate) << " -> " << (storedRate >= 21000 ? "MET" : "NOT MET")
              << "; end to end from the device's outbox (SyncClient::push): " << grouped(pushRate)
              << " -> " << (pushRate >= 21000 ? "MET" : "NOT MET") << "\n"
              << "- pull >= 42,000 records/s, read back as the reference was (fetched and "
                 "decoded): "
              << grouped(downloadRate) << " -> " << (downloadRate >= 42000 ? "MET" : "NOT MET")
              << "; end to end into the device's replica: " << grouped(endToEndRate) << "\n"
              << "- p99 push latency < 250 ms with " << cfg.devices << " concurrent devices: "
              << (cfg.devices == 0
                      ? std::string("not run (--devices 0)")
                      : "bodies sent back to back " + fixed(storedP99, 0) + " ms -> " +
                            (storedP99 < 250 ? "MET" : "NOT MET") +
                            "; SyncClient::push on every device " + fixed(concurrentP99, 0) +
                            " ms -> " + (concurrentP99 < 250 ? "MET" : "NOT MET"))
              << "\n";
    if (gFailures)
        std::cout << "\n" << gFailures << " check(s) FAILED (see stderr)\n";
    else
        std::cout << "\nChecks: acknowledgements, counts, integrity_check, sequences and state "
                     "hash all ok.\n";
    return gFailures ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    const Config cfg = parse(argc, argv);
    int status = 1;
    try {
        status = run(cfg);
    } catch (const std::exception& e) {
        std::cerr << "sync_bench: " << e.what() << "\n";
    }
    if (cfg.ownDir && !cfg.keep) {
        std::error_code ec;
        fs::remove_all(cfg.dir, ec);
    }
    return status;
}

#else  // built without cadre::server: see the lead's lines in bench/CMakeLists.txt

#include <iostream>

int main() {
    std::cerr << "sync_bench: built without CADRE_SERVER_BINARY; link cadre::sync_https and "
                 "cadre::server and define CADRE_SERVER_BINARY=\"$<TARGET_FILE:cadre-server>\"\n";
    return 2;
}

#endif
