// The dotted-i guard (text/dotted_i.h): each of the three ways a font can
// drop the dot of i, with Debian's fonts and copies of them with a language
// system or feature renamed away.
#include "text/dotted_i.h"

#include <gtest/gtest.h>

#include "patched_font.h"
#include "text/script.h"

namespace jan20::text {
namespace {

std::unique_ptr<font::Face> load(const std::string& path) {
  std::string error;
  auto face = font::Face::load(path, 0, 0, &error);
  EXPECT_TRUE(face) << error;
  return face;
}

struct Result {
  std::string names;
  ShapeExplain explain;
  std::vector<ShapedGlyph> glyphs;
};

Result run(const font::Face& face, const std::string& text, const std::string& lang,
           std::vector<std::string> features = {}) {
  ShapeRequest r;
  r.face = &face;
  r.text = text;
  r.begin = 0;
  r.end = text.size();
  r.lang = lang;
  r.features = std::move(features);
  Result out;
  out.glyphs = shape(r, &out.explain);
  for (const auto& g : out.glyphs) out.names += (out.names.empty() ? "" : "|") + face.glyph_name(g.id);
  return out;
}

TEST(DottedI, LigatureOverIIsSplitForTurkicLanguagesOnly) {
  auto face = load(testing::kNotoSerif);
  for (const char* lang : {"az", "tr", "crh", "gag", "tt", "kk-Latn", "kaa", "az-Latn-AZ"}) {
    Result r = run(*face, "fi", lang);
    EXPECT_EQ(r.names, "f|i") << lang;
    ASSERT_EQ(r.explain.dotted_i_actions.size(), 1u) << lang;
    EXPECT_EQ(r.explain.dotted_i_actions[0], "ligature over 'fi' at bytes 0-2 split");
    EXPECT_NE(std::find(r.explain.features.begin(), r.explain.features.end(), "-liga[1]"), r.explain.features.end());
  }
  for (const char* lang : {"en", "de", "ga", "ru", ""}) EXPECT_EQ(run(*face, "fi", lang).names, "fi") << lang;
}

TEST(DottedI, OnlyTheIIsTakenOutOfALigature) {
  auto face = load(testing::kNotoSerif);
  EXPECT_EQ(run(*face, "effi", "en").names, "e|f_f_i");
  Result az = run(*face, "effi", "az");
  EXPECT_EQ(az.names, "e|f_f|i");
  EXPECT_EQ(az.explain.dotted_i_actions, (std::vector<std::string>{"ligature over 'ffi' at bytes 1-4 split"}));
}

TEST(DottedI, OtherLigaturesStay) {
  // Only clusters with an i are touched: "fl" and "ff" keep their ligatures.
  auto face = load(testing::kNotoSerif);
  Result r = run(*face, "flüt effekt fil", "az");
  EXPECT_EQ(r.names.find("fl|"), 0u) << r.names;
  EXPECT_NE(r.names.find("|f_f|"), std::string::npos) << r.names;
  EXPECT_NE(r.names.find("f|i|l"), std::string::npos) << r.names;
}

TEST(DottedI, ContextualDotlessIIsRestored) {
  // EB Garamond's English "fi" is f._i + i.dotless (a contextual rule in liga,
  // one glyph per character). Without its AZE/CRT/TRK systems the font would
  // do the same to Azerbaijani.
  auto face = load(testing::font_with_renamed_tags(testing::kGaramond,
                                                   {{"AZE ", "AZF "}, {"CRT ", "CRU "}, {"TRK ", "TRL "}}));
  EXPECT_EQ(run(*face, "fikir", "en").names, "f._i|i.dotless|k|i|r");
  Result az = run(*face, "fikir", "az");
  EXPECT_EQ(az.names.find("dotless"), std::string::npos) << az.names;
  for (const auto& g : az.glyphs) {
    if (g.cluster != 1) continue;  // the i
    EXPECT_GE(face->contour_count(g.id), 2) << face->glyph_name(g.id);
  }
  EXPECT_EQ(az.explain.language_system, "latn/dflt");
  EXPECT_TRUE(az.explain.dotted_i_guard_applied);
  ASSERT_EQ(az.explain.dotted_i_actions.size(), 1u);
  EXPECT_EQ(az.explain.dotted_i_actions[0],
            "dotless i at 'i' at bytes 1-2 restored (contextual forms off at bytes 0-3)");
}

TEST(DottedI, SmallCapIKeepsItsDot) {
  // Noto Serif's i.sc is a small capital I; its small capital İ (c2sc on
  // U+0130) is i.loclTRK.sc, which Azerbaijani text gets instead.
  auto noto = load(testing::kNotoSerif);
  EXPECT_EQ(run(*noto, "istiqlal", "en", {"smcp"}).names, "i.sc|s.sc|t.sc|i.sc|q.sc|l.sc|a.sc|l.sc");
  Result az = run(*noto, "istiqlal", "az", {"smcp"});
  EXPECT_EQ(az.names, "i.loclTRK.sc|s.sc|t.sc|i.loclTRK.sc|q.sc|l.sc|a.sc|l.sc");
  EXPECT_EQ(noto->contour_count(az.glyphs[0].id), 2);
  EXPECT_EQ(az.glyphs[0].x_advance, noto->advance(az.glyphs[0].id));
  // c2sc turns İ into the same dotted small capital; I stays dotless.
  EXPECT_EQ(run(*noto, "İSTİQLAL", "az", {"c2sc"}).names,
            "i.loclTRK.sc|s.sc|t.sc|i.loclTRK.sc|q.sc|l.sc|a.sc|l.sc");
  // EB Garamond has AZE small caps of its own: i.TRKsc, no guard needed.
  auto garamond = load(testing::kGaramond);
  Result g = run(*garamond, "istiqlal", "az", {"smcp"});
  EXPECT_EQ(g.names, "i.TRKsc|s.sc|t.sc|i.TRKsc|q.longsc|l.sc|a.sc|l.sc");
  EXPECT_FALSE(g.explain.dotted_i_guard_applied);
}

TEST(DottedI, SmallCapIWithoutADottedSmallCapFallsBackToLowerCase) {
  // Noto Serif without c2sc has no dotted small capital: i stays i.
  auto face = load(testing::font_with_renamed_tags(testing::kNotoSerif, {{"c2sc", "c2sd"}}));
  Result az = run(*face, "istiqlal", "az", {"smcp"});
  EXPECT_EQ(az.names, "i|s.sc|t.sc|i|q.sc|l.sc|a.sc|l.sc");
  ASSERT_EQ(az.explain.dotted_i_actions.size(), 2u);
  EXPECT_EQ(az.explain.dotted_i_actions[0],
            "dotless small-cap i at 'i' at bytes 0-1 set as a lower-case i (the font has no dotted small-cap i)");
}

TEST(DottedI, AMarkAboveMayReplaceTheDot) {
  // Soft_Dotted: i + combining acute draws the accent instead of the dot; the
  // guard leaves whatever the font does there (here: the same as English).
  auto face = load(testing::kNotoSerif);
  Result az = run(*face, "i\u0301", "az");
  EXPECT_EQ(az.names, run(*face, "i\u0301", "en").names);
  EXPECT_FALSE(az.explain.dotted_i_guard_applied);
}

TEST(DottedI, TheUsualWordIsPassedWithoutTheGuardsClusters) {
  // every_dotted_i_drawn_plainly: each i a cluster of its own, in the font's
  // own glyph. Anything else goes to the guard's full check.
  auto face = load(testing::kNotoSerif);
  auto plain = [&](const std::string& text, const std::string& lang, std::vector<std::string> features = {}) {
    Result r = run(*face, text, lang, std::move(features));
    return every_dotted_i_drawn_plainly(*face, text, 0, text.size(), r.glyphs);
  };
  EXPECT_TRUE(plain("sindi", "az"));
  EXPECT_TRUE(plain("İSTİQLAL", "az"));
  EXPECT_TRUE(plain("Bakı", "az"));  // no dotted i at all
  EXPECT_FALSE(plain("fi", "en"));   // the ligature swallows the i
  EXPECT_FALSE(plain("istiqlal", "en", {"smcp"}));  // i.sc, not the font's i
  EXPECT_FALSE(plain("i\u0301", "en"));  // a mark shares the i's cluster
}

// Where every_dotted_i_drawn_plainly says plain, the guard's full check
// finds nothing either: it returns the glyphs as they are, reports nothing
// and shapes nothing again.
TEST(DottedI, WhatIsPassedPlainlyTheGuardWouldLeaveAlone) {
  auto noto = load(testing::kNotoSerif);
  auto garamond = load(testing::kGaramond);
  int plain = 0, checked = 0;
  for (const font::Face* face : {noto.get(), garamond.get()})
    for (const char* word : {"sindi", "İSTİQLAL", "fikir", "effi", "Bakı", "istiqlal", "xatirəsi", "İyirmi",
                             "şəhidlərin", "filmi", "i\u0301", "ﬁ", "Azərbaycan"})
      for (const std::vector<std::string>& features :
           {std::vector<std::string>{}, std::vector<std::string>{"smcp"}, std::vector<std::string>{"-liga"}}) {
        const std::string text = word;
        Result r = run(*face, text, "az", features);
        if (!every_dotted_i_drawn_plainly(*face, text, 0, text.size(), r.glyphs)) continue;
        ++plain;
        DottedIInput input;
        input.face = face;
        input.text = text;
        input.begin = 0;
        input.end = text.size();
        for (const std::string& f : features) {
          hb_feature_t parsed;
          if (parse_feature(f, &parsed)) input.features.push_back(parsed);
        }
        input.reshape = [&](const std::vector<hb_feature_t>&) {
          ADD_FAILURE() << word << ": the guard shaped it again";
          return r.glyphs;
        };
        input.shape_alone = [&](std::string_view, const std::vector<hb_feature_t>&) {
          ADD_FAILURE() << word << ": the guard looked for a small capital";
          return r.glyphs;
        };
        DottedIReport report;
        std::vector<ShapedGlyph> guarded = guard_dotted_i(input, r.glyphs, &report);
        ASSERT_EQ(guarded.size(), r.glyphs.size()) << word;
        for (size_t g = 0; g < guarded.size(); ++g) {
          EXPECT_EQ(guarded[g].id, r.glyphs[g].id) << word;
          EXPECT_EQ(guarded[g].x_advance, r.glyphs[g].x_advance) << word;
        }
        EXPECT_FALSE(report.applied) << word;
        EXPECT_TRUE(report.actions.empty()) << word;
        ++checked;
      }
  EXPECT_GT(plain, 20) << "too few plain words to say anything";
  EXPECT_EQ(checked, plain);
}

TEST(DottedI, QuickCheckForI) {
  EXPECT_TRUE(has_dotted_i("fikir", 0, 5));
  EXPECT_TRUE(has_dotted_i("İSTİQLAL", 0, 9));
  EXPECT_FALSE(has_dotted_i("Bakı şəhəri", 0, 5));
  EXPECT_FALSE(has_dotted_i("BAKI", 0, 4));
}

}  // namespace
}  // namespace jan20::text
