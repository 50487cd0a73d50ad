// Pagination on synthetic vertical lists: the break rules decided when entries
// are made (widows, orphans, keep-with-next) hold whatever the column height.
#include <gtest/gtest.h>

#include "layout/flow.h"

namespace jan20::layout {
namespace {

struct Geometry {
  double height;
  int columns = 1;
};

std::vector<ColumnBox> columns(const void* context, int, const std::string&) {
  const Geometry& g = *static_cast<const Geometry*>(context);
  std::vector<ColumnBox> out;
  for (int i = 0; i < g.columns; ++i) out.push_back({i * 100.0, 0, 90, g.height});
  return out;
}

// A paragraph of n lines of height 10, with TeX's infinite widow and club
// penalties for `widows` and `orphans` lines.
void paragraph(std::vector<VerticalEntry>& entries, int n, int widows = 2, int orphans = 2, bool keep_first = false) {
  for (int k = 0; k < n; ++k) {
    VerticalEntry v;
    v.height = 10;
    v.break_before = k == 0 ? !keep_first : (k >= orphans && n - k >= widows);
    v.paragraph = static_cast<int>(entries.size());
    v.line = k;
    entries.push_back(v);
  }
}

std::vector<int> lines_per_column(const std::vector<PageFlow>& pages) {
  std::vector<int> out;
  for (const auto& p : pages)
    for (const auto& c : p.columns) out.push_back(static_cast<int>(c.size()));
  return out;
}

TEST(Paginate, FillsColumnsAndPages) {
  std::vector<VerticalEntry> entries;
  for (int i = 0; i < 10; ++i) paragraph(entries, 1);
  Geometry g{40};
  auto pages = paginate({&entries, "body", &g, columns});
  EXPECT_EQ(lines_per_column(pages), (std::vector<int>{4, 4, 2}));
}

TEST(Paginate, NeverLeavesAWidowOrAnOrphan) {
  // For every column height, a 7-line paragraph after some filler never
  // leaves 1 line alone at the bottom (orphan) or the top (widow).
  for (int filler = 0; filler < 8; ++filler) {
    for (double height = 30; height <= 90; height += 10) {
      std::vector<VerticalEntry> entries;
      for (int i = 0; i < filler; ++i) paragraph(entries, 1);
      size_t first = entries.size();
      paragraph(entries, 7);
      Geometry g{height};
      auto pages = paginate({&entries, "body", &g, columns});
      for (const auto& p : pages)
        for (const auto& c : p.columns) {
          int mine = 0;
          for (const auto& placed : c) mine += placed.entry >= first ? 1 : 0;
          if (mine > 0 && mine < 7) {
            EXPECT_GE(mine, 2) << "filler " << filler << " height " << height;
          }
        }
    }
  }
}

TEST(Paginate, KeepsAHeadingWithWhatFollows) {
  std::vector<VerticalEntry> entries;
  paragraph(entries, 3);      // fills 3 of 4 lines
  VerticalEntry heading;
  heading.height = 10;
  heading.edit_notes().heading_level = 1;
  entries.push_back(heading);  // would fit as line 4...
  paragraph(entries, 3, 2, 2, /*keep_first=*/true);
  Geometry g{40};
  auto pages = paginate({&entries, "body", &g, columns});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].columns[0].size(), 3u);  // ...but goes over with its paragraph
  EXPECT_EQ(pages[1].columns[0].front().entry, 3u);
}

// The heading fits, the space after it does not: the column must not end in
// that space, which would leave the heading alone at the foot (seen when
// sections began to run on).
TEST(Paginate, KeepsAHeadingWithWhatFollowsAcrossTheSpaceAfterIt) {
  std::vector<VerticalEntry> entries;
  paragraph(entries, 4);  // 40 of 55
  VerticalEntry heading;
  heading.height = 10;    // fits: 50
  heading.edit_notes().heading_level = 1;
  entries.push_back(heading);
  VerticalEntry space;
  space.kind = VerticalEntry::Kind::Space;
  space.height = 8;       // does not: 58
  space.break_before = false;
  entries.push_back(space);
  paragraph(entries, 3, 2, 2, /*keep_first=*/true);
  Geometry g{55};
  auto pages = paginate({&entries, "body", &g, columns});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].columns[0].size(), 4u);
  EXPECT_EQ(pages[1].columns[0].front().entry, 4u);  // the heading opens the next page
}

TEST(Paginate, ForcedBreaksSetTheNextMasterAndKeepOpeningSpace) {
  std::vector<VerticalEntry> entries;
  paragraph(entries, 1);
  VerticalEntry brk;
  brk.kind = VerticalEntry::Kind::PageBreak;
  brk.edit_notes().master = "back";
  entries.push_back(brk);
  VerticalEntry space;
  space.kind = VerticalEntry::Kind::Space;
  space.height = 15;
  space.break_before = false;
  entries.push_back(space);
  paragraph(entries, 1);
  Geometry g{100};
  auto pages = paginate({&entries, "cover", &g, columns});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].master, "cover");
  EXPECT_EQ(pages[1].master, "back");
  ASSERT_EQ(pages[1].columns[0].size(), 2u);  // the space stays at the top of the new page
  EXPECT_DOUBLE_EQ(pages[1].columns[0][1].y, 15);
}

TEST(Paginate, DiscardsSpaceAtANaturalBreak) {
  std::vector<VerticalEntry> entries;
  paragraph(entries, 4);
  VerticalEntry space;
  space.kind = VerticalEntry::Kind::Space;
  space.height = 5;
  space.break_before = false;
  entries.push_back(space);
  paragraph(entries, 2);
  Geometry g{40};
  auto pages = paginate({&entries, "body", &g, columns});
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[1].columns[0].size(), 2u);
  EXPECT_DOUBLE_EQ(pages[1].columns[0][0].y, 0);
}

TEST(Paginate, TwoColumnsBalanceByFillingInOrder) {
  std::vector<VerticalEntry> entries;
  paragraph(entries, 6);
  Geometry g{40, 2};
  auto pages = paginate({&entries, "body", &g, columns});
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(lines_per_column(pages), (std::vector<int>{4, 2}));
}

TEST(Paginate, CostIsLinearInTheNumberOfItems) {
  // 200,000 lines in 2,000-line paragraphs: finishes, and every page is full
  // but the last (a quadratic backtrack would not finish in test time).
  std::vector<VerticalEntry> entries;
  for (int p = 0; p < 100; ++p) paragraph(entries, 2000);
  Geometry g{400};
  auto pages = paginate({&entries, "body", &g, columns});
  EXPECT_EQ(pages.size(), 200000u / 40u);
}

}  // namespace
}  // namespace jan20::layout

namespace jan20::layout {
namespace {

// A figure that does not fit where it comes waits for the top of the next
// column; the text after it fills the rest of this one.
TEST(Paginate, FiguresFloatToTheNextColumn) {
  std::vector<VerticalEntry> entries;
  paragraph(entries, 3);
  VerticalEntry figure;
  figure.height = 15;
  figure.floats = true;
  entries.push_back(figure);  // index 3: 30 + 15 > 40
  paragraph(entries, 1);      // index 4: fits after the first three lines
  paragraph(entries, 2);      // indexes 5, 6
  Geometry g{40};
  auto pages = paginate({&entries, "body", &g, columns});
  ASSERT_EQ(pages.size(), 2u);
  std::vector<size_t> first, second;
  for (const auto& p : pages[0].columns[0]) first.push_back(p.entry);
  for (const auto& p : pages[1].columns[0]) second.push_back(p.entry);
  EXPECT_EQ(first, (std::vector<size_t>{0, 1, 2, 4}));
  EXPECT_EQ(second, (std::vector<size_t>{3, 5, 6}));
}

// A figure never floats past a forced page break: its section ends with it.
TEST(Paginate, FiguresStayBeforeTheNextForcedBreak) {
  std::vector<VerticalEntry> entries;
  paragraph(entries, 3);
  VerticalEntry figure;
  figure.height = 25;
  figure.floats = true;
  entries.push_back(figure);
  VerticalEntry brk;
  brk.kind = VerticalEntry::Kind::PageBreak;
  entries.push_back(brk);
  paragraph(entries, 1);
  Geometry g{40};
  auto pages = paginate({&entries, "body", &g, columns});
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[1].columns[0].size(), 1u);
  EXPECT_EQ(pages[1].columns[0][0].entry, 3u);
  EXPECT_EQ(pages[2].columns[0][0].entry, 5u);
}

}  // namespace
}  // namespace jan20::layout
