#pragma once
// A libhyphen pattern file (Debian's hyphen-en-us, hyphen-ru) ready to use:
// read, converted from its own encoding (the first line: "UTF-8", "KOI8-R", …)
// and held as Liang's patterns (liang_patterns.h). It gives the points
// libhyphen's hnj_hyphen_hyphenate2 gives for a word of letters on a prepared
// file, which tests/text check word by word against libhyphen itself.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/hyphen/liang_patterns.h"

namespace jan20::text::hyphen {

class PatternDictionary {
 public:
  // Loads a .dic file; nullptr with `error` set when it cannot be read.
  static std::unique_ptr<PatternDictionary> load(const std::string& path, std::string* error);

  // Boundaries in a word of lowercase letters: index i means a break between
  // letters[i-1] and letters[i], with the file's own minimums (2 each when it
  // names none, as libhyphen applies them). A word with a character the
  // file's encoding cannot hold has none: it is not guessed at.
  std::vector<size_t> boundaries(std::u32string_view letters) const;
  // The pattern file's own LEFTHYPHENMIN / RIGHTHYPHENMIN (0 when absent).
  int left_min() const { return patterns_.left_min(); }
  int right_min() const { return patterns_.right_min(); }
  const std::string& encoding() const { return encoding_; }

 private:
  explicit PatternDictionary(LiangPatterns patterns) : patterns_(std::move(patterns)) {}
  bool encodable(std::u32string_view letters) const;
  LiangPatterns patterns_;
  std::string encoding_;
  bool utf8_ = true;
};

}  // namespace jan20::text::hyphen
