#pragma once
// Builds glyph runs for the PDF tests by shaping with HarfBuzz directly, the
// way the text stage does: glyphs in visual order, advances in font units,
// each glyph carrying the byte range of the text its cluster stands for.
#include <string>

#include "model/paged.h"

namespace jan20::testing {

constexpr const char* kNotoSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
constexpr const char* kNotoSerifBold = "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf";
constexpr const char* kNotoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr const char* kNotoNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
constexpr const char* kEbGaramond = "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf";

// A FontResource for `path` (units per em and PostScript name read from it).
model::FontResource font_resource(const std::string& path);

struct ShapeOptions {
  std::string lang = "az";      // BCP-47
  bool rtl = false;
  std::string features;         // comma-separated, hb_feature_from_string syntax ("-liga")
};

// Shapes `text` with the font at `path` into a run at (x, y), `size` pt.
model::GlyphRun shape_run(const std::string& path, int font_index, const std::string& text, double size,
                          double x, double y, const ShapeOptions& options = {});

// Appends a hyphen glyph (the font's glyph for U+002D) that stands for no
// text, as the line breaker does at a hyphenation point.
void append_inserted_hyphen(model::GlyphRun& run, const std::string& path);

// Width of the run in points (sum of advances and extras).
double run_width(const model::GlyphRun& run, int units_per_em);

}  // namespace jan20::testing
