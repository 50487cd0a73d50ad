// Break opportunities on real strings: UAX #14 through ICU plus our
// no-break rules. Each case writes the text with '|' at every place a line
// may end (the character after '|' starts the next line).
#include <gtest/gtest.h>

#include <string>

#include "text/breaks.h"

namespace jan20::text {
namespace {

// The text with '|' inserted at every break opportunity ('‖' for mandatory).
std::string marked(const std::string& text, const std::string& lang = "az") {
  std::string out;
  size_t last = 0;
  for (const auto& b : find_breaks(text, lang)) {
    out += text.substr(last, b.offset - last);
    out += b.kind == BreakOpportunity::Kind::Mandatory ? "‖" : "|";
    last = b.offset;
  }
  out += text.substr(last);
  return out;
}

TEST(Breaks, BetweenWordsAtSpaces) {
  EXPECT_EQ(marked("Bakı'nın küçələri sükut içində idi."), "Bakı'nın |küçələri |sükut |içində |idi.");
  EXPECT_EQ(marked("Независимость Азербайджана", "ru"), "Независимость |Азербайджана");
}

// Characters beyond U+FFFF take two UTF-16 units in ICU and four bytes
// here: the breaks after them still land on the right bytes.
TEST(Breaks, OffsetsAfterCharactersBeyondTheBasicPlane) {
  EXPECT_EQ(marked("\U0001D400\U0001D401 söz \U0001F56F\U0001F56F xatirə"), "\U0001D400\U0001D401 |söz |\U0001F56F|\U0001F56F |xatirə");
  EXPECT_EQ(marked("\U00010330\U00010331 — iki söz"), "\U00010330\U00010331 |— |iki |söz");
}

TEST(Breaks, ANumberKeepsTheWordAfterIt) {
  EXPECT_EQ(marked("20 Yanvar 1990-cı il"), "20 Yanvar |1990-cı |il");
  EXPECT_EQ(marked("həmin gecə 150 nəfər həlak oldu"), "həmin |gecə |150 nəfər |həlak |oldu");
  EXPECT_EQ(marked("kağız 3 mm qalınlıqda"), "kağız |3 mm |qalınlıqda");
  EXPECT_EQ(marked("1,5 milyon insan"), "1,5 milyon |insan");
  // A number followed by punctuation ends a phrase: the break stays.
  EXPECT_EQ(marked("ildə 1990, sonra"), "ildə |1990, |sonra");
}

TEST(Breaks, InitialsKeepTheName) {
  EXPECT_EQ(marked("H. Əliyev çıxış etdi"), "H. Əliyev |çıxış |etdi");
  EXPECT_EQ(marked("H.Ə. Əliyev"), "H.Ə. Əliyev");
  EXPECT_EQ(marked("Heydər Əliyev"), "Heydər |Əliyev");
}

TEST(Breaks, NeverBeforeClosingPunctuation) {
  EXPECT_EQ(marked("«Qara Yanvar» faciəsi"), "«Qara |Yanvar» |faciəsi");
  EXPECT_EQ(marked("söz » sonra"), "söz » |sonra");
  EXPECT_EQ(marked("söz ” sonra"), "söz ” |sonra");
  EXPECT_EQ(marked("(bax: səh. 5 ) və"), "(bax: |səh. |5 ) |və");
}

TEST(Breaks, HardHyphensOnlyBetweenWordsOfLetters) {
  EXPECT_EQ(marked("sosial-iqtisadi vəziyyət"), "sosial-|iqtisadi |vəziyyət");
  EXPECT_EQ(marked("1990-cı ilin 20-ci günü"), "1990-cı |ilin |20-ci |günü");
  EXPECT_EQ(marked("a-b x-yz"), "a-b |x-yz");  // one letter is not enough
  const auto b = find_breaks("sosial-iqtisadi", "az");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].kind, BreakOpportunity::Kind::Hyphen);
  EXPECT_EQ(b[0].offset, 7u);
}

TEST(Breaks, NoBreakSpacesAreHonoured) {
  EXPECT_EQ(marked("Qara\u00A0Yanvar faciəsi"), "Qara\u00A0Yanvar |faciəsi");
  EXPECT_EQ(marked("20\u202F000 nəfər"), "20\u202F000 nəfər");
}

TEST(Breaks, KindsAndMandatoryBreaks) {
  EXPECT_EQ(marked("birinci\u2028ikinci sətir"), "birinci\u2028‖ikinci |sətir");
  const auto dash = find_breaks("xatirə—ehtiram", "az");
  ASSERT_FALSE(dash.empty());
  EXPECT_EQ(dash[0].kind, BreakOpportunity::Kind::Other);
  const auto spaces = find_breaks("bir iki", "az");
  ASSERT_EQ(spaces.size(), 1u);
  EXPECT_EQ(spaces[0].kind, BreakOpportunity::Kind::Space);
  EXPECT_EQ(spaces[0].offset, 4u);
}

TEST(Breaks, ArabicScriptAzerbaijani) {
  // Perso-Arabic Azerbaijani breaks between words like any other script.
  EXPECT_EQ(marked("آذربایجان خالقی", "az-Arab"), "آذربایجان |خالقی");
}

}  // namespace
}  // namespace jan20::text
