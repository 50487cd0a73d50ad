#pragma once
// Where each byte of a TOML string's value is written in the file. toml++
// gives the position of a string's opening quote only; spans of inline text
// need the position of their own first character, also inside """multi-line
// strings""", after escapes and after line-ending backslashes. This re-reads
// the string's literal from the file, decoding it as TOML 1.0 does, and keeps
// the line and column (in characters) each output byte came from.
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostic.h"
#include "load/source_file.h"

namespace jan20::load {

class StringPositions {
 public:
  // `node` must be a string node of `file`. When the literal cannot be
  // re-read to exactly the value toml++ produced (it always should), every
  // byte maps to the opening quote.
  StringPositions(const SourceFile& file, const toml::node& node);
  // Where byte `offset` of the value is written; offset == size() gives the
  // position just after the last character.
  SourceLocation at(size_t offset) const;
  bool exact() const { return exact_; }

 private:
  std::string file_;
  SourceLocation start_;
  std::vector<std::pair<int, int>> positions_;  // line, column per value byte (+1 for the end)
  bool exact_ = false;
};

}  // namespace jan20::load
