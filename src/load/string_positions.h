#pragma once
// Where each byte of a TOML string's value is written in the file. toml++
// gives the position of a string's opening quote only; spans of inline text
// need the position of their own first character, also inside """multi-line
// strings""", after escapes and after line-ending backslashes. This re-reads
// the string's literal from the file, decoding it as TOML 1.0 does, and keeps
// where each stretch of the value came from: a stretch copied as it stands
// (its bytes' columns count its characters), or the bytes of one escape or
// one line end (all at one column). at() works out a byte's line and column
// from its stretch.
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostic.h"
#include "load/source_file.h"

namespace jan20::load {

class StringPositions {
 public:
  // `node` must be a string node of `file`, and outlive this. When the
  // literal cannot be re-read to exactly the value toml++ produced (it always
  // should), every byte maps to the opening quote.
  StringPositions(const SourceFile& file, const toml::node& node);
  // Where byte `offset` of the value is written; offset == size() gives the
  // position just after the last character.
  SourceLocation at(size_t offset) const;
  bool exact() const { return exact_; }

  // Value bytes from `start` on (to the next stretch) came from line `line`:
  // copied ones from column `column` on, one column a character; the others
  // all from `column`. (The reader in string_positions.cpp makes them.)
  struct Stretch {
    size_t start = 0;
    int line = 0, column = 0;
    bool copied = false;
  };

 private:
  SourceLocation at_byte(size_t offset) const;  // offset < value size

  std::string file_;
  SourceLocation start_;
  std::string_view value_;  // the node's
  std::vector<Stretch> stretches_;
  bool exact_ = false;
};

}  // namespace jan20::load
