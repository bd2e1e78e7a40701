// StandardListModel: the standards of one catalogue edition, by number, for pickers.
#pragma once

#include <QAbstractListModel>

#include "core/ReferenceManager.h"

namespace cadre::client {

class StandardListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString editionId READ editionId WRITE setEditionId NOTIFY editionIdChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role { IdRole = Qt::UserRole + 1, NumberRole, TitleRole, GroupNumberRole, GroupRole };

    explicit StandardListModel(ReferenceManager& references, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] QString editionId() const { return editionId_; }
    void setEditionId(const QString& id);
    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }

  public slots:
    void reload();

  signals:
    void editionIdChanged();
    void countChanged();

  private:
    ReferenceManager& references_;
    QString editionId_;
    QVector<StandardInfo> rows_;
};

}  // namespace cadre::client
