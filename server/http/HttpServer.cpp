// HttpServer: cpprestsdk's http_listener behind Cadre's types — TLS setup, port choice, lifetime.
#include "http/HttpServer.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <sstream>
#include <string_view>
#include <vector>

#include "sync/https/CpprestWarnings.h"

CADRE_CPPREST_WARNINGS_OFF
#include <cpprest/http_listener.h>
CADRE_CPPREST_WARNINGS_ON

#include "http/HandlerPool.h"
#include "http/RequestTarget.h"
#include "sync/https/CpprestThreads.h"

namespace cadre::server {
namespace {

namespace listener = web::http::experimental::listener;

/// TLS 1.2 ciphers with forward secrecy and AEAD only (Mozilla "intermediate" without DHE).
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

std::string openSslError() {
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0) {
        return "unknown OpenSSL error";
    }
    std::array<char, 256> text{};
    ERR_error_string_n(code, text.data(), text.size());
    return text.data();
}

std::string readFile(const std::string& path, const char* what) {
    std::error_code error;
    if (path.empty() || !std::filesystem::is_regular_file(path, error)) {
        throw ListenError(std::string(what) + " not found: '" + path + "'");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        throw ListenError(std::string("cannot read the ") + what + " '" + path + "'");
    }
    return text.str();
}

struct TlsMaterial {
    std::string chainPem;
    std::string keyPem;
};

/// Checks, with OpenSSL directly, that the files hold a usable chain and the key that matches it.
TlsMaterial loadTlsMaterial(const ListenConfig& config) {
    TlsMaterial material{readFile(config.certificateFile, "certificate file"),
                         readFile(config.privateKeyFile, "private key file")};
    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_server_method()),
                                                          &SSL_CTX_free);
    if (!ctx) {
        throw ListenError("cannot create a TLS context: " + openSslError());
    }
    if (SSL_CTX_use_certificate_chain_file(ctx.get(), config.certificateFile.c_str()) != 1) {
        throw ListenError("no usable PEM certificate in '" + config.certificateFile +
                          "': " + openSslError());
    }
    if (SSL_CTX_use_PrivateKey_file(ctx.get(), config.privateKeyFile.c_str(), SSL_FILETYPE_PEM) !=
        1) {
        throw ListenError("no usable PEM private key in '" + config.privateKeyFile +
                          "' (or it does not match the certificate): " + openSslError());
    }
    if (SSL_CTX_check_private_key(ctx.get()) != 1) {
        throw ListenError("the private key '" + config.privateKeyFile +
                          "' does not match the certificate '" + config.certificateFile + "'");
    }
    if (X509* cert = SSL_CTX_get0_certificate(ctx.get());
        cert != nullptr && X509_cmp_current_time(X509_get0_notAfter(cert)) < 0) {
        throw ListenError("the certificate '" + config.certificateFile + "' has expired");
    }
    return material;
}

/// Server-side TLS policy. cpprestsdk calls this for a fresh context on every accepted
/// connection (hence PEMs held in memory); it must not throw there, so a failure leaves the
/// context without a certificate and that handshake fails.
void configureTls(boost::asio::ssl::context& context, const TlsMaterial& material) noexcept {
    SSL_CTX* native = context.native_handle();
    SSL_CTX_set_options(native, SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 |
                                    SSL_OP_NO_TLSv1_1 | SSL_OP_NO_COMPRESSION |
                                    SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    try {
        if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) == 1 &&
            SSL_CTX_set_cipher_list(native, kTls12Ciphers) == 1) {
            context.use_certificate_chain(boost::asio::buffer(material.chainPem));
            context.use_private_key(boost::asio::buffer(material.keyPem),
                                    boost::asio::ssl::context::pem);
        }  // else no certificate: the handshake fails rather than run a weaker policy
    } catch (...) {
        ERR_clear_error();
    }
}

/// Binds a socket to host:0 to learn a port the kernel considers free, then releases it.
std::uint16_t probeFreePort(const std::string& host) {
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    if (const int rc = ::getaddrinfo(host.c_str(), "0", &hints, &found); rc != 0) {
        throw ListenError("cannot resolve '" + host + "': " + ::gai_strerror(rc));
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, &::freeaddrinfo);
    const int fd = ::socket(found->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_storage bound{};
    socklen_t size = sizeof bound;
    const bool ok = fd >= 0 && ::bind(fd, found->ai_addr, found->ai_addrlen) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&bound), &size) == 0;
    if (fd >= 0) {
        ::close(fd);
    }
    if (!ok) {
        throw ListenError("cannot bind to '" + host + "' to find a free port");
    }
    const std::uint16_t netPort = bound.ss_family == AF_INET6
                                      ? reinterpret_cast<const sockaddr_in6*>(&bound)->sin6_port
                                      : reinterpret_cast<const sockaddr_in*>(&bound)->sin_port;
    return ::ntohs(netPort);
}

bool unsafeInHeader(const std::string& text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos;
}

/// Writes Cadre's response, then calls `done` (once, whatever happens); never throws.
void send(const web::http::http_request& request, const HttpResponse& response,
          const std::function<void()>& done = {}) noexcept {
    try {
        const int status = response.status >= 100 && response.status <= 599 ? response.status : 500;
        web::http::http_response out(static_cast<web::http::status_code>(status));
        for (const auto& [name, value] : response.headers) {
            const std::string lower = lowerCase(name);
            if (name.empty() || unsafeInHeader(name) || unsafeInHeader(value) ||
                lower == "content-type" || lower == "content-length") {
                continue;
            }
            out.headers().add(name, value);
        }
        if (status != 204 && status != 304 && status >= 200) {
            if (!response.contentType.empty()) {
                out.headers().set_content_type(response.contentType);
            }
            out.set_body(std::vector<unsigned char>(response.body.begin(), response.body.end()));
        }
        // Every task's exception must be observed, or pplx terminates the process.
        request.reply(out).then([done](pplx::task<void> sent) {
            try {
                sent.get();
            } catch (...) {
            }
            if (done) {
                done();
            }
        });
        return;
    } catch (...) {
    }
    if (done) {
        done();
    }
}

HttpResponse internalError() {
    return {
        500,
        "application/json",
        {},
        R"({"error":{"code":"internal_error","message":"internal server error","status":500}})"};
}

/// The handler and the shutdown gate, shared by every request in progress (they keep it alive).
/// Once stopping, no handler starts, every answer closes its connection (a busy keep-alive client
/// would otherwise keep cpprestsdk's close() waiting), and the server waits for running handlers.
class Dispatch : public std::enable_shared_from_this<Dispatch> {
  public:
    /// `pool` runs the handlers; it must outlive every admitted request (see stop()).
    Dispatch(HttpHandler handler, const ListenConfig& config, HandlerPool& pool)
        : handler_(std::move(handler)),
          maxBodyBytes_(config.maxBodyBytes),
          refused_(config.refused),
          pool_(&pool) {}

    [[nodiscard]] std::size_t maxBodyBytes() const { return maxBodyBytes_; }

    /// Sends an answer the handler did not make (400, 413, 503) and closes the connection: what
    /// follows on it (the rest of a body, a next request) cannot be trusted or is not wanted.
    void refuse(const web::http::http_request& request, int status, const std::string& code,
                const std::string& message, const char* retryAfter = nullptr) const {
        HttpResponse response = jsonError(status, code, message);
        response.headers["Connection"] = "close";
        if (retryAfter) {
            response.headers["Retry-After"] = retryAfter;
        }
        if (refused_) {
            try {
                refused_(status, code);
            } catch (...) {
            }
        }
        send(request, response);
    }

    /// Runs the handler on the handler pool and sends its answer, or 503 once the server is
    /// stopping.
    void answer(const web::http::http_request& request, HttpRequest incoming) {
        bool admitted = false;
        {
            const std::lock_guard lock(mutex_);
            admitted = !stopping_;
            if (admitted) {
                ++handlers_;
                ++replies_;
            }
        }
        if (!admitted) {
            refuse(request, 503, "shutting_down", "the server is shutting down");
            return;
        }
        // Admitted: stop() waits for this job, so the pool outlives it.
        const bool queued =
            pool_->post([self = shared_from_this(), request, incoming = std::move(incoming)] {
                HttpResponse response;
                try {
                    response = self->handler_(incoming);
                } catch (...) {
                    response = internalError();
                }
                self->leave(self->handlers_);
                if (self->stopping_) {
                    response.headers["Connection"] = "close";
                }
                send(request, response, [self] { self->leave(self->replies_); });
            });
        if (!queued) {
            leave(handlers_);
            leave(replies_);
            refuse(request, 503, "busy", "the server is busy: try again shortly", "1");
        }
    }

    /// Stops handlers from starting; waits for those running, and briefly for their answers.
    void stop() {
        std::unique_lock lock(mutex_);
        stopping_ = true;
        changed_.wait(lock, [this] { return handlers_ == 0; });
        changed_.wait_for(lock, std::chrono::seconds(2), [this] { return replies_ == 0; });
    }

  private:
    void leave(int& counter) {
        {
            const std::lock_guard lock(mutex_);
            --counter;
        }
        changed_.notify_all();
    }

    const HttpHandler handler_;
    const std::size_t maxBodyBytes_;
    const std::function<void(int, const std::string&)> refused_;
    HandlerPool* const pool_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::atomic<bool> stopping_{false};  ///< written under mutex_, read without
    int handlers_ = 0;  ///< handlers running: the server may not go before they return
    int replies_ = 0;   ///< answers not yet written
};

constexpr auto kCloseGrace = std::chrono::seconds(5);  ///< see ~HttpServer
constexpr std::size_t kChunkBytes = 64 * 1024;         ///< one read of a request body
constexpr std::size_t kMaxReserve = 1024 * 1024;       ///< a declared length is not a promise

/// One request in progress: its body is read in chunks up to the limit, then the handler runs.
struct Exchange {
    web::http::http_request request;
    std::shared_ptr<Dispatch> dispatch;
    HttpRequest incoming;
    std::vector<unsigned char> chunk;  ///< the buffer each read fills
    bool tooLarge = false;             ///< past maxBodyBytes: the rest is read and dropped
    std::string malformed;             ///< why the request cannot be handled, or empty
};

/// Runs one step of a request; anything it throws becomes a 500 rather than an unobserved task.
template <typename Step>
void guarded(const web::http::http_request& request, Step&& step) noexcept {
    try {
        step();
    } catch (...) {
        send(request, internalError());
    }
}

/// The body has ended: find out whether it arrived whole, then answer.
void finish(const std::shared_ptr<Exchange>& exchange) {
    exchange->request.content_ready().then([exchange](pplx::task<web::http::http_request> ready) {
        guarded(exchange->request, [&] {
            Dispatch& dispatch = *exchange->dispatch;
            try {
                ready.get();
            } catch (...) {
                dispatch.refuse(exchange->request, 400, "incomplete_body",
                                "the request body was not received whole");
                return;
            }
            if (!exchange->malformed.empty()) {
                dispatch.refuse(exchange->request, 400, "bad_request", exchange->malformed);
            } else if (exchange->tooLarge) {
                const std::string limit = std::to_string(dispatch.maxBodyBytes());
                dispatch.refuse(exchange->request, 413, "body_too_large",
                                "the request body is larger than " + limit + " bytes");
            } else {
                dispatch.answer(exchange->request, std::move(exchange->incoming));
            }
        });
    });
}

/// Reads the next chunk of the body (asynchronously: no pool thread waits on the network).
void readBody(const std::shared_ptr<Exchange>& exchange) {
    auto buffer = exchange->request.body().streambuf();
    buffer.getn(exchange->chunk.data(), exchange->chunk.size())
        .then([exchange](pplx::task<std::size_t> read) {
            guarded(exchange->request, [&] {
                std::size_t size = 0;
                try {
                    size = read.get();
                } catch (...) {
                    size = 0;  // a cut body ends the stream; content_ready() reports it
                }
                if (size == 0) {
                    finish(exchange);
                    return;
                }
                std::string& body = exchange->incoming.body;
                if (!exchange->tooLarge &&
                    body.size() + size > exchange->dispatch->maxBodyBytes()) {
                    exchange->tooLarge = true;
                    std::string().swap(body);
                }
                if (!exchange->tooLarge) {
                    body.append(reinterpret_cast<const char*>(exchange->chunk.data()), size);
                }
                readBody(exchange);
            });
        });
}

/// The listener's entry point for every request.
void serve(const std::shared_ptr<Dispatch>& dispatch, const web::http::http_request& request) {
    guarded(request, [&] {
        auto exchange = std::make_shared<Exchange>();
        exchange->request = request;
        exchange->dispatch = dispatch;
        HttpRequest& incoming = exchange->incoming;
        incoming.method = request.method();
        incoming.remoteAddress = request.remote_address();
        for (const auto& [name, value] : request.headers()) {
            incoming.headers[lowerCase(name)] = value;
        }
        try {
            const web::uri& target = request.request_uri();
            incoming.path = percentDecode(target.path());
            incoming.query = decodeQuery(target.query());
        } catch (const std::exception&) {
            exchange->malformed = "the request target is not validly percent-encoded";
        }
        // cpprestsdk takes any three words for a request line ("NOT HTTP AT ALL").
        if (request.http_version().major != 1) {
            exchange->malformed = "not an HTTP/1.x request";
        } else if (incoming.path.empty() || incoming.path.front() != '/') {
            exchange->malformed = "the request target is not an absolute path";
        }
        std::size_t chunkBytes = kChunkBytes;
        if (const auto length = incoming.header("content-length")) {
            std::uint64_t declared = 0;
            const char* end = length->data() + length->size();
            const auto parsed = std::from_chars(length->data(), end, declared);
            if (length->empty() || parsed.ec != std::errc() || parsed.ptr != end) {
                exchange->malformed = "invalid Content-Length";
            } else if (declared > dispatch->maxBodyBytes()) {
                exchange->tooLarge = true;  // refused unread; cpprestsdk still reads it all
            } else {
                incoming.body.reserve(std::min<std::size_t>(declared, kMaxReserve));
                chunkBytes = std::clamp<std::size_t>(declared, 1, kChunkBytes);
            }
        } else if (!incoming.header("transfer-encoding")) {
            chunkBytes = 1;  // no body: one read sees its end
        }
        exchange->chunk.resize(chunkBytes);
        readBody(exchange);
    });
}

}  // namespace

struct HttpServer::Impl {
    ListenConfig config;
    std::shared_ptr<Dispatch> dispatch;
    /// Destroyed (joined) before `dispatch` is let go, after the listener and its connections.
    std::unique_ptr<HandlerPool> handlers;
    std::shared_ptr<const TlsMaterial> tls;
    std::unique_ptr<listener::http_listener> listener;
    std::uint16_t port = 0;
};

HttpServer::HttpServer(const ListenConfig& config, HttpHandler handler)
    : impl_(std::make_unique<Impl>()) {
    if (!handler) {
        throw ListenError("no request handler");
    }
    if (config.host.empty()) {
        throw ListenError("no host to listen on");
    }
    if (!config.tls && !isLoopbackHost(config.host)) {
        throw ListenError("plain HTTP is only allowed on a loopback address (host '" + config.host +
                          "')");
    }
    if (config.host.find(':') != std::string::npos) {
        // cpprestsdk's listener hands "[::1]" to the resolver as it is, which fails.
        throw ListenError("cannot listen on the IPv6 address '" + config.host +
                          "': use a host name that resolves to it, or an IPv4 address");
    }
    if (config.handlerThreads == 0) {
        throw ListenError("handlerThreads must be at least 1");
    }
    static_cast<void>(sync::sizeCpprestThreadPool());
    impl_->config = config;
    impl_->handlers =
        std::make_unique<HandlerPool>(config.handlerThreads, config.maxQueuedRequests);
    impl_->dispatch = std::make_shared<Dispatch>(std::move(handler), config, *impl_->handlers);

    listener::http_listener_config listenerConfig;
    if (config.tls) {
        impl_->tls = std::make_shared<TlsMaterial>(loadTlsMaterial(config));
        listenerConfig.set_ssl_context_callback(
            [tls = impl_->tls](boost::asio::ssl::context& context) {
                configureTls(context, *tls);
            });
    }

    // With port 0 the probed port may be taken by someone else before the listener binds it.
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        const std::uint16_t port = config.port != 0 ? config.port : probeFreePort(config.host);
        const std::string url =
            (config.tls ? "https://" : "http://") + config.host + ":" + std::to_string(port) + "/";
        try {
            auto candidate =
                std::make_unique<listener::http_listener>(web::uri(url), listenerConfig);
            candidate->support(
                [dispatch = impl_->dispatch](const web::http::http_request& request) {
                    serve(dispatch, request);
                });
            candidate->open().wait();
            impl_->listener = std::move(candidate);
            impl_->port = port;
            return;
        } catch (const std::exception& e) {
            if (config.port == 0 && attempt < kAttempts) {
                continue;
            }
            throw ListenError("cannot listen on " + url + ": " + e.what());
        }
    }
}

HttpServer::~HttpServer() {
    if (!impl_ || !impl_->listener) {
        return;
    }
    // cpprestsdk's close() neither waits for handlers nor for their answers: the gate does.
    impl_->dispatch->stop();
    // close() stops accepting and cuts idle and half-read connections, but a connection that was
    // mid-request when it ran keeps answering 404 to a client that keeps sending on it, and
    // close() waits for it forever. No handler can run any more, so wait a while, then leave the
    // listener to finish on its own (leaked on purpose: its close is still using it).
    auto closed = std::make_shared<std::promise<void>>();
    std::future<void> done = closed->get_future();
    try {
        impl_->listener->close().then([closed](pplx::task<void> closing) {
            try {
                closing.get();
            } catch (...) {
            }
            closed->set_value();
        });
    } catch (...) {
        closed->set_value();
    }
    if (done.wait_for(kCloseGrace) != std::future_status::ready) {
        static_cast<void>(impl_->listener.release());
    }
}

std::uint16_t HttpServer::port() const {
    return impl_->port;
}

std::string HttpServer::baseUrl() const {
    return (impl_->config.tls ? "https://" : "http://") + impl_->config.host + ":" +
           std::to_string(impl_->port);
}

bool isLoopbackHost(const std::string& host) {
    std::string name = host;
    if (name.size() >= 2 && name.front() == '[' && name.back() == ']') {
        name = name.substr(1, name.size() - 2);
    }
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (name == "localhost" || name == "localhost.") {
        return true;
    }
    std::array<unsigned char, 16> address{};
    if (::inet_pton(AF_INET, name.c_str(), address.data()) == 1) {
        return address[0] == 127;
    }
    if (::inet_pton(AF_INET6, name.c_str(), address.data()) == 1) {
        const bool zeros10 = std::all_of(address.begin(), address.begin() + 10,
                                         [](unsigned char b) { return b == 0; });
        const bool loopback6 = zeros10 && address[10] == 0 && address[11] == 0 &&
                               address[12] == 0 && address[13] == 0 && address[14] == 0 &&
                               address[15] == 1;
        const bool mapped127 =
            zeros10 && address[10] == 0xFF && address[11] == 0xFF && address[12] == 127;
        return loopback6 || mapped127;
    }
    return false;
}

}  // namespace cadre::server
