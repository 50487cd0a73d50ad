#pragma once
// `jan20-pdf shape`: shapes one text with one font and prints the glyphs in
// hb-shape's format, exactly as the PDF writer will place them (NFC first,
// then the language's rules and the dotted-i guard). A pure function over its
// options; the CLI parses the command line into ShapeToolOptions.
//
//   jan20-pdf shape --font "Noto Serif" --lang az "fikir"
//   [f=0+369|i=1+320|k=2+585|i=3+320|r=4+471]
#include <string>
#include <vector>

#include "font/collection.h"

namespace jan20::text {

struct ShapeToolOptions {
  // A family ("Noto Serif", "Noto Serif:Bold") looked up like a layout's
  // font, or a font file (a path with '/', or ending .ttf/.otf/.ttc/.otc).
  std::string font;
  // The face already resolved (a layout's font name, resolved as the build
  // does); when set, `font` only names it.
  const font::Face* face = nullptr;
  std::string style = "Regular";  // when `font` is a family without ":Style"
  int index = 0;                  // face index when `font` is a collection file
  std::string lang = "az";        // BCP-47
  std::string script;             // ISO 15924 ("Latn", "Arab"); empty = from the text
  std::string direction;          // "ltr" or "rtl"; empty = from the script
  std::vector<std::string> features;  // "smcp", "-liga,kern=0" (commas separate settings)
  bool explain = false;           // add lines: font file, language system, features, guard
  std::string text;
};

// Writes the glyph line (and, with explain, the explanation lines) to `out`
// and returns 0; on a bad option or an unknown font writes the reason to
// `err` and returns 1.
int run_shape_tool(const ShapeToolOptions& options, font::FontCollection& fonts, std::string* out,
                   std::string* err);

}  // namespace jan20::text
