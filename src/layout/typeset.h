#pragma once
// Layout: flows a document's blocks through the design's master pages into
// pages of positioned glyph runs, paths and images. The entry point of layout/.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "font/collection.h"
#include "model/design.h"
#include "model/document.h"
#include "model/paged.h"
#include "text/shape_cache.h"

namespace jan20::layout {

struct TypesetOptions {
  std::string root;          // project directory (images are resolved against it)
  std::string producer;      // "jan20-pdf 0.1.0"
  int threads = 1;           // paragraphs are set on this many threads (paragraph_memo.h)
};

// What the typesetting did, line by line: for --report and the tests.
struct LineReport {
  int page = 0;
  double ratio = 0;      // of the spaces (what a reader sees); ragged lines: the shortfall in ragged-stretch units
  double expansion = 0;  // font expansion of the line's glyphs (0.01 = 1 %)
  bool loose = false;    // justified, not a last line, |ratio| above the layout's tolerance
  bool hyphenated = false;
  bool overfull = false;
  std::string text;
};
struct ParagraphReport {
  SourceLocation where;
  std::vector<LineReport> lines;
  std::string align;   // "justify", "left", "right", "center"
  // What the lines are: "paragraph", "heading", "quote", "attribution",
  // "list-item", "caption", "fact-figure", "fact-label", "timeline-date",
  // "timeline-event", "table-header", "table-cell", "contents-entry", "contents-page".
  std::string kind;
  int pass = 0;        // Knuth–Plass pass: 1 without hyphenation, 2 with, 3 emergency (no setting within tolerance: impossible)
};
struct TypesetReport {
  std::vector<ParagraphReport> paragraphs;
  int widows = 0, orphans = 0;
  int overfull_lines = 0;
  int max_consecutive_hyphens = 0;
  std::vector<std::string> notes;
};

model::PagedDocument typeset(const model::Document& doc, const model::Design& design,
                             font::FontCollection& fonts, text::ShapeCache& cache,
                             const TypesetOptions& options, DiagnosticSink& sink,
                             TypesetReport* report = nullptr);

}  // namespace jan20::layout
