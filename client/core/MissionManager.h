// MissionManager: owns missions, their team and their observations in the local replica. Reads
// with SQL, writes only through the Replica (every write becomes a Change that syncs).
#pragma once

#include <QObject>
#include <QString>
#include <QVariant>
#include <QVector>

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

struct MissionFilter {
    QString memberId;  ///< empty: every Member
    QString kind;      ///< empty: every kind
    QString status;    ///< empty: every status
    QString text;      ///< searched in the title and the Member's names
};

struct MissionRow {
    QString id, kind, memberId, memberEn, memberFr, iso3, editionId, title;
    QString startsOn, endsOn, status, reviewState, economicContext, ecommerceContext;
    int observed = 0;   ///< standards with an observation
    int standards = 0;  ///< standards of the mission's edition
};

struct MissionDraft {
    QString kind = QStringLiteral("diagnostic");
    QString memberId;
    QString title;
    QString startsOn, endsOn;  ///< "YYYY-MM-DD" or empty
};

struct TeamRow {
    QString id, personId, familyName, givenNames, organisation, role;
};

/// One standard of a mission's edition and its observation, if any.
struct ObservationRow {
    QString standardId;
    int number = 0;
    QString observationId;  ///< empty: no observation yet
    QVariant maturity;      ///< invalid: not judged yet
    QString priority, reviewState;
    QString currentState, gaps, legalAmendments, msmeNeeds, recommendations;
};

class MissionManager : public QObject {
    Q_OBJECT

  public:
    explicit MissionManager(replica::Replica& replica, QObject* parent = nullptr);

    [[nodiscard]] QVector<MissionRow> missions(const MissionFilter& filter);
    [[nodiscard]] MissionRow mission(const QString& id);
    /// Creates a planned draft mission on the current edition. Throws what Replica throws.
    QString createMission(const MissionDraft& draft, const QString& editionId);
    /// Writes fields of a mission in one change (NULL for an invalid or blank value).
    void setMissionFields(const QString& id, const QVariantMap& values);
    /// Submits the mission and each of its observations for HQ review, in one transaction.
    void submitForReview(const QString& missionId);

    [[nodiscard]] QVector<TeamRow> team(const QString& missionId);
    QString addTeamMember(const QString& missionId, const QString& personId, const QString& role);
    void removeTeamMember(const QString& missionMemberId);

    /// One row per standard of the mission's edition, by number.
    [[nodiscard]] QVector<ObservationRow> observations(const QString& missionId);
    [[nodiscard]] ObservationRow observation(const QString& missionId, const QString& standardId);
    /// The observation of (mission, standard), created (or restored) if needed; returns its id.
    QString ensureObservation(const QString& missionId, const QString& standardId);
    /// Writes fields of the observation of (mission, standard), creating it if needed, in one
    /// change.
    void setObservationFields(const QString& missionId, const QString& standardId,
                              const QVariantMap& values);

  signals:
    void changed(const QString& table);

  private:
    replica::Replica& replica_;
};

}  // namespace cadre::client
