// Posters typeset in memory: blocks flow into placed frames; a frame's fit
// mode shrinks, fills or reports overflow; frames follow each other, align
// vertically and balance their columns; the poster reads in content order.
#include <algorithm>

#include "layout_fixture.h"

namespace jan20::layout::testing {
namespace {

using Poster = LayoutTest;

// The headline frame is (20, 20) 360 × 100; the text frame (20, 140) 360 × 300.
constexpr double kHeadlineTop = 20, kHeadlineBottom = 120, kTextTop = 140, kTextBottom = 440;
constexpr double kFrameLeft = 20, kFrameRight = 380;

model::Block headline(const std::string& text) { return in_frame(heading(1, text), "headline"); }
model::Block body(const std::string& text) { return in_frame(paragraph(text), "text"); }

const std::string kLongHeadline =
    "Ümumxalq Hüzn Günü: Bakıda və digər şəhərlərdə həlak olanların xatirəsi ehtiramla yad edilir";

// Every run of the page between top and bottom (baselines) and inside the frame's sides.
void expect_inside(const Laid& laid, const std::vector<RunOnPage>& runs, double top, double bottom) {
  ASSERT_FALSE(runs.empty());
  for (const RunOnPage& r : runs) {
    EXPECT_GT(r.run->y, top) << r.run->text;
    EXPECT_LE(r.run->y, bottom) << r.run->text;
    EXPECT_GE(r.run->x, kFrameLeft - kHang * r.run->size) << r.run->text;  // protrusion
    EXPECT_LE(r.run->x + r.width, kFrameRight + kHang * r.run->size) << r.run->text;
  }
  (void)laid;
}

std::vector<RunOnPage> all_runs(const Laid& laid) { return runs_with(laid, ""); }

TEST_F(Poster, IsOnePageWithEachBlockInItsFrame) {
  Laid laid = lay_out(document({headline("20 Yanvar"), body(sentence(1, 60))}), small_poster());
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  ASSERT_EQ(laid.doc.pages.size(), 1u);
  EXPECT_DOUBLE_EQ(laid.doc.pages[0].width, 400);
  expect_inside(laid, runs_with(laid, "20 Yanvar"), kHeadlineTop, kHeadlineBottom);
  std::vector<RunOnPage> text;
  for (const RunOnPage& r : all_runs(laid))
    if (r.run->size == 12) text.push_back(r);
  ASSERT_GE(text.size(), 3u);
  expect_inside(laid, text, kTextTop, kTextBottom);
}

TEST_F(Poster, ShrinkSetsALongHeadlineSmallerUntilItFits) {
  Laid laid = lay_out(document({headline(kLongHeadline)}), small_poster(model::FitMode::Shrink));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  std::vector<RunOnPage> runs = all_runs(laid);
  ASSERT_GE(runs.size(), 2u);
  for (const RunOnPage& r : runs) EXPECT_LT(r.run->size, 40 * 0.8) << r.run->text;
  expect_inside(laid, runs, kHeadlineTop, kHeadlineBottom);
}

TEST_F(Poster, ShrinkLeavesAHeadlineThatFitsAtItsSize) {
  Laid laid = lay_out(document({headline("20 Yanvar")}), small_poster(model::FitMode::Shrink));
  std::vector<RunOnPage> runs = runs_with(laid, "20 Yanvar");
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_DOUBLE_EQ(runs[0].run->size, 40);
}

TEST_F(Poster, FillGrowsAShortHeadlineToItsFrame) {
  Laid laid = lay_out(document({headline("20 Yanvar")}), small_poster(model::FitMode::Fill));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  std::vector<RunOnPage> runs = all_runs(laid);
  ASSERT_FALSE(runs.empty());
  EXPECT_GT(runs[0].run->size, 40 * 1.2);
  expect_inside(laid, runs, kHeadlineTop, kHeadlineBottom);
  // Filled: the widest line or the lines' depth nearly takes the frame.
  double widest = 0;
  for (const RunOnPage& r : runs) widest = std::max(widest, r.width);
  double depth = runs.back().run->y - kHeadlineTop;
  EXPECT_TRUE(widest > 0.85 * 360 || depth > 0.7 * 100) << "widest " << widest << " depth " << depth;
}

TEST_F(Poster, FillAlsoShrinksAHeadlineTooLongForItsFrame) {
  Laid laid = lay_out(document({headline(kLongHeadline)}), small_poster(model::FitMode::Fill));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  std::vector<RunOnPage> runs = all_runs(laid);
  ASSERT_GE(runs.size(), 2u);
  EXPECT_LT(runs[0].run->size, 40);
  expect_inside(laid, runs, kHeadlineTop, kHeadlineBottom);
}

TEST_F(Poster, OverflowReportsTheFrameAndByHowMuch) {
  Laid laid = lay_out(document({headline(kLongHeadline)}), small_poster(model::FitMode::Overflow));
  ASSERT_TRUE(laid.sink.has_errors());
  const Diagnostic& d = laid.sink.diagnostics().back();
  EXPECT_EQ(d.where.file, "mem-poster.toml");
  EXPECT_EQ(d.where.line, 10);  // the headline frame
  EXPECT_NE(d.message.find("frame 'headline' does not fit by"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find(" mm"), std::string::npos) << d.message;
  EXPECT_NE(d.hint.find("fit = \"shrink\""), std::string::npos) << d.hint;
  // The text is set at its size all the same.
  std::vector<RunOnPage> runs = all_runs(laid);
  ASSERT_FALSE(runs.empty());
  EXPECT_DOUBLE_EQ(runs[0].run->size, 40);
}

TEST_F(Poster, ABlockNamingAnUnknownFrameIsAnErrorThatListsTheFrames) {
  model::Block stray = in_frame(paragraph("Bakı."), "sidebar");
  stray.where = {"mem.toml", 12, 5};
  Laid laid = lay_out(document({headline("20 Yanvar"), stray}), small_poster());
  ASSERT_EQ(laid.sink.error_count(), 1) << messages(laid.sink);
  const Diagnostic& d = laid.sink.diagnostics().front();
  EXPECT_EQ(d.where.line, 12);
  EXPECT_EQ(d.where.column, 5);
  EXPECT_NE(d.message.find("no frame 'sidebar'"), std::string::npos) << d.message;
  EXPECT_NE(d.hint.find("headline, text"), std::string::npos) << d.hint;
  EXPECT_TRUE(runs_with(laid, "Bakı.").empty());
}

TEST_F(Poster, AFollowingFrameTakesTheSpaceAShortFrameLeaves) {
  model::Design design = small_poster();
  design.masters["poster"].frames[1].follows = "headline";
  design.masters["poster"].frames[1].gap = 10;
  model::Document doc = document({headline("20 Yanvar"), body("(1) Bakı.")});
  Laid plain = lay_out(doc, small_poster()), following = lay_out(doc, design);
  std::vector<RunOnPage> a = runs_with(plain, "(1)"), b = runs_with(following, "(1)");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  // One 44 pt headline line ends at 64; the text frame starts 10 pt below.
  EXPECT_NEAR(a[0].run->y - b[0].run->y, kTextTop - (kHeadlineTop + 44 + 10), 0.01);
}

TEST_F(Poster, AFrameCentredVerticallyHasItsFreeSpaceAboveAndBelow) {
  model::Design design = small_poster();
  design.masters["poster"].frames[0].align_vertical = "center";
  model::Document doc = document({headline("20 Yanvar")});
  Laid top = lay_out(doc, small_poster()), centred = lay_out(doc, design);
  std::vector<RunOnPage> a = runs_with(top, "20 Yanvar"), b = runs_with(centred, "20 Yanvar");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NEAR(b[0].run->y - a[0].run->y, (100 - 44) / 2.0, 0.01);
}

TEST_F(Poster, TwoColumnsEndAtTheSameHeight) {
  std::vector<model::Block> blocks;
  for (int i = 1; i <= 3; ++i) blocks.push_back(body(sentence(i, 15)));
  Laid laid = lay_out(document(blocks), small_poster());
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  double column_width = (360 - 12) / 2.0;
  double left_last = 0, right_last = 0;
  int left = 0, right = 0;
  for (const RunOnPage& r : all_runs(laid)) {
    if (r.run->x < kFrameLeft + column_width) {
      left_last = std::max(left_last, r.run->y);
      ++left;
    } else {
      EXPECT_GE(r.run->x, kFrameLeft + column_width + 12 - kHang * r.run->size);  // a "(" may hang out
      right_last = std::max(right_last, r.run->y);
      ++right;
    }
  }
  ASSERT_GT(left, 3);
  ASSERT_GT(right, 3);
  EXPECT_GE(left_last, right_last) << "the first column may be the longer";
  EXPECT_LE(left_last - right_last, 15 + 0.01) << "by one line at most";
  EXPECT_LT(left_last, kTextBottom - 100) << "balanced, not filled to the frame's foot";
}

TEST_F(Poster, ItReadsInContentOrderWhateverTheFramesOrder) {
  // The headline frame is set first (its block comes first), then the text
  // frame; the second headline-frame paragraph is still read last.
  Laid laid = lay_out(document({headline("20 Yanvar"), body("(1) Bakı."), in_frame(paragraph("(2) Hüzn."), "headline")}),
                      small_poster());
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  const std::vector<model::Tag>& tags = laid.doc.tags;
  ASSERT_FALSE(tags.empty());
  auto top_level_of = [&](std::string_view text) {
    std::vector<RunOnPage> r = runs_with(laid, text);
    if (r.size() != 1 || r[0].run->tag < 0) return -1;
    int t = r[0].run->tag;
    while (tags[static_cast<size_t>(t)].parent > 0) t = tags[static_cast<size_t>(t)].parent;
    const std::vector<int>& kids = tags[0].children;
    return static_cast<int>(std::find(kids.begin(), kids.end(), t) - kids.begin());
  };
  int h = top_level_of("20 Yanvar"), one = top_level_of("(1)"), two = top_level_of("(2)");
  ASSERT_GE(h, 0);
  EXPECT_LT(h, one);
  EXPECT_LT(one, two);
  // and the frame's second paragraph is drawn in the headline frame
  std::vector<RunOnPage> second = runs_with(laid, "(2)");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_LT(second[0].run->y, kHeadlineBottom);
}

TEST_F(Poster, TheQrCodeCarriesThePostersLinkAsItsAlternativeText) {
  model::Design design = small_poster();
  model::Ornament qr;
  qr.kind = "qr";
  qr.x = 300, qr.y = 450, qr.width = 40, qr.height = 40;
  qr.color = "text";
  design.masters["poster"].ornaments.push_back(qr);
  Laid laid = lay_out(document({headline("20 Yanvar")}), design);
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  std::vector<const model::Path*> paths = items_of<model::Path>(laid.doc.pages.at(0));
  ASSERT_FALSE(paths.empty());
  for (const model::Path* p : paths) {
    ASSERT_GE(p->tag, 0);
    EXPECT_EQ(laid.doc.tags[static_cast<size_t>(p->tag)].role, "Figure");
    EXPECT_EQ(laid.doc.tags[static_cast<size_t>(p->tag)].alt, "https://example.org/20-yanvar");
    for (const model::PathSegment& s : p->segments) {
      if (s.op == model::PathSegment::Op::Close) continue;
      EXPECT_GE(s.x1, 300 - 0.01);
      EXPECT_LE(s.x1, 340 + 0.01);
    }
  }
  // Read last: after the headline.
  EXPECT_EQ(laid.doc.tags[static_cast<size_t>(paths[0]->tag)].parent, 0);
  EXPECT_EQ(laid.doc.tags[0].children.back(), paths[0]->tag);
}

}  // namespace
}  // namespace jan20::layout::testing
