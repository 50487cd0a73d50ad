// The saddle-stitch plan as pure functions: stitch order, padding, sheet
// size, placement and creep.
#include <gtest/gtest.h>

#include <set>

#include "core/units.h"
#include "pdf/impose.h"

namespace jan20::pdf {
namespace {

std::vector<std::pair<int, int>> halves(const std::vector<SheetSide>& sides) {
  std::vector<std::pair<int, int>> out;
  for (const SheetSide& s : sides) out.push_back({s.left, s.right});
  return out;
}

TEST(SaddleStitch, SixteenPagesAsTheIssueGivesThem) {
  // Issue 7: sheet 1 front = 16 | 1, back = 2 | 15, …
  std::vector<std::pair<int, int>> expected = {{16, 1}, {2, 15}, {14, 3}, {4, 13},
                                               {12, 5}, {6, 11}, {10, 7}, {8, 9}};
  std::vector<SheetSide> sides = saddle_stitch_order(16);
  EXPECT_EQ(halves(sides), expected);
  ASSERT_EQ(sides.size(), 8u);
  for (size_t i = 0; i < sides.size(); ++i) {
    EXPECT_EQ(sides[i].sheet, static_cast<int>(i / 2));
    EXPECT_EQ(sides[i].front, i % 2 == 0);
  }
}

TEST(SaddleStitch, PadsWithBlanksToAMultipleOfFour) {
  EXPECT_EQ(padded_page_count(0), 0);
  EXPECT_EQ(padded_page_count(1), 4);
  EXPECT_EQ(padded_page_count(4), 4);
  EXPECT_EQ(padded_page_count(10), 12);
  // 10 pages: pages 11 and 12 are blank (0), on the outer sheet's inside.
  std::vector<std::pair<int, int>> expected = {{0, 1}, {2, 0}, {10, 3}, {4, 9}, {8, 5}, {6, 7}};
  EXPECT_EQ(halves(saddle_stitch_order(10)), expected);
}

TEST(SaddleStitch, EveryPageAppearsOnceAndFacingPagesShareASheet) {
  for (int n : {4, 8, 12, 20, 32, 64}) {
    std::multiset<int> seen;
    for (const SheetSide& s : saddle_stitch_order(n)) {
      seen.insert(s.left);
      seen.insert(s.right);
      // Folded, the two halves of one side are pages p and n + 1 − p.
      EXPECT_EQ(s.left + s.right, n + 1) << n;
    }
    ASSERT_EQ(seen.size(), static_cast<size_t>(n));
    for (int p = 1; p <= n; ++p) EXPECT_EQ(seen.count(p), 1u) << "page " << p << " of " << n;
  }
}

TEST(SheetSize, TwoA5PagesGoOnA4Landscape) {
  double w = 0, h = 0;
  ASSERT_TRUE(paper_size("A5", &w, &h));
  SheetSize s = sheet_for(w, h);
  EXPECT_EQ(s.name, "A4");
  EXPECT_NEAR(s.width, mm_to_pt(297), 0.01);
  EXPECT_NEAR(s.height, mm_to_pt(210), 0.01);
  ASSERT_TRUE(paper_size("A4", &w, &h));
  EXPECT_EQ(sheet_for(w, h).name, "A3");
  // Two 400 pt squares fit A4 landscape (842 × 595); pages larger than
  // half of A0 get a sheet exactly two pages wide.
  EXPECT_EQ(sheet_for(400, 400).name, "A4");
  SheetSize huge = sheet_for(mm_to_pt(700), mm_to_pt(900));
  EXPECT_EQ(huge.name, "");
  EXPECT_NEAR(huge.width, mm_to_pt(1400), 1e-6);
  EXPECT_NEAR(huge.height, mm_to_pt(900), 1e-6);
}

TEST(Placement, PagesMeetAtTheFoldAndCreepMovesThemTowardsIt) {
  double w = 0, h = 0;
  paper_size("A5", &w, &h);
  SheetSize a4 = sheet_for(w, h);
  const double fold = a4.width / 2;
  PagePlacement left = place_page(a4, w, h, true, 0, 0);
  PagePlacement right = place_page(a4, w, h, false, 0, 0);
  EXPECT_NEAR(left.x + w, fold, 1e-9);
  EXPECT_NEAR(right.x, fold, 1e-9);
  EXPECT_NEAR(left.y, (a4.height - h) / 2, 1e-9);
  EXPECT_NEAR(left.clip_left, left.x, 1e-9);
  EXPECT_NEAR(right.clip_left, fold, 1e-9);
  // Sheet 3 with 0.5 mm creep per sheet: 1.5 mm towards the spine, still
  // clipped to its own half.
  const double creep = mm_to_pt(0.5);
  PagePlacement l3 = place_page(a4, w, h, true, 3, creep);
  PagePlacement r3 = place_page(a4, w, h, false, 3, creep);
  EXPECT_NEAR(l3.x - left.x, mm_to_pt(1.5), 1e-9);
  EXPECT_NEAR(right.x - r3.x, mm_to_pt(1.5), 1e-9);
  EXPECT_NEAR(l3.clip_left, left.clip_left, 1e-9);
  EXPECT_NEAR(r3.clip_left, right.clip_left, 1e-9);
}

}  // namespace
}  // namespace jan20::pdf
