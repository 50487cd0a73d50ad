#include "font/names.h"

#include <gtest/gtest.h>

namespace jan20::font {
namespace {

TEST(Names, FamiliesCompareWithoutCaseAndSpaces) {
  EXPECT_TRUE(same_family("Noto Serif", "noto serif"));
  EXPECT_TRUE(same_family("Noto Serif", "NotoSerif"));
  EXPECT_FALSE(same_family("Noto Serif", "Noto Sans"));
}

TEST(Names, StylesHaveRegularSynonyms) {
  EXPECT_TRUE(same_style("Regular", "Book"));
  EXPECT_TRUE(same_style("Regular", ""));
  EXPECT_TRUE(same_style("Bold Italic", "bold-italic"));
  EXPECT_TRUE(same_style("Bold Italic", "BoldItalic"));
  EXPECT_FALSE(same_style("Bold", "Bold Italic"));
}

TEST(Names, SuggestsCloseNamesClosestFirst) {
  std::vector<std::string> installed = {"Noto Sans", "Noto Serif", "DejaVu Serif", "EB Garamond", "Noto Serif Display"};
  EXPECT_EQ(close_names("Noto Sarif", installed), (std::vector<std::string>{"Noto Serif"}));
  EXPECT_EQ(close_names("Noto Serif Displa", installed),
            (std::vector<std::string>{"Noto Serif Display", "Noto Serif"}));
  EXPECT_EQ(close_names("serif", installed),
            (std::vector<std::string>{"DejaVu Serif", "Noto Serif", "Noto Serif Display"}));
  EXPECT_EQ(close_names("Garamond", installed), (std::vector<std::string>{"EB Garamond"}));
  EXPECT_TRUE(close_names("Helvetica", installed).empty());
  EXPECT_EQ(join_alternatives({"a", "b", "c"}), "a, b or c");
}

}  // namespace
}  // namespace jan20::font
