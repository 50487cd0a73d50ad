#pragma once
// From chosen breaks back to glyphs (TeX: The Program §877–§890, "post line
// break"): the nodes of each line become model::GlyphRuns.
//  - At a line end inside a word the word's last part on the line is
//    reshaped: with the hyphen appended at a hyphenation point (so the
//    hyphen is kerned against its letter), and at other breaks only where
//    HarfBuzz flags the glyph after the break unsafe to break. The first part
//    of the next line is reshaped under the same condition.
//  - The line is justified with the widths actually shaped: the spaces'
//    Glyph::extra takes the difference, in proportion to their stretch (or
//    shrink); tracking is Glyph::extra on every glyph.
//  - Parts of the line in one text::ShapingRun make one GlyphRun; runs are put in
//    visual order by the UBA's rule L2 (visual_order) and placed left to
//    right, aligned per the paragraph's alignment.
#include <cstddef>
#include <memory>

#include "text/linebreak/collect.h"
#include "text/linebreak/knuth_plass.h"
#include "text/paragraph.h"

namespace jan20::text::linebreak {

struct LineContext {
  const ParagraphInput& input;
  const std::vector<text::ShapingRun>& shaping_runs;
  const Collected& collected;
  ShapeCache& cache;
  bool rtl = false;  // the paragraph's base direction
};

struct LinePlace {
  const ChosenLine* line = nullptr;
  const ChosenLine* previous = nullptr;  // the line before, if any
  bool first = false;                   // the paragraph's first line (indent)
  bool last = false;                    // ends at a forced break: set like a last line
  size_t text_begin = 0, text_end = 0;
};

Line typeset_line(const LineContext& ctx, const LinePlace& place);

// Working space that typeset_line keeps from one line of a paragraph to the
// next, so that setting a line allocates little beyond the line itself.
class LineScratch {
 public:
  LineScratch();
  ~LineScratch();
  LineScratch(const LineScratch&) = delete;
  LineScratch& operator=(const LineScratch&) = delete;
  struct Buffers;
  Buffers& buffers() { return *buffers_; }

 private:
  std::unique_ptr<Buffers> buffers_;
};
// The same line as typeset_line(ctx, place), set in `scratch`.
Line typeset_line(const LineContext& ctx, const LinePlace& place, LineScratch& scratch);

}  // namespace jan20::text::linebreak
