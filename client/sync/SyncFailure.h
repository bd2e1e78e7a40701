// SyncFailure: why a sign-in or a sync did not go through, sorted into what the user can act on.
#pragma once

#include <QMetaType>
#include <QString>
#include <exception>

namespace cadre::client {

struct SyncFailure {
    enum class Kind {
        None,
        BadCredentials,      ///< 401 at sign-in: wrong username or password
        SessionExpired,      ///< 401 at sync: the token expired or was revoked — sign in again
        Throttled,           ///< 429: too many failed sign-ins; retryAfterSeconds says when
        Unreachable,         ///< no answer: offline, server down, wrong address
        CertificateRefused,  ///< TLS: the server's certificate is not the one trusted or pinned
        BadSettings,         ///< an unusable server address, CA file or fingerprint
        Refused,             ///< another refusal from the server (403 disabled, 5xx, …)
        Rejected,            ///< the server refused changes of the outbox (see needs attention)
        Internal,            ///< a fault on this device (database, …)
    };
    Kind kind = Kind::None;
    QString detail;  ///< the technical message, untranslated (for logs and tooltips)
    int status = 0;  ///< the HTTP status, 0 when there was no answer
    int retryAfterSeconds = 0;

    /// Sorts an exception thrown by SyncClient, HttpsTransport or Replica. `atSignIn` tells a
    /// 401 of a sign-in (bad credentials) from one of a sync (session expired).
    [[nodiscard]] static SyncFailure from(const std::exception& error, bool atSignIn,
                                          int retryAfterSeconds);
    /// The message for the user, in the current language.
    [[nodiscard]] QString text() const;
};

}  // namespace cadre::client

Q_DECLARE_METATYPE(cadre::client::SyncFailure)
