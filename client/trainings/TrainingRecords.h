// TrainingRecords: the plain values the trainings Manager reads from and writes to the replica.
#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace cadre::trainings {

/// What the trainings list shows and filters on. Empty strings mean "any".
struct TrainingFilter {
    QString kind;
    QString status;
    QString search;  ///< matched against title, venue and the Member's names
};

/// A training as edited in its form (columns of `training`).
struct TrainingFields {
    QString kind = QStringLiteral("training_of_trainers");
    QString title;
    QString editionId;
    QString memberId;
    QString regionId;
    QString venue;
    QDate startsOn;
    QDate endsOn;
    QString status = QStringLiteral("planned");
    friend bool operator==(const TrainingFields&, const TrainingFields&) = default;
};

/// One row of the trainings list.
struct TrainingSummary {
    QString id;
    TrainingFields fields;
    QString memberName;  ///< the Member's name in the UI language, or the region's
    int participantCount = 0;
    int sessionCount = 0;
    friend bool operator==(const TrainingSummary&, const TrainingSummary&) = default;
};

/// One day or half-day of a training.
struct SessionInfo {
    QString id;
    QDate heldOn;
    QString part;  ///< full_day, morning, afternoon
    QString topic;
    friend bool operator==(const SessionInfo&, const SessionInfo&) = default;
};

/// A person already known to the replica.
struct PersonInfo {
    QString id;
    QString familyName;
    QString givenNames;
    QString organisation;
    QString email;
    QString memberId;
    QString memberName;
    QString gender;
    [[nodiscard]] QString displayName() const {
        return givenNames.isEmpty() ? familyName : givenNames + QLatin1Char(' ') + familyName;
    }
    friend bool operator==(const PersonInfo&, const PersonInfo&) = default;
};

/// A participant of a training (an `enrolment` with the person's names).
struct EnrolmentInfo {
    QString id;
    PersonInfo person;
    std::optional<double> preScore;
    std::optional<double> postScore;
    bool certifiedTrainer = false;
    QString trainedById;
    QString trainedByName;
    friend bool operator==(const EnrolmentInfo&, const EnrolmentInfo&) = default;
};

/// Someone who trains in a training (`training_trainer`).
struct TrainerInfo {
    QString id;
    PersonInfo person;
    QString role;  ///< lead, co_trainer
    friend bool operator==(const TrainerInfo&, const TrainerInfo&) = default;
};

/// A standard of the training's catalogue edition and whether the training covers it.
struct StandardChoice {
    QString id;
    int number = 0;
    QString title;
    bool covered = false;
    friend bool operator==(const StandardChoice&, const StandardChoice&) = default;
};

/// A Member or a region, for choosing where a training is held.
struct PlaceChoice {
    QString id;
    QString name;
    friend bool operator==(const PlaceChoice&, const PlaceChoice&) = default;
};

}  // namespace cadre::trainings
