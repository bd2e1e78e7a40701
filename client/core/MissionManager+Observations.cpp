// MissionManager: the observations of a mission, one per standard of its edition.
#include "core/Convert.h"
#include "core/MissionManager.h"
#include "domain/Schema.h"
#include "domain/Validation.h"
#include "replica/Replica.h"

namespace cadre::client {

using replica::Statement;

namespace {

QString col(const Statement& st, int column) {
    return st.isNull(column) ? QString() : toQ(st.text(column));
}

constexpr const char* kObservationSelect =
    "SELECT s.id, s.number, o.id, o.maturity, o.national_priority, o.review_state, "
    "o.current_state, o.gaps, o.legal_amendments, o.msme_needs, o.recommendations "
    "FROM mission m JOIN standard s ON s.edition_id = m.edition_id AND s.deleted = 0 "
    "LEFT JOIN observation o ON o.mission_id = m.id AND o.standard_id = s.id AND o.deleted = 0 "
    "WHERE m.id = ?1 ";

ObservationRow readObservation(const Statement& st) {
    ObservationRow r;
    r.standardId = col(st, 0);
    r.number = static_cast<int>(st.integer(1));
    r.observationId = col(st, 2);
    if (!st.isNull(3)) {
        r.maturity = static_cast<int>(st.integer(3));
    }
    r.priority = col(st, 4);
    r.reviewState = col(st, 5);
    r.currentState = col(st, 6);
    r.gaps = col(st, 7);
    r.legalAmendments = col(st, 8);
    r.msmeNeeds = col(st, 9);
    r.recommendations = col(st, 10);
    return r;
}

std::string observationIdOf(const QString& missionId, const QString& standardId) {
    const domain::TableSpec& spec = *domain::findTable("observation");
    return domain::naturalRecordId(spec, {toValue(missionId), toValue(standardId)});
}

}  // namespace

QVector<ObservationRow> MissionManager::observations(const QString& missionId) {
    Statement st(replica_.database(), std::string(kObservationSelect) + "ORDER BY s.number");
    st.bind(1, toStd(missionId));
    QVector<ObservationRow> out;
    while (st.step()) {
        out.append(readObservation(st));
    }
    return out;
}

ObservationRow MissionManager::observation(const QString& missionId, const QString& standardId) {
    Statement st(replica_.database(), std::string(kObservationSelect) + "AND s.id = ?2");
    st.bind(1, toStd(missionId));
    st.bind(2, toStd(standardId));
    return st.step() ? readObservation(st) : ObservationRow{};
}

QString MissionManager::ensureObservation(const QString& missionId, const QString& standardId) {
    setObservationFields(missionId, standardId, {});
    return toQ(observationIdOf(missionId, standardId));
}

void MissionManager::setObservationFields(const QString& missionId, const QString& standardId,
                                          const QVariantMap& values) {
    const std::string id = observationIdOf(missionId, standardId);
    replica::Fields fields;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        fields[toStd(it.key())] = toValue(it.value());
    }
    replica_.transaction([&] {
        const auto existing = replica_.get("observation", id);
        if (!existing) {
            replica::Fields created = fields;
            created["mission_id"] = toValue(missionId);
            created["standard_id"] = toValue(standardId);
            created["review_state"] = Value("draft");
            replica_.insert("observation", created);
            return;
        }
        if (existing->deleted) {
            replica_.restore("observation", id);
        }
        // Only what differs: an unchanged field written again would still be a change to sync.
        replica::Fields changedFields;
        for (const auto& [column, value] : fields) {
            const auto current = existing->fields.find(column);
            if (current == existing->fields.end() || !(current->second == value)) {
                changedFields[column] = value;
            }
        }
        if (!changedFields.empty()) {
            replica_.update("observation", id, changedFields);
        }
    });
    emit changed(QStringLiteral("observation"));
}

}  // namespace cadre::client
