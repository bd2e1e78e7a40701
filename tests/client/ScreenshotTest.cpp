// ScreenshotTest: renders every main page of the app shell at 1280×800, in English and in French,
// over the demo data, to <build>/screenshots/<lang>/<page>.png — to be looked at.
#include <QImage>
#include <QObject>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include "ClientTestSupport.h"
#include "core/AttachmentManager.h"
#include "core/DemoData.h"
#include "core/LanguageController.h"
#include "core/MissionManager.h"
#include "core/ReferenceManager.h"

using cadre::client::test::RunningApp;

class ScreenshotTest : public QObject {
    Q_OBJECT

  private slots:
    void everyPage_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("fr") << QStringLiteral("fr");
    }

    void everyPage() {
        QFETCH(QString, language);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = QStringLiteral(CADRE_SCREENSHOT_DIR "/") + language + QLatin1Char('/');
        QString missionId;
        {
            cadre::client::AppContext seed(dir.path());
            seed.languageController().setLanguage(language);
            missionId = cadre::client::seedDemoData(seed);
        }
        QVERIFY(!missionId.isEmpty());
        {  // Evidence on standard 1: a "photo" made here, attached as a user would.
            cadre::client::AppContext seed(dir.path());
            QImage photo(640, 420, QImage::Format_RGB32);
            photo.fill(QColor(0x35, 0x5c, 0x7d));
            QPainter painter(&photo);
            painter.fillRect(40, 220, 560, 160, QColor(0xd9, 0xa4, 0x41));
            painter.fillRect(120, 120, 180, 100, QColor(0xee, 0xee, 0xee));
            painter.end();
            const QString path = dir.filePath(QStringLiteral("scanner-dakar-port.jpg"));
            QVERIFY(photo.save(path));
            const auto rows = seed.missions().observations(missionId);
            seed.attachments().attach(QStringLiteral("observation"), rows.first().observationId,
                                      path, QStringLiteral("X-ray scanner at the express hub"));
        }

        {  // A first run: nothing on this device yet.
            QTemporaryDir empty;
            {
                cadre::client::AppContext first(empty.path());
                first.languageController().setLanguage(language);
            }
            RunningApp app(empty.path());
            QVERIFY(app.window != nullptr);
            QVERIFY(app.screenshot(out + QStringLiteral("missions-empty.png")));
        }

        RunningApp app(dir.path());
        QVERIFY(app.window != nullptr);
        QCOMPARE(app.context->languageController().language(), language);
        QVERIFY(app.screenshot(out + QStringLiteral("missions.png")));

        auto* newButton = app.find(QStringLiteral("newMissionButton"));
        QVERIFY(newButton != nullptr);
        app.click(newButton);
        QVERIFY(app.screenshot(out + QStringLiteral("new-mission.png")));
        QTest::keyClick(app.window, Qt::Key_Escape);
        RunningApp::settle();

        auto* missionsPage = app.find(QStringLiteral("missionsPage"));
        QVERIFY(missionsPage != nullptr);
        QVERIFY(QMetaObject::invokeMethod(missionsPage, "openMission",
                                          Q_ARG(QVariant, QVariant(missionId))));
        RunningApp::settle(600);
        QVERIFY(app.screenshot(out + QStringLiteral("mission.png")));

        auto* missionPage = app.find(QStringLiteral("missionPage"));
        QVERIFY(missionPage != nullptr);
        const auto rows = app.context->missions().observations(missionId);
        QVERIFY(!rows.isEmpty());
        QVERIFY(QMetaObject::invokeMethod(missionPage, "openStandard",
                                          Q_ARG(QVariant, QVariant(rows.first().standardId))));
        RunningApp::settle(600);
        QVERIFY(app.screenshot(out + QStringLiteral("observation.png")));

        app.window->setProperty("section", QStringLiteral("settings"));
        QVERIFY(app.screenshot(out + QStringLiteral("settings.png")));
    }
};

QTEST_MAIN(ScreenshotTest)
#include "ScreenshotTest.moc"
