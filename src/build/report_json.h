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
  const model::PagedDocument* paged = nullptr;
  const pdf::Preflight* preflight = nullptr;  // "preflight": what a print shop asks
};

std::string report_json(const std::vector<EditionReport>& editions);

}  // namespace jan20::build
