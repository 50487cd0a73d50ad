#pragma once
// What the micro-benchmarks work on: the real Azerbaijani booklet
// (content/booklet/az.toml with layouts/booklet.toml), loaded once per
// process, its fonts, and its body paragraphs as plain text.
#include <memory>
#include <string>
#include <vector>

#include "build/workspace.h"
#include "load/load.h"
#include "model/paged.h"
#include "text/paragraph.h"

namespace jan20::bench {

struct Booklet {
  std::string root;                          // the repository (JAN20_SOURCE_DIR)
  load::LoadedProject project;
  const model::Design* design = nullptr;     // layouts/booklet.toml
  const model::Document* document = nullptr; // content/booklet/az.toml
  std::unique_ptr<build::Workspace> workspace;  // fonts loaded once, as a build shares them
  const font::Face* serif = nullptr;         // the body face: Noto Serif Regular
  std::vector<std::string> paragraphs;       // the body paragraphs' text (spans joined)
  size_t words = 0;                          // in `paragraphs`
};

// Loads the booklet on first use; aborts the benchmark run with the
// diagnostics when the project does not load.
const Booklet& booklet();

// A paragraph as the layout hands it to text::typeset_paragraph for a body
// paragraph of the booklet: Noto Serif 10.5 pt, justified, hyphenated, on the
// booklet's measure, with the layout's hyphenation rules.
text::ParagraphInput body_paragraph(const Booklet& b, const std::string& text);

// The booklet's edition made once, as `jan20-pdf check` makes it
// (build::make_edition: typeset on two threads, preflight, PDF in memory),
// for the PDF benchmarks.
const model::PagedDocument& typeset_booklet();

// Writes `count` different 600 × 360 RGB PNG figures (deterministic) into a
// scratch folder and returns their paths; the folder goes when the process ends.
const std::vector<std::string>& figure_files(int count);

}  // namespace jan20::bench
