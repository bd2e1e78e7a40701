// HttpsTransport: cpprestsdk's http_client behind Cadre's Transport, with Cadre's own trust rules.
#include "sync/https/HttpsTransport.h"

#include "sync/https/CpprestThreads.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "sync/https/CpprestWarnings.h"

CADRE_CPPREST_WARNINGS_OFF
#include <cpprest/http_client.h>
CADRE_CPPREST_WARNINGS_ON

namespace cadre::sync {
namespace {

using Clock = std::chrono::steady_clock;

std::string lowerCase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

bool isIpAddress(const std::string& host) {
    std::array<unsigned char, 16> address{};
    return ::inet_pton(AF_INET, host.c_str(), address.data()) == 1 ||
           ::inet_pton(AF_INET6, host.c_str(), address.data()) == 1;
}

bool isLoopback(const std::string& host) {
    std::array<unsigned char, 16> a{};
    if (::inet_pton(AF_INET, host.c_str(), a.data()) == 1) {
        return a[0] == 127;
    }
    if (::inet_pton(AF_INET6, host.c_str(), a.data()) == 1) {
        return std::all_of(a.begin(), a.end() - 1, [](unsigned char b) { return b == 0; }) &&
               a[15] == 1;
    }
    return lowerCase(host) == "localhost";
}

/// "AB:CD:…" or "abcd…" → 64 lower-case hex digits. Throws std::invalid_argument.
std::string normalisePin(const std::string& pin) {
    std::string hex;
    for (const char c : pin) {
        if (std::isxdigit(static_cast<unsigned char>(c)) != 0) {
            hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (c != ':' && std::isspace(static_cast<unsigned char>(c)) == 0) {
            throw std::invalid_argument("the pinned SHA-256 fingerprint is not hexadecimal");
        }
    }
    if (hex.size() != 64) {
        throw std::invalid_argument("the pinned SHA-256 fingerprint must have 32 bytes");
    }
    return hex;
}

std::string sha256Hex(X509* cert) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (X509_digest(cert, EVP_sha256(), digest.data(), &size) != 1) {
        return {};
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < size; ++i) {
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 0x0F];
    }
    return text;
}

using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;

/// Every certificate in a PEM bundle. Throws std::invalid_argument.
std::vector<Certificate> readBundle(const std::string& path) {
    std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new_file(path.c_str(), "r"),
                                                      &BIO_free_all);
    if (!bio) {
        ERR_clear_error();
        throw std::invalid_argument("cannot open the CA file '" + path + "'");
    }
    std::vector<Certificate> certificates;
    while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) {
        certificates.emplace_back(cert, &X509_free);
    }
    ERR_clear_error();  // the end of the file reads as "no start line"
    if (certificates.empty()) {
        throw std::invalid_argument("no PEM certificate in the CA file '" + path + "'");
    }
    return certificates;
}

/// What the TLS callbacks need; shared with cpprestsdk's connections, which may outlive a send().
struct Trust {
    std::vector<Certificate> anchors;  ///< empty: the system's store
    std::string pin;   ///< lower-case hex SHA-256 of the server's certificate, or empty
    std::string host;  ///< the name or address the certificate must be for
    std::mutex mutex;
    std::string lastFailure;  ///< why the last verification failed, for the error message
    Clock::time_point failedAt{};

    void fail(std::string reason) {
        const std::lock_guard lock(mutex);
        lastFailure = std::move(reason);
        failedAt = Clock::now();
    }
    std::string failureSince(Clock::time_point start) {
        const std::lock_guard lock(mutex);
        return failedAt >= start ? lastFailure : std::string();
    }
};

/// Replaces OpenSSL's chain check: the usual verification (trust, host name), then the pin.
int verifyChain(X509_STORE_CTX* store, void* argument) {
    auto* trust = static_cast<Trust*>(argument);
    if (X509_verify_cert(store) != 1) {
        trust->fail(X509_verify_cert_error_string(X509_STORE_CTX_get_error(store)));
        return 0;
    }
    if (!trust->pin.empty() && sha256Hex(X509_STORE_CTX_get0_cert(store)) != trust->pin) {
        X509_STORE_CTX_set_error(store, X509_V_ERR_APPLICATION_VERIFICATION);
        trust->fail("the server's certificate does not match the pinned SHA-256 fingerprint");
        return 0;
    }
    return 1;
}

/// Client-side TLS policy, applied by cpprestsdk to each new connection's context.
void configureTls(boost::asio::ssl::context& context, const std::shared_ptr<Trust>& trust) {
    SSL_CTX* native = context.native_handle();
    SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
    SSL_CTX_set_options(native, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    if (trust->anchors.empty()) {
        SSL_CTX_set_default_verify_paths(native);
    } else {
        X509_STORE* store = X509_STORE_new();  // only the given CAs, not the system's
        for (const auto& anchor : trust->anchors) {
            X509_STORE_add_cert(store, anchor.get());
        }
        SSL_CTX_set_cert_store(native, store);
    }
    X509_VERIFY_PARAM* parameters = SSL_CTX_get0_param(native);
    if (isIpAddress(trust->host)) {
        X509_VERIFY_PARAM_set1_ip_asc(parameters, trust->host.c_str());
    } else {
        X509_VERIFY_PARAM_set1_host(parameters, trust->host.c_str(), trust->host.size());
        X509_VERIFY_PARAM_set_hostflags(parameters, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    }
    SSL_CTX_set_verify(native, SSL_VERIFY_PEER, nullptr);
    SSL_CTX_set_cert_verify_callback(native, &verifyChain, trust.get());
}

}  // namespace

struct HttpsTransport::Impl {
    HttpsOptions options;
    std::shared_ptr<Trust> trust = std::make_shared<Trust>();
    std::unique_ptr<web::http::client::http_client> client;
};

HttpsTransport::HttpsTransport(HttpsOptions options) : impl_(std::make_unique<Impl>()) {
    static_cast<void>(sizeCpprestThreadPool());
    impl_->options = std::move(options);
    const HttpsOptions& o = impl_->options;
    if (o.timeout <= std::chrono::milliseconds::zero()) {
        throw std::invalid_argument("the HTTPS time-out must be positive");
    }
    try {
        const web::uri base(o.baseUrl);
        std::string host = base.host();
        if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
            host = host.substr(1, host.size() - 2);
        }
        const std::string scheme = lowerCase(base.scheme());
        if (host.empty() || (scheme != "https" && !(scheme == "http" && isLoopback(host)))) {
            throw std::invalid_argument("expected https://host[:port]");
        }
        impl_->trust->host = host;
        if (!o.caFile.empty()) {
            impl_->trust->anchors = readBundle(o.caFile);
        }
        if (!o.pinnedSha256.empty()) {
            impl_->trust->pin = normalisePin(o.pinnedSha256);
        }
        web::http::client::http_client_config config;
        config.set_timeout(o.timeout);
        config.set_validate_certificates(true);
        config.set_ssl_context_callback([trust = impl_->trust](boost::asio::ssl::context& context) {
            configureTls(context, trust);
        });
        impl_->client = std::make_unique<web::http::client::http_client>(base, config);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("HTTPS transport to '" + o.baseUrl + "': " + e.what());
    } catch (const std::exception& e) {
        throw std::invalid_argument("invalid server URL '" + o.baseUrl + "': " + e.what());
    }
}

HttpsTransport::~HttpsTransport() = default;

TransportResponse HttpsTransport::send(const TransportRequest& request) {
    web::http::http_request message(request.method);
    try {
        message.set_request_uri(web::uri(request.target));
    } catch (const std::exception& e) {
        throw std::invalid_argument("invalid request target '" + request.target + "': " + e.what());
    }
    for (const auto& [name, value] : request.headers) {
        if (lowerCase(name) != "content-length") {  // the body's own length is sent
            message.headers().add(name, value);
        }
    }
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
        message.headers().set_content_type(request.contentType);
        message.set_body(std::vector<unsigned char>(request.body.begin(), request.body.end()));
    }

    const Clock::time_point started = Clock::now();
    const std::string where = request.method + " " + impl_->options.baseUrl + request.target;
    try {
        web::http::http_response response = impl_->client->request(message).get();
        TransportResponse answer;
        answer.status = response.status_code();
        for (const auto& [name, value] : response.headers()) {
            answer.headers[lowerCase(name)] = value;
        }
        const std::vector<unsigned char> body = response.extract_vector().get();
        answer.body.assign(body.begin(), body.end());
        return answer;
    } catch (const std::exception& e) {
        const auto elapsed = Clock::now() - started;
        const auto* httpError = dynamic_cast<const web::http::http_exception*>(&e);
        if ((httpError != nullptr && httpError->error_code() == std::errc::timed_out) ||
            elapsed >= impl_->options.timeout) {
            throw TransportError(where + ": no answer within " +
                                 std::to_string(impl_->options.timeout.count()) + " ms");
        }
        std::string reason = e.what();
        if (const std::string tls = impl_->trust->failureSince(started); !tls.empty()) {
            reason += " (certificate refused: " + tls + ")";
        }
        throw TransportError(where + ": " + reason);
    }
}

}  // namespace cadre::sync
