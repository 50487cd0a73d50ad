// The poster's composition, read back from the written PDF: word boxes from
// `pdftotext -bbox`, rules and the ribbon from Ghostscript's CMYK raster.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <sstream>

#include "../print/print_support.h"

namespace jan20::testing {
namespace {

constexpr double kMm = 72 / 25.4;

using Word = BoxWord;  // pt, from the top-left of the MediaBox

std::vector<Word> words_of(const std::string& pdf) { return bbox_words(pdf); }

const Word* find_word(const std::vector<Word>& words, const std::string& text, size_t from = 0) {
  for (size_t i = from; i < words.size(); ++i)
    if (words[i].text == text) return &words[i];
  return nullptr;
}

class Poster : public ::testing::TestWithParam<std::string> {
 protected:
  std::string pdf() const { return built_edition("poster", GetParam()); }
  // Facts labels and the first words of the text, per edition.
  std::vector<std::string> labels() const {
    if (GetParam() == "az") return {"dinc sakin həlak oldu", "nəfər ağır yaralandı", "nəfər itkin düşdü"};
    return {"civilians killed", "people seriously injured", "people missing"};
  }
  std::string text_start() const { return GetParam() == "az" ? "1990-cı" : "On"; }
};

// Rows of the page (Ghostscript, 20 dpi) dark across most of the trim width.
std::vector<int> full_width_rules(const CmykRaster& r) {
  std::vector<int> rows;
  for (int y = 0; y < r.height; ++y) {
    int dark = 0;
    for (int x = 0; x < r.width; ++x) {
      const unsigned char* p = r.at(x, y);
      dark += (p[0] + p[1] + p[2] + p[3]) > 100;
    }
    if (dark > r.width * 0.8) rows.push_back(y);
  }
  return rows;
}

TEST_P(Poster, EveryFactLabelIsOneLine) {
  std::vector<Word> words = words_of(pdf());
  for (const std::string& label : labels()) {
    std::vector<std::string> parts;
    std::istringstream in(label);
    for (std::string w; in >> w;) parts.push_back(w);
    // The label's words in reading order, wherever they start.
    const Word* first = nullptr;
    for (size_t i = 0; i + parts.size() <= words.size() && !first; ++i) {
      bool all = true;
      for (size_t k = 0; k < parts.size() && all; ++k) all = words[i + k].text == parts[k];
      if (all) first = &words[i];
    }
    ASSERT_NE(first, nullptr) << label << " not found in reading order";
    for (size_t k = 1; k < parts.size(); ++k)
      EXPECT_NEAR(first[k].y0, first->y0, 0.5) << label << ": '" << parts[k] << "' is on another line";
  }
}

TEST_P(Poster, NoEmptyBandBetweenTheFiguresAndTheText) {
  std::vector<Word> words = words_of(pdf());
  const Word* label = find_word(words, labels()[0].substr(0, labels()[0].find(' ')));
  const Word* text = find_word(words, text_start(), static_cast<size_t>(label - words.data()));
  ASSERT_NE(label, nullptr);
  ASSERT_NE(text, nullptr);
  // One full-width rule under the labels, and the text right below it.
  std::vector<CmykRaster> pages = render_cmyk(pdf(), 20);
  ASSERT_EQ(pages.size(), 1u);
  double px = 72.0 / 20;  // pt per pixel
  std::vector<int> between;
  for (int row : full_width_rules(pages[0]))
    if (row * px > label->y1 && row * px < text->y0) between.push_back(row);
  ASSERT_FALSE(between.empty()) << "no rule under the figures";
  EXPECT_LE(between.back() - between.front(), 1) << "two rules between the figures and the text";
  double rule = between.front() * px;
  EXPECT_GE(rule - label->y1, 2.5 * kMm) << "the labels sit on their rule";
  EXPECT_LE(text->y0 - rule, 25 * kMm) << "an empty band between the figures' rule and the text";
}

TEST_P(Poster, ColumnsEndTogetherAndNamesStayOnOneLine) {
  std::vector<Word> words = words_of(pdf());
  const Word* start = find_word(words, text_start());
  ASSERT_NE(start, nullptr);
  double mid = start->x0 + 180 * kMm;  // the text frame is 360 mm wide
  double left_bottom = 0, right_bottom = 0;
  for (size_t i = static_cast<size_t>(start - words.data()); i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.text == "Source:" || w.text == "Mənbə:") break;
    (w.x0 < mid ? left_bottom : right_bottom) = std::max(w.x0 < mid ? left_bottom : right_bottom, w.y1);
  }
  ASSERT_GT(right_bottom, 0) << "one column only";
  // Body leading at the fill scale is well over 30 pt; one line of difference at most.
  EXPECT_LE(std::abs(left_bottom - right_bottom), 60) << left_bottom << " vs " << right_bottom;
  std::string second = GetParam() == "az" ? "Məclis" : "Majlis";
  const Word* milli = find_word(words, "Milli");
  ASSERT_NE(milli, nullptr);
  const Word* next = milli + 1;
  ASSERT_EQ(next->text, second);
  EXPECT_NEAR(next->y0, milli->y0, 0.5) << "'Milli " << second << "' is broken across lines";
}

TEST_P(Poster, CarriesThe1994Assessment) {
  std::string text = squash_spaces(pdftotext(pdf()));
  EXPECT_NE(text.find("1994"), std::string::npos) << text;
}

TEST_P(Poster, RibbonIsBlackAndTallerThanTheFlag) {
  std::vector<CmykRaster> pages = render_cmyk(pdf(), 50);
  ASSERT_EQ(pages.size(), 1u);
  const CmykRaster& r = pages[0];
  double px_per_mm = 50 / 25.4;
  // The top right corner of the band (bleed 3 mm): only pure black ribbon,
  // its white edge and the band's own four-colour black.
  int top = -1, bottom = -1, reds = 0;
  for (int y = 0; y < static_cast<int>(90 * px_per_mm); ++y)
    for (int x = static_cast<int>(330 * px_per_mm); x < r.width; ++x) {
      const unsigned char* p = r.at(x, y);
      if (p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 255) {
        if (top < 0) top = y;
        bottom = y;
      }
      reds += p[1] > 200 && p[0] < 50;
    }
  EXPECT_EQ(reds, 0) << "a red ribbon";
  ASSERT_GE(top, 0) << "no black (100 K) ribbon found";
  double height_mm = (bottom - top) / px_per_mm;
  EXPECT_GE(height_mm, 1.4 * 42) << "ribbon " << height_mm << " mm tall; the flag is 42 mm";
}

INSTANTIATE_TEST_SUITE_P(Editions, Poster, ::testing::Values("az", "en"));

}  // namespace
}  // namespace jan20::testing
