#include "sync/SyncFailure.h"

#include <QCoreApplication>
#include <stdexcept>

#include "sync/SyncClient.h"
#include "sync/Transport.h"

namespace cadre::client {

namespace {

bool mentionsCertificate(const QString& message) {
    return message.contains(QLatin1String("certificate refused")) ||
           message.contains(QLatin1String("certificate verify failed")) ||
           message.contains(QLatin1String("handshake"));
}

}  // namespace

SyncFailure SyncFailure::from(const std::exception& error, bool atSignIn, int retryAfterSeconds) {
    SyncFailure f;
    f.detail = QString::fromStdString(error.what());
    f.retryAfterSeconds = retryAfterSeconds;
    if (const auto* s = dynamic_cast<const sync::SyncError*>(&error)) {
        f.status = s->status();
        if (s->status() == 401)
            f.kind = atSignIn ? Kind::BadCredentials : Kind::SessionExpired;
        else if (s->status() == 429)
            f.kind = Kind::Throttled;
        else if (s->status() == 0)
            f.kind = mentionsCertificate(f.detail) ? Kind::CertificateRefused : Kind::Unreachable;
        else
            f.kind = Kind::Refused;
    } else if (dynamic_cast<const sync::TransportError*>(&error) != nullptr) {
        f.kind = mentionsCertificate(f.detail) ? Kind::CertificateRefused : Kind::Unreachable;
    } else if (dynamic_cast<const std::invalid_argument*>(&error) != nullptr) {
        f.kind = Kind::BadSettings;
    } else {
        f.kind = Kind::Internal;
    }
    return f;
}

QString SyncFailure::text() const {
    switch (kind) {
        case Kind::None:
            return {};
        case Kind::BadCredentials:
            return QCoreApplication::translate("SyncFailure", "Wrong username or password.");
        case Kind::SessionExpired:
            return QCoreApplication::translate(
                "SyncFailure",
                "The server no longer accepts this device's session. Sign in again; "
                "nothing recorded on this device is lost.");
        case Kind::Throttled:
            return retryAfterSeconds > 0
                       ? QCoreApplication::translate("SyncFailure",
                                                     "Too many failed sign-ins. Try again in %n "
                                                     "second(s).",
                                                     nullptr, retryAfterSeconds)
                       : QCoreApplication::translate(
                             "SyncFailure",
                             "Too many failed sign-ins. Try again in a few minutes.");
        case Kind::Unreachable:
            return QCoreApplication::translate(
                "SyncFailure",
                "The server cannot be reached. Your work is kept on this device and will be "
                "sent when the connection is back.");
        case Kind::CertificateRefused:
            return QCoreApplication::translate(
                "SyncFailure",
                "The server's certificate is not the one this device trusts. Check the "
                "certificate file or fingerprint with your administrator.");
        case Kind::BadSettings:
            return QCoreApplication::translate(
                "SyncFailure", "The server address, certificate file or fingerprint is not valid.");
        case Kind::Refused:
            return QCoreApplication::translate("SyncFailure",
                                               "The server refused the request (HTTP %1).")
                .arg(status);
        case Kind::Rejected:
            return QCoreApplication::translate(
                "SyncFailure", "The server refused some changes. See \"Needs attention\".");
        case Kind::Internal:
            return QCoreApplication::translate("SyncFailure", "Sync failed on this device: %1")
                .arg(detail);
    }
    return {};
}

}  // namespace cadre::client
