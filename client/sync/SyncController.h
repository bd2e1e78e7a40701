// SyncController: the app's handle on background sync — owns the sync thread and its worker, and
// publishes the status bar's properties (state, pending changes, last sync, progress, error).
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

#include "sync/SyncFailure.h"
#include "sync/SyncWorker.h"

class QThread;

namespace cadre::client {

class SyncController : public QObject {
    Q_OBJECT
    /// "signed-out", "idle", "syncing", "offline" or "error".
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    Q_PROPERTY(qint64 pendingCount READ pendingCount NOTIFY pendingCountChanged)
    /// Invalid until the first sync that went through on this device.
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY lastSyncAtChanged)
    /// 0…1 while syncing.
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    /// The last failure, translated; empty when the last sync went through.
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

  public:
    using Options = SyncWorker::Options;

    /// Starts the sync thread on the replica file `options.replicaPath` (the thread opens its
    /// own Replica there).
    explicit SyncController(Options options, QObject* parent = nullptr);
    /// Stops the thread (see shutdown()).
    ~SyncController() override;

    [[nodiscard]] QString state() const;
    [[nodiscard]] SyncState stateValue() const { return state_; }
    [[nodiscard]] bool busy() const { return state_ == SyncState::Syncing; }
    [[nodiscard]] qint64 pendingCount() const { return pendingCount_; }
    [[nodiscard]] QDateTime lastSyncAt() const { return lastSyncAt_; }
    [[nodiscard]] double progress() const { return progress_; }
    [[nodiscard]] QString lastError() const { return failure_.text(); }
    [[nodiscard]] const SyncFailure& lastFailure() const { return failure_; }

    /// Syncs now (the "Sync now" button), even while waiting after a failure.
    Q_INVOKABLE void syncNow();
    /// Stops between two requests, or lets the request in flight finish for a few seconds, and
    /// ends the thread. Called on quit; safe to call twice.
    Q_INVOKABLE void shutdown();

    /// For SessionController: sign-in and sign-out run in the sync thread.
    void signIn(const QString& server, const QString& caFile, const QString& pinnedSha256,
                const QString& username, const QString& password, const QString& deviceName);
    void signOut();

  public slots:
    /// Connect every Manager's changed(QString) here: a push follows a few seconds later.
    void localDataChanged();

  signals:
    void stateChanged();
    void pendingCountChanged();
    void lastSyncAtChanged();
    void progressChanged();
    void lastErrorChanged();
    /// A sync applied changes from the server: connect every model's reload().
    void dataChanged();
    /// The needs-attention list may have changed.
    void attentionChanged();
    void signInFinished(bool ok, const cadre::client::SyncFailure& failure);
    void signedOut();
    /// A sync went through (also after one that the server partly refused).
    void synced();
    /// A sync ended, whether it went through or not (the state says how).
    void syncFinished();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void onStatus(int state, const cadre::client::SyncFailure& failure);

    QThread* thread_ = nullptr;
    SyncWorker* worker_ = nullptr;
    SyncState state_ = SyncState::SignedOut;
    bool finishAfterSignOut_ = false;
    qint64 pendingCount_ = 0;
    QDateTime lastSyncAt_;
    double progress_ = 0.0;
    SyncFailure failure_;
};

}  // namespace cadre::client
