#include "domain/Value.h"

#include <cstdio>

namespace cadre {

std::string Value::toDisplay() const {
    if (isNull())
        return "NULL";
    if (isInteger())
        return std::to_string(asInteger());
    if (isReal()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", asReal());
        return buf;
    }
    return asText();
}

}  // namespace cadre
