#include "sync/Authorization.h"

#include <algorithm>

namespace cadre::server {
namespace {

bool isOneOf(const std::string& t, std::initializer_list<const char*> list) {
    return std::any_of(list.begin(), list.end(), [&](const char* x) { return t == x; });
}

const FieldWrite* field(const Change& c, const char* column) {
    for (const auto& f : c.fields)
        if (f.column == column)
            return &f;
    return nullptr;
}

}  // namespace

bool Reach::canRead(const domain::RecordScope& scope) const {
    if (readsEverything())
        return true;
    if (scope.kind == "reference" || scope.kind == "people")
        return true;
    if (scope.kind == "mission")
        return missions.count(scope.id) > 0;
    if (scope.kind == "training")
        return trainings.count(scope.id) > 0;
    return false;
}

std::vector<replica::ScopeMark> Reach::scopes() const {
    if (readsEverything())
        return {{"*", "", 0}};
    std::vector<replica::ScopeMark> out = {{"reference", "", 0}, {"people", "", 0}};
    for (const auto& m : missions)
        out.push_back({"mission", m, 0});
    for (const auto& t : trainings)
        out.push_back({"training", t, 0});
    return out;
}

Reach reachOf(replica::Replica& hub, const User& user) {
    Reach r;
    r.role = user.role;
    if (r.readsEverything() || user.personId.empty())
        return r;
    replica::Statement missions(
        hub.database(),
        "SELECT mission_id FROM mission_member WHERE person_id = ?1 AND deleted = 0");
    missions.bind(1, user.personId);
    while (missions.step())
        r.missions.insert(missions.text(0));
    replica::Statement trainings(
        hub.database(),
        "SELECT training_id FROM training_trainer WHERE person_id = ?1 AND deleted = 0");
    trainings.bind(1, user.personId);
    while (trainings.step())
        r.trainings.insert(trainings.text(0));
    return r;
}

std::optional<std::string> writeRefusal(const Reach& reach, const Change& c,
                                        const std::optional<domain::RecordScope>& scope,
                                        bool exists) {
    if (reach.role == Role::Admin)
        return std::nullopt;
    const std::string& t = c.table;
    if (isOneOf(t, {"mission_member", "training_trainer"}))
        return "assignments are managed by an administrator";
    if (reach.role == Role::HqReviewer) {
        if (isOneOf(t, {"catalogue_edition", "region"}))
            return "catalogue editions and regions are managed by an administrator";
        return std::nullopt;
    }
    // Experts and trainers.
    if (!scope)
        return "the record's mission or training cannot be determined";
    if (t == "person")
        return std::nullopt;  // rosters and teams: quick-add and corrections
    if (scope->kind == "reference")
        return "reference data is managed by headquarters";
    if (scope->kind == "member")
        return "a Member's action plan outside a mission is managed by headquarters";
    const bool expertTable =
        isOneOf(t, {"mission", "observation", "action_step", "attachment", "review_comment"});
    const bool trainerTable = isOneOf(t, {"training", "training_standard", "training_session",
                                          "enrolment", "attendance", "attachment"});
    if (reach.role == Role::Expert && (!expertTable || scope->kind != "mission"))
        return "an expert writes only mission records";
    if (reach.role == Role::Trainer && (!trainerTable || scope->kind != "training"))
        return "a trainer writes only training records";
    if (!reach.canRead(*scope))
        return std::string("this ") + (scope->kind == "mission" ? "mission" : "training") +
               " is not assigned to you";
    if ((t == "mission" || t == "training") && (c.created || !exists))
        return "missions and trainings are created by headquarters";
    if (const FieldWrite* review = field(c, "review_state")) {
        const bool mayChoose =
            review->value.isText() && isOneOf(review->value.asText(), {"draft", "submitted"});
        if (!mayChoose)
            return "only headquarters sets a review state other than draft or submitted";
    }
    return std::nullopt;
}

}  // namespace cadre::server
