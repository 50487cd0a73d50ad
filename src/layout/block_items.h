#pragma once
// Small helpers shared by the files that turn blocks into vertical items:
// moving a set line into a list of page items, and plain text <-> inline.
#include <cmath>
#include <string>
#include <vector>

#include "model/document.h"
#include "model/paged.h"
#include "text/paragraph.h"

namespace jan20::layout {

// Moves a line's glyph runs, links and all into a list of page items at (dx, dy).
inline void append_line(std::vector<model::PageItem>& out, const text::Line& line, double dx, double baseline) {
  for (model::GlyphRun run : line.runs) {
    run.x += dx;
    run.y += baseline;
    out.push_back(std::move(run));
  }
  for (const text::LinkArea& link : line.links) {
    model::Link l;
    // The annotation belongs to the structure element of the link's text:
    // the run that starts where the link starts (tagged PDF's OBJR).
    for (const model::GlyphRun& run : line.runs)
      if (std::abs(run.x - link.x) < 1e-6) {
        l.tag = run.tag;
        break;
      }
    l.x = link.x + dx;
    l.width = link.width;
    l.y = baseline - 0.8 * (line.ascent > 0 ? line.ascent : 8);
    l.height = (line.ascent > 0 ? line.ascent : 8) + (line.descent > 0 ? line.descent : 2);
    l.uri = link.uri;
    out.push_back(std::move(l));
  }
}

inline std::string plain_text(const model::Inline& text) {
  std::string s;
  for (const auto& span : text) s += span.text;
  return s;
}

inline model::Inline inline_of(const std::string& s, const SourceLocation& where) {
  model::Span span;
  span.text = s;
  span.where = where;
  return {span};
}

}  // namespace jan20::layout
