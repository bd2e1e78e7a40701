// AttachmentListModel: the evidence files attached to one record.
#pragma once

#include <QAbstractListModel>

#include "core/AttachmentManager.h"

namespace cadre::client {

class AttachmentListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        FileNameRole,
        CaptionRole,
        MediaTypeRole,
        SizeRole,
        UrlRole,
        IsImageRole
    };

    explicit AttachmentListModel(AttachmentManager& attachments, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }
    /// Shows the attachments of (ownerTable, ownerId); an empty owner shows none.
    void setOwner(const QString& ownerTable, const QString& ownerId);

  public slots:
    void reload();

  signals:
    void countChanged();

  private:
    AttachmentManager& attachments_;
    QString ownerTable_, ownerId_;
    QVector<AttachmentRow> rows_;
};

}  // namespace cadre::client
