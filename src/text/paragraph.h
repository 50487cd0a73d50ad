#pragma once
// Setting a paragraph: itemize (bidi, script, language, font fallback), shape
// (cached per word), find break opportunities (UAX #14 + our no-break rules),
// hyphenate, and choose lines with Knuth–Plass. The entry point of text/.
#include <cstddef>
#include <string>
#include <vector>

#include "core/color.h"
#include "core/diagnostic.h"
#include "font/face.h"
#include "model/design.h"
#include "model/paged.h"
#include "text/hyphenate.h"
#include "text/linebreak/params.h"  // LineBreakParams

namespace jan20::text {

class ShapeCache;  // per-word shaping cache; one per build, see shape_cache.h

struct TextStyle {
  const font::Face* face = nullptr;
  std::vector<const font::Face*> fallbacks;  // tried in order for characters `face` lacks
  double size = 10.5;          // pt
  double tracking = 0;         // 1/1000 em
  Color color = Color::black_k();
  std::vector<std::string> features;
  int tag = -1;                // structure tag for the glyph runs (model::Tag index)
};

struct StyledSpan {
  size_t begin = 0, end = 0;   // byte range in ParagraphInput::text
  TextStyle style;
  std::string lang;            // BCP-47; empty = paragraph language
  std::string link;            // URI, if the span is a link
  SourceLocation where;        // where the span's text starts in the content (for diagnostics)
};

struct ParagraphInput {
  std::string text;                  // UTF-8, NFC, case transforms already applied
  std::vector<StyledSpan> spans;     // cover text in order, without gaps
  std::string lang = "az";           // paragraph language
  model::Align align = model::Align::Justify;
  double measure = 0;                // line width, pt
  double first_indent = 0;           // pt
  bool hyphenate = true;
  HyphenationRules hyphenation;
  LineBreakParams params;
};

struct LinkArea {  // a link's extent on a line, x relative to the line start
  double x = 0, width = 0;
  std::string uri;
};

struct Line {
  std::vector<model::GlyphRun> runs;  // x relative to the line's left edge, y = 0 on the baseline
  std::vector<LinkArea> links;
  double width = 0;           // set width after justification
  double natural_width = 0;
  double ratio = 0;           // adjustment ratio (stretch > 0, shrink < 0)
  bool hyphenated = false;
  bool overfull = false;
  double ascent = 0, descent = 0;  // pt, largest on the line (descent positive)
  size_t text_begin = 0, text_end = 0;  // bytes of ParagraphInput::text on this line
};

struct ParagraphResult {
  std::vector<Line> lines;
  double demerits = 0;
};

// Sets a paragraph. Lines that cannot fit (a word wider than the measure) are
// reported at the span's location and kept, flagged overfull.
ParagraphResult set_paragraph(const ParagraphInput& input, ShapeCache& cache, DiagnosticSink& sink);

}  // namespace jan20::text
