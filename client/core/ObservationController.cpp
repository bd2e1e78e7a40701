#include "core/ObservationController.h"

#include <utility>

#include "core/ErrorText.h"
#include "core/Labels.h"
#include "core/Tuning.h"

namespace cadre::client {

ObservationController::ObservationController(MissionManager& missions, ReferenceManager& references,
                                             AttachmentManager& attachments, QObject* parent)
    : QObject(parent), missions_(missions), references_(references), evidence_(attachments) {
    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(kAutosaveDelayMs);
    connect(&saveTimer_, &QTimer::timeout, this, &ObservationController::flush);
}

QString ObservationController::reviewLabel() const {
    return exists() ? Labels::reviewState(row_.reviewState) : tr("Not started");
}

QVariantList ObservationController::maturityLevels() const {
    QVariantList levels;
    for (int level = 0; level <= 4; ++level) {
        levels.append(QVariantMap{{QStringLiteral("value"), level},
                                  {QStringLiteral("label"), Labels::maturity(level)},
                                  {QStringLiteral("hint"), Labels::maturityHint(level)}});
    }
    return levels;
}

QVariantList ObservationController::priorities() const {
    return Labels::priorities();
}

void ObservationController::report(const QString& message) {
    if (message != errorText_) {
        errorText_ = message;
        emit errorTextChanged();
    }
}

void ObservationController::open(const QString& missionId, const QString& standardId) {
    flush();
    missionId_ = missionId;
    row_ = {};
    row_.standardId = standardId;
    report(QString());
    read();
}

void ObservationController::close() {
    flush();
    missionId_.clear();
    row_ = {};
    standard_ = {};
    evidence_.setOwner(QString(), QString());
    emit loaded();
}

void ObservationController::read() {
    const QString standardId = row_.standardId;
    row_ = missions_.observation(missionId_, standardId);
    row_.standardId = standardId;
    standard_ = references_.standard(standardId);
    previous_.clear();
    next_.clear();
    const QVector<ObservationRow> all = missions_.observations(missionId_);
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).standardId == standardId) {
            previous_ = i > 0 ? all.at(i - 1).standardId : QString();
            next_ = i + 1 < all.size() ? all.at(i + 1).standardId : QString();
        }
    }
    const QString mission = missionId_;
    evidence_.setOwner(QStringLiteral("observation"), row_.observationId,
                       [this, mission, standardId] {
                           // Not flush(): that would replace this callback while it runs.
                           row_.observationId = missions_.ensureObservation(mission, standardId);
                           row_.reviewState = QStringLiteral("draft");
                           emit loaded();
                           return row_.observationId;
                       });
    emit loaded();
}

void ObservationController::setField(const QString& column, const QVariant& value) {
    if (missionId_.isEmpty()) {
        return;
    }
    const bool wasSaved = saved();
    pending_.insert(column, value);
    // Keep what the editor shows in step with what was typed, so a reload shows the same.
    const QString text = value.toString();
    if (column == QLatin1String("current_state")) {
        row_.currentState = text;
    } else if (column == QLatin1String("gaps")) {
        row_.gaps = text;
    } else if (column == QLatin1String("legal_amendments")) {
        row_.legalAmendments = text;
    } else if (column == QLatin1String("msme_needs")) {
        row_.msmeNeeds = text;
    } else if (column == QLatin1String("recommendations")) {
        row_.recommendations = text;
    } else if (column == QLatin1String("national_priority")) {
        row_.priority = text;
        emit loaded();
    } else if (column == QLatin1String("maturity")) {
        row_.maturity =
            value.isValid() && value.toInt() >= 0 ? QVariant(value.toInt()) : QVariant();
        pending_.insert(column, row_.maturity);
        emit loaded();
    }
    saveTimer_.start();
    if (wasSaved) {
        emit savedChanged();
    }
}

void ObservationController::flush() {
    saveTimer_.stop();
    if (pending_.isEmpty()) {
        return;
    }
    const QVariantMap values = std::exchange(pending_, {});
    const bool created = !exists();
    report(attempt([&] { missions_.setObservationFields(missionId_, row_.standardId, values); }));
    if (created) {
        const ObservationRow fresh = missions_.observation(missionId_, row_.standardId);
        row_.observationId = fresh.observationId;
        row_.reviewState = fresh.reviewState;
        evidence_.setOwner(QStringLiteral("observation"), row_.observationId);
        emit loaded();
    }
    emit savedChanged();
}

void ObservationController::refresh() {
    emit labelsChanged();
    if (!missionId_.isEmpty() && pending_.isEmpty()) {
        read();
    }
}

}  // namespace cadre::client
