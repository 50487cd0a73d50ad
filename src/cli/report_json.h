#pragma once
// The --report file: what the typesetting did, line by line, per edition.
#include <string>
#include <vector>

#include "layout/typeset.h"
#include "model/paged.h"

namespace jan20::cli {

struct EditionReport {
  std::string document, lang, output;
  int pages = 0;
  double milliseconds = 0;
  const layout::TypesetReport* typeset = nullptr;
  const model::PagedDocument* paged = nullptr;
};

std::string report_json(const std::vector<EditionReport>& editions);

}  // namespace jan20::cli
