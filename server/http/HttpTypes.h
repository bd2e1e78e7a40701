// HttpTypes: Cadre's own request and response types; handlers never see cpprestsdk.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace cadre::server {

/// One HTTP request as the adapter hands it to Cadre. Header names are lower-case.
struct HttpRequest {
    std::string method;                          ///< "GET", "POST", "PUT", …
    std::string path;                            ///< decoded path, e.g. "/v1/pull"
    std::map<std::string, std::string> query;    ///< decoded query parameters
    std::map<std::string, std::string> headers;  ///< lower-case names
    std::string body;                            ///< the whole body (bounded by the adapter)
    std::string remoteAddress;                   ///< the peer's IP address, for throttling and logs

    /// The header's value, or std::nullopt.
    [[nodiscard]] std::optional<std::string> header(const std::string& lowerCaseName) const {
        auto it = headers.find(lowerCaseName);
        return it == headers.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

/// One HTTP response. JSON by default.
struct HttpResponse {
    int status = 200;
    std::string contentType = "application/json";
    std::map<std::string, std::string> headers;
    std::string body;
};

/// What the adapter calls for every request (from several threads at once). It must not throw;
/// the adapter answers 500 with a JSON error if it does.
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

/// A JSON error body: {"error": {"status": 422, "code": "invalid_change", "message": "…",
/// "issues": [...]}} — `issuesJson` is a JSON array text or empty.
[[nodiscard]] HttpResponse jsonError(int status, const std::string& code,
                                     const std::string& message,
                                     const std::string& issuesJson = {});

}  // namespace cadre::server
