#include "sync/SyncServices.h"

#include <QQmlContext>
#include <QQmlEngine>

namespace cadre::client {

namespace {

SyncController::Options withPath(SyncController::Options options, const QString& path) {
    options.replicaPath = path;
    return options;
}

}  // namespace

SyncServices::SyncServices(replica::Replica& ui, const QString& replicaPath,
                           SyncController::Options options, QObject* parent)
    : QObject(parent),
      sync_(new SyncController(withPath(std::move(options), replicaPath), this)),
      session_(new SessionController(ui, *sync_, this)),
      attention_(new AttentionModel(ui, this)) {
    connect(sync_, &SyncController::attentionChanged, attention_, &AttentionModel::reload);
    connect(session_, &SessionController::signedInChanged, attention_, &AttentionModel::reload);
}

SyncServices::~SyncServices() {
    sync_->shutdown();
}

void registerSyncTypes(QQmlEngine& engine, SyncServices& services) {
    qmlRegisterUncreatableType<AttentionModel>("Cadre.Sync", 1, 0, "AttentionModel",
                                               QStringLiteral("made by the app"));
    qmlRegisterUncreatableType<SyncController>("Cadre.Sync", 1, 0, "SyncController",
                                               QStringLiteral("made by the app"));
    qmlRegisterUncreatableType<SessionController>("Cadre.Sync", 1, 0, "SessionController",
                                                  QStringLiteral("made by the app"));
    engine.rootContext()->setContextProperty(QStringLiteral("cadreSession"), services.session());
    engine.rootContext()->setContextProperty(QStringLiteral("cadreSync"), services.sync());
    engine.rootContext()->setContextProperty(QStringLiteral("cadreAttention"),
                                             services.attention());
}

}  // namespace cadre::client
