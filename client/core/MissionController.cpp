#include "core/MissionController.h"

#include "core/ErrorText.h"
#include "core/Labels.h"
#include "core/Tuning.h"

#include <utility>

namespace cadre::client {

MissionController::MissionController(MissionManager& missions, ReferenceManager& references,
                                     PeopleManager& people, QObject* parent)
    : QObject(parent),
      missions_(missions),
      references_(references),
      peopleManager_(people),
      list_(missions),
      memberFilter_(references, true),
      memberChoices_(references, false),
      people_(people),
      team_(missions),
      standards_(missions, references) {
    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(kAutosaveDelayMs);
    connect(&saveTimer_, &QTimer::timeout, this, &MissionController::flush);
    connect(&missions_, &MissionManager::changed, this, [this](const QString& table) {
        if (table == QLatin1String("observation") || table == QLatin1String("*")) {
            updateProgress();
        }
    });
}

QVariantList MissionController::kinds() const {
    return Labels::missionKinds();
}
QVariantList MissionController::statuses() const {
    return Labels::missionStatuses();
}
QVariantList MissionController::roles() const {
    return Labels::teamRoles();
}

bool MissionController::editable() const {
    const QString state = current_.value(QStringLiteral("reviewState")).toString();
    return !currentId_.isEmpty() && state != QLatin1String("approved");
}

double MissionController::progress() const {
    return standardCount_ > 0 ? static_cast<double>(observed_) / standardCount_ : 0.0;
}

bool MissionController::report(const QString& message) {
    if (message != errorText_) {
        errorText_ = message;
        emit errorTextChanged();
    }
    if (!message.isEmpty()) {
        emit error(message);
    }
    return message.isEmpty();
}

void MissionController::clearError() {
    report(QString());
}

QString MissionController::createMission(const QString& kind, const QString& memberId,
                                         const QString& title, const QString& startsOn,
                                         const QString& endsOn) {
    if (title.trimmed().isEmpty()) {
        report(tr("Give the mission a title."));
        return {};
    }
    if (memberId.isEmpty()) {
        report(tr("Choose the Member the mission goes to."));
        return {};
    }
    QString id;
    const QString message = attempt([&] {
        MissionDraft draft{kind, memberId, title.trimmed(), startsOn.trimmed(), endsOn.trimmed()};
        id = missions_.createMission(draft, references_.currentEditionId());
    });
    if (!report(message)) {
        return {};
    }
    open(id);
    return id;
}

void MissionController::open(const QString& missionId) {
    flush();
    currentId_ = missionId;
    team_.setMissionId(missionId);
    standards_.setMissionId(missionId);
    readCurrent();
    updateProgress();
}

void MissionController::readCurrent() {
    current_.clear();
    if (!currentId_.isEmpty()) {
        const MissionRow r = missions_.mission(currentId_);
        current_ = {{QStringLiteral("id"), r.id},
                    {QStringLiteral("title"), r.title},
                    {QStringLiteral("kind"), r.kind},
                    {QStringLiteral("kindLabel"), Labels::missionKind(r.kind)},
                    {QStringLiteral("memberId"), r.memberId},
                    {QStringLiteral("memberName"), localized(r.memberEn, r.memberFr)},
                    {QStringLiteral("startsOn"), r.startsOn},
                    {QStringLiteral("endsOn"), r.endsOn},
                    {QStringLiteral("dates"), formatDateRange(r.startsOn, r.endsOn)},
                    {QStringLiteral("status"), r.status},
                    {QStringLiteral("statusLabel"), Labels::missionStatus(r.status)},
                    {QStringLiteral("reviewState"), r.reviewState},
                    {QStringLiteral("reviewLabel"), Labels::reviewState(r.reviewState)},
                    {QStringLiteral("economicContext"), r.economicContext},
                    {QStringLiteral("ecommerceContext"), r.ecommerceContext}};
    }
    emit currentChanged();
}

void MissionController::updateProgress() {
    const MissionRow r = currentId_.isEmpty() ? MissionRow{} : missions_.mission(currentId_);
    observed_ = r.observed;
    standardCount_ = r.standards;
    emit progressChanged();
}

void MissionController::setField(const QString& column, const QVariant& value) {
    if (currentId_.isEmpty()) {
        return;
    }
    pending_.insert(column, value);
    saveTimer_.start();
}

void MissionController::flush() {
    saveTimer_.stop();
    if (pending_.isEmpty() || currentId_.isEmpty()) {
        pending_.clear();
        return;
    }
    const QVariantMap values = std::exchange(pending_, {});
    report(attempt([&] { missions_.setMissionFields(currentId_, values); }));
    // Labels shown elsewhere on the page (kind, status, dates) follow the edit.
    const bool relabel =
        values.contains(QStringLiteral("kind")) || values.contains(QStringLiteral("status")) ||
        values.contains(QStringLiteral("member_id")) ||
        values.contains(QStringLiteral("starts_on")) || values.contains(QStringLiteral("ends_on"));
    if (relabel) {
        readCurrent();
    }
}

bool MissionController::submitForReview() {
    flush();
    if (currentId_.isEmpty()) {
        return false;
    }
    const bool ok = report(attempt([&] { missions_.submitForReview(currentId_); }));
    readCurrent();
    return ok;
}

bool MissionController::addTeamMember(const QString& personId, const QString& role) {
    if (currentId_.isEmpty() || personId.isEmpty()) {
        return false;
    }
    return report(attempt([&] { missions_.addTeamMember(currentId_, personId, role); }));
}

bool MissionController::addNewPerson(const QString& familyName, const QString& givenNames,
                                     const QString& organisation, const QString& role) {
    if (familyName.trimmed().isEmpty()) {
        return report(tr("Enter at least the family name."));
    }
    return report(attempt([&] {
        const QString personId = peopleManager_.addPerson(
            familyName.trimmed(), givenNames.trimmed(), organisation.trimmed());
        missions_.addTeamMember(currentId_, personId, role);
    }));
}

void MissionController::removeTeamMember(const QString& missionMemberId) {
    report(attempt([&] { missions_.removeTeamMember(missionMemberId); }));
}

void MissionController::refresh() {
    emit labelsChanged();
    list_.reload();
    memberFilter_.reload();
    memberChoices_.reload();
    team_.reload();
    standards_.reload();
    if (pending_.isEmpty()) {
        readCurrent();
    }
    updateProgress();
}

}  // namespace cadre::client
