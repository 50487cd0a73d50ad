// GlyphList hands back exactly the Glyph it was given, whether it keeps it in
// 8 bytes or as a plain Glyph, and switches to plain Glyphs when one does not
// fit, without changing the ones it already holds.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "model/glyph_list.h"

namespace jan20::model {
namespace {

Glyph glyph(uint32_t id, int32_t advance, uint32_t begin, uint32_t end, double extra = 0) {
  Glyph g;
  g.id = id;
  g.x_advance = advance;
  g.text_begin = begin;
  g.text_end = end;
  g.extra = extra;
  return g;
}

void expect_same(const GlyphList& list, const std::vector<Glyph>& want) {
  ASSERT_EQ(list.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const Glyph g = list[i];
    EXPECT_EQ(g.id, want[i].id) << i;
    EXPECT_EQ(g.x_advance, want[i].x_advance) << i;
    EXPECT_EQ(g.x_offset, want[i].x_offset) << i;
    EXPECT_EQ(g.y_offset, want[i].y_offset) << i;
    EXPECT_EQ(g.text_begin, want[i].text_begin) << i;
    EXPECT_EQ(g.text_end, want[i].text_end) << i;
    EXPECT_EQ(std::signbit(g.extra), std::signbit(want[i].extra)) << i;
    EXPECT_EQ(g.extra, want[i].extra) << i;
  }
  size_t n = 0;
  for (const Glyph& g : list) EXPECT_TRUE(g == want[n++]);
  EXPECT_EQ(n, want.size());
}

TEST(GlyphList, KeepsEveryFieldOfGlyphsThatFitEightBytes) {
  const std::vector<Glyph> want = {
      glyph(0, 0, 0, 0),
      glyph(65535, 32767, 65535, 65535 + 255),
      glyph(1234, -32768, 7, 7),                  // a cluster's second glyph covers nothing
      glyph(17, 500, 3, 5, 1.0 / 3),              // justification: not a round number
      glyph(18, 501, 5, 6, 1.0 / 3),              // the same extra again
      glyph(19, 502, 6, 8, -0.0),                 // -0.0 stays -0.0
      glyph(20, 503, 8, 9, 0.25),
  };
  GlyphList list;
  for (const Glyph& g : want) list.push_back(g);
  EXPECT_FALSE(list.wide());
  expect_same(list, want);
  EXPECT_TRUE(list.front() == want.front());
  EXPECT_TRUE(list.back() == want.back());
}

TEST(GlyphList, SwitchesToPlainGlyphsWhenOneDoesNotFit) {
  std::vector<Glyph> misfits;
  Glyph offset = glyph(5, 10, 0, 1);
  offset.x_offset = -20;
  misfits.push_back(offset);
  Glyph raised = glyph(5, 10, 0, 1);
  raised.y_offset = 100;
  misfits.push_back(raised);
  misfits.push_back(glyph(65536, 10, 0, 1));           // id above 16 bits
  misfits.push_back(glyph(5, 32768, 0, 1));            // advance above int16
  misfits.push_back(glyph(5, -32769, 0, 1));
  misfits.push_back(glyph(5, 10, 65536, 65536));       // text beyond 16 bits
  misfits.push_back(glyph(5, 10, 0, 256));             // a cluster of 256 bytes
  misfits.push_back(glyph(5, 10, 9, 8));               // an end before the begin
  for (const Glyph& misfit : misfits) {
    std::vector<Glyph> want = {glyph(1, 600, 0, 1, 0.5), glyph(2, 610, 1, 2)};
    GlyphList list;
    for (const Glyph& g : want) list.push_back(g);
    ASSERT_FALSE(list.wide());
    list.push_back(misfit);
    want.push_back(misfit);
    list.push_back(glyph(3, 620, 2, 3, 0.5));
    want.push_back(glyph(3, 620, 2, 3, 0.5));
    EXPECT_TRUE(list.wide());
    expect_same(list, want);
  }
}

TEST(GlyphList, TwoHundredAndFiftyFiveDistinctExtrasFitTheNextDoesNot) {
  GlyphList list;
  std::vector<Glyph> want;
  for (uint32_t i = 0; i < 255; ++i) want.push_back(glyph(i, 100, i, i + 1, 0.001 * (i + 1)));
  for (const Glyph& g : want) list.push_back(g);
  EXPECT_FALSE(list.wide());
  list.push_back(glyph(300, 100, 255, 256, 0));  // zero needs no slot
  want.push_back(glyph(300, 100, 255, 256, 0));
  EXPECT_FALSE(list.wide());
  list.push_back(glyph(301, 100, 256, 257, 7.5));
  want.push_back(glyph(301, 100, 256, 257, 7.5));
  EXPECT_TRUE(list.wide());
  expect_same(list, want);
}

TEST(GlyphList, SetReplacesOneGlyphAndWidensWhenItMust) {
  GlyphList list{glyph(1, 10, 0, 1), glyph(2, 20, 1, 2), glyph(3, 30, 2, 3)};
  std::vector<Glyph> want = {glyph(1, 10, 0, 1), glyph(2, 20, 1, 2), glyph(3, 30, 2, 3)};
  Glyph spaced = want[1];
  spaced.extra = 3;
  list.set(1, spaced);
  want[1] = spaced;
  EXPECT_FALSE(list.wide());
  expect_same(list, want);
  Glyph mark = want[2];
  mark.y_offset = 50;
  list.set(2, mark);
  want[2] = mark;
  EXPECT_TRUE(list.wide());
  expect_same(list, want);
}

TEST(GlyphList, AssignsFromIteratorRangesLikeAVector) {
  const GlyphList list{glyph(1, 10, 0, 1), glyph(2, 20, 1, 2, 0.5), glyph(3, 30, 2, 3), glyph(4, 40, 3, 4)};
  GlyphList middle;
  middle.assign(list.begin() + 1, list.begin() + 3);
  expect_same(middle, {list[1], list[2]});
  EXPECT_EQ(list.end() - list.begin(), 4);
  EXPECT_TRUE(middle == GlyphList({list[1], list[2]}));
  EXPECT_FALSE(middle == list);
  middle.clear();
  EXPECT_TRUE(middle.empty());
  EXPECT_FALSE(middle.wide());
}

TEST(GlyphList, ExtrasBeyondTheTwoKeptInPlaceAndAMovedFromListIsEmpty) {
  const std::vector<Glyph> want = {glyph(1, 500, 0, 1, 0.25), glyph(2, 510, 1, 2, 1.5), glyph(3, 520, 2, 3, 0.25),
                                   glyph(4, 530, 3, 4, -0.0), glyph(5, 540, 4, 5, 2.75), glyph(6, 550, 5, 6, 1.5)};
  GlyphList list;
  for (const Glyph& g : want) list.push_back(g);
  EXPECT_FALSE(list.wide());
  expect_same(list, want);
  GlyphList copy = list;
  expect_same(copy, want);

  GlyphList moved = std::move(list);
  expect_same(moved, want);
  EXPECT_TRUE(list.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is what is tested
  // and it takes new glyphs with extras of its own
  const std::vector<Glyph> fresh = {glyph(7, 100, 0, 1, 3.5), glyph(8, 100, 1, 2, 4.5), glyph(9, 100, 2, 3, 5.5)};
  for (const Glyph& g : fresh) list.push_back(g);
  expect_same(list, fresh);
  expect_same(moved, want);

  GlyphList assigned;
  assigned.push_back(glyph(10, 1, 0, 1, 9.5));
  assigned = std::move(moved);
  expect_same(assigned, want);
  EXPECT_TRUE(moved.empty());  // NOLINT(bugprone-use-after-move)
}

}  // namespace
}  // namespace jan20::model
