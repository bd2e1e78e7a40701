// SyncPagesTest: the sync pages load in the Material style with no QML warning, show what the
// controllers hold (a conflict, a refusal, a review), and are saved as screenshots in English and
// French under <build>/screenshots/<lang>/ (sync-signin.png, sync-attention.png).
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>
#include <QtTest>

#include "TestReplicas.h"
#include "sync/RejectionStore.h"
#include "sync/SyncServices.h"

namespace {

const char* kWindow = R"(
import QtQuick
import QtQuick.Controls
ApplicationWindow {
    width: 1280; height: 800; visible: true
    property url page
    Loader { id: content; objectName: "content"; anchors.fill: parent; source: page }
    footer: Loader { objectName: "statusBar"; source: "qrc:/sync/SyncStatusBar.qml" }
}
)";

}  // namespace

class SyncPagesTest : public QObject {
    Q_OBJECT

  private:
    void show(const QString& lang, const QString& page, const QString& shot) {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("qrc:/sync/")));
        cadre::test::TestReplicas r;
        r.makeConflict();
        r.hub->update("observation", r.observation, {{"review_state", "has_issues"}});
        r.hub->insert("review_comment",
                      {{"mission_id", r.mission},
                       {"observation_id", r.observation},
                       {"body", "Cite the article of the customs code for the gaps."},
                       {"posted_at", "2026-11-20T10:15:00Z"}});
        r.relay(*r.a);
        const auto visit = r.a->insert(
            "mission", {{"kind", "study_visit"},
                        {"member_id", cadre::domain::namedUuid("member/FRA")},
                        {"edition_id", cadre::domain::namedUuid("catalogue_edition/2018")},
                        {"title", "Study visit — France"},
                        {"status", "planned"},
                        {"review_state", "draft"}});
        Q_UNUSED(visit)
        (void)cadre::client::RejectionStore::recordPush(
            *r.a,
            {cadre::sync::Rejection{403,
                                    "forbidden",
                                    "the batch was refused",
                                    {{"changes[0]", "this mission is not assigned to you"}}}},
            500, QDateTime::currentMSecsSinceEpoch());

        QTranslator translator;
        if (lang != QLatin1String("en")) {
            QVERIFY(translator.load(QStringLiteral(":/i18n/cadre_sync_%1.qm").arg(lang)));
            QCoreApplication::installTranslator(&translator);
        }
        cadre::client::SyncController::Options options;
        options.automatic = false;
        cadre::client::SyncServices services(*r.a, QString::fromStdString(r.path("a.db")), options);
        QQmlApplicationEngine engine;
        cadre::client::registerSyncTypes(engine, services);
        engine.loadData(kWindow);
        QCOMPARE(engine.rootObjects().size(), 1);
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        QVERIFY(window);
        window->setProperty("page", QUrl(page));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTest::qWait(200);
        auto* content = window->findChild<QObject*>(QStringLiteral("content"));
        QVERIFY(content && content->property("item").value<QObject*>());

        const QString dir = QStringLiteral(CADRE_SCREENSHOT_DIR "/") + lang;
        QDir().mkpath(dir);
        const QImage image = window->grabWindow();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(dir + QLatin1Char('/') + shot));
        if (lang != QLatin1String("en"))
            QCoreApplication::removeTranslator(&translator);
    }

  private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Material")); }

    void pages_data() {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("shot");
        for (const char* lang : {"en", "fr"}) {
            QTest::addRow("%s sign-in", lang)
                << QString::fromLatin1(lang) << QStringLiteral("qrc:/sync/SignInPage.qml")
                << QStringLiteral("sync-signin.png");
            QTest::addRow("%s attention", lang)
                << QString::fromLatin1(lang) << QStringLiteral("qrc:/sync/AttentionPage.qml")
                << QStringLiteral("sync-attention.png");
        }
    }

    void pages() {
        QFETCH(QString, lang);
        QFETCH(QString, page);
        QFETCH(QString, shot);
        show(lang, page, shot);
    }

    void theAttentionListShowsEveryKind() {
        cadre::test::TestReplicas r;
        r.makeConflict();
        cadre::client::SyncController::Options options;
        options.automatic = false;
        cadre::client::SyncServices services(*r.a, QString::fromStdString(r.path("a.db")), options);
        QQmlApplicationEngine engine;
        cadre::client::registerSyncTypes(engine, services);
        engine.loadData(kWindow);
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().first());
        window->setProperty("page", QUrl(QStringLiteral("qrc:/sync/AttentionPage.qml")));
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto* list = window->findChild<QQuickItem*>(QStringLiteral("attentionList"));
        QTRY_VERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 1);
        auto* bar = window->findChild<QObject*>(QStringLiteral("stateLabel"));
        QVERIFY(bar);
        QCOMPARE(bar->property("text").toString(), QStringLiteral("Not signed in"));
    }
};

QTEST_MAIN(SyncPagesTest)
#include "SyncPagesTest.moc"
