// HttpTypes: the JSON error body every handler and the adapter answer with.
#include "http/HttpTypes.h"

#include <nlohmann/json.hpp>

namespace cadre::server {

HttpResponse jsonError(int status, const std::string& code, const std::string& message,
                       const std::string& issuesJson) {
    nlohmann::json error = {{"status", status}, {"code", code}, {"message", message}};
    if (!issuesJson.empty()) {
        // A caller's malformed issue list must not turn an error answer into a crash.
        nlohmann::json issues = nlohmann::json::parse(issuesJson, nullptr, false);
        if (issues.is_discarded()) {
            issues = nlohmann::json::array({issuesJson});
        } else if (!issues.is_array()) {
            issues = nlohmann::json::array({issues});
        }
        if (!issues.empty()) {
            error["issues"] = std::move(issues);
        }
    }
    HttpResponse response;
    response.status = status;
    response.contentType = "application/json";
    // Replace invalid UTF-8 (from a message quoting client input) rather than throw.
    response.body = nlohmann::json{{"error", std::move(error)}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return response;
}

}  // namespace cadre::server
