// AttachmentClient: moves attachment bytes (photos, scans) to and from the server's blob store —
// content-addressed by SHA-256, resumable chunked upload and download over the Transport.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "sync/SyncClient.h"
#include "sync/Transport.h"

namespace cadre::sync {

/// A transfer that cannot go on: the server refused it (status and code say why) or could not be
/// reached after every retry (status 0). What the server already holds stays there, so calling
/// upload() again resumes where it stopped.
class AttachmentError : public SyncError {
  public:
    AttachmentError(int status, std::string code, const std::string& message)
        : SyncError(status, message), code_(std::move(code)) {}
    [[nodiscard]] const std::string& code() const { return code_; }  ///< e.g. "hash_mismatch"

  private:
    std::string code_;
};

/// Retries and back-off of one transfer. The defaults suit a device; tests inject `sleep`.
struct TransferOptions {
    int maxAttempts = 5;  ///< consecutive failures (no answer, 429, 5xx) before giving up
    std::chrono::milliseconds firstBackoff{200};
    std::chrono::milliseconds maxBackoff{10000};
    std::function<void(std::chrono::milliseconds)> sleep;  ///< default: this_thread::sleep_for
    std::function<void(const std::string&)> log;
};

struct UploadResult {
    std::uint64_t size = 0;        ///< bytes of the file
    std::size_t chunksSent = 0;    ///< PUT requests answered by the server
    std::uint64_t bytesSent = 0;   ///< bytes in those requests
    bool alreadyComplete = false;  ///< the server held the blob before we sent anything
};

struct DownloadResult {
    std::uint64_t size = 0;           ///< bytes of the blob
    std::uint64_t bytesReceived = 0;  ///< bytes received in this call (less when resumed)
};

/// The SHA-256 of a file's bytes as 64 lower-case hex characters (OpenSSL EVP). Throws
/// std::runtime_error when the file cannot be read.
[[nodiscard]] std::string sha256OfFile(const std::string& path);
/// The SHA-256 of `bytes` as 64 lower-case hex characters.
[[nodiscard]] std::string sha256Of(const std::string& bytes);
/// True for exactly 64 lower-case hex characters: the only blob names the server accepts.
[[nodiscard]] bool isSha256(const std::string& text);

/// Uploads the file at `path`, whose SHA-256 is `sha256`, in chunks of `chunkBytes` (at most the
/// server's body limit, 32 MiB by default). Asks the server what it holds first and sends only
/// the rest: nothing when the blob is already complete (deduplication), the missing bytes when
/// an earlier upload was cut. After a lost request it asks again and goes on from what the
/// server holds. Returns once the server has verified and stored every byte; throws
/// AttachmentError otherwise (413 too large, 422 hash mismatch, 401 sign in again, 0 offline…).
UploadResult upload(Transport& transport, const std::string& token, const std::string& deviceId,
                    const std::string& path, const std::string& sha256,
                    std::size_t chunkBytes = 4 << 20, const TransferOptions& options = {});

/// Downloads blob `sha256` to `destinationPath`: the bytes go to `destinationPath + ".part"`
/// (an earlier cut download there is resumed), are verified against `sha256`, then renamed into
/// place. Throws AttachmentError (404 when the server does not hold the whole blob).
DownloadResult download(Transport& transport, const std::string& token, const std::string& deviceId,
                        const std::string& sha256, const std::string& destinationPath,
                        std::size_t chunkBytes = 4 << 20, const TransferOptions& options = {});

}  // namespace cadre::sync
