// RosterModel: the participants of one training, with scores, certification and trained-by.
#include "RosterModel.h"

#include <QLocale>

namespace cadre::trainings {

namespace {
QVariant score(const std::optional<double>& s) {
    return s ? QVariant(*s) : QVariant();
}
QString scoreText(const std::optional<double>& s) {
    return s ? QLocale().toString(*s, 'g', 4) : QString();
}
}  // namespace

RosterModel::RosterModel(TrainingManager& manager, QObject* parent)
    : RowListModel(parent), manager_(manager) {
    connect(&manager_, &TrainingManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("enrolment") || table == QLatin1String("person"))
            reload();
    });
}

QVariant RosterModel::data(const QModelIndex& index, int role) const {
    const EnrolmentInfo* e = rowAt(index);
    if (!e)
        return {};
    switch (role) {
        case Qt::DisplayRole:
        case DisplayNameRole:
            return e->person.displayName();
        case IdRole:
            return e->id;
        case PersonIdRole:
            return e->person.id;
        case FamilyNameRole:
            return e->person.familyName;
        case GivenNamesRole:
            return e->person.givenNames;
        case OrganisationRole:
            return e->person.organisation;
        case MemberNameRole:
            return e->person.memberName;
        case PreScoreRole:
            return score(e->preScore);
        case PostScoreRole:
            return score(e->postScore);
        case PreScoreTextRole:
            return scoreText(e->preScore);
        case PostScoreTextRole:
            return scoreText(e->postScore);
        case CertifiedTrainerRole:
            return e->certifiedTrainer;
        case TrainedByIdRole:
            return e->trainedById;
        case TrainedByNameRole:
            return e->trainedByName;
        default:
            return {};
    }
}

QHash<int, QByteArray> RosterModel::roleNames() const {
    return {{IdRole, "enrolmentId"},
            {PersonIdRole, "personId"},
            {DisplayNameRole, "displayName"},
            {FamilyNameRole, "familyName"},
            {GivenNamesRole, "givenNames"},
            {OrganisationRole, "organisation"},
            {MemberNameRole, "memberName"},
            {PreScoreRole, "preScore"},
            {PostScoreRole, "postScore"},
            {PreScoreTextRole, "preScoreText"},
            {PostScoreTextRole, "postScoreText"},
            {CertifiedTrainerRole, "certifiedTrainer"},
            {TrainedByIdRole, "trainedById"},
            {TrainedByNameRole, "trainedByName"}};
}

void RosterModel::setTrainingId(const QString& id) {
    if (id == trainingId_)
        return;
    trainingId_ = id;
    emit trainingIdChanged();
    reload();
}

int RosterModel::rowOfPerson(const QString& personId) const {
    for (qsizetype i = 0; i < rows().size(); ++i)
        if (rows()[i].person.id == personId)
            return static_cast<int>(i);
    return -1;
}

void RosterModel::reload() {
    if (setRows(trainingId_.isEmpty() ? QList<EnrolmentInfo>{} : manager_.roster(trainingId_)))
        emit countChanged();
}

}  // namespace cadre::trainings
