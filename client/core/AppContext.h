// AppContext: everything the app shell needs, built once — the data directory, the GUI thread's
// Replica, the Managers and the Controllers — and published to a QML engine.
#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace cadre::replica {
class Replica;
}

class QQmlEngine;

namespace cadre::client {

class ReferenceManager;
class MissionManager;
class PeopleManager;
class AttachmentManager;
class MissionController;
class ObservationController;
class AttachmentController;
class LanguageController;

class AppContext : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
    Q_PROPERTY(QString username READ username NOTIFY usernameChanged)

  public:
    /// Opens (creating if needed) the replica at `<dataDir>/cadre.db`. Throws what Replica throws.
    explicit AppContext(const QString& dataDir, QObject* parent = nullptr);
    ~AppContext() override;

    /// The data directory: `--data DIR` among `arguments`, else $CADRE_CLIENT_DATA, else the
    /// platform's application-data directory.
    [[nodiscard]] static QString resolveDataDir(const QStringList& arguments);

    [[nodiscard]] QString dataDir() const { return dataDir_; }
    [[nodiscard]] QString databasePath() const;
    [[nodiscard]] QString username() const;
    [[nodiscard]] replica::Replica& replica() { return *replica_; }
    [[nodiscard]] ReferenceManager& references() { return *references_; }
    [[nodiscard]] MissionManager& missions() { return *missions_; }
    [[nodiscard]] PeopleManager& people() { return *people_; }
    [[nodiscard]] AttachmentManager& attachments() { return *attachments_; }
    [[nodiscard]] MissionController& missionController() { return *missionController_; }
    [[nodiscard]] ObservationController& observationController() { return *observationController_; }
    [[nodiscard]] LanguageController& languageController() { return *languageController_; }

    /// Publishes the controllers as context properties (appContext, missionController,
    /// observationController, languageController) and retranslates `engine` on a language change.
    void expose(QQmlEngine& engine);

    /// True when `url` (qrc:/… or :/…) names a resource compiled into this app: the shell shows
    /// the pages of the optional libraries (sync, trainings) only when they are there.
    Q_INVOKABLE bool resourceExists(const QUrl& url) const;

  public slots:
    /// Writes every pending edit (page closed, app quitting).
    void flush();
    /// Another connection (the sync thread) changed the data: every model reloads.
    void reloadAll();
    /// Sets the cached identity (after sign-in) as the author of later writes.
    void setUsername(const QString& username);

  signals:
    void usernameChanged();
    /// A local write happened (any Manager): sync pushes it a little later.
    void localDataChanged();

  private:
    QString dataDir_;
    std::unique_ptr<replica::Replica> replica_;
    std::unique_ptr<ReferenceManager> references_;
    std::unique_ptr<MissionManager> missions_;
    std::unique_ptr<PeopleManager> people_;
    std::unique_ptr<AttachmentManager> attachments_;
    std::unique_ptr<MissionController> missionController_;
    std::unique_ptr<ObservationController> observationController_;
    std::unique_ptr<LanguageController> languageController_;
};

}  // namespace cadre::client
