// Value: one field's value as stored and synced — NULL, integer, real or text.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

namespace cadre {

/// A field value. Booleans, enums, dates and UUIDs travel as Integer or Text; the column's
/// ColumnSpec says which is valid where.
class Value {
  public:
    using Storage = std::variant<std::monostate, std::int64_t, double, std::string>;

    Value() = default;
    Value(std::int64_t i) : v_(i) {}
    Value(int i) : v_(static_cast<std::int64_t>(i)) {}
    Value(double d) : v_(d) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(const char* s) : v_(std::string(s)) {}

    [[nodiscard]] bool isNull() const { return std::holds_alternative<std::monostate>(v_); }
    [[nodiscard]] bool isInteger() const { return std::holds_alternative<std::int64_t>(v_); }
    [[nodiscard]] bool isReal() const { return std::holds_alternative<double>(v_); }
    [[nodiscard]] bool isText() const { return std::holds_alternative<std::string>(v_); }

    /// Throws std::bad_variant_access if the value is not of that kind.
    [[nodiscard]] std::int64_t asInteger() const { return std::get<std::int64_t>(v_); }
    [[nodiscard]] double asReal() const { return std::get<double>(v_); }
    [[nodiscard]] const std::string& asText() const { return std::get<std::string>(v_); }

    [[nodiscard]] const Storage& storage() const { return v_; }

    /// A short human-readable rendering, for conflict listings and error messages.
    [[nodiscard]] std::string toDisplay() const;

    friend bool operator==(const Value&, const Value&) = default;

  private:
    Storage v_;
};

}  // namespace cadre
