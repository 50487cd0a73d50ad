#pragma once
// Compresses PDF streams with libdeflate (zlib format), on the calling thread
// or, for the pages' content, on a helper thread while the next pages are
// drawn. libdeflate's level 6 gives slightly smaller output than zlib's
// level 6 (what libharu uses) in under half its time; higher levels cost
// more time than they save bytes.
//
// Background jobs finish in any order but their results are only collected,
// in submission order, by finish(): the bytes never depend on the timing.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include <libdeflate.h>

#include "core/c_handle.h"

namespace jan20::pdf {

class StreamCompressor {
 public:
  static constexpr int kLevel = 6;
  // Jobs left waiting for the helper before the submitting thread compresses
  // the oldest itself.
  static constexpr size_t kMostWaiting = 4;

  // helper_thread: compress submitted jobs on a second thread.
  explicit StreamCompressor(bool helper_thread);
  ~StreamCompressor();
  StreamCompressor(const StreamCompressor&) = delete;
  StreamCompressor& operator=(const StreamCompressor&) = delete;

  // Compresses now; false when libdeflate fails (out of memory).
  bool compress(std::string_view raw, std::string* out);

  // A job compressed in the background (or now, without a helper thread;
  // or an older job now, when the helper is behind).
  // `owner` identifies it to the caller when finish() hands results back.
  void submit(void* owner, std::string raw);
  struct Compressed {
    void* owner = nullptr;
    std::string deflated;
    bool ok = false;
  };
  // Waits for every submitted job and returns the results in submission order.
  std::deque<Compressed> finish();

 private:
  struct Job {
    std::string raw;  // emptied once compressed
    Compressed result;
  };
  void helper_loop();

  CHandle<libdeflate_compressor, libdeflate_free_compressor> compressor_;  // the calling thread's
  std::deque<Job> jobs_;  // references stay valid while more are added
  size_t next_ = 0;       // first job the helper has not taken
  bool stopping_ = false; // finish() was called: the helper ends when no job is left
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread helper_;
};

}  // namespace jan20::pdf
