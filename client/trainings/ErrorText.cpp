// ErrorText: turns the replica's exceptions into a translated message for the user.
#include "ErrorText.h"

#include <QStringList>

#include "domain/Validation.h"
#include "replica/Replica.h"

namespace cadre::trainings {

QString ErrorText::fieldLabel(const QString& field) {
    const QString f = field.section(QLatin1Char('.'), -1);
    if (f == QLatin1String("title"))
        return tr("Title");
    if (f == QLatin1String("kind"))
        return tr("Kind");
    if (f == QLatin1String("status"))
        return tr("Status");
    if (f == QLatin1String("venue"))
        return tr("Venue");
    if (f == QLatin1String("starts_on"))
        return tr("Start date");
    if (f == QLatin1String("ends_on"))
        return tr("End date");
    if (f == QLatin1String("held_on"))
        return tr("Session date");
    if (f == QLatin1String("part"))
        return tr("Part of day");
    if (f == QLatin1String("topic"))
        return tr("Topic");
    if (f == QLatin1String("family_name"))
        return tr("Family name");
    if (f == QLatin1String("given_names"))
        return tr("Given names");
    if (f == QLatin1String("email"))
        return tr("Email");
    if (f == QLatin1String("organisation"))
        return tr("Organisation");
    if (f == QLatin1String("pre_score"))
        return tr("Pre-test score");
    if (f == QLatin1String("post_score"))
        return tr("Post-test score");
    if (f == QLatin1String("score"))
        return tr("Score");
    if (f == QLatin1String("trained_by_person_id"))
        return tr("Trained by");
    if (f == QLatin1String("member_id"))
        return tr("Member");
    if (f == QLatin1String("region_id"))
        return tr("Region");
    return f;
}

QString ErrorText::reason(const QString& reason) {
    if (reason.startsWith(QLatin1String("is required")))
        return tr("is required");
    if (reason.contains(QLatin1String("before starts_on")))
        return tr("is before the start date");
    if (reason.contains(QLatin1String("between 0 and 100")) ||
        reason.contains(QLatin1String("below the minimum")) ||
        reason.contains(QLatin1String("above the maximum")))
        return tr("must be between 0 and 100");
    if (reason.contains(QLatin1String("characters long")))
        return tr("is too long");
    if (reason.contains(QLatin1String("not a date")))
        return tr("is not a valid date");
    if (reason.contains(QLatin1String("not one of")))
        return tr("must be chosen from the list");
    return tr("is not valid (%1)").arg(reason);
}

QString ErrorText::describe(const std::exception& error) {
    if (const auto* v = dynamic_cast<const domain::ValidationError*>(&error)) {
        QStringList parts;
        for (const auto& issue : v->issues())
            parts << tr("%1 %2").arg(fieldLabel(QString::fromStdString(issue.field)),
                                     reason(QString::fromStdString(issue.reason)));
        return parts.join(QLatin1String("; "));
    }
    if (const auto* w = dynamic_cast<const replica::WriteRefused*>(&error)) {
        const QString what = QString::fromUtf8(w->what());
        if (what.startsWith(QLatin1String("training_session")) &&
            what.endsWith(QLatin1String("already exists")))
            return tr("A session is already planned for that day and part of the day.");
        if (what.contains(QLatin1String("is deleted")) ||
            what.contains(QLatin1String("does not exist")))
            return tr("This record was deleted, perhaps on another device. Reload and try again.");
        return tr("This change is not allowed: %1").arg(what);
    }
    if (dynamic_cast<const replica::DatabaseError*>(&error))
        return tr("The local database could not save this change: %1")
            .arg(QString::fromUtf8(error.what()));
    return tr("Unexpected error: %1").arg(QString::fromUtf8(error.what()));
}

}  // namespace cadre::trainings
