#pragma once
// Content hashes for the two names a PDF must invent: the six-letter subset
// tag of an embedded font and the document /ID. Both come from the bytes that
// are written, never from the clock, so two renders of one document agree.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace jan20::pdf {

using Digest = std::array<uint8_t, 16>;

// MD5 (RFC 1321), computed by libharu's own implementation. Used as a name
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

// Six capital letters derived from the embedded font program ("KQZPWA"); the
// ISO 32000 subset prefix is these letters and a plus sign.
std::string subset_tag(std::string_view font_program);

}  // namespace jan20::pdf
