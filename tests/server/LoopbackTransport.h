// LoopbackTransport: hands SyncClient requests straight to a ServerApp in the same process — the
// real server code, without sockets (sync tested in one process first, as LiteCore does).
#pragma once

#include "app/ServerApp.h"
#include "sync/Transport.h"

namespace cadre::test {

class LoopbackTransport : public sync::Transport {
  public:
    explicit LoopbackTransport(server::ServerApp& app, std::string remote = "127.0.0.1")
        : app_(app), remote_(std::move(remote)) {}

    /// When set, requests fail as if the network were down.
    bool offline = false;

    sync::TransportResponse send(const sync::TransportRequest& r) override {
        if (offline)
            throw sync::TransportError("network unreachable (offline)");
        server::HttpRequest req;
        req.method = r.method;
        const auto q = r.target.find('?');
        req.path = r.target.substr(0, q);
        if (q != std::string::npos) {
            std::string rest = r.target.substr(q + 1);
            while (!rest.empty()) {
                const auto amp = rest.find('&');
                const std::string pair = rest.substr(0, amp);
                const auto eq = pair.find('=');
                req.query[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
                rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
            }
        }
        req.headers = r.headers;
        req.body = r.body;
        req.remoteAddress = remote_;
        const auto resp = app_.handle(req);
        return sync::TransportResponse{resp.status, resp.headers, resp.body};
    }

  private:
    server::ServerApp& app_;
    std::string remote_;
};

}  // namespace cadre::test
