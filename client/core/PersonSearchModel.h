// PersonSearchModel: people already known to this device matching a search text, for the team
// picker (so the same expert is not entered twice).
#pragma once

#include <QAbstractListModel>

#include "core/PeopleManager.h"

namespace cadre::client {

class PersonSearchModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

  public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, OrganisationRole };

    explicit PersonSearchModel(PeopleManager& people, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] QString query() const { return query_; }
    void setQuery(const QString& query);
    [[nodiscard]] int count() const { return static_cast<int>(rows_.size()); }

  public slots:
    void reload();

  signals:
    void queryChanged();
    void countChanged();

  private:
    PeopleManager& people_;
    QString query_;
    QVector<PersonRow> rows_;
};

}  // namespace cadre::client
