#include "sync/SessionController.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFileInfo>
#include <QSysInfo>

#include "replica/Replica.h"
#include "sync/LaunchSettings.h"
#include "sync/SettingKeys.h"
#include "sync/SyncClient.h"
#include "sync/SyncController.h"

namespace cadre::client {

namespace {

LaunchSettings& launch() {
    static LaunchSettings settings;
    return settings;
}

QString setting(replica::Replica& replica, const char* key) {
    return QString::fromStdString(replica.localSetting(key));
}

}  // namespace

QString SessionController::applyCommandLine(const QStringList& arguments) {
    return LaunchSettings::parse(arguments, launch()).value_or(QString());
}

SessionController::SessionController(replica::Replica& ui, SyncController& sync, QObject* parent)
    : QObject(parent), ui_(ui), sync_(sync) {
    serverUrl_ = setting(ui_, keys::kServer);
    caFile_ = setting(ui_, keys::kCaFile);
    pinnedSha256_ = setting(ui_, keys::kPinnedSha256);
    deviceName_ = setting(ui_, keys::kDeviceName);
    if (deviceName_.isEmpty())
        deviceName_ = QSysInfo::machineHostName();
    loadIdentity();
    signedIn_ = !username_.isEmpty() && !ui_.localSetting(keys::kToken).empty();
    if (signedIn_)
        ui_.setAuthor(username_.toStdString());

    connect(&sync_, &SyncController::signInFinished, this, &SessionController::onSignInFinished);
    connect(&sync_, &SyncController::signedOut, this, &SessionController::onSignedOut);
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);

    // Settings from the command line or the environment fill the form, and sign in when they
    // name a user other than the one signed in (or another server).
    const LaunchSettings& given = launch();
    const QString givenServer = normalisedServerUrl(given.server);
    const bool otherSession = !signedIn_ || given.username != username_ ||
                              (!givenServer.isEmpty() && givenServer != serverUrl_);
    if (!givenServer.isEmpty())
        serverUrl_ = givenServer;
    if (!given.caFile.isEmpty())
        caFile_ = given.caFile;
    if (!given.pinnedSha256.isEmpty())
        pinnedSha256_ = given.pinnedSha256;
    if (!given.deviceName.isEmpty())
        deviceName_ = given.deviceName;
    if (!given.username.isEmpty() && !signedIn_)
        username_ = given.username;
    if (!given.username.isEmpty() && !given.password.isEmpty() && otherSession) {
        username_ = given.username;
        signIn(given.password);
    }
}

void SessionController::loadIdentity() {
    const auto who = sync::SyncClient::identity(ui_);
    username_ = QString::fromStdString(who.username);
    userId_ = QString::fromStdString(who.userId);
    role_ = QString::fromStdString(who.role);
    personId_ = QString::fromStdString(who.personId);
}

QString SessionController::normalisedServerUrl(const QString& url) {
    QString out = url.trimmed();
    if (out.isEmpty())
        return out;
    if (!out.contains(QLatin1String("://")))
        out.prepend(QLatin1String("https://"));
    while (out.endsWith(QLatin1Char('/')))
        out.chop(1);
    return out;
}

void SessionController::setServerUrl(const QString& url) {
    if (url == serverUrl_)
        return;
    serverUrl_ = url;
    emit settingsChanged();
}

void SessionController::setCaFile(const QString& path) {
    // A file chosen in a FileDialog arrives as a file:// URL.
    const QString local = path.startsWith(QLatin1String("file://"))
                              ? path.mid(QStringLiteral("file://").size())
                              : path;
    if (local == caFile_)
        return;
    caFile_ = local;
    emit settingsChanged();
}

void SessionController::setPinnedSha256(const QString& pin) {
    if (pin == pinnedSha256_)
        return;
    pinnedSha256_ = pin;
    emit settingsChanged();
}

void SessionController::setUsername(const QString& name) {
    if (name == username_)
        return;
    username_ = name;
    emit settingsChanged();
}

void SessionController::setDeviceName(const QString& name) {
    if (name == deviceName_)
        return;
    deviceName_ = name;
    emit settingsChanged();
}

QString SessionController::errorText() const {
    if (formError_)
        return tr(formError_);
    return failure_.text();
}

QVariantMap SessionController::identity() const {
    return {{QStringLiteral("username"), signedIn_ ? username_ : QString()},
            {QStringLiteral("userId"), userId_},
            {QStringLiteral("role"), role_},
            {QStringLiteral("personId"), personId_}};
}

void SessionController::setError(const SyncFailure& failure, const char* formError) {
    failure_ = failure;
    formError_ = formError;
    emit errorTextChanged();
}

void SessionController::setBusy(bool busy) {
    if (busy == busy_)
        return;
    busy_ = busy;
    emit busyChanged();
}

void SessionController::signIn(const QString& password) {
    if (busy_)
        return;
    const QString server = normalisedServerUrl(serverUrl_);
    if (server.isEmpty())
        return setError({}, QT_TR_NOOP("Enter the server address."));
    if (username_.trimmed().isEmpty())
        return setError({}, QT_TR_NOOP("Enter your username."));
    if (password.isEmpty())
        return setError({}, QT_TR_NOOP("Enter your password."));
    if (deviceName_.trimmed().isEmpty())
        return setError({}, QT_TR_NOOP("Give this device a name."));
    if (server != serverUrl_) {
        serverUrl_ = server;
        emit settingsChanged();
    }
    // Kept as an absolute path: the app may start from another directory next time.
    if (const QFileInfo ca(caFile_.trimmed()); !caFile_.trimmed().isEmpty() && ca.isRelative()) {
        caFile_ = ca.absoluteFilePath();
        emit settingsChanged();
    }
    setError({});
    setBusy(true);
    sync_.signIn(server, caFile_.trimmed(), pinnedSha256_.trimmed(), username_.trimmed(), password,
                 deviceName_.trimmed());
}

void SessionController::signOut() {
    sync_.signOut();
    onSignedOut();
}

void SessionController::onSignInFinished(bool ok, const cadre::client::SyncFailure& failure) {
    setBusy(false);
    if (!ok) {
        setError(failure);
        return;
    }
    loadIdentity();
    ui_.setAuthor(username_.toStdString());
    setError({});
    emit identityChanged();
    emit settingsChanged();
    if (!signedIn_) {
        signedIn_ = true;
        emit signedInChanged();
    }
}

void SessionController::onSignedOut() {
    if (sync_.lastFailure().kind == SyncFailure::Kind::SessionExpired)
        setError(sync_.lastFailure());
    if (signedIn_) {
        signedIn_ = false;
        emit signedInChanged();
        emit identityChanged();
    }
}

bool SessionController::eventFilter(QObject* watched, QEvent* event) {
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        emit errorTextChanged();
    return QObject::eventFilter(watched, event);
}

}  // namespace cadre::client
