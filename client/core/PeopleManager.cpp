#include "core/PeopleManager.h"

#include "core/Convert.h"
#include "replica/Replica.h"

namespace cadre::client {

using replica::Statement;

QString PersonRow::displayName() const {
    return givenNames.isEmpty() ? familyName : givenNames + QLatin1Char(' ') + familyName;
}

PeopleManager::PeopleManager(replica::Replica& replica, QObject* parent)
    : QObject(parent), replica_(replica) {}

QVector<PersonRow> PeopleManager::search(const QString& text, int limit) {
    Statement st(replica_.database(),
                 "SELECT id, family_name, given_names, organisation, email FROM person "
                 "WHERE deleted = 0 AND (?1 = '' OR family_name LIKE ?2 OR given_names LIKE ?2 "
                 "OR organisation LIKE ?2 OR email LIKE ?2) "
                 "ORDER BY family_name, given_names LIMIT ?3");
    const QString needle = text.trimmed();
    st.bind(1, toStd(needle));
    st.bind(2, toStd(QLatin1Char('%') + needle + QLatin1Char('%')));
    st.bind(3, static_cast<std::int64_t>(limit));
    QVector<PersonRow> out;
    auto col = [&](int c) { return st.isNull(c) ? QString() : toQ(st.text(c)); };
    while (st.step()) {
        out.append({col(0), col(1), col(2), col(3), col(4)});
    }
    return out;
}

QString PeopleManager::addPerson(const QString& familyName, const QString& givenNames,
                                 const QString& organisation) {
    const QString id = toQ(replica_.insert("person", {{"family_name", toValue(familyName)},
                                                      {"given_names", toValue(givenNames)},
                                                      {"organisation", toValue(organisation)}}));
    emit changed(QStringLiteral("person"));
    return id;
}

}  // namespace cadre::client
