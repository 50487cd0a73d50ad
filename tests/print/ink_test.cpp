// Ink on the print editions as Ghostscript separates it: no page and no
// pixel above the layouts' ink limit (300 %), and text black in K alone.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "print_support.h"

namespace jan20::testing {
namespace {

constexpr double kInkLimit = 300;  // layouts/booklet.toml and poster.toml: ink-limit = 300

class PrintInk : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = jan20({"-C", source_dir(), "build", "--quiet", "--out", out_});
  }
  static std::string pdf(const std::string& edition) { return out_ + "/" + edition + ".pdf"; }
  static inline std::string out_;
  static inline CommandResult build_;
};

const char* const kEditions[] = {"booklet.az", "booklet.en", "poster.az", "poster.en"};

TEST_F(PrintInk, NoPageAndNoPixelAboveTheInkLimit) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* edition : kEditions) {
    // ink_cov: average ink per page, percent of each colorant.
    std::vector<std::array<double, 4>> pages = ink_coverage(pdf(edition), "ink_cov");
    ASSERT_FALSE(pages.empty()) << edition;
    for (size_t i = 0; i < pages.size(); ++i) {
      double total = pages[i][0] + pages[i][1] + pages[i][2] + pages[i][3];
      EXPECT_LE(total, kInkLimit) << edition << " page " << i + 1;
    }
    // pamcmyk32 (no anti-aliasing): every pixel carries the exact fill.
    std::vector<CmykRaster> rasters = render_cmyk(pdf(edition), 10);
    ASSERT_EQ(rasters.size(), pages.size()) << edition;
    for (size_t i = 0; i < rasters.size(); ++i) {
      const CmykRaster& r = rasters[i];
      ASSERT_GT(r.width, 0);
      int max_total = 0;
      for (size_t p = 0; p + 3 < r.pixels.size(); p += 4)
        max_total = std::max(max_total, r.pixels[p] + r.pixels[p + 1] + r.pixels[p + 2] + r.pixels[p + 3]);
      // 255 per 100 %; one step per channel of rounding.
      EXPECT_LE(max_total, static_cast<int>(kInkLimit / 100 * 255) + 4) << edition << " page " << i + 1;
      if (std::string(edition).rfind("poster", 0) == 0) {
        EXPECT_GT(max_total, 2 * 255) << "the poster's rich black band is there to be measured";
      }
    }
  }
}

// inkcov: the share of the page each ink touches. The booklet's page 2 (the
// epigraph) has only text and its folio: K and nothing else.
TEST_F(PrintInk, TextOnlyPageUsesBlackInkAlone) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* edition : {"booklet.az", "booklet.en"}) {
    std::vector<std::array<double, 4>> pages = ink_coverage(pdf(edition), "inkcov");
    ASSERT_GE(pages.size(), 2u);
    EXPECT_EQ(pages[1][0], 0) << edition;
    EXPECT_EQ(pages[1][1], 0) << edition;
    EXPECT_EQ(pages[1][2], 0) << edition;
    EXPECT_GT(pages[1][3], 0) << edition;
  }
}

// The fill colour in force at each BT of the print editions' pages: black
// text is "0 0 0 1 k", never a four-colour black.
TEST_F(PrintInk, BlackTextIsHundredPercentK) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* edition : kEditions) {
    int texts = 0, pure_black = 0;
    for (const std::string& content : page_contents(pdf(edition))) {
      std::istringstream in(content);
      std::vector<std::string> stack;
      std::array<double, 4> fill{0, 0, 0, 1};  // PDF's initial fill is black; we always set it
      std::string token;
      while (in >> token) {
        if (token == "k" && stack.size() >= 4) {
          for (int c = 0; c < 4; ++c) fill[c] = std::stod(stack[stack.size() - 4 + c]);
        } else if (token == "BT") {
          ++texts;
          bool black = fill[3] >= 0.9;
          if (black) {
            ++pure_black;
            EXPECT_EQ(fill[0] + fill[1] + fill[2], 0) << edition << ": text in rich black";
            EXPECT_EQ(fill[3], 1) << edition;
          }
        }
        bool number = !token.empty() && (std::isdigit(static_cast<unsigned char>(token[0])) || token[0] == '.' ||
                                          token[0] == '-');
        if (number) stack.push_back(token);
        else stack.clear();
      }
    }
    EXPECT_GT(texts, 0) << edition;
    EXPECT_GT(pure_black, 0) << edition;
  }
}

}  // namespace
}  // namespace jan20::testing
