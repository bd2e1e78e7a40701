// FieldLabels: the user's words for tables and columns named in conflicts and refusals.
#pragma once

#include <QString>

namespace cadre::client {

/// "Current state" for ("observation", "current_state"); the column itself when unknown.
[[nodiscard]] QString fieldLabel(const QString& table, const QString& column);
/// "Observation" for "observation"; the table itself when unknown.
[[nodiscard]] QString tableLabel(const QString& table);

}  // namespace cadre::client
