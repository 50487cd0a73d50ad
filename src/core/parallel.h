#pragma once
// A few independent jobs shared among threads: the calling thread and up to
// `threads - 1` helpers each take the next job as they become free. When a
// helper cannot be started (no thread, no memory), the threads already
// running do the rest; every helper is joined before this returns.
//
// A job that throws stops only itself: once all are done, the exception of
// the first job (by index) that threw is rethrown here, as if the jobs had
// run one after the other, up to that one, on the calling thread.
#include <cstddef>
#include <functional>

namespace jan20 {

void run_jobs(size_t count, int threads, const std::function<void(size_t)>& job);

// The same, telling each job which thread runs it: 0 is the calling thread,
// the helpers are 1 to workers(count, threads) - 1, and no two jobs run on one
// worker at once. A caller keeps a working space per worker this way.
void run_jobs(size_t count, int threads, const std::function<void(size_t job, size_t worker)>& job);
size_t workers(size_t count, int threads);

}  // namespace jan20
