// MemberListModel: WCO Members for a picker, optionally led by an "All Members" row (empty id).
#pragma once

#include <QAbstractListModel>

#include "core/ReferenceManager.h"

namespace cadre::client {

class MemberListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, Iso3Role, RegionRole };

    MemberListModel(ReferenceManager& references, bool includeAll, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const {
        return static_cast<int>(rows_.size()) + (includeAll_ ? 1 : 0);
    }
    /// The row of Member `id` (the "All" row for an empty id), or -1.
    Q_INVOKABLE int indexOf(const QString& id) const;
    Q_INVOKABLE QString idAt(int row) const;

  public slots:
    void reload();

  signals:
    void countChanged();

  private:
    ReferenceManager& references_;
    bool includeAll_;
    QVector<MemberInfo> rows_;
};

}  // namespace cadre::client
