#pragma once
// A few independent jobs shared among threads: the calling thread and up to
// `threads - 1` helpers each take the next job as they become free. When a
// helper cannot be started (no thread, no memory), the threads already
// running do the rest; every helper is joined before this returns.
//
// `job` must not throw: it catches what it can meet and keeps it for its
// caller (an exception escaping a thread ends the process).
#include <cstddef>
#include <functional>

namespace jan20 {

void run_jobs(size_t count, int threads, const std::function<void(size_t)>& job);

}  // namespace jan20
