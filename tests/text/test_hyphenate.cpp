// Hyphenation: the hand-written Azerbaijani list, the minimums, digits,
// capitals, apostrophes, Cyrillic, exceptions, and English/Russian through
// libhyphen.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/utf.h"
#include "support/test_support.h"
#include "text/hyphenate.h"
#include "text/hyphenate_tool.h"

namespace jan20::text {
namespace {

std::string strip_hyphens(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != '-') out += c;
  return out;
}

std::string hyph(const std::string& lang, const std::string& word, HyphenationRules rules = {}) {
  return Hyphenator(lang, std::move(rules)).hyphenated(word);
}

TEST(Hyphenate, EveryWordOfTheHandWrittenAzerbaijaniList) {
  const std::string path = jan20::testing::source_dir() + "/tests/text/data/az_hyphenation.txt";
  ASSERT_TRUE(jan20::testing::file_exists(path)) << path;
  const std::string content = jan20::testing::read_file(path);
  Hyphenator az("az", {});
  int words = 0, wrong = 0, line_number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    std::string line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    ++words;
    const std::string got = az.hyphenated(strip_hyphens(line));
    if (got != line) {
      ++wrong;
      ADD_FAILURE() << "az_hyphenation.txt:" << line_number << ": expected " << line << ", got " << got;
    }
  }
  EXPECT_GE(words, 30);
  EXPECT_EQ(wrong, 0);
}

TEST(Hyphenate, TwoLettersStayOnEachSide) {
  EXPECT_EQ(hyph("az", "idarə"), "ida-rə");       // i-da: one letter would stay
  EXPECT_EQ(hyph("az", "faciə"), "fa-ciə");       // ci-ə: one letter would go
  EXPECT_EQ(hyph("az", "Ümumxalq"), "Ümum-xalq");
  HyphenationRules three;
  three.min_left = 3;
  EXPECT_EQ(hyph("az", "xatirə", three), "xati-rə");
  three.min_left = 2;
  three.min_right = 3;
  EXPECT_EQ(hyph("az", "xatirə", three), "xa-tirə");
  // Characters, not bytes: ş and ə are two bytes each.
  HyphenationRules one;
  one.min_left = 1;
  one.min_right = 1;
  EXPECT_EQ(hyph("az", "əsgər", one), "əs-gər");
  EXPECT_EQ(hyph("az", "idarə", one), "i-da-rə");
}

TEST(Hyphenate, ShortWordsAreNotHyphenated) {
  EXPECT_EQ(hyph("az", "şair"), "şair");  // 4 letters < min_word 5
  EXPECT_EQ(hyph("az", "Bakı"), "Bakı");
  EXPECT_EQ(hyph("az", "ata"), "ata");
  HyphenationRules four;
  four.min_word = 4;
  EXPECT_EQ(hyph("az", "şair", four), "şa-ir");
  EXPECT_EQ(hyph("az", "Bakı", four), "Ba-kı");
  // The apostrophe does not count as a letter: "Bakı'" has four.
  EXPECT_EQ(hyph("az", "Bakı'"), "Bakı'");
}

TEST(Hyphenate, WordsWithDigitsAreNeverBroken) {
  EXPECT_EQ(hyph("az", "1990-cı"), "1990-cı");
  EXPECT_EQ(hyph("az", "20-ci"), "20-ci");
  EXPECT_EQ(hyph("az", "1990-cı-illərdə"), "1990-cı-illərdə");
  EXPECT_EQ(hyph("az", "A4-formatlı"), "A4-formatlı");
  EXPECT_TRUE(Hyphenator("az", {}).points(U"1990-cı").empty());
}

TEST(Hyphenate, CapitalsIncludingDottedAndDotlessI) {
  EXPECT_EQ(hyph("az", "İSTİQLAL"), "İS-TİQ-LAL");
  EXPECT_EQ(hyph("az", "AZƏRBAYCAN"), "AZƏR-BAY-CAN");
  EXPECT_EQ(hyph("az", "IŞIQLANDIRMA"), "IŞIQ-LAN-DIR-MA");
  // Points are code point indexes: İ is two bytes but one character.
  EXPECT_EQ(Hyphenator("az", {}).points(U"İSTİQLAL"), (std::vector<size_t>{2, 5}));
}

TEST(Hyphenate, AzerbaijaniCyrillic) {
  EXPECT_EQ(hyph("az-Cyrl", "Азәрбајҹан"), "Азәр-бај-ҹан");
  EXPECT_EQ(hyph("az", "Азәрбајҹан"), "Азәр-бај-ҹан");  // the alphabet is recognised by its letters
  EXPECT_EQ(hyph("az-Cyrl", "ХАЛГЫМЫЗЫН"), "ХАЛ-ГЫ-МЫ-ЗЫН");
  EXPECT_EQ(hyph("az-Cyrl", "мүстәгиллик"), "мүс-тә-гил-лик");
  EXPECT_EQ(hyph("az-Cyrl", "объекти"), "объ-ек-ти");  // a sign never starts a syllable
}

TEST(Hyphenate, ApostrophesAreNeitherLettersNorBreakPoints) {
  EXPECT_EQ(hyph("az", "Bakı'nın"), "Ba-kı'nın");
  EXPECT_EQ(hyph("az", "Bakı\u2019nın"), "Ba-kı\u2019nın");
  EXPECT_EQ(hyph("az", "İstanbul'dakı"), "İs-tan-bul'da-kı");
}

TEST(Hyphenate, PunctuationAroundAWordAndHardHyphensInside) {
  EXPECT_EQ(hyph("az", "«xalqımızın»,"), "«xal-qı-mı-zın»,");
  // Each side of a hard hyphen is hyphenated as a word of its own; no point
  // is next to the hard hyphen (that break belongs to breaks.h).
  EXPECT_EQ(hyph("az", "sosial-iqtisadi"), "so-si-al-iq-ti-sa-di");
  const auto points = Hyphenator("az", {}).points(U"sosial-iqtisadi");
  EXPECT_EQ(points, (std::vector<size_t>{2, 4, 9, 11, 13}));
}

TEST(Hyphenate, ExceptionsOverrideTheRules) {
  HyphenationRules rules;
  rules.exceptions = {"Azər-baycan", "mü-stəqillik"};
  EXPECT_EQ(hyph("az", "Azərbaycan", rules), "Azər-baycan");
  EXPECT_EQ(hyph("az", "AZƏRBAYCAN", rules), "AZƏR-BAYCAN");  // case-insensitive, I/İ aware
  EXPECT_EQ(hyph("az", "müstəqillik", rules), "mü-stəqillik");
  EXPECT_EQ(hyph("az", "xalqımızın", rules), "xal-qı-mı-zın");  // others keep the rules
}

TEST(Hyphenate, ExceptionFileAddsWordsWithoutRebuilding) {
  const std::string dir = jan20::testing::make_temp_dir();
  const std::string path = dir + "/exceptions.txt";
  jan20::testing::write_file(path, "# project exceptions\nXalq-ımızın   # a deliberate choice\n\nŞə-hidlər\n");
  HyphenationRules rules;
  std::string error;
  ASSERT_TRUE(read_exception_file(path, &rules.exceptions, &error)) << error;
  EXPECT_EQ(rules.exceptions, (std::vector<std::string>{"Xalq-ımızın", "Şə-hidlər"}));
  EXPECT_EQ(hyph("az", "xalqımızın", rules), "xalq-ımızın");
  EXPECT_EQ(hyph("az", "şəhidlər", rules), "şə-hidlər");

  std::vector<std::string> none;
  EXPECT_FALSE(read_exception_file(dir + "/missing.txt", &none, &error));
  EXPECT_NE(error.find("missing.txt"), std::string::npos) << error;
  EXPECT_TRUE(none.empty());
}

TEST(Hyphenate, EnglishThroughLibhyphen) {
  Hyphenator en("en", {});
  ASSERT_TRUE(en.supported());
  EXPECT_EQ(en.hyphenated("hyphenation"), "hy-phen-ation");
  EXPECT_EQ(en.hyphenated("Hyphenation"), "Hy-phen-ation");
  EXPECT_EQ(en.hyphenated("commemoration"), "com-mem-o-ra-tion");
  EXPECT_EQ(en.hyphenated("independence."), "in-de-pen-dence.");
  // min_left is respected on top of the patterns.
  HyphenationRules left4;
  left4.min_left = 4;
  EXPECT_EQ(hyph("en-US", "commemoration", left4), "commem-o-ra-tion");
}

TEST(Hyphenate, RussianThroughLibhyphenInKoi8r) {
  Hyphenator ru("ru", {});
  ASSERT_TRUE(ru.supported());
  EXPECT_EQ(ru.hyphenated("независимость"), "не-за-ви-си-мость");
  EXPECT_EQ(ru.hyphenated("Независимость"), "Не-за-ви-си-мость");
  EXPECT_EQ(ru.hyphenated("трагедия"), "тра-ге-дия");
  // A letter KOI8-R cannot hold (Azerbaijani ә) is not guessed at.
  EXPECT_EQ(ru.hyphenated("Азәрбајҹан"), "Азәрбајҹан");
}

TEST(Hyphenate, UnsupportedLanguages) {
  EXPECT_FALSE(Hyphenator("az-Arab", {}).supported());
  EXPECT_FALSE(Hyphenator("de", {}).supported());
  EXPECT_EQ(hyph("de", "Unabhängigkeit"), "Unabhängigkeit");
  EXPECT_TRUE(Hyphenator("az-Latn", {}).supported());
  EXPECT_TRUE(Hyphenator("tr", {}).supported());
}

TEST(HyphenateTool, OneWordPerLine) {
  HyphenateRequest request;
  request.lang = "az";
  request.words = {"xalqımızın", "1990-cı", "İSTİQLAL"};
  const HyphenateOutput out = hyphenate_words(request);
  EXPECT_EQ(out.text, "xal-qı-mı-zın\n1990-cı\nİS-TİQ-LAL\n");
  EXPECT_TRUE(out.warnings.empty());

  request.lang = "xx";
  const HyphenateOutput unknown = hyphenate_words(request);
  EXPECT_EQ(unknown.text, "xalqımızın\n1990-cı\nİSTİQLAL\n");
  ASSERT_EQ(unknown.warnings.size(), 1u);
  EXPECT_NE(unknown.warnings[0].find("'xx'"), std::string::npos);
}

}  // namespace
}  // namespace jan20::text

// Liang: every pattern that matches counts, also one that ends inside a
// longer one (libhyphen's automaton loses those unless the file is prepared;
// Debian's Russian file is not).
#include "text/hyphen/pattern_dictionary.h"

namespace jan20::text {
namespace {

TEST(PatternDictionary, AppliesPatternsThatEndInsideLongerOnes) {
  const std::string dir = jan20::testing::make_temp_dir();
  jan20::testing::write_file(dir + "/tiny.dic", "ISO8859-1\n1ba\n2oba\na1k\n");
  std::string error;
  auto dict = hyphen::PatternDictionary::load(dir + "/tiny.dic", &error);
  ASSERT_TRUE(dict) << error;
  // Liang: .so|ba|ka. — "1ba" inside "2oba" must still count.
  EXPECT_EQ(dict->boundaries(U"sobaka"), (std::vector<size_t>{2, 4}));
  EXPECT_FALSE(hyphen::PatternDictionary::load(dir + "/absent.dic", &error));
  EXPECT_NE(error.find("absent.dic"), std::string::npos);
  jan20::testing::write_file(dir + "/levels.dic", "UTF-8\n1ba\nNEXTLEVEL\n1-1\n");
  EXPECT_FALSE(hyphen::PatternDictionary::load(dir + "/levels.dic", &error));
  EXPECT_NE(error.find("NEXTLEVEL"), std::string::npos) << error;
  jan20::testing::write_file(dir + "/empty.dic", "UTF-8\n% nothing\n");
  EXPECT_FALSE(hyphen::PatternDictionary::load(dir + "/empty.dic", &error));
}

// Loading reuses the previous pattern's trie path for the letters it shares
// with the next one; the patterns' order and repeats must not matter. The
// same patterns sorted, reversed and repeated (a repeat keeps the larger
// value at each position) break words alike. Several share long prefixes
// ("1ba", "1bab", "1babl"), as in Debian's files.
TEST(PatternDictionary, OrderAndRepeatsOfPatternsDoNotMatter) {
  const std::string dir = jan20::testing::make_temp_dir();
  const std::vector<std::string> patterns = {"1ba", "1bab", "1babl", "2oba", "a1k", "ak1a", "ak3an", "an1a",
                                             "ba1b", "ba4bl", "l1e", "o1b", "ob3a", "3ka", "k4an"};
  std::string sorted = "UTF-8\n", reversed = "UTF-8\n", repeated = "UTF-8\n";
  for (const std::string& p : patterns) sorted += p + "\n";
  for (auto p = patterns.rbegin(); p != patterns.rend(); ++p) reversed += *p + "\n";
  // Each pattern, then a weaker copy of it (all values 1 where it had any).
  for (const std::string& p : patterns) {
    std::string weaker = p;
    for (char& c : weaker)
      if (c >= '2' && c <= '9') c = '1';
    repeated += p + "\n" + weaker + "\n";
  }
  jan20::testing::write_file(dir + "/sorted.dic", sorted);
  jan20::testing::write_file(dir + "/reversed.dic", reversed);
  jan20::testing::write_file(dir + "/repeated.dic", repeated);
  std::string error;
  auto a = hyphen::PatternDictionary::load(dir + "/sorted.dic", &error);
  auto b = hyphen::PatternDictionary::load(dir + "/reversed.dic", &error);
  auto c = hyphen::PatternDictionary::load(dir + "/repeated.dic", &error);
  ASSERT_TRUE(a && b && c) << error;
  int broken = 0;
  for (std::u32string word : {U"sobaka", U"babaka", U"kobable", U"akanaba", U"oblakan", U"babble"}) {
    EXPECT_EQ(a->boundaries(word), b->boundaries(word)) << u32_to_utf8(word);
    EXPECT_EQ(a->boundaries(word), c->boundaries(word)) << u32_to_utf8(word);
    broken += !a->boundaries(word).empty();
  }
  EXPECT_GE(broken, 4);  // the words do break: the comparison compared something
}

}  // namespace
}  // namespace jan20::text
