// cadre: the field client. A thin main — the Shell builds the app, with the sync and trainings
// parts when they are built.
#include <QCoreApplication>
#include <QGuiApplication>
#include <QQuickStyle>
#include <cstdio>
#include <exception>

#include "app/Shell.h"
#include "core/AppContext.h"
#include "core/DemoData.h"

#ifdef CADRE_HAVE_CLIENT_SYNC
#include "sync/SessionController.h"
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
        cadre::client::Shell shell(cadre::client::AppContext::resolveDataDir(args));
        if (args.contains(QStringLiteral("--demo"))) {
            cadre::client::seedDemoData(shell.context());
        }
        if (shell.load() == nullptr) {
            std::fprintf(stderr, "cadre: the user interface could not be loaded\n");
            return 1;
        }
        return QGuiApplication::exec();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cadre: %s\n", e.what());
        return 1;
    }
}
