// ServerProcess: runs the real cadre-server binary on a loopback port for a test, and kills it.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace cadre::test {

/// Runs `cadre-server ARGS…` and returns its exit status, feeding `input` on standard input.
inline int runServerCommand(const std::vector<std::string>& args, const std::string& input = "",
                            std::string* output = nullptr) {
    std::string cmd = CADRE_SERVER_BINARY;
    for (const auto& a : args)
        cmd += " '" + a + "'";
    const std::string in = "/tmp/cadre-test-input-" + std::to_string(::getpid());
    std::ofstream(in) << input << "\n";
    FILE* p = ::popen((cmd + " < " + in + " 2>&1").c_str(), "r");
    std::string out;
    char buf[512];
    while (p && std::fgets(buf, sizeof buf, p))
        out += buf;
    const int status = p ? ::pclose(p) : -1;
    std::remove(in.c_str());
    if (output)
        *output = out;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// `cadre-server serve` in a child process; its stdout and stderr go to files in `dir`.
class ServerProcess {
  public:
    ServerProcess(std::string dataDir, std::string cert, std::string key, std::uint16_t port,
                  std::string logFile)
        : dataDir_(std::move(dataDir)),
          cert_(std::move(cert)),
          key_(std::move(key)),
          port_(port),
          log_(std::move(logFile)) {
        start();
    }
    ~ServerProcess() { stop(SIGTERM); }

    void start() {
        std::vector<std::string> args = {
            CADRE_SERVER_BINARY,   "serve",  "--data", dataDir_, "--host", "127.0.0.1", "--port",
            std::to_string(port_), "--cert", cert_,    "--key",  key_};
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, (log_ + ".out").c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_addopen(&actions, 2, log_.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                         0644);
        if (posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ) != 0)
            throw std::runtime_error("cannot start cadre-server");
        posix_spawn_file_actions_destroy(&actions);
        // Ready when it prints its URL (the port is open then).
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (std::chrono::steady_clock::now() < deadline) {
            std::ifstream out(log_ + ".out");
            std::string line;
            if (std::getline(out, line) && line.find("listening on") != std::string::npos) {
                const auto colon = line.rfind(':');
                port_ = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
                return;
            }
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("cadre-server exited at start; see " + log_);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        throw std::runtime_error("cadre-server did not start within 20 s; see " + log_);
    }

    /// Sends `signal` (SIGKILL: a crash, no chance to clean up) and waits for the process.
    void stop(int signal) {
        if (pid_ <= 0)
            return;
        ::kill(pid_, signal);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
    }

    [[nodiscard]] std::uint16_t port() const { return port_; }
    [[nodiscard]] std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

  private:
    std::string dataDir_, cert_, key_;
    std::uint16_t port_;
    std::string log_;
    pid_t pid_ = -1;
};

}  // namespace cadre::test
