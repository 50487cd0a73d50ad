// The saddle-stitch plan as pure functions: stitch order, padding, sheet
// size and what fits on it, placement, creep and the sheet's marks.
#include <gtest/gtest.h>

#include <cmath>
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

TEST(SheetPlan, A5PagesGoOnSra4WithTheirBleedAndMarks) {
  double w = 0, h = 0;
  ASSERT_TRUE(paper_size("A5", &w, &h));
  SheetPlan plan;
  std::string error, hint;
  ASSERT_TRUE(plan_sheet(w, h, mm_to_pt(3), {"", true, false}, &plan, &error, &hint)) << error;
  EXPECT_EQ(plan.size.name, "SRA4");
  EXPECT_NEAR(plan.size.width, mm_to_pt(320), 1e-6);
  EXPECT_NEAR(plan.size.height, mm_to_pt(225), 1e-6);
  EXPECT_NEAR(plan.bleed, mm_to_pt(3), 1e-9);
  EXPECT_TRUE(plan.marks);
  EXPECT_EQ(plan.note, "");
  // 7.5 mm above and below the pages: 3 mm bleed, the gap, then the mark.
  EXPECT_NEAR(plan.mark_length, mm_to_pt(7.5) - mm_to_pt(3) - kSheetMarkGap, 1e-6);
  EXPECT_GE(plan.mark_length, kSheetMarkMinLength);
  // A4 pages need the next size up.
  ASSERT_TRUE(paper_size("A4", &w, &h));
  ASSERT_TRUE(plan_sheet(w, h, mm_to_pt(3), {"", true, false}, &plan, &error, &hint)) << error;
  EXPECT_EQ(plan.size.name, "SRA3");
  EXPECT_NEAR(plan.mark_length, kSheetMarkLength, 1e-9);
}

TEST(SheetPlan, OfficeA4KeepsNoBleedAndRefusesMarks) {
  double w = 0, h = 0;
  paper_size("A5", &w, &h);
  SheetPlan plan;
  std::string error, hint;
  ASSERT_TRUE(plan_sheet(w, h, mm_to_pt(3), {"a4", true, false}, &plan, &error, &hint)) << error;
  EXPECT_EQ(plan.size.name, "A4");
  EXPECT_EQ(plan.bleed, 0);
  EXPECT_FALSE(plan.marks);
  EXPECT_NE(plan.note.find("no room for the 3 mm bleed"), std::string::npos) << plan.note;
  EXPECT_NE(plan.note.find("--sheet SRA4"), std::string::npos) << plan.note;
  EXPECT_FALSE(plan_sheet(w, h, mm_to_pt(3), {"A4", true, true}, &plan, &error, &hint));
  EXPECT_NE(error.find("--marks"), std::string::npos) << error;
  EXPECT_NE(hint.find("--sheet SRA4"), std::string::npos) << hint;
  // Screen: no bleed to keep, nothing to note; the default is the A sheet.
  ASSERT_TRUE(plan_sheet(w, h, mm_to_pt(3), {"", false, false}, &plan, &error, &hint)) << error;
  EXPECT_EQ(plan.size.name, "A4");
  EXPECT_EQ(plan.bleed, 0);
  EXPECT_FALSE(plan.marks);
  EXPECT_EQ(plan.note, "");
}

TEST(SheetPlan, SheetsByNameOrMillimetres) {
  SheetSize s;
  ASSERT_TRUE(sheet_named("sra3", &s));
  EXPECT_EQ(s.name, "SRA3");
  EXPECT_NEAR(s.width, mm_to_pt(450), 1e-6);
  ASSERT_TRUE(sheet_named("A3", &s));
  EXPECT_NEAR(s.width, mm_to_pt(420), 1e-6);  // landscape
  EXPECT_NEAR(s.height, mm_to_pt(297), 1e-6);
  for (const char* custom : {"240x330", "330x240", "330 x 240", "330\xC3\x97" "240"}) {
    SCOPED_TRACE(custom);
    ASSERT_TRUE(sheet_named(custom, &s));
    EXPECT_EQ(s.name, "");
    EXPECT_NEAR(s.width, mm_to_pt(330), 1e-6);
    EXPECT_NEAR(s.height, mm_to_pt(240), 1e-6);
  }
  for (const char* bad : {"", "B7", "SRA9", "x", "330x", "x240", "330x240mm", "0x0", "-330x240", "99999x240", "nanxnan"})
    EXPECT_FALSE(sheet_named(bad, &s)) << bad;
  double w = 0, h = 0;
  paper_size("A5", &w, &h);
  SheetPlan plan;
  std::string error, hint;
  EXPECT_FALSE(plan_sheet(w, h, mm_to_pt(3), {"B7", true, false}, &plan, &error, &hint));
  EXPECT_NE(error.find("unknown printer sheet \"B7\""), std::string::npos) << error;
  EXPECT_NE(hint.find("SRA4"), std::string::npos) << hint;
  EXPECT_FALSE(plan_sheet(w, h, mm_to_pt(3), {"200x150", true, false}, &plan, &error, &hint));
  EXPECT_NE(error.find("cannot hold two pages of 148 x 210 mm"), std::string::npos) << error;
}

TEST(SheetMarks, TrimAndFoldMarksLieOutsideTheBleedAndOnTheSheet) {
  double w = 0, h = 0;
  paper_size("A5", &w, &h);
  SheetPlan plan;
  std::string error, hint;
  ASSERT_TRUE(plan_sheet(w, h, mm_to_pt(3), {"", true, false}, &plan, &error, &hint));
  std::vector<SheetMark> marks = sheet_marks(plan, w, h);
  ASSERT_EQ(marks.size(), 10u);  // two at each of four corners, two at the fold
  const double fold = plan.size.width / 2;
  const double bottom = (plan.size.height - h) / 2;
  const double bleed_left = fold - w - plan.bleed, bleed_right = fold + w + plan.bleed;
  const double bleed_bottom = bottom - plan.bleed, bleed_top = bottom + h + plan.bleed;
  int folds = 0;
  for (const SheetMark& m : marks) {
    for (auto [x, y] : {std::pair{m.x1, m.y1}, std::pair{m.x2, m.y2}}) {
      EXPECT_TRUE(x >= 0 && x <= plan.size.width && y >= 0 && y <= plan.size.height) << x << "," << y;
      // Never inside the bleed box, and at least the gap away from it.
      bool outside = x <= bleed_left - kSheetMarkGap + 1e-9 || x >= bleed_right + kSheetMarkGap - 1e-9 ||
                     y <= bleed_bottom - kSheetMarkGap + 1e-9 || y >= bleed_top + kSheetMarkGap - 1e-9;
      EXPECT_TRUE(outside) << x << "," << y;
    }
    EXPECT_NEAR(std::hypot(m.x2 - m.x1, m.y2 - m.y1), plan.mark_length, 1e-9);
    if (m.fold) {
      ++folds;
      EXPECT_NEAR(m.x1, fold, 1e-9);
      EXPECT_NEAR(m.x2, fold, 1e-9);
    }
  }
  EXPECT_EQ(folds, 2);
  // No marks when there is no room, or on screen.
  ASSERT_TRUE(plan_sheet(w, h, mm_to_pt(3), {"A4", true, false}, &plan, &error, &hint));
  EXPECT_TRUE(sheet_marks(plan, w, h).empty());
}

TEST(Placement, TheClipTakesInTheBleedAwayFromTheFold) {
  double w = 0, h = 0;
  paper_size("A5", &w, &h);
  SheetSize sra4;
  ASSERT_TRUE(sheet_named("SRA4", &sra4));
  const double bleed = mm_to_pt(3), fold = sra4.width / 2;
  PagePlacement left = place_page(sra4, w, h, true, 0, 0, bleed);
  PagePlacement right = place_page(sra4, w, h, false, 0, 0, bleed);
  EXPECT_NEAR(left.clip_left, fold - w - bleed, 1e-9);
  EXPECT_NEAR(left.clip_left + left.clip_width, fold, 1e-9);  // the left page stops at the fold
  EXPECT_NEAR(right.clip_left, fold, 1e-9);
  EXPECT_NEAR(right.clip_left + right.clip_width, fold + w + bleed, 1e-9);
  EXPECT_NEAR(left.clip_bottom, (sra4.height - h) / 2 - bleed, 1e-9);
  EXPECT_NEAR(left.clip_height, h + 2 * bleed, 1e-9);
}

}  // namespace
}  // namespace jan20::pdf
