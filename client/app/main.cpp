// cadre: the field client. A thin main — builds the AppContext, plugs in the sync and trainings
// parts when they are built, and loads the shell.
#include <QCoreApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QUrl>
#include <cstdio>
#include <exception>

#include "core/AppContext.h"
#include "core/DemoData.h"
#include "core/LanguageController.h"

#ifdef CADRE_HAVE_CLIENT_SYNC
#include "sync/SyncServices.h"
#endif
#ifdef CADRE_HAVE_CLIENT_TRAININGS
#include "TrainingTypes.h"
#endif

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Cadre"));
    QCoreApplication::setApplicationName(QStringLiteral("cadre"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    try {
        const QStringList args = QCoreApplication::arguments();
#ifdef CADRE_HAVE_CLIENT_SYNC
        const QString commandLineError = cadre::client::SessionController::applyCommandLine(args);
        if (!commandLineError.isEmpty()) {
            std::fprintf(stderr, "cadre: %s\n", qPrintable(commandLineError));
            return 2;
        }
#endif
        cadre::client::AppContext context(cadre::client::AppContext::resolveDataDir(args));
        if (args.contains(QStringLiteral("--demo"))) {
            cadre::client::seedDemoData(context);
        }
        // Declared before the engine, so the engine (and its bindings) goes first.
#ifdef CADRE_HAVE_CLIENT_SYNC
        cadre::client::SyncServices sync(context.replica(), context.databasePath());
        QObject::connect(&context, &cadre::client::AppContext::localDataChanged, sync.sync(),
                         &cadre::client::SyncController::localDataChanged);
        QObject::connect(sync.sync(), &cadre::client::SyncController::dataChanged, &context,
                         &cadre::client::AppContext::reloadAll);
        QObject::connect(&app, &QCoreApplication::aboutToQuit, sync.sync(),
                         &cadre::client::SyncController::shutdown);
#endif
        QQmlApplicationEngine engine;
        context.expose(engine);
#ifdef CADRE_HAVE_CLIENT_SYNC
        cadre::client::registerSyncTypes(engine, sync);
#endif
#ifdef CADRE_HAVE_CLIENT_TRAININGS
        auto* trainings = cadre::trainings::registerTrainingTypes(engine, context.replica());
        QObject::connect(&context.languageController(),
                         &cadre::client::LanguageController::languageChanged, trainings,
                         &cadre::trainings::TrainingServices::reload);
#ifdef CADRE_HAVE_CLIENT_SYNC
        QObject::connect(sync.sync(), &cadre::client::SyncController::dataChanged, trainings,
                         &cadre::trainings::TrainingServices::reload);
        QObject::connect(&trainings->manager, &cadre::trainings::TrainingManager::changed,
                         sync.sync(), &cadre::client::SyncController::localDataChanged);
#endif
#endif
        engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
        if (engine.rootObjects().isEmpty()) {
            std::fprintf(stderr, "cadre: the user interface could not be loaded\n");
            return 1;
        }
        return QGuiApplication::exec();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cadre: %s\n", e.what());
        return 1;
    }
}
