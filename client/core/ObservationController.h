// ObservationController: the observation editor of one (mission, standard). Every edit is kept
// in memory at once and written shortly after (debounced), and at once on flush (page closed,
// another standard opened, app quitting): nothing typed is lost beyond the last 400 ms.
#pragma once

#include <QObject>
#include <QTimer>
#include <QVariantMap>

#include "core/AttachmentController.h"
#include "core/MissionManager.h"
#include "core/ReferenceManager.h"

namespace cadre::client {

class ObservationController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString missionId READ missionId NOTIFY loaded)
    Q_PROPERTY(QString standardId READ standardId NOTIFY loaded)
    Q_PROPERTY(int standardNumber READ standardNumber NOTIFY loaded)
    Q_PROPERTY(QString standardTitle READ standardTitle NOTIFY loaded)
    Q_PROPERTY(QString groupTitle READ groupTitle NOTIFY loaded)
    Q_PROPERTY(bool exists READ exists NOTIFY loaded)
    Q_PROPERTY(int maturity READ maturity NOTIFY loaded)
    Q_PROPERTY(QString currentState READ currentState NOTIFY loaded)
    Q_PROPERTY(QString gaps READ gaps NOTIFY loaded)
    Q_PROPERTY(QString legalAmendments READ legalAmendments NOTIFY loaded)
    Q_PROPERTY(QString msmeNeeds READ msmeNeeds NOTIFY loaded)
    Q_PROPERTY(QString recommendations READ recommendations NOTIFY loaded)
    Q_PROPERTY(QString priority READ priority NOTIFY loaded)
    Q_PROPERTY(QString reviewLabel READ reviewLabel NOTIFY loaded)
    Q_PROPERTY(QString previousStandardId READ previousStandardId NOTIFY loaded)
    Q_PROPERTY(QString nextStandardId READ nextStandardId NOTIFY loaded)
    Q_PROPERTY(QVariantList maturityLevels READ maturityLevels NOTIFY labelsChanged)
    Q_PROPERTY(QVariantList priorities READ priorities NOTIFY labelsChanged)
    Q_PROPERTY(bool saved READ saved NOTIFY savedChanged)
    Q_PROPERTY(QObject* evidence READ evidence CONSTANT)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

  public:
    ObservationController(MissionManager& missions, ReferenceManager& references,
                          AttachmentManager& attachments, QObject* parent = nullptr);

    [[nodiscard]] QString missionId() const { return missionId_; }
    [[nodiscard]] QString standardId() const { return row_.standardId; }
    [[nodiscard]] int standardNumber() const { return standard_.number; }
    [[nodiscard]] QString standardTitle() const { return standard_.title(); }
    [[nodiscard]] QString groupTitle() const { return standard_.group(); }
    [[nodiscard]] bool exists() const { return !row_.observationId.isEmpty(); }
    [[nodiscard]] int maturity() const {
        return row_.maturity.isValid() ? row_.maturity.toInt() : -1;
    }
    [[nodiscard]] QString currentState() const { return row_.currentState; }
    [[nodiscard]] QString gaps() const { return row_.gaps; }
    [[nodiscard]] QString legalAmendments() const { return row_.legalAmendments; }
    [[nodiscard]] QString msmeNeeds() const { return row_.msmeNeeds; }
    [[nodiscard]] QString recommendations() const { return row_.recommendations; }
    [[nodiscard]] QString priority() const { return row_.priority; }
    [[nodiscard]] QString reviewLabel() const;
    [[nodiscard]] QString previousStandardId() const { return previous_; }
    [[nodiscard]] QString nextStandardId() const { return next_; }
    [[nodiscard]] QVariantList maturityLevels() const;
    [[nodiscard]] QVariantList priorities() const;
    [[nodiscard]] bool saved() const { return pending_.isEmpty(); }
    [[nodiscard]] QObject* evidence() { return &evidence_; }
    [[nodiscard]] AttachmentController& evidenceController() { return evidence_; }
    [[nodiscard]] QString errorText() const { return errorText_; }

    /// Opens the observation of (mission, standard), writing what is pending for the previous.
    Q_INVOKABLE void open(const QString& missionId, const QString& standardId);
    /// Records an edit of a column (current_state, gaps, maturity, …); written after a short
    /// pause, or at flush().
    Q_INVOKABLE void setField(const QString& column, const QVariant& value);
    /// Writes every pending edit now.
    Q_INVOKABLE void flush();
    /// Closes the editor: writes what is pending and forgets the observation.
    Q_INVOKABLE void close();
    Q_INVOKABLE void refresh();

  signals:
    void loaded();
    void labelsChanged();
    void savedChanged();
    void errorTextChanged();

  private:
    void read();
    void report(const QString& message);

    MissionManager& missions_;
    ReferenceManager& references_;
    AttachmentController evidence_;
    QString missionId_;
    ObservationRow row_;
    StandardInfo standard_;
    QString previous_, next_;
    QVariantMap pending_;
    QTimer saveTimer_;
    QString errorText_;
};

}  // namespace cadre::client
