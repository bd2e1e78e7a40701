// PeopleManager: the people known to this replica (experts, counterparts): search and quick-add.
#pragma once

#include <QObject>
#include <QString>
#include <QVector>

namespace cadre::replica {
class Replica;
}

namespace cadre::client {

struct PersonRow {
    QString id, familyName, givenNames, organisation, email;
    [[nodiscard]] QString displayName() const;
};

class PeopleManager : public QObject {
    Q_OBJECT

  public:
    explicit PeopleManager(replica::Replica& replica, QObject* parent = nullptr);

    /// People whose names, organisation or e-mail contain `text` (all when empty), by name; at
    /// most `limit`.
    [[nodiscard]] QVector<PersonRow> search(const QString& text, int limit = 50);
    /// Adds a person; returns the new id. Throws what Replica throws.
    QString addPerson(const QString& familyName, const QString& givenNames,
                      const QString& organisation);

  signals:
    void changed(const QString& table);

  private:
    replica::Replica& replica_;
};

}  // namespace cadre::client
