// RecordTitles: a human title for any record the needs-attention list names ("Observation –
// Standard 3 · Diagnostic …"), and the mission it belongs to, read from the replica.
#pragma once

#include <QString>

namespace cadre::replica {
class Database;
}

namespace cadre::client {

struct RecordTitle {
    QString title;
    QString missionId;  ///< "" when the record belongs to no mission
};

class RecordTitles {
  public:
    explicit RecordTitles(replica::Database& db) : db_(db) {}
    /// Never throws for a record this device does not hold: the title says "(not on this
    /// device)" then.
    [[nodiscard]] RecordTitle of(const QString& table, const QString& id);

  private:
    [[nodiscard]] RecordTitle mission(const QString& id);
    [[nodiscard]] RecordTitle observation(const QString& id);
    [[nodiscard]] RecordTitle titled(const QString& table, const QString& id);
    replica::Database& db_;
};

}  // namespace cadre::client
