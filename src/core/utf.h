#pragma once
// UTF-8 helpers shared by every stage. Strings are UTF-8 std::string
// everywhere; code points are char32_t.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace jan20 {

// Decodes one code point at `pos`, advancing it. Invalid bytes yield U+FFFD and
// advance by one byte. ASCII is decoded here, inline (every stage walks text
// character by character); the rest by utf8_next_multibyte.
char32_t utf8_next_multibyte(std::string_view s, size_t& pos);
inline char32_t utf8_next(std::string_view s, size_t& pos) {
  if (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) return static_cast<char32_t>(s[pos++]);
  return utf8_next_multibyte(s, pos);
}
void utf8_append(std::string& out, char32_t cp);
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
