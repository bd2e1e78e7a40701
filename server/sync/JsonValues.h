// JsonValues: Cadre values and conflict leaves as JSON for the server's answers.
#pragma once

#include <nlohmann/json.hpp>

#include "clock/HybridClock.h"
#include "domain/Value.h"
#include "merge/Register.h"

namespace cadre::server {

inline nlohmann::json valueToJson(const Value& v) {
    if (v.isNull())
        return nullptr;
    if (v.isInteger())
        return v.asInteger();
    if (v.isReal())
        return v.asReal();
    return v.asText();
}

/// Reads null, a number or a string; false for arrays, objects and booleans-as-text.
inline bool valueFromJson(const nlohmann::json& j, Value& out) {
    if (j.is_null())
        out = Value();
    else if (j.is_boolean())
        out = Value(j.get<bool>() ? 1 : 0);
    else if (j.is_number_integer())
        out = Value(j.get<std::int64_t>());
    else if (j.is_number_float())
        out = Value(j.get<double>());
    else if (j.is_string())
        out = Value(j.get<std::string>());
    else
        return false;
    return true;
}

/// {"value": …, "author": …, "device": …, "hlc": …, "time": "2026-11-26T17:08:39.123Z"}
inline nlohmann::json leafJson(const merge::Leaf& leaf) {
    return {{"value", valueToJson(leaf.value)},
            {"author", leaf.author},
            {"device", leaf.version.device},
            {"hlc", leaf.version.hlc},
            {"time", clock::formatHlc(leaf.version.hlc)}};
}

}  // namespace cadre::server
