// HttpsTransportTest: the SyncClient's HTTPS transport against a real server — trust, pins,
// failures.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>

#include "http/HttpServer.h"
#include "http/SelfSignedCertificate.h"
#include "sync/https/HttpsTransport.h"

namespace cadre::sync {
namespace {

using namespace std::chrono_literals;
using server::HttpRequest;
using server::HttpResponse;
using server::HttpServer;
using server::ListenConfig;
using server::TestPki;

class HttpsTransportTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "cadre-https-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        pki_ = server::makeTestPki((dir_ / "pki").string());
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    [[nodiscard]] std::unique_ptr<HttpServer> serve(const std::string& cert, const std::string& key,
                                                    const std::string& host = "127.0.0.1",
                                                    std::chrono::milliseconds delay = 0ms) const {
        ListenConfig config;
        config.host = host;
        config.port = 0;
        config.certificateFile = cert;
        config.privateKeyFile = key;
        return std::make_unique<HttpServer>(config, [delay](const HttpRequest& request) {
            std::this_thread::sleep_for(delay);
            return HttpResponse{200, "text/plain", {}, "pong " + request.path};
        });
    }
    [[nodiscard]] std::unique_ptr<HttpServer> serve() const {
        return serve(pki_.serverCert, pki_.serverKey);
    }

    /// The TransportError's message, or "" when the request succeeded.
    static std::string failure(const HttpsOptions& options) {
        try {
            HttpsTransport transport(options);
            transport.send({"GET", "/ping", {}, {}});
            return {};
        } catch (const TransportError& e) {
            return e.what();
        }
    }

    std::filesystem::path dir_;
    TestPki pki_;
};

TEST_F(HttpsTransportTest, AcceptsAServerSignedByTheGivenCa) {
    auto server = serve();
    HttpsTransport transport({server->baseUrl(), pki_.caCert, {}, 5s});
    const auto response = transport.send({"GET", "/ping", {}, {}});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "pong /ping");
    EXPECT_EQ(response.headers.at("content-type"), "text/plain");
}

TEST_F(HttpsTransportTest, RefusesAServerNotSignedByTheGivenCa) {
    auto server = serve();
    const TestPki stranger = server::makeTestPki((dir_ / "stranger").string());
    const std::string refused = failure({server->baseUrl(), stranger.caCert, {}, 5s});
    EXPECT_NE(refused.find("unable to get local issuer certificate"), std::string::npos) << refused;
    // Nor does the system's store know the test CA.
    EXPECT_NE(failure({server->baseUrl(), {}, {}, 5s}), "");
}

TEST_F(HttpsTransportTest, RefusesACertificateForAnotherHost) {
    auto server = serve(pki_.serverCert, pki_.serverKey, "0.0.0.0");
    const std::string url = "https://127.0.0.2:" + std::to_string(server->port());
    const std::string refused = failure({url, pki_.caCert, {}, 5s});
    EXPECT_NE(refused.find("mismatch"), std::string::npos) << refused;
    const std::string byName = "https://localhost:" + std::to_string(server->port());
    EXPECT_EQ(failure({byName, pki_.caCert, {}, 5s}), "");
}

TEST_F(HttpsTransportTest, PinsTheServerCertificate) {
    auto server = serve();
    const std::string pin = server::certificateFingerprint(pki_.serverCert);
    EXPECT_EQ(failure({server->baseUrl(), pki_.caCert, pin, 5s}), "");
    const std::string caPin = server::certificateFingerprint(pki_.caCert);
    const std::string refused = failure({server->baseUrl(), pki_.caCert, caPin, 5s});
    EXPECT_NE(refused.find("pinned"), std::string::npos) << refused;
}

TEST_F(HttpsTransportTest, SelfSignedCertificateIsItsOwnCa) {
    const std::string cert = (dir_ / "self.pem").string();
    const std::string key = (dir_ / "self.key").string();
    const std::string fingerprint =
        server::makeSelfSigned(cert, key, {"localhost", "127.0.0.1", "::1"}, 365);
    EXPECT_TRUE(std::regex_match(fingerprint, std::regex("([0-9A-F]{2}:){31}[0-9A-F]{2}")));
    EXPECT_EQ(server::certificateFingerprint(cert), fingerprint);
    struct stat info {};
    ASSERT_EQ(::stat(key.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);

    auto server = serve(cert, key);
    EXPECT_EQ(failure({server->baseUrl(), cert, fingerprint, 5s}), "");
    EXPECT_NE(failure({server->baseUrl(), pki_.caCert, {}, 5s}), "");
}

TEST_F(HttpsTransportTest, TimeOutIsATransportError) {
    auto server = serve(pki_.serverCert, pki_.serverKey, "127.0.0.1", 1500ms);
    const auto started = std::chrono::steady_clock::now();
    const std::string timedOut = failure({server->baseUrl(), pki_.caCert, {}, 300ms});
    EXPECT_NE(timedOut.find("no answer within 300 ms"), std::string::npos) << timedOut;
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1400ms);
}

TEST_F(HttpsTransportTest, NoServerIsATransportError) {
    std::uint16_t port = 0;
    {
        auto server = serve();
        port = server->port();
    }
    const std::string refused =
        failure({"https://127.0.0.1:" + std::to_string(port), pki_.caCert, {}, 5s});
    EXPECT_NE(refused, "");
}

TEST_F(HttpsTransportTest, BadOptionsAreRefusedAtConstruction) {
    const auto invalid = [](const HttpsOptions& options) {
        EXPECT_THROW(HttpsTransport{options}, std::invalid_argument) << options.baseUrl;
    };
    invalid({"ftp://127.0.0.1:21", {}, {}, 5s});
    invalid({"http://example.org", {}, {}, 5s});  // plain HTTP off loopback
    invalid({"not a url", {}, {}, 5s});
    invalid({"https://127.0.0.1:1", (dir_ / "missing.pem").string(), {}, 5s});
    invalid({"https://127.0.0.1:1", pki_.serverKey, {}, 5s});  // a key is no CA bundle
    invalid({"https://127.0.0.1:1", {}, "AB:CD", 5s});
    invalid({"https://127.0.0.1:1", {}, {}, 0ms});
}

}  // namespace
}  // namespace cadre::sync
