// HttpServerTest: the HTTPS adapter over real TLS on 127.0.0.1 — round trips, limits, failures,
// load.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http/HttpServer.h"
#include "http/SelfSignedCertificate.h"
#include "sync/https/CpprestThreads.h"
#include "sync/https/HttpsTransport.h"

namespace cadre::server {
namespace {

using namespace std::chrono_literals;
using sync::HttpsOptions;
using sync::HttpsTransport;
using sync::TransportError;
using sync::TransportRequest;

// The raw clients write to sockets the server may already have closed.
const bool kIgnoreSigpipe = [] {
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}();

/// A raw TLS client on 127.0.0.1 with chosen protocol versions: it tests protocol, not trust.
class RawTlsClient {
  public:
    RawTlsClient(std::uint16_t port, int minVersion, int maxVersion) {
        ctx_ = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_security_level(ctx_, 0);  // so a TLS 1.1 client really offers TLS 1.1
        SSL_CTX_set_cipher_list(ctx_, "ALL:@SECLEVEL=0");
        SSL_CTX_set_min_proto_version(ctx_, minVersion);
        SSL_CTX_set_max_proto_version(ctx_, maxVersion);
        SSL_CTX_set_verify(ctx_, SSL_VERIFY_NONE, nullptr);
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        timeval timeout{5, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        connected_ =
            ::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
        ssl_ = SSL_new(ctx_);
        SSL_set_fd(ssl_, fd_);
    }
    ~RawTlsClient() {
        SSL_free(ssl_);
        ::close(fd_);
        SSL_CTX_free(ctx_);
    }
    RawTlsClient(const RawTlsClient&) = delete;
    RawTlsClient& operator=(const RawTlsClient&) = delete;

    /// Empty on success, else OpenSSL's reason.
    std::string handshake() {
        if (!connected_) {
            return "TCP connect failed";
        }
        ERR_clear_error();
        if (SSL_connect(ssl_) == 1) {
            return {};
        }
        std::string reason = "handshake failed";
        if (const unsigned long code = ERR_get_error(); code != 0) {
            std::array<char, 256> text{};
            ERR_error_string_n(code, text.data(), text.size());
            reason = text.data();
        }
        return reason;
    }
    [[nodiscard]] int version() const { return SSL_version(ssl_); }
    bool write(const std::string& bytes) {
        return SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size())) ==
               static_cast<int>(bytes.size());
    }
    /// Everything until the server closes (or 5 s of silence).
    std::string readAll() {
        std::string text;
        std::array<char, 4096> buffer{};
        for (int n; (n = SSL_read(ssl_, buffer.data(), static_cast<int>(buffer.size()))) > 0;) {
            text.append(buffer.data(), static_cast<std::size_t>(n));
        }
        return text;
    }

  private:
    SSL_CTX* ctx_ = nullptr;
    SSL* ssl_ = nullptr;
    int fd_ = -1;
    bool connected_ = false;
};

/// Sends bytes over plain TCP and reads whatever comes back until the server closes.
std::string plainTcpExchange(std::uint16_t port, const std::string& bytes) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string answer;
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) >= 0) {
        std::array<char, 1024> buffer{};
        for (ssize_t n; (n = ::recv(fd, buffer.data(), buffer.size(), 0)) > 0;) {
            answer.append(buffer.data(), static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    return answer;
}

class HttpServerTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "cadre-http-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        pki_ = makeTestPki((dir_ / "pki").string());
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    [[nodiscard]] ListenConfig tlsConfig(std::size_t maxBody = 1024 * 1024) const {
        ListenConfig config;
        config.host = "127.0.0.1";
        config.port = 0;
        config.certificateFile = pki_.serverCert;
        config.privateKeyFile = pki_.serverKey;
        config.maxBodyBytes = maxBody;
        return config;
    }
    [[nodiscard]] std::unique_ptr<HttpsTransport> client(const HttpServer& server) const {
        return std::make_unique<HttpsTransport>(
            HttpsOptions{server.baseUrl(), pki_.caCert, {}, 5s});
    }

    /// Remembers the last request and echoes its body.
    HttpHandler echo() {
        return [this](const HttpRequest& request) {
            const std::lock_guard lock(mutex_);
            last_ = request;
            ++calls_;
            return HttpResponse{201, "application/octet-stream", {{"X-Echo", "yes"}}, request.body};
        };
    }

    std::filesystem::path dir_;
    TestPki pki_;
    std::mutex mutex_;
    HttpRequest last_;
    std::atomic<int> calls_{0};
};

TEST_F(HttpServerTest, EchoRoundTripKeepsMethodPathQueryHeadersAndBinaryBody) {
    HttpServer server(tlsConfig(), echo());
    EXPECT_NE(server.port(), 0);
    EXPECT_EQ(server.baseUrl(), "https://127.0.0.1:" + std::to_string(server.port()));
    static constexpr char kBinary[] = "\0bin\0ary\xff\xfe caf\xc3\xa9 \xe2\x82\xac\0";
    const std::string body(kBinary, sizeof kBinary - 1);  // NULs, invalid UTF-8, UTF-8
    TransportRequest request{"POST",
                             "/v1/caf%C3%A9/a%2Fb?cursor=x%2By+z&name=Jos%C3%A9&flag&e=",
                             {{"Authorization", "Bearer t0k"}, {"X-Device-Id", "Dev 1"}},
                             body,
                             "application/x-cadre"};

    const auto response = client(server)->send(request);

    EXPECT_EQ(response.status, 201);
    EXPECT_EQ(response.body, body);
    EXPECT_EQ(response.headers.at("x-echo"), "yes");
    EXPECT_EQ(response.headers.at("content-type"), "application/octet-stream");
    const std::lock_guard lock(mutex_);
    EXPECT_EQ(last_.method, "POST");
    EXPECT_EQ(last_.path, "/v1/caf\xc3\xa9/a/b");
    const std::map<std::string, std::string> query{
        {"cursor", "x+y+z"}, {"name", "Jos\xc3\xa9"}, {"flag", ""}, {"e", ""}};
    EXPECT_EQ(last_.query, query);
    EXPECT_EQ(last_.header("authorization"), "Bearer t0k");
    EXPECT_EQ(last_.header("x-device-id"), "Dev 1");
    EXPECT_EQ(last_.header("content-type"), "application/x-cadre");
    EXPECT_EQ(last_.remoteAddress, "127.0.0.1");
    EXPECT_EQ(last_.body, body);
}

TEST_F(HttpServerTest, GetWithoutBodyAndJsonErrorShape) {
    HttpServer server(tlsConfig(), [](const HttpRequest& request) {
        return request.path == "/issues"
                   ? jsonError(422, "invalid_change", "bad field", R"([{"field":"a"}])")
                   : jsonError(404, "not_found", "no such thing");
    });
    auto transport = client(server);
    const auto notFound = transport->send({"GET", "/nowhere", {}, {}});
    EXPECT_EQ(notFound.status, 404);
    EXPECT_EQ(notFound.headers.at("content-type"), "application/json");
    EXPECT_EQ(notFound.body,
              R"({"error":{"code":"not_found","message":"no such thing","status":404}})");
    const auto invalid = transport->send({"GET", "/issues", {}, {}});
    EXPECT_EQ(invalid.status, 422);
    EXPECT_EQ(invalid.body, R"({"error":{"code":"invalid_change","issues":[{"field":"a"}],)"
                            R"("message":"bad field","status":422}})");
}

TEST_F(HttpServerTest, BodyAboveTheLimitGets413AndTheHandlerIsNotCalled) {
    HttpServer server(tlsConfig(1024), echo());
    auto transport = client(server);
    const auto refused = transport->send({"POST", "/v1/push", {}, std::string(1025, 'x')});
    EXPECT_EQ(refused.status, 413);
    EXPECT_NE(refused.body.find("\"body_too_large\""), std::string::npos);
    EXPECT_EQ(calls_.load(), 0);
    EXPECT_EQ(transport->send({"POST", "/v1/push", {}, std::string(1024, 'x')}).status, 201);

    // Chunked: no Content-Length to refuse by, so the actual size counts.
    RawTlsClient raw(server.port(), TLS1_2_VERSION, TLS1_3_VERSION);
    ASSERT_EQ(raw.handshake(), "");
    std::string chunked =
        "POST /v1/push HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
        "Transfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 3; ++i) {
        chunked += "200\r\n" + std::string(512, 'y') + "\r\n";
    }
    chunked += "0\r\n\r\n";
    ASSERT_TRUE(raw.write(chunked));
    EXPECT_EQ(raw.readAll().rfind("HTTP/1.1 413", 0), 0u);
    EXPECT_EQ(calls_.load(), 1);
}

TEST_F(HttpServerTest, ThrowingHandlerGets500AndTheServerKeepsServing) {
    HttpServer server(tlsConfig(), [](const HttpRequest& request) -> HttpResponse {
        if (request.path == "/boom") {
            throw std::runtime_error("secret detail");
        }
        return {200, "text/plain", {}, "fine"};
    });
    auto transport = client(server);
    const auto failed = transport->send({"GET", "/boom", {}, {}});
    EXPECT_EQ(failed.status, 500);
    EXPECT_NE(failed.body.find("\"internal_error\""), std::string::npos);
    EXPECT_EQ(failed.body.find("secret detail"), std::string::npos);
    EXPECT_EQ(transport->send({"GET", "/ok", {}, {}}).body, "fine");
}

TEST_F(HttpServerTest, PlainHttpOnlyOnLoopback) {
    ListenConfig config;
    config.tls = false;
    config.port = 0;
    for (const char* host : {"0.0.0.0", "192.0.2.10", "example.org", "::"}) {
        config.host = host;
        try {
            HttpServer refused(config, echo());
            ADD_FAILURE() << "plain HTTP accepted on " << host;
        } catch (const ListenError& e) {
            EXPECT_NE(std::string(e.what()).find("loopback"), std::string::npos) << e.what();
        }
    }
    config.host = "127.0.0.1";
    HttpServer server(config, echo());
    EXPECT_EQ(server.baseUrl(), "http://127.0.0.1:" + std::to_string(server.port()));
    HttpsTransport transport(HttpsOptions{server.baseUrl(), {}, {}, 5s});
    EXPECT_EQ(transport.send({"PUT", "/plain", {}, "hello"}).body, "hello");
}

TEST_F(HttpServerTest, LoopbackHosts) {
    for (const char* host : {"127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LocalHost",
                             "::ffff:127.0.0.1"}) {
        EXPECT_TRUE(isLoopbackHost(host)) << host;
    }
    for (const char* host : {"0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "localhost.example.org",
                             "::2", "", "example.org"}) {
        EXPECT_FALSE(isLoopbackHost(host)) << host;
    }
}

TEST_F(HttpServerTest, BadCertificateOrKeyIsAListenError) {
    const TestPki other = makeTestPki((dir_ / "other").string());
    const std::string garbage = (dir_ / "garbage.pem").string();
    std::FILE* file = std::fopen(garbage.c_str(), "w");
    std::fputs("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n", file);
    std::fclose(file);
    const auto expectListenError = [&](const std::string& cert, const std::string& key,
                                       const std::string& words) {
        ListenConfig config = tlsConfig();
        config.certificateFile = cert;
        config.privateKeyFile = key;
        try {
            HttpServer server(config, echo());
            ADD_FAILURE() << "started with " << cert << " / " << key;
        } catch (const ListenError& e) {
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
        }
    };
    expectListenError((dir_ / "missing.pem").string(), pki_.serverKey,
                      "certificate file not found");
    expectListenError(pki_.serverCert, (dir_ / "missing.key").string(),
                      "private key file not found");
    expectListenError(pki_.serverCert, other.serverKey, "does not match");
    expectListenError(garbage, pki_.serverKey, "no usable PEM certificate");
    expectListenError(pki_.serverCert, garbage, "no usable PEM private key");
}

TEST_F(HttpServerTest, OnlyTls12And13AreAccepted) {
    HttpServer server(tlsConfig(), echo());
    RawTlsClient old(server.port(), TLS1_VERSION, TLS1_1_VERSION);
    const std::string refusal = old.handshake();
    // The server's alert, not a client that could not even offer TLS 1.1.
    EXPECT_NE(refusal.find("protocol version"), std::string::npos) << refusal;

    for (const int version : {TLS1_2_VERSION, TLS1_3_VERSION}) {
        RawTlsClient modern(server.port(), version, version);
        ASSERT_EQ(modern.handshake(), "") << version;
        EXPECT_EQ(modern.version(), version);
        ASSERT_TRUE(modern.write("GET /v HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        EXPECT_EQ(modern.readAll().rfind("HTTP/1.1 201", 0), 0u) << version;
    }
}

TEST_F(HttpServerTest, CutConnectionsAndGarbageLeaveTheServerServing) {
    HttpServer server(tlsConfig(), echo());
    for (int i = 0; i < 5; ++i) {
        RawTlsClient cut(server.port(), TLS1_2_VERSION, TLS1_3_VERSION);
        ASSERT_EQ(cut.handshake(), "");
        ASSERT_TRUE(
            cut.write("POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n"
                      "0123456789"));
    }  // each closes mid-body
    {
        RawTlsClient garbage(server.port(), TLS1_2_VERSION, TLS1_3_VERSION);
        ASSERT_EQ(garbage.handshake(), "");
        ASSERT_TRUE(garbage.write("NOT HTTP AT ALL\r\n\r\n"));
        EXPECT_EQ(garbage.readAll().rfind("HTTP/1.1 400", 0), 0u);
    }
    {
        RawTlsClient badEscape(server.port(), TLS1_2_VERSION, TLS1_3_VERSION);
        ASSERT_EQ(badEscape.handshake(), "");
        ASSERT_TRUE(badEscape.write("GET /a%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        EXPECT_EQ(badEscape.readAll().rfind("HTTP/1.1 400", 0), 0u);
    }
    plainTcpExchange(server.port(), "GET / HTTP/1.1\r\nHost: x\r\n\r\n");  // no TLS at all
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(calls_.load(), 0) << last_.method << " " << last_.path << " " << last_.body.size();
    EXPECT_EQ(client(server)->send({"POST", "/after", {}, "still here"}).body, "still here");
}

TEST_F(HttpServerTest, FiftyConcurrentRequestsFromTenThreadsAreAllAnswered) {
    HttpServer server(tlsConfig(), [](const HttpRequest& request) {
        std::this_thread::sleep_for(5ms);
        return HttpResponse{200, "text/plain", {}, request.path + "|" + request.body};
    });
    auto transport = client(server);  // one transport shared by every thread
    std::atomic<int> answered{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 10; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 5; ++i) {
                const std::string path = "/r/" + std::to_string(t) + "/" + std::to_string(i);
                try {
                    if (transport->send({"POST", path, {}, "b" + std::to_string(i)}).body ==
                        path + "|b" + std::to_string(i)) {
                        ++answered;
                    }
                } catch (const std::exception&) {
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(answered.load(), 50);
}

TEST_F(HttpServerTest, WaitingHandlersHoldUpNeitherReadsNorOtherRequests) {
    // More handlers waiting than cpprestsdk has I/O threads: they wait on the handler pool, and
    // another request's body is still read and answered.
    const int waiting = static_cast<int>(sync::cpprestThreads()) + 4;
    std::mutex mutex;
    std::condition_variable releasedChanged;
    bool released = false;
    std::atomic<int> blocked{0};
    HttpServer server(tlsConfig(), [&](const HttpRequest& request) {
        if (request.path == "/wait") {
            ++blocked;
            std::unique_lock lock(mutex);
            releasedChanged.wait(lock, [&] { return released; });
        }
        return HttpResponse{200, "text/plain", {}, request.path + "|" + request.body};
    });
    std::vector<std::unique_ptr<HttpsTransport>> transports;
    for (int i = 0; i < waiting; ++i) {
        transports.push_back(client(server));  // one connection each
    }
    std::atomic<int> answered{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < waiting; ++i) {
        threads.emplace_back([&, i] {
            try {
                const std::string body(200 * 1024, static_cast<char>('a' + i % 26));
                answered += transports[i]->send({"POST", "/wait", {}, body}).body == "/wait|" + body
                                ? 1
                                : 0;
            } catch (const std::exception&) {
            }
        });
    }
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (blocked.load() < waiting && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    ASSERT_EQ(blocked.load(), waiting);
    const std::string body(300 * 1024, 'z');
    EXPECT_EQ(client(server)->send({"POST", "/other", {}, body}).body, "/other|" + body);
    EXPECT_EQ(answered.load(), 0);
    {
        const std::lock_guard lock(mutex);
        released = true;
    }
    releasedChanged.notify_all();
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(answered.load(), waiting);
}

TEST_F(HttpServerTest, NoMoreHandlersRunAtOnceThanTheConfiguredThreads) {
    ListenConfig config = tlsConfig();
    config.handlerThreads = 2;
    std::atomic<int> running{0}, most{0};
    HttpServer server(config, [&](const HttpRequest& request) {
        const int now = ++running;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(20ms);
        --running;
        return HttpResponse{200, "text/plain", {}, request.path};
    });
    std::atomic<int> answered{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 6; ++i) {
        threads.emplace_back([&, i] {
            const std::string path = "/r/" + std::to_string(i);
            try {
                answered += client(server)->send({"GET", path, {}, {}}).body == path ? 1 : 0;
            } catch (const std::exception&) {
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(answered.load(), 6);  // the others waited their turn
    EXPECT_GE(most.load(), 1);
    EXPECT_LE(most.load(), 2);
    config.handlerThreads = 0;
    EXPECT_THROW(HttpServer(config, echo()), ListenError);
}

TEST_F(HttpServerTest, RequestsBeyondTheQueueGet503BusyAndAreNotHandled) {
    ListenConfig config = tlsConfig();
    config.handlerThreads = 1;
    config.maxQueuedRequests = 0;  // no waiting: a request needs an idle thread
    std::mutex refusalsMutex;
    std::vector<std::pair<int, std::string>> refusals;
    config.refused = [&](int status, const std::string& code) {
        const std::lock_guard lock(refusalsMutex);
        refusals.emplace_back(status, code);
    };
    std::mutex mutex;
    std::condition_variable releasedChanged;
    bool released = false;
    std::atomic<int> started{0};
    HttpServer server(config, [&](const HttpRequest& request) {
        ++started;
        if (request.path == "/wait") {
            std::unique_lock lock(mutex);
            releasedChanged.wait(lock, [&] { return released; });
        }
        return HttpResponse{200, "text/plain", {}, request.path};
    });
    std::atomic<bool> answered{false};
    std::thread waiting([&] {
        try {
            answered = client(server)->send({"GET", "/wait", {}, {}}).body == "/wait";
        } catch (const std::exception&) {
        }
    });
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (started.load() < 1 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    ASSERT_EQ(started.load(), 1);
    const auto busy = client(server)->send({"POST", "/other", {}, "a change"});
    EXPECT_EQ(busy.status, 503);
    EXPECT_EQ(busy.headers.count("retry-after") ? busy.headers.at("retry-after") : "", "1");
    EXPECT_NE(busy.body.find("\"busy\""), std::string::npos) << busy.body;
    EXPECT_EQ(started.load(), 1);  // the refused request never reached the handler
    {
        const std::lock_guard lock(refusalsMutex);
        EXPECT_EQ(refusals, (std::vector<std::pair<int, std::string>>{{503, "busy"}}));
    }
    {
        const std::lock_guard lock(mutex);
        released = true;
    }
    releasedChanged.notify_all();
    waiting.join();
    EXPECT_TRUE(answered.load());
    EXPECT_EQ(client(server)->send({"GET", "/after", {}, {}}).body, "/after");
}

TEST_F(HttpServerTest, ShutdownWaitsForHandlersInFlightAndTheirAnswers) {
    std::atomic<int> running{0};
    auto server = std::make_unique<HttpServer>(tlsConfig(), [&](const HttpRequest&) {
        ++running;
        std::this_thread::sleep_for(300ms);
        --running;
        return HttpResponse{200, "text/plain", {}, "late"};
    });
    auto transport = client(*server);
    std::atomic<int> answered{0};
    std::vector<std::thread> requests;
    for (int i = 0; i < 3; ++i) {
        requests.emplace_back([&] {
            try {
                answered += transport->send({"GET", "/slow", {}, {}}).body == "late" ? 1 : 0;
            } catch (const TransportError&) {
            }
        });
    }
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (running.load() < 3 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
    }
    ASSERT_EQ(running.load(), 3);
    server.reset();
    EXPECT_EQ(running.load(), 0);  // no handler outlives the server
    for (auto& thread : requests) {
        thread.join();
    }
    EXPECT_EQ(answered.load(), 3);
}

TEST_F(HttpServerTest, PortZeroPicksDistinctFreePorts) {
    HttpServer first(tlsConfig(), echo());
    HttpServer second(tlsConfig(), echo());
    EXPECT_NE(first.port(), 0);
    EXPECT_NE(second.port(), 0);
    EXPECT_NE(first.port(), second.port());
    ListenConfig taken = tlsConfig();
    taken.port = first.port();
    EXPECT_THROW(HttpServer(taken, echo()), ListenError);
    ListenConfig ipv6 = tlsConfig();
    ipv6.host = "::1";
    EXPECT_THROW(HttpServer(ipv6, echo()), ListenError);  // cpprestsdk cannot bind "[::1]"
    ListenConfig byName = tlsConfig();
    byName.host = "localhost";
    HttpServer named(byName, echo());
    EXPECT_EQ(named.baseUrl(), "https://localhost:" + std::to_string(named.port()));
    EXPECT_EQ(client(named)->send({"GET", "/by-name", {}, {}}).status, 201);
}

}  // namespace
}  // namespace cadre::server
