// ChangeCodec: the strict JSON wire format of changes and change batches.
//
// A change on the wire:
//   {"origin": "<device uuid>", "seq": 12, "hlc": 116589032000000001, "author": "<user>",
//    "table": "observation", "row": "<uuid>", "created": false,
//    "fields": {"gaps": "No legal basis for advance data", "deleted": 0},
//    "bases":  {"gaps": [[116589031000000000, "<device uuid>"]], "deleted": [[…]]}}
// A batch: {"changes": [<change>, …]}.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "codec/Change.h"
#include "domain/Validation.h"

namespace cadre::codec {

[[nodiscard]] std::string encodeChange(const Change& change);
[[nodiscard]] std::string encodeBatch(const std::vector<Change>& changes);

/// Decodes one change and validates it against the schema.
/// Throws domain::ValidationError naming every bad field (malformed JSON included).
[[nodiscard]] Change decodeChange(std::string_view json);

/// Decodes and validates a whole batch: either every change is returned, or
/// domain::ValidationError is thrown with every issue of every change (each field named, e.g.
/// "changes[2].fields.maturity") and nothing is returned — so nothing of the batch gets applied.
[[nodiscard]] std::vector<Change> decodeBatch(std::string_view json);

/// A pushed batch as the hub takes it: the changes decoded and validated (as decodeBatch), and
/// the JSON text of each, as received (views into the decoded text), to store without
/// re-encoding.
struct PushedBatch {
    std::vector<Change> changes;
    std::vector<std::string_view> wire;
};
[[nodiscard]] PushedBatch decodePushedBatch(std::string_view json);
/// Pushed bodies from this size on are decoded and validated by two threads (a batch of 500
/// observations is about 700 KiB, and took 5.5 ms on one): the server's handler is on the one path
/// a device's push waits on, and the machine's other cores are often idle meanwhile.
inline constexpr std::size_t kTwoThreadDecodeBytes = 256 * 1024;

/// A pull answer: {"changes": [...], "cursor": "…", "more": false, "server_time_ms": 1795…}.
struct PullPage {
    std::vector<Change> changes;
    std::string cursor;
    bool more = false;
    std::int64_t serverTimeMs = 0;
};

/// Decodes and validates a pull answer (every change, as decodeBatch does).
/// Throws domain::ValidationError.
[[nodiscard]] PullPage decodePullPage(std::string_view json);

/// The cursor and "more" of a pull answer, read from its end without decoding it (the server
/// writes them after the changes), so that the next page can be asked for while this one is
/// decoded. A hint only: check it against the decoded page. nullopt when not found.
struct PullTail {
    std::string cursor;
    bool more = false;
};
[[nodiscard]] std::optional<PullTail> peekPullTail(std::string_view json);

/// The most changes one batch may hold.
inline constexpr std::size_t kMaxBatchChanges = 10000;

}  // namespace cadre::codec
