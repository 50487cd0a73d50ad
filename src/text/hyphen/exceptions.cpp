#include "text/hyphen/exceptions.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <functional>
#include <string_view>

#include "core/regular_file.h"
#include "core/utf.h"
#include "text/hyphenate.h"

namespace jan20::text::hyphen {

bool is_letter(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_L_MASK) != 0;
}

bool is_mark(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}

bool is_digit(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_N_MASK) != 0;
}

bool is_apostrophe(char32_t cp) {
  return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC';
}

bool is_hyphen(char32_t cp) {
  return cp == U'-' || cp == U'\u2010' || cp == U'\u2011' || cp == U'\u00AD';
}

char32_t fold_letter(char32_t cp, bool turkic) {
  if (turkic) {
    if (cp == U'I') return U'ı';
    if (cp == U'İ') return U'i';
  }
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
}

ExceptionTable::Added ExceptionTable::add(std::string_view hyphenated_utf8) {
  std::string key;
  std::vector<uint16_t> boundaries;
  size_t letters = 0;
  size_t pos = 0;
  while (pos < hyphenated_utf8.size()) {
    char32_t cp = utf8_next(hyphenated_utf8, pos);
    if (is_hyphen(cp)) {
      if (letters == 0) return Added::invalid;
      if (boundaries.empty() || boundaries.back() != letters) boundaries.push_back(static_cast<uint16_t>(letters));
    } else if (is_letter(cp)) {
      utf8_append(key, fold_letter(cp, turkic_));
      if (++letters > 0xFFFF) return Added::invalid;
    } else if (is_mark(cp) || is_apostrophe(cp)) {
      // not letters: they do not count and cannot be break points
    } else {
      return Added::invalid;
    }
  }
  if (letters == 0) return Added::invalid;
  if (!boundaries.empty() && boundaries.back() == letters) return Added::invalid;  // trailing '-'
  if ((entries_.size() + 1) * 2 > slots_.size()) grow();
  uint64_t hash = hash_of(key);
  size_t slot = slot_of(key, hash);
  if (uint32_t index = static_cast<uint32_t>(slots_[slot]); index != 0) {
    Entry& old = entries_[index - 1];
    if (old.bounds_size == boundaries.size() &&
        std::equal(boundaries.begin(), boundaries.end(), bounds_.begin() + old.bounds_offset))
      return Added::duplicate;
    old.bounds_offset = static_cast<uint32_t>(bounds_.size());
    old.bounds_size = static_cast<uint32_t>(boundaries.size());
    bounds_.insert(bounds_.end(), boundaries.begin(), boundaries.end());
    return Added::conflict;
  }
  entries_.push_back({static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()),
                      static_cast<uint32_t>(bounds_.size()), static_cast<uint32_t>(boundaries.size())});
  keys_ += key;
  bounds_.insert(bounds_.end(), boundaries.begin(), boundaries.end());
  slots_[slot] = (hash & 0xFFFFFFFF00000000ull) | entries_.size();
  return Added::added;
}

size_t ExceptionTable::slot_of(std::string_view key, uint64_t hash) const {
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot >> 32) == (hash >> 32) && key_of(entries_[static_cast<uint32_t>(slot) - 1]) == key) return i;
  }
}

void ExceptionTable::place(uint32_t index) {
  uint64_t hash = hash_of(key_of(entries_[index - 1]));
  size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;  // keys are unique: the first empty slot
  slots_[i] = (hash & 0xFFFFFFFF00000000ull) | index;
}

void ExceptionTable::reserve(size_t words) {
  entries_.reserve(words);
  keys_.reserve(words * 12);
  bounds_.reserve(words * 2);
  size_t slots = 64;
  while (slots < words * 2) slots *= 2;
  if (slots <= slots_.size()) return;
  slots_.assign(slots, 0);
  for (size_t i = 0; i < entries_.size(); ++i) place(static_cast<uint32_t>(i + 1));
}

void ExceptionTable::grow() { reserve(std::max<size_t>(32, entries_.size() * 2)); }

bool ExceptionTable::find(std::u32string_view folded_letters, std::vector<size_t>* boundaries) const {
  if (entries_.empty()) return false;
  std::string key;
  for (char32_t cp : folded_letters) utf8_append(key, cp);
  uint32_t index = static_cast<uint32_t>(slots_[slot_of(key, hash_of(key))]);
  if (index == 0) return false;
  const Entry& e = entries_[index - 1];
  boundaries->assign(bounds_.begin() + e.bounds_offset, bounds_.begin() + e.bounds_offset + e.bounds_size);
  return true;
}

}  // namespace jan20::text::hyphen

namespace jan20::text {

bool read_exception_file(const std::string& path, std::vector<std::string>* out, std::string* error) {
  std::string text;
  FileProblem problem;
  if (!read_regular_file(path, kMaxHyphenationFileBytes, &text, &problem)) {
    if (error) *error = "cannot read hyphenation exceptions '" + path + "': it " + problem.phrase;
    return false;
  }
  out->reserve(out->size() + static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    // Words are separated by white space; a line usually holds one.
    size_t p = 0;
    while (p < line.size()) {
      while (p < line.size() && (line[p] == ' ' || line[p] == '\t' || line[p] == '\r')) ++p;
      size_t end = p;
      while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '\r') ++end;
      if (end > p) out->emplace_back(line.substr(p, end - p));
      p = end;
    }
  }
  return true;
}

}  // namespace jan20::text
