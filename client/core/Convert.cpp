#include "core/Convert.h"

#include <cmath>

namespace cadre::client {

Value toValue(const QVariant& value) {
    if (!value.isValid() || value.isNull()) {
        return {};
    }
    switch (value.typeId()) {
        case QMetaType::Bool:
            return Value(value.toBool() ? 1 : 0);
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            return Value(static_cast<std::int64_t>(value.toLongLong()));
        case QMetaType::Double:
        case QMetaType::Float: {
            const double d = value.toDouble();
            if (std::floor(d) == d && std::abs(d) < 9.0e15) {
                return Value(static_cast<std::int64_t>(d));
            }
            return Value(d);
        }
        default:
            break;
    }
    const QString text = value.toString();
    if (text.trimmed().isEmpty()) {
        return {};
    }
    return Value(toStd(text));
}

QVariant toVariant(const Value& value) {
    if (value.isInteger()) {
        return QVariant::fromValue(static_cast<qlonglong>(value.asInteger()));
    }
    if (value.isReal()) {
        return value.asReal();
    }
    if (value.isText()) {
        return toQ(value.asText());
    }
    return {};
}

}  // namespace cadre::client
