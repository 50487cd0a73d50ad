#pragma once
// From the paginated flow to model pages: master decorations (background
// into the bleed, ornaments, running header and footer), the placed entries
// moved to page coordinates, anchors and internal links resolved.
#include <map>
#include <string>
#include <vector>

#include "layout/block_builder.h"
#include "layout/flow.h"

namespace jan20::layout {

struct Anchor {
  int page = 0;
  double y = 0;
};

struct HeadingPlace {
  std::string title, anchor;
  int level = 1, page = 0;
  double y = 0;
  bool in_contents = true;
  bool at_top = false;  // the first thing on its page (a section that opens the page)
};

// Where each heading landed (first pass: for the table of contents).
std::vector<HeadingPlace> find_headings(const std::vector<VerticalEntry>& entries, const std::vector<PageFlow>& flow,
                                        const model::Design& design);

// The label printed and shown for a page: its number, or "" on unnumbered masters.
std::string page_label(const model::Design& design, const std::string& master, int page_index);

// Consumes the entries' page entries (each placed item is moved onto its page).
std::vector<model::Page> materialize(std::vector<VerticalEntry>& entries, const std::vector<PageFlow>& flow,
                                     const model::Design& design, BlockBuilder& decorations,
                                     const model::Document& doc, std::vector<model::OutlineEntry>* outline);

}  // namespace jan20::layout
