#pragma once
// The --report file: what the typesetting did, line by line, per edition.
#include <string>
#include <vector>

#include "layout/typeset.h"
#include "model/paged.h"
#include "pdf/preflight.h"

namespace jan20::build {

struct EditionReport {
  std::string document, lang, output;
  int pages = 0;
  double milliseconds = 0;
  const layout::TypesetReport* typeset = nullptr;
  const model::PagedDocument* paged = nullptr;  // its fonts (its pages' items may be freed)
  const std::vector<int>* drawn_fonts = nullptr;  // which of them the pages use
  const pdf::Preflight* preflight = nullptr;  // "preflight": what a print shop asks
};

std::string report_json(const std::vector<EditionReport>& editions);

// The fonts the document's glyph runs use, in index order (for the report's
// "fonts", noted before writing frees the items).
std::vector<int> drawn_fonts(const model::PagedDocument& paged);

}  // namespace jan20::build
