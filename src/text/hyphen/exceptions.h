#pragma once
// Hyphenation exceptions: words written out with '-' at their only allowed
// break points ("xal-qı-mı-zın"), from the layout's list or a project file.
// They override the syllable rules and the patterns (TeX's \hyphenation).
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace jan20::text::hyphen {

// Classes of the characters inside a word, as hyphenation sees them.
bool is_letter(char32_t cp);      // general category L*
bool is_mark(char32_t cp);        // M*: belongs to the letter before it
bool is_digit(char32_t cp);       // N*
bool is_apostrophe(char32_t cp);  // ' ’ ʼ : inside a word, not a letter and never a break point
bool is_hyphen(char32_t cp);      // - ‐ ‑ and the soft hyphen U+00AD

// Lowercase for comparing words. `turkic`: Azerbaijani/Turkish I → ı, İ → i.
char32_t fold_letter(char32_t cp, bool turkic);

class ExceptionTable {
 public:
  explicit ExceptionTable(bool turkic) : turkic_(turkic) {}
  // Adds "xal-qı-mı-zın"; returns false (and adds nothing) for an entry that
  // is not a word of letters with hyphens.
  bool add(std::string_view hyphenated_utf8);
  // Boundaries (letter indexes) for the folded letters of a word, or nullptr.
  const std::vector<size_t>* find(std::u32string_view folded_letters) const;
  bool empty() const { return words_.empty(); }

 private:
  bool turkic_;
  std::map<std::u32string, std::vector<size_t>> words_;
};

}  // namespace jan20::text::hyphen
