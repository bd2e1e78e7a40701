// MissionController: the actions of the missions list and the mission page — filter, create,
// open, edit (autosaved), team, progress, submit for review.
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include "core/MemberListModel.h"
#include "core/MissionListModel.h"
#include "core/MissionManager.h"
#include "core/ObservationListModel.h"
#include "core/PeopleManager.h"
#include "core/PersonSearchModel.h"
#include "core/ReferenceManager.h"
#include "core/TeamListModel.h"

namespace cadre::client {

class MissionController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QObject* list READ list CONSTANT)
    Q_PROPERTY(QObject* memberFilter READ memberFilter CONSTANT)
    Q_PROPERTY(QObject* memberChoices READ memberChoices CONSTANT)
    Q_PROPERTY(QObject* people READ people CONSTANT)
    Q_PROPERTY(QObject* team READ team CONSTANT)
    Q_PROPERTY(QObject* standards READ standards CONSTANT)
    Q_PROPERTY(QVariantList kinds READ kinds NOTIFY labelsChanged)
    Q_PROPERTY(QVariantList statuses READ statuses NOTIFY labelsChanged)
    Q_PROPERTY(QVariantList roles READ roles NOTIFY labelsChanged)
    Q_PROPERTY(QString currentId READ currentId NOTIFY currentChanged)
    Q_PROPERTY(QVariantMap current READ current NOTIFY currentChanged)
    Q_PROPERTY(bool editable READ editable NOTIFY currentChanged)
    Q_PROPERTY(int observedCount READ observedCount NOTIFY progressChanged)
    Q_PROPERTY(int standardCount READ standardCount NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

  public:
    MissionController(MissionManager& missions, ReferenceManager& references, PeopleManager& people,
                      QObject* parent = nullptr);

    [[nodiscard]] QObject* list() { return &list_; }
    [[nodiscard]] QObject* memberFilter() { return &memberFilter_; }
    [[nodiscard]] QObject* memberChoices() { return &memberChoices_; }
    [[nodiscard]] QObject* people() { return &people_; }
    [[nodiscard]] QObject* team() { return &team_; }
    [[nodiscard]] QObject* standards() { return &standards_; }
    [[nodiscard]] MissionListModel& missionList() { return list_; }
    [[nodiscard]] ObservationListModel& observationList() { return standards_; }
    [[nodiscard]] QVariantList kinds() const;
    [[nodiscard]] QVariantList statuses() const;
    [[nodiscard]] QVariantList roles() const;
    [[nodiscard]] QString currentId() const { return currentId_; }
    [[nodiscard]] QVariantMap current() const { return current_; }
    [[nodiscard]] bool editable() const;
    [[nodiscard]] int observedCount() const { return observed_; }
    [[nodiscard]] int standardCount() const { return standardCount_; }
    [[nodiscard]] double progress() const;
    [[nodiscard]] QString errorText() const { return errorText_; }

    /// Creates a mission and makes it current; returns its id, or empty (see errorText).
    Q_INVOKABLE QString createMission(const QString& kind, const QString& memberId,
                                      const QString& title, const QString& startsOn,
                                      const QString& endsOn);
    Q_INVOKABLE void open(const QString& missionId);
    /// Records an edit of the current mission; written after a short pause, or at flush().
    Q_INVOKABLE void setField(const QString& column, const QVariant& value);
    /// Writes every pending edit now (page closed, app quitting).
    Q_INVOKABLE void flush();
    Q_INVOKABLE bool submitForReview();
    Q_INVOKABLE bool addTeamMember(const QString& personId, const QString& role);
    Q_INVOKABLE bool addNewPerson(const QString& familyName, const QString& givenNames,
                                  const QString& organisation, const QString& role);
    Q_INVOKABLE void removeTeamMember(const QString& missionMemberId);
    Q_INVOKABLE void clearError();
    /// Re-reads everything (after a sync or a language change); keeps pending edits.
    Q_INVOKABLE void refresh();

  signals:
    void labelsChanged();
    void currentChanged();
    void progressChanged();
    void errorTextChanged();
    void error(const QString& message);

  private:
    void readCurrent();
    void updateProgress();
    bool report(const QString& message);

    MissionManager& missions_;
    ReferenceManager& references_;
    PeopleManager& peopleManager_;
    MissionListModel list_;
    MemberListModel memberFilter_;
    MemberListModel memberChoices_;
    PersonSearchModel people_;
    TeamListModel team_;
    ObservationListModel standards_;
    QString currentId_;
    QVariantMap current_;
    QVariantMap pending_;
    QTimer saveTimer_;
    int observed_ = 0;
    int standardCount_ = 0;
    QString errorText_;
};

}  // namespace cadre::client
