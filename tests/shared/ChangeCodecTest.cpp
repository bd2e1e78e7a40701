// ChangeCodecTest: the strict JSON wire codec — round trips, every refusal, all-or-nothing batches.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "codec/ChangeCodec.h"
#include "domain/Uuid.h"

namespace cadre::codec {
namespace {

using domain::Issue;
using domain::ValidationError;

const std::string kDevice = "0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2c";
const std::string kOther = "9c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const std::string kMission = "11111111-1111-4111-8111-111111111111";
const std::string kStandard = "22222222-2222-4222-8222-222222222222";
constexpr std::uint64_t kHlc = 117309440000000003ULL;

Change observationCreate() {
    Change c;
    c.origin = kDevice;
    c.seq = 1;
    c.hlc = kHlc;
    c.author = "a.diallo";
    c.table = "observation";
    c.created = true;
    c.fields = {{"mission_id", kMission, {}},
                {"standard_id", kStandard, {}},
                {"review_state", "draft", {}},
                {"maturity", 2, {}},
                {"national_priority", Value(), {}},
                {"deleted", 0, {}},
                {"gaps", "Pas de base légale — \"quotes\", \\ back\nslash, 数据 😀", {}}};
    c.row = domain::naturalRecordId(*domain::findTable("observation"), {kMission, kStandard});
    return c;
}

// An edit with bases from two devices, one field without bases.
Change observationEdit(std::int64_t seq = 2) {
    Change c = observationCreate();
    c.seq = seq;
    c.hlc = kHlc + static_cast<std::uint64_t>(seq);
    c.created = false;
    c.fields = {{"maturity", 3, {{kHlc, kDevice}, {kHlc - 7, kOther}}},
                {"gaps", "No legal basis yet", {}}};
    return c;
}

Change enrolmentEdit() {
    Change c = observationEdit();
    c.table = "enrolment";
    c.row = domain::randomUuid();
    c.fields = {{"pre_score", 0.1, {}}, {"post_score", 100.0, {}}, {"certified_trainer", 1, {}}};
    return c;
}

Change sortedFields(Change c) {
    std::sort(c.fields.begin(), c.fields.end(),
              [](const FieldWrite& a, const FieldWrite& b) { return a.column < b.column; });
    return c;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    if (at == std::string::npos)
        throw std::logic_error("'" + from + "' not in " + s);
    return s.replace(at, from.size(), to);
}

/// The issues decodeChange / decodeBatch throws for `json` (empty if it throws nothing).
template <typename Decode>
std::vector<Issue> issuesOf(Decode decode, const std::string& json) {
    try {
        (void)decode(json);
    } catch (const ValidationError& e) {
        return e.issues();
    }
    return {};
}
std::string describe(const std::vector<Issue>& issues) {
    std::string out;
    for (const auto& i : issues)
        out += "[" + i.field + ": " + i.reason + "] ";
    return out;
}

std::vector<Issue> changeIssues(const std::string& json) {
    return issuesOf(decodeChange, json);
}
std::vector<Issue> batchIssues(const std::string& json) {
    return issuesOf(decodeBatch, json);
}

TEST(ChangeCodecRoundTrip, EncodeThenDecodeGivesTheSameChange) {
    for (const Change& original : {observationCreate(), observationEdit(), enrolmentEdit()}) {
        const Change decoded = decodeChange(encodeChange(original));
        EXPECT_EQ(sortedFields(decoded), sortedFields(original)) << encodeChange(original);
    }
}

TEST(ChangeCodecRoundTrip, BatchRoundTripKeepsOrderAndEveryChange) {
    const std::vector<Change> batch = {observationCreate(), observationEdit(2), enrolmentEdit(),
                                       observationEdit(3)};
    const auto decoded = decodeBatch(encodeBatch(batch));
    ASSERT_EQ(decoded.size(), batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i)
        EXPECT_EQ(sortedFields(decoded[i]), sortedFields(batch[i])) << i;
    EXPECT_TRUE(decodeBatch(R"({"changes": []})").empty());
}

TEST(ChangeCodecRoundTrip, DecodingNormalisesAWholeNumberForARealAndABooleanForAnInteger) {
    Change c = enrolmentEdit();
    std::string json = replaced(encodeChange(c), "\"post_score\":100.0", "\"post_score\":100");
    json = replaced(json, "\"certified_trainer\":1", "\"certified_trainer\":true");
    const Change decoded = sortedFields(decodeChange(json));
    EXPECT_EQ(decoded, sortedFields(c));
    EXPECT_TRUE(decoded.fields[1].value.isReal());
}

struct WireCase {
    std::string what;    // what is wrong on the wire
    std::string from;    // a part of the valid edit's JSON …
    std::string to;      // … replaced by this
    std::string field;   // the field of the one issue expected
    std::string reason;  // a part of its reason
};

// The bases of observationEdit() as encoded.
const std::string kBasesJson = "\"bases\":{\"maturity\":[[" + std::to_string(kHlc) + ",\"" +
                               kDevice + "\"],[" + std::to_string(kHlc - 7) + ",\"" + kOther +
                               "\"]]}";

// Each row breaks one thing in the JSON of observationEdit(2) (hlc kHlc + 2, maturity 3).
const std::vector<WireCase> kWireCases = {
    {"hlc negative", "\"hlc\":117309440000000005", "\"hlc\":-5", "hlc", "non-negative integer"},
    {"hlc fraction", "\"hlc\":117309440000000005", "\"hlc\":1.5", "hlc", "non-negative integer"},
    {"hlc string", "\"hlc\":117309440000000005", "\"hlc\":\"5\"", "hlc", "non-negative integer"},
    {"hlc missing", "\"hlc\":117309440000000005,", "", "hlc", "is required"},
    {"seq text", "\"seq\":2", "\"seq\":\"2\"", "seq", "must be an integer"},
    {"table not text", "\"table\":\"observation\"", "\"table\":7", "table", "must be a string"},
    {"created not bool", "\"created\":false", "\"created\":0", "created", "true or false"},
    {"unknown change member", "\"seq\":2", "\"seq\":2,\"colour\":\"red\"", "colour",
     "unknown member"},
    {"value an array", "\"maturity\":3", "\"maturity\":[3]", "fields.maturity",
     "must be null, a number or a string"},
    {"value an object", "\"maturity\":3", "\"maturity\":{\"v\":3}", "fields.maturity",
     "must be null, a number"},
    {"int beyond int64", "\"maturity\":3", "\"maturity\":9223372036854775808", "fields.maturity",
     "is too large for a 64-bit integer"},
    {"int64 max", "\"maturity\":3", "\"maturity\":9223372036854775807", "fields.maturity",
     "is above the maximum 4"},
    {"int as fraction", "\"maturity\":3", "\"maturity\":3.5", "fields.maturity",
     "must be an integer"},
    {"fields not object", "\"fields\":{\"gaps\":\"No legal basis yet\",\"maturity\":3}",
     "\"fields\":[]", "fields", "must be an object"},
    {"bases not object", kBasesJson, "\"bases\":\"none\"", "bases", "must be an object"},
    {"bases of unwritten column", "\"bases\":{",
     "\"bases\":{\"recommendations\":[[5,\"" + kDevice + "\"]],", "bases.recommendations",
     "names a field the change does not write"},
    {"base not a pair", "[[117309440000000003,", "[[117309440000000003],[1,", "bases.maturity",
     "must be a list of [hlc, device] pairs"},
    {"base hlc negative", "[[117309440000000003,", "[[-1,", "bases.maturity",
     "[hlc, device] pairs"},
    {"NUL through \\u0000", "No legal basis yet", "No\\u0000legal", "fields.gaps",
     "contains a NUL character"},
    {"malformed base device", "[[117309440000000003,\"" + kDevice, "[[117309440000000003,\"phone",
     "fields.maturity", "malformed base version"},
};

TEST(ChangeCodecRefusals, EachWireProblemIsOneIssueNamingItsField) {
    const std::string good = encodeChange(observationEdit(2));
    ASSERT_TRUE(changeIssues(good).empty());
    for (const auto& c : kWireCases) {
        SCOPED_TRACE(c.what);
        const auto issues = changeIssues(replaced(good, c.from, c.to));
        ASSERT_EQ(issues.size(), 1u) << describe(issues);
        EXPECT_EQ(issues[0].field, c.field);
        EXPECT_NE(issues[0].reason.find(c.reason), std::string::npos) << issues[0].reason;
    }
}

TEST(ChangeCodecRefusals, MalformedJsonAndInvalidUtf8AreReportedAsAnIssueOfTheBody) {
    const std::string good = encodeChange(observationEdit(2));
    EXPECT_EQ(describe(changeIssues("")).substr(0, 21), "[body: malformed JSON");
    const std::vector<std::string> bad = {
        "{",
        good + " x",                                             // trailing garbage
        "{'origin': 1}",                                         // not JSON quotes
        replaced(good, "No legal basis yet", "caf\xC3("),        // truncated UTF-8 sequence
        replaced(good, "No legal basis yet", "\xC0\xAF"),        // overlong
        replaced(good, "No legal basis yet", "\xED\xA0\x80"),    // encoded surrogate
        replaced(good, "No legal basis yet", "\xFF"),            // never valid
        replaced(good, "No legal basis yet", "\\ud800 alone"),   // escaped lone surrogate
        replaced(good, "\"maturity\":3", "\"maturity\":1e400"),  // overflows a double
    };
    for (std::size_t i = 0; i < bad.size(); ++i) {
        SCOPED_TRACE(i);
        const auto change = changeIssues(bad[i]);
        ASSERT_EQ(change.size(), 1u) << describe(change);
        EXPECT_EQ(change[0].field, "body");
        EXPECT_NE(change[0].reason.find("malformed JSON"), std::string::npos) << change[0].reason;
        const auto batch = batchIssues(R"({"changes": [)" + bad[i] + "]}");
        ASSERT_EQ(batch.size(), 1u);
        EXPECT_EQ(batch[0].field, "body");
    }
}

TEST(ChangeCodecBatch, OneBadChangeAmongGoodOnesRefusesTheWholeBatchNamingIt) {
    std::vector<Change> batch = {observationCreate(), observationEdit(2), observationEdit(3),
                                 observationEdit(4)};
    batch[2].fields[0].value = 9;
    bool returned = false;
    try {
        (void)decodeBatch(encodeBatch(batch));
        returned = true;
    } catch (const ValidationError& e) {
        ASSERT_EQ(e.issues().size(), 1u) << e.what();
        EXPECT_EQ(e.issues()[0].field, "changes[2].fields.maturity");
        EXPECT_NE(e.issues()[0].reason.find("9 is above the maximum 4"), std::string::npos);
    }
    EXPECT_FALSE(returned) << "decodeBatch must return nothing when a change is refused";
}

TEST(ChangeCodecBatch, EveryBadChangeIsListedWithItsIndex) {
    std::vector<Change> batch = {observationEdit(2), observationEdit(3), observationEdit(4)};
    batch[1].table = "observations";
    batch[2].fields.push_back({"national_priority", "urgent", {}});
    std::string json = encodeBatch(batch);
    json = replaced(json, "{\"author\"", "{\"colour\":1,\"author\"");  // into changes[0] only
    const auto issues =
        batchIssues(replaced(json, "{\"changes\":[", "{\"cursor\":3,\"changes\":["));
    ASSERT_EQ(issues.size(), 4u) << describe(issues);
    EXPECT_EQ(issues[0], (Issue{"cursor", "unknown member"}));
    EXPECT_EQ(issues[1], (Issue{"changes[0].colour", "unknown member"}));
    EXPECT_EQ(issues[2], (Issue{"changes[1].table", "unknown table 'observations'"}));
    EXPECT_EQ(issues[3].field, "changes[2].fields.national_priority");
}

TEST(ChangeCodecBatch, TheBodyMustBeAnObjectWithAChangesListOfObjects) {
    for (const std::string body :
         {"[]", "\"changes\"", "{}", R"({"changes": {}})", R"({"change": []})", "null"}) {
        const auto issues = batchIssues(body);
        ASSERT_EQ(issues.size(), 1u) << body;
        EXPECT_EQ(issues[0].field, "changes") << body;
    }
    const auto issues = batchIssues("{\"changes\":[" + encodeChange(observationEdit()) + ",42]}");
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0], (Issue{"changes[1]", "must be a JSON object"}));
}

TEST(ChangeCodecBatch, ABatchAboveTheLimitIsRefusedWhole) {
    std::string atLimit = "{\"changes\":[null";
    for (std::size_t i = 1; i < kMaxBatchChanges; ++i)
        atLimit += ",null";
    // At the limit every element is examined (and here refused one by one) …
    const auto each = batchIssues(atLimit + "]}");
    ASSERT_EQ(each.size(), kMaxBatchChanges);
    EXPECT_EQ(each.back().field, "changes[" + std::to_string(kMaxBatchChanges - 1) + "]");
    // … one above, the batch is refused as a whole with a single issue.
    const auto over = batchIssues(atLimit + ",null]}");
    ASSERT_EQ(over.size(), 1u);
    EXPECT_EQ(over[0].field, "changes");
    EXPECT_NE(over[0].reason.find("at most 10000"), std::string::npos);
}

}  // namespace
}  // namespace cadre::codec

namespace cadre::codec {
namespace {

TEST(ChangeCodecRefusals, AMemberNamedTwiceInOneObjectIsRefused) {
    const std::string good = encodeChange(observationEdit(2));
    const std::vector<std::string> bad = {
        replaced(good, "\"maturity\":3", "\"maturity\":9,\"maturity\":3"),  // a field twice
        replaced(good, "\"seq\":2", "\"seq\":2,\"seq\":7"),                 // a header twice
    };
    for (const auto& text : bad) {
        const auto issues = changeIssues(text);
        ASSERT_EQ(issues.size(), 1u) << describe(issues);
        EXPECT_EQ(issues[0].field, "body");
        EXPECT_NE(issues[0].reason.find("appears twice"), std::string::npos) << issues[0].reason;
        EXPECT_EQ(batchIssues(R"({"changes": [)" + text + "]}").size(), 1u);
    }
    // The same name in two different objects is fine: "gaps" is both a field and a base here.
    Change c = observationEdit(2);
    c.fields[1].bases = {{kHlc, kDevice}};
    EXPECT_EQ(decodeChange(encodeChange(c)).fields.size(), 2u);
}

}  // namespace
}  // namespace cadre::codec

namespace cadre::codec {
namespace {

// The hub stores each pushed change as the text it arrived in: each span must be exactly one
// change, whatever the spacing, escapes and nesting of the body.
TEST(ChangeCodecPushedBatch, EachChangeKeepsTheExactTextItArrivedIn) {
    const std::string a = encodeChange(observationCreate());
    const std::string b = encodeChange(observationEdit(2));
    const std::string c = encodeChange(observationEdit(3));
    const std::string spaced = "{\"changes\":[" + a + ",\n  " + b + " ,\t" + c + "]}";
    for (const std::string& body :
         {encodeBatch({observationCreate(), observationEdit(2), observationEdit(3)}),
          std::string(" \r\n{ \"changes\" : [ ") + a + " , " + b + "," + c + " ] } ", spaced}) {
        const PushedBatch batch = decodePushedBatch(body);
        ASSERT_EQ(batch.changes.size(), 3u) << body;
        ASSERT_EQ(batch.wire.size(), 3u) << body;
        EXPECT_EQ(batch.wire[0], a);
        EXPECT_EQ(batch.wire[1], b);
        EXPECT_EQ(batch.wire[2], c);
        for (std::size_t i = 0; i < 3; ++i)
            EXPECT_EQ(encodeChange(decodeChange(batch.wire[i])), encodeChange(batch.changes[i]));
    }
    // Brackets, braces and escaped quotes inside strings do not confuse the scanner.
    Change tricky = observationEdit(4);
    tricky.fields[1].value = Value("a \"}],{[\" \\\" ] } [ { \\\\");
    const std::string t = encodeChange(tricky);
    const std::string body = "{\"changes\":[" + t + "," + a + "]}";  // the views point into it
    const PushedBatch batch = decodePushedBatch(body);
    ASSERT_EQ(batch.wire.size(), 2u);
    EXPECT_EQ(batch.wire[0], t);
    EXPECT_EQ(batch.wire[1], a);
    EXPECT_EQ(encodeChange(batch.changes[0]), t);
    EXPECT_TRUE(decodePushedBatch("{\"changes\":[]}").wire.empty());
}

TEST(ChangeCodecPushedBatch, RefusesWhatDecodeBatchRefuses) {
    EXPECT_THROW((void)decodePushedBatch("{\"changes\":[{]}"), ValidationError);
    EXPECT_THROW((void)decodePushedBatch("{\"changes\":[], \"extra\": 1}"), ValidationError);
    EXPECT_THROW((void)decodePushedBatch("[]"), ValidationError);
}

}  // namespace
}  // namespace cadre::codec

namespace cadre::codec {
namespace {

TEST(ChangeCodecPullTail, TheCursorAndMoreAreReadFromTheEndOfAPage) {
    const std::string change =
        R"({"author":"a","bases":{},"created":false,"fields":{"gaps":"\"cursor\":\"x\""},)"
        R"("hlc":1,"origin":"o","row":"r","seq":1,"table":"observation"})";
    const auto tail = peekPullTail(R"({"changes":[)" + change +
                                   R"(],"cursor":"AbC-_9","more":true,"server_time_ms":17})");
    ASSERT_TRUE(tail.has_value());
    EXPECT_EQ(tail->cursor, "AbC-_9");
    EXPECT_TRUE(tail->more);
    const auto last = peekPullTail(R"({"changes":[],"cursor":"Zz","more":false})");
    ASSERT_TRUE(last.has_value());
    EXPECT_EQ(last->cursor, "Zz");
    EXPECT_FALSE(last->more);
    // Not a page as the server writes it: no hint (the client then waits for the decoded page).
    EXPECT_FALSE(peekPullTail(R"({"changes":[]})").has_value());
    EXPECT_FALSE(peekPullTail(R"({"changes":[],"cursor":"Zz"})").has_value());
    EXPECT_FALSE(peekPullTail(R"({"changes":[],"cursor":"Zz","more":1})").has_value());
    EXPECT_FALSE(peekPullTail(R"({"cursor":"unterminated)").has_value());
}

}  // namespace
}  // namespace cadre::codec
