// From glyph runs to CIDs, ToUnicode texts and ActualText spans; the page
// geometry and the structure tree's reading order. Pure functions.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "pdf/glyph_font.h"
#include "pdf/glyph_run.h"
#include "pdf/page_geometry.h"
#include "pdf/structure.h"

namespace jan20::pdf {
namespace {

// A run with one glyph per entry: {gid, text_begin, text_end}.
model::GlyphRun make_run(const std::string& text, std::vector<std::array<uint32_t, 3>> glyphs, bool rtl = false) {
  model::GlyphRun run;
  run.text = text;
  run.rtl = rtl;
  run.size = 10;
  for (const auto& g : glyphs) {
    model::Glyph glyph;
    glyph.id = g[0];
    glyph.text_begin = g[1];
    glyph.text_end = g[2];
    glyph.x_advance = 500;
    run.glyphs.push_back(glyph);
  }
  return run;
}

// A toy cmap: 'a'..'z' -> 1..26, U+0259 (ə) -> 30, U+0303 -> 31, '-' -> 40.
uint32_t toy_cmap(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 'a' + 1;
  if (c == 0x0259) return 30;
  if (c == 0x0303) return 31;
  if (c == '-') return 40;
  if (c == ' ') return 50;
  return 0;
}

std::vector<std::string> texts_of(const model::GlyphRun& run) {
  return glyph_texts(run, toy_cmap);
}

TEST(GlyphTexts, LigatureKeepsAllItsCharacters) {
  // "ffi" shaped to one ligature glyph (99) covering bytes 0..3.
  model::GlyphRun run = make_run("ffix", {{99, 0, 3}, {24, 3, 4}});
  EXPECT_EQ(texts_of(run), (std::vector<std::string>{"ffi", "x"}));
}

TEST(GlyphTexts, CombiningMarkSplitByTheCmap) {
  // "ə̃" is one cluster of two glyphs; the mark's range is empty.
  model::GlyphRun run = make_run("ə̃", {{30, 0, 4}, {31, 4, 4}});
  EXPECT_EQ(texts_of(run), (std::vector<std::string>{"ə", "\u0303"}));
}

TEST(GlyphTexts, UnalignableClusterGoesToItsFirstGlyph) {
  // The mark glyph (77) is not what the cmap gives U+0303: no split.
  model::GlyphRun run = make_run("ə̃", {{30, 0, 4}, {77, 4, 4}});
  EXPECT_EQ(texts_of(run), (std::vector<std::string>{"ə̃", ""}));
}

TEST(GlyphTexts, InsertedHyphenIsAHyphenAtTheLineEnd) {
  model::GlyphRun run = make_run("ab", {{1, 0, 1}, {2, 1, 2}, {40, 2, 2}});
  run.hyphenated = true;
  auto clusters = clusters_of(run);
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_TRUE(clusters[2].inserted_hyphen);
  EXPECT_EQ(texts_of(run), (std::vector<std::string>{"a", "b", "-"}));
}

TEST(WritingOrder, RightToLeftIsReversedVisualOrder) {
  model::GlyphRun run = make_run("abc", {{3, 2, 3}, {2, 1, 2}, {1, 0, 1}}, true);
  EXPECT_EQ(writing_order(run), (std::vector<size_t>{2, 1, 0}));
  EXPECT_EQ(texts_of(run), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(AssignCids, TrueTypeGetsACidPerGlyphAndText) {
  FontUse use;
  use.gids = {40, 30};
  use.texts[40]["-"] = 3;
  use.texts[40]["\u00AD"] = 1;
  use.texts[30]["ə"] = 2;
  std::map<uint32_t, uint32_t> old_to_new{{30, 1}, {40, 2}};
  std::vector<uint16_t> cid_to_gid;
  GlyphMapping m = assign_cids(use, old_to_new, [](uint32_t g) { return g == 40 ? 322 : 555; }, 1000, true, &cid_to_gid);
  EXPECT_EQ(m.cid.at({30, "ə"}), 1);
  EXPECT_EQ(m.cid.at({40, "-"}), 2);
  EXPECT_EQ(m.cid.at({40, "\u00AD"}), 3);
  EXPECT_EQ(cid_to_gid, (std::vector<uint16_t>{0, 1, 2, 2}));
  EXPECT_EQ(m.unicode.at(2), "-");
  EXPECT_EQ(m.unicode.at(3), "\u00AD");
  EXPECT_EQ(m.width.at(3), 322);
}

TEST(AssignCids, CffCidIsTheGlyphAndTheCommonestTextMaps) {
  FontUse use;
  use.texts[40]["-"] = 3;
  use.texts[40]["\u00AD"] = 1;
  std::map<uint32_t, uint32_t> old_to_new{{40, 7}};
  GlyphMapping m = assign_cids(use, old_to_new, [](uint32_t) { return 2048; }, 2048, false, nullptr);
  EXPECT_EQ(m.cid.at({40, "-"}), 7);
  EXPECT_EQ(m.cid.at({40, "\u00AD"}), 7);
  EXPECT_EQ(m.unicode.at(7), "-");
  EXPECT_EQ(m.width.at(7), 1000);
}

// A run planned alone, each (glyph, text) pair its own CID from 1 in order
// of first use, every glyph 500 units wide.
struct Planned {
  GlyphPairs pairs;
  std::vector<PairId> ids;
  bool one_glyph = false;  // plan_run's answer
  GlyphMapping mapping;
};
Planned identity_mapping(const model::GlyphRun& run, const RunJoin* join = nullptr) {
  Planned p;
  std::vector<Cluster> clusters;
  std::vector<std::string_view> texts;
  p.one_glyph = plan_run(run, toy_cmap, join, p.pairs, p.ids, clusters, texts);
  for (uint32_t id = 0; id < p.pairs.size(); ++id) {
    auto cid = static_cast<uint16_t>(id + 1);
    p.mapping.cid[{p.pairs[id].gid, p.pairs[id].text}] = cid;
    p.mapping.width[cid] = 500;
    if (!p.pairs[id].text.empty()) p.mapping.unicode[cid] = p.pairs[id].text;
  }
  index_pairs(p.pairs, p.mapping);
  return p;
}

// As the page writer prepares a run: with plan_run's answer.
TextRunContent prepare_planned(const model::GlyphRun& run, const Planned& p, double x, double y,
                               const RunJoin* join = nullptr) {
  TextRunContent out;
  std::vector<Cluster> clusters;
  prepare_text_run(run, p.ids, p.one_glyph, p.mapping, "F1", x, y, join, out, clusters);
  return out;
}

TextRunContent prepare(const model::GlyphRun& run, double x, double y, const RunJoin* join = nullptr) {
  Planned p = identity_mapping(run, join);
  TextRunContent planned = prepare_planned(run, p, x, y, join);
  TextRunContent alone = prepare_text_run(run, p.ids, p.mapping, "F1", x, y, join);
  // The run prepared with plan_run's answer and with its own are the same.
  EXPECT_EQ(planned.spans.size(), alone.spans.size()) << run.text;
  for (size_t k = 0; k < std::min(planned.spans.size(), alone.spans.size()); ++k)
    EXPECT_TRUE(planned.spans[k].begin == alone.spans[k].begin && planned.spans[k].end == alone.spans[k].end &&
                planned.spans[k].text == alone.spans[k].text)
        << run.text << " span " << k;
  return planned;
}

TEST(PrepareTextRun, NoSpansWhenTheToUnicodeMapSaysItAll) {
  model::GlyphRun run = make_run("ə̃ab", {{30, 0, 4}, {31, 4, 4}, {1, 4, 5}, {2, 5, 6}});
  TextRunContent c = prepare(run, 10, 20);
  EXPECT_TRUE(c.spans.empty());
  ASSERT_EQ(c.glyphs.size(), 4u);
  EXPECT_EQ(c.glyphs[3].x, 1500);
}

TEST(PrepareTextRun, GlyphWithoutTextGetsAnActualTextSpanForItsCluster) {
  model::GlyphRun run = make_run("ə̃a", {{30, 0, 4}, {77, 4, 4}, {1, 4, 5}});
  TextRunContent c = prepare(run, 0, 0);
  ASSERT_EQ(c.spans.size(), 1u);
  EXPECT_EQ(c.spans[0].begin, 0u);
  EXPECT_EQ(c.spans[0].end, 2u);
  EXPECT_EQ(c.spans[0].text, "ə̃");
}

TEST(PrepareTextRun, OffsetsAndExtrasInThousandthsOfAnEm) {
  model::GlyphRun run = make_run("ab", {{1, 0, 1}, {2, 1, 2}});
  run.size = 20;
  model::Glyph first = run.glyphs[0], second = run.glyphs[1];
  first.extra = 1;         // 1 pt at 20 pt = 50 units
  second.x_offset = -20;   // font units, upem 2000 -> -10 units
  second.y_offset = 100;   // -> 50 units up
  run.glyphs.set(0, first);
  run.glyphs.set(1, second);
  Planned p = identity_mapping(run);
  p.mapping.units_per_em = 2000;
  TextRunContent c = prepare_text_run(run, p.ids, p.mapping, "F1", 0, 0);
  EXPECT_DOUBLE_EQ(c.glyphs[1].x, 250 + 50 - 10);
  EXPECT_DOUBLE_EQ(c.glyphs[1].rise, 50);
}

// Runs whose every glyph has text of its own (plan_run and prepare_text_run
// take them without building clusters) and runs with clusters of several
// glyphs, left to right and right to left, with and without the inserted
// hyphen.
std::vector<model::GlyphRun> runs_of_both_kinds() {
  std::vector<model::GlyphRun> runs;
  runs.push_back(make_run("ab c", {{1, 0, 1}, {2, 1, 2}, {50, 2, 3}, {3, 3, 4}}));
  runs.push_back(make_run("ab c", {{3, 3, 4}, {50, 2, 3}, {2, 1, 2}, {1, 0, 1}}, true));
  model::GlyphRun hyphenated = make_run("xal", {{24, 0, 1}, {1, 1, 2}, {12, 2, 3}, {40, 3, 3}});
  hyphenated.hyphenated = true;
  runs.push_back(hyphenated);
  model::GlyphRun hyphenated_rtl = make_run("xal", {{12, 2, 3}, {1, 1, 2}, {24, 0, 1}, {40, 3, 3}}, true);
  hyphenated_rtl.hyphenated = true;
  runs.push_back(hyphenated_rtl);
  runs.push_back(make_run("ə̃ab", {{30, 0, 4}, {31, 4, 4}, {1, 4, 5}, {2, 5, 6}}));
  runs.push_back(make_run("ə̃a", {{30, 0, 4}, {77, 4, 4}, {1, 4, 5}}));
  runs.push_back(make_run("fia", {{60, 0, 2}, {1, 2, 3}}));
  return runs;
}

TEST(PlanRun, EachGlyphsPairHasTheTextGlyphTextsGivesIt) {
  size_t glyphs = 0;
  for (const model::GlyphRun& run : runs_of_both_kinds()) {
    Planned p = identity_mapping(run);
    const std::vector<std::string> texts = texts_of(run);
    ASSERT_EQ(p.ids.size(), run.glyphs.size());
    for (size_t pos = 0; pos < run.glyphs.size(); ++pos) {
      EXPECT_EQ(p.pairs[p.ids[pos]].gid, run.glyphs.id(glyph_at(run, pos))) << run.text << " " << pos;
      EXPECT_EQ(p.pairs[p.ids[pos]].text, texts[pos]) << run.text << " " << pos;
      ++glyphs;
    }
  }
  EXPECT_EQ(glyphs, 25u);
}

TEST(PlanRun, SaysWhenEveryClusterIsOneGlyphWithTextOfItsOwn) {
  std::vector<bool> answers;
  for (const model::GlyphRun& run : runs_of_both_kinds()) answers.push_back(identity_mapping(run).one_glyph);
  // ab c, its RTL twin, the two hyphenated runs (the hyphen has no text but
  // is the inserted hyphen), then ə̃ twice (the tilde's glyph has no text of
  // its own), then the fi ligature (one glyph for "fi").
  EXPECT_EQ(answers, (std::vector<bool>{true, true, true, true, false, false, true}));
}

TEST(PrepareTextRun, AGlyphWhosePairMapsToOtherTextGetsASpan) {
  for (const model::GlyphRun& run : runs_of_both_kinds()) {
    Planned p = identity_mapping(run);
    const std::vector<std::string> texts = texts_of(run);
    // The glyph written last, with its text, now maps to "?".
    const size_t last = run.glyphs.size() - 1;
    p.mapping.unicode[p.mapping.cid.at({p.pairs[p.ids[last]].gid, p.pairs[p.ids[last]].text})] = "?";
    index_pairs(p.pairs, p.mapping);
    TextRunContent c = prepare_planned(run, p, 0, 0);
    ASSERT_FALSE(c.spans.empty()) << run.text;
    const ActualTextSpan& span = c.spans.back();
    EXPECT_EQ(span.end, run.glyphs.size()) << run.text;
    if (span.begin == last) {
      EXPECT_EQ(span.text, texts[last]) << run.text;
    }
  }
}

model::PagedDocument two_line_paragraph() {
  model::PagedDocument doc;
  doc.tags = {{"Document", -1, {1}}, {"P", 0, {}}};
  model::Page page;
  model::GlyphRun line1 = make_run("in ab", {{9, 0, 1}, {14, 1, 2}, {50, 2, 3}, {1, 3, 4}, {2, 4, 5}, {40, 5, 5}});
  line1.hyphenated = true;
  line1.tag = 1;
  model::GlyphRun folio = make_run("7", {{0, 0, 1}});
  folio.tag = -1;
  model::GlyphRun line2 = make_run("cd ef", {{3, 0, 1}, {4, 1, 2}, {50, 2, 3}, {5, 3, 4}, {6, 4, 5}});
  line2.tag = 1;
  page.items = {line1, folio, line2};
  doc.pages = {page};
  return doc;
}

TEST(HyphenJoins, LastWordGetsItsContinuationWhichIsHidden) {
  model::PagedDocument doc = two_line_paragraph();
  auto plan = plan_run_joins(doc, {});
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan.at(0, 0).tail, "cd");
  EXPECT_EQ(plan.at(0, 2).hidden_clusters, 2u);

  const auto& line1 = std::get<model::GlyphRun>(doc.pages[0].items[0]);
  const RunJoin join1 = plan.at(0, 0);
  TextRunContent c1 = prepare(line1, 0, 0, &join1);
  ASSERT_EQ(c1.spans.size(), 1u);
  EXPECT_EQ(c1.spans[0].begin, 3u);
  EXPECT_EQ(c1.spans[0].end, 6u);
  EXPECT_EQ(c1.spans[0].text, "abcd");

  const auto& line2 = std::get<model::GlyphRun>(doc.pages[0].items[2]);
  const RunJoin join2 = plan.at(0, 2);
  TextRunContent c2 = prepare(line2, 0, 0, &join2);
  ASSERT_EQ(c2.spans.size(), 1u);
  EXPECT_EQ(c2.spans[0].begin, 0u);
  EXPECT_EQ(c2.spans[0].end, 2u);
  EXPECT_EQ(c2.spans[0].text, "");
}

TEST(HyphenJoins, UntaggedRunsAreNotJoined) {
  model::PagedDocument doc = two_line_paragraph();
  for (auto& item : doc.pages[0].items) std::get<model::GlyphRun>(item).tag = -1;
  EXPECT_TRUE(plan_run_joins(doc, {}).empty());
}

TEST(HyphenJoins, WordOverThreeLinesChains) {
  model::PagedDocument doc;
  model::Page page;
  model::GlyphRun a = make_run("x ab", {{24, 0, 1}, {50, 1, 2}, {1, 2, 3}, {2, 3, 4}, {40, 4, 4}});
  model::GlyphRun b = make_run("cd", {{3, 0, 1}, {4, 1, 2}, {40, 2, 2}});
  model::GlyphRun c = make_run("ef y", {{5, 0, 1}, {6, 1, 2}, {50, 2, 3}, {25, 3, 4}});
  a.hyphenated = b.hyphenated = true;
  a.tag = b.tag = c.tag = 0;
  page.items = {a, b, c};
  doc.pages = {page};
  doc.tags = {{"P", -1, {}}};
  auto plan = plan_run_joins(doc, {});
  EXPECT_EQ(plan.at(0, 0).tail, "cdef");
  EXPECT_EQ(plan.at(0, 1).hidden_clusters, 3u);  // c, d and its hyphen
  EXPECT_EQ(plan.at(0, 1).tail, "");
  EXPECT_EQ(plan.at(0, 2).hidden_clusters, 2u);
}

TEST(PageGeometry, PrintAddsBleedAndMarksRoomScreenIsTrimOnly) {
  model::Page page;
  page.width = 419.53;
  page.height = 595.28;
  page.bleed = 8.5;
  PdfOptions print;
  PageGeometry g = page_geometry(page, print);
  EXPECT_DOUBLE_EQ(g.media.width(), 419.53 + 17);
  EXPECT_DOUBLE_EQ(g.trim.left, 8.5);
  EXPECT_DOUBLE_EQ(g.bleed.left, 0);
  EXPECT_DOUBLE_EQ(g.pdf_y(0), 8.5 + 595.28);
  print.marks = true;
  g = page_geometry(page, print);
  EXPECT_DOUBLE_EQ(g.media.width(), 419.53 + 2 * (8.5 + kMarkRoom));
  PdfOptions screen;
  screen.target = Target::Screen;
  g = page_geometry(page, screen);
  EXPECT_DOUBLE_EQ(g.media.width(), 419.53);
  EXPECT_DOUBLE_EQ(g.trim.left, 0);
  EXPECT_FALSE(g.print);
}

TEST(PrinterMarks, NeverTouchTheBleedAndStayOnTheMedia) {
  model::Page page;
  page.width = 300;
  page.height = 400;
  page.bleed = 8.5;
  PdfOptions options;
  options.marks = true;
  PageGeometry g = page_geometry(page, options);
  PrinterMarks m = printer_marks(g);
  ASSERT_EQ(m.lines.size(), 8u + 8u);
  auto inside_bleed = [&](double x, double y) {
    return x > g.bleed.left - 1 && x < g.bleed.right + 1 && y > g.bleed.bottom - 1 && y < g.bleed.top + 1;
  };
  for (const MarkLine& l : m.lines) {
    EXPECT_FALSE(inside_bleed(l.x1, l.y1)) << l.x1 << "," << l.y1;
    EXPECT_FALSE(inside_bleed(l.x2, l.y2)) << l.x2 << "," << l.y2;
    for (double v : {l.x1, l.x2}) EXPECT_TRUE(v >= 0 && v <= g.media.right);
    for (double v : {l.y1, l.y2}) EXPECT_TRUE(v >= 0 && v <= g.media.top);
  }
  ASSERT_EQ(m.circles.size(), 4u);
  for (const MarkCircle& c : m.circles) {
    double dx = std::max({g.bleed.left - c.cx, 0.0, c.cx - g.bleed.right});
    double dy = std::max({g.bleed.bottom - c.cy, 0.0, c.cy - g.bleed.top});
    EXPECT_GT(std::hypot(dx, dy), 1.5 * c.r);  // the cross reaches 1.5 r from the centre
  }
}

TEST(StructureKids, ChildrenInterleaveWithContentByFirstAppearance) {
  model::PagedDocument doc;
  // 0 P with content, a Link child (1) in the middle, and an empty child (2).
  doc.tags = {{"P", -1, {1, 2}}, {"Link", 0, {}}, {"Span", 0, {}}};
  std::vector<MarkedContent> marked = {{0, 0, 0}, {0, 1, 1}, {0, 2, 0}};
  EXPECT_EQ(structure_kids(doc, marked, {}, 0), (std::vector<int>{-1, 1, 2, -3}));
  EXPECT_EQ(structure_kids(doc, marked, {}, 1), (std::vector<int>{-2}));
  // A child known only by an annotation placed after the second content.
  std::vector<MarkedContent> text_only = {{0, 0, 0}, {0, 1, 0}};
  std::vector<TaggedAnnotation> link = {{0, nullptr, 1, 2}};
  EXPECT_EQ(structure_kids(doc, text_only, link, 0), (std::vector<int>{-1, -2, 1, 2}));
}

}  // namespace
}  // namespace jan20::pdf
