// numbers_in and check_edition_numbers: the numbers each edition writes,
// compared across the editions of one document.
#include <gtest/gtest.h>

#include "load_test_util.h"

namespace jan20::load::test {
namespace {

model::Document doc_with(const std::string& text) { return one_paragraph(text); }

std::vector<std::string> values(const std::string& text) {
  std::vector<std::string> out;
  for (const NumberUse& n : numbers_in(doc_with(text))) out.push_back(n.value);
  return out;
}

TEST(EditionNumbers, NumbersAsWrittenInEachLanguageAndScript) {
  EXPECT_EQ(values("150 nəfər həlak olmuş, 744 nəfər ağır yaralanmışdır (1990)"),
            (std::vector<std::string>{"150", "744", "1990"}));
  EXPECT_EQ(values("the night of 19–20 January 1990"), (std::vector<std::string>{"19", "20", "1990"}));
  EXPECT_EQ(values("1990-cı ilin 20 Yanvarı"), (std::vector<std::string>{"1990", "20"}));
  // Grouping: one number however it is grouped; dates and lists stay apart.
  EXPECT_EQ(values("1,000 and 1 000 and 1\xC2\xA0" "000 and 1.000.000"),
            (std::vector<std::string>{"1000", "1000", "1000", "1000000"}));
  EXPECT_EQ(values("20.01.1990; 1990, 1994"), (std::vector<std::string>{"20", "1", "1990", "1990", "1994"}));
  // Arabic-Indic and Extended Arabic-Indic digits (Perso-Arabic script) are the same numbers.
  EXPECT_EQ(values("\xD9\xA1\xD9\xA9\xD9\xA9\xD9\xA0 \xDB\xB1\xDB\xB5\xDB\xB0"), (std::vector<std::string>{"1990", "150"}));
  EXPECT_TRUE(values("İyirmi Yanvar, no figures").empty());
}

TEST(EditionNumbers, FirstDigitIsWhereTheWarningPoints) {
  auto numbers = numbers_in(doc_with("Bakı, 1990"));
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].where.line, 7);
  EXPECT_EQ(numbers[0].where.column, 9 + 6);  // counted in characters: "ı" is one
}

TEST(EditionNumbers, ANumberOneEditionLacksIsAWarningAtItsFirstUse) {
  DiagnosticSink az_sink, en_sink;
  std::vector<EditionNumbers> editions = {
      {"az", "content/x/az.toml", numbers_in(doc_with("1990, 1994, 1994")), &az_sink},
      {"en", "content/x/en.toml", numbers_in(doc_with("1990")), &en_sink},
  };
  check_edition_numbers(editions);
  EXPECT_TRUE(formatted(en_sink).empty());
  ASSERT_EQ(formatted(az_sink).size(), 1u);  // once, though written twice
  EXPECT_EQ(formatted(az_sink)[0],
            "c.toml:7:15: warning: '1994' is written in the az edition but nowhere in the en edition "
            "(content/x/en.toml) \xE2\x80\x94 editions of a document carry the same facts: add it to the en text, in "
            "figures (a number written out in words is not compared)");
  EXPECT_FALSE(az_sink.has_errors());
}

TEST(EditionNumbers, EditionsWithTheSameNumbersAreQuiet) {
  DiagnosticSink a, b;
  check_edition_numbers({{"az", "a", numbers_in(doc_with("20 Yanvar 1990, 150")), &a},
                         {"en", "b", numbers_in(doc_with("150 on 20 January 1990")), &b}});
  EXPECT_TRUE(formatted(a).empty());
  EXPECT_TRUE(formatted(b).empty());
}

}  // namespace
}  // namespace jan20::load::test
