#pragma once
// Hyphenation exceptions: words written out with '-' at their only allowed
// break points ("xal-qı-mı-zın"), from the layout's list or a project file.
// They override the syllable rules and the patterns (TeX's \hyphenation).
#include <cstddef>
#include <cstdint>
#include <functional>
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

// Compact, for lists of a million words (a 15 MiB exceptions file): the
// folded words in one UTF-8 arena, their boundaries in another, found through
// an open-addressing hash table of entry indexes.
class ExceptionTable {
 public:
  explicit ExceptionTable(bool turkic) : turkic_(turkic) {}
  enum class Added { added, duplicate, conflict, invalid };
  // Adds "xal-qı-mı-zın". `invalid` (nothing added) for an entry that is not
  // a word of letters with hyphens; `duplicate` for the same word with the
  // same breaks; `conflict` for the same word with other breaks (the new
  // ones replace the old).
  Added add(std::string_view hyphenated_utf8);
  // Boundaries (letter indexes) for the folded letters of a word; false when
  // the word is not in the table.
  bool find(std::u32string_view folded_letters, std::vector<size_t>* boundaries) const;
  // Room for `words` entries without growing (a long list is added at once).
  void reserve(size_t words);
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint32_t key_offset, key_size, bounds_offset, bounds_size;
  };
  std::string_view key_of(const Entry& e) const { return std::string_view(keys_).substr(e.key_offset, e.key_size); }
  // The slot holding `key`, or the empty slot where it would go.
  size_t slot_of(std::string_view key, uint64_t hash) const;
  static uint64_t hash_of(std::string_view key) { return std::hash<std::string_view>{}(key); }
  void place(uint32_t index);
  void grow();

  bool turkic_;
  std::string keys_;
  std::vector<uint16_t> bounds_;
  std::vector<Entry> entries_;
  // Per slot: entry index + 1 in the low 32 bits (0: empty), the key's hash's
  // high bits in the high ones, so that a probe touches an entry only when
  // the hashes agree.
  std::vector<uint64_t> slots_;
};

}  // namespace jan20::text::hyphen
