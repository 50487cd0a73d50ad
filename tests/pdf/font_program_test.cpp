// FontProgram::subset asks hb-subset for the code points whose glyphs are the
// ones used, instead of the glyphs, when every glyph has one: a cheaper plan
// of the same subset. The oracle is hb-subset asked the other way: the font
// program and the glyph numbering must be the same bytes.
#include "pdf/font_program.h"

#include <gtest/gtest.h>
#include <hb.h>

#include <set>
#include <string>

#include "core/utf.h"

namespace jan20::pdf {
namespace {

const char* const kFonts[] = {
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",   "/usr/share/fonts/truetype/noto/NotoSerif-Italic.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf",      "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf",
    "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf",  // CFF outlines
};

// Glyphs some code point of the cmap maps to, and the first glyph none does.
struct Mapped {
  std::set<uint32_t> glyphs;
  uint32_t unmapped = 0;
};
Mapped mapped_glyphs(const std::string& path) {
  Mapped m;
  hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* font = hb_font_create(face);
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face, unicodes);
  for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &cp);) {
    hb_codepoint_t g = 0;
    if (hb_font_get_nominal_glyph(font, cp, &g)) m.glyphs.insert(g);
  }
  for (uint32_t g = 1; g < hb_face_get_glyph_count(face); ++g)
    if (!m.glyphs.count(g)) {
      m.unmapped = g;
      break;
    }
  hb_set_destroy(unicodes);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return m;
}

TEST(FontProgram, AskedByCodePointsTheSubsetIsTheSameFont) {
  // Azerbaijani in three scripts, English, figures and punctuation; the
  // space and the no-break space share a glyph.
  const std::string text =
      "Şəhidlər xiyabanı İıĞğÇçÖöÜü Шәһидләр Xiyaban شهیدلر آزادلیق 20 Yanvar 1990 — «Azadlıq» (No. 137) "
      "\u00A0‐-–:;,.!?'’“”";
  int compared = 0, by_code_points = 0;
  for (const char* path : kFonts) {
    SCOPED_TRACE(path);
    std::string error;
    auto program = FontProgram::open(path, 0, &error);
    ASSERT_TRUE(program) << error;
    std::set<uint32_t> used;
    for (char32_t c : utf8_to_u32(text))
      if (uint32_t g = program->nominal_glyph(c)) used.insert(g);
    ASSERT_GT(used.size(), 20u);
    const Mapped mapped = mapped_glyphs(path);
    ASSERT_NE(mapped.unmapped, 0u);  // each font has glyphs no code point gives (ligatures, alternates)
    std::set<uint32_t> with_unmapped = used;
    with_unmapped.insert(mapped.unmapped);
    for (const std::set<uint32_t>& gids : {used, with_unmapped}) {
      auto fast = program->subset(gids, &error);
      ASSERT_TRUE(fast) << error;
      auto slow = program->subset(gids, &error, /*ask_by_glyphs=*/true);
      ASSERT_TRUE(slow) << error;
      EXPECT_FALSE(slow->by_code_points);
      // Asked by code points exactly when every glyph has one.
      EXPECT_EQ(fast->by_code_points, gids.size() == used.size());
      by_code_points += fast->by_code_points;
      EXPECT_EQ(fast->old_to_new, slow->old_to_new);
      EXPECT_EQ(fast->program, slow->program);
      EXPECT_GT(fast->program.size(), 1000u);
      ++compared;
    }
  }
  EXPECT_EQ(compared, 12);
  EXPECT_EQ(by_code_points, 6);  // the six text-only sets; the six with an unmapped glyph asked by glyphs
}

}  // namespace
}  // namespace jan20::pdf
