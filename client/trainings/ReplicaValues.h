// ReplicaValues: conversions between Qt values and the replica's Values and statement columns.
#pragma once

#include <QDate>
#include <QString>

#include <optional>
#include <string>

#include "TrainingRecords.h"
#include "domain/Value.h"
#include "replica/Database.h"

namespace cadre::trainings::values {

/// Text, or NULL for an empty string.
inline Value text(const QString& s) {
    const QString t = s.trimmed();
    return t.isEmpty() ? Value() : Value(t.toStdString());
}
/// "YYYY-MM-DD", or NULL for an invalid date.
inline Value date(const QDate& d) {
    return d.isValid() ? Value(d.toString(Qt::ISODate).toStdString()) : Value();
}
inline Value real(std::optional<double> v) {
    return v ? Value(*v) : Value();
}
inline std::string id(const QString& s) {
    return s.toStdString();
}

/// Column `c` of the current row as a QString (empty for NULL).
inline QString str(const replica::Statement& st, int c) {
    return st.isNull(c) ? QString() : QString::fromStdString(st.text(c));
}
inline QDate dateAt(const replica::Statement& st, int c) {
    return st.isNull(c) ? QDate() : QDate::fromString(str(st, c), Qt::ISODate);
}
inline std::optional<double> realAt(const replica::Statement& st, int c) {
    if (st.isNull(c))
        return std::nullopt;
    return st.real(c);
}
inline int intAt(const replica::Statement& st, int c) {
    return st.isNull(c) ? 0 : static_cast<int>(st.integer(c));
}

/// The text to bind for a LIKE search of `s`: "%s%", with % _ and \ escaped (ESCAPE '\').
inline std::string likePattern(const QString& s) {
    QString e = s.trimmed();
    e.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return (QLatin1Char('%') + e + QLatin1Char('%')).toStdString();
}

/// The person columns readPerson() expects, for a query joining `person p` and `member m`
/// (LEFT JOIN member m ON m.id = p.member_id); ?N picks the Member's name (1: French).
#define CADRE_PERSON_COLUMNS(langParam)                                          \
    "p.id, p.family_name, p.given_names, p.organisation, p.email, p.member_id, " \
    "CASE " langParam " WHEN 1 THEN m.name_fr ELSE m.name_en END, p.gender"
inline constexpr int kPersonColumnCount = 8;

/// Reads the CADRE_PERSON_COLUMNS starting at column `first`.
inline PersonInfo readPerson(const replica::Statement& st, int first) {
    PersonInfo p;
    p.id = str(st, first);
    p.familyName = str(st, first + 1);
    p.givenNames = str(st, first + 2);
    p.organisation = str(st, first + 3);
    p.email = str(st, first + 4);
    p.memberId = str(st, first + 5);
    p.memberName = str(st, first + 6);
    p.gender = str(st, first + 7);
    return p;
}

}  // namespace cadre::trainings::values
