#include "sync/FieldLabels.h"

#include <QCoreApplication>
#include <map>

namespace cadre::client {

namespace {

const char* const kContext = "FieldLabels";

}  // namespace

QString fieldLabel(const QString& table, const QString& column) {
    static const std::map<QString, const char*> labels = {
        {QStringLiteral("deleted"), QT_TRANSLATE_NOOP("FieldLabels", "Deleted")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("FieldLabels", "Title")},
        {QStringLiteral("kind"), QT_TRANSLATE_NOOP("FieldLabels", "Kind")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("FieldLabels", "Status")},
        {QStringLiteral("review_state"), QT_TRANSLATE_NOOP("FieldLabels", "Review state")},
        {QStringLiteral("starts_on"), QT_TRANSLATE_NOOP("FieldLabels", "Start date")},
        {QStringLiteral("ends_on"), QT_TRANSLATE_NOOP("FieldLabels", "End date")},
        {QStringLiteral("member_id"), QT_TRANSLATE_NOOP("FieldLabels", "Member")},
        {QStringLiteral("economic_context"), QT_TRANSLATE_NOOP("FieldLabels", "Economic context")},
        {QStringLiteral("ecommerce_context"),
         QT_TRANSLATE_NOOP("FieldLabels", "E-commerce context")},
        {QStringLiteral("maturity"), QT_TRANSLATE_NOOP("FieldLabels", "Maturity level")},
        {QStringLiteral("current_state"), QT_TRANSLATE_NOOP("FieldLabels", "Current state")},
        {QStringLiteral("gaps"), QT_TRANSLATE_NOOP("FieldLabels", "Gaps")},
        {QStringLiteral("legal_amendments"),
         QT_TRANSLATE_NOOP("FieldLabels", "Legal and regulatory amendments")},
        {QStringLiteral("msme_needs"), QT_TRANSLATE_NOOP("FieldLabels", "MSME needs")},
        {QStringLiteral("recommendations"), QT_TRANSLATE_NOOP("FieldLabels", "Recommendations")},
        {QStringLiteral("national_priority"), QT_TRANSLATE_NOOP("FieldLabels", "Priority")},
        {QStringLiteral("venue"), QT_TRANSLATE_NOOP("FieldLabels", "Venue")},
        {QStringLiteral("note"), QT_TRANSLATE_NOOP("FieldLabels", "Note")},
        {QStringLiteral("caption"), QT_TRANSLATE_NOOP("FieldLabels", "Caption")},
        {QStringLiteral("pre_score"), QT_TRANSLATE_NOOP("FieldLabels", "Pre-test score")},
        {QStringLiteral("post_score"), QT_TRANSLATE_NOOP("FieldLabels", "Post-test score")},
        {QStringLiteral("family_name"), QT_TRANSLATE_NOOP("FieldLabels", "Family name")},
        {QStringLiteral("given_names"), QT_TRANSLATE_NOOP("FieldLabels", "Given names")},
        {QStringLiteral("body"), QT_TRANSLATE_NOOP("FieldLabels", "Comment")},
    };
    Q_UNUSED(table)
    const auto it = labels.find(column);
    return it == labels.end() ? column : QCoreApplication::translate(kContext, it->second);
}

QString tableLabel(const QString& table) {
    static const std::map<QString, const char*> labels = {
        {QStringLiteral("mission"), QT_TRANSLATE_NOOP("FieldLabels", "Mission")},
        {QStringLiteral("mission_member"), QT_TRANSLATE_NOOP("FieldLabels", "Mission team")},
        {QStringLiteral("observation"), QT_TRANSLATE_NOOP("FieldLabels", "Observation")},
        {QStringLiteral("action_step"), QT_TRANSLATE_NOOP("FieldLabels", "Action plan step")},
        {QStringLiteral("training"), QT_TRANSLATE_NOOP("FieldLabels", "Training")},
        {QStringLiteral("training_session"), QT_TRANSLATE_NOOP("FieldLabels", "Session")},
        {QStringLiteral("training_trainer"), QT_TRANSLATE_NOOP("FieldLabels", "Trainer")},
        {QStringLiteral("training_standard"), QT_TRANSLATE_NOOP("FieldLabels", "Standard covered")},
        {QStringLiteral("enrolment"), QT_TRANSLATE_NOOP("FieldLabels", "Participant")},
        {QStringLiteral("attendance"), QT_TRANSLATE_NOOP("FieldLabels", "Attendance")},
        {QStringLiteral("attachment"), QT_TRANSLATE_NOOP("FieldLabels", "Attachment")},
        {QStringLiteral("person"), QT_TRANSLATE_NOOP("FieldLabels", "Person")},
        {QStringLiteral("review_comment"), QT_TRANSLATE_NOOP("FieldLabels", "Review comment")},
    };
    const auto it = labels.find(table);
    return it == labels.end() ? table : QCoreApplication::translate(kContext, it->second);
}

}  // namespace cadre::client
