#pragma once
// UTF-8 helpers shared by every stage. Strings are UTF-8 std::string
// everywhere; code points are char32_t.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jan20 {

// Decodes one code point at `pos`, advancing it. Invalid bytes yield U+FFFD and
// advance by one byte. ASCII and two-byte sequences (U+0080 to U+07FF: the
// Azerbaijani Latin letters, Cyrillic, Arabic) are decoded here, inline, as
// every stage walks text character by character; the rest by
// utf8_next_multibyte.
char32_t utf8_next_multibyte(std::string_view s, size_t& pos);
inline char32_t utf8_next(std::string_view s, size_t& pos) {
  if (pos < s.size()) {
    const auto lead = static_cast<unsigned char>(s[pos]);
    if (lead < 0x80) return static_cast<char32_t>(s[pos++]);
    // 0xC2 to 0xDF: never overlong (0xC0 and 0xC1 would be), never a surrogate.
    if (lead >= 0xC2 && lead <= 0xDF && pos + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[pos + 1]);
      if ((next & 0xC0) == 0x80) {
        pos += 2;
        return static_cast<char32_t>((lead & 0x1F) << 6 | (next & 0x3F));
      }
    }
  }
  return utf8_next_multibyte(s, pos);
}
void utf8_append(std::string& out, char32_t cp);
// `cp` as UTF-16 code units in `units`: returns 1, or 2 for a surrogate pair
// (a code point beyond the Basic Multilingual Plane).
inline int utf16_units(char32_t cp, char16_t units[2]) {
  if (cp < 0x10000) {
    units[0] = static_cast<char16_t>(cp);
    return 1;
  }
  units[0] = static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
  units[1] = static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
  return 2;
}
std::u32string utf8_to_u32(std::string_view s);
std::string u32_to_utf8(std::u32string_view s);
// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
size_t utf8_first_invalid(std::string_view s);
// Number of code points in s.
size_t utf8_length(std::string_view s);
// UTF-16BE bytes of s (surrogate pairs as needed), no BOM.
std::string utf8_to_utf16be(std::string_view s);
// "U+0259"
std::string codepoint_label(char32_t cp);

}  // namespace jan20
