#include "pdf/stream_compressor.h"

#include <libdeflate.h>

#include <system_error>

namespace jan20::pdf {

namespace {
bool deflate_with(libdeflate_compressor* c, std::string_view raw, std::string* out) {
  if (!c) return false;
  out->resize(libdeflate_zlib_compress_bound(c, raw.size()));
  size_t size = libdeflate_zlib_compress(c, raw.data(), raw.size(), out->data(), out->size());
  out->resize(size);
  // The bound is about the raw size: a page's content is kept compressed
  // until the PDF is saved, so it keeps only what it uses.
  out->shrink_to_fit();
  return size > 0;
}
}  // namespace

StreamCompressor::StreamCompressor(bool helper_thread) : compressor_(libdeflate_alloc_compressor(kLevel)) {
  if (!helper_thread) return;
  try {
    helper_ = std::thread([this] { helper_loop(); });
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): each stream is compressed as it is submitted.
  }
}

StreamCompressor::~StreamCompressor() { finish(); }

bool StreamCompressor::compress(std::string_view raw, std::string* out) { return deflate_with(compressor_.get(), raw, out); }

void StreamCompressor::submit(void* owner, std::string raw) {
  if (!helper_.joinable()) {
    Compressed& done = jobs_.emplace_back().result;
    done.owner = owner;
    done.ok = compress(raw, &done.deflated);
    return;
  }
  Job* own = nullptr;
  {
    std::lock_guard lock(mutex_);
    Job& job = jobs_.emplace_back();
    job.result.owner = owner;
    job.raw = std::move(raw);
    // Drawing a page is faster than compressing it: when the helper falls
    // behind, this thread compresses the oldest waiting job itself, so that
    // a long book's raw pages do not pile up (37 MB at 2,400 pages).
    if (jobs_.size() - next_ > kMostWaiting) own = &jobs_[next_++];
  }
  wake_.notify_one();
  if (own) {
    own->result.ok = deflate_with(compressor_.get(), own->raw, &own->result.deflated);
    std::string().swap(own->raw);  // (assigning an empty string would keep the capacity)
  }
}

void StreamCompressor::helper_loop() {
  const CHandle<libdeflate_compressor, libdeflate_free_compressor> own(libdeflate_alloc_compressor(kLevel));
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || next_ < jobs_.size(); });
    if (next_ == jobs_.size()) break;  // stopping, and nothing left
    Job* job = &jobs_[next_++];
    lock.unlock();
    job->result.ok = deflate_with(own.get(), job->raw, &job->result.deflated);
    std::string().swap(job->raw);
    lock.lock();
  }
}

std::deque<StreamCompressor::Compressed> StreamCompressor::finish() {
  if (helper_.joinable()) {  // afterwards, submit() compresses on the calling thread
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    helper_.join();
  }
  std::deque<Compressed> out;
  for (Job& job : jobs_) out.push_back(std::move(job.result));
  jobs_.clear();
  next_ = 0;
  return out;
}

}  // namespace jan20::pdf
