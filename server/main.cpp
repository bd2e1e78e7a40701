// cadre-server: serve the sync API, or run an administrator's command on the central repository.
#include <fcntl.h>
#include <malloc.h>
#include <sys/file.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/AdminCommands.h"
#include "app/ServerApp.h"
#include "http/HttpServer.h"
#include "http/SelfSignedCertificate.h"

namespace {

using namespace cadre::server;

const char* kUsage = R"(usage: cadre-server COMMAND [options]

  serve        --data DIR [--config FILE] [--host ADDR] [--port N]
               [--cert FILE --key FILE | --plain-http]   run the sync server
  make-cert    --cert FILE --key FILE [--host NAME]... [--days N]
                                                         make a self-signed pair, print its fingerprint
  create-user  --data DIR --username U --role expert|trainer|hq_reviewer|admin [--person ID]
               (password read from standard input, first line)
  add-person   --data DIR --family-name NAME [--given-names G] [--email E]   prints the person's id
  assign       --data DIR --person ID (--mission ID | --training ID) --role ROLE
  demo-data    --data DIR [--password P]                 demo accounts and dataset
  export-csv   --data DIR --table TABLE                  live records as CSV on standard output

The central repository is DIR/cadre.db (SQLite, WAL). A config file is JSON with any of:
  {"data": DIR, "host": ADDR, "port": N, "certificate": FILE, "private_key": FILE,
   "plain_http": false, "max_body_bytes": N, "token_lifetime_days": N,
   "checkpoint_interval_ms": N (default 100; 0: commits checkpoint the WAL themselves),
   "handler_threads": N (default 64), "max_queued_requests": N (default 1024; past it: 503 busy)}
Flags override the file.
)";

/// --name value pairs; repeated names accumulate.
std::map<std::string, std::vector<std::string>> parseFlags(int argc, char** argv, int from) {
    std::map<std::string, std::vector<std::string>> flags;
    for (int i = from; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0)
            throw std::invalid_argument("unexpected argument '" + a + "'");
        a = a.substr(2);
        if (a == "plain-http" || a == "help") {
            flags[a].push_back("1");
        } else if (i + 1 < argc) {
            flags[a].push_back(argv[++i]);
        } else {
            throw std::invalid_argument("--" + a + " needs a value");
        }
    }
    return flags;
}

std::string flag(const std::map<std::string, std::vector<std::string>>& f, const std::string& name,
                 const std::string& fallback = "") {
    auto it = f.find(name);
    return it == f.end() ? fallback : it->second.back();
}

std::string required(const std::map<std::string, std::vector<std::string>>& f,
                     const std::string& name) {
    auto v = flag(f, name);
    if (v.empty())
        throw std::invalid_argument("--" + name + " is required");
    return v;
}

std::string databasePath(const std::string& dir) {
    std::filesystem::create_directories(dir);
    return (std::filesystem::path(dir) / "cadre.db").string();
}

/// One process at a time works on a data directory: the server and the admin commands write the
/// central repository's own changes with one device id and sequence, which two processes would
/// both number. Held until the process exits.
void lockDataDirectory(const std::string& dir) {
    std::filesystem::create_directories(dir);
    const std::string path = (std::filesystem::path(dir) / "cadre.lock").string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot open " + path);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
        throw std::runtime_error("another cadre-server process is using " + dir +
                                 " (stop the server before running admin commands on it)");
}

/// Keeps freed memory in the process. A push body (700 KB for 500 observations) and what is
/// decoded from it are freed once the push is answered; by default glibc gives such blocks back to
/// the kernel (unmapped, or trimmed off a thread's arena), so the next request faults in and
/// zeroes fresh pages: a tenth of the server's CPU per pushed change in sync_bench's step 3 (see
/// docs/PERFORMANCE.md). The memory kept is bounded by what the largest requests used at once.
void keepFreedMemory() {
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);   // blocks below it come from the arenas
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);  // free memory an arena keeps at its top
#endif
}

int serve(std::map<std::string, std::vector<std::string>> f) {
    keepFreedMemory();
    nlohmann::json config = nlohmann::json::object();
    if (auto file = flag(f, "config"); !file.empty()) {
        std::ifstream in(file);
        if (!in)
            throw std::invalid_argument("cannot read the config file " + file);
        config = nlohmann::json::parse(in);
    }
    const auto get = [&](const std::string& flagName, const char* key,
                         const std::string& fallback) {
        if (auto v = flag(f, flagName); !v.empty())
            return v;
        if (config.contains(key))
            return config[key].is_string() ? config[key].get<std::string>() : config[key].dump();
        return fallback;
    };
    ListenConfig listen;
    listen.host = get("host", "host", "127.0.0.1");
    listen.port = static_cast<std::uint16_t>(std::stoul(get("port", "port", "8443")));
    listen.tls = !(f.count("plain-http") || config.value("plain_http", false));
    listen.certificateFile = get("cert", "certificate", "");
    listen.privateKeyFile = get("key", "private_key", "");
    if (config.contains("max_body_bytes"))
        listen.maxBodyBytes = config["max_body_bytes"].get<std::size_t>();
    if (config.contains("handler_threads"))
        listen.handlerThreads = config["handler_threads"].get<std::size_t>();
    if (config.contains("max_queued_requests"))
        listen.maxQueuedRequests = config["max_queued_requests"].get<std::size_t>();
    const std::string data = get("data", "data", "");
    if (data.empty())
        throw std::invalid_argument("--data is required");
    lockDataDirectory(data);

    AppOptions options;
    if (config.contains("token_lifetime_days"))
        options.accounts.tokenLifetimeMs =
            config["token_lifetime_days"].get<std::int64_t>() * 24 * 3600 * 1000;
    if (config.contains("checkpoint_interval_ms"))
        options.checkpointIntervalMs = config["checkpoint_interval_ms"].get<int>();
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // every thread started from here inherits it

    ServerApp app(databasePath(data), options);
    listen.refused = [&app](int, const std::string& code) { app.metrics().listenerRefused(code); };
    HttpServer server(listen, app.handler());
    app.log(nlohmann::json{{"level", "info"},
                           {"msg", "listening"},
                           {"url", server.baseUrl()},
                           {"database", databasePath(data)}}
                .dump());
    std::cout << "cadre-server listening on " << server.baseUrl() << std::endl;
    int signal = 0;
    sigwait(&signals, &signal);
    app.log(nlohmann::json{{"level", "info"}, {"msg", "stopping"}, {"signal", signal}}.dump());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string command = argv[1];
    try {
        auto f = parseFlags(argc, argv, 2);
        if (command == "serve")
            return serve(f);
        if (command == "make-cert") {
            auto hosts = f.count("host")
                             ? f["host"]
                             : std::vector<std::string>{"localhost", "127.0.0.1", "::1"};
            const auto fingerprint = makeSelfSigned(required(f, "cert"), required(f, "key"), hosts,
                                                    std::stoi(flag(f, "days", "825")));
            std::cout << "certificate " << flag(f, "cert") << "\nSHA-256 fingerprint "
                      << fingerprint << "\n";
            return 0;
        }
        AppOptions options;
        options.log = [](const std::string&) {};  // commands print their own results
        options.checkpointIntervalMs = 0;         // one short run: SQLite's own checkpoints
        lockDataDirectory(required(f, "data"));
        ServerApp app(databasePath(required(f, "data")), options);
        if (command == "create-user") {
            const auto role = roleFromString(required(f, "role"));
            if (!role)
                throw std::invalid_argument("--role must be expert, trainer, hq_reviewer or admin");
            std::string password;
            std::getline(std::cin, password);
            const auto user = app.accounts().createUser(required(f, "username"), password, *role,
                                                        flag(f, "person"));
            std::cout << "user " << user.username << " (" << toString(user.role) << ") id "
                      << user.id << "\n";
        } else if (command == "add-person") {
            std::cout << addPerson(app, required(f, "family-name"), flag(f, "given-names"),
                                   flag(f, "email"))
                      << "\n";
        } else if (command == "assign") {
            const bool mission = f.count("mission") > 0;
            if (mission == (f.count("training") > 0))
                throw std::invalid_argument("give one of --mission or --training");
            std::cout << assign(app, mission ? "mission" : "training",
                                required(f, mission ? "mission" : "training"),
                                required(f, "person"), required(f, "role"))
                      << "\n";
        } else if (command == "demo-data") {
            loadDemoData(app, flag(f, "password", "cadre-demo-2026"), std::cout);
        } else if (command == "export-csv") {
            exportCsv(app, required(f, "table"), std::cout);
        } else {
            std::cerr << "cadre-server: unknown command '" << command << "'\n" << kUsage;
            return 2;
        }
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "cadre-server " << command << ": " << e.what() << "\n";
        return 1;
    }
}
