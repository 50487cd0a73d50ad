#include "text/script.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include "core/utf.h"

namespace jan20::text {
namespace {

std::string scripts_of(const std::string& utf8, hb_script_t fallback = HB_SCRIPT_LATIN) {
  std::string out;
  for (hb_script_t s : resolve_scripts(utf8_to_u32(utf8), fallback)) out += iso15924(s)[0];
  return out;
}

TEST(Script, CommonAndInheritedTakeTheirNeighbours) {
  // L = Latin, C = Cyrillic, A = Arabic: one letter per code point.
  EXPECT_EQ(scripts_of("Bakı Бакы"), "LLLLLCCCC");
  EXPECT_EQ(scripts_of("«Бакы» 20"), "CCCCCCCCC");           // leading quote takes the first script
  EXPECT_EQ(scripts_of("ə\u0301x"), "LLL");                    // a mark follows its base
  EXPECT_EQ(scripts_of("1990", HB_SCRIPT_ARABIC), "AAAA");     // no letter at all: the fallback
}

TEST(Script, PairedBracketsMatch) {
  // The closing parenthesis takes the opening one's script, not Cyrillic's.
  EXPECT_EQ(scripts_of("Bakı (Баку) şəhəri"), "LLLLLLCCCCLLLLLLLL");
  // Nested and mismatched brackets.
  EXPECT_EQ(scripts_of("a [б (в)] c"), "LLLCCCCCLLL");
  EXPECT_EQ(scripts_of("a б) c"), "LLCCCL");
}

TEST(Script, LanguagesNameTheirScriptWhenItIsUnusual) {
  EXPECT_EQ(language_for_script("az", HB_SCRIPT_LATIN), "az");
  EXPECT_EQ(language_for_script("az", HB_SCRIPT_CYRILLIC), "az-Cyrl");
  EXPECT_EQ(language_for_script("az", HB_SCRIPT_ARABIC), "az-Arab");
  EXPECT_EQ(language_for_script("az-Latn", HB_SCRIPT_LATIN), "az");
  EXPECT_EQ(language_for_script("az-Cyrl", HB_SCRIPT_CYRILLIC), "az-Cyrl");
  EXPECT_EQ(language_for_script("az-Cyrl", HB_SCRIPT_LATIN), "az");
  EXPECT_EQ(language_for_script("az-AZ", HB_SCRIPT_CYRILLIC), "az-Cyrl-AZ");
  EXPECT_EQ(language_for_script("ru", HB_SCRIPT_CYRILLIC), "ru");
  EXPECT_EQ(language_for_script("az", HB_SCRIPT_COMMON), "az");
  EXPECT_EQ(likely_script("fa"), HB_SCRIPT_ARABIC);
  EXPECT_EQ(likely_script("az-Arab"), HB_SCRIPT_ARABIC);
  EXPECT_EQ(likely_script("az"), HB_SCRIPT_LATIN);
}

TEST(Script, KeptLookUpsAnswerAsICUDoes) {
  LikelyScripts likely;
  for (int round = 0; round < 2; ++round) {  // the second round from what was kept
    for (const char* tag : {"az", "az-Arab", "en", "fa", "ru", "und", "az-Cyrl-AZ", ""})
      EXPECT_EQ(likely.likely_script(tag), likely_script(tag)) << tag;
    for (const char* tag : {"az", "az-Latn", "az-Cyrl", "az-AZ", "ru", "en", ""})
      for (hb_script_t script : {HB_SCRIPT_LATIN, HB_SCRIPT_CYRILLIC, HB_SCRIPT_ARABIC, HB_SCRIPT_COMMON})
        EXPECT_EQ(likely.language_for_script(tag, script), language_for_script(tag, script)) << tag;
  }
  EXPECT_EQ(likely.language_for_script("az", HB_SCRIPT_ARABIC), "az-Arab");
  EXPECT_EQ(likely.likely_script("fa"), HB_SCRIPT_ARABIC);
}

TEST(Script, WhiteSpaceIsUnicodes) {
  size_t spaces = 0;
  for (char32_t c = 0; c < 0x3100; ++c) {
    EXPECT_EQ(is_white_space(c), static_cast<bool>(u_isUWhiteSpace(static_cast<UChar32>(c)))) << std::hex
                                                                                              << static_cast<int>(c);
    spaces += is_white_space(c);
  }
  EXPECT_GE(spaces, 20u);  // tab to CR, space, U+0085, U+00A0, U+1680, U+2000–U+200A, ...
}

TEST(Script, TurkicLanguagesContrastDottedI) {
  for (const char* l : {"az", "az-Latn", "tr", "crh", "gag", "tt", "kk", "kaa", "AZ"})
    EXPECT_TRUE(contrasts_dotted_i(l)) << l;
  for (const char* l : {"en", "ga", "ru", "uz", "", "azb"}) EXPECT_FALSE(contrasts_dotted_i(l)) << l;
}

TEST(Script, CodesAndDirections) {
  EXPECT_EQ(script_from_iso15924("Arab"), HB_SCRIPT_ARABIC);
  EXPECT_EQ(script_from_iso15924("Arabic"), HB_SCRIPT_INVALID);
  EXPECT_EQ(iso15924(HB_SCRIPT_CYRILLIC), "Cyrl");
  EXPECT_TRUE(script_is_rtl(HB_SCRIPT_ARABIC));
  EXPECT_FALSE(script_is_rtl(HB_SCRIPT_LATIN));
  EXPECT_EQ(dominant_script("20 Yanvar", HB_SCRIPT_ARABIC), HB_SCRIPT_LATIN);
  EXPECT_EQ(primary_language("az-Cyrl-AZ"), "az");
}

}  // namespace
}  // namespace jan20::text
