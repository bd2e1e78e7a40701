// AttachmentService: blob status, chunked upload with verification, and ranged download.
#include "sync/AttachmentService.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "sync/AttachmentClient.h"

namespace cadre::server {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kPrefix = "/v1/blobs/";
constexpr std::string_view kStatus = "/status";

bool endsWith(std::string_view text, std::string_view tail) {
    return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

/// A whole decimal number without sign or spaces, or std::nullopt.
std::optional<std::uint64_t> number(std::string_view text) {
    std::uint64_t n = 0;
    const char* end = text.data() + text.size();
    const auto parsed = std::from_chars(text.data(), end, n);
    if (text.empty() || parsed.ec != std::errc() || parsed.ptr != end)
        return std::nullopt;
    return n;
}

std::optional<std::uint64_t> queryNumber(const HttpRequest& request, const std::string& name) {
    const auto it = request.query.find(name);
    return it == request.query.end() ? std::nullopt : number(it->second);
}

[[noreturn]] void fail(const std::string& what) {
    throw std::system_error(errno, std::generic_category(), what);
}

/// A POSIX file descriptor closed on scope exit.
struct Fd {
    explicit Fd(const fs::path& path, int flags, const char* what)
        : fd(::open(path.c_str(), flags, 0644)) {
        if (fd < 0)
            fail(std::string(what) + " " + path.string());
    }
    ~Fd() { ::close(fd); }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    void sync() const {
        if (::fsync(fd) != 0)
            fail("fsync");
    }
    int fd;
};

void syncDirectory(const fs::path& path) {
    Fd(path, O_RDONLY | O_DIRECTORY, "cannot open directory").sync();
}

void writeAll(int fd, const std::string& bytes, std::uint64_t at) {
    for (std::size_t done = 0; done < bytes.size();) {
        const ::ssize_t n =
            ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
        if (n < 0 && errno != EINTR)
            fail("cannot write a blob");
        if (n > 0)
            done += static_cast<std::size_t>(n);
    }
}

HttpResponse ok(const std::string& body) {
    return HttpResponse{200, "application/json", {}, body};
}

HttpResponse offsetMismatch(std::uint64_t expected) {
    HttpResponse r =
        jsonError(409, "offset_mismatch",
                  "the server holds " + std::to_string(expected) +
                      " bytes of this blob: send from offset " + std::to_string(expected));
    json body = json::parse(r.body);
    body["error"]["expected_offset"] = expected;
    r.body = body.dump();
    return r;
}

}  // namespace

AttachmentService::AttachmentService(fs::path directory, Options options)
    : directory_(std::move(directory)), options_(options) {
    fs::create_directories(directory_ / "partial");
}

bool AttachmentService::handles(const std::string& path) {
    return path.rfind(kPrefix, 0) == 0;
}

std::string AttachmentService::routeName(const std::string& path) {
    return endsWith(path, kStatus) ? "/v1/blobs/{sha256}/status" : "/v1/blobs/{sha256}";
}

fs::path AttachmentService::blobPath(const std::string& sha256) const {
    return directory_ / sha256.substr(0, 2) / sha256.substr(2);
}
fs::path AttachmentService::partialPath(const std::string& sha256) const {
    return directory_ / "partial" / sha256;
}
fs::path AttachmentService::sizePath(const std::string& sha256) const {
    return directory_ / "partial" / (sha256 + ".size");
}

std::shared_ptr<std::mutex> AttachmentService::lockFor(const std::string& sha256) {
    std::lock_guard guard(locksMutex_);
    if (locks_.size() > 256)
        std::erase_if(locks_, [](const auto& entry) { return entry.second.expired(); });
    auto& slot = locks_[sha256];
    auto mutex = slot.lock();
    if (!mutex) {
        mutex = std::make_shared<std::mutex>();
        slot = mutex;
    }
    return mutex;
}

bool AttachmentService::complete(const std::string& sha256) const {
    std::error_code ec;
    return sync::isSha256(sha256) && fs::is_regular_file(blobPath(sha256), ec);
}

std::optional<std::uint64_t> AttachmentService::declaredSize(const std::string& sha256) const {
    std::ifstream in(sizePath(sha256));
    std::string text;
    if (!(in >> text))
        return std::nullopt;
    return number(text);
}

std::string AttachmentService::statusBody(const std::string& sha256) const {
    std::error_code ec;
    json body = {{"sha256", sha256}, {"size", nullptr}, {"received", 0}, {"complete", false}};
    if (complete(sha256)) {
        const auto size = fs::file_size(blobPath(sha256));
        body["size"] = size;
        body["received"] = size;
        body["complete"] = true;
    } else if (const auto size = declaredSize(sha256)) {
        const auto received = fs::file_size(partialPath(sha256), ec);
        body["size"] = *size;
        body["received"] = ec ? 0 : received;
    }
    return body.dump();
}

HttpResponse AttachmentService::handle(const Session& session, const HttpRequest& request) {
    if (!handles(request.path))
        return jsonError(404, "not_found", "no such endpoint");
    std::string_view rest = std::string_view(request.path).substr(kPrefix.size());
    const bool isStatus = endsWith(rest, kStatus);
    if (isStatus)
        rest.remove_suffix(kStatus.size());
    const std::string sha256(rest);
    if (!sync::isSha256(sha256))
        return jsonError(400, "bad_sha256",
                         "a blob is named by its SHA-256: exactly 64 lower-case hex digits");
    const std::string& m = request.method;
    if (isStatus && m == "GET")
        return status(sha256);
    if (!isStatus && m == "PUT")
        return put(sha256, request);
    if (!isStatus && m == "GET") {
        if (options_.mayDownload && !options_.mayDownload(session, sha256))
            return jsonError(403, "forbidden",
                             "no attachment you may read names this file: ask headquarters for "
                             "access to its mission or training");
        return get(sha256, request);
    }
    return jsonError(405, "method_not_allowed",
                     m + " is not allowed on " + routeName(request.path));
}

HttpResponse AttachmentService::status(const std::string& sha256) {
    const auto mutex = lockFor(sha256);
    std::lock_guard lock(*mutex);
    return ok(statusBody(sha256));
}

HttpResponse AttachmentService::put(const std::string& sha256, const HttpRequest& request) {
    const auto offset = queryNumber(request, "offset"), size = queryNumber(request, "size");
    if (!offset || !size)
        return jsonError(400, "bad_query", "PUT needs ?offset=M&size=N as whole numbers of bytes");
    if (*size > options_.maxBlobBytes)
        return jsonError(413, "too_large",
                         "an attachment may hold at most " + std::to_string(options_.maxBlobBytes) +
                             " bytes; this one declares " + std::to_string(*size));
    const auto mutex = lockFor(sha256);
    std::lock_guard lock(*mutex);
    std::error_code ec;
    if (complete(sha256)) {  // deduplication: the bytes are here already
        if (fs::file_size(blobPath(sha256)) != *size)
            return jsonError(409, "size_mismatch",
                             "this blob holds " + std::to_string(fs::file_size(blobPath(sha256))) +
                                 " bytes, not " + std::to_string(*size));
        fs::remove(sizePath(sha256), ec);  // left over by a crash after the rename
        return ok(statusBody(sha256));
    }
    const auto declared = declaredSize(sha256);
    if (declared && *declared != *size)
        return jsonError(409, "size_mismatch",
                         "an upload of this blob in progress declared " +
                             std::to_string(*declared) + " bytes, not " + std::to_string(*size));
    std::uint64_t received = 0;
    if (declared) {
        received = fs::file_size(partialPath(sha256), ec);
        if (ec)
            received = 0;
    }
    if (received > *size) {  // a damaged partial: start over
        fs::remove(partialPath(sha256), ec);
        fs::remove(sizePath(sha256), ec);
        return offsetMismatch(0);
    }
    if (*offset != received)
        return offsetMismatch(received);
    if (request.body.size() > *size - received)
        return jsonError(400, "bad_chunk",
                         "the chunk runs past the declared size of " + std::to_string(*size));

    try {
        if (!declared) {  // the size first, durably, then the bytes
            const fs::path temporary = sizePath(sha256).string() + ".tmp";
            {
                Fd file(temporary, O_WRONLY | O_CREAT | O_TRUNC, "cannot create");
                writeAll(file.fd, std::to_string(*size), 0);
                file.sync();
            }
            fs::rename(temporary, sizePath(sha256));
        }
        {
            Fd file(partialPath(sha256), O_WRONLY | O_CREAT | (declared ? 0 : O_TRUNC),
                    "cannot open");
            try {
                writeAll(file.fd, request.body, received);
                file.sync();
            } catch (...) {
                // Keep "received" honest: drop what may not have reached the disk.
                if (::ftruncate(file.fd, static_cast<off_t>(received)) == 0)
                    (void)::fsync(file.fd);
                throw;
            }
        }
        if (received == 0)  // the size file's rename and the partial's creation
            syncDirectory(directory_ / "partial");
        if (received + request.body.size() < *size)
            return ok(statusBody(sha256));

        // Every byte is here: verify, then move into place atomically.
        if (sync::sha256OfFile(partialPath(sha256).string()) != sha256) {
            fs::remove(partialPath(sha256), ec);
            fs::remove(sizePath(sha256), ec);
            return jsonError(422, "hash_mismatch",
                             "the bytes received do not have the SHA-256 " + sha256 +
                                 "; they were discarded: upload again from offset 0");
        }
        const fs::path target = blobPath(sha256);
        if (fs::create_directory(target.parent_path(), ec))
            syncDirectory(directory_);
        if (::rename(partialPath(sha256).c_str(), target.c_str()) != 0)
            fail("cannot move a verified blob into place");
        syncDirectory(target.parent_path());
        fs::remove(sizePath(sha256), ec);
        syncDirectory(directory_ / "partial");
        return ok(statusBody(sha256));
    } catch (const std::system_error& e) {
        if (e.code() == std::errc::no_space_on_device)
            return jsonError(507, "storage_full", "the server has no room for this blob now");
        throw;
    }
}

HttpResponse AttachmentService::get(const std::string& sha256, const HttpRequest& request) const {
    if (!complete(sha256))
        return jsonError(404, "not_found", "the server does not hold blob " + sha256 + " whole");
    const std::uint64_t total = fs::file_size(blobPath(sha256));
    std::uint64_t from = 0, to = total;  // [from, to)
    bool satisfiable = true;
    if (const auto range = request.header("range")) {
        // bytes=a-b, bytes=a- or bytes=-n (one range only).
        const std::string_view spec(*range);
        const auto dash = spec.find('-');
        if (spec.rfind("bytes=", 0) != 0 || dash == std::string_view::npos)
            return jsonError(400, "bad_range", "Range must be bytes=a-b, bytes=a- or bytes=-n");
        const auto first = spec.substr(6, dash - 6), last = spec.substr(dash + 1);
        const auto a = number(first), b = number(last);
        if (first.empty() && b) {
            from = total - std::min(*b, total);
        } else if (a && (last.empty() || (b && *b >= *a))) {
            from = *a;
            to = last.empty() || *b >= total ? total : *b + 1;
        } else {
            return jsonError(400, "bad_range", "Range must be bytes=a-b, bytes=a- or bytes=-n");
        }
        satisfiable = from < total || (total == 0 && from == 0);
    } else {
        const auto offset = queryNumber(request, "offset");
        const auto length = queryNumber(request, "length");
        if ((request.query.count("offset") && !offset) ||
            (request.query.count("length") && !length))
            return jsonError(400, "bad_query", "offset and length are whole numbers of bytes");
        from = offset.value_or(0);
        if (length)
            to = from + std::min(*length, total);
        to = std::min(to, total);
        satisfiable = from <= total;
    }
    if (!satisfiable) {
        HttpResponse r = jsonError(416, "bad_range",
                                   "blob " + sha256 + " has " + std::to_string(total) + " bytes");
        r.headers["content-range"] = "bytes */" + std::to_string(total);
        return r;
    }
    to = std::min(to, from + options_.maxReadBytes);
    HttpResponse r{from == 0 && to == total ? 200 : 206, "application/octet-stream", {}, {}};
    r.body.resize(to - from);
    Fd file(blobPath(sha256), O_RDONLY, "cannot open");
    for (std::size_t done = 0; done < r.body.size();) {
        const ::ssize_t n = ::pread(file.fd, r.body.data() + done, r.body.size() - done,
                                    static_cast<off_t>(from + done));
        if (n == 0 || (n < 0 && errno != EINTR))
            fail("cannot read blob " + sha256);
        if (n > 0)
            done += static_cast<std::size_t>(n);
    }
    r.headers["x-cadre-blob-size"] = std::to_string(total);
    r.headers["accept-ranges"] = "bytes";
    if (r.status == 206 && to > from)
        r.headers["content-range"] = "bytes " + std::to_string(from) + "-" +
                                     std::to_string(to - 1) + "/" + std::to_string(total);
    return r;
}

}  // namespace cadre::server
