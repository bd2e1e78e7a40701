// Convert: between Qt's strings and variants and cadre::core's std::string and Value.
#pragma once

#include <QString>
#include <QVariant>
#include <string>

#include "domain/Value.h"

namespace cadre::client {

[[nodiscard]] inline std::string toStd(const QString& text) {
    return text.toStdString();
}
[[nodiscard]] inline QString toQ(const std::string& text) {
    return QString::fromStdString(text);
}

/// A QML value as a field value: invalid, null or an empty (blank) string become NULL, whole
/// numbers integers, other numbers reals, everything else text.
[[nodiscard]] Value toValue(const QVariant& value);

/// A field value for QML: NULL becomes an invalid QVariant.
[[nodiscard]] QVariant toVariant(const Value& value);

/// The text of a column read with Statement::text, or an empty QString for NULL.
[[nodiscard]] inline QString textOrEmpty(const Value& value) {
    return value.isText() ? toQ(value.asText()) : QString();
}

}  // namespace cadre::client
