// SessionController: first run and sign-in for QML — server address, trust of its certificate,
// username, password, device name; the identity kept for offline starts; sign-out.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "sync/SyncFailure.h"

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

class SyncController;

class SessionController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY settingsChanged)
    /// A PEM file with the CA (or the server's self-signed certificate) to trust.
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY settingsChanged)
    /// The server certificate's SHA-256 fingerprint ("AB:CD:…"), checked on top of the CA.
    Q_PROPERTY(QString pinnedSha256 READ pinnedSha256 WRITE setPinnedSha256 NOTIFY settingsChanged)
    Q_PROPERTY(QString username READ username WRITE setUsername NOTIFY settingsChanged)
    Q_PROPERTY(QString deviceName READ deviceName WRITE setDeviceName NOTIFY settingsChanged)
    /// True once a sign-in succeeded on this device (also offline, on later starts), until
    /// sign-out or until the server refuses the session.
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    /// {username, userId, role, personId} of the signed-in user (empty strings when none).
    Q_PROPERTY(QVariantMap identity READ identity NOTIFY identityChanged)
    Q_PROPERTY(QString role READ role NOTIFY identityChanged)
    Q_PROPERTY(QString personId READ personId NOTIFY identityChanged)

  public:
    /// `ui` is the replica of the GUI thread (read here; its author is set to the signed-in user
    /// so that local writes carry the right name). Sign-in runs in `sync`'s thread.
    SessionController(replica::Replica& ui, SyncController& sync, QObject* parent = nullptr);

    /// Reads --server URL, --ca FILE, --pin SHA256, --user NAME, --password-file FILE,
    /// --device-name NAME (or CADRE_SERVER, CADRE_CA_FILE, CADRE_PIN_SHA256, CADRE_USER,
    /// CADRE_PASSWORD_FILE, CADRE_DEVICE_NAME) for the SessionController made next: it fills the
    /// sign-in form with them and, given a user and a password, signs in on its own unless that
    /// user is already signed in to that server. Call from main() before building the
    /// controllers. Returns an error message for the terminal, or "" (unknown arguments are
    /// ignored).
    static QString applyCommandLine(const QStringList& arguments);

    [[nodiscard]] QString serverUrl() const { return serverUrl_; }
    void setServerUrl(const QString& url);
    [[nodiscard]] QString caFile() const { return caFile_; }
    void setCaFile(const QString& path);
    [[nodiscard]] QString pinnedSha256() const { return pinnedSha256_; }
    void setPinnedSha256(const QString& pin);
    [[nodiscard]] QString username() const { return username_; }
    void setUsername(const QString& name);
    [[nodiscard]] QString deviceName() const { return deviceName_; }
    void setDeviceName(const QString& name);
    [[nodiscard]] bool signedIn() const { return signedIn_; }
    [[nodiscard]] bool busy() const { return busy_; }
    [[nodiscard]] QString errorText() const;
    [[nodiscard]] QVariantMap identity() const;
    [[nodiscard]] QString role() const { return role_; }
    [[nodiscard]] QString personId() const { return personId_; }

    /// Checks the form, then signs in in the background; signedIn or errorText follows.
    Q_INVOKABLE void signIn(const QString& password);
    /// Forgets the session on this device (and revokes it on the server when reachable). The
    /// data and the unsent changes stay on the device.
    Q_INVOKABLE void signOut();

    /// "https://" added when no scheme is given; spaces and trailing slashes removed.
    [[nodiscard]] static QString normalisedServerUrl(const QString& url);

  signals:
    void settingsChanged();
    void signedInChanged();
    void busyChanged();
    void errorTextChanged();
    void identityChanged();

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void onSignInFinished(bool ok, const cadre::client::SyncFailure& failure);
    void onSignedOut();
    void loadIdentity();
    void setError(const SyncFailure& failure, const char* formError = nullptr);
    void setBusy(bool busy);

    replica::Replica& ui_;
    SyncController& sync_;
    QString serverUrl_, caFile_, pinnedSha256_, username_, deviceName_;
    QString userId_, role_, personId_;
    bool signedIn_ = false;
    bool busy_ = false;
    SyncFailure failure_;
    const char* formError_ = nullptr;  ///< a problem with the form (source text, tr() at read)
};

}  // namespace cadre::client
