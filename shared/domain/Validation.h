// Validation: checks a Change against the schema (table, column, type, enum, length, dates, keys).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "codec/Change.h"
#include "domain/Schema.h"

namespace cadre::domain {

/// One reason a change cannot be accepted. `field` names what is wrong, e.g.
/// "changes[3].fields.maturity" or "changes[0].table".
struct Issue {
    std::string field;
    std::string reason;
    friend bool operator==(const Issue&, const Issue&) = default;
};

/// Thrown when a change or a batch is refused; carries every issue found, each naming its field.
class ValidationError : public std::runtime_error {
  public:
    explicit ValidationError(std::vector<Issue> issues);
    ValidationError(std::string field, std::string reason)
        : ValidationError(std::vector<Issue>{Issue{std::move(field), std::move(reason)}}) {}
    [[nodiscard]] const std::vector<Issue>& issues() const { return issues_; }

  private:
    std::vector<Issue> issues_;
};

/// Whether a change's texts still need their UTF-8 checked. Both of the codec's JSON decoders
/// accept only well-formed UTF-8 (no lone surrogates either), so what they decoded is
/// `CheckedUtf8`; a change made in memory (Replica::insert, update) is `Unchecked`.
enum class TextEncoding { Unchecked, CheckedUtf8 };

/// Checks `change` and normalises it in place (a whole number given for a Real column becomes a
/// real). Appends one Issue per problem to `issues`, each field prefixed by `path` (e.g.
/// "changes[3]"). Returns true when the change is valid.
bool validateChange(Change& change, std::string_view path, std::vector<Issue>& issues,
                    TextEncoding text = TextEncoding::Unchecked);

/// Checks one value against its column; returns the reason it is invalid, or an empty string.
[[nodiscard]] std::string checkValue(const ColumnSpec& column, Value& value,
                                     TextEncoding text = TextEncoding::Unchecked);

/// The id of a record of a table with a natural key: namedUuidUnder(v1, "table/v1/v2/…") over the
/// natural key's values in order — namedUuid of that path unless v1 is the time-ordered id of a
/// parent record, whose time prefix the id then keeps (domain/Uuid.h). Throws std::invalid_argument
/// if the table has no natural key or a value is missing.
[[nodiscard]] std::string naturalRecordId(const TableSpec& table,
                                          const std::vector<Value>& keyValues);

/// UTF-8 well-formedness (no overlongs, no surrogates, nothing above U+10FFFF).
[[nodiscard]] bool isValidUtf8(std::string_view text);
/// The number of code points of well-formed UTF-8 text.
[[nodiscard]] std::size_t codePointCount(std::string_view text);
/// "YYYY-MM-DD", a real calendar date between years 1900 and 2200.
[[nodiscard]] bool isIsoDate(std::string_view text);
/// "YYYY-MM-DDTHH:MM:SSZ" or with milliseconds "YYYY-MM-DDTHH:MM:SS.mmmZ", in UTC.
[[nodiscard]] bool isIsoDateTime(std::string_view text);

/// The longest text accepted in any column whose spec sets no maxLength (1 MiB of code points).
inline constexpr std::size_t kMaxTextLength = 1 << 20;
/// The most bases one field write may name.
inline constexpr std::size_t kMaxBases = 64;

}  // namespace cadre::domain
