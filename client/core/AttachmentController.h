// AttachmentController: attaching evidence files to a record, editing captions, removing them.
#pragma once

#include <QObject>
#include <QUrl>
#include <functional>

#include "core/AttachmentListModel.h"
#include "core/AttachmentManager.h"

namespace cadre::client {

class AttachmentController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QObject* model READ model CONSTANT)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

  public:
    explicit AttachmentController(AttachmentManager& attachments, QObject* parent = nullptr);

    [[nodiscard]] QObject* model() { return &model_; }
    [[nodiscard]] AttachmentListModel& attachmentList() { return model_; }
    [[nodiscard]] QString errorText() const { return errorText_; }

    /// Shows and attaches to (ownerTable, ownerId). When ownerId is empty, `ensureOwner` is called
    /// on the first attach to create the owner (an observation not written yet) and give its id.
    void setOwner(const QString& ownerTable, const QString& ownerId,
                  std::function<QString()> ensureOwner = {});

    /// Attaches the file at `file` (a file:// URL or a path). Returns false (see errorText) when
    /// it could not.
    Q_INVOKABLE bool attach(const QUrl& file, const QString& caption = {});
    Q_INVOKABLE bool attachPath(const QString& path, const QString& caption = {});
    Q_INVOKABLE void setCaption(const QString& attachmentId, const QString& caption);
    Q_INVOKABLE void remove(const QString& attachmentId);

  signals:
    void errorTextChanged();

  private:
    bool report(const QString& message);

    AttachmentManager& attachments_;
    AttachmentListModel model_;
    QString ownerTable_, ownerId_;
    std::function<QString()> ensureOwner_;
    QString errorText_;
};

}  // namespace cadre::client
