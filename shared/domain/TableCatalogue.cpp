// TableCatalogue: the TableSpec of every synced table, mirroring schema/migrations/0001_domain.sql.
#include <algorithm>
#include <utility>

#include "domain/Schema.h"
#include "schema/EmbeddedMigrations.h"

namespace cadre::domain {

namespace {

// Maximum lengths, in code points.
constexpr std::size_t kName = 200;        // person and place names
constexpr std::size_t kTitle = 300;       // titles, venues, organisations
constexpr std::size_t kLongText = 20000;  // free texts of a diagnostic or an action plan
constexpr std::size_t kNote = 2000;
constexpr std::size_t kCaption = 500;
constexpr std::size_t kComment = 4000;

ColumnSpec make(std::string name, ColumnType type) {
    ColumnSpec c;
    c.name = std::move(name);
    c.type = type;
    return c;
}

ColumnSpec text(std::string name, std::size_t maxLength) {
    ColumnSpec c = make(std::move(name), ColumnType::Text);
    c.maxLength = maxLength;
    return c;
}

ColumnSpec integer(std::string name, double min, double max) {
    ColumnSpec c = make(std::move(name), ColumnType::Integer);
    c.min = min;
    c.max = max;
    return c;
}

ColumnSpec real(std::string name, double min, double max) {
    ColumnSpec c = make(std::move(name), ColumnType::Real);
    c.min = min;
    c.max = max;
    return c;
}

ColumnSpec boolean(std::string name) {
    return make(std::move(name), ColumnType::Boolean);
}
ColumnSpec date(std::string name) {
    return make(std::move(name), ColumnType::Date);
}
ColumnSpec dateTime(std::string name) {
    return make(std::move(name), ColumnType::DateTime);
}

/// A reference to a record of `table` (empty: an id whose table is named by another column).
ColumnSpec uuid(std::string name, std::string table) {
    ColumnSpec c = make(std::move(name), ColumnType::Uuid);
    c.references = std::move(table);
    return c;
}

ColumnSpec enumeration(std::string name, std::vector<std::string> values) {
    ColumnSpec c = make(std::move(name), ColumnType::Enum);
    c.enumValues = std::move(values);
    return c;
}

ColumnSpec required(ColumnSpec c) {
    c.required = true;
    return c;
}

std::vector<std::string> reviewStates() {
    return {"draft", "submitted", "has_issues", "approved"};
}

std::vector<TableSpec> buildCatalogue() {
    std::vector<TableSpec> t;
    t.push_back(
        {"catalogue_edition",
         {required(integer("year", 2000, 2100)), text("title_en", kTitle), text("title_fr", kTitle),
          required(enumeration("status", {"draft", "in_force", "superseded"})),
          date("published_on")},
         {}});
    t.push_back(
        {"standard",
         {required(uuid("edition_id", "catalogue_edition")), required(integer("number", 1, 99)),
          required(integer("group_number", 1, 99)), text("group_en", kTitle),
          text("group_fr", kTitle), required(text("title_en", kTitle)), text("title_fr", kTitle),
          required(
              enumeration("source_confidence", {"confirmed", "content_confirmed", "to_confirm"}))},
         {"edition_id", "number"}});
    t.push_back({"region",
                 {required(text("code", 8)), required(text("name_en", kName)),
                  required(text("name_fr", kName))},
                 {"code"}});
    t.push_back({"member",
                 {required(text("iso3", 3)), required(text("name_en", kName)),
                  required(text("name_fr", kName)), required(uuid("region_id", "region")),
                  date("letter_of_intent_on"),
                  required(enumeration("mercator_track", {"none", "overall", "tailor_made"}))},
                 {"iso3"}});
    t.push_back(
        {"person",
         {required(text("family_name", kName)), text("given_names", kName), text("email", 254),
          text("organisation", kTitle), text("job_title", kName), uuid("member_id", "member"),
          enumeration("gender", {"female", "male", "other", "undisclosed"})},
         {}});
    t.push_back(
        {"mission",
         {required(enumeration("kind", {"diagnostic", "self_assessment", "tailored_support",
                                        "study_visit", "follow_up"})),
          required(uuid("member_id", "member")), required(uuid("edition_id", "catalogue_edition")),
          required(text("title", kTitle)), date("starts_on"), date("ends_on"),
          required(enumeration("status", {"planned", "in_progress", "completed", "cancelled"})),
          required(enumeration("review_state", reviewStates())),
          text("economic_context", kLongText), text("ecommerce_context", kLongText)},
         {}});
    t.push_back(
        {"mission_member",
         {required(uuid("mission_id", "mission")), required(uuid("person_id", "person")),
          required(enumeration("role", {"lead_expert", "expert", "observer", "counterpart"}))},
         {"mission_id", "person_id"}});
    t.push_back(
        {"observation",
         {required(uuid("mission_id", "mission")), required(uuid("standard_id", "standard")),
          integer("maturity", 0, 4), text("current_state", kLongText), text("gaps", kLongText),
          text("legal_amendments", kLongText), text("msme_needs", kLongText),
          text("recommendations", kLongText),
          enumeration("national_priority", {"high", "medium", "low"}),
          required(enumeration("review_state", reviewStates()))},
         {"mission_id", "standard_id"}});
    t.push_back({"action_step",
                 {required(uuid("member_id", "member")), required(uuid("standard_id", "standard")),
                  uuid("mission_id", "mission"), required(text("title", kTitle)),
                  text("description", kLongText), date("due_on"),
                  required(enumeration("status",
                                       {"planned", "in_progress", "done", "blocked", "cancelled"})),
                  text("responsible", kTitle)},
                 {}});
    t.push_back(
        {"training",
         {required(enumeration(
              "kind", {"training_of_trainers", "field_training_of_experts", "e_learning", "seminar",
                       "regional_workshop", "study_visit", "conference"})),
          required(text("title", kTitle)), uuid("edition_id", "catalogue_edition"),
          uuid("member_id", "member"), uuid("region_id", "region"), text("venue", kTitle),
          date("starts_on"), date("ends_on"),
          required(enumeration("status", {"planned", "ongoing", "completed", "cancelled"}))},
         {}});
    t.push_back(
        {"training_standard",
         {required(uuid("training_id", "training")), required(uuid("standard_id", "standard"))},
         {"training_id", "standard_id"}});
    t.push_back({"training_trainer",
                 {required(uuid("training_id", "training")), required(uuid("person_id", "person")),
                  required(enumeration("role", {"lead", "co_trainer"}))},
                 {"training_id", "person_id"}});
    t.push_back({"training_session",
                 {required(uuid("training_id", "training")), required(date("held_on")),
                  required(enumeration("part", {"full_day", "morning", "afternoon"})),
                  text("topic", kTitle)},
                 {"training_id", "held_on", "part"}});
    t.push_back({"enrolment",
                 {required(uuid("training_id", "training")), required(uuid("person_id", "person")),
                  real("pre_score", 0, 100), real("post_score", 0, 100),
                  required(boolean("certified_trainer")), uuid("trained_by_person_id", "person")},
                 {"training_id", "person_id"}});
    t.push_back(
        {"attendance",
         {required(uuid("session_id", "training_session")), required(uuid("person_id", "person")),
          required(enumeration("status", {"present", "late", "excused", "absent"})),
          text("note", kNote)},
         {"session_id", "person_id"}});
    t.push_back({"attachment",
                 {required(enumeration("owner_table", {"mission", "observation", "training",
                                                       "training_session", "action_step"})),
                  required(uuid("owner_id", "")), required(text("sha256", 64)),
                  required(text("file_name", 255)), required(text("media_type", 100)),
                  required(integer("size_bytes", 0, 268435456)), text("caption", kCaption)},
                 {}});
    t.push_back({"review_comment",
                 {required(uuid("mission_id", "mission")), uuid("observation_id", "observation"),
                  required(text("body", kComment)), uuid("author_person_id", "person"),
                  required(dateTime("posted_at"))},
                 {}});
    return t;
}

}  // namespace

const char* toString(ColumnType type) {
    switch (type) {
        case ColumnType::Text:
            return "text";
        case ColumnType::Integer:
            return "integer";
        case ColumnType::Real:
            return "real";
        case ColumnType::Boolean:
            return "boolean";
        case ColumnType::Date:
            return "date";
        case ColumnType::DateTime:
            return "datetime";
        case ColumnType::Uuid:
            return "uuid";
        case ColumnType::Enum:
            return "enum";
    }
    return "unknown";
}

const ColumnSpec* TableSpec::column(std::string_view columnName) const {
    const auto index = columnIndex(columnName);
    return index ? &columns[*index] : nullptr;
}

std::optional<std::size_t> TableSpec::columnIndex(std::string_view columnName) const {
    const auto it = std::find_if(columns.begin(), columns.end(),
                                 [&](const ColumnSpec& c) { return c.name == columnName; });
    if (it == columns.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - columns.begin());
}

const std::vector<TableSpec>& syncedTables() {
    static const std::vector<TableSpec> tables = buildCatalogue();
    return tables;
}

const TableSpec* findTable(std::string_view name) {
    const auto& tables = syncedTables();
    const auto it = std::find_if(tables.begin(), tables.end(),
                                 [&](const TableSpec& t) { return t.name == name; });
    return it == tables.end() ? nullptr : &*it;
}

int currentSchemaVersion() {
    const auto& migrations = schema::embeddedMigrations();
    return migrations.empty() ? 0 : migrations.back().version;
}

}  // namespace cadre::domain
