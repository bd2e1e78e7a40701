// TranslationTest: the French catalogue ships in the library's resources and translates the sync
// messages, plurals included; the QML pages ship under qrc:/sync/.
#include <QFile>
#include <QTranslator>
#include <QtTest>

#include "sync/SyncFailure.h"

using cadre::client::SyncFailure;

class TranslationTest : public QObject {
    Q_OBJECT

  private slots:
    void pagesAndCataloguesAreResources() {
        for (const char* path :
             {":/sync/SignInPage.qml", ":/sync/SyncStatusBar.qml", ":/sync/AttentionPage.qml",
              ":/i18n/cadre_sync_fr.qm", ":/i18n/cadre_sync_en.qm"})
            QVERIFY2(QFile::exists(QString::fromLatin1(path)), path);
    }

    void frenchMessagesAndPlurals() {
        QTranslator french;
        QVERIFY(french.load(QStringLiteral(":/i18n/cadre_sync_fr.qm")));
        QVERIFY(QCoreApplication::installTranslator(&french));
        QCOMPARE((SyncFailure{SyncFailure::Kind::BadCredentials, {}, 401, 0}.text()),
                 QStringLiteral("Nom d’utilisateur ou mot de passe incorrect."));
        QCOMPARE((SyncFailure{SyncFailure::Kind::Throttled, {}, 429, 30}.text()),
                 QStringLiteral("Trop de tentatives de connexion échouées. Réessayez dans 30 "
                                "secondes."));
        QCOMPARE(QCoreApplication::translate("SyncStatusBar", "%n change(s) waiting to be sent",
                                             nullptr, 1),
                 QStringLiteral("1 modification en attente d’envoi"));
        QCoreApplication::removeTranslator(&french);
        QCOMPARE((SyncFailure{SyncFailure::Kind::BadCredentials, {}, 401, 0}.text()),
                 QStringLiteral("Wrong username or password."));
    }
};

QTEST_GUILESS_MAIN(TranslationTest)
#include "TranslationTest.moc"
