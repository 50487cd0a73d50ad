#pragma once
// Content hashes for the two names a PDF must invent: the six-letter subset
// tag of an embedded font and the document /ID. Both come from the bytes that
// are written, never from the clock, so two renders of one document agree.
#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace jan20::pdf {

using Digest = std::array<uint8_t, 16>;

// MD5 (RFC 1321), our own implementation, checked against libharu's in the
// tests (the digests are those libharu gave before it). Used as a name
// generator, not for security.
class Md5 {
 public:
  Md5();
  ~Md5();
  Md5(const Md5&) = delete;
  Md5& operator=(const Md5&) = delete;
  void update(std::string_view bytes);
  Digest finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

Digest md5(std::string_view bytes);

// The MD5 of pieces handed over in order, computed on a helper thread (when
// asked for) while the caller makes the next piece: the PDF's /ID is hashed
// as libharu writes the file, not read back afterwards. The same digest as
// Md5 over the pieces one after the other.
class Md5InBackground {
 public:
  // Pieces waiting for the helper before update() waits for it.
  static constexpr size_t kMostWaiting = 8;

  explicit Md5InBackground(bool helper_thread);
  ~Md5InBackground();
  Md5InBackground(const Md5InBackground&) = delete;
  Md5InBackground& operator=(const Md5InBackground&) = delete;
  void update(std::string piece);
  Digest finish();  // once

 private:
  void helper_loop();

  Md5 md5_;
  std::deque<std::string> waiting_;
  bool finishing_ = false;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::thread helper_;
};

// Six capital letters derived from the embedded font program ("KQZPWA"); the
// ISO 32000 subset prefix is these letters and a plus sign.
std::string subset_tag(std::string_view font_program);

}  // namespace jan20::pdf
