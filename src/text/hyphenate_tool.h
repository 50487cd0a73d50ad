#pragma once
// The `jan20-pdf hyphenate --lang az WORD…` command as a pure function: each
// word on its own line with '-' at its break points ("xal-qı-mı-zın"). The
// CLI parses arguments, reads the exception file (read_exception_file) and
// prints `text` and `warnings`.
#include <string>
#include <vector>

#include "text/hyphenate.h"

namespace jan20::text {

struct HyphenateRequest {
  std::string lang = "az";
  std::vector<std::string> words;   // UTF-8
  HyphenationRules rules;           // minimums and exceptions
};

struct HyphenateOutput {
  std::string text;                   // one line per word, each ending in '\n'
  std::vector<std::string> warnings;  // e.g. the language has no hyphenation
};

HyphenateOutput hyphenate_words(const HyphenateRequest& request);

}  // namespace jan20::text
