#include "sync/SyncWorker.h"

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <thread>

#include "replica/Replica.h"
#include "sync/ObservedTransport.h"
#include "sync/RejectionStore.h"
#include "sync/SettingKeys.h"
#include "sync/SyncClient.h"
#include "sync/https/HttpsTransport.h"

namespace cadre::client {

namespace {

/// One sign-in or sync's way to the server, built from the replica's settings of the moment.
struct Connection {
    Connection(replica::Replica& replica, const sync::HttpsOptions& https,
               const std::atomic<bool>& stopping, std::function<void(const std::string&)> hook,
               sync::SyncClient::Options options)
        : transport(https),
          observed(transport, stopping, std::move(hook)),
          client(replica, observed, std::move(options)) {}
    sync::HttpsTransport transport;
    ObservedTransport observed;
    sync::SyncClient client;
};

std::int64_t nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace

SyncWorker::SyncWorker(Options options)
    : options_(std::move(options)), backoff_(options_.firstRetry) {}

SyncWorker::~SyncWorker() = default;

void SyncWorker::requestSync() {
    if (!syncQueued_.exchange(true))
        QMetaObject::invokeMethod(this, &SyncWorker::runSync, Qt::QueuedConnection);
}

void SyncWorker::requestStop() {
    stopping_ = true;
}

void SyncWorker::open() {
    try {
        replica_ = std::make_unique<replica::Replica>(options_.replicaPath.toStdString(),
                                                      replica::Replica::Options{});
        if (const auto user = replica_->localSetting(keys::kUsername); !user.empty())
            replica_->setAuthor(user);
    } catch (const std::exception& e) {
        setStatus(SyncState::Error, SyncFailure::from(e, false, 0));
        return;
    }
    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    connect(timer_, &QTimer::timeout, this, &SyncWorker::runSync);
    emitPending();
    if (const auto last = replica_->localSetting(keys::kLastSyncAtMs); !last.empty())
        emit synced(QDateTime::fromMSecsSinceEpoch(std::stoll(last)));
    if (hasSession()) {
        setStatus(SyncState::Idle);
        schedule(std::chrono::milliseconds(0));
    } else {
        setStatus(SyncState::SignedOut);
    }
}

void SyncWorker::close() {
    if (timer_)
        timer_->stop();
    replica_.reset();
}

QString SyncWorker::blobDir() const {
    if (!options_.blobDir.isEmpty())
        return options_.blobDir;
    return QFileInfo(options_.replicaPath).absoluteDir().filePath(QStringLiteral("blobs"));
}

bool SyncWorker::hasSession() {
    return replica_ && !replica_->localSetting(keys::kToken).empty() &&
           !replica_->localSetting(keys::kServer).empty();
}

void SyncWorker::emitPending() {
    if (replica_)
        emit pendingChanged(replica_->pendingCount());
}

void SyncWorker::setStatus(SyncState state, const SyncFailure& failure) {
    emit statusChanged(static_cast<int>(state), failure);
}

void SyncWorker::schedule(std::chrono::milliseconds delay) {
    if (!options_.automatic || !timer_ || stopping_)
        return;
    if (timer_->isActive() && timer_->remainingTimeAsDuration() <= delay)
        return;
    timer_->start(delay);
}

void SyncWorker::localWrite() {
    emitPending();
    if (hasSession() && !offline_)
        schedule(options_.afterLocalWrite);
}

namespace {

sync::SyncClient::Options clientOptions(int attempts, const std::atomic<bool>& stopping,
                                        const QString& blobDir) {
    sync::SyncClient::Options o;
    o.blobPath = [blobDir](const std::string& sha256) {
        const QString path = QDir(blobDir).filePath(QString::fromStdString(sha256));
        return QFileInfo::exists(path) ? path.toStdString() : std::string();
    };
    o.pushBatch = tuning::kPushBatch;
    o.maxAttempts = attempts;
    o.firstBackoff = std::chrono::milliseconds(500);
    o.maxBackoff = tuning::kMaxInRequestBackoff;
    // Waits between attempts end early when the app quits.
    o.sleep = [&stopping](std::chrono::milliseconds d) {
        const auto until = std::chrono::steady_clock::now() +
                           std::min<std::chrono::milliseconds>(d, tuning::kMaxInRequestBackoff);
        while (!stopping && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    };
    o.log = [](const std::string& line) { qInfo().noquote() << QString::fromStdString(line); };
    return o;
}

}  // namespace

void SyncWorker::signIn(const QString& server, const QString& caFile, const QString& pinnedSha256,
                        const QString& username, const QString& password,
                        const QString& deviceName) {
    if (!replica_) {
        emit signInFinished(false, SyncFailure{SyncFailure::Kind::Internal,
                                               QStringLiteral("the replica is not open"), 0, 0});
        return;
    }
    SyncFailure failure;
    std::unique_ptr<Connection> connection;
    try {
        replica_->transaction([&] {
            replica_->setLocalSetting(keys::kServer, server.toStdString());
            replica_->setLocalSetting(keys::kCaFile, caFile.toStdString());
            replica_->setLocalSetting(keys::kPinnedSha256, pinnedSha256.toStdString());
            replica_->setLocalSetting(keys::kDeviceName, deviceName.toStdString());
        });
        connection = std::make_unique<Connection>(
            *replica_,
            sync::HttpsOptions{server.toStdString(), caFile.toStdString(),
                               pinnedSha256.toStdString(), options_.requestTimeout},
            stopping_, nullptr, clientOptions(1, stopping_, blobDir()));
        (void)connection->client.login(username.toStdString(), password.toStdString(),
                                       deviceName.toStdString());
    } catch (const std::exception& e) {
        failure =
            SyncFailure::from(e, true, connection ? connection->observed.retryAfterSeconds() : 0);
    }
    emit signInFinished(failure.kind == SyncFailure::Kind::None, failure);
    if (failure.kind != SyncFailure::Kind::None)
        return;
    offline_ = false;
    backoff_ = options_.firstRetry;
    runSync();
}

void SyncWorker::signOut() {
    if (timer_)
        timer_->stop();
    if (!replica_)
        return;
    try {
        Connection connection(*replica_,
                              sync::HttpsOptions{replica_->localSetting(keys::kServer),
                                                 replica_->localSetting(keys::kCaFile),
                                                 replica_->localSetting(keys::kPinnedSha256),
                                                 options_.requestTimeout},
                              stopping_, nullptr, clientOptions(1, stopping_, blobDir()));
        connection.client.logout();  // revokes the token when the server is reachable
    } catch (const std::exception& e) {
        qInfo() << "sign-out: the token could not be revoked on the server:" << e.what();
    }
    replica_->setLocalSetting(keys::kToken, "");
    setStatus(SyncState::SignedOut);
    emit signedOut();
}

void SyncWorker::runSync() {
    syncQueued_ = false;
    if (stopping_ || !replica_)
        return;
    if (!hasSession()) {
        setStatus(SyncState::SignedOut);
        emit signedOut();  // every signed-out status is followed by signedOut()
        return;
    }
    setStatus(SyncState::Syncing);
    emit progressChanged(0.0);

    sync::SyncResult result;
    SyncFailure failure;
    bool attention = false;
    std::unique_ptr<Connection> connection;
    try {
        const auto startPending = replica_->pendingCount();
        int pages = 0;
        // Push is the first half of the bar, by changes acknowledged; pull the second, by pages
        // (their number is not known in advance: each page closes half of what is left).
        auto progress = [&, this](const std::string& target) {
            if (target.rfind("/v1/push", 0) == 0 && startPending > 0) {
                const auto done = startPending - replica_->pendingCount();
                emit progressChanged(0.5 * static_cast<double>(std::max<std::int64_t>(done, 0)) /
                                     static_cast<double>(startPending));
            } else if (target.rfind("/v1/pull", 0) == 0) {
                emit progressChanged(1.0 - 0.5 * std::pow(0.5, pages++));
            }
        };
        connection = std::make_unique<Connection>(
            *replica_,
            sync::HttpsOptions{
                replica_->localSetting(keys::kServer), replica_->localSetting(keys::kCaFile),
                replica_->localSetting(keys::kPinnedSha256), options_.requestTimeout},
            stopping_, progress, clientOptions(options_.attemptsPerRequest, stopping_, blobDir()));
        connection->client.push(result);
        // Refusals whose changes were set aside are listed from the replica's set-aside list
        // (their outbox positions are gone); the store keeps those still holding up the outbox.
        std::vector<sync::Rejection> holding;
        for (const auto& why : result.rejections)
            if (result.setAside == 0 || why.status != 403 || why.code != "forbidden")
                holding.push_back(why);
        attention = RejectionStore::recordPush(*replica_, holding, tuning::kPushBatch, nowMs()) ||
                    result.setAside > 0;
        connection->client.pull(result);
    } catch (const std::exception& e) {
        failure =
            SyncFailure::from(e, false, connection ? connection->observed.retryAfterSeconds() : 0);
    }
    if (stopping_)
        return;
    if (result.pulled > 0) {
        emit dataChanged();
        attention = true;
    }
    if (attention)
        emit attentionChanged();
    emitPending();

    if (failure.kind == SyncFailure::Kind::None) {
        const auto at = nowMs();
        replica_->setLocalSetting(keys::kLastSyncAtMs, std::to_string(at));
        emit progressChanged(1.0);
        emit synced(QDateTime::fromMSecsSinceEpoch(at));
        offline_ = false;
        backoff_ = options_.firstRetry;
        if (result.rejections.empty()) {
            setStatus(SyncState::Idle);
        } else {
            const auto& why = result.rejections.front();
            setStatus(
                SyncState::Error,
                SyncFailure{SyncFailure::Kind::Rejected,
                            QString::fromStdString(why.code + ": " + why.message), why.status, 0});
        }
        schedule(options_.period);
        return;
    }

    qInfo().noquote() << "sync failed:" << failure.detail;
    if (failure.kind == SyncFailure::Kind::SessionExpired) {
        replica_->setLocalSetting(keys::kToken, "");
        setStatus(SyncState::SignedOut, failure);
        emit signedOut();
        return;
    }
    offline_ = failure.kind == SyncFailure::Kind::Unreachable;
    setStatus(offline_ ? SyncState::Offline : SyncState::Error, failure);
    schedule(std::max<std::chrono::milliseconds>(backoff_,
                                                 std::chrono::seconds(failure.retryAfterSeconds)));
    backoff_ = std::min(backoff_ * 2, options_.maxRetry);
}

}  // namespace cadre::client
