// CpprestThreads: see CpprestThreads.h.
#include "sync/https/CpprestThreads.h"

#include <algorithm>
#include <mutex>
#include <thread>
#include <utility>  // std::exchange, which Boost.Asio (under pplx/threadpool.h) uses

#include "sync/https/CpprestWarnings.h"

CADRE_CPPREST_WARNINGS_OFF
#include <pplx/threadpool.h>
CADRE_CPPREST_WARNINGS_ON

namespace cadre::sync {

std::size_t cpprestThreads() {
    const std::size_t cores = std::thread::hardware_concurrency();
    return std::clamp<std::size_t>(cores, 2, 8);
}

bool sizeCpprestThreadPool() {
    static std::once_flag once;
    static bool sized = false;
    std::call_once(once, [] {
        try {
            crossplat::threadpool::initialize_with_threads(cpprestThreads());
            sized = true;
        } catch (const std::exception&) {
            sized = false;  // already running (started by someone else): it keeps its size
        }
    });
    return sized;
}

}  // namespace cadre::sync
