#include "sync/ObservedTransport.h"

#include <cstdlib>

namespace cadre::client {

ObservedTransport::ObservedTransport(sync::Transport& inner, const std::atomic<bool>& stopping,
                                     std::function<void(const std::string&)> beforeSend)
    : inner_(inner), stopping_(stopping), beforeSend_(std::move(beforeSend)) {}

sync::TransportResponse ObservedTransport::send(const sync::TransportRequest& request) {
    if (stopping_.load())
        throw sync::TransportError("sync stopped: the application is closing");
    if (beforeSend_)
        beforeSend_(request.target);
    sync::TransportResponse response = inner_.send(request);
    if (auto it = response.headers.find("retry-after"); it != response.headers.end())
        retryAfterSeconds_ = std::atoi(it->second.c_str());
    return response;
}

}  // namespace cadre::client
