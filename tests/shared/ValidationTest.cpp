// ValidationTest: checkValue for every column type and validateChange for every change-level rule.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "domain/Uuid.h"
#include "domain/Validation.h"

namespace cadre::domain {
namespace {

const std::string kDevice = "0b7e2c1a-3f4d-4e5a-9b6c-7d8e9f0a1b2c";
const std::string kMission = "11111111-1111-4111-8111-111111111111";
const std::string kStandard = "22222222-2222-4222-8222-222222222222";
constexpr std::uint64_t kHlc = 117309440000000003ULL;

const ColumnSpec& columnOf(const std::string& table, const std::string& column) {
    const TableSpec* t = findTable(table);
    if (!t || !t->column(column))
        throw std::logic_error("no column " + table + "." + column);
    return *t->column(column);
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += s;
    return out;
}

struct ValueCase {
    std::string table;   // a table of the catalogue
    std::string column;  // the column of that table whose spec is applied
    Value value;         // the value given
    std::string reason;  // "" when accepted, else a part of the reason given
};

// One row per accepted or refused value, grouped by column type.
const std::vector<ValueCase> kValueCases = {
    // Integer: observation.maturity is 0–4 and optional; attachment.size_bytes is 0–2^28.
    {"observation", "maturity", 0, ""},
    {"observation", "maturity", 4, ""},
    {"observation", "maturity", Value(), ""},
    {"observation", "maturity", -1, "-1 is below the minimum 0"},
    {"observation", "maturity", 5, "5 is above the maximum 4"},
    {"observation", "maturity", "3", "must be an integer"},
    {"observation", "maturity", 2.0, "must be an integer"},
    {"attachment", "size_bytes", 268435456, ""},
    {"attachment", "size_bytes", 268435457, "is above the maximum 268435456"},
    {"attachment", "size_bytes", std::numeric_limits<std::int64_t>::max(), "above the maximum"},
    {"attachment", "size_bytes", std::numeric_limits<std::int64_t>::min(), "below the minimum 0"},
    {"attachment", "size_bytes", Value(), "is required and cannot be null"},
    // Real: enrolment.pre_score is 0–100.
    {"enrolment", "pre_score", 55.5, ""},
    {"enrolment", "pre_score", 100, ""},
    {"enrolment", "pre_score", -0.5, "is below the minimum 0"},
    {"enrolment", "pre_score", 100.5, "is above the maximum 100"},
    {"enrolment", "pre_score", std::nan(""), "must be a finite number"},
    {"enrolment", "pre_score", std::numeric_limits<double>::infinity(), "must be a finite number"},
    {"enrolment", "pre_score", -std::numeric_limits<double>::infinity(), "finite"},
    {"enrolment", "pre_score", "50", "must be a number"},
    // Boolean: enrolment.certified_trainer is required.
    {"enrolment", "certified_trainer", 0, ""},
    {"enrolment", "certified_trainer", 1, ""},
    {"enrolment", "certified_trainer", 2, "must be 0 or 1"},
    {"enrolment", "certified_trainer", -1, "must be 0 or 1"},
    {"enrolment", "certified_trainer", "1", "must be 0 or 1"},
    {"enrolment", "certified_trainer", 1.0, "must be 0 or 1"},
    {"enrolment", "certified_trainer", Value(), "is required and cannot be null"},
    // Enum: observation.national_priority (high/medium/low), attendance.status.
    {"observation", "national_priority", "medium", ""},
    {"observation", "national_priority", "HIGH", "'HIGH' is not one of: high, medium, low"},
    {"observation", "national_priority", "", "is not one of"},
    {"observation", "national_priority", 1, "must be text"},
    {"attendance", "status", "late", ""},
    {"attendance", "status", "missing", "is not one of: present, late, excused, absent"},
    // Text: lengths in code points ('é' is one), well-formed UTF-8, no NUL.
    {"attendance", "note", repeat("é", 2000), ""},
    {"attendance", "note", repeat("a", 2001), "is 2001 characters long; the limit is 2000"},
    {"attendance", "note", repeat("é", 2001), "is 2001 characters long; the limit is 2000"},
    {"member", "iso3", "CÔT", ""},
    {"member", "iso3", "CÔTE", "is 4 characters long; the limit is 3"},
    {"attendance", "note", "Arrivé en retard 😀 — 数据", ""},
    {"attendance", "note", std::string("a\0b", 3), "contains a NUL character"},
    {"attendance", "note", "caf\xC3", "is not valid UTF-8"},           // truncated sequence
    {"attendance", "note", "\xC0\xAF", "is not valid UTF-8"},          // overlong '/'
    {"attendance", "note", "\xE0\x80\xAF", "is not valid UTF-8"},      // overlong, 3 bytes
    {"attendance", "note", "\xF0\x80\x80\xAF", "is not valid UTF-8"},  // overlong, 4 bytes
    {"attendance", "note", "\xED\xA0\x80", "is not valid UTF-8"},      // surrogate U+D800
    {"attendance", "note", "\xED\xBF\xBF", "is not valid UTF-8"},      // surrogate U+DFFF
    {"attendance", "note", "\xF4\x90\x80\x80", "is not valid UTF-8"},  // above U+10FFFF
    {"attendance", "note", "\x80", "is not valid UTF-8"},              // lone continuation
    {"attendance", "note", "\xFF", "is not valid UTF-8"},              // never valid
    {"attendance", "note", "\xF4\x8F\xBF\xBF", ""},                    // U+10FFFF itself
    {"attendance", "note", 42, "must be text"},
    // Date: mission.starts_on, a real calendar date in 1900–2200.
    {"mission", "starts_on", "2024-02-29", ""},
    {"mission", "starts_on", "2000-02-29", ""},
    {"mission", "starts_on", "2023-02-29", "'2023-02-29' is not a date YYYY-MM-DD"},
    {"mission", "starts_on", "1900-02-29", "is not a date"},
    {"mission", "starts_on", "2024-04-31", "is not a date"},
    {"mission", "starts_on", "2024-13-01", "is not a date"},
    {"mission", "starts_on", "2024-1-01", "is not a date"},
    {"mission", "starts_on", "2024/01/01", "is not a date"},
    {"mission", "starts_on", "1899-12-31", "is not a date"},
    {"mission", "starts_on", "2200-12-31", ""},
    {"mission", "starts_on", "2201-01-01", "is not a date"},
    {"mission", "starts_on", "2024-01-01T00:00:00Z", "is not a date"},
    {"mission", "starts_on", 20240101, "must be text"},
    // DateTime: review_comment.posted_at, UTC with optional milliseconds; required.
    {"review_comment", "posted_at", "2026-11-26T17:08:39Z", ""},
    {"review_comment", "posted_at", "2026-11-26T17:08:39.123Z", ""},
    {"review_comment", "posted_at", "2024-02-29T23:59:59Z", ""},
    {"review_comment", "posted_at", "2023-02-29T12:00:00Z", "is not a UTC time"},
    {"review_comment", "posted_at", "2026-11-26T24:00:00Z", "is not a UTC time"},
    {"review_comment", "posted_at", "2026-11-26T17:60:00Z", "is not a UTC time"},
    {"review_comment", "posted_at", "2026-11-26T17:08:60Z", "is not a UTC time"},
    {"review_comment", "posted_at", "2026-11-26 17:08:39Z", "is not a UTC time"},
    {"review_comment", "posted_at", "2026-11-26T17:08:39", "is not a UTC time"},
    {"review_comment", "posted_at", "2026-11-26T17:08:39+0000", "is not a UTC time"},
    {"review_comment", "posted_at", "2026-11-26T17:08:39.12Z", "is not a UTC time"},
    {"review_comment", "posted_at", Value(), "is required and cannot be null"},
    // Uuid: observation.mission_id, lower-case canonical only; required.
    {"observation", "mission_id", kMission, ""},
    {"observation", "mission_id", "0B7E2C1A-3F4D-4E5A-9B6C-7D8E9F0A1B2C",
     "is not a lower-case UUID"},
    {"observation", "mission_id", "0b7e2c1a3f4d4e5a9b6c7d8e9f0a1b2c", "is not a lower-case UUID"},
    {"observation", "mission_id", "{" + kMission + "}", "is not a lower-case UUID"},
    {"observation", "mission_id", Value(), "is required and cannot be null"},
};

TEST(ValidationValues, EveryColumnTypeAcceptsGoodValuesAndRefusesBadOnesWithAReason) {
    for (const auto& c : kValueCases) {
        Value v = c.value;
        const std::string reason = checkValue(columnOf(c.table, c.column), v);
        SCOPED_TRACE(c.table + "." + c.column + " = " +
                     testing::PrintToString(c.value.toDisplay()));
        if (c.reason.empty()) {
            EXPECT_EQ(reason, "");
        } else {
            EXPECT_NE(reason.find(c.reason), std::string::npos) << "reason: " << reason;
        }
    }
}

TEST(ValidationValues, Utf8HelpersCountCodePointsNotBytes) {
    EXPECT_EQ(codePointCount("é"), 1u);
    EXPECT_EQ(codePointCount("aé😀数"), 4u);
    EXPECT_EQ(codePointCount(""), 0u);
    EXPECT_TRUE(isValidUtf8(""));
    EXPECT_TRUE(isValidUtf8("\xEF\xBF\xBD"));  // U+FFFD
    EXPECT_FALSE(isValidUtf8("\xC1\xBF"));     // overlong U+007F
    EXPECT_FALSE(isValidUtf8("\xF8\x88\x80\x80\x80"));
    // Bad bytes after, inside and at the end of long ASCII runs (read eight bytes at a time).
    const std::string ascii(37, 'a');
    EXPECT_TRUE(isValidUtf8(ascii + "é" + ascii));
    EXPECT_FALSE(isValidUtf8(ascii + "\xC1\xBF" + ascii));
    EXPECT_FALSE(isValidUtf8(ascii.substr(0, 16) + "\xE9"));  // truncated sequence at the end
    EXPECT_FALSE(isValidUtf8(ascii.substr(0, 7) + "\x80" + ascii));
}

TEST(ValidationValues, NaturalRecordIdIsTheNamedUuidOfTheKeyPath) {
    const TableSpec& attendance = *findTable("attendance");
    const std::string session = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    const std::string person = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    // Python: uuid.uuid5(UUID('5f0c3b1e-…-1d3a6c8f0b24'), 'attendance/<session>/<person>').
    EXPECT_EQ(naturalRecordId(attendance, {session, person}),
              "a63ed3e2-388e-5bde-879f-c7318e41d0d7");
    EXPECT_NE(naturalRecordId(attendance, {person, session}),
              naturalRecordId(attendance, {session, person}));
    EXPECT_THROW((void)naturalRecordId(attendance, {session}), std::invalid_argument);
    EXPECT_THROW((void)naturalRecordId(attendance, {session, Value()}), std::invalid_argument);
    EXPECT_THROW((void)naturalRecordId(*findTable("person"), {}), std::invalid_argument);
}

// A valid creation of an observation (natural key mission_id, standard_id).
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
                {"deleted", 0, {}}};
    c.row = naturalRecordId(*findTable("observation"), {kMission, kStandard});
    return c;
}

// A valid later edit of that observation, based on the creation.
Change observationEdit() {
    Change c = observationCreate();
    c.seq = 2;
    c.hlc = kHlc + 1;
    c.created = false;
    c.fields = {{"maturity", 3, {{kHlc, kDevice}}}, {"gaps", "No legal basis yet", {}}};
    return c;
}

std::string describe(const std::vector<Issue>& issues) {
    std::string out;
    for (const auto& i : issues)
        out += "[" + i.field + ": " + i.reason + "] ";
    return out;
}

std::vector<Issue> issuesOf(Change c, std::string_view path = "changes[4]") {
    std::vector<Issue> issues;
    const bool ok = validateChange(c, path, issues);
    EXPECT_EQ(ok, issues.empty());
    return issues;
}

TEST(ValidationChanges, ValidCreationsAndEditsPass) {
    EXPECT_EQ(describe(issuesOf(observationCreate())), "");
    EXPECT_EQ(describe(issuesOf(observationEdit())), "");
    Change deletion = observationEdit();
    deletion.fields = {{"deleted", 1, {{kHlc, kDevice}}}};
    EXPECT_TRUE(issuesOf(deletion).empty());
    Change seeded = observationEdit();
    seeded.fields[0].bases = {merge::kSeedVersion};
    EXPECT_TRUE(issuesOf(seeded).empty());

    Change attendance = observationCreate();
    attendance.table = "attendance";
    const std::string session = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    attendance.fields = {
        {"status", "late", {}}, {"person_id", kMission, {}}, {"session_id", session, {}}};
    attendance.row = naturalRecordId(*findTable("attendance"), {session, kMission});
    EXPECT_EQ(describe(issuesOf(attendance)), "");
}

enum Start { kCreate, kEdit };

struct ChangeCase {
    Start start;                       // which valid change is broken: the creation or the edit
    std::function<void(Change&)> how;  // what breaks it
    std::string field;                 // the field of the one issue expected, after "changes[4]."
    std::string reason;                // a part of its reason
};

// Helpers that keep each case below on one line.
void only(Change& c, const char* column, Value v) {
    c.fields = {FieldWrite{column, v, {}}};
}
void add(Change& c, const char* column, Value v) {
    c.fields.push_back(FieldWrite{column, v, {}});
}
void bases(Change& c, std::uint64_t hlc, const std::string& device, std::size_t n = 1) {
    c.fields[0].bases.assign(n, merge::Version{hlc, device});
}

const std::vector<ChangeCase> kChangeCases = {
    {kEdit, [](Change& c) { c.table = "observations"; }, "table", "unknown table 'observations'"},
    {kEdit, [](Change& c) { add(c, "colour", "red"); }, "fields.colour",
     "unknown column 'colour' of table observation"},
    {kEdit, [](Change& c) { add(c, "maturity", 1); }, "fields.maturity", "is written twice"},
    {kEdit,
     [](Change& c) {
         add(c, "deleted", 1);
         add(c, "deleted", 0);
     },
     "fields.deleted", "is written twice"},

    {kCreate, [](Change& c) { c.fields.erase(c.fields.begin() + 2); }, "fields.review_state",
     "is required when a observation is created"},
    {kEdit, [](Change& c) { only(c, "review_state", Value()); }, "fields.review_state",
     "is required and cannot be null"},
    {kEdit, [](Change& c) { c.fields[0].value = 7; }, "fields.maturity",
     "7 is above the maximum 4"},
    {kEdit, [](Change& c) { only(c, "deleted", 2); }, "fields.deleted", "must be 0 or 1"},
    {kEdit, [](Change& c) { only(c, "deleted", "1"); }, "fields.deleted", "must be 0 or 1"},
    {kEdit, [](Change& c) { only(c, "deleted", Value()); }, "fields.deleted", "must be 0 or 1"},
    {kCreate, [](Change& c) { c.fields.back().value = 1; }, "fields.deleted",
     "a record cannot be created deleted"},
    {kCreate, [](Change& c) { c.row = kMission; }, "row",
     "does not match the id derived from the natural key of observation"},
    {kEdit, [](Change& c) { add(c, "mission_id", kStandard); }, "fields.mission_id",
     "is part of the record's identity and cannot change"},
    {kEdit, [](Change& c) { bases(c, 0, kDevice); }, "fields.maturity", "malformed base version"},
    {kEdit, [](Change& c) { bases(c, 5, "phone-1"); }, "fields.maturity", "malformed base version"},
    {kEdit, [](Change& c) { bases(c, 5, ""); }, "fields.maturity", "malformed base version"},
    {kEdit, [](Change& c) { bases(c, kHlc, kDevice, 65); }, "fields.maturity",
     "names more than 64 bases"},
    {kCreate, [](Change& c) { bases(c, kHlc, kDevice); }, "fields.mission_id",
     "a created record's fields have no bases"},
    {kEdit, [](Change& c) { c.fields.clear(); }, "fields", "at least one field"},
    {kEdit, [](Change& c) { c.origin = "0B7E2C1A-3F4D-4E5A-9B6C-7D8E9F0A1B2C"; }, "origin",
     "is not a device UUID"},
    {kEdit, [](Change& c) { c.seq = 0; }, "seq", "must be 1 or more"},
    {kEdit, [](Change& c) { c.hlc = 0; }, "hlc", "above 0"},
    {kEdit, [](Change& c) { c.author = ""; }, "author", "1 to 200 bytes"},
    {kEdit, [](Change& c) { c.author = repeat("x", 201); }, "author", "1 to 200 bytes"},
    {kEdit, [](Change& c) { c.author = "\xC0\xAF"; }, "author", "1 to 200 bytes of UTF-8"},
    {kCreate, [](Change& c) { c.row = "01BCC747-63B9-57C1-A874-A485A92CD394"; }, "row",
     "is not a lower-case UUID"},
};

TEST(ValidationChanges, EachRuleGivesOneIssueNamingTheRightField) {
    for (const auto& c : kChangeCases) {
        SCOPED_TRACE(c.field + ": " + c.reason);
        Change change = c.start == kCreate ? observationCreate() : observationEdit();
        c.how(change);
        const auto issues = issuesOf(change);
        ASSERT_EQ(issues.size(), 1u) << describe(issues);
        EXPECT_EQ(issues[0].field, "changes[4]." + c.field);
        EXPECT_NE(issues[0].reason.find(c.reason), std::string::npos) << issues[0].reason;
    }
}

TEST(ValidationChanges, AnUnknownColumnWrittenTwiceIsUnknownTwiceAndWrittenTwice) {
    Change change = observationEdit();
    add(change, "colour", "red");
    add(change, "colour", "blue");
    const auto issues = issuesOf(change);
    ASSERT_EQ(issues.size(), 3u) << describe(issues);
    EXPECT_NE(issues[0].reason.find("unknown column 'colour'"), std::string::npos);
    EXPECT_EQ(issues[1].field, "changes[4].fields.colour");
    EXPECT_EQ(issues[1].reason, "is written twice");
    EXPECT_NE(issues[2].reason.find("unknown column 'colour'"), std::string::npos);
}

TEST(ValidationChanges, EveryIssueOfAChangeIsListedAndAnEmptyPathAddsNoPrefix) {
    Change c = observationEdit();
    c.fields = {{"maturity", 9, {}}, {"national_priority", "urgent", {}}, {"colour", 1, {}}};
    std::vector<Issue> issues;
    EXPECT_FALSE(validateChange(c, "", issues));
    ASSERT_EQ(issues.size(), 3u);
    EXPECT_EQ(issues[0].field, "fields.maturity");
    EXPECT_EQ(issues[1].field, "fields.national_priority");
    EXPECT_EQ(issues[2].field, "fields.colour");

    const ValidationError error(issues);
    EXPECT_EQ(error.issues(), issues);
    EXPECT_NE(std::string(error.what()).find("fields.national_priority: 'urgent' is not one of"),
              std::string::npos);
}

TEST(ValidationChanges, ARealGivenAnIntegerIsNormalisedToDoubleInPlace) {
    Change c = observationEdit();
    c.table = "enrolment";
    c.fields = {{"pre_score", 40, {}}};
    std::vector<Issue> issues;
    ASSERT_TRUE(validateChange(c, "", issues)) << describe(issues);
    ASSERT_TRUE(c.fields[0].value.isReal());
    EXPECT_EQ(c.fields[0].value, Value(40.0));
}

TEST(ValidationValues, NaturalRecordIdUnderATimeOrderedParentSortsWithIt) {
    const TableSpec& observation = *findTable("observation");
    const std::string mission = "019a2b3c-4d5e-7f60-8123-456789abcdef";  // version 7
    const std::string standard = "ac0acf84-ab77-5cf5-8b02-074fc18b991b";
    const std::string id = naturalRecordId(observation, {mission, standard});
    EXPECT_EQ(id, namedUuidUnder(mission, "observation/" + mission + "/" + standard));
    EXPECT_EQ(id.substr(0, 13), mission.substr(0, 13));
    EXPECT_EQ(id[14], '8');
    // A create of that observation names it by that id; the version 5 id is refused.
    Change c = observationCreate();
    c.fields[0].value = Value(mission);
    c.fields[1].value = Value(standard);
    c.row = id;
    std::vector<Issue> issues;
    EXPECT_TRUE(validateChange(c, "changes[0]", issues)) << issues.size();
    c.row = namedUuid("observation/" + mission + "/" + standard);
    issues.clear();
    EXPECT_FALSE(validateChange(c, "changes[0]", issues));
}

}  // namespace
}  // namespace cadre::domain
