// TrainingManager: trainings, their places, standards covered and trainers.
#include "TrainingManager.h"

#include <QLocale>

#include "ReplicaValues.h"
#include "domain/Schema.h"
#include "domain/Validation.h"

namespace cadre::trainings {

using replica::Fields;
using replica::Statement;
using namespace values;

namespace {

Fields trainingFields(const TrainingFields& t) {
    return {{"kind", text(t.kind)},
            {"title", text(t.title)},
            {"edition_id", text(t.editionId)},
            {"member_id", text(t.memberId)},
            {"region_id", text(t.regionId)},
            {"venue", text(t.venue)},
            {"starts_on", date(t.startsOn)},
            {"ends_on", date(t.endsOn)},
            {"status", text(t.status)}};
}

TrainingFields readTraining(const Statement& st, int first) {
    TrainingFields t;
    t.kind = str(st, first);
    t.title = str(st, first + 1);
    t.editionId = str(st, first + 2);
    t.memberId = str(st, first + 3);
    t.regionId = str(st, first + 4);
    t.venue = str(st, first + 5);
    t.startsOn = dateAt(st, first + 6);
    t.endsOn = dateAt(st, first + 7);
    t.status = str(st, first + 8);
    return t;
}

constexpr const char* kTrainingColumns =
    "t.kind, t.title, t.edition_id, t.member_id, t.region_id, t.venue, t.starts_on, t.ends_on, "
    "t.status";

/// A training must end on or after the day it starts.
void checkDates(const TrainingFields& t) {
    if (t.startsOn.isValid() && t.endsOn.isValid() && t.endsOn < t.startsOn)
        throw domain::ValidationError("fields.ends_on", "is before starts_on");
}

}  // namespace

TrainingManager::TrainingManager(replica::Replica& replica, QObject* parent)
    : QObject(parent), replica_(replica) {}

bool TrainingManager::french() const {
    return QLocale().language() == QLocale::French;
}

QList<TrainingSummary> TrainingManager::trainings(const TrainingFilter& filter) {
    Statement st(replica_.database(),
                 std::string("SELECT t.id, ") + kTrainingColumns +
                     ", CASE ?4 WHEN 1 THEN COALESCE(m.name_fr, r.name_fr) "
                     "ELSE COALESCE(m.name_en, r.name_en) END, "
                     "(SELECT COUNT(*) FROM enrolment e WHERE e.training_id = t.id AND "
                     "e.deleted = 0), "
                     "(SELECT COUNT(*) FROM training_session s WHERE s.training_id = t.id AND "
                     "s.deleted = 0) "
                     "FROM training t LEFT JOIN member m ON m.id = t.member_id "
                     "LEFT JOIN region r ON r.id = t.region_id "
                     "WHERE t.deleted = 0 AND (?1 = '' OR t.kind = ?1) "
                     "AND (?2 = '' OR t.status = ?2) "
                     "AND (?3 = '%%' OR t.title LIKE ?3 ESCAPE '\\' OR t.venue LIKE ?3 ESCAPE '\\' "
                     "OR m.name_en LIKE ?3 ESCAPE '\\' OR m.name_fr LIKE ?3 ESCAPE '\\' "
                     "OR r.name_en LIKE ?3 ESCAPE '\\' OR r.name_fr LIKE ?3 ESCAPE '\\') "
                     "ORDER BY COALESCE(t.starts_on, '9999-12-31') DESC, t.title");
    st.bind(1, filter.kind.toStdString())
        .bind(2, filter.status.toStdString())
        .bind(3, likePattern(filter.search))
        .bind(4, std::int64_t{french() ? 1 : 0});
    QList<TrainingSummary> out;
    while (st.step()) {
        TrainingSummary s;
        s.id = str(st, 0);
        s.fields = readTraining(st, 1);
        s.memberName = str(st, 10);
        s.participantCount = intAt(st, 11);
        s.sessionCount = intAt(st, 12);
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<TrainingFields> TrainingManager::training(const QString& id) {
    Statement st(replica_.database(), std::string("SELECT ") + kTrainingColumns +
                                          " FROM training t WHERE t.id = ?1 AND t.deleted = 0");
    st.bind(1, id.toStdString());
    if (!st.step())
        return std::nullopt;
    return readTraining(st, 0);
}

QString TrainingManager::createTraining(const TrainingFields& fields) {
    checkDates(fields);
    TrainingFields t = fields;
    if (t.editionId.isEmpty())
        t.editionId = currentEditionId();
    const std::string id = replica_.insert("training", trainingFields(t));
    emit changed(QStringLiteral("training"));
    return QString::fromStdString(id);
}

void TrainingManager::updateTraining(const QString& id, const TrainingFields& fields) {
    checkDates(fields);
    const auto current = replica_.get("training", id.toStdString());
    if (!current)
        throw replica::WriteRefused("training " + id.toStdString() + " does not exist");
    Fields changedFields;
    for (const auto& [column, value] : trainingFields(fields)) {
        auto it = current->fields.find(column);
        if (it == current->fields.end() || !(it->second == value))
            changedFields.emplace(column, value);
    }
    if (changedFields.empty())
        return;
    replica_.update("training", id.toStdString(), changedFields);
    emit changed(QStringLiteral("training"));
}

void TrainingManager::removeTraining(const QString& id) {
    replica_.remove("training", id.toStdString());
    emit changed(QStringLiteral("training"));
}

QList<PlaceChoice> TrainingManager::members() {
    Statement st(replica_.database(),
                 "SELECT id, CASE ?1 WHEN 1 THEN name_fr ELSE name_en END AS name FROM member "
                 "WHERE deleted = 0 ORDER BY name");
    st.bind(1, std::int64_t{french() ? 1 : 0});
    QList<PlaceChoice> out;
    while (st.step())
        out.push_back({str(st, 0), str(st, 1)});
    return out;
}

QList<PlaceChoice> TrainingManager::regions() {
    Statement st(replica_.database(),
                 "SELECT id, CASE ?1 WHEN 1 THEN name_fr ELSE name_en END AS name FROM region "
                 "WHERE deleted = 0 ORDER BY name");
    st.bind(1, std::int64_t{french() ? 1 : 0});
    QList<PlaceChoice> out;
    while (st.step())
        out.push_back({str(st, 0), str(st, 1)});
    return out;
}

QString TrainingManager::currentEditionId() {
    Statement st(replica_.database(),
                 "SELECT id FROM catalogue_edition WHERE deleted = 0 "
                 "ORDER BY status = 'in_force' DESC, year DESC LIMIT 1");
    return st.step() ? str(st, 0) : QString();
}

QList<StandardChoice> TrainingManager::standards(const QString& trainingId) {
    QString edition;
    if (auto t = training(trainingId))
        edition = t->editionId;
    if (edition.isEmpty())
        edition = currentEditionId();
    Statement st(replica_.database(),
                 "SELECT s.id, s.number, CASE ?3 WHEN 1 THEN COALESCE(s.title_fr, s.title_en) "
                 "ELSE s.title_en END, EXISTS (SELECT 1 FROM training_standard ts "
                 "WHERE ts.training_id = ?1 AND ts.standard_id = s.id AND ts.deleted = 0) "
                 "FROM standard s WHERE s.edition_id = ?2 AND s.deleted = 0 ORDER BY s.number");
    st.bind(1, trainingId.toStdString())
        .bind(2, edition.toStdString())
        .bind(3, std::int64_t{french() ? 1 : 0});
    QList<StandardChoice> out;
    while (st.step())
        out.push_back({str(st, 0), intAt(st, 1), str(st, 2), st.integer(3) != 0});
    return out;
}

void TrainingManager::setStandardCovered(const QString& trainingId, const QString& standardId,
                                         bool covered) {
    const Fields key{{"training_id", id(trainingId)}, {"standard_id", id(standardId)}};
    if (covered) {
        if (upsert("training_standard", key).second)
            emit changed(QStringLiteral("training_standard"));
        return;
    }
    const std::string rid = domain::naturalRecordId(*domain::findTable("training_standard"),
                                                    {id(trainingId), id(standardId)});
    const auto record = replica_.get("training_standard", rid);
    if (record && !record->deleted) {
        replica_.remove("training_standard", rid);
        emit changed(QStringLiteral("training_standard"));
    }
}

QList<TrainerInfo> TrainingManager::trainers(const QString& trainingId) {
    Statement st(replica_.database(),
                 "SELECT tt.id, tt.role, " CADRE_PERSON_COLUMNS("?2") " FROM training_trainer tt "
                 "JOIN person p ON p.id = tt.person_id LEFT JOIN member m ON m.id = p.member_id "
                 "WHERE tt.training_id = ?1 AND tt.deleted = 0 "
                 "ORDER BY tt.role = 'lead' DESC, p.family_name, p.given_names");
    st.bind(1, trainingId.toStdString()).bind(2, std::int64_t{french() ? 1 : 0});
    QList<TrainerInfo> out;
    while (st.step())
        out.push_back({str(st, 0), readPerson(st, 2), str(st, 1)});
    return out;
}

void TrainingManager::setTrainer(const QString& trainingId, const QString& personId,
                                 const QString& role) {
    if (upsert("training_trainer",
               {{"training_id", id(trainingId)}, {"person_id", id(personId)}, {"role", text(role)}})
            .second)
        emit changed(QStringLiteral("training_trainer"));
}

void TrainingManager::removeTrainer(const QString& trainerId) {
    replica_.remove("training_trainer", trainerId.toStdString());
    emit changed(QStringLiteral("training_trainer"));
}

std::pair<QString, bool> TrainingManager::upsert(const std::string& table, const Fields& fields,
                                                 const Fields& createOnly) {
    const domain::TableSpec& spec = *domain::findTable(table);
    std::vector<Value> key;
    for (const auto& column : spec.naturalKey) {
        auto it = fields.find(column);
        if (it == fields.end() || it->second.isNull())
            throw domain::ValidationError("fields." + column, "is required");
        key.push_back(it->second);
    }
    const std::string rid = domain::naturalRecordId(spec, key);
    bool wrote = false;
    replica_.transaction([&] {
        const auto record = replica_.get(table, rid);
        if (!record) {
            Fields all = fields;
            all.insert(createOnly.begin(), createOnly.end());
            replica_.insert(table, all);
            wrote = true;
            return;
        }
        if (record->deleted) {
            replica_.restore(table, rid);
            wrote = true;
        }
        Fields update;
        for (const auto& [column, value] : fields) {
            auto it = record->fields.find(column);
            if (it == record->fields.end() || !(it->second == value))
                update.emplace(column, value);
        }
        if (!update.empty()) {
            replica_.update(table, rid, update);
            wrote = true;
        }
    });
    return {QString::fromStdString(rid), wrote};
}

}  // namespace cadre::trainings
