// AttachmentService: the server's content-addressed blob store — resumable chunked upload, verified
// and fsync'd before it is reported complete, deduplicated, bounded in size.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auth/Accounts.h"
#include "http/HttpTypes.h"

namespace cadre::server {

/// Blobs on disk under one directory (the server passes `<data dir>/blobs`):
///   `ab/cdef…`              a complete blob, named by its SHA-256 (first two hex digits as a
///                           sub-directory), immutable once there;
///   `partial/<sha256>`      the bytes received so far of an upload in progress;
///   `partial/<sha256>.size` its declared size, written before the first byte.
/// A blob is complete only after its SHA-256 has been checked over the whole file, the file
/// fsync'd and renamed into place (rename(2)) and the directory fsync'd; every answer that counts
/// bytes as received is given after they were fsync'd.
///
/// Routes (the session is already authenticated; `sha256` is exactly 64 lower-case hex digits,
/// anything else is 400 `bad_sha256` before any path is built):
///   GET /v1/blobs/{sha256}/status → {"sha256", "size": N|null, "received": M, "complete": bool}
///   PUT /v1/blobs/{sha256}?offset=M&size=N, body the bytes from M (application/octet-stream)
///       → 200 with the status; 409 `offset_mismatch` (error.expected_offset) or `size_mismatch`;
///       413 `too_large`; 422 `hash_mismatch` (the partial is deleted); a PUT for a complete blob
///       answers 200 complete and stores nothing.
///   GET /v1/blobs/{sha256}[?offset=M][&length=L] or with `Range: bytes=a-b` → the bytes, at most
///       Options::maxReadBytes per answer: 200 for the whole blob, else 206 with Content-Range;
///       `x-cadre-blob-size` always; 404 until complete; 416 for a range outside the blob.
///
/// Thread-safe: one mutex per sha256 serialises the requests about one blob; different blobs
/// proceed in parallel. Downloads read complete blobs, which never change, without a lock.
class AttachmentService {
  public:
    struct Options {
        std::uint64_t maxBlobBytes = 256ULL << 20;  ///< = the attachment.size_bytes maximum
        std::uint64_t maxReadBytes = 32ULL << 20;   ///< per download answer
        /// Whether a user may download a blob (their rights over the attachment records naming
        /// it); unset: every signed-in user may. Uploads and status are open to every signed-in
        /// device: a file goes up before the record that names it.
        std::function<bool(const Session&, const std::string& sha256)> mayDownload;
    };

    /// Creates `directory` and `directory/partial` if needed.
    AttachmentService(std::filesystem::path directory, Options options);

    /// True for the paths this service answers (`/v1/blobs/…`).
    [[nodiscard]] static bool handles(const std::string& path);
    /// The route name for metrics and logs: "/v1/blobs/{sha256}" or "/v1/blobs/{sha256}/status"
    /// (never the hash itself, so metric labels stay few).
    [[nodiscard]] static std::string routeName(const std::string& path);

    /// Answers a request whose path handles() accepted; 404 / 405 for other paths and methods.
    /// Throws only on an I/O fault of the server (the caller answers 500).
    [[nodiscard]] HttpResponse handle(const Session& session, const HttpRequest& request);

    /// True once every byte of blob `sha256` is held and verified (for the push check: an
    /// attachment record is accepted only when its blob is complete). False for a malformed name.
    [[nodiscard]] bool complete(const std::string& sha256) const;

  private:
    HttpResponse status(const std::string& sha256);
    HttpResponse put(const std::string& sha256, const HttpRequest& request);
    HttpResponse get(const std::string& sha256, const HttpRequest& request) const;
    /// The status body; call with the blob's mutex held.
    [[nodiscard]] std::string statusBody(const std::string& sha256) const;
    [[nodiscard]] std::optional<std::uint64_t> declaredSize(const std::string& sha256) const;
    [[nodiscard]] std::filesystem::path blobPath(const std::string& sha256) const;
    [[nodiscard]] std::filesystem::path partialPath(const std::string& sha256) const;
    [[nodiscard]] std::filesystem::path sizePath(const std::string& sha256) const;
    [[nodiscard]] std::shared_ptr<std::mutex> lockFor(const std::string& sha256);

    std::filesystem::path directory_;
    Options options_;
    std::mutex locksMutex_;
    std::map<std::string, std::weak_ptr<std::mutex>> locks_;
};

}  // namespace cadre::server
