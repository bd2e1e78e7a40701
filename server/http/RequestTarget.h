// RequestTarget: what the HTTP adapter decodes of a request line and its headers — percent
// escapes, the query string, header names — without cpprestsdk.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace cadre::server {

/// ASCII lower case (header names are case-insensitive).
[[nodiscard]] std::string lowerCase(std::string text);

/// Percent-decodes (no '+' to space: cursors and tokens may hold '+'). Throws
/// std::invalid_argument on a bad escape.
[[nodiscard]] std::string percentDecode(std::string_view text);

/// "a=1&b=x%20y" → {a: "1", b: "x y"}; a name given twice keeps its first value. Throws
/// std::invalid_argument on a bad escape.
[[nodiscard]] std::map<std::string, std::string> decodeQuery(std::string_view query);

}  // namespace cadre::server
