#include "pdf/digest.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <system_error>

namespace jan20::pdf {

// MD5 as RFC 1321 gives it: 64-byte blocks read straight from the input
// (libharu's HPDF_MD5Update copied every byte into its buffer first, one at a
// time: 15 instructions a byte, 49 M for a 240-page booklet's 3 MB).
struct Md5::State {
  uint32_t a = 0x67452301, b = 0xefcdab89, c = 0x98badcfe, d = 0x10325476;
  uint64_t length = 0;                 // bytes so far
  std::array<unsigned char, 64> tail;  // a block begun
  size_t tail_size = 0;

  static uint32_t word(const unsigned char* p) {
    return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
  }

  void block(const unsigned char* p) {
    static constexpr uint32_t kSine[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
    static constexpr int kShift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
    uint32_t m[16];
    for (int i = 0; i < 16; ++i) m[i] = word(p + 4 * i);
    uint32_t A = a, B = b, C = c, D = d;
    auto step = [&](uint32_t f, int i, int g, int round) {
      const uint32_t t = D;
      D = C;
      C = B;
      B = B + std::rotl(A + f + kSine[i] + m[g], kShift[round][i & 3]);
      A = t;
    };
    for (int i = 0; i < 16; ++i) step(D ^ (B & (C ^ D)), i, i, 0);
    for (int i = 16; i < 32; ++i) step(C ^ (D & (B ^ C)), i, (5 * i + 1) & 15, 1);
    for (int i = 32; i < 48; ++i) step(B ^ C ^ D, i, (3 * i + 5) & 15, 2);
    for (int i = 48; i < 64; ++i) step(C ^ (B | ~D), i, (7 * i) & 15, 3);
    a += A;
    b += B;
    c += C;
    d += D;
  }

  void update(const unsigned char* p, size_t n) {
    if (n == 0) return;  // p may be null then (an empty string_view), and memcpy must not see it
    length += n;
    if (tail_size > 0) {
      const size_t take = std::min(n, 64 - tail_size);
      std::memcpy(tail.data() + tail_size, p, take);
      tail_size += take;
      p += take;
      n -= take;
      if (tail_size < 64) return;
      block(tail.data());
      tail_size = 0;
    }
    for (; n >= 64; p += 64, n -= 64) block(p);
    std::memcpy(tail.data(), p, n);
    tail_size = n;
  }
};

Md5::Md5() : state_(std::make_unique<State>()) {}
Md5::~Md5() = default;

void Md5::update(std::string_view bytes) {
  state_->update(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

Digest Md5::finish() {
  State& s = *state_;
  const uint64_t bits = s.length * 8;
  unsigned char pad[72] = {0x80};
  const size_t pad_size = (s.tail_size < 56 ? 56 : 120) - s.tail_size;
  s.update(pad, pad_size);
  unsigned char length[8];
  for (int i = 0; i < 8; ++i) length[i] = static_cast<unsigned char>(bits >> (8 * i));
  s.update(length, 8);
  Digest d{};
  const uint32_t words[4] = {s.a, s.b, s.c, s.d};
  for (int i = 0; i < 16; ++i) d[static_cast<size_t>(i)] = static_cast<uint8_t>(words[i / 4] >> (8 * (i % 4)));
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
