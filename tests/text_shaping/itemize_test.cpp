// itemize(): bidi levels, scripts, languages and font fallback over a mixed
// Azerbaijani paragraph in three scripts.
#include "text/itemize.h"

#include <gtest/gtest.h>

#include "core/utf.h"
#include "patched_font.h"
#include "text/script.h"

namespace jan20::text {
namespace {

struct Fonts {
  std::unique_ptr<font::Face> serif, naskh;
  Fonts() {
    std::string error;
    serif = font::Face::load(testing::kNotoSerif, 0, 0, &error);
    naskh = font::Face::load(testing::kNotoNaskh, 0, 1, &error);
  }
};

StyledSpan span(size_t begin, size_t end, const font::Face* face, std::vector<const font::Face*> fallbacks = {},
                std::string lang = {}) {
  StyledSpan s;
  s.begin = begin;
  s.end = end;
  s.style.face = face;
  s.style.fallbacks = std::move(fallbacks);
  s.lang = std::move(lang);
  s.where = {"content/booklet/az.toml", 7, 12};
  return s;
}

std::string piece(std::string_view text, const ShapingRun& it) { return std::string(text.substr(it.begin, it.end - it.begin)); }

TEST(Itemize, MixedLatinCyrillicArabicWithNumbers) {
  Fonts f;
  // "Martyrs" in Latin and Cyrillic Azerbaijani, then in Arabic script with a
  // year inside, then Latin again.
  const std::string text = "Şəhidlər Шәһидләр شهیدلر 1990 ایلی sonra";
  DiagnosticSink sink;
  auto items = itemize(text, {span(0, text.size(), f.serif.get(), {f.naskh.get()})}, "az", model::Align::Justify, sink);
  EXPECT_FALSE(sink.has_errors());
  ASSERT_EQ(items.size(), 7u);
  struct Want {
    std::string text;
    int level;
    hb_script_t script;
    std::string lang;
    const font::Face* face;
  };
  std::vector<Want> want = {
      {"Şəhidlər ", 0, HB_SCRIPT_LATIN, "az", f.serif.get()},
      {"Шәһидләр ", 0, HB_SCRIPT_CYRILLIC, "az-Cyrl", f.serif.get()},
      {"شهیدلر ", 1, HB_SCRIPT_ARABIC, "az-Arab", f.naskh.get()},
      {"1990", 2, HB_SCRIPT_ARABIC, "az-Arab", f.naskh.get()},  // digits: Common, in the Arabic run; W2 makes them AN
      {" ایلی", 1, HB_SCRIPT_ARABIC, "az-Arab", f.naskh.get()},
      {" ", 0, HB_SCRIPT_ARABIC, "az-Arab", f.naskh.get()},     // between R and L: the paragraph's level
      {"sonra", 0, HB_SCRIPT_LATIN, "az", f.serif.get()},
  };
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(piece(text, items[i]), want[i].text);
    EXPECT_EQ(items[i].bidi_level, want[i].level);
    EXPECT_EQ(items[i].script, want[i].script);
    EXPECT_EQ(items[i].lang, want[i].lang);
    EXPECT_EQ(items[i].face, want[i].face);
    EXPECT_EQ(items[i].span, 0u);
  }
  std::vector<int> levels;
  for (const auto& it : items) levels.push_back(it.bidi_level);
  // Read left to right: Latin, Cyrillic, then the Arabic words right to left
  // with the year between them still reading left to right, then Latin.
  EXPECT_EQ(visual_order(levels), (std::vector<size_t>{0, 1, 4, 3, 2, 5, 6}));
}

TEST(Itemize, RightToLeftParagraph) {
  Fonts f;
  const std::string text = "شهیدلر Bakı 20";
  DiagnosticSink sink;
  auto items = itemize(text, {span(0, text.size(), f.naskh.get(), {f.serif.get()})}, "az", model::Align::Right, sink);
  // The digits follow the Latin word (W7: EN after L is L) at level 2; the
  // space before them lies between R and L and takes the paragraph's level.
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(piece(text, items[0]), "شهیدلر ");
  EXPECT_EQ(items[0].bidi_level, 1);
  EXPECT_EQ(items[0].face, f.naskh.get());
  EXPECT_EQ(piece(text, items[1]), "Bakı 20");
  EXPECT_EQ(items[1].bidi_level, 2);
  EXPECT_EQ(items[1].face, f.serif.get());
  EXPECT_EQ(items[1].lang, "az");
  EXPECT_EQ(visual_order({items[0].bidi_level, items[1].bidi_level}), (std::vector<size_t>{1, 0}));
}

TEST(Itemize, SpanLanguageAndStylesSplitItems) {
  Fonts f;
  const std::string text = "20 Yanvar — Black January";
  DiagnosticSink sink;
  auto items = itemize(text, {span(0, 14, f.serif.get()), span(14, text.size(), f.serif.get(), {}, "en")}, "az",
                       model::Align::Left, sink);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(piece(text, items[0]), "20 Yanvar — ");
  EXPECT_EQ(items[0].lang, "az");
  EXPECT_EQ(items[1].lang, "en");
  EXPECT_EQ(items[1].span, 1u);
}

TEST(Itemize, ArabicWordInANotoSerifSpanFallsBackToNaskh) {
  Fonts f;
  const std::string text = "Azadlıq — آزادلیق";
  DiagnosticSink sink;
  auto items = itemize(text, {span(0, text.size(), f.serif.get(), {f.naskh.get()})}, "az", model::Align::Left, sink);
  EXPECT_FALSE(sink.has_errors());
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].face, f.serif.get());
  EXPECT_EQ(piece(text, items[1]), "آزادلیق");
  EXPECT_EQ(items[1].face, f.naskh.get());
  EXPECT_EQ(items[1].lang, "az-Arab");
}

TEST(Itemize, MissingGlyphWithoutFallbackIsAnErrorNamingTheCodePoint) {
  Fonts f;
  const std::string text = "Azadlıq — آزادلیق";
  DiagnosticSink sink;
  auto items = itemize(text, {span(0, text.size(), f.serif.get())}, "az", model::Align::Left, sink);
  // One report per missing character: the seven letters of the word.
  ASSERT_EQ(sink.error_count(), 7);
  const Diagnostic& d = sink.diagnostics()[0];
  EXPECT_EQ(d.where.file, "content/booklet/az.toml");
  EXPECT_EQ(d.where.line, 7);
  // At the character: the span starts at column 12, "Azadlıq — " is 10 characters.
  EXPECT_EQ(d.where.column, 22);
  EXPECT_EQ(d.message, "no font has the character 'آ' (U+0622) in 'آزادلیق': it is missing from Noto Serif Regular");
  EXPECT_NE(sink.diagnostics()[1].message.find("(U+0632)"), std::string::npos);
  EXPECT_EQ(sink.diagnostics()[1].where.column, 23);
  // The text is still set, in the primary face.
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].face, f.serif.get());
}

TEST(Itemize, InvisibleCharactersNeedNoGlyph) {
  Fonts f;
  const std::string text = "Xo\u00ADca\u200Cl\u0131";  // soft hyphen, ZWNJ
  DiagnosticSink sink;
  auto items = itemize(text, {span(0, text.size(), f.serif.get())}, "az", model::Align::Left, sink);
  EXPECT_FALSE(sink.has_errors());
  EXPECT_EQ(items.size(), 1u);
}

TEST(Itemize, ParagraphDirection) {
  EXPECT_TRUE(paragraph_is_rtl("شهید Bakı"));
  EXPECT_FALSE(paragraph_is_rtl("Bakı شهید"));
  EXPECT_TRUE(paragraph_is_rtl("1990 شهید"));                  // digits are not strong
  EXPECT_FALSE(paragraph_is_rtl("\u2067شهید\u2069 Bakı"));    // isolates are skipped (P2)
  EXPECT_FALSE(paragraph_is_rtl("20"));
  EXPECT_EQ(paragraph_level("Bakı شهید", "az-Arab"), 1);      // the language decides first
  EXPECT_EQ(paragraph_level("Bakı شهید", "az"), 0);
  EXPECT_EQ(paragraph_level("شهید Bakı", "az"), 1);
}

// Runs continue over the characters a run may take without a decision
// (same span, script and level, in the span's own face). Whatever the cuts
// between spans, every run lies in one span, holds only characters of its
// script (or of none), is drawn by its face, and differs from its neighbour.
TEST(Itemize, RunsStayInsideSpansScriptsAndFacesWhereverTheSpansAreCut) {
  Fonts f;
  const std::string text = "Şəhidlər (Шәһидләр) 1990, شهیدلر ۱۹۹۰ ایلی — sonra Bakı؛ «İlk» Ünvan!";
  const std::u32string cps = utf8_to_u32(text);
  std::vector<size_t> starts;  // the byte each character starts at
  for (size_t pos = 0; pos < text.size();) {
    starts.push_back(pos);
    utf8_next(text, pos);
  }
  size_t checked = 0;
  for (size_t cut_every : {1u, 2u, 3u, 5u, 8u, 13u}) {
    // Spans of cut_every characters, alternately with the serif and the
    // naskh first; the other one is the fallback.
    std::vector<StyledSpan> spans;
    for (size_t c = 0; c < starts.size(); c += cut_every) {
      const size_t begin = starts[c], end = c + cut_every < starts.size() ? starts[c + cut_every] : text.size();
      const bool serif = (spans.size() % 2) == 0;
      spans.push_back(serif ? span(begin, end, f.serif.get(), {f.naskh.get()})
                            : span(begin, end, f.naskh.get(), {f.serif.get()}));
    }
    DiagnosticSink sink;
    auto items = itemize(text, spans, "az", model::Align::Left, sink);
    EXPECT_FALSE(sink.has_errors());
    ASSERT_FALSE(items.empty());
    SCOPED_TRACE(cut_every);
    EXPECT_EQ(items.front().begin, 0u);
    EXPECT_EQ(items.back().end, text.size());
    for (size_t k = 0; k < items.size(); ++k) {
      const ShapingRun& it = items[k];
      SCOPED_TRACE(piece(text, it));
      if (k > 0) {
        EXPECT_EQ(it.begin, items[k - 1].end);
        const ShapingRun& before = items[k - 1];
        EXPECT_FALSE(before.bidi_level == it.bidi_level && before.script == it.script && before.lang == it.lang &&
                     before.face == it.face && before.span == it.span);
      }
      ASSERT_LT(it.span, spans.size());
      EXPECT_GE(it.begin, spans[it.span].begin);
      EXPECT_LE(it.end, spans[it.span].end);
      for (size_t pos = it.begin; pos < it.end;) {
        const char32_t c = utf8_next(text, pos);
        const hb_script_t own = script_of(c);
        if (own != HB_SCRIPT_COMMON && own != HB_SCRIPT_INHERITED) {
          EXPECT_EQ(own, it.script) << "U+" << std::hex << static_cast<uint32_t>(c);
        }
        EXPECT_TRUE(it.face->has_glyph(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 6 * cps.size());  // every character, six times
}

// Arabic letters and the digits inside them share the script and the face;
// only the level (W2: a European number after Arabic letters is an Arabic
// number, level 2) splits the run.
TEST(Itemize, ANumberInsideArabicTextIsARunOfItsOwnLevel) {
  Fonts f;
  const std::string text = "Bakı شهیدلر 1990 ایلی";
  DiagnosticSink sink;
  auto items = itemize(text, {span(0, text.size(), f.naskh.get(), {f.serif.get()})}, "az", model::Align::Left, sink);
  EXPECT_FALSE(sink.has_errors());
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(piece(text, items[1]), "شهیدلر ");
  EXPECT_EQ(piece(text, items[2]), "1990");
  EXPECT_EQ(piece(text, items[3]), " ایلی");
  EXPECT_EQ(items[1].bidi_level, 1);
  EXPECT_EQ(items[2].bidi_level, 2);
  EXPECT_EQ(items[3].bidi_level, 1);
  for (size_t k = 1; k < 4; ++k) {
    EXPECT_EQ(items[k].face, f.naskh.get());
    EXPECT_EQ(items[k].script, HB_SCRIPT_ARABIC);
  }
}

TEST(Itemize, VisualOrderFollowsRuleL2) {
  EXPECT_EQ(visual_order({}), (std::vector<size_t>{}));
  EXPECT_EQ(visual_order({0, 0, 0}), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(visual_order({1, 1, 1}), (std::vector<size_t>{2, 1, 0}));
  EXPECT_EQ(visual_order({1, 2, 2, 1}), (std::vector<size_t>{3, 1, 2, 0}));
  EXPECT_EQ(visual_order({0, 1, 2, 1, 0}), (std::vector<size_t>{0, 3, 2, 1, 4}));
}

}  // namespace
}  // namespace jan20::text
