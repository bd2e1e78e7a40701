#include "core/Labels.h"

#include <QLocale>
#include <QVariantMap>

namespace cadre::client {

namespace {

QVariantList choices(const QStringList& values, QString (*label)(const QString&)) {
    QVariantList list;
    for (const QString& v : values) {
        list.append(QVariantMap{{QStringLiteral("value"), v}, {QStringLiteral("label"), label(v)}});
    }
    return list;
}

}  // namespace

QString Labels::missionKind(const QString& kind) {
    if (kind == u"diagnostic")
        return tr("Diagnostic");
    if (kind == u"self_assessment")
        return tr("Self-assessment");
    if (kind == u"tailored_support")
        return tr("Tailored support");
    if (kind == u"study_visit")
        return tr("Study visit");
    if (kind == u"follow_up")
        return tr("Follow-up");
    return kind;
}

QString Labels::missionStatus(const QString& status) {
    if (status == u"planned")
        return tr("Planned");
    if (status == u"in_progress")
        return tr("In progress");
    if (status == u"completed")
        return tr("Completed");
    if (status == u"cancelled")
        return tr("Cancelled");
    return status;
}

QString Labels::reviewState(const QString& state) {
    if (state == u"draft")
        return tr("Draft");
    if (state == u"submitted")
        return tr("Submitted for review");
    if (state == u"has_issues")
        return tr("Has issues");
    if (state == u"approved")
        return tr("Approved");
    return state;
}

QString Labels::maturity(int level) {
    switch (level) {
        case 0:
            return tr("0 · Not started");
        case 1:
            return tr("1 · Initial");
        case 2:
            return tr("2 · Partial");
        case 3:
            return tr("3 · Substantial");
        case 4:
            return tr("4 · Full");
        default:
            return tr("Not judged yet");
    }
}

QString Labels::maturityHint(int level) {
    switch (level) {
        case 0:
            return tr("Nothing in place yet");
        case 1:
            return tr("First steps taken, mostly ad hoc");
        case 2:
            return tr("Partly in place, important gaps remain");
        case 3:
            return tr("Largely in place, minor gaps");
        case 4:
            return tr("Fully implemented and applied");
        default:
            return QString();
    }
}

QString Labels::priority(const QString& priority) {
    if (priority == u"high")
        return tr("High");
    if (priority == u"medium")
        return tr("Medium");
    if (priority == u"low")
        return tr("Low");
    return tr("Not set");
}

QString Labels::teamRole(const QString& role) {
    if (role == u"lead_expert")
        return tr("Lead expert");
    if (role == u"expert")
        return tr("Expert");
    if (role == u"observer")
        return tr("Observer");
    if (role == u"counterpart")
        return tr("Counterpart");
    return role;
}

QString Labels::field(const QString& column) {
    if (column == u"title")
        return tr("Title");
    if (column == u"kind")
        return tr("Kind");
    if (column == u"member_id")
        return tr("Member");
    if (column == u"starts_on")
        return tr("Start date");
    if (column == u"ends_on")
        return tr("End date");
    if (column == u"status")
        return tr("Status");
    if (column == u"economic_context")
        return tr("Economic context");
    if (column == u"ecommerce_context")
        return tr("E-commerce context");
    if (column == u"maturity")
        return tr("Maturity");
    if (column == u"current_state")
        return tr("Current state");
    if (column == u"gaps")
        return tr("Gaps");
    if (column == u"legal_amendments")
        return tr("Legal and regulatory amendments");
    if (column == u"msme_needs")
        return tr("MSME needs");
    if (column == u"recommendations")
        return tr("Recommendations");
    if (column == u"national_priority")
        return tr("Priority");
    if (column == u"caption")
        return tr("Caption");
    if (column == u"family_name")
        return tr("Family name");
    if (column == u"given_names")
        return tr("Given names");
    if (column == u"organisation")
        return tr("Organisation");
    return column;
}

QVariantList Labels::missionKinds() {
    return choices({QStringLiteral("diagnostic"), QStringLiteral("self_assessment"),
                    QStringLiteral("tailored_support"), QStringLiteral("study_visit"),
                    QStringLiteral("follow_up")},
                   &Labels::missionKind);
}

QVariantList Labels::missionStatuses() {
    return choices({QStringLiteral("planned"), QStringLiteral("in_progress"),
                    QStringLiteral("completed"), QStringLiteral("cancelled")},
                   &Labels::missionStatus);
}

QVariantList Labels::priorities() {
    return choices(
        {QString(), QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low")},
        &Labels::priority);
}

QVariantList Labels::teamRoles() {
    return choices({QStringLiteral("lead_expert"), QStringLiteral("expert"),
                    QStringLiteral("observer"), QStringLiteral("counterpart")},
                   &Labels::teamRole);
}

bool preferFrench() {
    return QLocale().language() == QLocale::French;
}

QString localized(const QString& english, const QString& french) {
    return preferFrench() && !french.isEmpty() ? french : english;
}

}  // namespace cadre::client
