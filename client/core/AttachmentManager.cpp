#include "core/AttachmentManager.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>
#include <stdexcept>

#include "core/Convert.h"
#include "replica/Replica.h"

namespace cadre::client {

using replica::Statement;

AttachmentManager::AttachmentManager(replica::Replica& replica, QString blobDir, QObject* parent)
    : QObject(parent), replica_(replica), blobDir_(std::move(blobDir)) {
    QDir().mkpath(blobDir_);
}

QString AttachmentManager::blobPath(const QString& sha256) const {
    return QDir(blobDir_).filePath(sha256);
}

QString AttachmentManager::storeBlob(const QString& filePath, qint64& size) {
    QFile in(filePath);
    if (!in.open(QIODevice::ReadOnly)) {
        throw std::runtime_error("cannot read " + toStd(filePath) + ": " + toStd(in.errorString()));
    }
    size = in.size();
    if (size > kMaxBytes) {
        throw std::runtime_error(toStd(QFileInfo(filePath).fileName()) + " is larger than 256 MiB");
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&in)) {
        throw std::runtime_error("cannot read " + toStd(filePath));
    }
    const QString sha = QString::fromLatin1(hash.result().toHex());
    const QString target = blobPath(sha);
    if (QFileInfo::exists(target) && QFileInfo(target).size() == size) {
        return sha;  // already stored: content-addressed
    }
    in.seek(0);
    QSaveFile out(target);  // written aside and renamed: never a half blob under its name
    if (!out.open(QIODevice::WriteOnly)) {
        throw std::runtime_error("cannot write " + toStd(target));
    }
    char buffer[64 * 1024];
    for (qint64 n = 0; (n = in.read(buffer, sizeof buffer)) > 0;) {
        if (out.write(buffer, n) != n) {
            throw std::runtime_error("cannot write " + toStd(target));
        }
    }
    if (!out.commit()) {
        throw std::runtime_error("cannot write " + toStd(target));
    }
    return sha;
}

QString AttachmentManager::attach(const QString& ownerTable, const QString& ownerId,
                                  const QString& filePath, const QString& caption) {
    qint64 size = 0;
    const QString sha = storeBlob(filePath, size);
    const QString mediaType = QMimeDatabase().mimeTypeForFile(filePath).name();
    const QString id =
        toQ(replica_.insert("attachment", {{"owner_table", toValue(ownerTable)},
                                           {"owner_id", toValue(ownerId)},
                                           {"sha256", toValue(sha)},
                                           {"file_name", toValue(QFileInfo(filePath).fileName())},
                                           {"media_type", toValue(mediaType)},
                                           {"size_bytes", Value(static_cast<std::int64_t>(size))},
                                           {"caption", toValue(caption)}}));
    emit changed(QStringLiteral("attachment"));
    return id;
}

void AttachmentManager::setCaption(const QString& attachmentId, const QString& caption) {
    replica_.update("attachment", toStd(attachmentId), {{"caption", toValue(caption)}});
    emit changed(QStringLiteral("attachment"));
}

void AttachmentManager::remove(const QString& attachmentId) {
    replica_.remove("attachment", toStd(attachmentId));
    emit changed(QStringLiteral("attachment"));
}

QVector<AttachmentRow> AttachmentManager::attachments(const QString& ownerTable,
                                                      const QString& ownerId) {
    Statement st(replica_.database(),
                 "SELECT id, sha256, file_name, media_type, caption, size_bytes FROM attachment "
                 "WHERE owner_id = ?1 AND owner_table = ?2 AND deleted = 0 ORDER BY file_name");
    st.bind(1, toStd(ownerId));
    st.bind(2, toStd(ownerTable));
    QVector<AttachmentRow> out;
    auto col = [&](int c) { return st.isNull(c) ? QString() : toQ(st.text(c)); };
    while (st.step()) {
        out.append({col(0), col(1), col(2), col(3), col(4), st.integer(5)});
    }
    return out;
}

}  // namespace cadre::client
