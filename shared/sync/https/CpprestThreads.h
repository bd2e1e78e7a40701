// CpprestThreads: the size of cpprestsdk's process-wide thread pool, for both of Cadre's adapters.
#pragma once

#include <cstddef>

namespace cadre::sync {

/// cpprestsdk runs every socket read and write, and every task continuation, on one thread pool
/// per process, of 40 threads by default. Each completed read is handed to an idle thread, so on
/// a machine with few cores a 700 KB request body costs about 600 context switches and 4 ms of
/// CPU on the receiving side; with a pool the size of the machine, about 30 and 1.7 ms. Cadre's
/// adapters never block a pool thread (the server runs its handlers on a HandlerPool of its own),
/// so a pool of one thread per core (at least 2, at most 8) is enough.
[[nodiscard]] std::size_t cpprestThreads();

/// Sizes the pool to cpprestThreads(), once per process; must run before anything uses
/// cpprestsdk (the HTTPS transport's and the HTTP server's constructors call it). When something
/// else started the pool first, it keeps its size. Returns true when this call sized it.
bool sizeCpprestThreadPool();

}  // namespace cadre::sync
