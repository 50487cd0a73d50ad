#include "font/face.h"

#include <cstdint>
#include <cstdio>
#include <memory>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>

#include "core/font_file_blob.h"

namespace jan20::font {
namespace {

// The two FreeType objects; FreeType is used only while loading.
using FtLibrary = CHandle<FT_LibraryRec_, FT_Done_FreeType>;
using FtFace = CHandle<FT_FaceRec_, FT_Done_Face>;

std::string hex4(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%04X", v);
  return buf;
}

// A name from the 'name' table in English, or empty.
std::string ot_name(hb_face_t* face, hb_ot_name_id_t id) {
  hb_language_t en = hb_language_from_string("en", -1);
  unsigned len = hb_ot_name_get_utf8(face, id, en, nullptr, nullptr);
  if (len == 0) return {};
  std::string out(len + 1, '\0');
  unsigned size = len + 1;
  hb_ot_name_get_utf8(face, id, en, &size, out.data());
  out.resize(size);
  return out;
}

// Counts contours by counting the outline's move-to operations.
void count_move_to(hb_draw_funcs_t*, void* data, hb_draw_state_t*, float, float, void*) {
  ++*static_cast<int*>(data);
}

uint32_t be32(const unsigned char* p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }
uint16_t be16(const unsigned char* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }

// Whether the sfnt table directory of face `index` lies inside the file and
// every table it lists does too (OpenType spec, "Organization of an OpenType
// font"). FreeType and HarfBuzz read tables lazily and treat a missing or
// cut-off table as empty, so a truncated file would otherwise load, shape
// with wrong glyphs and fail only when the PDF writer subsets it, or embed a
// broken font. Returns what is wrong, or an empty string. Formats other than
// sfnt (WOFF, Type 1) are left to FreeType.
std::string table_directory_problem(const unsigned char* data, size_t size, int index) {
  if (size < 12) return {};
  uint32_t tag = be32(data);
  size_t dir = 0;
  if (tag == 0x74746366) {  // 'ttcf': a collection, with one offset per face
    if (size < 12 || index < 0 || 12 + 4 * (static_cast<size_t>(index) + 1) > size) return {};
    dir = be32(data + 12 + 4 * static_cast<size_t>(index));
    if (dir + 12 > size) return "the file is truncated (face " + std::to_string(index) + " lies past its end)";
    tag = be32(data + dir);
  }
  if (tag != 0x00010000 && tag != 0x4F54544F /* OTTO */ && tag != 0x74727565 /* true */) return {};
  size_t tables = be16(data + dir + 4);
  if (dir + 12 + 16 * tables > size) return "the file is truncated (it ends inside its table directory)";
  for (size_t i = 0; i < tables; ++i) {
    const unsigned char* record = data + dir + 12 + 16 * i;
    uint64_t offset = be32(record + 8), length = be32(record + 12);
    if (offset + length > size) {
      std::string name;
      for (int k = 0; k < 4; ++k) name += record[k] >= 0x20 && record[k] < 0x7F ? static_cast<char>(record[k]) : '?';
      return "the file is truncated or damaged (its '" + name + "' table runs past the end of the file, " +
             std::to_string(size) + " bytes)";
    }
  }
  return {};
}

}  // namespace

std::string embedding_refusal(uint16_t fs_type) {
  if ((fs_type & kFsTypeRestricted) && !(fs_type & (kFsTypePreviewPrint | kFsTypeEditable)))
    return "embedding forbidden by the font's licence (OS/2 fsType " + hex4(fs_type) +
           ": restricted licence embedding)";
  if (fs_type & kFsTypeBitmapOnly)
    return "embedding forbidden by the font's licence (OS/2 fsType " + hex4(fs_type) +
           ": bitmap embedding only, and PDFs embed outlines)";
  return {};
}

std::unique_ptr<Face> Face::load(const std::string& path, int index, int id, std::string* error) {
  auto fail = [&](std::string message) -> std::unique_ptr<Face> {
    if (error) *error = std::move(message);
    return nullptr;
  };
  FileProblem problem;
  hb_blob_t* blob = map_font_file(path, &problem);
  if (!blob)
    return fail(problem.kind == FileProblem::missing ? "cannot read '" + path + "'" : "'" + path + "' " + problem.phrase);
  std::unique_ptr<Face> face(new Face);  // owns the blob from here on
  face->hb_blob_.reset(blob);
  unsigned size = 0;
  const char* data = hb_blob_get_data(blob, &size);
  if (size == 0) return fail("'" + path + "' is empty, not a font file");
  if (std::string why = table_directory_problem(reinterpret_cast<const unsigned char*>(data), size, index);
      !why.empty())
    return fail("'" + path + "': " + why);

  FT_Library raw_lib = nullptr;
  if (FT_Init_FreeType(&raw_lib) != 0) return fail("cannot initialise FreeType");
  FtLibrary lib(raw_lib);
  FT_Face raw_probe = nullptr;
  // Face index -1 asks only for the number of faces in the file.
  if (FT_New_Memory_Face(lib.get(), reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(size),
                         -1, &raw_probe) != 0)
    return fail("'" + path + "' is not a font file (FreeType does not recognise its format)");
  const long num_faces = FtFace(raw_probe)->num_faces;
  if (index < 0 || index >= num_faces)
    return fail("'" + path + "' holds " + std::to_string(num_faces) + " face(s); there is no face index " +
                std::to_string(index));
  FT_Face raw_face = nullptr;
  if (FT_New_Memory_Face(lib.get(), reinterpret_cast<const FT_Byte*>(data), static_cast<FT_Long>(size),
                         index, &raw_face) != 0)
    return fail("'" + path + "' is not a usable font (FreeType cannot open face " + std::to_string(index) + ")");
  FtFace ft(raw_face);
  if (!FT_IS_SFNT(ft.get()) || !FT_IS_SCALABLE(ft.get()))
    return fail("'" + path + "' is not an OpenType or TrueType font (Type 1, bitmap and other formats "
                "cannot be shaped or embedded)");
  face->fs_type_ = FT_Get_FSType_Flags(ft.get());
  if (std::string why = embedding_refusal(face->fs_type_); !why.empty()) return fail("'" + path + "': " + why);
  if (const char* ps = FT_Get_Postscript_Name(ft.get())) face->postscript_name_ = ps;

  face->hb_face_.reset(hb_face_create(blob, static_cast<unsigned>(index)));
  face->glyph_count_ = hb_face_get_glyph_count(face->hb_face());
  // FreeType reads WOFF; HarfBuzz 6 and the PDF subsetter do not.
  if (face->glyph_count_ == 0)
    return fail("'" + path + "' has no glyphs HarfBuzz can read (a WOFF/WOFF2 file? use the .ttf or .otf)");
  unsigned upem = hb_face_get_upem(face->hb_face());
  face->hb_font_.reset(hb_font_create(face->hb_face()));
  hb_font_set_scale(face->hb_font(), static_cast<int>(upem), static_cast<int>(upem));
  hb_font_make_immutable(face->hb_font());

  face->path_ = path;
  face->index_ = index;
  face->id_ = id;
  face->family_ = ot_name(face->hb_face(), HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
  if (face->family_.empty()) face->family_ = ot_name(face->hb_face(), HB_OT_NAME_ID_FONT_FAMILY);
  if (face->family_.empty() && ft->family_name) face->family_ = ft->family_name;
  face->style_ = ot_name(face->hb_face(), HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY);
  if (face->style_.empty()) face->style_ = ot_name(face->hb_face(), HB_OT_NAME_ID_FONT_SUBFAMILY);
  if (face->style_.empty() && ft->style_name) face->style_ = ft->style_name;
  if (face->postscript_name_.empty()) face->postscript_name_ = face->family_;

  auto metric = [&](hb_ot_metrics_tag_t tag) {
    hb_position_t v = 0;
    hb_ot_metrics_get_position_with_fallback(face->hb_font(), tag, &v);
    return static_cast<int>(v);
  };
  face->metrics_.units_per_em = static_cast<int>(upem);
  face->metrics_.ascender = metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER);
  face->metrics_.descender = metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER);
  face->metrics_.cap_height = metric(HB_OT_METRICS_TAG_CAP_HEIGHT);
  face->metrics_.x_height = metric(HB_OT_METRICS_TAG_X_HEIGHT);
  return face;
}

uint32_t Face::look_up_glyph(char32_t cp) const {
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(hb_font(), cp, &gid)) gid = 0;
  if (cp < kGlyphCacheSize) glyph_cache_[cp].store(gid + 1, std::memory_order_relaxed);
  return gid;
}

std::string Face::glyph_name(uint32_t gid) const {
  char buf[128];
  if (hb_font_get_glyph_name(hb_font(), gid, buf, sizeof buf) && buf[0] != '\0') return buf;
  return "gid" + std::to_string(gid);
}

int32_t Face::advance(uint32_t gid) const { return hb_font_get_glyph_h_advance(hb_font(), gid); }

int Face::contour_count(uint32_t gid) const {
  // Draw funcs are cheap to create; one per call keeps Face free of shared state.
  CHandle<hb_draw_funcs_t, hb_draw_funcs_destroy> funcs(hb_draw_funcs_create());
  hb_draw_funcs_set_move_to_func(funcs.get(), count_move_to, nullptr, nullptr);
  int count = 0;
  hb_font_get_glyph_shape(hb_font(), gid, funcs.get(), &count);
  return count;
}

}  // namespace jan20::font
