#pragma once
// Bold or italic drawn from another weight: for each paragraph style, the
// characters the content sets in it (after its case transform), and for
// each one the face that draws it — the style's font, or the first of its
// fallbacks that has it, as text/itemize does. A character drawn by a face
// of another weight or slant than the style's font (an 'ı' in a bold
// heading taken from a regular fallback) is a gap: `fonts` lists the gaps
// per style and `check` / `build` warn about them.
//
// Which style a block's text is set in follows layout/block_builder.cpp:
// the block's `style`, else its kind's style ("h2", "quote", "fact-value",
// …), prefixed with the page's master when the layout has that style
// ("cover-h1"); the contents entries and running headers too.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "font/collection.h"
#include "model/design.h"
#include "model/document.h"

namespace jan20::build {

struct StyleFaceGap {
  std::string style;          // "h1"
  std::string variant;        // "regular", "emphasis" or "strong"
  std::string font;           // the layout's font name the style sets that text in ("garamond-bold")
  std::string face;           // that font's face, "EB Garamond Bold"
  std::string drawn_from;     // the fallback's face that draws the characters, "EB Garamond Regular";
                              // "" when no face of the style has them (the build reports those as errors)
  std::vector<char32_t> characters;  // in code point order
  SourceLocation where;       // the style's table in the layout
};

std::vector<StyleFaceGap> style_face_gaps(const model::Design& design, const model::Document& doc,
                                          font::FontCollection& fonts);

// One warning per gap drawn from another weight, at the style's table in the layout.
void warn_style_face_gaps(const std::vector<StyleFaceGap>& gaps, DiagnosticSink& sink);

// "'ı' U+0131, 'ş' U+015F"
std::string describe_characters(const std::vector<char32_t>& characters);

}  // namespace jan20::build
