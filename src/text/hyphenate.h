#pragma once
// Hyphenation: where a word may be broken. Azerbaijani (Latin and Cyrillic)
// by its syllable rules (ours: no pattern file exists); English and Russian
// through libhyphen with Debian's patterns. Exceptions override both.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace jan20::text {

struct HyphenationRules {
  int min_word = 5;    // letters: shorter words are never hyphenated
  int min_left = 2;    // letters kept before the hyphen
  int min_right = 2;   // letters carried to the next line
  std::vector<std::string> exceptions;  // "xal-qı-mı-zın": the word's only break points
};

class Hyphenator {
 public:
  // lang: BCP-47 ("az", "az-Latn", "az-Cyrl", "en", "en-US", "ru").
  Hyphenator(std::string lang, HyphenationRules rules);
  ~Hyphenator();
  // Break points of one word as code point indexes i: a hyphen may go between
  // character i-1 and i. Words with digits or non-letters are not hyphenated
  // (the caller splits at hard hyphens).
  std::vector<size_t> points(std::u32string_view word) const;
  // "xal-qı-mı-zın"
  std::string hyphenated(std::string_view utf8_word) const;
  bool supported() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Adds exceptions from a project file: one word per line with '-' at its
// break points, '#' comments. Returns false and sets `error` if unreadable.
bool read_exception_file(const std::string& path, std::vector<std::string>* out, std::string* error);

}  // namespace jan20::text
