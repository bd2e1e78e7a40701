// FastDecode: a hand-written decoder for the common case of the change wire format — well-formed
// JSON with exactly the members the format has. It returns false for anything else (malformed
// JSON, a member named twice, an unknown member, a number out of range, …) and the caller then
// runs the general strict decoder, which says precisely what is wrong. So it never changes what
// is accepted or refused, only how fast the accepted case is read (the general decoder builds an
// nlohmann DOM: about 100 instructions per byte). Differential tests hold the two to the same
// results (tests/shared/FastDecodeTest.cpp).
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "codec/ChangeCodec.h"

namespace cadre::codec::detail {

/// One change object (surrounding whitespace allowed). Not validated against the schema.
[[nodiscard]] bool fastDecodeChange(std::string_view text, Change& out);
/// {"changes": [...]} — every change, and the text of each when `wire` is given.
[[nodiscard]] bool fastDecodeBatch(std::string_view text, std::vector<Change>& out,
                                   std::vector<std::string_view>* wire);
/// fastDecodeBatch on two threads, for a large body: a second thread decodes the list from a
/// change that seems to start near the middle of `text` while this one decodes up to it. That
/// guess is used only if this thread finds a change starting exactly there; otherwise this thread
/// decodes the whole list and the second thread's work is dropped. Each thread calls `check` on
/// the changes it decoded; `allChecked` tells whether every call returned true (false when one
/// threw). The result, changes and spans are fastDecodeBatch's. `usedSecond`, when given, tells
/// whether the second thread's half was used.
[[nodiscard]] bool fastDecodeBatchInTwo(std::string_view text, std::vector<Change>& out,
                                        std::vector<std::string_view>* wire,
                                        const std::function<bool(Change&)>& check, bool& allChecked,
                                        bool* usedSecond = nullptr);
/// A pull answer: {"changes": [...], "cursor": "…", "more": b, "server_time_ms": n}.
[[nodiscard]] bool fastDecodePullPage(std::string_view text, PullPage& out);

/// The general decoders alone (for the differential tests).
[[nodiscard]] Change strictDecodeChange(std::string_view text);
[[nodiscard]] std::vector<Change> strictDecodeBatch(std::string_view text);
[[nodiscard]] PullPage strictDecodePullPage(std::string_view text);

}  // namespace cadre::codec::detail
