// MetaCodec: packs the winning version of each register of one record into a compact blob.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "merge/Register.h"

namespace cadre::replica {

/// What sync_meta records about one register: who wrote its winning value, and whether other
/// live writes (sync_leaf rows) exist for it.
struct RegisterMeta {
    bool present = false;  ///< false: never written (its value is NULL)
    merge::Version version;
    std::string author;
    bool hasOthers = false;

    friend bool operator==(const RegisterMeta&, const RegisterMeta&) = default;
};

/// Register 0 is the `deleted` flag; register i + 1 is column i of the table's spec. Columns are
/// only ever appended by migrations, so register numbers stay stable.
using RecordMeta = std::vector<RegisterMeta>;

/// Thrown when a sync_meta blob cannot be read (corruption or a newer format).
class MetaFormatError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Format 1: a byte 1; the distinct (device, author) pairs; then (register, hlc, pair, flags)
/// for each present register; integers as LEB128 varints.
[[nodiscard]] std::string encodeMeta(const RecordMeta& meta);
/// Decodes into `registerCount` registers. Throws MetaFormatError.
[[nodiscard]] RecordMeta decodeMeta(std::string_view blob, std::size_t registerCount);

}  // namespace cadre::replica
