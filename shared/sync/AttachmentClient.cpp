// AttachmentClient: resumable, verified blob upload and download over the Transport.
#include "sync/AttachmentClient.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <system_error>
#include <thread>

namespace cadre::sync {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string hex(const unsigned char* digest, unsigned int length) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += digits[digest[i] >> 4];
        out += digits[digest[i] & 0x0f];
    }
    return out;
}

/// Feeds `read(buffer, capacity) → bytes` to SHA-256 until it returns 0.
template <typename Read>
std::string sha256Stream(Read read) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("sha256: OpenSSL could not start a digest");
    std::string buffer(1 << 20, '\0');
    for (std::size_t n; (n = read(buffer.data(), buffer.size())) > 0;)
        if (EVP_DigestUpdate(ctx.get(), buffer.data(), n) != 1)
            throw std::runtime_error("sha256: OpenSSL digest update failed");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        throw std::runtime_error("sha256: OpenSSL digest failed");
    return hex(digest, length);
}

struct Status {
    std::optional<std::uint64_t> size;
    std::uint64_t received = 0;
    bool complete = false;
};

Status statusOf(const std::string& body) {
    const json j = json::parse(body);
    Status s;
    if (j.contains("size") && !j["size"].is_null())
        s.size = j["size"].get<std::uint64_t>();
    s.received = j.at("received").get<std::uint64_t>();
    s.complete = j.at("complete").get<bool>();
    return s;
}

/// The server's error body as an exception: `what` says which transfer, the server says why.
[[noreturn]] void refuse(const TransportResponse& r, const std::string& what) {
    std::string code = "unreadable", message = r.body.substr(0, 200);
    try {
        const json e = json::parse(r.body).at("error");
        code = e.value("code", code);
        message = e.value("message", message);
    } catch (const json::exception&) {
    }
    if (r.status == 401)
        message = "sign in again: the server no longer accepts this device's token";
    throw AttachmentError(
        r.status, code, what + ": HTTP " + std::to_string(r.status) + " " + code + ": " + message);
}

/// One transfer's requests: auth headers, and back-off over consecutive failures.
class Link {
  public:
    Link(Transport& transport, const std::string& token, const std::string& deviceId,
         const TransferOptions& options)
        : transport_(transport),
          token_(token),
          deviceId_(deviceId),
          options_(options),
          jitter_(std::random_device{}()),
          backoff_(options.firstBackoff) {
        if (!options_.sleep)
            options_.sleep = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
    }

    /// One attempt; throws TransportError when no answer was had.
    TransportResponse once(TransportRequest request) {
        request.headers["authorization"] = "Bearer " + token_;
        request.headers["x-cadre-device"] = deviceId_;
        return transport_.send(request);
    }

    /// True for answers worth retrying (busy, throttled, server fault).
    static bool transient(const TransportResponse& r) { return r.status == 429 || r.status >= 500; }

    /// Counts a failure, sleeps before the next attempt, throws once attempts are spent.
    void failed(const std::string& what, const std::string& why, const TransportResponse* r) {
        ++failures_;
        if (options_.log)
            options_.log("attachments: " + what + " failed (" + why + "), attempt " +
                         std::to_string(failures_) + " of " + std::to_string(options_.maxAttempts));
        if (failures_ >= options_.maxAttempts)
            throw AttachmentError(r ? r->status : 0, r ? "server_unavailable" : "unreachable",
                                  what + ": the server could not be reached: " + why);
        auto wait = backoff_;
        if (r)
            if (auto it = r->headers.find("retry-after"); it != r->headers.end())
                wait = std::max(wait,
                                std::chrono::milliseconds(std::atoll(it->second.c_str()) * 1000));
        const auto spread = std::uniform_int_distribution<long long>(0, wait.count() / 2)(jitter_);
        options_.sleep(wait + std::chrono::milliseconds(spread));
        backoff_ = std::min(options_.maxBackoff, backoff_ * 2);
    }

    void succeeded() {
        failures_ = 0;
        backoff_ = options_.firstBackoff;
    }

    /// GET with retries (GETs are safe to repeat); any other non-200 answer is thrown.
    TransportResponse get(const std::string& target, const std::string& what) {
        for (;;) {
            try {
                TransportResponse r = once(TransportRequest{"GET", target, {}, ""});
                if (transient(r)) {
                    failed(what, "HTTP " + std::to_string(r.status), &r);
                    continue;
                }
                succeeded();
                return r;
            } catch (const TransportError& e) {
                failed(what, e.what(), nullptr);
            }
        }
    }

    Status status(const std::string& sha256) {
        const std::string what = "status of blob " + sha256;
        const TransportResponse r = get("/v1/blobs/" + sha256 + "/status", what);
        if (r.status != 200)
            refuse(r, what);
        return statusOf(r.body);
    }

    [[nodiscard]] int maxAttempts() const { return options_.maxAttempts; }

  private:
    Transport& transport_;
    std::string token_, deviceId_;
    TransferOptions options_;
    std::mt19937 jitter_;
    std::chrono::milliseconds backoff_;
    int failures_ = 0;
};

void checkName(const std::string& sha256) {
    if (!isSha256(sha256))
        throw AttachmentError(
            400, "bad_sha256",
            "a blob is named by 64 lower-case hex characters, not '" + sha256.substr(0, 80) + "'");
}

/// A POSIX file descriptor closed on scope exit.
struct Fd {
    int fd = -1;
    ~Fd() {
        if (fd >= 0)
            ::close(fd);
    }
};

[[noreturn]] void fail(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

}  // namespace

bool isSha256(const std::string& text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string sha256Of(const std::string& bytes) {
    std::size_t at = 0;
    return sha256Stream([&](char* buffer, std::size_t capacity) {
        const std::size_t n = std::min(capacity, bytes.size() - at);
        std::memcpy(buffer, bytes.data() + at, n);
        at += n;
        return n;
    });
}

std::string sha256OfFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("sha256OfFile: cannot open " + path);
    std::string digest = sha256Stream([&](char* buffer, std::size_t capacity) {
        in.read(buffer, static_cast<std::streamsize>(capacity));
        return static_cast<std::size_t>(in.gcount());
    });
    if (in.bad())
        throw std::runtime_error("sha256OfFile: cannot read " + path);
    return digest;
}

UploadResult upload(Transport& transport, const std::string& token, const std::string& deviceId,
                    const std::string& path, const std::string& sha256, std::size_t chunkBytes,
                    const TransferOptions& options) {
    checkName(sha256);
    if (chunkBytes == 0)
        throw std::invalid_argument("upload: chunkBytes must be positive");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("upload: cannot open " + path);
    UploadResult result;
    result.size = fs::file_size(path);
    const std::string what = "upload of blob " + sha256;
    Link link(transport, token, deviceId, options);

    Status status = link.status(sha256);
    if (status.complete) {
        result.alreadyComplete = true;
        return result;
    }
    std::uint64_t offset = status.received;
    int stalls = 0;  // answers that moved nobody forward
    std::string chunk;
    for (;;) {
        if (offset > result.size)
            throw AttachmentError(409, "size_mismatch",
                                  what + ": the server holds more bytes than the file has");
        const std::uint64_t n = std::min<std::uint64_t>(chunkBytes, result.size - offset);
        chunk.resize(n);
        in.clear();
        in.seekg(static_cast<std::streamoff>(offset));
        if (!in.read(chunk.data(), static_cast<std::streamsize>(n)))
            throw std::runtime_error(what + ": cannot read " + path + " (did it change?)");
        TransportRequest put{"PUT",
                             "/v1/blobs/" + sha256 + "?offset=" + std::to_string(offset) +
                                 "&size=" + std::to_string(result.size),
                             {},
                             chunk,
                             "application/octet-stream"};
        TransportResponse r;
        try {
            r = link.once(std::move(put));
        } catch (const TransportError& e) {
            // The chunk may or may not have arrived: ask the server where to go on from.
            link.failed(what, e.what(), nullptr);
            status = link.status(sha256);
            if (status.complete)
                return result;
            offset = status.received;
            continue;
        }
        if (Link::transient(r)) {
            link.failed(what, "HTTP " + std::to_string(r.status), &r);
            status = link.status(sha256);
            if (status.complete)
                return result;
            offset = status.received;
            continue;
        }
        if (r.status == 200) {
            link.succeeded();
            ++result.chunksSent;
            result.bytesSent += n;
            status = statusOf(r.body);
            if (status.complete)
                return result;
            if (status.received <= offset && ++stalls > link.maxAttempts())
                throw AttachmentError(500, "no_progress", what + ": the server stores nothing");
            offset = status.received;
            continue;
        }
        if (r.status == 409) {
            // Another upload of the same bytes moved the server on (or reset it): follow it.
            std::optional<std::uint64_t> expected;
            try {
                const json e = json::parse(r.body).at("error");
                if (e.value("code", "") == "offset_mismatch")
                    expected = e.at("expected_offset").get<std::uint64_t>();
            } catch (const json::exception&) {
            }
            if (expected) {
                if (*expected <= offset && ++stalls > link.maxAttempts())
                    refuse(r, what);
                offset = *expected;
                continue;
            }
        }
        refuse(r, what);
    }
}

DownloadResult download(Transport& transport, const std::string& token, const std::string& deviceId,
                        const std::string& sha256, const std::string& destinationPath,
                        std::size_t chunkBytes, const TransferOptions& options) {
    checkName(sha256);
    if (chunkBytes == 0)
        throw std::invalid_argument("download: chunkBytes must be positive");
    const std::string what = "download of blob " + sha256;
    Link link(transport, token, deviceId, options);
    const Status status = link.status(sha256);
    if (!status.complete || !status.size)
        throw AttachmentError(404, "not_found", what + ": the server does not hold it whole yet");
    DownloadResult result;
    result.size = *status.size;

    const std::string part = destinationPath + ".part";
    std::error_code ec;
    std::uint64_t have = fs::exists(part, ec) ? fs::file_size(part, ec) : 0;
    Fd file;
    file.fd = ::open(part.c_str(), O_WRONLY | O_CREAT | (have > result.size ? O_TRUNC : 0), 0644);
    if (file.fd < 0)
        fail(what + ": cannot open " + part);
    if (have > result.size)
        have = 0;
    while (have < result.size) {
        const std::uint64_t want = std::min<std::uint64_t>(chunkBytes, result.size - have);
        const TransportResponse r =
            link.get("/v1/blobs/" + sha256 + "?offset=" + std::to_string(have) +
                         "&length=" + std::to_string(want),
                     what);
        if (r.status != 200 && r.status != 206)
            refuse(r, what);
        if (r.body.empty() || r.body.size() > result.size - have)
            throw AttachmentError(502, "bad_answer", what + ": the server sent a wrong range");
        for (std::size_t done = 0; done < r.body.size();) {
            const ::ssize_t n = ::pwrite(file.fd, r.body.data() + done, r.body.size() - done,
                                         static_cast<off_t>(have + done));
            if (n < 0 && errno != EINTR)
                fail(what + ": cannot write " + part);
            if (n > 0)
                done += static_cast<std::size_t>(n);
        }
        have += r.body.size();
        result.bytesReceived += r.body.size();
    }
    if (::ftruncate(file.fd, static_cast<off_t>(have)) != 0 || ::fsync(file.fd) != 0)
        fail(what + ": cannot write " + part);
    if (sha256OfFile(part) != sha256) {
        fs::remove(part, ec);
        throw AttachmentError(422, "hash_mismatch",
                              what + ": the bytes received do not have the expected SHA-256");
    }
    fs::rename(part, destinationPath);
    const fs::path parent = fs::absolute(destinationPath).parent_path();
    Fd dir;
    dir.fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir.fd >= 0)
        (void)::fsync(dir.fd);  // the rename survives a power cut
    return result;
}

}  // namespace cadre::sync
