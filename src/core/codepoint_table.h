#pragma once
// A property of a code point that costs a library call to ask (ICU's script,
// whether a character draws a glyph), asked once for every code point below
// U+0530 — Latin, Greek and Cyrillic, nearly every character of the content —
// and kept in a constant table; the rest are asked each time.
//
//   static const CodepointTable<hb_script_t> table(script_by_icu);
//   hb_script_t script = table(cp);
#include <array>
#include <cstddef>

namespace jan20 {

template <class T, std::size_t N = 0x530>
class CodepointTable {
 public:
  using Ask = T (*)(char32_t);
  explicit CodepointTable(Ask ask) : ask_(ask) {
    for (char32_t c = 0; c < N; ++c) low_[c] = ask(c);
  }
  T operator()(char32_t cp) const { return cp < N ? low_[cp] : ask_(cp); }

 private:
  Ask ask_;
  std::array<T, N> low_{};
};

}  // namespace jan20
