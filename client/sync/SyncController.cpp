#include "sync/SyncController.h"

#include <QCoreApplication>
#include <QDebug>
#include <QEvent>
#include <QThread>

namespace cadre::client {

SyncController::SyncController(Options options, QObject* parent) : QObject(parent) {
    qRegisterMetaType<cadre::client::SyncFailure>();
    thread_ = new QThread;
    thread_->setObjectName(QStringLiteral("cadre-sync"));
    worker_ = new SyncWorker(std::move(options));
    worker_->moveToThread(thread_);
    connect(worker_, &SyncWorker::statusChanged, this, &SyncController::onStatus);
    connect(worker_, &SyncWorker::pendingChanged, this, [this](qint64 count) {
        if (count != pendingCount_) {
            pendingCount_ = count;
            emit pendingCountChanged();
        }
    });
    connect(worker_, &SyncWorker::progressChanged, this, [this](double p) {
        progress_ = p;
        emit progressChanged();
    });
    connect(worker_, &SyncWorker::synced, this, [this](const QDateTime& at) {
        lastSyncAt_ = at;
        emit lastSyncAtChanged();
        emit synced();
    });
    connect(worker_, &SyncWorker::dataChanged, this, &SyncController::dataChanged);
    connect(worker_, &SyncWorker::attentionChanged, this, &SyncController::attentionChanged);
    connect(worker_, &SyncWorker::signInFinished, this, &SyncController::signInFinished);
    connect(worker_, &SyncWorker::signedOut, this, [this] {
        emit signedOut();
        // A sync that ended signed out finishes once the session knows it (see onStatus).
        if (finishAfterSignOut_) {
            finishAfterSignOut_ = false;
            emit syncFinished();
        }
    });
    thread_->start();
    QMetaObject::invokeMethod(worker_, &SyncWorker::open, Qt::QueuedConnection);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
}

SyncController::~SyncController() {
    shutdown();
}

void SyncController::shutdown() {
    if (!thread_)
        return;
    worker_->requestStop();
    QMetaObject::invokeMethod(worker_, &SyncWorker::close, Qt::QueuedConnection);
    thread_->quit();
    if (thread_->wait(static_cast<unsigned long>(tuning::kStopWait.count()))) {
        delete worker_;
        delete thread_;
    } else {
        // A request is still in flight: leave the thread to the process's end rather than block
        // the quit. Nothing is lost: the request is idempotent and is sent again next time.
        qWarning() << "sync: a request is still in flight at quit; it will be sent again";
    }
    worker_ = nullptr;
    thread_ = nullptr;
}

QString SyncController::state() const {
    switch (state_) {
        case SyncState::SignedOut:
            return QStringLiteral("signed-out");
        case SyncState::Idle:
            return QStringLiteral("idle");
        case SyncState::Syncing:
            return QStringLiteral("syncing");
        case SyncState::Offline:
            return QStringLiteral("offline");
        case SyncState::Error:
            return QStringLiteral("error");
    }
    return {};
}

void SyncController::onStatus(int state, const cadre::client::SyncFailure& failure) {
    const auto next = static_cast<SyncState>(state);
    // While syncing, keep showing the previous failure until the sync says otherwise.
    const bool errorChanged = next != SyncState::Syncing &&
                              (failure.kind != failure_.kind || failure.detail != failure_.detail ||
                               failure.retryAfterSeconds != failure_.retryAfterSeconds);
    if (errorChanged)
        failure_ = failure;
    const bool finished = state_ == SyncState::Syncing && next != SyncState::Syncing;
    if (next != state_) {
        state_ = next;
        emit stateChanged();
    }
    if (errorChanged)
        emit lastErrorChanged();
    if (finished && next == SyncState::SignedOut)
        finishAfterSignOut_ = true;  // the worker's signedOut() follows: finish after it
    else if (finished)
        emit syncFinished();
}

void SyncController::syncNow() {
    if (worker_)
        worker_->requestSync();
}

void SyncController::localDataChanged() {
    if (worker_)
        QMetaObject::invokeMethod(worker_, &SyncWorker::localWrite, Qt::QueuedConnection);
}

void SyncController::signIn(const QString& server, const QString& caFile,
                            const QString& pinnedSha256, const QString& username,
                            const QString& password, const QString& deviceName) {
    if (!worker_)
        return;
    QMetaObject::invokeMethod(
        worker_,
        [w = worker_, server, caFile, pinnedSha256, username, password, deviceName] {
            w->signIn(server, caFile, pinnedSha256, username, password, deviceName);
        },
        Qt::QueuedConnection);
}

void SyncController::signOut() {
    if (worker_)
        QMetaObject::invokeMethod(worker_, &SyncWorker::signOut, Qt::QueuedConnection);
}

bool SyncController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit lastErrorChanged();
    return QObject::eventFilter(watched, event);
}

}  // namespace cadre::client
