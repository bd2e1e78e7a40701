// HttpsTransport: the SyncClient's Transport over HTTPS (cpprestsdk inside the .cpp only).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "sync/Transport.h"

namespace cadre::sync {

struct HttpsOptions {
    std::string baseUrl;  ///< "https://127.0.0.1:8443"
    std::string caFile;   ///< PEM CA bundle to trust instead of the system's (test CA, self-signed)
    std::string pinnedSha256;  ///< optional: the server certificate's SHA-256 fingerprint (hex)
    std::chrono::milliseconds timeout{30000};
};

class HttpsTransport : public Transport {
  public:
    explicit HttpsTransport(HttpsOptions options);
    ~HttpsTransport() override;
    TransportResponse send(const TransportRequest& request) override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace cadre::sync
