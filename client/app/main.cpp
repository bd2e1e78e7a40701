// cadre: the field client. A thin main — builds the AppContext and loads the shell.
#include <QCoreApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QUrl>
#include <cstdio>
#include <exception>

#include "core/AppContext.h"
#include "core/DemoData.h"

int main(int argc, char* argv[]) {
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Cadre"));
    QCoreApplication::setApplicationName(QStringLiteral("cadre"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    try {
        const QStringList args = QCoreApplication::arguments();
        cadre::client::AppContext context(cadre::client::AppContext::resolveDataDir(args));
        if (args.contains(QStringLiteral("--demo"))) {
            cadre::client::seedDemoData(context);
        }
        QQmlApplicationEngine engine;
        context.expose(engine);
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
