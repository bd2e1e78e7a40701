// AttachmentManager: evidence files (photos, scans) of a record. The bytes are copied into
// <data>/blobs/<sha256> (content-addressed, so one file attached twice is stored once) and an
// `attachment` record names them; sync uploads the blob before the record.
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

struct AttachmentRow {
    QString id, sha256, fileName, mediaType, caption;
    qint64 sizeBytes = 0;
};

class AttachmentManager : public QObject {
    Q_OBJECT

  public:
    /// The largest file accepted (the schema's bound on size_bytes).
    static constexpr qint64 kMaxBytes = 268435456;

    AttachmentManager(replica::Replica& replica, QString blobDir, QObject* parent = nullptr);

    /// Copies `filePath` into the blob store and attaches it to (ownerTable, ownerId). Returns the
    /// attachment's id. Throws std::runtime_error when the file cannot be read or is too large,
    /// and what Replica throws.
    QString attach(const QString& ownerTable, const QString& ownerId, const QString& filePath,
                   const QString& caption);
    void setCaption(const QString& attachmentId, const QString& caption);
    void remove(const QString& attachmentId);
    [[nodiscard]] QVector<AttachmentRow> attachments(const QString& ownerTable,
                                                     const QString& ownerId);
    /// Where the bytes of blob `sha256` live on this device.
    [[nodiscard]] QString blobPath(const QString& sha256) const;
    [[nodiscard]] const QString& blobDir() const { return blobDir_; }

  signals:
    void changed(const QString& table);

  private:
    QString storeBlob(const QString& filePath, qint64& size);

    replica::Replica& replica_;
    QString blobDir_;
};

}  // namespace cadre::client
