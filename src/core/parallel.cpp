#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace jan20 {

size_t workers(size_t count, int threads) {
  return std::max<size_t>(1, std::min(count, static_cast<size_t>(std::max(threads, 1))));
}

void run_jobs(size_t count, int threads, const std::function<void(size_t)>& job) {
  run_jobs(count, threads, [&job](size_t i, size_t) { job(i); });
}

void run_jobs(size_t count, int threads, const std::function<void(size_t, size_t)>& job) {
  std::vector<std::exception_ptr> failed(count);
  std::atomic<size_t> next{0};
  auto work = [&](size_t worker) noexcept {
    for (size_t i = next++; i < count; i = next++) {
      try {
        job(i, worker);
      } catch (...) {  // an exception leaving a thread would end the process
        failed[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  const size_t wanted = workers(count, threads);
  try {
    helpers.reserve(wanted - 1);
    for (size_t t = 1; t < wanted; ++t) helpers.emplace_back(work, t);
  } catch (...) {  // fewer helpers: the threads that run take the rest
  }
  work(0);
  for (std::thread& helper : helpers) helper.join();
  for (const std::exception_ptr& failure : failed)
    if (failure) std::rethrow_exception(failure);
}

}  // namespace jan20
