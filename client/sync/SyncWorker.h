// SyncWorker: lives in the sync thread with its own Replica on the app's file; signs in, runs
// SyncClient::sync() over HTTPS on a schedule and on demand, and reports what happened.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <memory>

#include "sync/SyncFailure.h"
#include "sync/SyncTuning.h"

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

/// What the status bar shows.
enum class SyncState { SignedOut, Idle, Syncing, Offline, Error };

class SyncWorker : public QObject {
    Q_OBJECT
  public:
    struct Options {
        QString replicaPath;
        bool automatic = true;  ///< sync on a schedule and after local writes (off in tests)
        std::chrono::milliseconds period = tuning::kPeriodicSync;
        std::chrono::milliseconds afterLocalWrite = tuning::kAfterLocalWrite;
        std::chrono::milliseconds firstRetry = tuning::kFirstOfflineRetry;
        std::chrono::milliseconds maxRetry = tuning::kMaxOfflineRetry;
        std::chrono::milliseconds requestTimeout = tuning::kRequestTimeout;
        int attemptsPerRequest = tuning::kAttemptsPerRequest;
        /// Where this device keeps attachment files, named by their SHA-256 (the app's
        /// AttachmentManager layout); "" for "blobs" beside the replica file. A file is uploaded
        /// before the attachment record that names it is pushed.
        QString blobDir;
    };

    explicit SyncWorker(Options options);
    ~SyncWorker() override;

    // --- Thread-safe: called from the GUI thread.
    /// Asks for one sync as soon as the worker is free (several requests make one sync).
    void requestSync();
    /// Makes the request in flight fail fast and every later one refuse to start.
    void requestStop();

  public slots:
    // --- Run in the worker thread (invoke queued).
    void open();
    void close();
    void localWrite();
    void signIn(const QString& server, const QString& caFile, const QString& pinnedSha256,
                const QString& username, const QString& password, const QString& deviceName);
    void signOut();

  signals:
    void statusChanged(int state, const cadre::client::SyncFailure& failure);
    void pendingChanged(qint64 count);
    void progressChanged(double progress);
    void synced(const QDateTime& at);
    /// A sync applied changes from the server: lists and editors reload.
    void dataChanged();
    /// The needs-attention list may have changed (refusals, pulled conflicts or review states).
    void attentionChanged();
    void signInFinished(bool ok, const cadre::client::SyncFailure& failure);
    void signedOut();

  private:
    void runSync();
    void schedule(std::chrono::milliseconds delay);
    void setStatus(SyncState state, const SyncFailure& failure = {});
    void emitPending();
    [[nodiscard]] bool hasSession();
    [[nodiscard]] QString blobDir() const;

    Options options_;
    std::unique_ptr<replica::Replica> replica_;
    QTimer* timer_ = nullptr;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> syncQueued_{false};
    std::chrono::milliseconds backoff_;
    bool offline_ = false;
};

}  // namespace cadre::client
