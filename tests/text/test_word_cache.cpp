// The per-word caches of text/ give what the uncached path gives: a word
// seen a second time (its shaping, hyphenation points, the faces' glyph
// lookups, the reused line break iterator) sets exactly as the first time
// and as with every cache off, including where shaping depends on context
// (Azerbaijani ı/i/İ, Arabic joining, a word in two styles).
#include <gtest/gtest.h>

#include <hb.h>

#include <memory>
#include <string>
#include <vector>

#include "core/utf.h"
#include "font/face.h"
#include "text/breaks.h"
#include "text/hyphenate.h"
#include "text/itemize.h"
#include "text/paragraph.h"
#include "text/shape_cache.h"
#include "test_fonts.h"

namespace jan20::text {
namespace {

using test::kSerif;
using test::kNaskh;
using test::kSerifBold;
using test::load;

ParagraphInput paragraph(const std::string& text, const font::Face* face, double measure, const std::string& lang) {
  return test::one_span_paragraph(text, face, measure, lang);
}

// Everything a set paragraph hands on, as text: two results are the same
// setting exactly when these are equal.
std::string describe(const ParagraphResult& result) {
  std::string out = "pass " + std::to_string(result.pass) + " demerits " + std::to_string(result.demerits) + "\n";
  for (const Line& line : result.lines) {
    out += "line " + std::to_string(line.width) + " " + std::to_string(line.ratio) + " " +
           std::to_string(line.hyphenated) + " [" + std::to_string(line.text_begin) + "," +
           std::to_string(line.text_end) + ")\n";
    for (const auto& run : line.runs) {
      out += " run font " + std::to_string(run.font) + " x " + std::to_string(run.x) + " '" + run.text + "' " +
             run.lang + (run.rtl ? " rtl" : "") + (run.hyphenated ? " hyphen" : "") + ":";
      for (const auto& g : run.glyphs)
        out += " " + std::to_string(g.id) + "/" + std::to_string(g.x_advance) + "@" + std::to_string(g.x_offset) +
               "," + std::to_string(g.y_offset) + "[" + std::to_string(g.text_begin) + "," +
               std::to_string(g.text_end) + ")";
      out += "\n";
    }
  }
  return out;
}

size_t glyph_count(const ParagraphResult& result) {
  size_t n = 0;
  for (const Line& line : result.lines)
    for (const auto& run : line.runs) n += run.glyphs.size();
  return n;
}

// Sets `in` with the caches off, then twice through one cache (the second
// time every word is a cache hit) and with the build's hyphenators; all
// three must agree.
void expect_cached_equals_uncached(ParagraphInput in) {
  ShapeCache uncached;
  uncached.set_enabled(false);
  DiagnosticSink sink;
  const std::string plain = describe(typeset_paragraph(in, uncached, sink));

  ShapeCache cache;
  Hyphenators hyphenators(in.hyphenation);
  in.hyphenators = &hyphenators;
  const ParagraphResult first = typeset_paragraph(in, cache, sink);
  const size_t misses = cache.misses();
  const ParagraphResult second = typeset_paragraph(in, cache, sink);
  EXPECT_EQ(cache.misses(), misses) << "the second setting shaped a word again";
  EXPECT_GT(cache.hits(), 0u);
  ASSERT_GE(first.lines.size(), 2u) << "the paragraph should take several lines";
  EXPECT_GT(glyph_count(first), in.text.size() / 4);
  EXPECT_EQ(describe(first), plain);
  EXPECT_EQ(describe(second), plain);
}

TEST(WordCache, AzerbaijaniDottedAndDotlessIAreSetAsWithoutTheCache) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  // Every word twice or more, with ı, i, İ, I next to ligature candidates
  // (fi, fl) and capitals, hyphenated at a narrow measure.
  const std::string text =
      "İyirmi Yanvar faciəsi xalqımızın tarixində İstiqlal uğrunda mübarizənin rəmzidir. "
      "İyirmi Yanvar faciəsi xalqımızın yaddaşında fiziki və flora kimi sözlərlə yox, "
      "İSTİQLAL və istiqlal, İLHAM və ılıq sözləri ilə yaşayır. İyirmi Yanvar faciəsi xalqımızın "
      "tarixində İstiqlal uğrunda mübarizənin rəmzidir.";
  expect_cached_equals_uncached(paragraph(text, face.get(), 90, "az"));
}

TEST(WordCache, ArabicJoiningIsSetAsWithoutTheCache) {
  auto naskh = load(kNaskh);
  ASSERT_TRUE(naskh);
  ParagraphInput in = paragraph(
      "یئرمی یانوار آذربایجان خالقینین حزن گونودور یئرمی یانوار آذربایجان خالقینین حزن گونودور", naskh.get(), 90,
      "az-Arab");
  expect_cached_equals_uncached(in);
}

TEST(WordCache, EnglishHyphenationIsSetAsWithoutTheCache) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  const std::string text =
      "The commemoration of independence brought extraordinary representatives of international "
      "organizations together; the commemoration of independence brought extraordinary representatives "
      "of international organizations together.";
  expect_cached_equals_uncached(paragraph(text, face.get(), 80, "en"));
}

TEST(WordCache, AWordInTwoStylesIsReshapedWithItsContextAsWithoutTheCache) {
  auto regular = load(kSerif, 0);
  auto bold = load(kSerifBold, 1);
  ASSERT_TRUE(regular && bold);
  // "xalqımızın" with its middle in bold, twice, among plain words: the
  // units that touch are shaped with the paragraph as context.
  const std::string a = "Bu gün xalq", b = "ımız", c = "ın yaddaşı, bu gün xalq", d = "ımız", e = "ın yaddaşıdır.";
  const std::string text = a + b + c + d + e;
  ParagraphInput in = paragraph(text, regular.get(), 60, "az");
  in.spans.clear();
  size_t at = 0;
  int k = 0;
  for (const std::string* part : {&a, &b, &c, &d, &e}) {
    StyledSpan span;
    span.begin = at;
    span.end = at + part->size();
    span.style.face = (k % 2) ? bold.get() : regular.get();
    span.style.size = 10.5;
    in.spans.push_back(span);
    at = span.end;
    ++k;
  }
  expect_cached_equals_uncached(in);
}

// shape_word_into appends to what the vector holds the glyphs shape()
// gives the word alone, whether the word is new to the cache, found in it,
// or the cache is off.
TEST(WordCache, GlyphsAppendedFromTheCacheAreTheWordsOwn) {
  auto face = load(kSerif);
  ASSERT_TRUE(face);
  const std::string text = "bu gün fiziki İSTİQLAL xalqımızın";
  ShapeCache cache, off;
  off.set_enabled(false);
  size_t words = 0;
  for (int round = 0; round < 2; ++round) {
    for (size_t begin = 0; begin < text.size();) {
      size_t end = text.find(' ', begin);
      if (end == std::string::npos) end = text.size();
      ShapeRequest r;
      r.face = face.get();
      r.text = text;
      r.begin = begin;
      r.end = end;
      ShapeRequest alone = r;
      const std::string word = text.substr(begin, end - begin);
      alone.text = word;
      alone.begin = 0;
      alone.end = word.size();
      const std::vector<ShapedGlyph> expected = shape(alone);
      ASSERT_FALSE(expected.empty()) << word;
      for (ShapeCache* c : {&cache, &off}) {
        std::vector<ShapedGlyph> out(2);  // already holds two glyphs, which stay
        out[0].id = 7;
        out[1].id = 8;
        c->shape_word_into(r, out);
        ASSERT_EQ(out.size(), expected.size() + 2) << word;
        EXPECT_EQ(out[0].id, 7u);
        EXPECT_EQ(out[1].id, 8u);
        for (size_t k = 0; k < expected.size(); ++k) {
          EXPECT_EQ(out[k + 2].id, expected[k].id) << word;
          EXPECT_EQ(out[k + 2].cluster, expected[k].cluster) << word;
          EXPECT_EQ(out[k + 2].x_advance, expected[k].x_advance) << word;
          EXPECT_EQ(out[k + 2].x_offset, expected[k].x_offset) << word;
          EXPECT_EQ(out[k + 2].y_offset, expected[k].y_offset) << word;
          EXPECT_EQ(out[k + 2].unsafe_to_break, expected[k].unsafe_to_break) << word;
        }
        const std::vector<ShapedGlyph> returned = c->shape_word(r);
        EXPECT_EQ(returned.size(), expected.size()) << word;
      }
      ++words;
      begin = end + 1;
    }
  }
  EXPECT_EQ(words, 10u);
  EXPECT_EQ(cache.misses(), 5u) << "each word is shaped once";
  EXPECT_EQ(cache.hits(), 15u);
}

// The language the word cache keeps per face, script and language shapes
// as shape() choosing it each time: Azerbaijani, Turkish, English, none,
// and Arabic script.
TEST(WordCache, AKeptShapingLanguageShapesAsAFreshOne) {
  auto serif = load(kSerif);
  auto naskh = load(kNaskh);
  ASSERT_TRUE(serif && naskh);
  struct Case {
    const font::Face* face;
    std::string text, lang;
    hb_script_t script;
    hb_direction_t direction;
  };
  const std::vector<Case> cases = {
      {serif.get(), "fiziki İSTİQLAL ılıq fi", "az", HB_SCRIPT_LATIN, HB_DIRECTION_LTR},
      {serif.get(), "fiziki İSTİQLAL ılıq fi", "tr", HB_SCRIPT_LATIN, HB_DIRECTION_LTR},
      {serif.get(), "office affluent fiord", "en", HB_SCRIPT_LATIN, HB_DIRECTION_LTR},
      {serif.get(), "office affluent fiord", "", HB_SCRIPT_LATIN, HB_DIRECTION_LTR},
      {naskh.get(), "یئرمی یانوار", "az-Arab", HB_SCRIPT_ARABIC, HB_DIRECTION_RTL},
  };
  for (const Case& c : cases) {
    ShapeRequest r;
    r.face = c.face;
    r.text = c.text;
    r.begin = 0;
    r.end = c.text.size();
    r.lang = c.lang;
    r.script = c.script;
    r.direction = c.direction;
    const std::vector<ShapedGlyph> fresh = shape(r);
    ASSERT_FALSE(fresh.empty()) << c.lang;
    const std::vector<ShapedGlyph> kept = shape(r, shaping_language(*c.face, c.script, c.lang));
    ShapeCache cache;
    const std::vector<ShapedGlyph> cached = cache.shape_word(r);
    for (const auto* other : {&kept, &cached}) {
      ASSERT_EQ(other->size(), fresh.size()) << c.lang;
      for (size_t k = 0; k < fresh.size(); ++k) {
        EXPECT_EQ((*other)[k].id, fresh[k].id) << c.lang << " " << k;
        EXPECT_EQ((*other)[k].cluster, fresh[k].cluster) << c.lang << " " << k;
        EXPECT_EQ((*other)[k].x_advance, fresh[k].x_advance) << c.lang << " " << k;
        EXPECT_EQ((*other)[k].x_offset, fresh[k].x_offset) << c.lang << " " << k;
      }
    }
  }
}

TEST(WordCache, HyphenationPointsAreWorkedOutOncePerWord) {
  Hyphenators hyphenators(HyphenationRules{});
  for (const char* lang : {"az", "en"}) {
    const Hyphenator& h = hyphenators.get(lang);
    for (const char* word : {"xalqımızın", "İSTİQLAL", "Bakı'nın", "sosial-iqtisadi", "1990-cı", "representatives",
                             "organizations", "a"}) {
      const std::u32string w = utf8_to_u32(word);
      const std::vector<size_t>& first = h.cached_points(w);
      EXPECT_EQ(first, h.points(w)) << lang << " " << word;
      EXPECT_EQ(&h.cached_points(w), &first) << "a second look-up works the word out again";
    }
  }
  EXPECT_FALSE(hyphenators.get("az").cached_points(utf8_to_u32("xalqımızın")).empty());
}

TEST(WordCache, AReusedLineBreakIteratorFindsTheSameBreaks) {
  LineBreakIterators iterators;
  const std::vector<std::pair<std::string, std::string>> texts = {
      {"20 Yanvar — xatirə günü; sosial-iqtisadi həyat, H. Əliyev «söz» (bax: 5)", "az"},
      {"The twentieth of January, a day of mourning—and of memory/remembrance.", "en"},
      {"20 Yanvar — xatirə günü; sosial-iqtisadi həyat, H. Əliyev «söz» (bax: 5)", "az"},
      {"یئرمی یانوار آذربایجان خالقینین حزن گونودور", "az-Arab"},
  };
  for (int round = 0; round < 2; ++round) {
    for (const auto& [text, lang] : texts) {
      const auto fresh = find_breaks(text, lang);
      const auto reused = find_breaks(text, lang, BreakRules{}, &iterators);
      ASSERT_FALSE(fresh.empty()) << text;
      ASSERT_EQ(fresh.size(), reused.size()) << text;
      for (size_t i = 0; i < fresh.size(); ++i) {
        EXPECT_EQ(fresh[i].offset, reused[i].offset) << text;
        EXPECT_EQ(fresh[i].kind, reused[i].kind) << text;
      }
    }
  }
}

// typeset_paragraph decodes a paragraph once for itemize, find_breaks and
// collect: handed the decoded text, the first two find what they find
// decoding it themselves (mixed scripts, a fallback face, multi-byte letters).
TEST(WordCache, ADecodedParagraphGivesWhatEachStepFindsAlone) {
  auto serif = load(kSerif);
  auto naskh = load(kNaskh);
  ASSERT_TRUE(serif && naskh);
  const std::string text = "20 Yanvar — İstiqlal; sosial-iqtisadi یئرمی یانوار «söz» H. Əliyev, 1990-cı il.";
  const CodePoints decoded = decode_code_points(text);
  ASSERT_EQ(decoded.at.size(), decoded.cps.size() + 1);
  const auto alone = find_breaks(text, "az");
  const auto shared = find_breaks(text, "az", BreakRules{}, nullptr, &decoded);
  ASSERT_GT(alone.size(), 8u);
  ASSERT_EQ(alone.size(), shared.size());
  for (size_t i = 0; i < alone.size(); ++i) {
    EXPECT_EQ(alone[i].offset, shared[i].offset);
    EXPECT_EQ(alone[i].kind, shared[i].kind);
  }
  StyledSpan span;
  span.begin = 0;
  span.end = text.size();
  span.style.face = serif.get();
  span.style.fallbacks = {naskh.get()};
  span.style.size = 10.5;
  DiagnosticSink sink;
  const auto runs_alone = itemize(text, {span}, "az", model::Align::Justify, sink);
  const auto runs_shared = itemize(text, {span}, "az", model::Align::Justify, sink, nullptr, &decoded);
  ASSERT_GE(runs_alone.size(), 3u);  // Latin, Arabic, Latin at least
  ASSERT_EQ(runs_alone.size(), runs_shared.size());
  for (size_t i = 0; i < runs_alone.size(); ++i) {
    EXPECT_EQ(runs_alone[i].begin, runs_shared[i].begin);
    EXPECT_EQ(runs_alone[i].end, runs_shared[i].end);
    EXPECT_EQ(runs_alone[i].bidi_level, runs_shared[i].bidi_level);
    EXPECT_EQ(runs_alone[i].script, runs_shared[i].script);
    EXPECT_EQ(runs_alone[i].lang, runs_shared[i].lang);
    EXPECT_EQ(runs_alone[i].face, runs_shared[i].face);
  }
}

TEST(WordCache, AFacesRememberedGlyphsAreHarfBuzzs) {
  auto face = load(kSerif);
  auto naskh = load(kNaskh);
  ASSERT_TRUE(face && naskh);
  size_t found = 0;
  for (const font::Face* f : {face.get(), naskh.get()}) {
    for (int round = 0; round < 2; ++round) {
      for (char32_t cp = 0; cp < 0x700; ++cp) {
        hb_codepoint_t gid = 0;
        if (!hb_font_get_nominal_glyph(f->hb_font(), cp, &gid)) gid = 0;
        EXPECT_EQ(f->glyph_for(cp), gid) << std::hex << static_cast<uint32_t>(cp);
        EXPECT_EQ(f->has_glyph(cp), gid != 0);
        found += gid != 0;
      }
    }
  }
  EXPECT_GT(found, 500u);
}

}  // namespace
}  // namespace jan20::text
