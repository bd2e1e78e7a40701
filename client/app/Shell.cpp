#include "app/Shell.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QStringList>
#include <QUrl>

#include "core/AppContext.h"
#include "core/LanguageController.h"

#ifdef CADRE_HAVE_CLIENT_SYNC
#include "sync/SyncServices.h"
#endif
#ifdef CADRE_HAVE_CLIENT_TRAININGS
#include "TrainingTypes.h"
#endif

namespace cadre::client {

/// Members in order of construction; destroyed in reverse, so the engine (and its bindings) goes
/// before the objects it shows, and the replica last.
struct Shell::Parts {
    std::unique_ptr<AppContext> context;
#ifdef CADRE_HAVE_CLIENT_SYNC
    std::unique_ptr<SyncServices> sync;
#endif
    std::unique_ptr<QQmlApplicationEngine> engine;
};

Shell::Shell(const QString& dataDir) : parts_(std::make_unique<Parts>()) {
    AppContext& context = *(parts_->context = std::make_unique<AppContext>(dataDir));
#ifdef CADRE_HAVE_CLIENT_SYNC
    SyncServices& sync =
        *(parts_->sync = std::make_unique<SyncServices>(context.replica(), context.databasePath()));
    QObject::connect(&context, &AppContext::localDataChanged, sync.sync(),
                     &SyncController::localDataChanged);
    QObject::connect(sync.sync(), &SyncController::dataChanged, &context, &AppContext::reloadAll);
    if (QCoreApplication::instance() != nullptr) {
        QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, sync.sync(),
                         &SyncController::shutdown);
    }
#endif
    QQmlApplicationEngine& engine = *(parts_->engine = std::make_unique<QQmlApplicationEngine>());
    context.expose(engine);
#ifdef CADRE_HAVE_CLIENT_SYNC
    registerSyncTypes(engine, sync);
#endif
#ifdef CADRE_HAVE_CLIENT_TRAININGS
    auto* trainings = trainings::registerTrainingTypes(engine, context.replica());
    QObject::connect(&context.languageController(), &LanguageController::languageChanged, trainings,
                     &trainings::TrainingServices::reload);
#ifdef CADRE_HAVE_CLIENT_SYNC
    QObject::connect(sync.sync(), &SyncController::dataChanged, trainings,
                     &trainings::TrainingServices::reload);
    QObject::connect(&trainings->manager, &trainings::TrainingManager::changed, sync.sync(),
                     &SyncController::localDataChanged);
#endif
#endif
}

Shell::~Shell() {
#ifdef CADRE_HAVE_CLIENT_SYNC
    if (parts_->sync) {
        parts_->sync->sync()->shutdown();
    }
#endif
    parts_->engine.reset();
}

QQuickWindow* Shell::load() {
    parts_->engine->load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
    const auto roots = parts_->engine->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
}

AppContext& Shell::context() {
    return *parts_->context;
}

QQmlApplicationEngine& Shell::engine() {
    return *parts_->engine;
}

QStringList Shell::parts() {
    QStringList built;
#ifdef CADRE_HAVE_CLIENT_SYNC
    built << QStringLiteral("sync");
#endif
#ifdef CADRE_HAVE_CLIENT_TRAININGS
    built << QStringLiteral("trainings");
#endif
    return built;
}

}  // namespace cadre::client
