// `build booklet --impose saddle`: printer sheets in stitch order, read back
// half by half with pdftotext crops; pages shared as forms, not copied;
// creep moving the inner sheets' pages towards the spine; the SRA4 sheet's
// boxes (qpdf --json), bleed and marks (Ghostscript's CMYK raster); the
// office A4 sheet and the errors for a sheet that cannot hold what is asked.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "core/units.h"
#include "print_support.h"

namespace jan20::testing {
namespace {

const double kSheetW = mm_to_pt(320), kSheetH = mm_to_pt(225);  // SRA4 landscape, the default for A5
const double kPageW = mm_to_pt(148), kPageH = mm_to_pt(210);     // A5
const double kBleed = mm_to_pt(3);                               // layouts/booklet.toml

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
  ASSERT_EQ(ids.size(), 6u);  // 12 pages, four per sheet, two sides per sheet
  for (int id : ids) {
    auto media = box_key(object_json(sheets(), id), "/MediaBox");
    ASSERT_TRUE(media);
    EXPECT_NEAR((*media)[2] - (*media)[0], kSheetW, 0.01);
    EXPECT_NEAR((*media)[3] - (*media)[1], kSheetH, 0.01);
  }
  // Issue 7's order: for 12 pages, sheet 1 front = 12 | 1, back = 2 | 11, …
  const int order[6][2] = {{12, 1}, {2, 11}, {10, 3}, {4, 9}, {8, 5}, {6, 7}};
  int folios = 0;
  for (int side = 0; side < 6; ++side) {
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
  // 12 pages: the covers and the dedication (no folio by book convention)
  // carry none.
  EXPECT_EQ(folios, 9);
}

TEST_F(Imposed, PagesAreSharedFormsNotCopies) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  double booklet_size = static_cast<double>(read_file(booklet()).size());
  double sheets_size = static_cast<double>(read_file(sheets()).size());
  EXPECT_LT(sheets_size, 1.3 * booklet_size);
  // One form per page, each placed once; the sheets' own content is only
  // the placing ("cm /X1 Do") and the ten marks ("m … l S").
  EXPECT_EQ(form_contents(sheets()).size(), 12u);
  std::vector<std::string> sides = page_contents(sheets());
  ASSERT_EQ(sides.size(), 6u);
  for (const std::string& side : sides) {
    static const std::regex kDo(" Do\\b");
    EXPECT_EQ(std::distance(std::sregex_iterator(side.begin(), side.end(), kDo), std::sregex_iterator()), 2);
    static const std::regex kStroke("\\sS\\s");
    EXPECT_EQ(std::distance(std::sregex_iterator(side.begin(), side.end(), kStroke), std::sregex_iterator()), 10);
    EXPECT_LT(side.size(), 800u) << side;
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
  // Sheet 1 (outermost) stays; sheet 3 (innermost, sides 5 and 6) moves
  // 2 × 1 mm: its left pages right, its right pages left.
  for (int side : {1, 2}) {
    EXPECT_NEAR(first_word_x(creep, side, true), first_word_x(sheets(), side, true), 0.02);
    EXPECT_NEAR(first_word_x(creep, side, false), first_word_x(sheets(), side, false), 0.02);
  }
  for (int side : {5, 6}) {
    EXPECT_NEAR(first_word_x(creep, side, true) - first_word_x(sheets(), side, true), mm_to_pt(2), 0.05);
    EXPECT_NEAR(first_word_x(sheets(), side, false) - first_word_x(creep, side, false), mm_to_pt(2), 0.05);
  }
}

TEST_F(Imposed, TheSra4SheetDeclaresTheTrimmedSpreadAndItsBleed) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  std::vector<int> ids = page_object_ids(sheets());
  ASSERT_EQ(ids.size(), 6u);
  const double left = kSheetW / 2 - kPageW, bottom = (kSheetH - kPageH) / 2;
  for (int id : ids) {
    std::string dict = object_json(sheets(), id);
    auto trim = box_key(dict, "/TrimBox"), bleed = box_key(dict, "/BleedBox");
    ASSERT_TRUE(trim && bleed) << dict;
    const PdfBox want_trim{left, bottom, left + 2 * kPageW, bottom + kPageH};
    for (int i = 0; i < 4; ++i) {
      EXPECT_NEAR((*trim)[i], want_trim[i], 0.01) << i;
      EXPECT_NEAR((*bleed)[i], want_trim[i] + (i < 2 ? -kBleed : kBleed), 0.01) << i;
    }
  }
}

// Ghostscript's CMYK raster at 72 dpi (1 px = 1 pt, y down): the marks are
// registration colour (every ink at 100 %), the page ink reaches into the
// bleed and stops there.
bool registration(const CmykRaster& r, int x, int y) {
  const unsigned char* p = r.at(x, y);
  return p[0] == 255 && p[1] == 255 && p[2] == 255 && p[3] == 255;
}
bool blank(const CmykRaster& r, int x, int y) {
  const unsigned char* p = r.at(x, y);
  return p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0;
}

TEST_F(Imposed, EverySideHasTrimAndFoldMarksAndTheCoverBleeds) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  std::vector<CmykRaster> sides = render_cmyk(sheets(), 72);
  ASSERT_EQ(sides.size(), 6u);
  const double fold = kSheetW / 2, trim_left = fold - kPageW, trim_right = fold + kPageW;
  const double trim_top = (kSheetH - kPageH) / 2, trim_bottom = trim_top + kPageH;  // raster y, down
  const double band = kBleed + 3 + 2;  // a point inside every mark: the gap is 3 pt, marks ≥ 6 pt long
  for (size_t s = 0; s < sides.size(); ++s) {
    SCOPED_TRACE("sheet side " + std::to_string(s + 1));
    const CmykRaster& r = sides[s];
    ASSERT_EQ(r.width, static_cast<int>(std::lround(kSheetW)));
    // Registration colour at a point of each mark, searched ±1 px across it.
    auto mark_near = [&](double x, double y, bool vertical) {
      for (int d = -1; d <= 1; ++d) {
        int px = static_cast<int>(x) + (vertical ? d : 0), py = static_cast<int>(y) + (vertical ? 0 : d);
        if (px >= 0 && py >= 0 && px < r.width && py < r.height && registration(r, px, py)) return true;
      }
      return false;
    };
    for (double y : {trim_top, trim_bottom}) {  // crop marks on the head and foot trim lines, left and right
      EXPECT_TRUE(mark_near(trim_left - band, y, false)) << "crop mark left at y " << y;
      EXPECT_TRUE(mark_near(trim_right + band, y, false)) << "crop mark right at y " << y;
    }
    for (double x : {trim_left, trim_right}) {  // on the fore-edge trim lines, above and below
      EXPECT_TRUE(mark_near(x, trim_top - band, true)) << "crop mark above at x " << x;
      EXPECT_TRUE(mark_near(x, trim_bottom + band, true)) << "crop mark below at x " << x;
    }
    int fold_pixels = 0;  // the dashed fold mark above and below the spine
    for (int y = 0; y < r.height; ++y)
      if ((y < trim_top - kBleed || y > trim_bottom + kBleed) && mark_near(fold, y, true)) ++fold_pixels;
    EXPECT_GE(fold_pixels, 6);
    // Outside the bleed box there is nothing but the marks.
    int stray = 0;
    for (int y = 0; y < r.height; ++y)
      for (int x = 0; x < r.width; ++x) {
        bool outside = x < trim_left - kBleed - 1 || x > trim_right + kBleed + 1 || y < trim_top - kBleed - 1 ||
                       y > trim_bottom + kBleed + 1;
        if (outside && !blank(r, x, y) && !registration(r, x, y)) ++stray;
      }
    EXPECT_EQ(stray, 0);
  }
  // Sheet 1 front: the back cover (left) and the cover (right) are black to
  // the edge, so their ink runs through the bleed on the three outer sides.
  const CmykRaster& outer = sides[0];
  const int mid = static_cast<int>((trim_top + trim_bottom) / 2);
  for (int x : {static_cast<int>(trim_left - kBleed / 2), static_cast<int>(trim_right + kBleed / 2)})
    EXPECT_GT(outer.at(x, mid)[3], 200) << "bleed at x " << x;
  EXPECT_GT(outer.at(static_cast<int>(fold - 40), static_cast<int>(trim_top - kBleed / 2))[3], 200);
  EXPECT_TRUE(blank(outer, static_cast<int>(trim_left - kBleed - 2), mid));
}

TEST_F(Imposed, OfficeA4SheetsAndSheetsTooSmallForWhatIsAsked) {
  std::string out = make_temp_dir();
  CommandResult a4 = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--impose", "saddle", "--sheet",
                            "A4", "--out", out});
  ASSERT_EQ(a4.exit_code, 0) << a4.err;
  EXPECT_NE(a4.err.find("no room for the 3 mm bleed"), std::string::npos) << a4.err;
  std::string sheets_a4 = out + "/booklet.az.imposed.pdf";
  std::vector<int> ids = page_object_ids(sheets_a4);
  ASSERT_EQ(ids.size(), 6u);
  auto media = box_key(object_json(sheets_a4, ids[0]), "/MediaBox");
  ASSERT_TRUE(media);
  EXPECT_NEAR((*media)[2] - (*media)[0], mm_to_pt(297), 0.01);
  EXPECT_NEAR((*media)[3] - (*media)[1], mm_to_pt(210), 0.01);
  // Pages still meet at the fold in stitch order: the outer sheet's right
  // half is the cover.
  EXPECT_EQ(squash_spaces(pdftotext(sheets_a4, {"-f", "1", "-l", "1", "-x", std::to_string(static_cast<int>(mm_to_pt(297) / 2 + 1)),
                                                "-y", "0", "-W", "400", "-H", "600"})),
            squash_spaces(pdftotext(booklet(), {"-f", "1", "-l", "1"})));

  // Marks asked for on a sheet without room, an unknown sheet, a sheet
  // smaller than the pages: an error naming --sheet, and nothing written.
  const std::vector<std::vector<std::string>> refused = {
      {"--sheet", "A4", "--marks"}, {"--sheet", "B7"}, {"--sheet", "200x150"}};
  for (const auto& extra : refused) {
    std::string dir = make_temp_dir();
    std::vector<std::string> args = {"-C", source_dir(), "build", "booklet", "--lang", "az", "--impose", "saddle",
                                     "--out", dir};
    args.insert(args.end(), extra.begin(), extra.end());
    CommandResult r = jan20(args);
    SCOPED_TRACE(extra[1]);
    EXPECT_NE(r.exit_code, 0);
    EXPECT_NE(r.err.find("cannot impose"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("--sheet"), std::string::npos) << r.err;
    EXPECT_FALSE(file_exists(dir + "/booklet.az.pdf"));
    EXPECT_FALSE(file_exists(dir + "/booklet.az.imposed.pdf"));
  }
}

}  // namespace
}  // namespace jan20::testing
