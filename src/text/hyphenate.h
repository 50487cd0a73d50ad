#pragma once
// Hyphenation: where a word may be broken. Azerbaijani (Latin and Cyrillic)
// by its syllable rules (ours: no pattern file exists; see
// hyphen/az_syllables.h); English and Russian by Liang's patterns from
// Debian's libhyphen files (/usr/share/hyphen; hyphen/pattern_dictionary.h). Exceptions override both.
//
// What counts as a word:
//  - leading and trailing punctuation ("«xalqımızın»,") is ignored;
//  - a word with a digit anywhere ("1990-cı", "20-ci") is never hyphenated:
//    the suffix after a numeral stays whole;
//  - apostrophes (Bakı'nın, Bakı’nın) are not letters: they do not count
//    towards the minimums and no break is allowed next to one;
//  - a hard hyphen (or any other non-letter) splits the word into parts that
//    are hyphenated separately, each as a word of its own (min_word applies to
//    each part); the hard hyphen itself is not a point here: whether a line
//    may end after it is decided by breaks.h (only between two parts of at
//    least min_left/min_right letters and without digits).
// Letters are counted in characters (code points, combining marks belong to
// the letter before them), never bytes. Case does not matter (İSTİQLAL).
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
  struct Minimums {
    int min_word = 5, min_left = 2, min_right = 2;
  };
  // Per language (primary subtag: "az", "en"): minimums that replace the three above.
  std::map<std::string, Minimums> languages;
};

class Hyphenator {
 public:
  // lang: BCP-47 ("az", "az-Latn", "az-Cyrl", "tr", "en", "en-US", "ru").
  // Azerbaijani in Arabic script ("az-Arab") and unknown languages are not
  // hyphenated (supported() is false; exceptions still apply). Pattern files
  // are loaded once, on first use, and shared by every call (thread-safe).
  // For pattern languages the file's own LEFTHYPHENMIN/RIGHTHYPHENMIN act as
  // a floor under min_left/min_right (en_US: 2/3, as TeX sets for English).
  Hyphenator(std::string lang, const HyphenationRules& rules);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Break points of one word as code point indexes i: a hyphen may go between
  // character i-1 and i. Sorted, unique.
  std::vector<size_t> points(std::u32string_view word) const;
  // The same points, worked out once per distinct word and kept for the
  // Hyphenator's lifetime (a build): a booklet repeats its few hundred words
  // tens of thousands of times. The reference stays valid while the
  // Hyphenator lives. Thread-safe.
  const std::vector<size_t>& cached_points(std::u32string_view word) const;
  // "xal-qı-mı-zın"
  std::string hyphenated(std::string_view utf8_word) const;
  bool supported() const;
  const std::string& language() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The hyphenators of a build, one per language, made on first use with the
// same rules and kept, so that a pattern file is read once per build and not
// once per paragraph (typeset_paragraph takes one through ParagraphInput).
// Thread-safe.
class Hyphenators {
 public:
  explicit Hyphenators(HyphenationRules rules);
  ~Hyphenators();
  const Hyphenator& get(const std::string& lang);
  const HyphenationRules& rules() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The libhyphen pattern file a language is hyphenated with
// ("/usr/share/hyphen/hyph_en_US.dic" for en), or "" when it uses none
// (Azerbaijani's syllable rules, languages set without hyphenation).
std::string pattern_file(const std::string& lang);

// Adds exceptions from a project file: one word per line with '-' at its
// break points, '#' comments. Returns false and sets `error` if unreadable.
bool read_exception_file(const std::string& path, std::vector<std::string>* out, std::string* error);

}  // namespace jan20::text
