// Face loading: real fonts from Debian's packages, and copies of them with one
// table field changed to produce the fonts we must refuse.
#include "font/face.h"

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "support/test_support.h"

namespace jan20::font {
namespace {

const std::string kNotoSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
const std::string kGaramond = "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf";

uint32_t be32(const std::string& s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

// Offset of an sfnt table in the font file, from its table directory.
size_t table_offset(const std::string& font, const char* tag) {
  uint16_t count = static_cast<uint16_t>(static_cast<unsigned char>(font[4]) << 8 | static_cast<unsigned char>(font[5]));
  for (size_t i = 0; i < count; ++i) {
    size_t rec = 12 + 16 * i;
    if (font.compare(rec, 4, tag) == 0) return be32(font, rec + 8);
  }
  ADD_FAILURE() << "no table " << tag;
  return 0;
}

// A copy of Noto Serif with bytes [at, at+bytes.size()) of `table` replaced.
std::string patched_font(const char* table, size_t at, const std::string& bytes) {
  std::string font = testing::read_file(kNotoSerif);
  size_t offset = table_offset(font, table);
  font.replace(offset + at, bytes.size(), bytes);
  std::string path = testing::make_temp_dir() + "/patched.ttf";
  testing::write_file(path, font);
  return path;
}

std::string with_fs_type(uint16_t fs_type) {
  // OS/2: version (2 bytes), xAvgCharWidth, usWeightClass, usWidthClass, then fsType at byte 8.
  return patched_font("OS/2", 8, std::string{static_cast<char>(fs_type >> 8), static_cast<char>(fs_type & 0xFF)});
}

void put32(std::string& s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + i] = static_cast<char>(v >> (24 - 8 * i));
}

// A TrueType collection of the given fonts: a 'ttcf' header, then each font
// whole, with its table offsets moved by where it now starts.
std::string collection_of(const std::vector<std::string>& paths) {
  size_t header = 12 + 4 * paths.size();
  std::string ttc(header, '\0');
  ttc.replace(0, 4, "ttcf");
  put32(ttc, 4, 0x00010000);
  put32(ttc, 8, static_cast<uint32_t>(paths.size()));
  for (size_t f = 0; f < paths.size(); ++f) {
    std::string font = testing::read_file(paths[f]);
    while (ttc.size() % 4) ttc += '\0';
    size_t base = ttc.size();
    put32(ttc, 12 + 4 * f, static_cast<uint32_t>(base));
    size_t tables = static_cast<size_t>(static_cast<unsigned char>(font[4]) << 8 | static_cast<unsigned char>(font[5]));
    for (size_t i = 0; i < tables; ++i) put32(font, 12 + 16 * i + 8, static_cast<uint32_t>(be32(font, 12 + 16 * i + 8) + base));
    ttc += font;
  }
  std::string path = testing::make_temp_dir() + "/collection.ttc";
  testing::write_file(path, ttc);
  return path;
}

TEST(Face, LoadsTrueTypeWithNamesMetricsAndCoverage) {
  std::string error;
  auto face = Face::load(kNotoSerif, 0, 3, &error);
  ASSERT_TRUE(face) << error;
  EXPECT_EQ(face->id(), 3);
  EXPECT_EQ(face->family(), "Noto Serif");
  EXPECT_EQ(face->style_name(), "Regular");
  EXPECT_EQ(face->postscript_name(), "NotoSerif-Regular");
  EXPECT_EQ(face->units_per_em(), 1000);
  EXPECT_GT(face->metrics().ascender, face->metrics().cap_height);
  EXPECT_GT(face->metrics().cap_height, face->metrics().x_height);
  EXPECT_GT(face->metrics().x_height, 0);
  EXPECT_LT(face->metrics().descender, 0);
  EXPECT_TRUE(face->has_glyph(U'ə'));
  EXPECT_TRUE(face->has_glyph(U'İ'));
  EXPECT_FALSE(face->has_glyph(U'\u0627'));  // Arabic alef: Noto Naskh Arabic's job
  EXPECT_EQ(face->glyph_name(face->glyph_for(U'f')), "f");
  EXPECT_EQ(face->glyph_name(face->glyph_for(U'İ')), "Idotaccent");
  // hb_font scale = upem, so advances are font units: Noto Serif's i is 320 wide.
  EXPECT_EQ(face->advance(face->glyph_for(U'i')), 320);
  EXPECT_TRUE(face->subsetting_allowed());
}

TEST(Face, ReadsGlyphNamesFromCff) {
  std::string error;
  auto face = Face::load(kGaramond, 0, 0, &error);
  ASSERT_TRUE(face) << error;
  EXPECT_EQ(face->glyph_name(face->glyph_for(U'i')), "i");
  EXPECT_EQ(face->glyph_name(face->glyph_for(U'ş')), "scedilla");
  hb_codepoint_t trk = 0;
  ASSERT_TRUE(hb_font_get_glyph_from_name(face->hb_font(), "i.TRK", -1, &trk));
  EXPECT_EQ(face->glyph_name(trk), "i.TRK");
}

TEST(Face, NamesGlyphsGidNWhenTheFontHasNoNames) {
  // post table version 3.0 carries no glyph names.
  std::string path = patched_font("post", 0, std::string("\x00\x03\x00\x00", 4));
  std::string error;
  auto face = Face::load(path, 0, 0, &error);
  ASSERT_TRUE(face) << error;
  uint32_t f = face->glyph_for(U'f');
  ASSERT_NE(f, 0u);
  EXPECT_EQ(face->glyph_name(f), "gid" + std::to_string(f));
}

TEST(Face, CountsContoursSoALostDotShows) {
  std::string error;
  auto face = Face::load(kNotoSerif, 0, 0, &error);
  ASSERT_TRUE(face) << error;
  EXPECT_EQ(face->contour_count(face->glyph_for(U'i')), 2);
  EXPECT_EQ(face->contour_count(face->glyph_for(U'ı')), 1);
  EXPECT_EQ(face->contour_count(face->glyph_for(U'İ')), 2);
  EXPECT_EQ(face->contour_count(face->glyph_for(U' ')), 0);
}

TEST(Face, LoadsTheFacesOfACollectionByIndex) {
  std::string ttc = collection_of({kNotoSerif, "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf"});
  std::string error;
  auto regular = Face::load(ttc, 0, 0, &error);
  auto bold = Face::load(ttc, 1, 1, &error);
  ASSERT_TRUE(regular && bold) << error;
  EXPECT_EQ(regular->postscript_name(), "NotoSerif-Regular");
  EXPECT_EQ(bold->postscript_name(), "NotoSerif-Bold");
  EXPECT_EQ(bold->index(), 1);
  EXPECT_EQ(bold->style_name(), "Bold");
  EXPECT_NE(regular->advance(regular->glyph_for(U'a')), bold->advance(bold->glyph_for(U'a')));
  EXPECT_FALSE(Face::load(ttc, 2, 2, &error));
  EXPECT_EQ(error, "'" + ttc + "' holds 2 face(s); there is no face index 2");
}

TEST(Face, RefusesAFileThatIsNotAFont) {
  std::string path = testing::make_temp_dir() + "/notes.ttf";
  testing::write_file(path, "20 Yanvar 1990 — this is text, not a font\n");
  std::string error;
  EXPECT_FALSE(Face::load(path, 0, 0, &error));
  EXPECT_EQ(error, "'" + path + "' is not a font file (FreeType does not recognise its format)");
}

TEST(Face, RefusesAMissingFileAndAnAbsentFaceIndex) {
  std::string error;
  EXPECT_FALSE(Face::load("/nonexistent/font.ttf", 0, 0, &error));
  EXPECT_EQ(error, "cannot read '/nonexistent/font.ttf'");
  EXPECT_FALSE(Face::load(kNotoSerif, 1, 0, &error));
  EXPECT_EQ(error, "'" + kNotoSerif + "' holds 1 face(s); there is no face index 1");
}

TEST(Face, RefusesRestrictedLicenceEmbedding) {
  std::string path = with_fs_type(0x0002);
  std::string error;
  EXPECT_FALSE(Face::load(path, 0, 0, &error));
  EXPECT_NE(error.find("embedding forbidden by the font's licence (OS/2 fsType 0x0002"), std::string::npos) << error;
}

TEST(Face, RefusesBitmapOnlyEmbedding) {
  std::string error;
  EXPECT_FALSE(Face::load(with_fs_type(0x0200), 0, 0, &error));
  EXPECT_NE(error.find("bitmap embedding only"), std::string::npos) << error;
}

TEST(Face, AcceptsRestrictedBitWhenALessRestrictiveBitIsSet) {
  // Pre-version-3 fonts may set several bits; the least restrictive applies.
  for (uint16_t fs : {0x0006, 0x000A, 0x0004, 0x0008, 0x0000}) {
    std::string error;
    auto face = Face::load(with_fs_type(fs), 0, 0, &error);
    ASSERT_TRUE(face) << "fsType " << fs << ": " << error;
    EXPECT_EQ(face->fs_type(), fs);
  }
}

TEST(Face, ReportsNoSubsetting) {
  std::string error;
  auto face = Face::load(with_fs_type(0x0100), 0, 0, &error);
  ASSERT_TRUE(face) << error;
  EXPECT_FALSE(face->subsetting_allowed());
}

TEST(EmbeddingRefusal, FollowsTheSpec) {
  EXPECT_EQ(embedding_refusal(0x0000), "");
  EXPECT_EQ(embedding_refusal(0x0004), "");
  EXPECT_EQ(embedding_refusal(0x0008), "");
  EXPECT_EQ(embedding_refusal(0x0106), "");
  EXPECT_NE(embedding_refusal(0x0002), "");
  EXPECT_NE(embedding_refusal(0x0102), "");
  EXPECT_NE(embedding_refusal(0x0208), "");
}

}  // namespace
}  // namespace jan20::font
