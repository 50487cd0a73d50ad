#include "pdf/digest.h"

#include <hpdf.h>
#include <hpdf_encrypt.h>

#include <system_error>

namespace jan20::pdf {

struct Md5::State {
  HPDF_MD5_CTX ctx;
};

Md5::Md5() : state_(std::make_unique<State>()) { HPDF_MD5Init(&state_->ctx); }
Md5::~Md5() = default;

void Md5::update(std::string_view bytes) {
  // HPDF_MD5Update takes a 32-bit length: feed large inputs in slices.
  constexpr size_t kSlice = size_t{1} << 30;
  while (!bytes.empty()) {
    size_t n = bytes.size() < kSlice ? bytes.size() : kSlice;
    HPDF_MD5Update(&state_->ctx, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                   static_cast<HPDF_UINT32>(n));
    bytes.remove_prefix(n);
  }
}

Digest Md5::finish() {
  Digest d{};
  HPDF_MD5Final(d.data(), &state_->ctx);
  return d;
}

Digest md5(std::string_view bytes) {
  Md5 m;
  m.update(bytes);
  return m.finish();
}

Md5InBackground::Md5InBackground(bool helper_thread) {
  if (!helper_thread) return;
  try {
    helper_ = std::thread([this] { helper_loop(); });
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): the pieces are hashed as they come.
  }
}

Md5InBackground::~Md5InBackground() {
  if (helper_.joinable()) finish();
}

void Md5InBackground::update(std::string piece) {
  if (!helper_.joinable()) {
    md5_.update(piece);
    return;
  }
  std::unique_lock lock(mutex_);
  // The writer outruns the hash only on a very fast disk: then it waits,
  // rather than holding the file in memory.
  changed_.wait(lock, [&] { return waiting_.size() < kMostWaiting; });
  waiting_.push_back(std::move(piece));
  changed_.notify_all();
}

void Md5InBackground::helper_loop() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return finishing_ || !waiting_.empty(); });
    if (waiting_.empty()) return;  // finishing, and nothing left
    std::string piece = std::move(waiting_.front());
    waiting_.pop_front();
    changed_.notify_all();
    lock.unlock();
    md5_.update(piece);
    lock.lock();
  }
}

Digest Md5InBackground::finish() {
  if (helper_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      finishing_ = true;
    }
    changed_.notify_all();
    helper_.join();
  }
  return md5_.finish();
}

std::string subset_tag(std::string_view font_program) {
  Digest d = md5(font_program);
  std::string tag;
  for (int i = 0; i < 6; ++i) tag += static_cast<char>('A' + d[i] % 26);
  return tag;
}

}  // namespace jan20::pdf
