#pragma once
// The reference the tests hold our Liang patterns to (src/text/hyphen/
// pattern_dictionary.h): libhyphen (ALTLinux/Hunspell's implementation of
// Liang's TeX pattern algorithm), as jan20-pdf used it until December 2026.
// A LibhyphenDictionary owns one HyphenDict and converts words to the
// dictionary's own encoding (the first line of the .dic file: "UTF-8",
// "KOI8-R", …) before asking for break points; the file is completed first
// (pattern_states.h) because libhyphen's automaton needs it.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <hyphen.h>

#include "core/c_handle.h"

namespace jan20::text::hyphen::reference {

class LibhyphenDictionary {
 public:
  // Loads a .dic file; nullptr with `error` set when it cannot be read.
  static std::unique_ptr<LibhyphenDictionary> load(const std::string& path, std::string* error);

  // Boundaries in a word of lowercase letters: index i means a break between
  // letters[i-1] and letters[i]. No minimum is applied here. A word with a
  // character the dictionary's encoding cannot hold has none.
  std::vector<size_t> boundaries(std::u32string_view letters) const;
  // The pattern file's own LEFTHYPHENMIN / RIGHTHYPHENMIN (0 when absent).
  int left_min() const { return left_min_; }
  int right_min() const { return right_min_; }
  const std::string& encoding() const { return encoding_; }

 private:
  LibhyphenDictionary() = default;
  std::string encode(std::u32string_view letters, bool* ok) const;
  CHandle<HyphenDict, hnj_hyphen_free> dict_;
  std::string encoding_;
  bool utf8_ = true;
  int left_min_ = 0, right_min_ = 0;
};

}  // namespace jan20::text::hyphen::reference
