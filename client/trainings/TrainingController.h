// TrainingController: the actions of the trainings pages (list, edit form, standards, trainers,
// sessions, roster, scores, ToT cascade) for QML, with validation and translated errors.
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>

#include <exception>
#include <functional>

#include "PersonSearchModel.h"
#include "RosterModel.h"
#include "SessionListModel.h"
#include "TrainingListModel.h"
#include "TrainingManager.h"

namespace cadre::trainings {

class TrainingController : public QObject {
    Q_OBJECT
    Q_PROPERTY(cadre::trainings::TrainingListModel* trainings READ trainings CONSTANT)
    Q_PROPERTY(cadre::trainings::SessionListModel* sessions READ sessions CONSTANT)
    Q_PROPERTY(cadre::trainings::RosterModel* roster READ roster CONSTANT)
    Q_PROPERTY(cadre::trainings::PersonSearchModel* people READ people CONSTANT)
    Q_PROPERTY(QString trainingId READ trainingId NOTIFY trainingIdChanged)
    /// The open training's fields: kind, title, memberId, regionId, venue, startsOn, endsOn
    /// (ISO dates), status, and kindLabel, statusLabel, place, dates for display.
    Q_PROPERTY(QVariantMap form READ form NOTIFY formChanged)
    Q_PROPERTY(QVariantList standards READ standards NOTIFY standardsChanged)
    Q_PROPERTY(QVariantList trainers READ trainers NOTIFY trainersChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    Q_PROPERTY(QVariantList kindOptions READ kindOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList statusOptions READ statusOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList partOptions READ partOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList memberOptions READ memberOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList regionOptions READ regionOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList trainerRoleOptions READ trainerRoleOptions NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList genderOptions READ genderOptions NOTIFY optionsChanged)

  public:
    /// How long an edited field waits for more typing before it is written.
    static constexpr int kSaveDelayMs = 400;

    explicit TrainingController(TrainingManager& manager, QObject* parent = nullptr);
    ~TrainingController() override;

    [[nodiscard]] TrainingListModel* trainings() { return &trainings_; }
    [[nodiscard]] SessionListModel* sessions() { return &sessions_; }
    [[nodiscard]] RosterModel* roster() { return &roster_; }
    [[nodiscard]] PersonSearchModel* people() { return &people_; }
    [[nodiscard]] QString trainingId() const { return trainingId_; }
    [[nodiscard]] QVariantMap form() const;
    [[nodiscard]] QVariantList standards() const { return standards_; }
    [[nodiscard]] QVariantList trainers() const { return trainers_; }
    [[nodiscard]] QString errorText() const { return errorText_; }
    [[nodiscard]] QVariantList kindOptions() const;
    [[nodiscard]] QVariantList statusOptions() const;
    [[nodiscard]] QVariantList partOptions() const;
    [[nodiscard]] QVariantList memberOptions() const;
    [[nodiscard]] QVariantList regionOptions() const;
    [[nodiscard]] QVariantList trainerRoleOptions() const;
    [[nodiscard]] QVariantList genderOptions() const;

    /// Creates a training (planned, in the catalogue edition in force) and opens it; returns its
    /// id, or an empty string (errorText says why).
    Q_INVOKABLE QString createTraining(const QString& kind, const QString& title);
    /// Opens a training for the edit, session and attendance pages.
    Q_INVOKABLE void open(const QString& trainingId);
    /// Edits one field of the open training (see `form`); written after kSaveDelayMs without
    /// further edits, or at flush(). Dates as "YYYY-MM-DD" or in the locale's short format.
    Q_INVOKABLE void setField(const QString& field, const QVariant& value);
    /// Writes pending edits now (focus loss, page close). Returns false if one was refused.
    Q_INVOKABLE bool flush();
    Q_INVOKABLE bool removeTraining();

    Q_INVOKABLE bool setStandardCovered(const QString& standardId, bool covered);
    Q_INVOKABLE bool addTrainer(const QString& personId, const QString& role);
    Q_INVOKABLE bool removeTrainer(const QString& trainerId);

    /// Adds a session; `heldOn` as "YYYY-MM-DD" or in the locale's short format.
    Q_INVOKABLE bool addSession(const QString& heldOn, const QString& part, const QString& topic);
    Q_INVOKABLE bool setSessionTopic(const QString& sessionId, const QString& topic);
    Q_INVOKABLE bool removeSession(const QString& sessionId);

    /// Enrols a person already known; a person already enrolled stays enrolled once.
    Q_INVOKABLE bool enrol(const QString& personId);
    /// Creates a person {familyName, givenNames, organisation, email, memberId, gender} and
    /// enrols them.
    Q_INVOKABLE bool quickAdd(const QVariantMap& person);
    Q_INVOKABLE bool unenrol(const QString& enrolmentId);
    /// Sets a score from text in the locale ("72,5" in French); empty clears it. `which` is
    /// "pre" or "post".
    Q_INVOKABLE bool setScore(const QString& enrolmentId, const QString& which,
                              const QString& text);
    Q_INVOKABLE bool setCertifiedTrainer(const QString& enrolmentId, bool certified);
    /// Who trained this participant (a person id; empty clears it).
    Q_INVOKABLE bool setTrainedBy(const QString& enrolmentId, const QString& personId);
    Q_INVOKABLE void clearError();

  public slots:
    /// Reads everything shown again (after a sync).
    void reload();
    /// Reads everything again and redraws every label (after a language change).
    void retranslate();

  signals:
    void trainingIdChanged();
    void formChanged();
    void standardsChanged();
    void trainersChanged();
    void errorTextChanged();
    void optionsChanged();
    /// A write was refused; `message` is translated.
    void error(const QString& message);

  private:
    /// Runs `action`, turning exceptions into errorText; returns false if one was thrown.
    bool attempt(const std::function<void()>& action);
    void fail(const QString& message);
    void reloadTraining();
    void reloadStandards();
    void reloadTrainers();

    TrainingManager& manager_;
    TrainingListModel trainings_;
    SessionListModel sessions_;
    RosterModel roster_;
    PersonSearchModel people_;
    QString trainingId_;
    TrainingFields fields_;
    QVariantMap pending_;
    QTimer saveTimer_;
    QVariantList standards_;
    QVariantList trainers_;
    QString errorText_;
};

}  // namespace cadre::trainings
