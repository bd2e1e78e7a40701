// Transport: how the SyncClient reaches the server — one request, one response, no HTTP library.
#pragma once

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>

namespace cadre::sync {

struct TransportRequest {
    std::string method;                          ///< "GET", "POST", "PUT"
    std::string target;                          ///< path and query, e.g. "/v1/pull?cursor=abc"
    std::map<std::string, std::string> headers;  ///< e.g. {"authorization", "Bearer …"}
    std::string body;
    std::string contentType = "application/json";
};

struct TransportResponse {
    int status = 0;
    std::map<std::string, std::string> headers;  ///< lower-case names
    std::string body;
};

/// Thrown when no HTTP answer was had: connection refused or cut, TLS failure, time-out. The
/// request may or may not have reached the server; sync requests are idempotent, so it is retried.
class TransportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Transport {
  public:
    virtual ~Transport() = default;
    /// Sends one request and returns the server's answer, whatever its status.
    /// Throws TransportError when there is no answer.
    virtual TransportResponse send(const TransportRequest& request) = 0;
};

}  // namespace cadre::sync
