// PersonSearchModel: people already known to the replica, searched by name or organisation.
#include "PersonSearchModel.h"

namespace cadre::trainings {

PersonSearchModel::PersonSearchModel(TrainingManager& manager, QObject* parent)
    : RowListModel(parent), manager_(manager) {
    connect(&manager_, &TrainingManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("person") || table == QLatin1String("enrolment"))
            reload();
    });
    reload();
}

QVariant PersonSearchModel::data(const QModelIndex& index, int role) const {
    const PersonInfo* p = rowAt(index);
    if (!p)
        return {};
    switch (role) {
        case Qt::DisplayRole:
        case DisplayNameRole:
            return p->displayName();
        case IdRole:
            return p->id;
        case OrganisationRole:
            return p->organisation;
        case MemberNameRole:
            return p->memberName;
        case EmailRole:
            return p->email;
        case EnrolledRole:
            return enrolled_.contains(p->id);
        default:
            return {};
    }
}

QHash<int, QByteArray> PersonSearchModel::roleNames() const {
    return {{IdRole, "personId"},
            {DisplayNameRole, "displayName"},
            {OrganisationRole, "organisation"},
            {MemberNameRole, "memberName"},
            {EmailRole, "email"},
            {EnrolledRole, "enrolled"}};
}

void PersonSearchModel::setQuery(const QString& query) {
    if (query == query_)
        return;
    query_ = query;
    emit queryChanged();
    reload();
}

void PersonSearchModel::setTrainingId(const QString& id) {
    if (id == trainingId_)
        return;
    trainingId_ = id;
    emit trainingIdChanged();
    reload();
}

void PersonSearchModel::reload() {
    QSet<QString> enrolled;
    if (!trainingId_.isEmpty())
        for (const auto& e : manager_.roster(trainingId_))
            enrolled.insert(e.person.id);
    const bool enrolmentChanged = enrolled != enrolled_;
    enrolled_ = std::move(enrolled);
    const bool reset = setRows(manager_.searchPeople(query_, kLimit));
    if (reset)
        emit countChanged();
    else if (enrolmentChanged && rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1), {EnrolledRole});
}

}  // namespace cadre::trainings
