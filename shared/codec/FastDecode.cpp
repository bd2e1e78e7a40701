// FastDecode: see FastDecode.h. Every branch that meets something unusual returns false.
#include "codec/FastDecode.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <system_error>
#include <thread>
#include <utility>

namespace cadre::codec::detail {
namespace {

/// A JSON number as the general decoder (nlohmann) classifies it.
struct Number {
    enum class Kind { Unsigned, Negative, Float } kind = Kind::Unsigned;
    std::uint64_t u = 0;
    std::int64_t i = 0;
    double d = 0;
};

class Parser {
  public:
    explicit Parser(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    void space() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t'))
            ++p_;
    }
    bool eat(char c) {
        space();
        if (p_ < end_ && *p_ == c) {
            ++p_;
            return true;
        }
        return false;
    }
    bool atEnd() {
        space();
        return p_ == end_;
    }
    [[nodiscard]] const char* position() {
        space();
        return p_;
    }
    [[nodiscard]] const char* here() const { return p_; }
    char peek() {
        space();
        return p_ < end_ ? *p_ : '\0';
    }

    bool literal(std::string_view word) {
        space();
        if (static_cast<std::size_t>(end_ - p_) < word.size() ||
            std::string_view(p_, word.size()) != word)
            return false;
        p_ += word.size();
        return true;
    }

    bool boolean(bool& out) {
        if (literal("true"))
            return out = true, true;
        if (literal("false"))
            return out = false, true;
        return false;
    }

    bool string(std::string& out) {
        if (!eat('"'))
            return false;
        out.clear();
        // Room up to the next quote (the closing one, unless the text has an escaped quote): one
        // allocation where appending run by run, around each accented letter, took several.
        if (const void* quote = std::memchr(p_, '"', static_cast<std::size_t>(end_ - p_)))
            out.reserve(static_cast<std::size_t>(static_cast<const char*>(quote) - p_));
        for (;;) {
            const char* run = p_;
            // Eight bytes at a time while none is a quote, a backslash, a control character or
            // the start of a multi-byte sequence (most field text is plain ASCII prose).
            while (end_ - p_ >= 8) {
                std::uint64_t w;
                std::memcpy(&w, p_, 8);
                constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
                const auto zeroByte = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
                const std::uint64_t special = (w & highs) | ((w - ones * 0x20) & ~w & highs) |
                                              zeroByte(w ^ (ones * '"')) |
                                              zeroByte(w ^ (ones * '\\'));
                if (special)
                    break;
                p_ += 8;
            }
            while (p_ < end_) {
                const auto c = static_cast<unsigned char>(*p_);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++p_;
            }
            out.append(run, static_cast<std::size_t>(p_ - run));
            if (p_ == end_)
                return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20)
                return false;  // a control character must be escaped
            if (c >= 0x80) {
                if (!utf8(out))
                    return false;
                continue;
            }
            if (!escape(out))
                return false;
        }
    }

    bool number(Number& out) {
        space();
        const char* begin = p_;
        const bool negative = p_ < end_ && *p_ == '-';
        if (negative)
            ++p_;
        if (p_ == end_ || !digit(*p_))
            return false;
        if (*p_ == '0') {
            ++p_;
        } else {
            while (p_ < end_ && digit(*p_))
                ++p_;
        }
        bool integral = true;
        if (p_ < end_ && *p_ == '.') {
            integral = false;
            ++p_;
            if (p_ == end_ || !digit(*p_))
                return false;
            while (p_ < end_ && digit(*p_))
                ++p_;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            integral = false;
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-'))
                ++p_;
            if (p_ == end_ || !digit(*p_))
                return false;
            while (p_ < end_ && digit(*p_))
                ++p_;
        }
        if (integral) {
            if (negative) {
                const auto r = std::from_chars(begin, p_, out.i);
                if (r.ec != std::errc() || r.ptr != p_)
                    return false;
                out.kind = Number::Kind::Negative;
            } else {
                const auto r = std::from_chars(begin, p_, out.u);
                if (r.ec != std::errc() || r.ptr != p_)
                    return false;  // beyond 64 bits: the general decoder decides
                out.kind = Number::Kind::Unsigned;
            }
            return true;
        }
        const auto r = std::from_chars(begin, p_, out.d);
        if (r.ec != std::errc() || r.ptr != p_)
            return false;
        out.kind = Number::Kind::Float;
        return true;
    }

  private:
    static bool digit(char c) { return c >= '0' && c <= '9'; }

    /// One UTF-8 sequence, checked as strictly as the general decoder does.
    bool utf8(std::string& out) {
        const auto* s = reinterpret_cast<const unsigned char*>(p_);
        const auto left = static_cast<std::size_t>(end_ - p_);
        std::size_t n;
        unsigned char lo = 0x80, hi = 0xBF;
        if (s[0] >= 0xC2 && s[0] <= 0xDF) {
            n = 2;
        } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
            n = 3;
            if (s[0] == 0xE0)
                lo = 0xA0;
            if (s[0] == 0xED)
                hi = 0x9F;  // no surrogates
        } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
            n = 4;
            if (s[0] == 0xF0)
                lo = 0x90;
            if (s[0] == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (left < n || s[1] < lo || s[1] > hi)
            return false;
        for (std::size_t k = 2; k < n; ++k)
            if (s[k] < 0x80 || s[k] > 0xBF)
                return false;
        out.append(p_, n);
        p_ += n;
        return true;
    }

    bool hex4(std::uint32_t& out) {
        if (end_ - p_ < 4)
            return false;
        out = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = *p_++;
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else
                return false;
        }
        return true;
    }

    bool escape(std::string& out) {
        ++p_;  // the backslash
        if (p_ == end_)
            return false;
        const char c = *p_++;
        switch (c) {
            case '"':
            case '\\':
            case '/':
                out += c;
                return true;
            case 'b':
                out += '\b';
                return true;
            case 'f':
                out += '\f';
                return true;
            case 'n':
                out += '\n';
                return true;
            case 'r':
                out += '\r';
                return true;
            case 't':
                out += '\t';
                return true;
            case 'u':
                break;
            default:
                return false;
        }
        std::uint32_t cp;
        if (!hex4(cp))
            return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF)
            return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
                return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
                return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        return true;
    }

    const char* p_;
    const char* end_;
};

/// A field value: null, a boolean (as 0/1), a number or a string — as the general decoder reads it.
bool fieldValue(Parser& p, Value& out) {
    switch (p.peek()) {
        case 'n':
            if (!p.literal("null"))
                return false;
            out = Value();
            return true;
        case 't':
        case 'f': {
            bool b = false;
            if (!p.boolean(b))
                return false;
            out = Value(static_cast<std::int64_t>(b ? 1 : 0));
            return true;
        }
        case '"': {
            std::string s;
            if (!p.string(s))
                return false;
            out = Value(std::move(s));
            return true;
        }
        default: {
            Number n;
            if (!p.number(n))
                return false;
            if (n.kind == Number::Kind::Float) {
                out = Value(n.d);
            } else if (n.kind == Number::Kind::Negative) {
                out = Value(n.i);
            } else {
                if (n.u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    return false;
                out = Value(static_cast<std::int64_t>(n.u));
            }
            return true;
        }
    }
}

/// An object's members: calls `member(key)` for each; false if any call is.
template <typename F>
bool members(Parser& p, F&& member) {
    if (!p.eat('{'))
        return false;
    if (p.eat('}'))
        return true;
    std::string key;
    do {
        if (!p.string(key) || !p.eat(':') || !member(key))
            return false;
    } while (p.eat(','));
    return p.eat('}');
}

bool bases(Parser& p, std::vector<merge::Version>& out) {
    if (!p.eat('['))
        return false;
    if (p.eat(']'))
        return true;
    do {
        Number hlc;
        merge::Version v;
        if (!p.eat('[') || !p.number(hlc) || hlc.kind != Number::Kind::Unsigned || !p.eat(',') ||
            !p.string(v.device) || !p.eat(']'))
            return false;
        v.hlc = hlc.u;
        out.push_back(std::move(v));
    } while (p.eat(','));
    return p.eat(']');
}

bool change(Parser& p, Change& c) {
    enum : unsigned {
        kOrigin = 1,
        kSeq = 2,
        kHlc = 4,
        kAuthor = 8,
        kTable = 16,
        kRow = 32,
        kCreated = 64,
        kFields = 128,
        kBases = 256
    };
    unsigned seen = 0;
    std::vector<std::pair<std::string, std::vector<merge::Version>>> baseLists;
    const auto once = [&](unsigned bit) {
        if (seen & bit)
            return false;  // named twice: the general decoder refuses it
        seen |= bit;
        return true;
    };
    const bool ok = members(p, [&](const std::string& key) {
        if (key == "origin")
            return once(kOrigin) && p.string(c.origin);
        if (key == "author")
            return once(kAuthor) && p.string(c.author);
        if (key == "table")
            return once(kTable) && p.string(c.table);
        if (key == "row")
            return once(kRow) && p.string(c.row);
        if (key == "seq") {
            Number n;
            if (!once(kSeq) || !p.number(n) || n.kind == Number::Kind::Float)
                return false;
            if (n.kind == Number::Kind::Negative) {
                c.seq = n.i;
                return true;
            }
            if (n.u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                return false;
            c.seq = static_cast<std::int64_t>(n.u);
            return true;
        }
        if (key == "hlc") {
            Number n;
            if (!once(kHlc) || !p.number(n) || n.kind != Number::Kind::Unsigned)
                return false;
            c.hlc = n.u;
            return true;
        }
        if (key == "created")
            return once(kCreated) && p.boolean(c.created);
        if (key == "fields") {
            c.fields.reserve(16);  // an observation writes 12 fields: one allocation, no moves
            return once(kFields) && members(p, [&](const std::string& column) {
                       FieldWrite f;
                       f.column = column;
                       if (!fieldValue(p, f.value))
                           return false;
                       c.fields.push_back(std::move(f));
                       return true;
                   });
        }
        if (key == "bases")
            return once(kBases) && members(p, [&](const std::string& column) {
                       baseLists.emplace_back(column, std::vector<merge::Version>{});
                       return bases(p, baseLists.back().second);
                   });
        return false;  // an unknown member
    });
    constexpr unsigned kRequired = kOrigin | kSeq | kHlc | kAuthor | kTable | kRow | kFields;
    if (!ok || (seen & kRequired) != kRequired)
        return false;
    // The general decoder reads members in name order (a std::map): so do the fields here.
    std::sort(c.fields.begin(), c.fields.end(),
              [](const FieldWrite& a, const FieldWrite& b) { return a.column < b.column; });
    for (std::size_t i = 1; i < c.fields.size(); ++i)
        if (c.fields[i].column == c.fields[i - 1].column)
            return false;
    std::sort(baseLists.begin(), baseLists.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::size_t f = 0;
    for (std::size_t i = 0; i < baseLists.size(); ++i) {
        if (i > 0 && baseLists[i].first == baseLists[i - 1].first)
            return false;
        while (f < c.fields.size() && c.fields[f].column < baseLists[i].first)
            ++f;
        if (f == c.fields.size() || c.fields[f].column != baseLists[i].first)
            return false;  // bases of a field the change does not write
        c.fields[f].bases = std::move(baseLists[i].second);
    }
    return true;
}

/// How a list's elements ended: at its ']' (or malformed), or at the change that starts at the
/// stop position.
enum class ListEnd { Failed, Closed, Stopped };

/// The changes of a list, from its first (after '[') or from any later one, up to its ']' — or,
/// when a change starts at `stopAt`, up to that change, not read.
ListEnd changes(Parser& p, std::vector<Change>& out, std::vector<std::string_view>* wire,
                const char* stopAt = nullptr) {
    do {
        const char* begin = p.position();
        if (begin == stopAt)
            return ListEnd::Stopped;
        if (out.size() == kMaxBatchChanges)
            return ListEnd::Failed;
        Change c;
        if (!change(p, c))
            return ListEnd::Failed;
        if (wire)
            wire->emplace_back(begin, static_cast<std::size_t>(p.here() - begin));
        out.push_back(std::move(c));
    } while (p.eat(','));
    return p.eat(']') ? ListEnd::Closed : ListEnd::Failed;
}

bool changeList(Parser& p, std::vector<Change>& out, std::vector<std::string_view>* wire) {
    if (!p.eat('['))
        return false;
    if (p.eat(']'))
        return true;
    return changes(p, out, wire) == ListEnd::Closed;
}

/// Where a change probably starts, at or after `from`: a '{' after "}," (whitespace allowed). Only
/// a guess: string text can look like that.
std::size_t likelyChangeStart(std::string_view text, std::size_t from) {
    const auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    for (std::size_t at = text.find('}', from); at != std::string_view::npos;
         at = text.find('}', at + 1)) {
        std::size_t k = at + 1;
        while (k < text.size() && blank(text[k]))
            ++k;
        if (k == text.size() || text[k] != ',')
            continue;
        ++k;
        while (k < text.size() && blank(text[k]))
            ++k;
        if (k < text.size() && text[k] == '{')
            return k;
    }
    return std::string_view::npos;
}

/// Runs `check` on each change; true if it passed them all. An exception counts as a failure
/// (the caller checks again, on its own thread, to report it).
bool checkAll(std::vector<Change>& list, const std::function<bool(Change&)>& check) {
    bool all = true;
    try {
        for (auto& c : list)
            all = check(c) && all;
    } catch (...) {
        return false;
    }
    return all;
}

}  // namespace

bool fastDecodeChange(std::string_view text, Change& out) {
    Parser p(text);
    Change c;
    if (!change(p, c) || !p.atEnd())
        return false;
    out = std::move(c);
    return true;
}

bool fastDecodeBatch(std::string_view text, std::vector<Change>& out,
                     std::vector<std::string_view>* wire) {
    Parser p(text);
    std::vector<Change> changes;
    std::vector<std::string_view> spans;
    bool listed = false;
    const bool ok = members(p, [&](const std::string& key) {
        if (key != "changes" || listed)
            return false;
        listed = true;
        return changeList(p, changes, wire ? &spans : nullptr);
    });
    if (!ok || !listed || !p.atEnd())
        return false;
    out = std::move(changes);
    if (wire)
        *wire = std::move(spans);
    return true;
}

bool fastDecodeBatchInTwo(std::string_view text, std::vector<Change>& out,
                          std::vector<std::string_view>* wire,
                          const std::function<bool(Change&)>& check, bool& allChecked,
                          bool* usedSecond) {
    if (usedSecond)
        *usedSecond = false;
    const auto inOne = [&] {
        if (!fastDecodeBatch(text, out, wire))
            return false;
        allChecked = checkAll(out, check);
        return true;
    };
    const std::size_t split = likelyChangeStart(text, text.size() / 2);
    if (split == std::string_view::npos)
        return inOne();
    // The second half, from the guessed start of a change to the end of the body.
    std::vector<Change> tail;
    std::vector<std::string_view> tailSpans;
    bool tailRead = false, tailChecked = false;
    const auto decodeTail = [&] {
        try {
            Parser p(text.substr(split));
            tailRead = changes(p, tail, &tailSpans) == ListEnd::Closed && p.eat('}') && p.atEnd();
            tailChecked = tailRead && checkAll(tail, check);
        } catch (...) {
            tailRead = false;  // out of memory: the caller's single-threaded path decides
        }
    };
    std::thread second;
    try {
        second = std::thread(decodeTail);
    } catch (const std::system_error&) {  // no thread to be had: one does it all
        return inOne();
    }
    // The first half, on this thread: up to the change that starts exactly at the guess, if one
    // does; otherwise the whole list, and the second thread's work is dropped.
    std::vector<Change> head;
    std::vector<std::string_view> headSpans;
    ListEnd end = ListEnd::Failed;
    bool headChecked = false;
    try {
        Parser p(text);
        bool listed = false;
        const bool whole = members(p, [&](const std::string& key) {
            if (key != "changes" || listed || !p.eat('['))
                return false;
            listed = true;
            end = p.eat(']') ? ListEnd::Closed : changes(p, head, &headSpans, text.data() + split);
            return end == ListEnd::Closed;
        });
        if (end == ListEnd::Closed && !(whole && p.atEnd()))
            end = ListEnd::Failed;  // not the format after the list
        if (end != ListEnd::Failed)
            headChecked = checkAll(head, check);
    } catch (...) {
        second.join();
        throw;
    }
    second.join();
    if (end == ListEnd::Failed || (end == ListEnd::Stopped && !tailRead))
        return false;
    if (end == ListEnd::Stopped) {
        if (head.size() + tail.size() > kMaxBatchChanges)
            return false;
        head.reserve(head.size() + tail.size());
        std::move(tail.begin(), tail.end(), std::back_inserter(head));
        headSpans.insert(headSpans.end(), tailSpans.begin(), tailSpans.end());
        headChecked = headChecked && tailChecked;
        if (usedSecond)
            *usedSecond = true;
    }
    out = std::move(head);
    if (wire)
        *wire = std::move(headSpans);
    allChecked = headChecked;
    return true;
}

bool fastDecodePullPage(std::string_view text, PullPage& out) {
    Parser p(text);
    PullPage page;
    unsigned seen = 0;
    const auto once = [&](unsigned bit) {
        if (seen & bit)
            return false;
        seen |= bit;
        return true;
    };
    const bool ok = members(p, [&](const std::string& key) {
        if (key == "changes")
            return once(1) && changeList(p, page.changes, nullptr);
        if (key == "cursor")
            return once(2) && p.string(page.cursor);
        if (key == "more")
            return once(4) && p.boolean(page.more);
        if (key == "server_time_ms") {
            Number n;
            if (!once(8) || !p.number(n) || n.kind == Number::Kind::Float)
                return false;
            if (n.kind == Number::Kind::Negative) {
                page.serverTimeMs = n.i;
                return true;
            }
            if (n.u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                return false;
            page.serverTimeMs = static_cast<std::int64_t>(n.u);
            return true;
        }
        return false;
    });
    if (!ok || (seen & 7) != 7 || !p.atEnd())
        return false;
    out = std::move(page);
    return true;
}

}  // namespace cadre::codec::detail
