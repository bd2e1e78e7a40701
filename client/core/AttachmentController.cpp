#include "core/AttachmentController.h"

#include "core/ErrorText.h"

namespace cadre::client {

AttachmentController::AttachmentController(AttachmentManager& attachments, QObject* parent)
    : QObject(parent), attachments_(attachments), model_(attachments) {}

void AttachmentController::setOwner(const QString& ownerTable, const QString& ownerId,
                                    std::function<QString()> ensureOwner) {
    ownerTable_ = ownerTable;
    ownerId_ = ownerId;
    ensureOwner_ = std::move(ensureOwner);
    model_.setOwner(ownerTable_, ownerId_);
    report(QString());
}

bool AttachmentController::report(const QString& message) {
    if (message != errorText_) {
        errorText_ = message;
        emit errorTextChanged();
    }
    return message.isEmpty();
}

bool AttachmentController::attach(const QUrl& file, const QString& caption) {
    return attachPath(file.isLocalFile() ? file.toLocalFile() : file.toString(), caption);
}

bool AttachmentController::attachPath(const QString& path, const QString& caption) {
    if (ownerTable_.isEmpty()) {
        return false;
    }
    return report(attempt([&] {
        if (ownerId_.isEmpty() && ensureOwner_) {
            ownerId_ = ensureOwner_();
            model_.setOwner(ownerTable_, ownerId_);
        }
        attachments_.attach(ownerTable_, ownerId_, path, caption);
    }));
}

void AttachmentController::setCaption(const QString& attachmentId, const QString& caption) {
    report(attempt([&] { attachments_.setCaption(attachmentId, caption); }));
}

void AttachmentController::remove(const QString& attachmentId) {
    report(attempt([&] { attachments_.remove(attachmentId); }));
}

}  // namespace cadre::client
