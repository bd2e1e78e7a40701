#include "core/MissionManager.h"

#include "core/Convert.h"
#include "domain/Schema.h"
#include "domain/Validation.h"
#include "replica/Replica.h"

namespace cadre::client {

using replica::Statement;

namespace {

QString col(const Statement& st, int column) {
    return st.isNull(column) ? QString() : toQ(st.text(column));
}

constexpr const char* kMissionSelect =
    "SELECT m.id, m.kind, m.member_id, mb.name_en, mb.name_fr, mb.iso3, m.edition_id, m.title, "
    "m.starts_on, m.ends_on, m.status, m.review_state, m.economic_context, m.ecommerce_context, "
    "(SELECT COUNT(*) FROM observation o JOIN standard s ON s.id = o.standard_id "
    "  AND s.deleted = 0 WHERE o.mission_id = m.id AND o.deleted = 0), "
    "(SELECT COUNT(*) FROM standard s WHERE s.edition_id = m.edition_id AND s.deleted = 0) "
    "FROM mission m LEFT JOIN member mb ON mb.id = m.member_id ";

MissionRow readMission(const Statement& st) {
    MissionRow r;
    r.id = col(st, 0);
    r.kind = col(st, 1);
    r.memberId = col(st, 2);
    r.memberEn = col(st, 3);
    r.memberFr = col(st, 4);
    r.iso3 = col(st, 5);
    r.editionId = col(st, 6);
    r.title = col(st, 7);
    r.startsOn = col(st, 8);
    r.endsOn = col(st, 9);
    r.status = col(st, 10);
    r.reviewState = col(st, 11);
    r.economicContext = col(st, 12);
    r.ecommerceContext = col(st, 13);
    r.observed = static_cast<int>(st.integer(14));
    r.standards = static_cast<int>(st.integer(15));
    return r;
}

}  // namespace

MissionManager::MissionManager(replica::Replica& replica, QObject* parent)
    : QObject(parent), replica_(replica) {}

QVector<MissionRow> MissionManager::missions(const MissionFilter& filter) {
    Statement st(replica_.database(),
                 std::string(kMissionSelect) +
                     "WHERE m.deleted = 0 AND (?1 = '' OR m.member_id = ?1) "
                     "AND (?2 = '' OR m.kind = ?2) AND (?3 = '' OR m.status = ?3) "
                     "AND (?4 = '' OR m.title LIKE ?5 OR mb.name_en LIKE ?5 OR mb.name_fr LIKE ?5 "
                     "     OR mb.iso3 LIKE ?5) "
                     "ORDER BY COALESCE(m.starts_on, '9999') DESC, m.title");
    const QString text = filter.text.trimmed();
    st.bind(1, toStd(filter.memberId));
    st.bind(2, toStd(filter.kind));
    st.bind(3, toStd(filter.status));
    st.bind(4, toStd(text));
    st.bind(5, toStd(QLatin1Char('%') + text + QLatin1Char('%')));
    QVector<MissionRow> out;
    while (st.step()) {
        out.append(readMission(st));
    }
    return out;
}

MissionRow MissionManager::mission(const QString& id) {
    Statement st(replica_.database(), std::string(kMissionSelect) + "WHERE m.id = ?1");
    st.bind(1, toStd(id));
    return st.step() ? readMission(st) : MissionRow{};
}

QString MissionManager::createMission(const MissionDraft& draft, const QString& editionId) {
    replica::Fields fields{
        {"kind", toValue(draft.kind)},          {"member_id", toValue(draft.memberId)},
        {"edition_id", toValue(editionId)},     {"title", toValue(draft.title)},
        {"starts_on", toValue(draft.startsOn)}, {"ends_on", toValue(draft.endsOn)},
        {"status", Value("planned")},           {"review_state", Value("draft")}};
    const QString id = toQ(replica_.insert("mission", fields));
    emit changed(QStringLiteral("mission"));
    return id;
}

void MissionManager::setMissionFields(const QString& id, const QVariantMap& values) {
    replica::Fields fields;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        fields[toStd(it.key())] = toValue(it.value());
    }
    replica_.update("mission", toStd(id), fields);
    emit changed(QStringLiteral("mission"));
}

void MissionManager::submitForReview(const QString& missionId) {
    replica_.transaction([&] {
        replica_.update("mission", toStd(missionId), {{"review_state", Value("submitted")}});
        Statement st(replica_.database(),
                     "SELECT id FROM observation WHERE mission_id = ?1 AND deleted = 0 "
                     "AND review_state <> 'submitted'");
        st.bind(1, toStd(missionId));
        std::vector<std::string> ids;
        while (st.step()) {
            ids.push_back(st.text(0));
        }
        for (const std::string& id : ids) {
            replica_.update("observation", id, {{"review_state", Value("submitted")}});
        }
    });
    emit changed(QStringLiteral("mission"));
    emit changed(QStringLiteral("observation"));
}

QVector<TeamRow> MissionManager::team(const QString& missionId) {
    Statement st(replica_.database(),
                 "SELECT mm.id, mm.person_id, p.family_name, p.given_names, p.organisation, "
                 "mm.role FROM mission_member mm LEFT JOIN person p ON p.id = mm.person_id "
                 "WHERE mm.mission_id = ?1 AND mm.deleted = 0 "
                 "ORDER BY mm.role = 'lead_expert' DESC, p.family_name");
    st.bind(1, toStd(missionId));
    QVector<TeamRow> out;
    while (st.step()) {
        out.append({col(st, 0), col(st, 1), col(st, 2), col(st, 3), col(st, 4), col(st, 5)});
    }
    return out;
}

QString MissionManager::addTeamMember(const QString& missionId, const QString& personId,
                                      const QString& role) {
    const domain::TableSpec& spec = *domain::findTable("mission_member");
    const std::string id = domain::naturalRecordId(spec, {toValue(missionId), toValue(personId)});
    auto existing = replica_.get("mission_member", id);
    if (!existing) {
        replica_.insert("mission_member", {{"mission_id", toValue(missionId)},
                                           {"person_id", toValue(personId)},
                                           {"role", toValue(role)}});
    } else {
        replica_.transaction([&] {
            if (existing->deleted) {
                replica_.restore("mission_member", id);
            }
            replica_.update("mission_member", id, {{"role", toValue(role)}});
        });
    }
    emit changed(QStringLiteral("mission_member"));
    return toQ(id);
}

void MissionManager::removeTeamMember(const QString& missionMemberId) {
    replica_.remove("mission_member", toStd(missionMemberId));
    emit changed(QStringLiteral("mission_member"));
}

}  // namespace cadre::client
