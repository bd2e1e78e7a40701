#include "domain/Validation.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>

#include "domain/Uuid.h"

namespace cadre::domain {
namespace {

std::string joinReasons(const std::vector<Issue>& issues) {
    std::string out;
    for (const auto& i : issues) {
        if (!out.empty())
            out += "; ";
        out += i.field + ": " + i.reason;
    }
    return out;
}

bool digits(std::string_view t, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i)
        if (t[i] < '0' || t[i] > '9')
            return false;
    return true;
}

int number(std::string_view t, std::size_t from, std::size_t count) {
    int n = 0;
    for (std::size_t i = from; i < from + count; ++i)
        n = n * 10 + (t[i] - '0');
    return n;
}

int daysInMonth(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::string rangeText(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    return std::to_string(v);
}

}  // namespace

ValidationError::ValidationError(std::vector<Issue> issues)
    : std::runtime_error(joinReasons(issues)), issues_(std::move(issues)) {}

bool isValidUtf8(std::string_view t) {
    const auto* s = reinterpret_cast<const unsigned char*>(t.data());
    const std::size_t n = t.size();
    for (std::size_t i = 0; i < n;) {
        // Most text is ASCII: eight bytes at a time while none has its high bit set.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, s + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i == n)
            break;
        const unsigned char c = s[i];
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
            return false;  // overlong
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

std::size_t codePointCount(std::string_view t) {
    return static_cast<std::size_t>(std::count_if(
        t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isIsoDate(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return false;
    if (!digits(t, 0, 4) || !digits(t, 5, 2) || !digits(t, 8, 2))
        return false;
    const int y = number(t, 0, 4), m = number(t, 5, 2), d = number(t, 8, 2);
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

bool isIsoDateTime(std::string_view t) {
    if (t.size() != 20 && t.size() != 24)
        return false;
    if (!isIsoDate(t.substr(0, 10)) || t[10] != 'T' || t[13] != ':' || t[16] != ':')
        return false;
    if (!digits(t, 11, 2) || !digits(t, 14, 2) || !digits(t, 17, 2))
        return false;
    if (number(t, 11, 2) > 23 || number(t, 14, 2) > 59 || number(t, 17, 2) > 59)
        return false;
    if (t.size() == 24 && (t[19] != '.' || !digits(t, 20, 3)))
        return false;
    return t.back() == 'Z';
}

std::string checkValue(const ColumnSpec& col, Value& value, TextEncoding text) {
    if (value.isNull())
        return col.required ? "is required and cannot be null" : "";
    switch (col.type) {
        case ColumnType::Integer:
        case ColumnType::Boolean: {
            if (!value.isInteger())
                return std::string("must be ") +
                       (col.type == ColumnType::Boolean ? "0 or 1" : "an integer");
            const auto i = value.asInteger();
            if (col.type == ColumnType::Boolean)
                return i == 0 || i == 1 ? "" : "must be 0 or 1";
            const auto d = static_cast<double>(i);
            if (d < col.min)
                return std::to_string(i) + " is below the minimum " + rangeText(col.min);
            if (d > col.max)
                return std::to_string(i) + " is above the maximum " + rangeText(col.max);
            return "";
        }
        case ColumnType::Real: {
            if (value.isInteger())
                value = Value(static_cast<double>(value.asInteger()));
            if (!value.isReal())
                return "must be a number";
            const double d = value.asReal();
            if (!std::isfinite(d))
                return "must be a finite number";
            if (d < col.min)
                return value.toDisplay() + " is below the minimum " + rangeText(col.min);
            if (d > col.max)
                return value.toDisplay() + " is above the maximum " + rangeText(col.max);
            return "";
        }
        default:
            break;
    }
    if (!value.isText())
        return "must be text";
    const std::string& t = value.asText();
    if (text == TextEncoding::Unchecked && !isValidUtf8(t))
        return "is not valid UTF-8";
    switch (col.type) {
        case ColumnType::Date:
            return isIsoDate(t) ? "" : "'" + t + "' is not a date YYYY-MM-DD";
        case ColumnType::DateTime:
            return isIsoDateTime(t) ? "" : "'" + t + "' is not a UTC time YYYY-MM-DDTHH:MM:SSZ";
        case ColumnType::Uuid:
            return isCanonicalUuid(t) ? "" : "'" + t + "' is not a lower-case UUID";
        case ColumnType::Enum:
            if (std::find(col.enumValues.begin(), col.enumValues.end(), t) ==
                col.enumValues.end()) {
                std::string allowed;
                for (const auto& e : col.enumValues)
                    allowed += (allowed.empty() ? "" : ", ") + e;
                return "'" + t + "' is not one of: " + allowed;
            }
            return "";
        default: {
            const std::size_t limit = col.maxLength ? col.maxLength : kMaxTextLength;
            const std::size_t n = codePointCount(t);
            if (n > limit)
                return "is " + std::to_string(n) + " characters long; the limit is " +
                       std::to_string(limit);
            if (t.find('\0') != std::string::npos)
                return "contains a NUL character";
            return "";
        }
    }
}

std::string naturalRecordId(const TableSpec& table, const std::vector<Value>& keyValues) {
    if (table.naturalKey.empty() || keyValues.size() != table.naturalKey.size())
        throw std::invalid_argument("naturalRecordId: " + table.name + " needs " +
                                    std::to_string(table.naturalKey.size()) + " key values");
    std::string key = table.name;
    for (const auto& v : keyValues) {
        if (v.isNull())
            throw std::invalid_argument("naturalRecordId: a key value of " + table.name +
                                        " is null");
        key += '/';
        key += v.toDisplay();
    }
    // A key that starts with a parent record's id (an observation's mission, an attendance's
    // session) gives an id that sorts with that parent when the parent's id is time-ordered.
    const Value& first = keyValues.front();
    return first.isText() ? namedUuidUnder(first.asText(), key) : namedUuid(key);
}

bool validateChange(Change& change, std::string_view path, std::vector<Issue>& issues,
                    TextEncoding text) {
    const std::size_t before = issues.size();
    const std::string p(path);
    const auto issue = [&](const std::string& field, std::string reason) {
        issues.push_back({p.empty() ? field : p + "." + field, std::move(reason)});
    };
    if (!isCanonicalUuid(change.origin))
        issue("origin", "'" + change.origin + "' is not a device UUID");
    if (change.seq < 1)
        issue("seq", "must be 1 or more");
    if (change.hlc == 0)
        issue("hlc", "must be a hybrid logical clock value above 0");
    if (change.author.empty() || change.author.size() > 200 ||
        (text == TextEncoding::Unchecked && !isValidUtf8(change.author)))
        issue("author", "must be 1 to 200 bytes of UTF-8");
    if (!isCanonicalUuid(change.row))
        issue("row", "'" + change.row + "' is not a lower-case UUID");
    const TableSpec* table = findTable(change.table);
    if (!table) {
        issue("table", "unknown table '" + change.table + "'");
        return false;
    }
    if (change.fields.empty())
        issue("fields", "a change must write at least one field");

    // Columns written so far: by register (0 deleted, i + 1 column i); unknown ones by name.
    std::vector<char> seen(table->columns.size() + 1, 0);
    std::vector<std::string_view> seenUnknown;
    for (auto& f : change.fields) {
        const auto issueHere = [&](std::string reason) {  // the path is built only for an issue
            issue("fields." + f.column, std::move(reason));
        };
        const auto index = f.column == kDeletedColumn ? std::optional<std::size_t>(0)
                                                      : table->columnIndex(f.column);
        bool twice = false;
        if (index) {
            twice = seen[*index + (f.column == kDeletedColumn ? 0 : 1)]++ != 0;
        } else {
            twice =
                std::find(seenUnknown.begin(), seenUnknown.end(), f.column) != seenUnknown.end();
            seenUnknown.push_back(f.column);
        }
        if (twice)
            issueHere("is written twice");
        if (f.bases.size() > kMaxBases)
            issueHere("names more than 64 bases");
        for (const auto& b : f.bases) {
            const bool seed = b.hlc == 0 && b.device.empty();
            if (!seed && (b.hlc == 0 || !isCanonicalUuid(b.device)))
                issueHere("has a malformed base version");
        }
        if (change.created && !f.bases.empty())
            issueHere("a created record's fields have no bases");
        if (f.column == kDeletedColumn) {
            if (!f.value.isInteger() || (f.value.asInteger() != 0 && f.value.asInteger() != 1))
                issueHere("must be 0 or 1");
            else if (change.created && f.value.asInteger() != 0)
                issueHere("a record cannot be created deleted");
            continue;
        }
        const ColumnSpec* col = index ? &table->columns[*index] : nullptr;
        if (!col) {
            issueHere("unknown column '" + f.column + "' of table " + table->name);
            continue;
        }
        if (auto reason = checkValue(*col, f.value, text); !reason.empty())
            issueHere(std::move(reason));
        const bool keyColumn = std::find(table->naturalKey.begin(), table->naturalKey.end(),
                                         f.column) != table->naturalKey.end();
        if (keyColumn && !change.created)
            issueHere("is part of the record's identity and cannot change");
    }
    if (change.created) {
        for (const auto& col : table->columns) {
            if (col.required && !seen[static_cast<std::size_t>(&col - table->columns.data()) + 1])
                issue("fields." + col.name, "is required when a " + table->name + " is created");
        }
        if (!table->naturalKey.empty() && issues.size() == before) {
            std::vector<Value> key;
            for (const auto& k : table->naturalKey) {
                auto it = std::find_if(change.fields.begin(), change.fields.end(),
                                       [&](const FieldWrite& f) { return f.column == k; });
                key.push_back(it == change.fields.end() ? Value() : it->value);
            }
            if (std::any_of(key.begin(), key.end(), [](const Value& v) { return v.isNull(); }))
                issue("row", "the natural key of " + table->name + " must be given");
            else if (naturalRecordId(*table, key) != change.row)
                issue("row",
                      "does not match the id derived from the natural key of " + table->name);
        }
    }
    return issues.size() == before;
}

}  // namespace cadre::domain
