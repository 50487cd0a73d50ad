#pragma once
// The one place that touches libhyphen (ALTLinux/Hunspell's implementation of
// Liang's TeX pattern algorithm). A PatternDictionary owns one HyphenDict and
// converts words to the dictionary's own encoding (the first line of the .dic
// file: "UTF-8", "KOI8-R", …) before asking for break points.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <hyphen.h>

#include "core/c_handle.h"

namespace jan20::text::hyphen {

class PatternDictionary {
 public:
  // Loads a .dic file; nullptr with `error` set when it cannot be read.
  static std::unique_ptr<PatternDictionary> load(const std::string& path, std::string* error);

  // Boundaries in a word of lowercase letters: index i means a break between
  // letters[i-1] and letters[i]. No minimum is applied here. A word with a
  // character the dictionary's encoding cannot hold has none.
  std::vector<size_t> boundaries(std::u32string_view letters) const;
  // The pattern file's own LEFTHYPHENMIN / RIGHTHYPHENMIN (0 when absent).
  int left_min() const { return left_min_; }
  int right_min() const { return right_min_; }
  const std::string& encoding() const { return encoding_; }

 private:
  PatternDictionary() = default;
  std::string encode(std::u32string_view letters, bool* ok) const;
  CHandle<HyphenDict, hnj_hyphen_free> dict_;
  std::string encoding_;
  bool utf8_ = true;
  int left_min_ = 0, right_min_ = 0;
};

}  // namespace jan20::text::hyphen
