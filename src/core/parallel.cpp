#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace jan20 {

void run_jobs(size_t count, int threads, const std::function<void(size_t)>& job) {
  std::vector<std::exception_ptr> failed(count);
  std::atomic<size_t> next{0};
  auto work = [&]() noexcept {
    for (size_t i = next++; i < count; i = next++) {
      try {
        job(i);
      } catch (...) {  // an exception leaving a thread would end the process
        failed[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  const size_t wanted = std::min(count, static_cast<size_t>(std::max(threads, 1)));
  try {
    helpers.reserve(wanted > 0 ? wanted - 1 : 0);
    for (size_t t = 1; t < wanted; ++t) helpers.emplace_back(work);
  } catch (...) {  // fewer helpers: the threads that run take the rest
  }
  work();
  for (std::thread& helper : helpers) helper.join();
  for (const std::exception_ptr& failure : failed)
    if (failure) std::rethrow_exception(failure);
}

}  // namespace jan20
