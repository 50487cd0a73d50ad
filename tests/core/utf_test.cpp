// utf8_next decodes ASCII and two-byte sequences inline and hands the rest to
// utf8_next_multibyte. Every one- and two-byte input, with and without a byte
// after it, must give what the general decoder gives, and, where the input is
// valid UTF-8, what ICU's U8_NEXT gives.
#include <unicode/utf8.h>

#include <gtest/gtest.h>

#include <string>

#include "core/utf.h"

namespace jan20 {
namespace {

struct Decoded {
  char32_t cp;
  size_t pos;
};

Decoded inline_path(const std::string& s) {
  size_t pos = 0;
  const char32_t cp = utf8_next(s, pos);
  return {cp, pos};
}

Decoded general_path(const std::string& s) {
  size_t pos = 0;
  if (static_cast<unsigned char>(s[0]) < 0x80) return {static_cast<char32_t>(s[0]), 1};
  const char32_t cp = utf8_next_multibyte(s, pos);
  return {cp, pos};
}

TEST(Utf8Next, EveryOneAndTwoByteInputAsTheGeneralDecoderAndIcu) {
  size_t checked = 0, valid_pairs = 0;
  for (int lead = 0; lead < 256; ++lead) {
    const std::string alone(1, static_cast<char>(lead));
    EXPECT_EQ(inline_path(alone).cp, general_path(alone).cp) << lead;
    EXPECT_EQ(inline_path(alone).pos, general_path(alone).pos) << lead;
    for (int next = 0; next < 256; ++next) {
      for (const std::string& s : {std::string{static_cast<char>(lead), static_cast<char>(next)},
                                   std::string{static_cast<char>(lead), static_cast<char>(next), 'a'}}) {
        const Decoded a = inline_path(s), b = general_path(s);
        ASSERT_EQ(a.cp, b.cp) << std::hex << lead << " " << next;
        ASSERT_EQ(a.pos, b.pos) << std::hex << lead << " " << next;
        int32_t i = 0;
        UChar32 icu = 0;
        U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, static_cast<int32_t>(s.size()), icu);
        if (icu >= 0 && i == 2) {  // a valid two-byte character
          ASSERT_EQ(a.cp, static_cast<char32_t>(icu)) << std::hex << lead << " " << next;
          ASSERT_EQ(a.pos, 2u);
          ++valid_pairs;
        } else if (icu < 0) {  // invalid: the replacement character, one byte on
          ASSERT_EQ(a.cp, char32_t{0xFFFD}) << std::hex << lead << " " << next;
          ASSERT_EQ(a.pos, 1u);
        }
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 256u * 256u * 2u);
  EXPECT_EQ(valid_pairs, 2u * 30u * 64u);  // leads 0xC2 to 0xDF, 64 continuation bytes each, twice
}

TEST(Utf8Next, AzerbaijaniLettersAndLongerSequences) {
  const std::string text = "Şəhid İı ğ Ә ش 🕯";
  std::u32string got;
  for (size_t pos = 0; pos < text.size();) got += utf8_next(text, pos);
  EXPECT_EQ(got, U"Şəhid İı ğ Ә ش 🕯");
}

}  // namespace
}  // namespace jan20
