#include "core/AttachmentListModel.h"

#include <QLocale>
#include <QUrl>

namespace cadre::client {

AttachmentListModel::AttachmentListModel(AttachmentManager& attachments, QObject* parent)
    : QAbstractListModel(parent), attachments_(attachments) {
    connect(&attachments_, &AttachmentManager::changed, this, &AttachmentListModel::reload);
}

int AttachmentListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant AttachmentListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const AttachmentRow& a = rows_.at(index.row());
    switch (role) {
        case Qt::DisplayRole:
        case FileNameRole:
            return a.fileName;
        case IdRole:
            return a.id;
        case CaptionRole:
            return a.caption;
        case MediaTypeRole:
            return a.mediaType;
        case SizeRole:
            return QLocale().formattedDataSize(a.sizeBytes);
        case UrlRole:
            return QUrl::fromLocalFile(attachments_.blobPath(a.sha256));
        case IsImageRole:
            return a.mediaType.startsWith(QLatin1String("image/"));
        default:
            return {};
    }
}

QHash<int, QByteArray> AttachmentListModel::roleNames() const {
    return {{IdRole, "attachmentId"},     {FileNameRole, "fileName"}, {CaptionRole, "caption"},
            {MediaTypeRole, "mediaType"}, {SizeRole, "size"},         {UrlRole, "url"},
            {IsImageRole, "isImage"}};
}

void AttachmentListModel::setOwner(const QString& ownerTable, const QString& ownerId) {
    ownerTable_ = ownerTable;
    ownerId_ = ownerId;
    reload();
}

void AttachmentListModel::reload() {
    beginResetModel();
    rows_ = ownerId_.isEmpty() ? QVector<AttachmentRow>{}
                               : attachments_.attachments(ownerTable_, ownerId_);
    endResetModel();
    emit countChanged();
}

}  // namespace cadre::client
