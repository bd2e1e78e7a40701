// SyncServices: the sync part of the app built in one place — SyncController (the sync thread),
// SessionController and AttentionModel — and registerSyncTypes(), which publishes them to QML.
//
// How the app wires it (main.cpp):
//
//     const QString err = cadre::client::SessionController::applyCommandLine(app.arguments());
//     if (!err.isEmpty()) { qCritical().noquote() << err; return 2; }
//     cadre::replica::Replica ui(path.toStdString(), {});          // the GUI thread's replica
//     cadre::client::SyncServices sync(ui, path);                  // starts the sync thread
//     QQmlApplicationEngine engine;
//     cadre::client::registerSyncTypes(engine, sync);
//     // every Manager's changed(QString) → sync.sync()->localDataChanged()
//     // sync.sync()->dataChanged() → every model's reload()
//     QObject::connect(&app, &QCoreApplication::aboutToQuit, sync.sync(),
//                      &cadre::client::SyncController::shutdown);
//
// QML then sees the context properties `cadreSession` (SessionController), `cadreSync`
// (SyncController) and `cadreAttention` (AttentionModel), and the pages qrc:/sync/SignInPage.qml,
// qrc:/sync/SyncStatusBar.qml and qrc:/sync/AttentionPage.qml.
#pragma once

#include <QObject>
#include <QString>

#include "sync/AttentionModel.h"
#include "sync/SessionController.h"
#include "sync/SyncController.h"

class QQmlEngine;

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

class SyncServices : public QObject {
    Q_OBJECT
  public:
    /// `ui` is the GUI thread's replica, opened on `replicaPath`; the sync thread opens its
    /// own on the same file. `options.replicaPath` is set to `replicaPath`.
    SyncServices(replica::Replica& ui, const QString& replicaPath,
                 SyncController::Options options = {}, QObject* parent = nullptr);
    ~SyncServices() override;

    [[nodiscard]] SyncController* sync() { return sync_; }
    [[nodiscard]] SessionController* session() { return session_; }
    [[nodiscard]] AttentionModel* attention() { return attention_; }

  private:
    SyncController* sync_;
    SessionController* session_;
    AttentionModel* attention_;
};

/// Publishes `services` to QML as the context properties cadreSession, cadreSync and
/// cadreAttention of `engine`'s root context, and registers AttentionModel's roles.
void registerSyncTypes(QQmlEngine& engine, SyncServices& services);

}  // namespace cadre::client
