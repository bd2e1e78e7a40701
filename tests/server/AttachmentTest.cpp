// AttachmentTest: the blob store end to end — AttachmentClient over an in-process Transport into
// the real AttachmentService: chunked and resumed uploads, deduplication, refusals, concurrency.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "TestSupport.h"
#include "sync/AttachmentClient.h"
#include "sync/AttachmentService.h"

namespace cadre::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using server::AttachmentService;
using server::HttpRequest;
using server::HttpResponse;

constexpr std::size_t kMiB = 1 << 20;

/// Hands requests straight to an AttachmentService (the real server code, no sockets), as the
/// ServerApp will once it routes /v1/blobs/…; it can drop requests or answers like a bad network.
class BlobTransport : public sync::Transport {
  public:
    BlobTransport(AttachmentService& service, server::Session session)
        : service_(service), session_(std::move(session)) {}

    int offlineAfterPuts = -1;  ///< once this many PUTs reached the server, nothing gets through
    int loseAnswerOfPut = -1;   ///< the server stores this PUT (1-based) but the answer is lost
    int puts = 0;               ///< PUTs that reached the server
    std::uint64_t putBytes = 0;

    sync::TransportResponse send(const sync::TransportRequest& r) override {
        if (offlineAfterPuts >= 0 && puts >= offlineAfterPuts)
            throw sync::TransportError("network unreachable");
        EXPECT_EQ(r.headers.at("authorization"), "Bearer token-1");
        EXPECT_EQ(r.headers.at("x-cadre-device"), session_.deviceId);
        HttpRequest req;
        req.method = r.method;
        const auto q = r.target.find('?');
        req.path = r.target.substr(0, q);
        for (std::string rest = q == std::string::npos ? "" : r.target.substr(q + 1);
             !rest.empty();) {
            const auto amp = rest.find('&');
            const std::string pair = rest.substr(0, amp);
            const auto eq = pair.find('=');
            req.query[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
            rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
        }
        req.headers = r.headers;
        req.headers["content-type"] = r.contentType;
        req.body = r.body;
        if (r.method == "PUT") {
            EXPECT_EQ(r.contentType, "application/octet-stream");
            ++puts;
            putBytes += r.body.size();
        }
        const HttpResponse resp = service_.handle(session_, req);
        if (r.method == "PUT" && puts == loseAnswerOfPut)
            throw sync::TransportError("connection reset before the answer");
        return sync::TransportResponse{resp.status, resp.headers, resp.body};
    }

  private:
    AttachmentService& service_;
    server::Session session_;
};

server::Session session() {
    server::Session s;
    s.user = server::User{"user-1", "amina", server::Role::Expert, "", false};
    s.deviceId = "device-1";
    s.tokenId = "token-1";
    return s;
}

std::string randomBytes(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::string bytes(n, '\0');
    for (auto& c : bytes)
        c = static_cast<char>(random() & 0xff);
    return bytes;
}

void writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readFile(const std::string& path) {
    // Sized read: GCC 12 at -O2 reports a false null dereference inside istreambuf_iterator.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    std::string bytes(static_cast<std::size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
}

std::size_t filesUnder(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        n += e.is_regular_file() ? 1 : 0;
    return n;
}

class Attachments : public ::testing::Test {
  protected:
    Attachments() : service(dir.file("blobs"), {}), transport(service, session()) {
        options.sleep = [this](std::chrono::milliseconds) { ++sleeps; };
    }

    HttpResponse call(const std::string& method, const std::string& path,
                      std::map<std::string, std::string> query = {}, std::string body = {}) {
        HttpRequest r;
        r.method = method;
        r.path = path;
        r.query = std::move(query);
        r.body = std::move(body);
        return service.handle(session(), r);
    }
    json status(const std::string& sha) {
        const auto r = call("GET", "/v1/blobs/" + sha + "/status");
        EXPECT_EQ(r.status, 200);
        return json::parse(r.body);
    }
    sync::UploadResult upload(const std::string& path, const std::string& sha,
                              std::size_t chunk = kMiB) {
        return sync::upload(transport, "token-1", "device-1", path, sha, chunk, options);
    }

    TempDir dir;
    AttachmentService service;
    BlobTransport transport;
    sync::TransferOptions options;
    std::atomic<int> sleeps{0};
};

TEST_F(Attachments, TenMiBUploadedInOneMiBChunksDownloadsIdentical) {
    const std::string bytes = randomBytes(10 * kMiB, 1), path = dir.file("photo.jpg");
    writeFile(path, bytes);
    const std::string sha = sync::sha256OfFile(path);
    EXPECT_EQ(sha, sync::sha256Of(bytes));

    const auto result = upload(path, sha);
    EXPECT_EQ(result.chunksSent, 10u);
    EXPECT_EQ(transport.puts, 10);
    EXPECT_EQ(result.bytesSent, 10 * kMiB);
    EXPECT_TRUE(service.complete(sha));
    EXPECT_TRUE(
        fs::is_regular_file(fs::path(dir.file("blobs")) / sha.substr(0, 2) / sha.substr(2)));
    EXPECT_EQ(filesUnder(dir.file("blobs/partial")), 0u);
    EXPECT_EQ(
        status(sha),
        (json{{"sha256", sha}, {"size", 10 * kMiB}, {"received", 10 * kMiB}, {"complete", true}}));

    const auto got = sync::download(transport, "token-1", "device-1", sha, dir.file("copy.jpg"),
                                    3 * kMiB, options);
    EXPECT_EQ(got.bytesReceived, 10 * kMiB);
    EXPECT_EQ(readFile(dir.file("copy.jpg")), bytes);
    EXPECT_FALSE(fs::exists(dir.file("copy.jpg.part")));
}

TEST_F(Attachments, CutUploadResumesWithOnlyTheMissingChunks) {
    const std::string bytes = randomBytes(10 * kMiB, 2), path = dir.file("scan.pdf");
    writeFile(path, bytes);
    const std::string sha = sync::sha256Of(bytes);

    transport.offlineAfterPuts = 3;  // the network goes after the third chunk
    try {
        (void)upload(path, sha);
        FAIL() << "an upload without a network must throw";
    } catch (const sync::AttachmentError& e) {
        EXPECT_EQ(e.status(), 0);
    }
    EXPECT_EQ(sleeps, options.maxAttempts - 1);  // backed off between the attempts
    EXPECT_FALSE(service.complete(sha));
    EXPECT_EQ(status(sha)["received"], 3 * kMiB);
    EXPECT_EQ(call("GET", "/v1/blobs/" + sha).status, 404);

    transport.offlineAfterPuts = -1;
    transport.puts = 0;
    transport.putBytes = 0;
    const auto result = upload(path, sha);
    EXPECT_EQ(transport.puts, 7);
    EXPECT_EQ(result.chunksSent, 7u);
    EXPECT_EQ(transport.putBytes, 7 * kMiB);
    ASSERT_TRUE(service.complete(sha));
    (void)sync::download(transport, "token-1", "device-1", sha, dir.file("back.pdf"), kMiB,
                         options);
    EXPECT_EQ(readFile(dir.file("back.pdf")), bytes);
}

TEST_F(Attachments, ALostAnswerIsRecoveredByAskingTheServer) {
    const std::string bytes = randomBytes(5 * kMiB + 123, 3), path = dir.file("a.jpg");
    writeFile(path, bytes);
    const std::string sha = sync::sha256Of(bytes);
    transport.loseAnswerOfPut = 4;  // stored, but the device never hears it
    const auto result = upload(path, sha);
    EXPECT_EQ(transport.puts, 6);  // no chunk sent twice: status told where to go on
    EXPECT_EQ(result.chunksSent, 5u);
    EXPECT_EQ(sleeps, 1);
    EXPECT_TRUE(service.complete(sha));
}

TEST_F(Attachments, TheSameContentIsStoredOnceAndSentOnce) {
    const std::string bytes = randomBytes(2 * kMiB, 4);
    writeFile(dir.file("one.jpg"), bytes);
    writeFile(dir.file("two.jpg"), bytes);
    const std::string sha = sync::sha256Of(bytes);
    (void)upload(dir.file("one.jpg"), sha);
    transport.puts = 0;
    const auto again = upload(dir.file("two.jpg"), sha);
    EXPECT_TRUE(again.alreadyComplete);
    EXPECT_EQ(transport.puts, 0);
    // A PUT for a complete blob answers complete and stores nothing.
    const auto r = call("PUT", "/v1/blobs/" + sha,
                        {{"offset", "0"}, {"size", std::to_string(2 * kMiB)}}, "garbage");
    EXPECT_EQ(r.status, 200);
    EXPECT_TRUE(json::parse(r.body)["complete"].get<bool>());
    EXPECT_EQ(filesUnder(dir.file("blobs")), 1u);
    EXPECT_EQ(sync::sha256OfFile(
                  (fs::path(dir.file("blobs")) / sha.substr(0, 2) / sha.substr(2)).string()),
              sha);
}

TEST_F(Attachments, BytesThatDoNotMatchTheHashAreRefusedAndDiscarded) {
    const std::string bytes = randomBytes(3 * kMiB, 5), path = dir.file("x.jpg");
    writeFile(path, bytes);
    const std::string wrong = sync::sha256Of("something else");
    try {
        (void)upload(path, wrong);
        FAIL() << "a hash mismatch must throw";
    } catch (const sync::AttachmentError& e) {
        EXPECT_EQ(e.status(), 422);
        EXPECT_EQ(e.code(), "hash_mismatch");
    }
    EXPECT_FALSE(service.complete(wrong));
    EXPECT_EQ(status(wrong),
              (json{{"sha256", wrong}, {"size", nullptr}, {"received", 0}, {"complete", false}}));
    EXPECT_EQ(filesUnder(dir.file("blobs")), 0u);
}

TEST_F(Attachments, AnOffsetOtherThanTheReceivedCountIsAConflict) {
    const std::string bytes = randomBytes(3000, 6), sha = sync::sha256Of(bytes);
    const std::map<std::string, std::string> at5 = {{"offset", "5"}, {"size", "3000"}};
    auto r = call("PUT", "/v1/blobs/" + sha, at5, bytes.substr(5, 1000));
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(json::parse(r.body)["error"]["expected_offset"], 0);
    EXPECT_EQ(
        call("PUT", "/v1/blobs/" + sha, {{"offset", "0"}, {"size", "3000"}}, bytes.substr(0, 1000))
            .status,
        200);
    r = call("PUT", "/v1/blobs/" + sha, {{"offset", "0"}, {"size", "3000"}}, bytes.substr(0, 1000));
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "offset_mismatch");
    EXPECT_EQ(json::parse(r.body)["error"]["expected_offset"], 1000);
    r = call("PUT", "/v1/blobs/" + sha, {{"offset", "2000"}, {"size", "3000"}}, bytes.substr(2000));
    EXPECT_EQ(r.status, 409);
    // A size that contradicts the one declared first, and a chunk past the end.
    r = call("PUT", "/v1/blobs/" + sha, {{"offset", "1000"}, {"size", "4000"}},
             bytes.substr(1000, 10));
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "size_mismatch");
    EXPECT_EQ(call("PUT", "/v1/blobs/" + sha, {{"offset", "1000"}, {"size", "3000"}},
                   bytes.substr(1000) + "x")
                  .status,
              400);
    EXPECT_EQ(status(sha)["received"], 1000);
}

TEST_F(Attachments, ASizeOverTheLimitIsRefused) {
    const std::string sha = sync::sha256Of("big");
    auto r = call("PUT", "/v1/blobs/" + sha, {{"offset", "0"}, {"size", "268435457"}}, "big");
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(json::parse(r.body)["error"]["code"], "too_large");

    AttachmentService small(dir.file("small"), {1 * kMiB, 32 * kMiB, {}});
    BlobTransport to(small, session());
    const std::string bytes = randomBytes(kMiB + 1, 7), path = dir.file("big.bin");
    writeFile(path, bytes);
    try {
        (void)sync::upload(to, "token-1", "device-1", path, sync::sha256Of(bytes), kMiB, options);
        FAIL() << "too large must throw";
    } catch (const sync::AttachmentError& e) {
        EXPECT_EQ(e.status(), 413);
    }
    EXPECT_EQ(filesUnder(dir.file("small")), 0u);
}

TEST_F(Attachments, AMalformedNameIsRefusedBeforeAnyPathIsBuilt) {
    const std::string good = sync::sha256Of("x");
    std::string upper = good;
    for (auto& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const std::string& bad :
         {std::string("../../etc/passwd"), upper, good.substr(1), good + "0",
          std::string("../") + good.substr(3), std::string()}) {
        SCOPED_TRACE(bad);
        EXPECT_EQ(call("GET", "/v1/blobs/" + bad).status, 400);
        EXPECT_EQ(call("GET", "/v1/blobs/" + bad + "/status").status, 400);
        EXPECT_EQ(call("PUT", "/v1/blobs/" + bad, {{"offset", "0"}, {"size", "1"}}, "x").status,
                  400);
        EXPECT_FALSE(service.complete(bad));
    }
    EXPECT_EQ(filesUnder(dir.file("blobs")), 0u);
    EXPECT_THROW((void)upload(dir.file("none"), upper), sync::AttachmentError);
    EXPECT_EQ(transport.puts, 0);
    EXPECT_EQ(call("DELETE", "/v1/blobs/" + good).status, 405);
    EXPECT_EQ(call("PUT", "/v1/blobs/" + good + "/status").status, 405);
    EXPECT_EQ(call("PUT", "/v1/blobs/" + good, {{"offset", "x"}, {"size", "1"}}, "x").status, 400);
    EXPECT_EQ(AttachmentService::routeName("/v1/blobs/" + good + "/status"),
              "/v1/blobs/{sha256}/status");
    EXPECT_EQ(AttachmentService::routeName("/v1/blobs/" + good), "/v1/blobs/{sha256}");
}

TEST_F(Attachments, APartialUploadIsNeverComplete) {
    const std::string bytes = randomBytes(4096, 8), sha = sync::sha256Of(bytes);
    EXPECT_EQ(
        call("PUT", "/v1/blobs/" + sha, {{"offset", "0"}, {"size", "4096"}}, bytes.substr(0, 4095))
            .status,
        200);
    EXPECT_FALSE(service.complete(sha));
    EXPECT_EQ(status(sha),
              (json{{"sha256", sha}, {"size", 4096}, {"received", 4095}, {"complete", false}}));
    EXPECT_EQ(call("GET", "/v1/blobs/" + sha).status, 404);
    EXPECT_THROW(
        (void)sync::download(transport, "token-1", "device-1", sha, dir.file("d"), kMiB, options),
        sync::AttachmentError);
    EXPECT_FALSE(fs::exists(dir.file("d")));
    // The last byte completes it.
    EXPECT_EQ(
        call("PUT", "/v1/blobs/" + sha, {{"offset", "4095"}, {"size", "4096"}}, bytes.substr(4095))
            .status,
        200);
    EXPECT_TRUE(service.complete(sha));
}

TEST_F(Attachments, AnEmptyFileRoundTrips) {
    writeFile(dir.file("empty"), "");
    const std::string sha = sync::sha256OfFile(dir.file("empty"));
    EXPECT_EQ(upload(dir.file("empty"), sha).chunksSent, 1u);
    EXPECT_TRUE(service.complete(sha));
    (void)sync::download(transport, "token-1", "device-1", sha, dir.file("empty.copy"), kMiB,
                         options);
    EXPECT_TRUE(fs::exists(dir.file("empty.copy")));
    EXPECT_EQ(fs::file_size(dir.file("empty.copy")), 0u);
}

TEST_F(Attachments, RangesAndResumedDownloads) {
    const std::string bytes = randomBytes(3 * kMiB, 9), path = dir.file("r.bin");
    writeFile(path, bytes);
    const std::string sha = sync::sha256Of(bytes);
    (void)upload(path, sha);
    HttpRequest ranged{"GET", "/v1/blobs/" + sha, {}, {{"range", "bytes=10-19"}}, "", ""};
    auto r = service.handle(session(), ranged);
    EXPECT_EQ(r.status, 206);
    EXPECT_EQ(r.body, bytes.substr(10, 10));
    EXPECT_EQ(r.headers["content-range"], "bytes 10-19/" + std::to_string(3 * kMiB));
    r = call("GET", "/v1/blobs/" + sha, {{"offset", std::to_string(3 * kMiB - 5)}});
    EXPECT_EQ(r.status, 206);
    EXPECT_EQ(r.body, bytes.substr(3 * kMiB - 5));
    EXPECT_EQ(call("GET", "/v1/blobs/" + sha, {{"offset", std::to_string(3 * kMiB + 1)}}).status,
              416);
    r = call("GET", "/v1/blobs/" + sha);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, bytes);

    writeFile(dir.file("out.bin.part"), bytes.substr(0, 2 * kMiB));  // an earlier cut download
    const auto got =
        sync::download(transport, "token-1", "device-1", sha, dir.file("out.bin"), kMiB, options);
    EXPECT_EQ(got.bytesReceived, kMiB);
    EXPECT_EQ(readFile(dir.file("out.bin")), bytes);
}

TEST_F(Attachments, TwoDevicesUploadingTheSameBlobEndWithOneCompleteBlob) {
    const std::string bytes = randomBytes(8 * kMiB, 10);
    writeFile(dir.file("p1.jpg"), bytes);
    writeFile(dir.file("p2.jpg"), bytes);
    const std::string sha = sync::sha256Of(bytes);
    BlobTransport t1(service, session()), t2(service, session());
    std::string error1, error2;
    const auto run = [&](BlobTransport& t, const std::string& path, std::string& error) {
        try {
            (void)sync::upload(t, "token-1", "device-1", path, sha, 256 * 1024, options);
        } catch (const std::exception& e) {
            error = e.what();
        }
    };
    std::thread a(run, std::ref(t1), dir.file("p1.jpg"), std::ref(error1));
    std::thread b(run, std::ref(t2), dir.file("p2.jpg"), std::ref(error2));
    a.join();
    b.join();
    EXPECT_EQ(error1, "");
    EXPECT_EQ(error2, "");
    EXPECT_TRUE(service.complete(sha));
    EXPECT_EQ(filesUnder(dir.file("blobs")), 1u);
    EXPECT_EQ(readFile((fs::path(dir.file("blobs")) / sha.substr(0, 2) / sha.substr(2)).string()),
              bytes);
}

}  // namespace
}  // namespace cadre::test
