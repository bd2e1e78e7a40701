// Labels: the translated names of the trainings' enumerations (kind, status, part, attendance).
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

namespace cadre::trainings {

class Labels {
    Q_DECLARE_TR_FUNCTIONS(Labels)

  public:
    [[nodiscard]] static QStringList trainingKinds();
    [[nodiscard]] static QString trainingKind(const QString& kind);
    [[nodiscard]] static QStringList trainingStatuses();
    [[nodiscard]] static QString trainingStatus(const QString& status);
    [[nodiscard]] static QStringList sessionParts();
    [[nodiscard]] static QString sessionPart(const QString& part);
    [[nodiscard]] static QStringList attendanceStatuses();
    [[nodiscard]] static QString attendanceStatus(const QString& status);
    /// The one-letter key of an attendance status in the UI language (P, L, E, A in English).
    [[nodiscard]] static QString attendanceKey(const QString& status);
    [[nodiscard]] static QString trainerRole(const QString& role);
    [[nodiscard]] static QString gender(const QString& gender);
    /// "1 Dec 2026", in the UI locale.
    [[nodiscard]] static QString date(const QDate& d);
    /// "Mon 1 Dec", in the UI locale (session headers).
    [[nodiscard]] static QString sessionDate(const QDate& d);
    /// "1–5 Dec 2026"-like span, in the UI locale; empty when neither date is known.
    [[nodiscard]] static QString dateSpan(const QDate& from, const QDate& to);
    /// A date typed by the user: "YYYY-MM-DD" or the locale's short or "d MMM yyyy" format.
    /// An invalid QDate when it is none of those.
    [[nodiscard]] static QDate parseDate(const QString& text);
    /// A number typed by the user, in the locale or with a dot; nullopt-like NaN on failure.
    [[nodiscard]] static bool parseNumber(const QString& text, double& out);
};

}  // namespace cadre::trainings
