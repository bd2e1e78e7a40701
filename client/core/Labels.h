// Labels: the translated words users see for the schema's enum values and field names.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

namespace cadre::client {

class Labels {
    Q_DECLARE_TR_FUNCTIONS(Labels)

  public:
    [[nodiscard]] static QString missionKind(const QString& kind);
    [[nodiscard]] static QString missionStatus(const QString& status);
    [[nodiscard]] static QString reviewState(const QString& state);
    [[nodiscard]] static QString maturity(int level);  ///< -1: not judged yet
    [[nodiscard]] static QString maturityHint(int level);
    [[nodiscard]] static QString priority(const QString& priority);
    [[nodiscard]] static QString teamRole(const QString& role);
    /// The label of a column of the schema, for error messages ("Title", "Maturity").
    [[nodiscard]] static QString field(const QString& column);

    /// [{value, label}] for a ComboBox, in the schema's order.
    [[nodiscard]] static QVariantList missionKinds();
    [[nodiscard]] static QVariantList missionStatuses();
    [[nodiscard]] static QVariantList priorities();
    [[nodiscard]] static QVariantList teamRoles();
};

/// True when the user chose French: reference data is then shown in its French wording.
[[nodiscard]] bool preferFrench();

/// The French text when French is preferred and the French text is not empty, else the English.
[[nodiscard]] QString localized(const QString& english, const QString& french);

}  // namespace cadre::client
