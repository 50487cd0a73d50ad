// shape(): exact glyphs from HarfBuzz with Debian's fonts, the language
// reaching the font, paragraph context, features and the glyph format.
#include "text/shape.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/utf.h"
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

struct Shaped {
  std::string text;
  std::vector<ShapedGlyph> glyphs;
  ShapeExplain explain;
};

Shaped shape_text(const font::Face& face, std::string text, std::string lang, std::vector<std::string> features = {}) {
  Shaped s;
  s.text = std::move(text);
  ShapeRequest r;
  r.face = &face;
  r.text = s.text;
  r.begin = 0;
  r.end = s.text.size();
  r.script = dominant_script(s.text, HB_SCRIPT_LATIN);
  r.direction = script_is_rtl(r.script) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR;
  r.lang = std::move(lang);
  r.features = std::move(features);
  s.glyphs = shape(r, &s.explain);
  return s;
}

// The characters each glyph's cluster covers, from the cluster values.
std::vector<std::string> cluster_texts(const Shaped& s) {
  std::map<uint32_t, uint32_t> next;  // cluster -> next cluster start
  std::vector<uint32_t> starts;
  for (const auto& g : s.glyphs) starts.push_back(g.cluster);
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  for (size_t i = 0; i < starts.size(); ++i)
    next[starts[i]] = i + 1 < starts.size() ? starts[i + 1] : static_cast<uint32_t>(s.text.size());
  std::vector<std::string> out;
  for (const auto& g : s.glyphs) out.push_back(s.text.substr(g.cluster, next[g.cluster] - g.cluster));
  return out;
}

std::string names(const font::Face& face, const Shaped& s) {
  std::string out;
  for (const auto& g : s.glyphs) out += (out.empty() ? "" : "|") + face.glyph_name(g.id);
  return out;
}

TEST(Shape, NotoSerifInAzerbaijaniNeverJoinsACharacterIntoAnother) {
  auto face = load(testing::kNotoSerif);
  Shaped s = shape_text(*face, "fikir fiziki Ofis", "az");
  for (const auto& t : cluster_texts(s)) EXPECT_EQ(utf8_length(t), 1u) << "glyph covers '" << t << "'";
  EXPECT_EQ(format_glyphs(*face, s.glyphs),
            "[f=0+369|i=1+320|k=2+585|i=3+320|r=4+471|space=5+260|f=6+369|i=7+320|z=8+511|i=9+320|k=10+585|"
            "i=11+320|space=12+260|O=13+742|f=14+369|i=15+320|s=16+451]");
  EXPECT_TRUE(s.explain.dotted_i_guard_applied);
  EXPECT_EQ(s.explain.dotted_i_actions.size(), 3u);
}

TEST(Shape, NotoSerifInEnglishKeepsTheFiLigature) {
  auto face = load(testing::kNotoSerif);
  Shaped s = shape_text(*face, "fikir fiziki Ofis", "en");
  auto covers = cluster_texts(s);
  ASSERT_EQ(s.glyphs.size(), 14u);
  EXPECT_EQ(face->glyph_name(s.glyphs[0].id), "fi");
  EXPECT_EQ(covers[0], "fi");
  EXPECT_EQ(std::count(covers.begin(), covers.end(), "fi"), 3);
  EXPECT_FALSE(s.explain.dotted_i_guard_applied);
}

TEST(Shape, EbGaramondUsesItsAzerbaijaniForms) {
  auto face = load(testing::kGaramond);
  Shaped s = shape_text(*face, "fikir fiziki Ofis", "az");
  EXPECT_EQ(names(*face, s),
            "f.short|i.TRK|k|i.TRK|r|space|f.short|i.TRK|z|i.TRK|k|i.TRK|space|O|f.short|i.TRK|s");
  for (const auto& t : cluster_texts(s)) EXPECT_EQ(utf8_length(t), 1u) << "glyph covers '" << t << "'";
  EXPECT_EQ(s.explain.language_system, "latn/AZE");
  EXPECT_FALSE(s.explain.language_system_missing);
  EXPECT_FALSE(s.explain.dotted_i_guard_applied);  // the font's own rules already keep the dots
}

TEST(Shape, ReportsTheLanguageSystemApplied) {
  auto noto = load(testing::kNotoSerif);
  Shaped s = shape_text(*noto, "fikir", "az");
  EXPECT_EQ(s.explain.language_system, "latn/dflt");
  EXPECT_TRUE(s.explain.language_system_missing);
  auto garamond = load(testing::kGaramond);
  EXPECT_EQ(shape_text(*garamond, "fikir", "tr").explain.language_system, "latn/TRK");
  EXPECT_EQ(shape_text(*garamond, "fikir", "crh").explain.language_system, "latn/CRT");
  Shaped en = shape_text(*garamond, "fikir", "en");
  EXPECT_EQ(en.explain.language_system, "latn/dflt");
  EXPECT_TRUE(en.explain.language_system_missing);
  auto naskh = load(testing::kNotoNaskh);
  EXPECT_EQ(shape_text(*naskh, "شهید", "az-Arab").explain.language_system, "arab/dflt");
}

TEST(Shape, AzerbaijaniFallsBackToTheFontsTurkishSystem) {
  // EB Garamond without its AZE and CRT systems: TRK's i.TRK must still be used.
  auto face = load(testing::font_with_renamed_tags(testing::kGaramond, {{"AZE ", "AZF "}, {"CRT ", "CRU "}}));
  Shaped s = shape_text(*face, "fikir", "az");
  EXPECT_EQ(names(*face, s), "f.short|i.TRK|k|i.TRK|r");
  EXPECT_EQ(s.explain.language_system, "latn/TRK");
  EXPECT_TRUE(s.explain.language_system_missing);
  // English is not Turkic: no such fallback.
  EXPECT_EQ(shape_text(*face, "fikir", "en").explain.language_system, "latn/dflt");
}

TEST(Shape, NfcOfDecomposedInputShapesLikeThePrecomposedLetters) {
  const std::string decomposed = "s\u0327" "e\u0308" "g\u0306" "I\u0307" "o\u0308" "u\u0308" "c\u0327";
  const std::string precomposed = "şëğİöüç";
  EXPECT_EQ(to_nfc(decomposed), precomposed);
  EXPECT_EQ(to_nfc(precomposed), precomposed);
  EXPECT_EQ(to_nfc("ə"), "ə");  // no decomposition exists: unchanged
  auto face = load(testing::kNotoSerif);
  Shaped a = shape_text(*face, to_nfc(decomposed), "az");
  Shaped b = shape_text(*face, precomposed, "az");
  EXPECT_EQ(format_glyphs(*face, a.glyphs), format_glyphs(*face, b.glyphs));
  EXPECT_EQ(names(*face, b), "scedilla|edieresis|gbreve|Idotaccent|odieresis|udieresis|ccedilla");
}

TEST(Shape, FeaturesFromTheStyle) {
  auto face = load(testing::kNotoSerif);
  EXPECT_EQ(names(*face, shape_text(*face, "fi", "en", {"-liga"})), "f|i");
  Shaped kerned = shape_text(*face, "AV", "en");
  Shaped plain = shape_text(*face, "AV", "en", {"kern=0"});
  EXPECT_EQ(plain.glyphs[0].x_advance, face->advance(face->glyph_for(U'A')));
  EXPECT_LT(kerned.glyphs[0].x_advance, plain.glyphs[0].x_advance);
  EXPECT_EQ(plain.explain.features, (std::vector<std::string>{"liga", "-kern"}));
  EXPECT_EQ(kerned.explain.features, (std::vector<std::string>{"kern", "liga"}));
  // Old-style figures change the digits' glyphs.
  EXPECT_NE(names(*face, shape_text(*face, "1990", "az", {"onum"})), names(*face, shape_text(*face, "1990", "az")));
}

TEST(Shape, ParsesFeatureSettings) {
  hb_feature_t f;
  ASSERT_TRUE(parse_feature("kern=0", &f));
  EXPECT_EQ(f.tag, HB_TAG('k', 'e', 'r', 'n'));
  EXPECT_EQ(f.value, 0u);
  ASSERT_TRUE(parse_feature("-liga", &f));
  EXPECT_EQ(f.value, 0u);
  ASSERT_TRUE(parse_feature("smcp", &f));
  EXPECT_EQ(f.value, 1u);
  EXPECT_FALSE(parse_feature("", &f));
  EXPECT_FALSE(parse_feature("=3", &f));
}

TEST(Shape, ShapesAnItemWithTheParagraphAsContext) {
  auto face = load(testing::kNotoSerif);
  const std::string text = "Ofis AV fikir";
  ShapeRequest r;
  r.face = face.get();
  r.text = text;
  r.begin = 5;
  r.end = 7;
  r.lang = "en";
  auto glyphs = shape(r);
  ASSERT_EQ(glyphs.size(), 2u);
  EXPECT_EQ(glyphs[0].cluster, 5u);  // byte offsets into the paragraph
  EXPECT_EQ(glyphs[1].cluster, 6u);
  EXPECT_EQ(format_glyphs(*face, glyphs, 5), "[A=0+625|V=1+675]");
  EXPECT_EQ(format_glyphs(*face, glyphs), "[A=5+625|V=6+675]");
}

TEST(Shape, ArabicComesInVisualOrderWithJoiningForms) {
  auto face = load(testing::kNotoNaskh);
  Shaped s = shape_text(*face, "شهید", "az-Arab");
  ASSERT_EQ(s.glyphs.size(), 4u);
  // Right to left: the last letter first, clusters descending.
  EXPECT_EQ(s.glyphs.front().cluster, 6u);
  EXPECT_EQ(s.glyphs.back().cluster, 0u);
  EXPECT_NE(s.glyphs.back().id, face->glyph_for(U'ش'));  // the initial form, not the isolated one
}

TEST(Shape, FormatMatchesHarfBuzzsOwnSerializer) {
  auto face = load(testing::kNotoSerif);
  for (std::string text : {"AV", "ə\u0301 q\u0307", "Təşəkkür, 20 Yanvar!"}) {
    Shaped s = shape_text(*face, text, "en");
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.c_str(), -1, 0, -1);
    hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
    hb_buffer_set_script(buffer, HB_SCRIPT_LATIN);
    hb_buffer_set_language(buffer, hb_language_from_string("en", -1));
    hb_buffer_set_flags(buffer, static_cast<hb_buffer_flags_t>(HB_BUFFER_FLAG_BOT | HB_BUFFER_FLAG_EOT));
    hb_shape(face->hb_font(), buffer, nullptr, 0);
    char out[4096];
    hb_buffer_serialize_glyphs(buffer, 0, hb_buffer_get_length(buffer), out, sizeof out, nullptr, face->hb_font(),
                               HB_BUFFER_SERIALIZE_FORMAT_TEXT, HB_BUFFER_SERIALIZE_FLAG_DEFAULT);
    hb_buffer_destroy(buffer);
    EXPECT_EQ(format_glyphs(*face, s.glyphs), out) << text;
  }
}

}  // namespace
}  // namespace jan20::text
