// Prepared words (text/linebreak/prepared_words.h): a word met again in the
// same style is copied from its first occurrence instead of being cut again.
// One scratch carried over many paragraphs in many settings — hyphenation on
// and off, capitals not hyphenated, justified and ragged, protrusion and
// font expansion, tracking, another size and face, a feature, tied words,
// hard hyphens, words in two styles, Arabic — must set each paragraph
// exactly as it is set alone with every cache off. The same holds for what
// the scratch keeps of texts set more than once (text/text_analysis.h: code
// points, runs, break opportunities), which those settings reuse.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "font/face.h"
#include "text/hyphenate.h"
#include "text/paragraph.h"
#include "text/shape_cache.h"
#include "test_fonts.h"

namespace jan20::text {
namespace {

using test::kNaskh;
using test::kSerif;
using test::kSerifBold;
using test::load;

// Everything a set paragraph hands on, as text.
std::string describe(const ParagraphResult& result) {
  std::string out = "pass " + std::to_string(result.pass) + " demerits " + std::to_string(result.demerits) + "\n";
  for (const Line& line : result.lines) {
    out += "line " + std::to_string(line.width) + " " + std::to_string(line.natural_width) + " " +
           std::to_string(line.ratio) + " " + std::to_string(line.expansion) + " " +
           std::to_string(line.protrusion_left) + " " + std::to_string(line.protrusion_right) + " " +
           std::to_string(line.hyphenated) + std::to_string(line.overfull) + " [" + std::to_string(line.text_begin) +
           "," + std::to_string(line.text_end) + ")\n";
    for (const auto& run : line.runs) {
      out += " run " + std::to_string(run.font) + " x " + std::to_string(run.x) + " h " + std::to_string(run.hscale) +
             " '" + run.text + "' " + run.lang + (run.rtl ? " rtl" : "") + (run.hyphenated ? " hyphen" : "") + ":";
      for (const auto& g : run.glyphs)
        out += " " + std::to_string(g.id) + "/" + std::to_string(g.x_advance) + "@" + std::to_string(g.x_offset) +
               "," + std::to_string(g.y_offset) + "+" + std::to_string(g.extra) + "[" + std::to_string(g.text_begin) +
               "," + std::to_string(g.text_end) + ")";
      out += "\n";
    }
  }
  return out;
}

struct Case {
  std::string name;
  ParagraphInput in;
};

ParagraphInput plain(const std::string& text, const font::Face* face, double measure, const std::string& lang = "az") {
  return test::one_span_paragraph(text, face, measure, lang);
}

TEST(PreparedWords, ParagraphsSetWithEarlierWordsAreSetAsAlone) {
  auto serif = load(kSerif, 0);
  auto bold = load(kSerifBold, 1);
  auto naskh = load(kNaskh, 2);
  ASSERT_TRUE(serif && bold && naskh);
  const std::string text =
      "«Xalqımızın yaddaşında» İyirmi Yanvar faciəsi müstəqillik uğrunda mübarizənin rəmzidir; «xalqımızın "
      "yaddaşında» şəhidlərin (xatirəsi) əbədi yaşayır, müstəqillik uğrunda mübarizənin rəmzi kimi; «Xalqımızın "
      "yaddaşında» (xatirəsi) «xalqımızın yaddaşında».";
  std::vector<Case> cases;
  cases.push_back({"justified, hyphenated", plain(text, serif.get(), 95)});
  cases.push_back({"again, wider", plain(text, serif.get(), 160)});
  {
    ParagraphInput in = plain(text, serif.get(), 95);
    in.params.protrusion = true;
    in.params.expansion = 0.02;
    in.params.expansion_step = 0.005;
    cases.push_back({"protrusion and expansion", in});
  }
  {
    ParagraphInput in = plain(text, serif.get(), 95);
    in.align = model::Align::Left;
    cases.push_back({"ragged", in});
  }
  {
    ParagraphInput in = plain(text, serif.get(), 95);
    in.hyphenate = false;
    cases.push_back({"not hyphenated", in});
  }
  {
    ParagraphInput in = plain(text, serif.get(), 95);
    in.params.uc_hyphen = false;
    cases.push_back({"capitals not hyphenated", in});
  }
  {
    ParagraphInput in = plain(text, serif.get(), 95);
    in.spans[0].style.tracking = 40;
    cases.push_back({"tracked", in});
  }
  {
    ParagraphInput in = plain(text, serif.get(), 120);
    in.spans[0].style.size = 12.5;
    cases.push_back({"larger", in});
  }
  cases.push_back({"bold", plain(text, bold.get(), 95)});
  {
    ParagraphInput in = plain(text, serif.get(), 95);
    in.spans[0].style.features = {"-kern"};
    cases.push_back({"without kerning", in});
  }
  cases.push_back({"tied words and hard hyphens",
                   plain("20\u00A0Yanvar 1990-cı il sosial-iqtisadi xalqımızın yaddaşında H.\u00A0Əliyev xalqımızın "
                         "yaddaşında sosial-iqtisadi mübarizənin rəmzidir",
                         serif.get(), 95)});
  {
    // "xalqımızın" with its middle in bold among the same words in one style.
    const std::string a = "xalqımızın yaddaşında xalq", b = "ımız", c = "ın yaddaşında xalqımızın rəmzidir";
    ParagraphInput in = plain(a + b + c, serif.get(), 95);
    in.spans.clear();
    size_t at = 0;
    int k = 0;
    for (const std::string* part : {&a, &b, &c}) {
      StyledSpan span;
      span.begin = at;
      span.end = at + part->size();
      span.style.face = k == 1 ? bold.get() : serif.get();
      span.style.size = 10.5;
      in.spans.push_back(span);
      at = span.end;
      ++k;
    }
    cases.push_back({"a word in two styles", in});
  }
  cases.push_back({"Arabic", plain("یئرمی یانوار آذربایجان خالقینین حزن گونودور یئرمی یانوار آذربایجان خالقینین حزن "
                                   "گونودور",
                                   naskh.get(), 90, "az-Arab")});
  cases.push_back({"justified, hyphenated, once more", plain(text, serif.get(), 95)});

  ShapeCache cache;
  Hyphenators hyphenators(HyphenationRules{});
  ParagraphScratch scratch;
  for (Case& c : cases) {
    ShapeCache off;
    off.set_enabled(false);
    DiagnosticSink sink;
    const std::string alone = describe(typeset_paragraph(c.in, off, sink));
    c.in.hyphenators = &hyphenators;
    const std::string carried = describe(typeset_paragraph(c.in, cache, sink, scratch));
    EXPECT_EQ(carried, alone) << c.name;
    EXPECT_NE(alone.find(" run "), std::string::npos) << c.name << ": nothing was set";
  }
  // The words were kept and used: the last paragraph repeats the first.
  EXPECT_GT(scratch.prepared_words(), 20u);
  // Eleven cases set the same text: the second keeps its analysis, and the
  // others with the same spans' faces and locations (all but bold) reuse it.
  EXPECT_GE(scratch.reused_analyses(), 8u);
  // Set again with a fresh scratch, every word is looked up in the shaping
  // cache; with the carried one, only the line ends reshaped there.
  DiagnosticSink sink;
  size_t hits = cache.hits();
  ParagraphScratch fresh;
  typeset_paragraph(cases.front().in, cache, sink, fresh);
  const size_t looked_up = cache.hits() - hits;
  const size_t misses = cache.misses();
  hits = cache.hits();
  typeset_paragraph(cases.front().in, cache, sink, scratch);
  EXPECT_EQ(cache.misses(), misses);
  EXPECT_GT(looked_up, 20u);
  EXPECT_LT((cache.hits() - hits) * 2, looked_up) << "the words came from the scratch, not the shaping cache";
}

// A poster's fill frame: the same paragraph at a dozen sizes and measures,
// round after round, in one scratch, against each set alone.
TEST(TextAnalyses, TheSameTextAtOtherScalesIsSetAsAlone) {
  auto serif = load(kSerif, 0);
  ASSERT_TRUE(serif);
  const std::string text =
      "Hər il 20 Yanvarda Azərbaycan xalqı faciənin qurbanlarını anır; Şəhidlər Xiyabanına gələnlər "
      "qərənfil düzür, xatirələrini yad edir.";
  ShapeCache cache;
  Hyphenators hyphenators(HyphenationRules{});
  ParagraphScratch scratch;
  int set = 0;
  for (int round = 0; round < 2; ++round)
    for (double scale : {1.0, 0.5, 2.2, 1.4, 0.9, 1.1, 3.0}) {
      ParagraphInput in = plain(text, serif.get(), 160 * (0.7 + 0.3 * scale));
      in.spans[0].style.size = 10.5 * scale;
      ShapeCache off;
      off.set_enabled(false);
      DiagnosticSink sink;
      const std::string alone = describe(typeset_paragraph(in, off, sink));
      in.hyphenators = &hyphenators;
      EXPECT_EQ(describe(typeset_paragraph(in, cache, sink, scratch)), alone) << "scale " << scale;
      EXPECT_NE(alone.find(" run "), std::string::npos) << "nothing was set";
      ++set;
    }
  EXPECT_EQ(scratch.reused_analyses(), static_cast<size_t>(set - 2)) << "kept from the second setting on";
}

// What itemize reports is reported again by every setting that reuses its
// analysis, at the place of the span that set it; another place or another
// face is another text to analyse.
TEST(TextAnalyses, ItemizeDiagnosticsAreReportedAtEveryUse) {
  auto serif = load(kSerif, 0);
  auto naskh = load(kNaskh, 2);
  ASSERT_TRUE(serif && naskh);
  const std::string text = "Yaddaş مه yaşayır";  // Arabic letters Noto Serif does not have
  ShapeCache cache;
  ParagraphScratch scratch;
  auto errors = [&](ParagraphInput in) {
    DiagnosticSink sink;
    typeset_paragraph(in, cache, sink, scratch);
    std::string out;
    for (const Diagnostic& d : sink.diagnostics())
      if (d.severity == Severity::Error) out += d.where.file + ":" + std::to_string(d.where.line) + ":" +
                                              std::to_string(d.where.column) + " " + d.message + "\n";
    return out;
  };
  ParagraphInput in = plain(text, serif.get(), 200);
  in.spans[0].where = {"content/poster/az.toml", 12, 9};
  const std::string first = errors(in);
  ASSERT_NE(first.find("content/poster/az.toml:12:16 "), std::string::npos) << first;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(errors(in), first);
  EXPECT_GE(scratch.reused_analyses(), 2u);
  in.spans[0].where.line = 30;
  EXPECT_NE(errors(in).find("content/poster/az.toml:30:16 "), std::string::npos);
  in.spans[0].style.fallbacks = {naskh.get()};
  EXPECT_EQ(errors(in), "") << "with a fallback face that has the letters";
}

// The same text with one part of the key changed at a time is analysed
// again, never taken from another's analysis: each variant is reused from its
// own second setting on, and is set as it is alone.
TEST(TextAnalyses, EachPartOfTheKeyMakesAnotherAnalysis) {
  auto serif = load(kSerif, 0);
  auto bold = load(kSerifBold, 1);
  ASSERT_TRUE(serif && bold);
  const std::string text = "sosial-iqtisadi 20 Yanvar xalqımızın yaddaşında sosial-iqtisadi mübarizənin";
  std::vector<Case> variants;
  variants.push_back({"as it is", plain(text, serif.get(), 70)});
  variants.push_back({"paragraph in English", plain(text, serif.get(), 70, "en")});
  {
    ParagraphInput in = plain(text, serif.get(), 70);
    in.spans[0].lang = "tr";
    variants.push_back({"span in Turkish", in});
  }
  for (size_t cut : {size_t{7}, size_t{16}}) {
    ParagraphInput in = plain(text, serif.get(), 70);
    StyledSpan second = in.spans[0];
    in.spans[0].end = cut;
    second.begin = cut;
    in.spans.push_back(second);
    variants.push_back({"two spans cut at " + std::to_string(cut), in});
  }
  {
    ParagraphInput in = plain(text, serif.get(), 70);
    in.hyphenation.min_left = 8;  // no break after "sosial-": too few letters before it
    variants.push_back({"hard hyphens need 8 letters", in});
  }
  variants.push_back({"bold", plain(text, bold.get(), 70)});

  ShapeCache cache;
  ParagraphScratch scratch;
  auto set = [&](const Case& c) {
    ShapeCache off;
    off.set_enabled(false);
    DiagnosticSink sink;
    const std::string alone = describe(typeset_paragraph(c.in, off, sink));
    EXPECT_NE(alone.find(" run "), std::string::npos) << c.name << ": nothing was set";
    EXPECT_EQ(describe(typeset_paragraph(c.in, cache, sink, scratch)), alone) << c.name;
  };
  for (int i = 0; i < 3; ++i) set(variants.front());  // seen, kept, reused
  ASSERT_EQ(scratch.reused_analyses(), 1u);
  for (size_t v = 1; v < variants.size(); ++v) {
    const size_t before = scratch.reused_analyses();
    set(variants[v]);
    EXPECT_EQ(scratch.reused_analyses(), before) << variants[v].name << ": took another text's analysis";
    set(variants[v]);
    EXPECT_EQ(scratch.reused_analyses(), before + 1) << variants[v].name << ": its own was not kept";
  }
}

// Paragraphs without the build's hyphenators keep no words (their own
// hyphenators last one paragraph).
TEST(PreparedWords, NoWordsKeptWithoutTheBuildsHyphenators) {
  auto serif = load(kSerif, 0);
  ASSERT_TRUE(serif);
  ShapeCache cache;
  ParagraphScratch scratch;
  DiagnosticSink sink;
  typeset_paragraph(plain("xalqımızın yaddaşında xalqımızın yaddaşında", serif.get(), 95), cache, sink, scratch);
  EXPECT_EQ(scratch.prepared_words(), 0u);
}

}  // namespace
}  // namespace jan20::text
