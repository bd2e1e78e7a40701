// LaunchSettings: the server, trust and demo credentials given on the command line or in the
// environment (deploy/run.sh starts the client signed in to the server it just started).
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace cadre::client {

struct LaunchSettings {
    QString server;        ///< --server URL            or CADRE_SERVER
    QString caFile;        ///< --ca FILE               or CADRE_CA_FILE
    QString pinnedSha256;  ///< --pin SHA256            or CADRE_PIN_SHA256
    QString username;      ///< --user NAME             or CADRE_USER
    QString password;      ///< --password-file FILE    or CADRE_PASSWORD_FILE (first line)
    QString deviceName;    ///< --device-name NAME      or CADRE_DEVICE_NAME

    /// Reads the options above from `arguments` (as QCoreApplication::arguments(); unknown
    /// arguments are left for the app) over the environment. Returns an error message (English,
    /// for the terminal) for an option without its value or an unreadable password file.
    [[nodiscard]] static std::optional<QString> parse(const QStringList& arguments,
                                                      LaunchSettings& out);
};

}  // namespace cadre::client
