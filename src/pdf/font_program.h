#pragma once
// A font file as the PDF writer needs it: metrics for the FontDescriptor, the
// advance of each glyph for /W, and an hb-subset subset holding only the
// glyphs the document uses. The only place the pdf stage touches HarfBuzz.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

// HarfBuzz stays private to the pdf library: its types are only named here.
struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;

namespace jan20::pdf {

struct FontMetrics {
  int units_per_em = 1000;
  int ascent = 0, descent = 0, cap_height = 0;  // font units (descent negative)
  int bbox[4] = {0, 0, 0, 0};                   // xMin yMin xMax yMax, font units
  double italic_angle = 0;                       // degrees, from 'post'
  bool fixed_pitch = false;
  int weight = 400;                              // OS/2 usWeightClass
  uint16_t fs_type = 0;                          // OS/2 embedding permissions
  bool cff = false;                              // outlines in a 'CFF ' table (.otf)
  std::string postscript_name;
};

struct FontSubset {
  // What goes into the PDF: a whole TrueType font (FontFile2), or the bare
  // 'CFF ' table (FontFile3 /CIDFontType0C) for CFF-flavoured OpenType.
  std::string program;
  // hb-subset renumbers glyphs densely (in the order of the original ids);
  // the new id is the CID we write (CIDToGIDMap /Identity for TrueType; for a
  // name-keyed CFF the CID is the glyph index by definition).
  std::map<uint32_t, uint32_t> old_to_new;
  bool by_code_points = false;  // how hb-subset was asked (FontProgram::subset)
};

class FontProgram {
 public:
  // Opens `path` (face `index` of a collection). Returns null and sets
  // `error` when the file cannot be read or is not a font.
  static std::unique_ptr<FontProgram> open(const std::string& path, int index, std::string* error);
  // The same for a face already loaded (the font stage's): it is shared, not
  // read again. `path` names it in errors.
  static std::unique_ptr<FontProgram> share(hb_face_t* face, const std::string& path, int index, std::string* error);
  ~FontProgram();  // defined where Handles is complete

  const FontMetrics& metrics() const { return metrics_; }
  unsigned glyph_count() const;
  // Horizontal advance from 'hmtx' (font units): what /W must say.
  int advance(uint32_t gid) const;
  // The glyph the font's cmap gives `c` (0 when it has none).
  uint32_t nominal_glyph(char32_t c) const;
  // Subsets to `gids` (glyph 0 is always kept), dropping layout tables
  // (GSUB/GPOS/GDEF: a PDF positions every glyph itself) and hinting.
  //
  // How hb-subset is asked: given glyphs, it maps the font's whole cmap
  // first (2 M instructions for Noto Serif, every time); given the code
  // points whose cmap glyphs are exactly `gids`, it looks up only those, and
  // plans the same subset. So when every glyph but 0 is some code point's
  // glyph (and the font has no variation sequences, whose cmap subtable
  // hb-subset fills from the glyphs asked for), it is asked by code points.
  // `ask_by_glyphs` forces the first way (tests compare the two).
  std::optional<FontSubset> subset(const std::set<uint32_t>& gids, std::string* error,
                                   bool ask_by_glyphs = false) const;
  // The whole font, for licences that forbid subsetting (OS/2 fsType 0x0100):
  // every glyph keeps its id. A face of a collection is copied out into a
  // font of its own (hb-subset keeping every glyph and table).
  std::optional<FontSubset> whole(const std::set<uint32_t>& gids, std::string* error) const;

 private:
  FontProgram() = default;
  // Checks the face and reads its metrics (open, share).
  static std::unique_ptr<FontProgram> finish(std::unique_ptr<FontProgram> f, const std::string& path, int index,
                                             std::string* error);
  std::string table(uint32_t tag) const;
  bool has_table(uint32_t tag) const;  // without copying it
  void read_metrics();

  // The code points whose cmap glyph is `gid` appended to `out`; false when
  // there are none, or when the font has variation sequences.
  bool code_points_of(uint32_t gid, std::vector<uint32_t>& out) const;
  struct ReverseCmap;  // (font_program.cpp)
  // Built on first use and kept with the face, which the editions share.
  const ReverseCmap& reverse_cmap() const;

  struct Handles;  // the file's blob, its face and font, owned (font_program.cpp)
  std::unique_ptr<Handles> hb_;
  FontMetrics metrics_;
  mutable std::unique_ptr<ReverseCmap> own_reverse_;  // only when the face would not keep it
};

}  // namespace jan20::pdf
