#include "domain/RecordScope.h"

#include <stdexcept>

namespace cadre::domain {
namespace {

std::optional<std::string> text(const std::optional<Value>& v) {
    if (!v || !v->isText())
        return std::nullopt;
    return v->asText();
}

std::optional<RecordScope> byParent(const char* kind, const std::optional<Value>& parentId) {
    auto id = text(parentId);
    if (!id)
        return std::nullopt;
    return RecordScope{kind, *id};
}

}  // namespace

std::optional<RecordScope> scopeOf(const std::string& table, const OwnField& field,
                                   const RecordLookup& lookup) {
    if (table == "catalogue_edition" || table == "standard" || table == "region" ||
        table == "member")
        return RecordScope{"reference", ""};
    if (table == "person")
        return RecordScope{"people", ""};
    if (table == "mission")
        return byParent("mission", field("id"));
    if (table == "mission_member" || table == "observation" || table == "review_comment")
        return byParent("mission", field("mission_id"));
    if (table == "action_step") {
        if (auto mission = text(field("mission_id")))
            return RecordScope{"mission", *mission};
        return byParent("member", field("member_id"));
    }
    if (table == "training")
        return byParent("training", field("id"));
    if (table == "training_standard" || table == "training_trainer" ||
        table == "training_session" || table == "enrolment")
        return byParent("training", field("training_id"));
    if (table == "attendance") {
        auto session = text(field("session_id"));
        if (!session)
            return std::nullopt;
        return byParent("training", lookup("training_session", *session, "training_id"));
    }
    if (table == "attachment") {
        auto ownerTable = text(field("owner_table"));
        auto ownerId = text(field("owner_id"));
        if (!ownerTable || !ownerId)
            return std::nullopt;
        if (*ownerTable == "mission")
            return RecordScope{"mission", *ownerId};
        if (*ownerTable == "training")
            return RecordScope{"training", *ownerId};
        const auto parent = [&](const std::string& column) {
            return lookup(*ownerTable, *ownerId, column);
        };
        return scopeOf(*ownerTable, parent, lookup);
    }
    throw std::invalid_argument("scopeOf: unknown table '" + table + "'");
}

}  // namespace cadre::domain
