// TrainingManager: people, the roster of a training, scores and the ToT cascade.
#include <QSignalBlocker>

#include "ReplicaValues.h"
#include "TrainingManager.h"
#include "domain/Schema.h"
#include "domain/Validation.h"

namespace cadre::trainings {

using replica::Fields;
using replica::Statement;
using namespace values;

QList<PersonInfo> TrainingManager::searchPeople(const QString& textToFind, int limit) {
    Statement st(replica_.database(),
                 "SELECT " CADRE_PERSON_COLUMNS("?2") " FROM person p "
                 "LEFT JOIN member m ON m.id = p.member_id WHERE p.deleted = 0 AND "
                 "(?1 = '%%' OR p.family_name LIKE ?1 ESCAPE '\\' OR p.given_names LIKE ?1 "
                 "ESCAPE '\\' OR (p.given_names || ' ' || p.family_name) LIKE ?1 ESCAPE '\\' "
                 "OR p.organisation LIKE ?1 ESCAPE '\\' OR p.email LIKE ?1 ESCAPE '\\') "
                 "ORDER BY p.family_name, p.given_names LIMIT ?3");
    st.bind(1, likePattern(textToFind))
        .bind(2, std::int64_t{french() ? 1 : 0})
        .bind(3, std::int64_t{limit});
    QList<PersonInfo> out;
    while (st.step())
        out.push_back(readPerson(st, 0));
    return out;
}

QString TrainingManager::createPerson(const PersonInfo& p) {
    if (p.familyName.trimmed().isEmpty())
        throw domain::ValidationError("fields.family_name", "is required");
    const std::string pid = replica_.insert("person", {{"family_name", text(p.familyName)},
                                                       {"given_names", text(p.givenNames)},
                                                       {"email", text(p.email)},
                                                       {"organisation", text(p.organisation)},
                                                       {"member_id", text(p.memberId)},
                                                       {"gender", text(p.gender)}});
    emit changed(QStringLiteral("person"));
    return QString::fromStdString(pid);
}

QList<EnrolmentInfo> TrainingManager::roster(const QString& trainingId) {
    Statement st(replica_.database(),
                 "SELECT e.id, e.pre_score, e.post_score, e.certified_trainer, "
                 "e.trained_by_person_id, TRIM(COALESCE(tb.given_names || ' ', '') || "
                 "COALESCE(tb.family_name, '')), " CADRE_PERSON_COLUMNS("?2") " "
                 "FROM enrolment e JOIN person p ON p.id = e.person_id "
                 "LEFT JOIN member m ON m.id = p.member_id "
                 "LEFT JOIN person tb ON tb.id = e.trained_by_person_id "
                 "WHERE e.training_id = ?1 AND e.deleted = 0 "
                 "ORDER BY p.family_name COLLATE NOCASE, p.given_names COLLATE NOCASE, p.id");
    st.bind(1, trainingId.toStdString()).bind(2, std::int64_t{french() ? 1 : 0});
    QList<EnrolmentInfo> out;
    while (st.step()) {
        EnrolmentInfo e;
        e.id = str(st, 0);
        e.preScore = realAt(st, 1);
        e.postScore = realAt(st, 2);
        e.certifiedTrainer = intAt(st, 3) != 0;
        e.trainedById = str(st, 4);
        e.trainedByName = str(st, 5);
        e.person = readPerson(st, 6);
        out.push_back(std::move(e));
    }
    return out;
}

bool TrainingManager::enrol(const QString& trainingId, const QString& personId) {
    const auto [enrolmentId, wrote] =
        upsert("enrolment", {{"training_id", id(trainingId)}, {"person_id", id(personId)}},
               {{"certified_trainer", Value(0)}});
    if (wrote)
        emit changed(QStringLiteral("enrolment"));
    return wrote;
}

QString TrainingManager::quickAdd(const QString& trainingId, const PersonInfo& person) {
    QString personId;
    QSignalBlocker block(this);  // one changed() per table, after the transaction
    replica_.transaction([&] {
        personId = createPerson(person);
        enrol(trainingId, personId);
    });
    block.unblock();
    emit changed(QStringLiteral("person"));
    emit changed(QStringLiteral("enrolment"));
    return personId;
}

void TrainingManager::unenrol(const QString& enrolmentId) {
    replica_.remove("enrolment", enrolmentId.toStdString());
    emit changed(QStringLiteral("enrolment"));
}

void TrainingManager::setScore(const QString& enrolmentId, const QString& which,
                               std::optional<double> score) {
    if (which != QLatin1String("pre") && which != QLatin1String("post"))
        throw domain::ValidationError("fields.score", "is pre or post");
    if (score && (*score < 0.0 || *score > 100.0))
        throw domain::ValidationError("fields." + which.toStdString() + "_score",
                                      "is between 0 and 100");
    replica_.update("enrolment", enrolmentId.toStdString(),
                    {{which.toStdString() + "_score", real(score)}});
    emit changed(QStringLiteral("enrolment"));
}

void TrainingManager::setCertifiedTrainer(const QString& enrolmentId, bool certified) {
    replica_.update("enrolment", enrolmentId.toStdString(),
                    {{"certified_trainer", Value(certified ? 1 : 0)}});
    emit changed(QStringLiteral("enrolment"));
}

void TrainingManager::setTrainedBy(const QString& enrolmentId, const QString& personId) {
    replica_.update("enrolment", enrolmentId.toStdString(),
                    {{"trained_by_person_id", text(personId)}});
    emit changed(QStringLiteral("enrolment"));
}

}  // namespace cadre::trainings
