// FastDecodeTest: the hand-written decoder and the general strict one give the same result for
// every input — the same changes, or the same refusal — over generated changes, their encodings
// re-spaced, and thousands of mutations of them (bytes flipped, cut, duplicated, inserted).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "codec/ChangeCodec.h"
#include "codec/FastDecode.h"
#include "domain/Uuid.h"

namespace cadre::codec {
namespace {

using domain::ValidationError;

/// The outcome of a decoder: the canonical encoding of what it decoded, or its issues.
template <typename F>
std::string outcome(F&& decode) {
    try {
        return "ok " + decode();
    } catch (const ValidationError& e) {
        std::string s = "refused";
        for (const auto& i : e.issues())
            s += " | " + i.field + ": " + i.reason;
        return s;
    }
}

class Generator {
  public:
    explicit Generator(std::uint32_t seed) : rng_(seed) {}

    Change change(std::int64_t seq) {
        Change c;
        c.origin =
            pick({"0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2c", "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5"});
        c.seq = seq;
        c.hlc = 117309440000000000ULL + rng_() % 1000000;
        c.author = pick({"a.diallo", "l.martin", "f.sow", "hq.reviewer"});
        c.table = "observation";
        c.row = domain::randomUuid();
        c.created = false;  // edits: valid without the natural key's fields
        const char* columns[] = {"current_state",   "gaps",         "legal_amendments",
                                 "maturity",        "msme_needs",   "national_priority",
                                 "recommendations", "review_state", "deleted"};
        for (const char* col : columns) {
            if (rng_() % 3 == 0)
                continue;
            FieldWrite f;
            f.column = col;
            const std::string name = col;
            if (name == "maturity")
                f.value = rng_() % 5 == 0 ? Value() : Value(static_cast<std::int64_t>(rng_() % 5));
            else if (name == "deleted")
                f.value = Value(static_cast<std::int64_t>(rng_() % 2));
            else if (name == "national_priority")
                f.value = Value(pick({"high", "medium", "low"}));
            else if (name == "review_state")
                f.value = Value(pick({"draft", "submitted"}));
            else
                f.value = Value(text());
            if (rng_() % 2 == 0)
                for (auto k = 0u, n = static_cast<unsigned>(rng_() % 3); k < n; ++k)
                    f.bases.push_back({117309430000000000ULL + rng_() % 1000, c.origin});
            c.fields.push_back(std::move(f));
        }
        return c;
    }

    std::string text() {
        static const char* pieces[] = {"Pas de base légale",
                                       " — ",
                                       "\"quoted\"",
                                       "back\\slash",
                                       "line\nbreak",
                                       "tab\there",
                                       "数据",
                                       "😀",
                                       "{[]}",
                                       ",:",
                                       "\x01",
                                       "/",
                                       "é",
                                       " advance electronic data ",
                                       "\u2028"};
        std::string s;
        for (auto k = 0u, n = static_cast<unsigned>(rng_() % 6); k < n; ++k)
            s += pieces[rng_() % std::size(pieces)];
        return s;
    }

    /// A JSON text re-spaced at random between tokens (outside strings).
    std::string respace(const std::string& json) {
        std::string out;
        bool inString = false;
        for (std::size_t i = 0; i < json.size(); ++i) {
            const char c = json[i];
            out += c;
            if (inString) {
                if (c == '\\')
                    out += json[++i];
                else if (c == '"')
                    inString = false;
            } else if (c == '"') {
                inString = true;
            } else if ((c == ',' || c == ':' || c == '[' || c == '{') && rng_() % 3 == 0) {
                out += pick({" ", "\n  ", "\t", "\r\n"});
            }
        }
        return out;
    }

    std::string mutate(std::string s) {
        if (s.empty())
            return s;
        static const char* inserts[] = {"\"",   "\\",          ",",          "}",    "]",
                                        "{",    "[",           "-",          "0",    "1e400",
                                        "\\u",  "\\ud800",     "\xff",       "\xc3", " ",
                                        "null", "\"gaps\":1,", "\"seq\":1,", ".5",   "e"};
        const std::size_t at = rng_() % s.size();
        switch (rng_() % 5) {
            case 0:
                s[at] = static_cast<char>(rng_() % 256);
                break;
            case 1:
                s.erase(at, 1 + rng_() % 8);
                break;
            case 2:
                s.insert(at, inserts[rng_() % std::size(inserts)]);
                break;
            case 3:
                s.insert(at, s.substr(at, 1 + rng_() % 12));
                break;
            default:
                s.resize(at);
                break;
        }
        return s;
    }

  private:
    const char* pick(std::initializer_list<const char*> list) {
        return list.begin()[rng_() % list.size()];
    }
    std::minstd_rand rng_;
};

std::string encodeAll(const std::vector<Change>& changes) {
    return encodeBatch(changes);
}

TEST(FastDecodeTest, GivesTheStrictDecodersResultForEveryInput) {
    Generator gen(20261126);
    std::size_t fastAccepted = 0, inputs = 0, decoded = 0;
    for (int round = 0; round < 200; ++round) {
        std::vector<Change> changes;
        for (std::int64_t s = 1, n = 1 + round % 5; s <= n; ++s)
            changes.push_back(gen.change(s));
        const std::string batch = gen.respace(encodeBatch(changes));
        const std::string one = gen.respace(encodeChange(changes[0]));
        std::vector<std::string> texts{batch, one};
        for (int m = 0; m < 30; ++m) {
            texts.push_back(gen.mutate(batch));
            texts.push_back(gen.mutate(one));
        }
        for (const auto& t : texts) {
            ++inputs;
            std::vector<Change> fast;
            if (detail::fastDecodeBatch(t, fast, nullptr))
                ++fastAccepted;
            const std::string result = outcome([&] { return encodeAll(decodeBatch(t)); });
            EXPECT_EQ(result, outcome([&] { return encodeAll(detail::strictDecodeBatch(t)); }))
                << "batch input: " << t;
            decoded += result.rfind("ok ", 0) == 0;
            EXPECT_EQ(outcome([&] { return encodeChange(decodeChange(t)); }),
                      outcome([&] { return encodeChange(detail::strictDecodeChange(t)); }))
                << "change input: " << t;
            const std::string pull = "{\"changes\":[" + t + "],\"cursor\":\"abc\",\"more\":true," +
                                     "\"server_time_ms\":1795000000000}";
            const auto pageOutcome = [](const PullPage& p) {
                return encodeAll(p.changes) + " " + p.cursor + (p.more ? " more " : " end ") +
                       std::to_string(p.serverTimeMs);
            };
            EXPECT_EQ(outcome([&] { return pageOutcome(decodePullPage(pull)); }),
                      outcome([&] { return pageOutcome(detail::strictDecodePullPage(pull)); }))
                << "pull input: " << pull;
        }
    }
    // The fast path must actually take the common case (else this test proves little).
    EXPECT_GT(fastAccepted, 200u);
    EXPECT_GT(decoded, 200u);
    std::cout << "[ fast ] " << inputs << " inputs, " << fastAccepted
              << " batches read by the fast decoder, " << decoded << " valid\n";
}

TEST(FastDecodeTest, PushedBatchSpansMatchWhicheverDecoderRuns) {
    Generator gen(7);
    std::vector<Change> changes{gen.change(1), gen.change(2), gen.change(3)};
    const std::string body = gen.respace(encodeBatch(changes));
    const PushedBatch batch = decodePushedBatch(body);
    ASSERT_EQ(batch.wire.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(encodeChange(decodeChange(batch.wire[i])), encodeChange(batch.changes[i]));
    // A BOM at the start is read by the general decoder only: the spans are the same.
    const std::string withBom = "\xEF\xBB\xBF" + body;  // the spans point into it
    const PushedBatch viaStrict = decodePushedBatch(withBom);
    ASSERT_EQ(viaStrict.wire.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(viaStrict.wire[i], batch.wire[i]);
}

/// What a batch decoder made of `text`: not read, or the canonical encoding of its changes, where
/// each one's span lies in `text`, and whether every change validated.
struct Read {
    bool read = false;
    std::string changes;
    std::vector<std::pair<std::ptrdiff_t, std::size_t>> spans;
    bool valid = false;
    friend bool operator==(const Read&, const Read&) = default;
};

bool validates(Change& c) {
    std::vector<domain::Issue> issues;
    return domain::validateChange(c, "", issues);
}

Read describe(std::string_view text, std::vector<Change>& changes,
              const std::vector<std::string_view>& spans, bool valid) {
    Read r{true, encodeBatch(changes), {}, valid};
    for (const auto& s : spans)
        r.spans.emplace_back(s.data() - text.data(), s.size());
    return r;
}

Read readInOne(std::string_view text) {
    std::vector<Change> changes;
    std::vector<std::string_view> spans;
    if (!detail::fastDecodeBatch(text, changes, &spans))
        return {};
    bool valid = true;
    for (auto& c : changes)
        valid = validates(c) && valid;
    return describe(text, changes, spans, valid);
}

Read readInTwo(std::string_view text, bool& split) {
    std::vector<Change> changes;
    std::vector<std::string_view> spans;
    bool valid = false;
    if (!detail::fastDecodeBatchInTwo(text, changes, &spans, validates, valid, &split))
        return {};
    return describe(text, changes, spans, valid);
}

TEST(FastDecodeInTwoTest, ReadsWhatOneThreadReadsForEveryInput) {
    Generator gen(20261127);
    std::size_t split = 0, read = 0, inputs = 0;
    for (int round = 0; round < 150; ++round) {
        std::vector<Change> changes;
        for (std::int64_t s = 1, n = 1 + round % 12; s <= n; ++s)
            changes.push_back(gen.change(s));
        const std::string batch = gen.respace(encodeBatch(changes));
        std::vector<std::string> texts{batch, batch + " x", batch.substr(0, batch.size() - 1),
                                       batch.substr(0, batch.size() - 1) + ",\"x\":1}",
                                       batch.substr(0, batch.size() - 1) + ",\"changes\":[]}"};
        for (int m = 0; m < 30; ++m)
            texts.push_back(gen.mutate(batch));
        for (const auto& t : texts) {
            bool usedSecond = false;
            const Read two = readInTwo(t, usedSecond);
            EXPECT_EQ(two, readInOne(t)) << "input: " << t;
            ++inputs;
            read += two.read;
            split += usedSecond;
        }
    }
    // Both ways must be taken often: the halves joined, and the whole list read by one thread.
    EXPECT_GT(split, 100u);
    EXPECT_GT(read - split, 100u);
    std::cout << "[ in two ] " << inputs << " inputs, " << read << " read, " << split
              << " of them in two halves\n";
}

TEST(FastDecodeInTwoTest, TextThatLooksLikeTheStartOfAChangeIsNotTakenForOne) {
    Generator gen(3);
    std::vector<Change> changes{gen.change(1), gen.change(2), gen.change(3)};
    // The middle of the body falls in the middle change's text, just before what looks like the
    // end of one change and the start of the next.
    for (auto* c : {&changes[0], &changes[2]})
        c->fields = {FieldWrite{"gaps", Value(std::string("short")), {}}};
    changes[1].fields = {
        FieldWrite{"gaps", Value(std::string(5000, 'a') + "}, {" + std::string(1000, 'b')), {}}};
    const std::string body = encodeBatch(changes);
    bool split = true;
    const Read two = readInTwo(body, split);
    EXPECT_FALSE(split);
    EXPECT_TRUE(two.read);
    EXPECT_EQ(two, readInOne(body));
    EXPECT_EQ(two.spans.size(), 3u);
}

TEST(FastDecodeInTwoTest, APushedBodyPastTheSizeIsReadInTwoAndReportsIssuesByIndex) {
    Generator gen(11);
    std::vector<Change> changes;
    for (std::size_t size = 0; size < kTwoThreadDecodeBytes + 1000;) {
        changes.push_back(gen.change(static_cast<std::int64_t>(changes.size()) + 1));
        size += encodeChange(changes.back()).size() + 1;
    }
    std::string body = encodeBatch(changes);
    bool split = false;
    EXPECT_EQ(readInTwo(body, split), readInOne(body));
    EXPECT_TRUE(split);
    const PushedBatch batch = decodePushedBatch(body);
    EXPECT_EQ(encodeBatch(batch.changes), encodeBatch(decodeBatch(body)));
    ASSERT_EQ(batch.wire.size(), changes.size());
    EXPECT_EQ(encodeChange(decodeChange(batch.wire.back())), encodeChange(batch.changes.back()));

    // An invalid change in the second half: refused with its own index, as one thread would.
    const std::size_t bad = changes.size() - 2;
    changes[bad].fields = {FieldWrite{"maturity", Value(std::int64_t{9}), {}}};
    body = encodeBatch(changes);
    try {
        (void)decodePushedBatch(body);
        ADD_FAILURE() << "an invalid change was accepted";
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.issues().size(), 1u);
        EXPECT_EQ(e.issues()[0].field, "changes[" + std::to_string(bad) + "].fields.maturity");
    }
}

}  // namespace
}  // namespace cadre::codec
