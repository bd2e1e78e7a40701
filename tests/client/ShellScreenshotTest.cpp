// ShellScreenshotTest: the whole app as main() builds it (Shell: with the sync and trainings parts
// when they are built), over the demo data, in English and French — the first-run sign-in, the
// missions with the status bar, trainings, needs attention — to <build>/screenshots/<lang>/.
#include <QDir>
#include <QObject>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include "app/Shell.h"
#include "core/AppContext.h"
#include "core/DemoData.h"
#include "core/LanguageController.h"

class ShellScreenshotTest : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Material")); }

    void everySection_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void everySection() {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            cadre::client::AppContext seed(dir.path());
            seed.languageController().setLanguage(language);
            QVERIFY(!cadre::client::seedDemoData(seed).isEmpty());
        }
        cadre::client::Shell shell(dir.path());
        QQuickWindow* window = shell.load();
        QVERIFY(window != nullptr);
        window->resize(1280, 800);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        const QString out = QStringLiteral(CADRE_SCREENSHOT_DIR "/") + language + QLatin1Char('/');
        QDir().mkpath(out);
        const auto shoot = [&](const QString& name) {
            QTest::qWait(500);
            return window->grabWindow().save(out + name);
        };

        const QStringList parts = cadre::client::Shell::parts();
        if (parts.contains(QStringLiteral("sync"))) {
            // Nobody signed in on this device yet: the app opens on sign-in.
            QCOMPARE(window->property("section").toString(), QStringLiteral("account"));
            QVERIFY(shoot(QStringLiteral("shell-sign-in.png")));
        }
        window->setProperty("section", QStringLiteral("missions"));
        QVERIFY(shoot(QStringLiteral("shell-missions.png")));
        if (parts.contains(QStringLiteral("trainings"))) {
            QVERIFY(window->property("hasTrainings").toBool());
            window->setProperty("section", QStringLiteral("trainings"));
            QVERIFY(shoot(QStringLiteral("shell-trainings.png")));
        }
        if (parts.contains(QStringLiteral("sync"))) {
            QVERIFY(window->property("hasAttention").toBool());
            QVERIFY(window->property("hasStatusBar").toBool());
            window->setProperty("section", QStringLiteral("attention"));
            QVERIFY(shoot(QStringLiteral("shell-attention.png")));
        }
    }
};

QTEST_MAIN(ShellScreenshotTest)
#include "ShellScreenshotTest.moc"
