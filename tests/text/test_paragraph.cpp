// typeset_paragraph with real fonts: a long Azerbaijani paragraph in Noto Serif
// 10.5 pt at 100 mm, and the smaller promises (ties, hyphens, alignment,
// links, tracking, right-to-left text, overfull words and their location).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <memory>
#include <string>
#include <vector>

#include "core/units.h"
#include "core/utf.h"
#include "font/face.h"
#include "support/test_support.h"
#include "text/paragraph.h"
#include "text/shape_cache.h"
#include "test_fonts.h"

namespace jan20::text {
namespace {

using test::kSerif;
using test::kNaskh;
using test::load;

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

ParagraphInput paragraph(const std::string& text, const font::Face* face, double measure,
                         model::Align align = model::Align::Justify) {
  ParagraphInput in = test::one_span_paragraph(text, face, measure, "az");
  in.spans[0].where = {"content/test.toml", 12, 9};
  in.align = align;
  return in;
}

// The text a line shows, from its glyphs' text ranges (inserted hyphens
// cover nothing), in logical order: runs by where their text is in the
// paragraph, glyphs by their text ranges (right-to-left runs are drawn
// backwards).
std::string shown_text(const Line& line, const std::string& paragraph_text = {}) {
  std::vector<std::pair<size_t, const model::GlyphRun*>> runs;
  for (const auto& r : line.runs) {
    const size_t at = paragraph_text.empty() ? runs.size() : paragraph_text.find(r.text, line.text_begin);
    runs.push_back({at, &r});
  }
  std::stable_sort(runs.begin(), runs.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out;
  for (const auto& [at, r] : runs) {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (const auto& g : r->glyphs) ranges.push_back({g.text_begin, g.text_end});
    std::stable_sort(ranges.begin(), ranges.end());
    for (const auto& [b, e] : ranges) out += r->text.substr(b, e - b);
  }
  return out;
}

double run_width(const model::GlyphRun& run, const font::Face& face) {
  double w = 0;
  for (const auto& g : run.glyphs) w += g.x_advance * run.size / face.units_per_em() + g.extra;
  return w;
}

TEST(SetParagraph, LongAzerbaijaniParagraphIsJustifiedLikeTeX) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  const std::string text = trim(jan20::testing::read_file(jan20::testing::source_dir() + "/tests/text/data/paragraph_az.txt"));
  const double measure = mm_to_pt(100);
  ShapeCache cache;
  DiagnosticSink sink;
  // No time limit here: the speed of typeset_paragraph is measured in bench/ (BM_SetParagraph*).
  const ParagraphResult result = typeset_paragraph(paragraph(text, face.get(), measure), cache, sink);
  ASSERT_GE(result.lines.size(), 10u);
  EXPECT_TRUE(sink.diagnostics().empty()) << format_diagnostic(sink.diagnostics().front());

  int run_of_hyphens = 0, most_hyphens = 0, hyphenated = 0;
  std::string joined;
  for (size_t i = 0; i < result.lines.size(); ++i) {
    const Line& line = result.lines[i];
    EXPECT_FALSE(line.overfull) << "line " << i;
    double right = 0;
    for (const auto& run : line.runs) right = std::max(right, run.x + run_width(run, *face));
    if (i + 1 < result.lines.size()) {
      EXPECT_NEAR(line.width, measure, 0.01) << "line " << i;
      EXPECT_NEAR(right, measure, 0.01) << "line " << i;  // the glyphs really reach the right margin
      EXPECT_LE(line.ratio, 1.5) << "line " << i;
      EXPECT_GE(line.ratio, -1.0) << "line " << i;
    } else {
      EXPECT_LT(line.width, measure);
      EXPECT_EQ(line.ratio, 0);
    }
    run_of_hyphens = line.hyphenated ? run_of_hyphens + 1 : 0;
    most_hyphens = std::max(most_hyphens, run_of_hyphens);
    hyphenated += line.hyphenated;
    joined += shown_text(line);
    if (i + 1 < result.lines.size() && !line.hyphenated) joined += ' ';
    EXPECT_GT(line.ascent, 0);
    EXPECT_GT(line.descent, 0);
  }
  EXPECT_LE(most_hyphens, 2);
  EXPECT_EQ(joined, text);  // nothing lost, nothing doubled, hyphens not in the text
  // The lines' byte ranges tile the paragraph.
  EXPECT_EQ(result.lines.front().text_begin, 0u);
  EXPECT_EQ(result.lines.back().text_end, text.size());
  for (size_t i = 1; i < result.lines.size(); ++i)
    EXPECT_EQ(result.lines[i].text_begin, result.lines[i - 1].text_end);
  EXPECT_GT(cache.hits(), 0u);  // repeated words (insan, gecə, və) come from the cache
  (void)hyphenated;
}

TEST(SetParagraph, InsertedHyphenIsAGlyphWithoutText) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  // Long words at a narrow measure: some line must end at a hyphenation point.
  const std::string text =
      "Müstəqilliyimizin qəhrəmanlıq səhifələri xalqımızın yaddaşında əbədiləşdirilmişdir, "
      "nümayəndələrimiz beynəlxalq təşkilatlarda həqiqətləri çatdırırlar.";
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult result = typeset_paragraph(paragraph(text, face.get(), 120), cache, sink);
  int hyphenated = 0;
  const uint32_t hyphen = face->glyph_for(0x2010) ? face->glyph_for(0x2010) : face->glyph_for('-');
  for (const Line& line : result.lines) {
    if (!line.hyphenated) continue;
    ++hyphenated;
    const model::GlyphRun& last = line.runs.back();
    EXPECT_TRUE(last.hyphenated);
    ASSERT_FALSE(last.glyphs.empty());
    EXPECT_EQ(last.glyphs.back().id, hyphen);
    EXPECT_EQ(last.glyphs.back().text_begin, last.glyphs.back().text_end);
    EXPECT_EQ(last.text.find("\u2010"), std::string::npos);
    EXPECT_EQ(last.text.find('-'), std::string::npos);
  }
  EXPECT_GT(hyphenated, 0);
}

double natural(const std::string& text, const font::Face* face, ShapeCache& cache) {
  DiagnosticSink sink;
  const ParagraphResult r = typeset_paragraph(paragraph(text, face, 1000, model::Align::Left), cache, sink);
  EXPECT_EQ(r.lines.size(), 1u);
  return r.lines.empty() ? 0 : r.lines[0].natural_width;
}

TEST(SetParagraph, TwentyJanuaryStaysOnOneLine) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  // A measure where "Hər il 20" fits and "Hər il 20 Yanvar" does not: the
  // line would end after the number, if the number could be parted from its
  // month; the month is not hyphenated away from it either.
  const double measure = natural("20 Yanvar", face.get(), cache) + 0.5;
  ASSERT_LE(natural("Hər il 20", face.get(), cache), measure);
  ASSERT_GT(natural("Hər il 20 Yanvar", face.get(), cache), measure);

  for (model::Align align : {model::Align::Left, model::Align::Justify}) {
    DiagnosticSink sink;
    const ParagraphResult result = typeset_paragraph(
        paragraph("Hər il 20 Yanvar ümumxalq hüzn günüdür, həmin gecə 150 nəfər həlak oldu", face.get(), measure,
                  align),
        cache, sink);
    ASSERT_GE(result.lines.size(), 3u);
    EXPECT_TRUE(sink.diagnostics().empty());
    bool together = false;
    for (const Line& line : result.lines) {
      const std::string shown = shown_text(line);
      EXPECT_NE(shown.substr(shown.size() >= 2 ? shown.size() - 2 : 0), "20") << shown;
      EXPECT_NE(shown.substr(shown.size() >= 3 ? shown.size() - 3 : 0), "150") << shown;
      together = together || shown == "20 Yanvar";
    }
    EXPECT_TRUE(together);
  }
}

TEST(SetParagraph, RaggedAlignmentsPlaceLinesAndKeepSpacesNatural) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  const std::string text = "Şəhidlər xiyabanında insanlar məzarların üstünə qərənfil qoyur, xatirələri yad edir.";
  ShapeCache cache;
  DiagnosticSink sink;
  const double measure = 150;
  for (model::Align align : {model::Align::Left, model::Align::Right, model::Align::Center}) {
    const ParagraphResult result = typeset_paragraph(paragraph(text, face.get(), measure, align), cache, sink);
    ASSERT_GE(result.lines.size(), 2u);
    for (const Line& line : result.lines) {
      ASSERT_FALSE(line.runs.empty());
      EXPECT_NEAR(line.width, line.natural_width, 1e-9);  // spaces are not stretched
      const double left = line.runs.front().x;
      const double right = line.runs.back().x + run_width(line.runs.back(), *face);
      if (align == model::Align::Left) {
        EXPECT_NEAR(left, 0, 1e-9);
      } else if (align == model::Align::Right) {
        EXPECT_NEAR(right, measure, 1e-6);
      } else {
        EXPECT_NEAR(left, measure - right, 1e-6);
      }
      EXPECT_LE(right, measure + 0.1);
    }
  }
}

TEST(SetParagraph, TrackingStopsAtTheLastGlyphOfALine) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ParagraphInput in = paragraph("20 YANVAR", face.get(), 200, model::Align::Center);
  in.spans[0].style.tracking = 100;  // 0.1 em after every glyph but the last
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_EQ(result.lines.size(), 1u);
  const Line& line = result.lines[0];
  ASSERT_EQ(line.runs.size(), 1u);
  const auto& glyphs = line.runs[0].glyphs;
  EXPECT_NEAR(glyphs.front().extra, 1.05, 1e-9);
  EXPECT_EQ(glyphs.back().extra, 0);
  const double left = line.runs[0].x, right = left + run_width(line.runs[0], *face);
  EXPECT_NEAR(left, 200 - right, 1e-9);  // centred on the ink, not on a trailing letter space
}

TEST(SetParagraph, FirstLineIndent) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  DiagnosticSink sink;
  ParagraphInput in = paragraph(trim(jan20::testing::read_file(jan20::testing::source_dir() +
                                                                "/tests/text/data/paragraph_az.txt")),
                                face.get(), 250);
  in.first_indent = 12;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_GE(result.lines.size(), 2u);
  EXPECT_NEAR(result.lines[0].runs.front().x, 12, 1e-9);
  EXPECT_NEAR(result.lines[0].width, 250, 0.01);
  EXPECT_NEAR(result.lines[1].runs.front().x, 0, 1e-9);
}

TEST(SetParagraph, AWordWiderThanTheMeasureIsReportedWhereItIs) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  DiagnosticSink sink;
  ParagraphInput in = paragraph("Bu söz Azərbaycanlılaşdırılmışlardan uzundur.", face.get(), 80);
  in.hyphenate = false;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  int overfull = 0;
  for (const Line& line : result.lines) overfull += line.overfull;
  EXPECT_EQ(overfull, 1);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  const Diagnostic& d = sink.diagnostics()[0];
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.where.file, "content/test.toml");
  EXPECT_EQ(d.where.line, 12);
  EXPECT_EQ(d.where.column, 9 + 7);  // the span starts at column 9; the word 7 characters later
  EXPECT_NE(d.message.find("Azərbaycanlılaşdırılmışlardan"), std::string::npos) << d.message;
  EXPECT_FALSE(d.hint.empty());
}

TEST(SetParagraph, LinksTrackingAndSpans) {
  auto regular = load(kSerif, 0);
  auto bold = load("/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf", 1);
  ASSERT_TRUE(regular && bold);
  ParagraphInput in;
  in.text = "Ətraflı məlumat: www.e-qanun.az saytında.";
  const size_t link_begin = in.text.find("www");
  const size_t link_end = in.text.find(" saytında");
  StyledSpan a, b, c;
  a.begin = 0;
  a.end = link_begin;
  a.style.face = regular.get();
  a.style.tracking = 50;  // 0.05 em
  b.begin = link_begin;
  b.end = link_end;
  b.style.face = bold.get();
  b.link = "https://e-qanun.az";
  c.begin = link_end;
  c.end = in.text.size();
  c.style.face = regular.get();
  in.spans = {a, b, c};
  in.measure = 400;
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_EQ(result.lines.size(), 1u);
  const Line& line = result.lines[0];
  ASSERT_EQ(line.runs.size(), 3u);
  EXPECT_EQ(line.runs[1].font, 1);
  EXPECT_EQ(line.runs[1].text, "www.e-qanun.az");
  EXPECT_NEAR(line.runs[0].glyphs[0].extra, 0.05 * 10.5, 1e-9);
  EXPECT_EQ(line.runs[2].glyphs[0].extra, 0);
  ASSERT_EQ(line.links.size(), 1u);
  EXPECT_EQ(line.links[0].uri, "https://e-qanun.az");
  EXPECT_NEAR(line.links[0].x, line.runs[1].x, 1e-9);
  EXPECT_NEAR(line.links[0].width, run_width(line.runs[1], *bold), 1e-9);
  EXPECT_EQ(shown_text(line), in.text);
}

TEST(SetParagraph, RightToLeftParagraph) {
  auto naskh = load(kNaskh);
  ASSERT_TRUE(naskh);
  ParagraphInput in = paragraph("یئرمی یانوار آذربایجان خالقینین حزن گونودور", naskh.get(), 120);
  in.lang = "az-Arab";
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_GE(result.lines.size(), 2u);
  std::string joined;
  for (size_t i = 0; i < result.lines.size(); ++i) {
    const Line& line = result.lines[i];
    ASSERT_FALSE(line.runs.empty());
    EXPECT_TRUE(line.runs.front().rtl);
    // Right-aligned: the last line too ends at the right margin.
    const double right = line.runs.back().x + run_width(line.runs.back(), *naskh);
    EXPECT_NEAR(right, 120, 0.01) << "line " << i;
    joined += shown_text(line, in.text);
    if (i + 1 < result.lines.size()) joined += ' ';
  }
  EXPECT_EQ(joined, in.text);
}

TEST(SetParagraph, EnglishIsHyphenatedWithItsPatternsReadOncePerBuild) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ParagraphInput in = paragraph(
      "On the night of the twentieth of January the commemoration of independence brought "
      "extraordinary representatives of international organizations together.",
      face.get(), 110);
  in.lang = "en";
  Hyphenators hyphenators(in.hyphenation);
  in.hyphenators = &hyphenators;
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  const Hyphenator* first = &hyphenators.get("en");
  int hyphenated = 0;
  std::string joined;
  for (size_t i = 0; i < result.lines.size(); ++i) {
    hyphenated += result.lines[i].hyphenated;
    joined += shown_text(result.lines[i]);
    if (i + 1 < result.lines.size() && !result.lines[i].hyphenated) joined += ' ';
  }
  EXPECT_GT(hyphenated, 0);
  EXPECT_EQ(joined, in.text);
  typeset_paragraph(in, cache, sink);
  EXPECT_EQ(&hyphenators.get("en"), first);  // the same hyphenator, patterns loaded once
}

TEST(SetParagraph, AWordInTwoStylesKeepsItsText) {
  auto regular = load(kSerif, 0);
  auto bold = load("/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf", 1);
  ASSERT_TRUE(regular && bold);
  ParagraphInput in = paragraph("Azərbaycan xalqının müstəqilliyi", regular.get(), 60);
  // "bay" in bold, in the middle of a word.
  const size_t b = in.text.find("bay"), e = b + 3;
  StyledSpan tail = in.spans[0];
  StyledSpan middle = in.spans[0];
  in.spans[0].end = b;
  middle.begin = b;
  middle.end = e;
  middle.style.face = bold.get();
  tail.begin = e;
  in.spans = {in.spans[0], middle, tail};
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_FALSE(result.lines.empty());
  std::string joined;
  bool saw_bold = false;
  for (size_t i = 0; i < result.lines.size(); ++i) {
    for (const auto& run : result.lines[i].runs) saw_bold = saw_bold || (run.font == 1 && run.text == "bay");
    joined += shown_text(result.lines[i]);
    if (i + 1 < result.lines.size() && !result.lines[i].hyphenated) joined += ' ';
  }
  EXPECT_TRUE(saw_bold);
  EXPECT_EQ(joined, in.text);
}

TEST(SetParagraph, HardHyphensDashesAndLineSeparators) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  DiagnosticSink sink;
  // The line may end after the hard hyphen of "sosial-iqtisadi"; the hyphen
  // is the text's own, not an inserted one.
  ParagraphInput in = paragraph("Ölkənin sosial-iqtisadi vəziyyəti", face.get(), 90, model::Align::Left);
  in.hyphenate = false;
  ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_EQ(result.lines.size(), 2u);
  EXPECT_EQ(shown_text(result.lines[0]), "Ölkənin sosial-");
  EXPECT_TRUE(result.lines[0].hyphenated);
  EXPECT_FALSE(result.lines[0].runs.back().hyphenated);  // nothing was inserted
  EXPECT_EQ(shown_text(result.lines[1]), "iqtisadi vəziyyəti");

  // A line separator ends the line; a justified paragraph sets that line
  // like a last line.
  ParagraphInput sep = paragraph("Birinci sətir\u2028ikinci sətir daha uzundur", face.get(), 200);
  result = typeset_paragraph(sep, cache, sink);
  ASSERT_EQ(result.lines.size(), 2u);
  EXPECT_EQ(shown_text(result.lines[0]), "Birinci sətir");
  EXPECT_EQ(result.lines[0].ratio, 0);
  EXPECT_LT(result.lines[0].width, 150);
  EXPECT_TRUE(sink.diagnostics().empty());
}

TEST(SetParagraph, AStyleChangeBeforeACombiningMarkKeepsTheGlyphWhole) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ParagraphInput in = paragraph("e\u0301lan", face.get(), 100);  // é as e + U+0301
  StyledSpan second = in.spans[0];
  in.spans[0].end = 1;
  second.begin = 1;
  second.style.tracking = 20;
  in.spans.push_back(second);
  ShapeCache cache;
  DiagnosticSink sink;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_EQ(result.lines.size(), 1u);
  EXPECT_EQ(shown_text(result.lines[0]), in.text);
  // HarfBuzz composes é; the glyph stands for both characters, in one run.
  const model::GlyphRun& first = result.lines[0].runs.front();
  EXPECT_EQ(first.text.substr(first.glyphs[0].text_begin, first.glyphs[0].text_end - first.glyphs[0].text_begin),
            "e\u0301");
}

TEST(SetParagraph, AnOverfullWordBeforeALineSeparatorLeavesNoEmptyLine) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  ShapeCache cache;
  DiagnosticSink sink;
  ParagraphInput in = paragraph("Azərbaycanlılaşdırılmışlardan\u2028sonra", face.get(), 50, model::Align::Left);
  in.hyphenate = false;
  const ParagraphResult result = typeset_paragraph(in, cache, sink);
  ASSERT_EQ(result.lines.size(), 2u);
  EXPECT_TRUE(result.lines[0].overfull);
  EXPECT_EQ(shown_text(result.lines[1]), "sonra");
}

// Every character of random paragraphs (words, numbers, no-break spaces,
// dashes, line separators, Arabic, combining marks, style changes anywhere,
// any alignment, absurd measures) is shown exactly once, and the lines' text
// ranges tile the paragraph.
TEST(SetParagraph, RandomParagraphsKeepEveryCharacter) {
  auto face = load(kSerif, 0);
  auto naskh = load(kNaskh, 1);
  ASSERT_TRUE(face && naskh);
  const std::vector<std::string> atoms = {
      "xalqımızın", "müstəqillik", " ", " ", "\u00A0", "-", "1990", "-cı", "20", " Yanvar", "İSTİQLAL", "H.",
      "«", "»", ",", "—", "/", "\u2028", "آذربایجان", "a", "Bakı'nın", "\u202F", "e\u0301", "\t",
      "sosial-iqtisadi", "Azərbaycanlılaşdırılmışlardan", "office"};
  auto without_spaces = [](const std::string& s) {
    std::u32string out;
    for (char32_t c : utf8_to_u32(s))
      if (c != ' ' && c != '\t' && c != 0xA0 && c != 0x202F && c != 0x2028) out += c;
    std::sort(out.begin(), out.end());
    return out;
  };
  std::mt19937 rng(20);
  ShapeCache cache;
  Hyphenators hyphenators({});
  for (int trial = 0; trial < 400; ++trial) {
    std::string t;
    for (int i = 0, n = static_cast<int>(rng() % 20); i < n; ++i) t += atoms[rng() % atoms.size()];
    ParagraphInput in = paragraph(t, face.get(), (rng() % 4 == 0) ? 5 : 30 + rng() % 300,
                                  static_cast<model::Align>(rng() % 4));
    in.hyphenators = &hyphenators;
    in.spans[0].style.fallbacks = {naskh.get()};
    size_t cut = rng() % (t.size() + 1);
    while (cut < t.size() && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) ++cut;
    if (cut > 0 && cut < t.size()) {
      StyledSpan second = in.spans[0];
      in.spans[0].end = cut;
      second.begin = cut;
      second.style.tracking = 20;
      if (rng() % 2) second.style.features = {"-liga"};
      in.spans.push_back(second);
    }
    in.first_indent = rng() % 3 == 0 ? 10 : 0;
    DiagnosticSink sink;
    const ParagraphResult result = typeset_paragraph(in, cache, sink);
    if (without_spaces(t).empty()) continue;
    ASSERT_FALSE(result.lines.empty()) << t;
    EXPECT_EQ(result.lines.back().text_end, t.size()) << t;
    for (size_t i = 0; i < result.lines.size(); ++i) {
      const Line& line = result.lines[i];
      if (i > 0) {
        EXPECT_EQ(line.text_begin, result.lines[i - 1].text_end) << t;
      }
      std::string shown;
      for (const auto& run : line.runs)
        for (const auto& g : run.glyphs) {
          ASSERT_LE(g.text_begin, g.text_end);
          ASSERT_LE(g.text_end, run.text.size());
          shown += run.text.substr(g.text_begin, g.text_end - g.text_begin);
        }
      EXPECT_EQ(without_spaces(shown), without_spaces(t.substr(line.text_begin, line.text_end - line.text_begin)))
          << "trial " << trial << ": " << t;
    }
  }
}

}  // namespace
}  // namespace jan20::text
