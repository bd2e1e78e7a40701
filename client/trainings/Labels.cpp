// Labels: the translated names of the trainings' enumerations.
#include "Labels.h"

#include <QLocale>

namespace cadre::trainings {

QStringList Labels::trainingKinds() {
    return {QStringLiteral("training_of_trainers"),
            QStringLiteral("field_training_of_experts"),
            QStringLiteral("e_learning"),
            QStringLiteral("seminar"),
            QStringLiteral("regional_workshop"),
            QStringLiteral("study_visit"),
            QStringLiteral("conference")};
}

QString Labels::trainingKind(const QString& kind) {
    if (kind == QLatin1String("training_of_trainers"))
        return tr("Training of trainers");
    if (kind == QLatin1String("field_training_of_experts"))
        return tr("Field training of experts");
    if (kind == QLatin1String("e_learning"))
        return tr("E-learning");
    if (kind == QLatin1String("seminar"))
        return tr("Seminar");
    if (kind == QLatin1String("regional_workshop"))
        return tr("Regional workshop");
    if (kind == QLatin1String("study_visit"))
        return tr("Study visit");
    if (kind == QLatin1String("conference"))
        return tr("Conference");
    return kind;
}

QStringList Labels::trainingStatuses() {
    return {QStringLiteral("planned"), QStringLiteral("ongoing"), QStringLiteral("completed"),
            QStringLiteral("cancelled")};
}

QString Labels::trainingStatus(const QString& status) {
    if (status == QLatin1String("planned"))
        return tr("Planned");
    if (status == QLatin1String("ongoing"))
        return tr("Ongoing");
    if (status == QLatin1String("completed"))
        return tr("Completed");
    if (status == QLatin1String("cancelled"))
        return tr("Cancelled");
    return status;
}

QStringList Labels::sessionParts() {
    return {QStringLiteral("full_day"), QStringLiteral("morning"), QStringLiteral("afternoon")};
}

QString Labels::sessionPart(const QString& part) {
    if (part == QLatin1String("full_day"))
        return tr("Full day");
    if (part == QLatin1String("morning"))
        return tr("Morning");
    if (part == QLatin1String("afternoon"))
        return tr("Afternoon");
    return part;
}

QStringList Labels::attendanceStatuses() {
    return {QStringLiteral("present"), QStringLiteral("late"), QStringLiteral("excused"),
            QStringLiteral("absent")};
}

QString Labels::attendanceStatus(const QString& status) {
    if (status == QLatin1String("present"))
        return tr("Present");
    if (status == QLatin1String("late"))
        return tr("Late");
    if (status == QLatin1String("excused"))
        return tr("Excused");
    if (status == QLatin1String("absent"))
        return tr("Absent");
    return status;
}

QString Labels::attendanceKey(const QString& status) {
    if (status == QLatin1String("present"))
        return tr("P", "key and mark for present");
    if (status == QLatin1String("late"))
        return tr("L", "key and mark for late");
    if (status == QLatin1String("excused"))
        return tr("E", "key and mark for excused");
    if (status == QLatin1String("absent"))
        return tr("A", "key and mark for absent");
    return QString();
}

QString Labels::trainerRole(const QString& role) {
    if (role == QLatin1String("lead"))
        return tr("Lead trainer");
    if (role == QLatin1String("co_trainer"))
        return tr("Co-trainer");
    return role;
}

QString Labels::gender(const QString& gender) {
    if (gender == QLatin1String("female"))
        return tr("Female");
    if (gender == QLatin1String("male"))
        return tr("Male");
    if (gender == QLatin1String("other"))
        return tr("Other");
    if (gender == QLatin1String("undisclosed"))
        return tr("Prefers not to say");
    return gender;
}

QString Labels::date(const QDate& d) {
    return d.isValid() ? QLocale().toString(d, QStringLiteral("d MMM yyyy")) : QString();
}

QString Labels::sessionDate(const QDate& d) {
    return d.isValid() ? QLocale().toString(d, QStringLiteral("ddd d MMM")) : QString();
}

QString Labels::dateSpan(const QDate& from, const QDate& to) {
    if (!from.isValid() && !to.isValid())
        return QString();
    if (!to.isValid() || from == to)
        return date(from.isValid() ? from : to);
    if (!from.isValid())
        return date(to);
    //: a span of dates, e.g. "01/12/2026 – 05/12/2026"
    return tr("%1 – %2").arg(date(from), date(to));
}

QDate Labels::parseDate(const QString& text) {
    const QString t = text.trimmed();
    QDate d = QDate::fromString(t, Qt::ISODate);
    if (!d.isValid())
        d = QLocale().toDate(t, QLocale::ShortFormat);
    if (!d.isValid())
        d = QLocale().toDate(t, QStringLiteral("d MMM yyyy"));
    if (d.isValid() && d.year() < 100)
        d = d.addYears(2000);
    return d;
}

bool Labels::parseNumber(const QString& text, double& out) {
    bool ok = false;
    out = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        out = QLocale::c().toDouble(text.trimmed(), &ok);
    return ok;
}

}  // namespace cadre::trainings
