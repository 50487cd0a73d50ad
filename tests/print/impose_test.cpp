// `build booklet --impose saddle`: printer sheets in stitch order, read back
// half by half with pdftotext crops; pages shared as forms, not copied;
// creep moving the inner sheets' pages towards the spine.
#include <gtest/gtest.h>

#include <regex>

#include "core/units.h"
#include "print_support.h"

namespace jan20::testing {
namespace {

const double kSheetW = mm_to_pt(297), kSheetH = mm_to_pt(210);  // A4 landscape
const double kPageW = mm_to_pt(148);                             // A5

class Imposed : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--impose", "saddle", "--out", out_});
  }
  static std::string booklet() { return out_ + "/booklet.az.pdf"; }
  static std::string sheets() { return out_ + "/booklet.az.imposed.pdf"; }
  static inline std::string out_;
  static inline CommandResult build_;
};

// The text of one half of sheet side `page` (1-based PDF page), 72 dpi
// crops: 1 px = 1 pt.
std::string half_text(const std::string& pdf, int page, bool left) {
  const double fold = kSheetW / 2;
  int x = static_cast<int>(left ? fold - kPageW + 1 : fold + 1);
  return squash_spaces(pdftotext(pdf, {"-f", std::to_string(page), "-l", std::to_string(page), "-r", "72", "-x",
                                       std::to_string(x), "-y", "0", "-W", std::to_string(static_cast<int>(kPageW) - 2),
                                       "-H", std::to_string(static_cast<int>(kSheetH))}));
}

std::string page_text(const std::string& pdf, int page) {
  return squash_spaces(pdftotext(pdf, {"-f", std::to_string(page), "-l", std::to_string(page)}));
}

TEST_F(Imposed, SheetsFollowTheStitchOrder) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  EXPECT_NE(build_.err.find("sheets -> "), std::string::npos) << build_.err;
  ASSERT_TRUE(file_exists(sheets()));
  std::vector<int> ids = page_object_ids(sheets());
  ASSERT_EQ(ids.size(), 8u);  // 16 pages, four per sheet, two sides per sheet
  for (int id : ids) {
    auto media = box_key(object_json(sheets(), id), "/MediaBox");
    ASSERT_TRUE(media);
    EXPECT_NEAR((*media)[2] - (*media)[0], kSheetW, 0.01);
    EXPECT_NEAR((*media)[3] - (*media)[1], kSheetH, 0.01);
  }
  // Issue 7: for 16 pages, sheet 1 front = 16 | 1, back = 2 | 15, …
  const int order[8][2] = {{16, 1}, {2, 15}, {14, 3}, {4, 13}, {12, 5}, {6, 11}, {10, 7}, {8, 9}};
  int folios = 0;
  for (int side = 0; side < 8; ++side) {
    for (int half = 0; half < 2; ++half) {
      int page = order[side][half];
      SCOPED_TRACE("sheet side " + std::to_string(side + 1) + (half == 0 ? " left" : " right") + ": page " +
                   std::to_string(page));
      std::string got = half_text(sheets(), side + 1, half == 0);
      std::string expected = page_text(booklet(), page);
      EXPECT_EQ(got, expected);
      // Numbered pages print their number as the folio, the last thing on
      // them (the covers and a blank padding page have none).
      if (std::regex_search(expected, std::regex("(^| )" + std::to_string(page) + "$"))) {
        ++folios;
        std::smatch m;
        ASSERT_TRUE(std::regex_search(got, m, std::regex("(\\d+)$"))) << got;
        EXPECT_EQ(std::stoi(m[1]), page);
      }
    }
  }
  // 16 pages: the covers, the dedication (no folio by book convention) and a
  // blank padding page carry none.
  EXPECT_GE(folios, 11);
}

TEST_F(Imposed, PagesAreSharedFormsNotCopies) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  double booklet_size = static_cast<double>(read_file(booklet()).size());
  double sheets_size = static_cast<double>(read_file(sheets()).size());
  EXPECT_LT(sheets_size, 1.3 * booklet_size);
  // One form per page, each placed once; the sheets' own content is only
  // the placing ("cm /X1 Do").
  EXPECT_EQ(form_contents(sheets()).size(), 16u);
  std::vector<std::string> sides = page_contents(sheets());
  ASSERT_EQ(sides.size(), 8u);
  for (const std::string& side : sides) {
    static const std::regex kDo(" Do\\b");
    EXPECT_EQ(std::distance(std::sregex_iterator(side.begin(), side.end(), kDo), std::sregex_iterator()), 2);
    EXPECT_LT(side.size(), 200u) << side;
  }
  // Fonts are embedded once, as in the booklet.
  auto count_fonts = [](const std::string& listing) {
    static const std::regex kCid("CID TrueType");
    return std::distance(std::sregex_iterator(listing.begin(), listing.end(), kCid), std::sregex_iterator());
  };
  EXPECT_EQ(count_fonts(pdffonts(sheets())), count_fonts(pdffonts(booklet())));
  std::string output;
  EXPECT_TRUE(qpdf_check_clean(sheets(), &output)) << output;
}

// The x of the first word of a sheet side's half, from pdftotext -bbox.
double first_word_x(const std::string& pdf, int page, bool left) {
  std::string html = pdftotext(pdf, {"-bbox", "-f", std::to_string(page), "-l", std::to_string(page)});
  std::regex word("<word xMin=\"([0-9.]+)\"");
  double best = 1e9;
  const double fold = kSheetW / 2;
  for (std::sregex_iterator it(html.begin(), html.end(), word), end; it != end; ++it) {
    double x = std::stod((*it)[1]);
    if ((x < fold) == left) best = std::min(best, x);
  }
  return best;
}

TEST_F(Imposed, CreepMovesInnerSheetsTowardsTheSpine) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  std::string out = make_temp_dir();
  CommandResult r = jan20(
      {"-C", source_dir(), "build", "booklet", "--lang", "az", "--impose", "saddle", "--creep", "1", "--quiet", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string creep = out + "/booklet.az.imposed.pdf";
  // Sheet 1 (outermost) stays; sheet 4 (innermost, sides 7 and 8) moves
  // 3 × 1 mm: its left pages right, its right pages left.
  for (int side : {1, 2}) {
    EXPECT_NEAR(first_word_x(creep, side, true), first_word_x(sheets(), side, true), 0.02);
    EXPECT_NEAR(first_word_x(creep, side, false), first_word_x(sheets(), side, false), 0.02);
  }
  for (int side : {7, 8}) {
    EXPECT_NEAR(first_word_x(creep, side, true) - first_word_x(sheets(), side, true), mm_to_pt(3), 0.05);
    EXPECT_NEAR(first_word_x(sheets(), side, false) - first_word_x(creep, side, false), mm_to_pt(3), 0.05);
  }
}

}  // namespace
}  // namespace jan20::testing
