// Character protrusion (text/protrusion.h): the tables, and typeset_paragraph
// hanging punctuation into the margins of justified lines by the tables'
// share of the glyph's advance, with Knuth–Plass counting it.
#include <gtest/gtest.h>

#include <string>

#include "core/utf.h"
#include "font/face.h"
#include "text/paragraph.h"
#include "text/protrusion.h"
#include "text/shape_cache.h"
#include "test_fonts.h"

namespace jan20::text {
namespace {

using test::kNaskh;
using test::kSerif;
using test::load;

constexpr double kSize = 10.5;

// A justified paragraph with full stops, commas, a hyphenated compound, an
// em dash and parentheses (one opens its first line), at a measure that
// gives about a dozen lines.
const std::string kText =
    "(Hər il yanvarın iyirmisində) xalq Şəhidlər xiyabanını ziyarət edir. (Qərənfillər qoyulur.) "
    "Müstəqilliyimizin qəhrəmanlıq səhifələri xalqımızın yaddaşında əbədiləşdirilmişdir, "
    "nümayəndələrimiz beynəlxalq təşkilatlarda həqiqətləri çatdırırlar. Faciənin ağırlığı — yüz əlli "
    "dinc sakin — unudulmur. \"Yaddaş\" sözü burada sadə deyil: o, borcdur; həm də vəsiyyətdir. "
    "(Bu sətirlər 1990-cı ilin xatirəsinədir.) Hər il, hər yanvar, hər ev bu günü yad edir.";

ParagraphInput paragraph(const font::Face* face, bool protrusion) {
  ParagraphInput in;
  in.text = kText;
  StyledSpan span;
  span.end = kText.size();
  span.style.face = face;
  span.style.size = kSize;
  in.spans.push_back(span);
  in.lang = "az";
  in.align = model::Align::Justify;
  in.measure = 150;
  in.params.protrusion = protrusion;
  in.params.tolerance = 3;  // a narrow measure: let every line be set without the emergency pass
  return in;
}

double advance_pt(const font::Face& face, const model::Glyph& g) { return g.x_advance * kSize / face.units_per_em(); }

double right_end(const Line& line, const font::Face& face) {
  const model::GlyphRun& run = line.runs.back();
  double x = run.x;
  for (const auto& g : run.glyphs) x += advance_pt(face, g) * run.hscale + g.extra;
  return x;
}

// The character a line's last glyph stands for: the inserted hyphen's when the
// line ends at a hyphenation point, else the last code point of the run's text.
char32_t last_char(const Line& line) {
  const model::GlyphRun& run = line.runs.back();
  if (run.glyphs.back().text_begin == run.glyphs.back().text_end) return U'\u2010';
  char32_t c = 0;
  for (size_t at = 0; at < run.text.size();) c = utf8_next(run.text, at);
  return c;
}

TEST(Protrusion, TablesHangPunctuationAndNeverLetters) {
  auto serif = load(kSerif);
  auto naskh = load(kNaskh);
  ASSERT_TRUE(serif && naskh);
  EXPECT_DOUBLE_EQ(protrusion_of(serif.get(), U'.').right, 0.70);
  EXPECT_DOUBLE_EQ(protrusion_of(serif.get(), U'\u2010').right, 0.70);
  EXPECT_DOUBLE_EQ(protrusion_of(serif.get(), U'\u2014').right, 0.30);
  EXPECT_DOUBLE_EQ(protrusion_of(serif.get(), U'(').left, 0.20);
  EXPECT_DOUBLE_EQ(protrusion_of(serif.get(), U'(').right, 0);
  EXPECT_DOUBLE_EQ(protrusion_of(serif.get(), U'\u201C').left, 0.50);
  for (char32_t c : {U'a', U'ə', U'Z', U'1', U' '}) {
    EXPECT_EQ(protrusion_of(serif.get(), c).left, 0) << static_cast<uint32_t>(c);
    EXPECT_EQ(protrusion_of(serif.get(), c).right, 0) << static_cast<uint32_t>(c);
  }
  // A font without a table of its own takes the default one.
  EXPECT_DOUBLE_EQ(protrusion_of(naskh.get(), U'.').right, 0.70);
  EXPECT_DOUBLE_EQ(protrusion_of(nullptr, U'-').right, 0.70);
}

TEST(Protrusion, JustifiedLinesHangPunctuationByTheTablesShare) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphInput in = paragraph(face.get(), true);
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_GE(result.lines.size(), 8u);
  int hanging = 0, flush = 0, left = 0;
  for (size_t i = 0; i + 1 < result.lines.size(); ++i) {  // the last line is not justified
    const Line& line = result.lines[i];
    const model::Glyph& last = line.runs.back().glyphs.back();
    const double share = protrusion_of(face.get(), last_char(line)).right;
    SCOPED_TRACE(line.runs.back().text);
    EXPECT_NEAR(line.protrusion_right, share * advance_pt(*face, last), 1e-9);
    EXPECT_NEAR(right_end(line, *face), in.measure + line.protrusion_right, 1e-6);
    (share > 0 ? hanging : flush) += 1;
    const model::GlyphRun& first = line.runs.front();
    if (first.text.rfind("(", 0) == 0 || first.text.rfind("\"", 0) == 0) {
      const double expected = protrusion_of(face.get(), static_cast<char32_t>(first.text[0])).left *
                              advance_pt(*face, first.glyphs.front());
      EXPECT_GT(expected, 0);
      EXPECT_NEAR(first.x, -expected, 1e-9);
      ++left;
    } else {
      EXPECT_NEAR(first.x, 0, 1e-9);
    }
  }
  EXPECT_GE(hanging, 2);  // the assertions met both kinds of line
  EXPECT_GE(flush, 2);
  EXPECT_GE(left, 1);  // the first line's "("
}

TEST(Protrusion, OffOrRaggedEveryLineStaysInsideTheMeasure) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  DiagnosticSink sink;
  ParagraphInput off = paragraph(face.get(), false);
  ParagraphInput ragged = paragraph(face.get(), true);
  ragged.align = model::Align::Left;
  for (const ParagraphInput* in : {&off, &ragged}) {
    const ParagraphResult result = typeset_paragraph(*in, cache, sink);
    ASSERT_GE(result.lines.size(), 8u);
    for (size_t i = 0; i < result.lines.size(); ++i) {
      const Line& line = result.lines[i];
      EXPECT_EQ(line.protrusion_left, 0);
      EXPECT_EQ(line.protrusion_right, 0);
      EXPECT_GE(line.runs.front().x, 0);
      if (in == &off && i + 1 < result.lines.size()) {
        EXPECT_NEAR(right_end(line, *face), in->measure, 1e-6);
      }
      EXPECT_LE(right_end(line, *face), in->measure + 1e-6);
    }
  }
}

// Knuth–Plass sees what hangs out: with protrusion a line's natural width is
// less, so the same text never needs more lines, and the set lines' spaces
// are looser or equal where a line ends with punctuation.
TEST(Protrusion, TheBreakerCountsIt) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult on = typeset_paragraph(paragraph(face.get(), true), cache, sink);
  const ParagraphResult off = typeset_paragraph(paragraph(face.get(), false), cache, sink);
  EXPECT_LE(on.lines.size(), off.lines.size());
  // A line's width between the margins is the measure, whatever hangs out.
  for (size_t i = 0; i + 1 < on.lines.size(); ++i) EXPECT_NEAR(on.lines[i].width, 150, 1e-6);
}

}  // namespace
}  // namespace jan20::text
