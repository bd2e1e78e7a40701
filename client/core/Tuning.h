// Tuning: the client's timing constants, each with the reason for its value.
#pragma once

namespace cadre::client {

/// Editors write a field this long after the last keystroke: long enough that typing a sentence
/// makes one change, not one per letter; short enough that a crash loses at most a few words.
inline constexpr int kAutosaveDelayMs = 400;

}  // namespace cadre::client
