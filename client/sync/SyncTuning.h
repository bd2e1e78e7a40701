// SyncTuning: the timing constants of background sync, each with the reason for its value.
#pragma once

#include <chrono>

namespace cadre::client::tuning {

using namespace std::chrono_literals;

/// While the server answers, look for other devices' changes once a minute: HQ comments and
/// colleagues' edits arrive without the user asking, at a cost of one small pull request.
inline constexpr std::chrono::milliseconds kPeriodicSync = 60s;
/// After a local write, wait this long for more: a burst of typing (each field is saved about
/// 400 ms after the last key) becomes one push instead of one per field.
inline constexpr std::chrono::milliseconds kAfterLocalWrite = 3s;
/// First wait after the server could not be reached; doubled at each failure up to the maximum.
/// In the field the network comes and goes: retry soon, but do not drain the battery.
inline constexpr std::chrono::milliseconds kFirstOfflineRetry = 10s;
inline constexpr std::chrono::milliseconds kMaxOfflineRetry = 5min;
/// One request's time limit: satellite and 2G links are slow, but a user waits for the status.
inline constexpr std::chrono::milliseconds kRequestTimeout = 20s;
/// Attempts per request inside one sync (SyncClient retries network failures, 429 and 5xx).
/// Few, because the scheduler above retries anyway and a stuck sync delays the status bar.
inline constexpr int kAttemptsPerRequest = 3;
/// Longest wait between two attempts of one request, whatever Retry-After says: the worker must
/// stay responsive to "stop" and "sign in"; the scheduler honours Retry-After between syncs.
inline constexpr std::chrono::milliseconds kMaxInRequestBackoff = 5s;
/// How long quitting waits for a request in flight. Sync is idempotent: an interrupted request
/// is simply sent again at the next start.
inline constexpr std::chrono::milliseconds kStopWait = 5s;
/// Changes per push request (SyncClient::Options::pushBatch). Also how far the needs-attention
/// list looks into the outbox to name the records of a refused batch.
inline constexpr std::size_t kPushBatch = 500;

}  // namespace cadre::client::tuning
