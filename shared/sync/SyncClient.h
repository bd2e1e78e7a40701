// SyncClient: the one sync path of a device — login, push the outbox, pull by cursor, retry with
// back-off, correct the clock offset. Used by the Qt app, the headless CLI, tests and benches.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "replica/Replica.h"
#include "sync/Transport.h"

namespace cadre::sync {

/// A push the server refused: nothing of that batch was applied, the device keeps the data.
struct Rejection {
    int status = 0;    ///< 403, 409, 422
    std::string code;  ///< "forbidden", "invalid_change", "sequence_gap", "clock_skew", …
    std::string message;
    std::vector<std::pair<std::string, std::string>> issues;  ///< (field, reason)
};

/// Who signed in on this device, as the server said at login (kept in the replica's local
/// settings, so the identity works offline after the first sign-in).
struct Identity {
    std::string username;
    std::string userId;
    std::string role;      ///< "expert", "trainer", "hq_reviewer", "admin"
    std::string personId;  ///< the person record of this user, or "" if none
};

struct SyncResult {
    std::size_t pushed = 0;  ///< changes the server acknowledged in this sync
    std::size_t pulled = 0;  ///< changes received and applied
    std::size_t pages = 0;   ///< pull pages read
    std::int64_t ackedSeq = 0;
    std::int64_t clockOffsetMs = 0;
    std::vector<Rejection> rejections;  ///< empty when every pending change went through
    /// Changes refused for the user's rights and set aside (Replica::setAside) so that the rest
    /// of the outbox could go.
    std::size_t setAside = 0;
};

/// Thrown when the server cannot be reached after every retry, or answers in a way that means
/// this device must act (401: sign in again). Nothing is lost: the outbox stays.
class SyncError : public std::runtime_error {
  public:
    SyncError(int status, const std::string& message)
        : std::runtime_error(message), status_(status) {}
    [[nodiscard]] int status() const { return status_; }  ///< 0 when no answer was had

  private:
    int status_;
};

class SyncClient {
  public:
    struct Options {
        std::size_t pushBatch = 500;   ///< changes per push request
        std::size_t pullLimit = 2000;  ///< changes per pull page
        int maxAttempts = 5;           ///< per request, for network failures, 429 and 5xx
        std::chrono::milliseconds firstBackoff{200};
        std::chrono::milliseconds maxBackoff{10000};
        /// Offsets smaller than this are left alone (network delay blurs them).
        std::int64_t clockToleranceMs = 2000;
        std::function<void(std::chrono::milliseconds)> sleep;  ///< default: this_thread::sleep_for
        std::function<void(const std::string&)> log;
        /// Where this device keeps the file of an attachment (by SHA-256), or "" if it has none.
        /// The file is uploaded before the attachment record that names it is pushed: the server
        /// refuses metadata for a file it does not fully hold.
        std::function<std::string(const std::string& sha256)> blobPath;
    };

    SyncClient(replica::Replica& device, Transport& transport, Options options);

    /// Signs in and keeps the token and the identity (in the replica's local settings, so they
    /// survive restarts). Throws SyncError (401 bad credentials, 429 throttled, …).
    Identity login(const std::string& username, const std::string& password,
                   const std::string& deviceName);
    [[nodiscard]] bool signedIn() const;
    /// The identity kept by the last login on `device` (empty fields if none).
    [[nodiscard]] static Identity identity(replica::Replica& device);
    /// Forgets the token locally and revokes it on the server when reachable.
    void logout();

    /// Pushes every pending change, then pulls until the server has nothing more. Safe to call
    /// again after any failure: pushes and pulls are idempotent.
    SyncResult sync();
    /// The two halves of sync().
    void push(SyncResult& result);
    void pull(SyncResult& result);

  private:
    TransportResponse send(const TransportRequest& request);
    void uploadBlobs(const std::vector<Change>& changes);
    TransportResponse authorized(TransportRequest request);
    void learnServerTime(const std::string& body, std::int64_t sentAtMs, std::int64_t receivedAtMs,
                         SyncResult* result);
    void learnServerTime(std::int64_t serverMs, std::int64_t sentAtMs, std::int64_t receivedAtMs,
                         SyncResult* result);

    replica::Replica& device_;
    Transport& transport_;
    Options options_;
    std::string token_;
};

}  // namespace cadre::sync
