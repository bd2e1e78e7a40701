// LaunchSettingsTest: the client's command-line and environment settings (deploy/run.sh).
#include <QTemporaryDir>
#include <QtTest>

#include "sync/LaunchSettings.h"
#include "sync/SessionController.h"

using cadre::client::LaunchSettings;

class LaunchSettingsTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        for (const char* name : {"CADRE_SERVER", "CADRE_CA_FILE", "CADRE_PIN_SHA256", "CADRE_USER",
                                 "CADRE_PASSWORD_FILE", "CADRE_DEVICE_NAME"})
            qunsetenv(name);
    }

    void argumentsFillTheSettingsAndLeaveOthersAlone() {
        QTemporaryDir dir;
        const QString passwordFile = dir.filePath(QStringLiteral("password"));
        QFile file(passwordFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("cadre-demo-2026\nsecond line\n");
        file.close();
        LaunchSettings s;
        const auto error = LaunchSettings::parse(
            {"cadre", "--lang", "fr", "--server", "https://127.0.0.1:8443", "--ca=/tmp/ca.pem",
             "--user", "amina", "--password-file", passwordFile, "--device-name", "Field laptop"},
            s);
        QVERIFY(!error.has_value());
        QCOMPARE(s.server, QStringLiteral("https://127.0.0.1:8443"));
        QCOMPARE(s.caFile, QStringLiteral("/tmp/ca.pem"));
        QCOMPARE(s.username, QStringLiteral("amina"));
        QCOMPARE(s.password, QStringLiteral("cadre-demo-2026"));
        QCOMPARE(s.deviceName, QStringLiteral("Field laptop"));
    }

    void theEnvironmentIsReadAndArgumentsWin() {
        qputenv("CADRE_SERVER", "https://env.example.org");
        qputenv("CADRE_USER", "luc");
        qputenv("CADRE_PIN_SHA256", "AB:CD");
        LaunchSettings s;
        QVERIFY(!LaunchSettings::parse({"cadre", "--user", "fatou"}, s).has_value());
        QCOMPARE(s.server, QStringLiteral("https://env.example.org"));
        QCOMPARE(s.username, QStringLiteral("fatou"));
        QCOMPARE(s.pinnedSha256, QStringLiteral("AB:CD"));
    }

    void mistakesAreReported() {
        LaunchSettings s;
        QVERIFY(LaunchSettings::parse({"cadre", "--server"}, s).has_value());
        QVERIFY(LaunchSettings::parse({"cadre", "--password-file", "/nonexistent/file"}, s)
                    .has_value());
        QVERIFY(
            !cadre::client::SessionController::applyCommandLine({"cadre", "--lang", "fr"}).size());
    }

    void serverAddressesAreNormalised() {
        using cadre::client::SessionController;
        QCOMPARE(
            SessionController::normalisedServerUrl(QStringLiteral(" cadre.example.org:8443/ ")),
            QStringLiteral("https://cadre.example.org:8443"));
        QCOMPARE(SessionController::normalisedServerUrl(QStringLiteral("http://127.0.0.1:8080")),
                 QStringLiteral("http://127.0.0.1:8080"));
        QCOMPARE(SessionController::normalisedServerUrl(QString()), QString());
    }
};

QTEST_GUILESS_MAIN(LaunchSettingsTest)
#include "LaunchSettingsTest.moc"
