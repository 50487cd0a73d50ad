#pragma once
// Setting a paragraph: itemize (bidi, script, language, font fallback), shape
// (cached per word), find break opportunities (UAX #14 + our no-break rules),
// hyphenate, and choose lines with Knuth–Plass. The entry point of text/.
#include <cstddef>
#include <memory>
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
  // Optional: the build's hyphenators, so that pattern files are read once
  // per build. When set, its rules are used and `hyphenation` is ignored.
  Hyphenators* hyphenators = nullptr;
};

struct LinkArea {  // a link's extent on a line, x relative to the line start
  double x = 0, width = 0;
  std::string uri;
};

struct Line {
  std::vector<model::GlyphRun> runs;  // x relative to the line's left edge, y = 0 on the baseline
  std::vector<LinkArea> links;
  double width = 0;           // set width after justification, first-line indent included, protrusion not:
                              // a full justified line is the measure wide between its margins
  double natural_width = 0;   // the same with every space at its natural width
  // Adjustment ratio of the line's spaces (stretch > 0, shrink < 0; 0 on a
  // justified paragraph's last line). Ragged lines: the shortfall over the
  // ragged stretch (how far the line is from the measure, in units of
  // LineBreakParams::ragged_stretch em). 1000 for a justified line that
  // cannot stretch at all (a lone word).
  double ratio = 0;
  double expansion = 0;       // font expansion of the line's glyphs (0.01 = 1 % wider); runs carry it as hscale
  // pt hung into the margins (character protrusion): the runs start
  // `protrusion_left` left of the line's edge and end `protrusion_right`
  // beyond the measure.
  double protrusion_left = 0, protrusion_right = 0;
  bool hyphenated = false;    // ends with a hyphen: an inserted one or a hard one
  bool overfull = false;      // wider than the measure (reported as a warning)
  double ascent = 0, descent = 0;  // pt, largest on the line (descent positive)
  // Bytes of ParagraphInput::text on this line, including the spaces dropped
  // at its end: the lines' ranges follow each other without gaps.
  size_t text_begin = 0, text_end = 0;
};

struct ParagraphResult {
  std::vector<Line> lines;
  double demerits = 0;
  int pass = 0;  // Knuth–Plass pass that found the lines: 1, 2 (hyphenation) or 3 (emergency)
};

// Sets a paragraph. Lines that cannot fit (a word wider than the measure) are
// reported at the span's location and kept, flagged overfull.
ParagraphResult typeset_paragraph(const ParagraphInput& input, ShapeCache& cache, DiagnosticSink& sink);

// Working space kept from one paragraph to the next by a caller that sets
// many on one thread (the line breaker's feasible breaks, a line's pieces,
// the plain words met so far, linebreak/prepared_words.h, and the analyses of
// the texts set more than once lately, text_analysis.h): its memory is
// reused instead of allocated and touched afresh for each paragraph. It never
// changes the result. The words it keeps point into the ShapeCache and name
// the Hyphenators they were cut with: a scratch is used with one cache and
// one set of hyphenators that outlive it (a build's), and keeps words only
// for paragraphs that give their Hyphenators.
class ParagraphScratch {
 public:
  ParagraphScratch();
  ~ParagraphScratch();
  ParagraphScratch(const ParagraphScratch&) = delete;
  ParagraphScratch& operator=(const ParagraphScratch&) = delete;
  struct Buffers;
  Buffers& buffers() { return *buffers_; }
  size_t prepared_words() const;  // how many plain words it keeps
  size_t reused_analyses() const;  // settings that found their text's analysis kept (text_analysis.h)
  void forget_words();            // lets them go, with their memory

 private:
  std::unique_ptr<Buffers> buffers_;
};
// The same result as typeset_paragraph(input, cache, sink), set in `scratch`.
ParagraphResult typeset_paragraph(const ParagraphInput& input, ShapeCache& cache, DiagnosticSink& sink,
                                  ParagraphScratch& scratch);

}  // namespace jan20::text
