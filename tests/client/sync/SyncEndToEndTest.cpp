// SyncEndToEndTest: two field clients (the app's own sync code, headless) and a real cadre-server
// over HTTPS with a test CA — offline edits on both, the conflict in each client's needs-attention
// list, HQ's resolution arriving on both; a refused push listed with its reason, its data kept.
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

#include "ClientDevice.h"
#include "ServerProcess.h"
#include "domain/Uuid.h"
#include "http/SelfSignedCertificate.h"
#include "sync/SyncClient.h"
#include "sync/https/HttpsTransport.h"

namespace {

const QString kPassword = QStringLiteral("cadre-demo-2026");

QString text(cadre::replica::Replica& r, const std::string& table, const std::string& id,
             const std::string& column) {
    const auto record = r.get(table, id);
    if (!record || !record->fields.at(column).isText())
        return {};
    return QString::fromStdString(record->fields.at(column).asText());
}

std::string observationOfStandard(cadre::replica::Replica& r, int number) {
    cadre::replica::Statement st(r.database(),
                                 "SELECT o.id FROM observation o JOIN standard s ON "
                                 "s.id = o.standard_id WHERE s.number = ?1");
    st.bind(1, std::int64_t{number});
    return st.step() ? st.text(0) : std::string();
}

}  // namespace

class SyncEndToEndTest : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    cadre::server::TestPki pki_;
    std::unique_ptr<cadre::test::ServerProcess> server_;

    QString file(const char* name) const { return dir_.filePath(QString::fromLatin1(name)); }
    QString url() const { return QString::fromStdString(server_->url()); }
    QString ca() const { return QString::fromStdString(pki_.caCert); }

  private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        pki_ = cadre::server::makeTestPki(file("pki").toStdString());
        std::string out;
        QCOMPARE(cadre::test::runServerCommand({"demo-data", "--data", file("data").toStdString()},
                                               "", &out),
                 0);
        server_ = std::make_unique<cadre::test::ServerProcess>(file("data").toStdString(),
                                                               pki_.serverCert, pki_.serverKey, 0,
                                                               file("server.log").toStdString());
    }

    void signInErrorsAreClear() {
        cadre::test::ClientDevice device(file("errors.db"));
        QCOMPARE(device.sync().state(), QStringLiteral("signed-out"));
        QVERIFY(!device.signIn(url(), ca(), QStringLiteral("amina"), QStringLiteral("wrong")));
        QVERIFY(!device.session().signedIn());
        QCOMPARE(device.session().errorText(), QStringLiteral("Wrong username or password."));

        // A pinned fingerprint that is not the server's: the certificate is refused.
        QVERIFY(!device.signIn(url(), ca(), QStringLiteral("amina"), kPassword,
                               QString(64, QLatin1Char('0'))));
        QVERIFY2(device.session().errorText().contains(QStringLiteral("certificate")),
                 qPrintable(device.session().errorText()));

        // Without the test CA the server's certificate is not trusted either.
        QVERIFY(!device.signIn(url(), QString(), QStringLiteral("amina"), kPassword));
        QVERIFY2(device.session().errorText().contains(QStringLiteral("certificate")),
                 qPrintable(device.session().errorText()));

        // Nobody listening there.
        QVERIFY(!device.signIn(QStringLiteral("https://127.0.0.1:1"), ca(), QStringLiteral("amina"),
                               kPassword));
        QVERIFY2(device.session().errorText().contains(QStringLiteral("cannot be reached")),
                 qPrintable(device.session().errorText()));
    }

    void aConflictShowsOnBothClientsAndHqResolutionArrives() {
        cadre::test::ClientDevice amina(file("amina.db"));
        cadre::test::ClientDevice luc(file("luc.db"));
        QVERIFY(amina.signIn(url(), ca(), QStringLiteral("amina"), kPassword));
        QVERIFY(luc.signIn(url(), ca(), QStringLiteral("luc"), kPassword));
        QCOMPARE(amina.session().role(), QStringLiteral("expert"));
        QVERIFY(!amina.session().personId().isEmpty());
        QCOMPARE(amina.sync().state(), QStringLiteral("idle"));
        QVERIFY(amina.sync().lastSyncAt().isValid());

        const std::string observation = observationOfStandard(amina.ui, 3);
        QVERIFY(!observation.empty());
        QCOMPARE(observationOfStandard(luc.ui, 3), observation);

        // Offline: the server is down while both edit the same field.
        server_->stop(SIGTERM);
        amina.ui.update("observation", observation, {{"current_state", "Pilot at the airport"}});
        luc.ui.update("observation", observation, {{"current_state", "Nothing at the border"}});
        amina.sync().localDataChanged();
        QVERIFY(amina.syncNow());
        QCOMPARE(amina.sync().state(), QStringLiteral("offline"));
        QVERIFY(amina.sync().lastError().contains(QStringLiteral("cannot be reached")));
        QCOMPARE(amina.sync().pendingCount(), 1);
        server_->start();

        // Back online: both sync; each ends with the other's value as a conflict.
        QVERIFY(amina.syncNow());
        QCOMPARE(amina.sync().state(), QStringLiteral("idle"));
        QCOMPARE(amina.sync().pendingCount(), 0);
        QSignalSpy lucData(&luc.sync(), &cadre::client::SyncController::dataChanged);
        QVERIFY(luc.syncNow());
        QCOMPARE(lucData.count(), 1);
        QVERIFY(amina.syncNow());
        for (auto* device : {&amina, &luc}) {
            QCOMPARE(device->attention().conflictCount(), 1);
            const QModelIndex i = device->attention().index(0);
            QCOMPARE(i.data(cadre::client::AttentionModel::KindRole).toString(),
                     QStringLiteral("conflict"));
            QCOMPARE(i.data(cadre::client::AttentionModel::RecordIdRole).toString(),
                     QString::fromStdString(observation));
            const QStringList both = {
                i.data(cadre::client::AttentionModel::WinnerValueRole).toString(),
                i.data(cadre::client::AttentionModel::LoserValueRole).toString()};
            QVERIFY(both.contains(QStringLiteral("Pilot at the airport")));
            QVERIFY(both.contains(QStringLiteral("Nothing at the border")));
        }
        QCOMPARE(text(amina.ui, "observation", observation, "current_state"),
                 text(luc.ui, "observation", observation, "current_state"));

        // HQ resolves on its own replica through the SyncClient.
        cadre::replica::Replica hq(file("hq.db").toStdString(), {});
        cadre::sync::HttpsTransport transport(
            cadre::sync::HttpsOptions{server_->url(), pki_.caCert, "", std::chrono::seconds(10)});
        cadre::sync::SyncClient client(hq, transport, {});
        client.login("hq.reviewer", kPassword.toStdString(), "HQ desk");
        (void)client.sync();
        QCOMPARE(hq.conflicts().size(), std::size_t{1});
        hq.resolve("observation", observation, "current_state",
                   "Pilot at the airport; nothing at the land border");
        const auto pushed = client.sync();
        QVERIFY(pushed.rejections.empty());
        QVERIFY(hq.conflicts().empty());

        // The resolution reaches both clients: conflict gone, same value.
        for (auto* device : {&amina, &luc}) {
            QVERIFY(device->syncNow());
            QCOMPARE(device->attention().conflictCount(), 0);
            QCOMPARE(text(device->ui, "observation", observation, "current_state"),
                     QStringLiteral("Pilot at the airport; nothing at the land border"));
        }
    }

    void anAttachmentFileIsUploadedBeforeItsRecord() {
        cadre::test::ClientDevice amina(file("amina.db"));
        const QByteArray photo = QByteArray("photo of the border post ").repeated(1000);
        const QString sha256 = QString::fromLatin1(
            QCryptographicHash::hash(photo, QCryptographicHash::Sha256).toHex());
        QDir().mkpath(file("blobs"));  // the app keeps files in "blobs" beside the replica
        QFile blob(QDir(file("blobs")).filePath(sha256));
        QVERIFY(blob.open(QIODevice::WriteOnly));
        blob.write(photo);
        blob.close();
        amina.ui.insert("attachment", {{"owner_table", "observation"},
                                       {"owner_id", observationOfStandard(amina.ui, 3)},
                                       {"sha256", sha256.toStdString()},
                                       {"file_name", "border.jpg"},
                                       {"media_type", "image/jpeg"},
                                       {"size_bytes", static_cast<std::int64_t>(photo.size())}});
        QVERIFY(amina.syncNow());
        QCOMPARE(amina.sync().state(), QStringLiteral("idle"));
        QCOMPARE(amina.sync().pendingCount(), 0);
        QCOMPARE(amina.attention().rejectedCount(), 0);
    }

    void aRefusedPushIsListedWithItsReasonAndTheDataIsKept() {
        cadre::test::ClientDevice amina(file("amina.db"));  // signed in by the test above
        QVERIFY(amina.session().signedIn());
        QCOMPARE(amina.session().username(), QStringLiteral("amina"));
        // An expert creating a mission (here: for another Member) is refused by the server.
        const std::string mission = amina.ui.insert(
            "mission", {{"kind", "study_visit"},
                        {"member_id", cadre::domain::namedUuid("member/FRA")},
                        {"edition_id", cadre::domain::namedUuid("catalogue_edition/2018")},
                        {"title", "Study visit — France"},
                        {"status", "planned"},
                        {"review_state", "draft"}});
        QVERIFY(amina.syncNow());
        QCOMPARE(amina.sync().state(), QStringLiteral("error"));
        QVERIFY(!amina.sync().lastError().isEmpty());
        QCOMPARE(amina.attention().rejectedCount(), 1);
        const QModelIndex i = amina.attention().index(0);
        QCOMPARE(i.data(cadre::client::AttentionModel::KindRole).toString(),
                 QStringLiteral("rejected"));
        QCOMPARE(i.data(cadre::client::AttentionModel::TitleRole).toString(),
                 QStringLiteral("Study visit — France"));
        QVERIFY(!i.data(cadre::client::AttentionModel::ReasonRole).toString().isEmpty());
        qInfo().noquote() << "refusal shown:"
                          << i.data(cadre::client::AttentionModel::ReasonRole).toString();

        // The data stays, editable, on the device; the refused changes are set aside (they would
        // be refused at every try) so they hold up nothing, and stay listed.
        QVERIFY(amina.ui.get("mission", mission).has_value());
        amina.ui.update("mission", mission, {{"title", "Study visit — France (draft)"}});
        QCOMPARE(text(amina.ui, "mission", mission, "title"),
                 QStringLiteral("Study visit — France (draft)"));
        QVERIFY(amina.syncNow());
        QCOMPARE(amina.sync().pendingCount(), 0);
        QCOMPARE(amina.ui.setAsideChanges().size(), std::size_t{2});
        QCOMPARE(amina.attention().rejectedCount(), 1);
    }

    void theIdentityWorksOfflineAfterARestart() {
        server_->stop(SIGTERM);
        cadre::test::ClientDevice amina(file("amina.db"));
        QVERIFY(amina.session().signedIn());
        QCOMPARE(amina.session().identity().value(QStringLiteral("role")).toString(),
                 QStringLiteral("expert"));
        QCOMPARE(amina.session().serverUrl(), url());
        // The refusal seen before the restart is still listed.
        QCOMPARE(amina.attention().rejectedCount(), 1);
        QVERIFY(amina.syncNow());
        QCOMPARE(amina.sync().state(), QStringLiteral("offline"));
        server_->start();
    }

    void anExpiredSessionAsksToSignInAgainAndKeepsTheData() {
        cadre::test::ClientDevice amina(file("amina.db"));
        const auto pending = amina.ui.pendingCount();
        amina.ui.setLocalSetting("token", "expired-or-revoked");
        QVERIFY(amina.syncNow());
        QCOMPARE(amina.sync().state(), QStringLiteral("signed-out"));
        QVERIFY(!amina.session().signedIn());
        QVERIFY2(amina.session().errorText().contains(QStringLiteral("Sign in again")),
                 qPrintable(amina.session().errorText()));
        QCOMPARE(amina.session().username(), QStringLiteral("amina"));  // the form keeps it
        QCOMPARE(amina.ui.pendingCount(), pending);
        QVERIFY(amina.signIn(url(), ca(), QStringLiteral("amina"), kPassword));
        QVERIFY(amina.session().signedIn());
    }

    void theCommandLineSignsInOnItsOwn() {
        QFile password(file("password"));
        QVERIFY(password.open(QIODevice::WriteOnly));
        password.write(kPassword.toUtf8() + "\n");
        password.close();
        QCOMPARE(cadre::client::SessionController::applyCommandLine(
                     {QStringLiteral("cadre"), QStringLiteral("--server"), url(),
                      QStringLiteral("--ca"), ca(), QStringLiteral("--user"), QStringLiteral("luc"),
                      QStringLiteral("--password-file"), file("password")}),
                 QString());
        cadre::test::ClientDevice luc(file("luc-launched.db"));
        QTRY_VERIFY_WITH_TIMEOUT(luc.session().signedIn(), 30000);
        QCOMPARE(luc.session().username(), QStringLiteral("luc"));
        QCOMPARE(luc.session().role(), QStringLiteral("expert"));
        QTRY_VERIFY_WITH_TIMEOUT(luc.sync().lastSyncAt().isValid(), 30000);
    }

    void cleanupTestCase() { server_.reset(); }
};

QTEST_GUILESS_MAIN(SyncEndToEndTest)
#include "SyncEndToEndTest.moc"
