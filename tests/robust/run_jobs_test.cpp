// core/parallel.h: every job runs exactly once whatever the thread count, all
// on the calling thread with one thread, and run_jobs returns only once every
// job is done; a job that throws stops only itself, and the first (by index)
// is rethrown once all are done; jobs told their worker never share one at once.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/parallel.h"

namespace jan20 {
namespace {

TEST(RunJobs, EveryJobRunsOnceWhateverTheThreads) {
  for (int threads : {0, 1, 2, 3, 8}) {
    for (size_t count : {size_t{0}, size_t{1}, size_t{2}, size_t{7}, size_t{100}}) {
      std::vector<std::atomic<int>> runs(count);
      run_jobs(count, threads, [&](size_t i) { runs[i]++; });
      for (size_t i = 0; i < count; ++i)
        EXPECT_EQ(runs[i].load(), 1) << "job " << i << " of " << count << ", " << threads << " threads";
    }
  }
}

TEST(RunJobs, OneThreadIsTheCallingThread) {
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<std::thread::id> ran(5);
  run_jobs(ran.size(), 1, [&](size_t i) { ran[i] = std::this_thread::get_id(); });
  for (const std::thread::id& id : ran) EXPECT_EQ(id, caller);
}

TEST(RunJobs, TwoThreadsShareSlowJobs) {
  std::vector<std::thread::id> ran(10);
  run_jobs(ran.size(), 2, [&](size_t i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ran[i] = std::this_thread::get_id();
  });
  size_t on_caller = 0;
  for (const std::thread::id& id : ran) on_caller += id == std::this_thread::get_id();
  EXPECT_LT(on_caller, ran.size()) << "a helper took none of ten 10 ms jobs";
}

TEST(RunJobs, TheFirstJobThatThrowsIsRethrownOnceAllAreDone) {
  for (int threads : {1, 2, 4}) {
    std::vector<std::atomic<int>> runs(9);
    try {
      run_jobs(runs.size(), threads, [&](size_t i) {
        runs[i]++;
        if (i == 3 || i == 6) throw std::runtime_error("job " + std::to_string(i));
      });
      ADD_FAILURE() << "nothing rethrown, " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "job 3") << threads << " threads";
    }
    for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i].load(), 1) << "job " << i << ", " << threads << " threads";
  }
}

// A worker's working space is never used by two jobs at once: each job is
// told a worker below workers(), and no two running jobs are told the same.
TEST(RunJobs, NoTwoRunningJobsShareAWorker) {
  for (int threads : {1, 2, 4}) {
    const size_t count = 24;
    std::vector<std::atomic<int>> busy(workers(count, threads));
    std::atomic<int> clashes{0}, out_of_range{0}, ran{0};
    run_jobs(count, threads, [&](size_t, size_t worker) {
      if (worker >= busy.size()) {
        ++out_of_range;
        return;
      }
      if (busy[worker]++ != 0) ++clashes;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      --busy[worker];
      ++ran;
    });
    EXPECT_EQ(ran.load(), static_cast<int>(count)) << threads << " threads";
    EXPECT_EQ(clashes.load(), 0) << threads << " threads";
    EXPECT_EQ(out_of_range.load(), 0) << threads << " threads";
  }
  EXPECT_EQ(workers(0, 4), 1u);
  EXPECT_EQ(workers(3, 8), 3u);
  EXPECT_EQ(workers(10, 2), 2u);
}

}  // namespace
}  // namespace jan20
