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
template <class Items>
inline void append_line(Items& out, text::Line&& line, double dx, double baseline) {
  // The annotation belongs to the structure element of the link's text: the
  // run that starts where the link starts (tagged PDF's OBJR).
  std::vector<int> link_tags(line.links.size(), -1);
  for (size_t i = 0; i < line.links.size(); ++i)
    for (const model::GlyphRun& run : line.runs)
      if (std::abs(run.x - line.links[i].x) < 1e-6) {
        link_tags[i] = run.tag;
        break;
      }
  for (model::GlyphRun& run : line.runs) {
    run.x += dx;
    run.y += baseline;
    out.push_back(std::move(run));
  }
  for (size_t i = 0; i < line.links.size(); ++i) {
    const text::LinkArea& link = line.links[i];
    model::Link l;
    l.tag = link_tags[i];
    l.x = link.x + dx;
    l.width = link.width;
    l.y = baseline - 0.8 * (line.ascent > 0 ? line.ascent : 8);
    l.height = (line.ascent > 0 ? line.ascent : 8) + (line.descent > 0 ? line.descent : 2);
    l.uri = link.uri;
    out.push_back(std::move(l));
  }
}
// The same for a line that is still needed: copies it.
template <class Items>
inline void append_line(Items& out, const text::Line& line, double dx, double baseline) {
  append_line(out, text::Line(line), dx, baseline);
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
