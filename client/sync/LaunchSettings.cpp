#include "sync/LaunchSettings.h"

#include <QFile>
#include <QProcessEnvironment>

namespace cadre::client {

namespace {

std::optional<QString> readPassword(const QString& path, QString& password) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return QStringLiteral("cannot read the password file '%1': %2")
            .arg(path, file.errorString());
    password = QString::fromUtf8(file.readLine()).trimmed();
    return std::nullopt;
}

}  // namespace

std::optional<QString> LaunchSettings::parse(const QStringList& arguments, LaunchSettings& out) {
    const auto env = QProcessEnvironment::systemEnvironment();
    out.server = env.value(QStringLiteral("CADRE_SERVER"), out.server);
    out.caFile = env.value(QStringLiteral("CADRE_CA_FILE"), out.caFile);
    out.pinnedSha256 = env.value(QStringLiteral("CADRE_PIN_SHA256"), out.pinnedSha256);
    out.username = env.value(QStringLiteral("CADRE_USER"), out.username);
    out.deviceName = env.value(QStringLiteral("CADRE_DEVICE_NAME"), out.deviceName);
    QString passwordFile = env.value(QStringLiteral("CADRE_PASSWORD_FILE"));

    const struct {
        const char* flag;
        QString* target;
    } options[] = {{"--server", &out.server},          {"--ca", &out.caFile},
                   {"--pin", &out.pinnedSha256},       {"--user", &out.username},
                   {"--password-file", &passwordFile}, {"--device-name", &out.deviceName}};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        for (const auto& o : options) {
            const QString flag = QString::fromLatin1(o.flag);
            if (arg == flag) {
                if (i + 1 >= arguments.size())
                    return QStringLiteral("%1 needs a value").arg(flag);
                *o.target = arguments[++i];
            } else if (arg.startsWith(flag + QLatin1Char('='))) {
                *o.target = arg.mid(flag.size() + 1);
            }
        }
    }
    if (!passwordFile.isEmpty())
        return readPassword(passwordFile, out.password);
    return std::nullopt;
}

}  // namespace cadre::client
