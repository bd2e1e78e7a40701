// ClientDevice: a headless field client made of the app's own sync code (SyncServices: the sync
// thread, SessionController, AttentionModel) on its own replica file, for end-to-end tests.
#pragma once

#include <QSignalSpy>
#include <QString>

#include "replica/Replica.h"
#include "sync/SyncServices.h"

namespace cadre::test {

struct ClientDevice {
    explicit ClientDevice(const QString& path)
        : ui(path.toStdString(), {}), services(ui, path, options()) {}

    static client::SyncController::Options options() {
        client::SyncController::Options o;
        o.automatic = false;  // the test says when to sync
        o.requestTimeout = std::chrono::seconds(10);
        o.attemptsPerRequest = 2;
        return o;
    }

    client::SessionController& session() { return *services.session(); }
    client::SyncController& sync() { return *services.sync(); }
    client::AttentionModel& attention() { return *services.attention(); }

    /// Signs in through the sign-in form's controller; true once signed in and the first sync
    /// that follows has ended.
    bool signIn(const QString& url, const QString& ca, const QString& user, const QString& password,
                const QString& pin = {}) {
        QSignalSpy finished(&sync(), &client::SyncController::signInFinished);
        QSignalSpy synced(&sync(), &client::SyncController::syncFinished);
        session().setServerUrl(url);
        session().setCaFile(ca);
        session().setPinnedSha256(pin);
        session().setUsername(user);
        session().signIn(password);
        if (!finished.wait(30000) || !session().signedIn())
            return false;
        return synced.count() > 0 || synced.wait(30000);
    }

    /// "Sync now", and wait until that sync has ended (whatever its outcome).
    bool syncNow() {
        QSignalSpy finished(&sync(), &client::SyncController::syncFinished);
        sync().syncNow();
        return finished.wait(60000);
    }

    replica::Replica ui;  ///< the GUI thread's replica (the sync thread opens its own)
    client::SyncServices services;
};

}  // namespace cadre::test
