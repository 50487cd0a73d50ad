#pragma once
// A font face: the one place that owns FreeType and HarfBuzz font objects.
// Faces are created by FontCollection and live as long as it does.
#include <cstdint>
#include <memory>
#include <string>

#include <hb.h>

namespace jan20::font {

struct FaceMetrics {  // font units
  int units_per_em = 1000;
  int ascender = 0;
  int descender = 0;  // negative below the baseline
  int cap_height = 0;
  int x_height = 0;
};

class Face {
 public:
  // Loads path/index through FreeType and HarfBuzz. Returns nullptr and sets
  // `error` ("not a font file", "embedding forbidden by the font's licence
  // (OS/2 fsType 0x0002)", …) when the face cannot be used.
  static std::unique_ptr<Face> load(const std::string& path, int index, int id, std::string* error);
  ~Face();
  Face(const Face&) = delete;
  Face& operator=(const Face&) = delete;

  int id() const { return id_; }  // index in the FontCollection, = model::GlyphRun::font
  const std::string& path() const { return path_; }
  int index() const { return index_; }
  const std::string& postscript_name() const { return postscript_name_; }
  const std::string& family() const { return family_; }
  const FaceMetrics& metrics() const { return metrics_; }
  int units_per_em() const { return metrics_.units_per_em; }

  hb_face_t* hb_face() const { return hb_face_; }
  hb_font_t* hb_font() const { return hb_font_; }  // scale = units_per_em: positions in font units

  bool has_glyph(char32_t cp) const;
  uint32_t glyph_for(char32_t cp) const;  // 0 when missing
  std::string glyph_name(uint32_t gid) const;  // from the post table, or "gidN"
  int32_t advance(uint32_t gid) const;          // font units

 private:
  Face() = default;
  int id_ = 0;
  std::string path_;
  int index_ = 0;
  std::string postscript_name_;
  std::string family_;
  FaceMetrics metrics_;
  hb_blob_t* hb_blob_ = nullptr;
  hb_face_t* hb_face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
};

}  // namespace jan20::font
