#pragma once
// Our own glyph fonts inside libharu's document: a Type0 font with
// /Encoding /Identity-H over a CIDFontType2 (TrueType outlines, FontFile2) or
// a CIDFontType0 (CFF outlines, FontFile3 /CIDFontType0C), embedding an
// hb-subset subset, with a /W array and a ToUnicode CMap built from the text
// each glyph stands for. Built with libharu's object layer (the recipe in
// PDF-GLYPH-FONTS.md): plain dictionaries that pages reference through
// HPDF_Page_GetLocalFontName.
#include <hpdf.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/paged.h"
#include "pdf/font_program.h"
#include "pdf/glyph_run.h"
#include "pdf/haru.h"

namespace jan20::pdf {

struct EmbeddedFont {
  HPDF_Dict type0 = nullptr;  // what pages reference
  GlyphMapping mapping;       // how (glyph, text) pairs become CIDs
  std::string base_font;      // "ABCDEF+NotoSerif-Regular"
};

// CIDs for a font's (glyph, text) pairs. TrueType (`cid_per_text`): one CID
// per pair, numbered from 1 in (glyph, text) order, and `cid_to_gid` gets the
// subset glyph of every CID (the CIDToGIDMap). CFF: the CID is the subset
// glyph index (a name-keyed CFF allows nothing else); each glyph's ToUnicode
// text is the one it stands for most often, the others need /ActualText.
// `advance` gives a glyph's advance in font units.
GlyphMapping assign_cids(const FontUse& use, const std::map<uint32_t, uint32_t>& old_to_new,
                         const std::function<int(uint32_t)>& advance, int units_per_em, bool cid_per_text,
                         std::vector<uint16_t>* cid_to_gid);

// What embedding a font works out before it touches the document: the
// glyphs and texts it uses, whether it may be embedded, and its subset
// (hb-subset, most of the cost). It reads only the font program and the
// pairs, so a document's fonts can be prepared on several threads at once.
struct PreparedFont {
  FontUse use;
  enum class Refused { No, Licence, GlyphOutOfRange } refused = Refused::No;
  uint32_t bad_glyph = 0;            // GlyphOutOfRange: the first such glyph id
  std::optional<FontSubset> subset;  // empty when refused, or when subsetting failed (`error`)
  std::string error;
};
PreparedFont prepare_glyph_font(const model::FontResource& resource, const FontProgram& program,
                                const GlyphPairs& pairs);

// Adds the font's objects to `doc`, with its subset from `prepared`
// (prepare_glyph_font of the same resource, program and pairs). Reports into
// `sink` (with the font's path) and returns false on failure: embedding
// forbidden by the font's licence bits (OS/2 fsType), glyph ids the font does
// not have, subsetting failure, libharu errors.
bool embed_glyph_font(HaruDoc& doc, const model::FontResource& resource, const FontProgram& program,
                      const GlyphPairs& pairs, PreparedFont prepared, EmbeddedFont* out, DiagnosticSink& sink);

}  // namespace jan20::pdf
