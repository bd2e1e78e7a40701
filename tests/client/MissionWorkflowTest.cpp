// MissionWorkflowTest: drives the real pages offscreen as a field expert would — creates a
// mission, fills three observations, attaches a file, switches to French — then restarts the app
// on the same data directory and finds everything there.
#include <QFile>
#include <QImage>
#include <QObject>
#include <QQmlProperty>
#include <QTemporaryDir>
#include <QTest>

#include "ClientTestSupport.h"
#include "core/AttachmentManager.h"
#include "core/DemoData.h"
#include "core/LanguageController.h"
#include "core/MissionController.h"
#include "core/MissionManager.h"
#include "core/ObservationController.h"
#include "core/ReferenceManager.h"

using cadre::client::test::RunningApp;

namespace {

QString senegalId(cadre::client::AppContext& context) {
    for (const auto& m : context.references().members()) {
        if (m.iso3 == QLatin1String("SEN")) {
            return m.id;
        }
    }
    return {};
}

}  // namespace

class MissionWorkflowTest : public QObject {
    Q_OBJECT

  private slots:
    void createFillAttachTranslateRestart() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString evidencePath = dir.filePath(QStringLiteral("port-scanner.png"));
        {
            QImage image(64, 48, QImage::Format_RGB32);
            image.fill(Qt::darkCyan);
            QVERIFY(image.save(evidencePath));
        }
        {  // English for the first run, whatever the machine's language.
            cadre::client::AppContext first(dir.filePath(QStringLiteral("data")));
            first.languageController().setLanguage(QStringLiteral("en"));
        }

        QString missionId;
        QStringList standardIds;
        {
            RunningApp app(dir.filePath(QStringLiteral("data")));
            QVERIFY(app.window != nullptr);
            QVERIFY(app.exposed);

            // Create a mission through the dialog.
            app.click(app.find(QStringLiteral("newMissionButton")));
            auto* member = app.find(QStringLiteral("newMissionMember"));
            QVERIFY(member != nullptr);
            auto& choices = dynamic_cast<cadre::client::MemberListModel&>(
                *app.context->missionController().memberChoices());
            member->setProperty("currentIndex", choices.indexOf(senegalId(*app.context)));
            app.type(app.find(QStringLiteral("newMissionTitle")),
                     QStringLiteral("Diagnostic mission Dakar"));
            app.type(app.find(QStringLiteral("newMissionStarts")), QStringLiteral("2026-11-16"));
            app.click(app.find(QStringLiteral("createMissionButton")));
            RunningApp::settle(500);
            missionId = app.context->missionController().currentId();
            QVERIFY(!missionId.isEmpty());
            QVERIFY(app.find(QStringLiteral("missionPage")) != nullptr);

            // Fill three observations: open the first standard, then go on with "Next".
            const auto rows = app.context->missions().observations(missionId);
            QCOMPARE(rows.size(), 15);
            QVERIFY(QMetaObject::invokeMethod(app.find(QStringLiteral("missionPage")),
                                              "openStandard",
                                              Q_ARG(QVariant, QVariant(rows.at(0).standardId))));
            RunningApp::settle(500);
            for (int i = 0; i < 3; ++i) {
                standardIds << app.context->observationController().standardId();
                app.click(app.find(QStringLiteral("maturity_%1").arg(i + 1)));
                app.type(app.find(QStringLiteral("field_current_state")),
                         QStringLiteral("État actuel %1: GAINDE in use").arg(i + 1));
                app.type(app.find(QStringLiteral("field_gaps")),
                         QStringLiteral("Gaps of standard %1").arg(i + 1));
                app.click(app.find(QStringLiteral("priority_high")));
                if (i == 2) {  // evidence on the third one, as the file dialog would
                    auto* editor = app.find(QStringLiteral("observationEditor"));
                    QVariant ok;
                    QVERIFY(QMetaObject::invokeMethod(
                        editor, "attachFile", Q_RETURN_ARG(QVariant, ok),
                        Q_ARG(QVariant, QVariant(QUrl::fromLocalFile(evidencePath)))));
                    QVERIFY(ok.toBool());
                    RunningApp::settle();
                    auto* caption = app.find(QStringLiteral("caption_port-scanner.png"));
                    QVERIFY(caption != nullptr);
                    app.type(caption, QStringLiteral("Scanner at the port of Dakar"));
                    QTest::keyClick(app.window, Qt::Key_Return);
                    RunningApp::settle();
                } else {
                    app.click(app.find(QStringLiteral("nextStandardButton")));
                    RunningApp::settle(300);
                }
            }
            QCOMPARE(standardIds.size(), 3);
            QCOMPARE(standardIds.at(0), rows.at(0).standardId);
            QCOMPARE(standardIds.at(2), rows.at(2).standardId);

            // Back to the mission (Alt+Left): its progress counts three standards.
            QTest::keyClick(app.window, Qt::Key_Left, Qt::AltModifier);
            RunningApp::settle(500);
            QCOMPARE(app.context->missionController().observedCount(), 3);
            QCOMPARE(app.find(QStringLiteral("progressLabel"))->property("text").toString(),
                     QStringLiteral("3 of 15 observed"));

            // Switch to French in the settings.
            app.click(app.find(QStringLiteral("navSettings")));
            app.click(app.find(QStringLiteral("language_fr")));
            RunningApp::settle();
            QCOMPARE(app.context->languageController().language(), QStringLiteral("fr"));
            QCOMPARE(app.find(QStringLiteral("navSettings"))->property("text").toString(),
                     QStringLiteral("Paramètres"));
            QCOMPARE(app.find(QStringLiteral("progressLabel"))->property("text").toString(),
                     QStringLiteral("3 observées sur 15"));
        }  // the app closes

        // Restart on the same data directory.
        RunningApp app(dir.filePath(QStringLiteral("data")));
        QVERIFY(app.window != nullptr);
        QCOMPARE(app.context->languageController().language(), QStringLiteral("fr"));
        QCOMPARE(app.find(QStringLiteral("navSettings"))->property("text").toString(),
                 QStringLiteral("Paramètres"));
        auto& list = app.context->missionController().missionList();
        QCOMPARE(list.count(), 1);
        QCOMPARE(list.data(list.index(0), cadre::client::MissionListModel::TitleRole).toString(),
                 QStringLiteral("Diagnostic mission Dakar"));
        QCOMPARE(list.data(list.index(0), cadre::client::MissionListModel::ObservedRole).toInt(),
                 3);

        auto& missions = app.context->missions();
        for (int i = 0; i < 3; ++i) {
            const auto o = missions.observation(missionId, standardIds.at(i));
            QCOMPARE(o.currentState, QStringLiteral("État actuel %1: GAINDE in use").arg(i + 1));
            QCOMPARE(o.gaps, QStringLiteral("Gaps of standard %1").arg(i + 1));
            QCOMPARE(o.maturity.toInt(), i + 1);
            QCOMPARE(o.priority, QStringLiteral("high"));
        }
        const auto third = missions.observation(missionId, standardIds.at(2));
        const auto evidence = app.context->attachments().attachments(QStringLiteral("observation"),
                                                                     third.observationId);
        QCOMPARE(evidence.size(), 1);
        QCOMPARE(evidence.first().caption, QStringLiteral("Scanner at the port of Dakar"));
        QCOMPARE(evidence.first().mediaType, QStringLiteral("image/png"));
        QCOMPARE(evidence.first().fileName, QStringLiteral("port-scanner.png"));
        QVERIFY(QFile::exists(app.context->attachments().blobPath(evidence.first().sha256)));
        QCOMPARE(QFileInfo(app.context->attachments().blobPath(evidence.first().sha256)).size(),
                 QFileInfo(evidencePath).size());

        // The mission page shows it in French.
        QVERIFY(QMetaObject::invokeMethod(app.find(QStringLiteral("missionsPage")), "openMission",
                                          Q_ARG(QVariant, QVariant(missionId))));
        RunningApp::settle(500);
        QCOMPARE(app.find(QStringLiteral("progressLabel"))->property("text").toString(),
                 QStringLiteral("3 observées sur 15"));
    }

    void observationEditorByKeyboardAlone() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QString missionId;
        {
            cadre::client::AppContext seed(dir.path());
            seed.languageController().setLanguage(QStringLiteral("en"));
            missionId = cadre::client::seedDemoData(seed);
        }
        RunningApp app(dir.path());
        QVERIFY(app.window != nullptr);
        // Ctrl+N opens the new-mission dialog; Escape closes it.
        QTest::keyClick(app.window, Qt::Key_N, Qt::ControlModifier);
        RunningApp::settle();
        QVERIFY(app.find(QStringLiteral("newMissionTitle")) != nullptr);
        QTest::keyClick(app.window, Qt::Key_Escape);
        RunningApp::settle();

        QVERIFY(QMetaObject::invokeMethod(app.find(QStringLiteral("missionsPage")), "openMission",
                                          Q_ARG(QVariant, QVariant(missionId))));
        RunningApp::settle(500);
        const QString standard = app.context->missions().observations(missionId).at(3).standardId;
        QVERIFY(app.context->missions().observation(missionId, standard).observationId.isEmpty());
        QVERIFY(QMetaObject::invokeMethod(app.find(QStringLiteral("missionPage")), "openStandard",
                                          Q_ARG(QVariant, QVariant(standard))));
        RunningApp::settle(500);

        // Maturity by Return on a focused chip, then Tab on to the text fields.
        app.find(QStringLiteral("maturity_3"))->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(app.window, Qt::Key_Return);
        QTest::keyClick(app.window, Qt::Key_Tab);  // chip 4
        QTest::keyClick(app.window, Qt::Key_Tab);  // current state
        QVERIFY(app.find(QStringLiteral("field_current_state"))->hasActiveFocus());
        for (const QChar ch : QStringLiteral("NII scanners at AIBD")) {
            QTest::sendKeyEvent(QTest::Click, app.window, Qt::Key_unknown, QString(ch),
                                Qt::NoModifier);
        }
        QTest::keyClick(app.window, Qt::Key_Tab);  // gaps: leaving the field saves at once
        QVERIFY(app.find(QStringLiteral("field_gaps"))->hasActiveFocus());
        const auto saved = app.context->missions().observation(missionId, standard);
        QCOMPARE(saved.maturity.toInt(), 3);
        QCOMPARE(saved.currentState, QStringLiteral("NII scanners at AIBD"));
    }
};

QTEST_MAIN(MissionWorkflowTest)
#include "MissionWorkflowTest.moc"
