#include "core/AppContext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QStandardPaths>

#include "core/AttachmentManager.h"
#include "core/Convert.h"
#include "core/LanguageController.h"
#include "core/MissionController.h"
#include "core/MissionManager.h"
#include "core/ObservationController.h"
#include "core/PeopleManager.h"
#include "core/ReferenceManager.h"
#include "replica/Replica.h"

namespace cadre::client {

namespace {

/// The author of writes made before anyone signed in on this device.
constexpr const char* kAnonymousAuthor = "local";

}  // namespace

QString AppContext::resolveDataDir(const QStringList& arguments) {
    const qsizetype flag = arguments.indexOf(QStringLiteral("--data"));
    if (flag >= 0 && flag + 1 < arguments.size()) {
        return arguments.at(flag + 1);
    }
    const QString fromEnv = qEnvironmentVariable("CADRE_CLIENT_DATA");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

AppContext::AppContext(const QString& dataDir, QObject* parent)
    : QObject(parent), dataDir_(QDir(dataDir).absolutePath()) {
    QDir().mkpath(dataDir_);
    replica_ =
        std::make_unique<replica::Replica>(toStd(databasePath()), replica::Replica::Options{});
    const std::string cached = replica_->localSetting("username");
    replica_->setAuthor(cached.empty() ? kAnonymousAuthor : cached);

    references_ = std::make_unique<ReferenceManager>(*replica_);
    missions_ = std::make_unique<MissionManager>(*replica_);
    people_ = std::make_unique<PeopleManager>(*replica_);
    attachments_ = std::make_unique<AttachmentManager>(
        *replica_, QDir(dataDir_).filePath(QStringLiteral("blobs")));
    // The language first: the controllers' models read reference data in it.
    languageController_ = std::make_unique<LanguageController>(
        QDir(dataDir_).filePath(QStringLiteral("settings.ini")));
    languageController_->applySaved();
    missionController_ = std::make_unique<MissionController>(*missions_, *references_, *people_);
    observationController_ =
        std::make_unique<ObservationController>(*missions_, *references_, *attachments_);

    // Every local write is a reason to push soon; a wildcard is a reload, not a write.
    const auto local = [this](const QString& table) {
        if (table != QLatin1String("*")) {
            emit localDataChanged();
        }
    };
    connect(missions_.get(), &MissionManager::changed, this, local);
    connect(people_.get(), &PeopleManager::changed, this, local);
    connect(attachments_.get(), &AttachmentManager::changed, this, local);
    // Names, titles and labels follow the language.
    connect(languageController_.get(), &LanguageController::languageChanged, this,
            &AppContext::reloadAll);
    // An attachment added or removed changes nothing in the mission list, but a new observation
    // created for it does: the managers' signals reach the models directly.
    if (QCoreApplication::instance() != nullptr) {
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
                &AppContext::flush);
    }
}

AppContext::~AppContext() {
    flush();
}

QString AppContext::databasePath() const {
    return QDir(dataDir_).filePath(QStringLiteral("cadre.db"));
}

QString AppContext::username() const {
    return toQ(replica_->author());
}

void AppContext::setUsername(const QString& username) {
    replica_->setLocalSetting("username", toStd(username));
    replica_->setAuthor(username.isEmpty() ? kAnonymousAuthor : toStd(username));
    emit usernameChanged();
}

void AppContext::expose(QQmlEngine& engine) {
    languageController_->setEngine(&engine);
    engine.setUiLanguage(languageController_->language());
    QQmlContext* root = engine.rootContext();
    root->setContextProperty(QStringLiteral("appContext"), this);
    root->setContextProperty(QStringLiteral("missionController"), missionController_.get());
    root->setContextProperty(QStringLiteral("observationController"), observationController_.get());
    root->setContextProperty(QStringLiteral("languageController"), languageController_.get());
}

bool AppContext::resourceExists(const QUrl& url) const {
    if (url.scheme() == QLatin1String("qrc")) {
        return QFile::exists(QLatin1Char(':') + url.path());
    }
    const QString text = url.toString();
    return text.startsWith(QLatin1Char(':')) && QFile::exists(text);
}

void AppContext::flush() {
    if (observationController_) {
        observationController_->flush();
    }
    if (missionController_) {
        missionController_->flush();
    }
}

void AppContext::reloadAll() {
    // A wildcard "changed" reaches every model through its manager's signal.
    emit references_->changed(QStringLiteral("*"));
    emit people_->changed(QStringLiteral("*"));
    emit attachments_->changed(QStringLiteral("*"));
    missionController_->refresh();
    observationController_->refresh();
}

}  // namespace cadre::client
