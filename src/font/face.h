#pragma once
// A font face: the one place that owns FreeType and HarfBuzz font objects.
// Faces are created by FontCollection and live as long as it does.
//
// FreeType opens and validates the file (format, face index, OS/2 fsType,
// PostScript name) and is closed again once the face is loaded; from then on
// every query goes through HarfBuzz's own OpenType functions, which are safe
// to call from several threads at once on the same hb_font_t. A Face is
// therefore immutable after load() and may be shared freely between threads.
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include <hb.h>

#include "core/c_handle.h"

namespace jan20::font {

struct FaceMetrics {  // font units
  int units_per_em = 1000;
  int ascender = 0;
  int descender = 0;  // negative below the baseline
  int cap_height = 0;
  int x_height = 0;
};

// OS/2 fsType bits (OpenType spec, OS/2 table, "fsType").
inline constexpr uint16_t kFsTypeRestricted = 0x0002;      // no embedding without permission
inline constexpr uint16_t kFsTypePreviewPrint = 0x0004;    // embed for viewing and printing
inline constexpr uint16_t kFsTypeEditable = 0x0008;        // embed, documents may be edited
inline constexpr uint16_t kFsTypeNoSubsetting = 0x0100;    // embed the whole font only
inline constexpr uint16_t kFsTypeBitmapOnly = 0x0200;      // only bitmaps may be embedded

// Why a font's licence bits forbid us from embedding it, or empty when they
// allow it. We embed outlines (never bitmaps) in print PDFs, so:
//  - restricted-licence (0x0002) forbids, unless the preview&print (0x0004) or
//    editable (0x0008) bit is also set: fonts from before OS/2 version 3 may
//    set several bits, and the spec says the least restrictive one applies;
//  - bitmap-embedding-only (0x0200) forbids, as we would embed outlines.
// No-subsetting (0x0100) does not forbid embedding; see Face::subsetting_allowed().
std::string embedding_refusal(uint16_t fs_type);

class Face {
 public:
  // Loads path/index through FreeType and HarfBuzz. Returns nullptr and sets
  // `error` ("not a font file", "embedding forbidden by the font's licence
  // (OS/2 fsType 0x0002)", …) when the face cannot be used.
  static std::unique_ptr<Face> load(const std::string& path, int index, int id, std::string* error);
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  int id() const { return id_; }  // index in the FontCollection, = model::GlyphRun::font
  const std::string& path() const { return path_; }
  int index() const { return index_; }
  const std::string& postscript_name() const { return postscript_name_; }
  const std::string& family() const { return family_; }
  const std::string& style_name() const { return style_; }  // "Regular", "Bold Italic"
  const FaceMetrics& metrics() const { return metrics_; }
  int units_per_em() const { return metrics_.units_per_em; }
  uint16_t fs_type() const { return fs_type_; }
  // False when the licence asks for the whole font to be embedded (fsType 0x0100).
  bool subsetting_allowed() const { return (fs_type_ & kFsTypeNoSubsetting) == 0; }
  unsigned glyph_count() const { return glyph_count_; }

  hb_face_t* hb_face() const { return hb_face_.get(); }
  hb_font_t* hb_font() const { return hb_font_.get(); }  // scale = units_per_em: positions in font units

  bool has_glyph(char32_t cp) const { return glyph_for(cp) != 0; }
  // 0 when missing. Inline for the remembered code points: itemize asks for
  // nearly every character of every paragraph.
  uint32_t glyph_for(char32_t cp) const {
    if (cp < kGlyphCacheSize)
      if (const uint32_t known = glyph_cache_[cp].load(std::memory_order_relaxed)) return known - 1;
    return look_up_glyph(cp);
  }
  std::string glyph_name(uint32_t gid) const;  // from the post table or CFF charset, or "gidN"
  int32_t advance(uint32_t gid) const;          // font units
  // Number of closed contours in the glyph's outline, components flattened
  // (a dotted i has two: stem and dot). Used to notice a glyph that lost its dot.
  int contour_count(uint32_t gid) const;

 private:
  Face() = default;
  int id_ = 0;
  std::string path_;
  int index_ = 0;
  std::string postscript_name_;
  std::string family_;
  std::string style_;
  FaceMetrics metrics_;
  uint16_t fs_type_ = 0;
  unsigned glyph_count_ = 0;
  // Released in reverse order: the font, then the face, then the file's blob.
  CHandle<hb_blob_t, hb_blob_destroy> hb_blob_;
  CHandle<hb_face_t, hb_face_destroy> hb_face_;
  CHandle<hb_font_t, hb_font_destroy> hb_font_;
  // The cmap's answer, remembered when `cp` is one of the first code points.
  uint32_t look_up_glyph(char32_t cp) const;
  // glyph_for's answers for the first code points (Latin, Greek, Cyrillic,
  // where almost all text is), learnt on first use: itemize asks for every
  // character of every paragraph. Each slot holds the glyph id + 1, or 0 while
  // not yet known; relaxed atomics, as every thread would store the same value.
  static constexpr char32_t kGlyphCacheSize = 0x530;
  mutable std::array<std::atomic<uint32_t>, kGlyphCacheSize> glyph_cache_{};
};

}  // namespace jan20::font
