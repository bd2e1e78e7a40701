// HttpServer: the HTTPS listener (cpprestsdk inside the .cpp only) that feeds Cadre's HttpHandler.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "http/HttpTypes.h"

namespace cadre::server {

/// Where and how the server listens.
struct ListenConfig {
    std::string host = "127.0.0.1";  ///< an IP address or host name to bind
    std::uint16_t port = 8443;       ///< 0: pick a free port (see HttpServer::port())
    bool tls = true;                 ///< false is refused unless host is a loopback address
    std::string certificateFile;     ///< PEM certificate chain (TLS)
    std::string privateKeyFile;      ///< PEM private key (TLS)
    std::size_t maxBodyBytes = 32 * 1024 * 1024;  ///< larger bodies get 413
    /// Threads running handlers (a push waiting for its group's commit holds one): at most this
    /// many requests are handled at once, the others wait their turn. Reads and writes run on
    /// cpprestsdk's own few threads (sync::cpprestThreads()).
    std::size_t handlerThreads = 64;
    /// Requests read whole and waiting for a handler thread, beyond which a new one is answered
    /// 503 "busy" with Retry-After (nothing of it was handled; SyncClient retries it later).
    std::size_t maxQueuedRequests = 1024;
    /// Told of every request the listener answers itself, never a handler (400 for a malformed
    /// request or a cut body, 413, 503 busy or shutting down): its status and error code. Called
    /// on an I/O thread; must be quick and must not throw.
    std::function<void(int status, const std::string& code)> refused;
};

/// Thrown when the listener cannot start (bad certificate, port in use, plain HTTP off loopback).
class ListenError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class HttpServer {
  public:
    /// Validates the configuration and starts listening; returns once the port is open.
    /// TLS 1.2 and 1.3 only. Throws ListenError.
    HttpServer(const ListenConfig& config, HttpHandler handler);
    /// Stops accepting, lets requests in flight finish, closes.
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    /// The port actually bound (useful with port 0).
    [[nodiscard]] std::uint16_t port() const;
    /// "https://127.0.0.1:8443"
    [[nodiscard]] std::string baseUrl() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// True for 127.0.0.0/8, ::1 and "localhost".
[[nodiscard]] bool isLoopbackHost(const std::string& host);

}  // namespace cadre::server
