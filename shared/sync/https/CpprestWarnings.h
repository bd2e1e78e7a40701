// CpprestWarnings: the one list of warnings silenced around cpprestsdk's headers, which do not
// build cleanly under Cadre's flags (-Wall -Wextra -Wshadow -Wconversion … -Werror in CI).
// Only the adapter files include cpprestsdk; each wraps its includes:
//   CADRE_CPPREST_WARNINGS_OFF
//   #include <cpprest/http_client.h>
//   CADRE_CPPREST_WARNINGS_ON
#pragma once

// clang-format off
#define CADRE_CPPREST_WARNINGS_OFF                               \
    _Pragma("GCC diagnostic push")                               \
    _Pragma("GCC diagnostic ignored \"-Wall\"")                  \
    _Pragma("GCC diagnostic ignored \"-Wextra\"")                \
    _Pragma("GCC diagnostic ignored \"-Wshadow\"")               \
    _Pragma("GCC diagnostic ignored \"-Wconversion\"")           \
    _Pragma("GCC diagnostic ignored \"-Wold-style-cast\"")       \
    _Pragma("GCC diagnostic ignored \"-Wnull-dereference\"")
// clang-format on

#define CADRE_CPPREST_WARNINGS_ON _Pragma("GCC diagnostic pop")
