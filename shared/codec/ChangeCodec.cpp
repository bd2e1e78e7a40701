#include "codec/ChangeCodec.h"

#include <nlohmann/json.hpp>

#include "codec/FastDecode.h"

namespace cadre::codec {
namespace {

using domain::Issue;
using nlohmann::json;

/// What the codec's decoders give: texts already checked as UTF-8 (domain/Validation.h).
constexpr auto kDecoded = domain::TextEncoding::CheckedUtf8;

json toJson(const Value& v) {
    const auto& s = v.storage();
    if (std::holds_alternative<std::monostate>(s))
        return nullptr;
    if (const auto* i = std::get_if<std::int64_t>(&s))
        return *i;
    if (const auto* d = std::get_if<double>(&s))
        return *d;
    return std::get<std::string>(s);
}

json changeToJson(const Change& c) {
    json fields = json::object();
    json bases = json::object();
    for (const auto& f : c.fields) {
        fields[f.column] = toJson(f.value);
        if (!f.bases.empty()) {
            json list = json::array();
            for (const auto& b : f.bases)
                list.push_back(json::array({b.hlc, b.device}));
            bases[f.column] = std::move(list);
        }
    }
    return json{{"origin", c.origin},
                {"seq", c.seq},
                {"hlc", c.hlc},
                {"author", c.author},
                {"table", c.table},
                {"row", c.row},
                {"created", c.created},
                {"fields", std::move(fields)},
                {"bases", std::move(bases)}};
}

/// Reads one JSON value into a Value; returns false (with a reason) for arrays and objects.
bool toValue(const json& j, Value& out, std::string& reason) {
    switch (j.type()) {
        case json::value_t::null:
            out = Value();
            return true;
        case json::value_t::boolean:
            out = Value(static_cast<std::int64_t>(j.get<bool>() ? 1 : 0));
            return true;
        case json::value_t::number_integer:
            out = Value(j.get<std::int64_t>());
            return true;
        case json::value_t::number_unsigned:
            if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
                reason = "is too large for a 64-bit integer";
                return false;
            }
            out = Value(static_cast<std::int64_t>(j.get<std::uint64_t>()));
            return true;
        case json::value_t::number_float:
            out = Value(j.get<double>());
            return true;
        case json::value_t::string:
            out = Value(j.get<std::string>());
            return true;
        default:
            reason = "must be null, a number or a string";
            return false;
    }
}

/// Structural decoding of one change object; issues are prefixed by `path`.
bool fromJson(const json& j, Change& c, const std::string& path, std::vector<Issue>& issues) {
    const std::size_t before = issues.size();
    const auto issue = [&](const std::string& field, std::string reason) {
        issues.push_back({path.empty() ? field : path + "." + field, std::move(reason)});
    };
    if (!j.is_object()) {
        issues.push_back({path.empty() ? "change" : path, "must be a JSON object"});
        return false;
    }
    static const char* known[] = {"origin", "seq",     "hlc",    "author", "table",
                                  "row",    "created", "fields", "bases"};
    for (const auto& [key, _] : j.items())
        if (std::find(std::begin(known), std::end(known), key) == std::end(known))
            issue(key, "unknown member");
    const auto text = [&](const char* key, std::string& out) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_string())
            return issue(key, "is required and must be a string");
        out = it->get<std::string>();
    };
    text("origin", c.origin);
    text("author", c.author);
    text("table", c.table);
    text("row", c.row);
    if (auto it = j.find("seq");
        it != j.end() && (it->is_number_unsigned() || it->is_number_integer()))
        c.seq = it->get<std::int64_t>();
    else
        issue("seq", "is required and must be an integer");
    if (auto it = j.find("hlc"); it != j.end() && it->is_number_unsigned())
        c.hlc = it->get<std::uint64_t>();
    else
        issue("hlc", "is required and must be a non-negative integer");
    if (auto it = j.find("created"); it == j.end() || it->is_boolean())
        c.created = it != j.end() && it->get<bool>();
    else
        issue("created", "must be true or false");

    const auto fields = j.find("fields");
    if (fields == j.end() || !fields->is_object()) {
        issue("fields", "is required and must be an object");
        return false;
    }
    const auto bases = j.find("bases");
    if (bases != j.end() && !bases->is_object())
        issue("bases", "must be an object");
    for (const auto& [column, raw] : fields->items()) {
        FieldWrite f;
        f.column = column;
        std::string reason;
        if (!toValue(raw, f.value, reason))
            issue("fields." + column, reason);
        if (bases != j.end() && bases->is_object()) {
            if (auto b = bases->find(column); b != bases->end()) {
                bool ok = b->is_array();
                if (ok)
                    for (const auto& v : *b) {
                        if (!v.is_array() || v.size() != 2 || !v[0].is_number_unsigned() ||
                            !v[1].is_string()) {
                            ok = false;
                            break;
                        }
                        f.bases.push_back({v[0].get<std::uint64_t>(), v[1].get<std::string>()});
                    }
                if (!ok)
                    issue("bases." + column, "must be a list of [hlc, device] pairs");
            }
        }
        c.fields.push_back(std::move(f));
    }
    if (bases != j.end() && bases->is_object())
        for (const auto& [column, _] : bases->items())
            if (!fields->contains(column))
                issue("bases." + column, "names a field the change does not write");
    return issues.size() == before;
}

/// Parses strictly: besides malformed JSON, a member named twice in one object is refused (a
/// plain parse would keep the last one silently, e.g. two different values of one field).
json parse(std::string_view text) {
    std::vector<std::vector<std::string>> open;  // the member names of each object being read
    std::string duplicate;
    const json::parser_callback_t strict = [&](int, json::parse_event_t event, json& parsed) {
        if (event == json::parse_event_t::object_start) {
            open.emplace_back();
        } else if (event == json::parse_event_t::object_end) {
            open.pop_back();
        } else if (event == json::parse_event_t::key && !open.empty()) {
            auto& names = open.back();
            const auto& name = parsed.get_ref<const std::string&>();
            if (std::find(names.begin(), names.end(), name) != names.end()) {
                if (duplicate.empty())
                    duplicate = name;
            } else {
                names.push_back(name);
            }
        }
        return true;
    };
    json j;
    try {
        j = json::parse(text.begin(), text.end(), strict);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for 1e400
        throw domain::ValidationError("body", std::string("malformed JSON: ") + e.what());
    }
    if (!duplicate.empty())
        throw domain::ValidationError("body",
                                      "the member '" + duplicate + "' appears twice in one object");
    return j;
}

}  // namespace

std::string encodeChange(const Change& change) {
    return changeToJson(change).dump();
}

std::string encodeBatch(const std::vector<Change>& changes) {
    json list = json::array();
    for (const auto& c : changes)
        list.push_back(changeToJson(c));
    return json{{"changes", std::move(list)}}.dump();
}

}  // namespace cadre::codec

namespace cadre::codec::detail {

Change strictDecodeChange(std::string_view text) {
    const json j = parse(text);
    Change c;
    std::vector<Issue> issues;
    if (fromJson(j, c, "", issues))
        domain::validateChange(c, "", issues, kDecoded);
    if (!issues.empty())
        throw domain::ValidationError(std::move(issues));
    return c;
}

std::vector<Change> strictDecodeBatch(std::string_view text) {
    const json j = parse(text);
    std::vector<Issue> issues;
    if (!j.is_object() || !j.contains("changes") || !j["changes"].is_array())
        throw domain::ValidationError("changes",
                                      "the body must be an object with a 'changes' list");
    for (const auto& [key, _] : j.items())
        if (key != "changes")
            issues.push_back({key, "unknown member"});
    const json& list = j["changes"];
    if (list.size() > kMaxBatchChanges)
        throw domain::ValidationError(
            "changes", "a batch holds at most " + std::to_string(kMaxBatchChanges) + " changes");
    std::vector<Change> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "changes[" + std::to_string(i) + "]";
        Change c;
        if (fromJson(list[i], c, path, issues))
            domain::validateChange(c, path, issues, kDecoded);
        out.push_back(std::move(c));
    }
    if (!issues.empty())
        throw domain::ValidationError(std::move(issues));
    return out;
}

}  // namespace cadre::codec::detail

namespace cadre::codec {

namespace {
void validateAll(std::vector<Change>& changes) {
    std::vector<Issue> issues;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::size_t before = issues.size();
        if (domain::validateChange(changes[i], "", issues, kDecoded))
            continue;
        const std::string path = "changes[" + std::to_string(i) + "].";  // built for issues only
        for (std::size_t k = before; k < issues.size(); ++k)
            issues[k].field.insert(0, path);
    }
    if (!issues.empty())
        throw domain::ValidationError(std::move(issues));
}
}  // namespace

// Each decoder reads the common case with the hand-written decoder and falls back on the general
// one for anything else; both validate the same way (see FastDecode.h).
Change decodeChange(std::string_view text) {
    Change c;
    if (!detail::fastDecodeChange(text, c))
        return detail::strictDecodeChange(text);
    std::vector<Issue> issues;
    domain::validateChange(c, "", issues, kDecoded);
    if (!issues.empty())
        throw domain::ValidationError(std::move(issues));
    return c;
}

std::vector<Change> decodeBatch(std::string_view text) {
    std::vector<Change> changes;
    if (!detail::fastDecodeBatch(text, changes, nullptr))
        return detail::strictDecodeBatch(text);
    validateAll(changes);
    return changes;
}

std::optional<PullTail> peekPullTail(std::string_view text) {
    constexpr std::string_view cursorKey = "\"cursor\":\"", moreKey = "\"more\":";
    const auto at = text.rfind(cursorKey);
    if (at == std::string_view::npos)
        return std::nullopt;
    const auto begin = at + cursorKey.size();
    const auto end = text.find('"', begin);
    const auto more = text.find(moreKey, begin);
    if (end == std::string_view::npos || more == std::string_view::npos)
        return std::nullopt;
    const std::string_view value = text.substr(more + moreKey.size());
    if (value.substr(0, 4) != "true" && value.substr(0, 5) != "false")
        return std::nullopt;
    return PullTail{std::string(text.substr(begin, end - begin)), value.front() == 't'};
}

PullPage decodePullPage(std::string_view text) {
    PullPage page;
    if (!detail::fastDecodePullPage(text, page))
        return detail::strictDecodePullPage(text);
    validateAll(page.changes);
    return page;
}

namespace {
// A structural scanner over JSON already accepted by the parser: it only finds where values begin
// and end, so it may assume the text is well formed.
struct Scanner {
    std::string_view text;
    std::size_t at = 0;

    void space() {
        while (at < text.size() &&
               (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
            ++at;
    }
    std::string_view string() {  // at the opening quote; returns the raw contents
        const std::size_t begin = ++at;
        while (text[at] != '"')
            at += text[at] == '\\' ? 2 : 1;
        return text.substr(begin, at++ - begin);
    }
    void value() {
        space();
        const char c = text[at];
        if (c == '"') {
            (void)string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                const char d = text[at];
                if (d == '"') {
                    (void)string();
                    continue;
                }
                if (d == '{' || d == '[')
                    ++depth;
                else if (d == '}' || d == ']')
                    --depth;
                ++at;
            } while (depth > 0);
        } else {
            while (at < text.size() && text[at] != ',' && text[at] != '}' && text[at] != ']' &&
                   text[at] != ' ' && text[at] != '\t' && text[at] != '\n' && text[at] != '\r')
                ++at;
        }
    }
};
}  // namespace

PushedBatch decodePushedBatch(std::string_view text) {
    PushedBatch batch;
    if (text.size() >= kTwoThreadDecodeBytes) {
        bool valid = false;
        const auto check = [](Change& c) {
            std::vector<Issue> issues;
            return domain::validateChange(c, "", issues, kDecoded);
        };
        if (detail::fastDecodeBatchInTwo(text, batch.changes, &batch.wire, check, valid)) {
            if (!valid)
                validateAll(batch.changes);  // throws, naming each issue by its change's index
            return batch;
        }
    } else if (detail::fastDecodeBatch(text, batch.changes, &batch.wire)) {
        validateAll(batch.changes);
        return batch;
    }
    batch.changes = detail::strictDecodeBatch(text);  // throws for anything malformed or invalid
    Scanner s{text};
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        s.at = 3;  // a byte order mark, which the general decoder skips
    s.space();
    ++s.at;  // '{'
    for (;;) {
        s.space();
        if (s.text[s.at] == '}')
            break;
        if (s.text[s.at] == ',') {
            ++s.at;
            continue;
        }
        const std::string_view key = s.string();
        s.space();
        ++s.at;  // ':'
        s.space();
        if (key != "changes") {
            s.value();
            continue;
        }
        ++s.at;  // '['
        for (;;) {
            s.space();
            if (s.text[s.at] == ']') {
                ++s.at;
                break;
            }
            if (s.text[s.at] == ',') {
                ++s.at;
                continue;
            }
            const std::size_t begin = s.at;
            s.value();
            batch.wire.push_back(s.text.substr(begin, s.at - begin));
        }
    }
    if (batch.wire.size() != batch.changes.size())
        throw std::logic_error("decodePushedBatch: the scanner lost track of the batch");
    return batch;
}

}  // namespace cadre::codec

namespace cadre::codec::detail {

PullPage strictDecodePullPage(std::string_view text) {
    const json j = parse(text);
    if (!j.is_object() || !j.contains("changes") || !j["changes"].is_array() ||
        !j.contains("cursor") || !j["cursor"].is_string() || !j.contains("more") ||
        !j["more"].is_boolean())
        throw domain::ValidationError("body", "a pull answer has changes, cursor and more");
    PullPage page;
    page.cursor = j["cursor"].get<std::string>();
    page.more = j["more"].get<bool>();
    if (auto t = j.find("server_time_ms"); t != j.end() && t->is_number_integer())
        page.serverTimeMs = t->get<std::int64_t>();
    std::vector<Issue> issues;
    const json& list = j["changes"];
    page.changes.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "changes[" + std::to_string(i) + "]";
        Change c;
        if (fromJson(list[i], c, path, issues))
            domain::validateChange(c, path, issues, kDecoded);
        page.changes.push_back(std::move(c));
    }
    if (!issues.empty())
        throw domain::ValidationError(std::move(issues));
    return page;
}

}  // namespace cadre::codec::detail
