#include "text/hyphen/exceptions.h"

#include <unicode/uchar.h>

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

bool ExceptionTable::add(std::string_view hyphenated_utf8) {
  std::u32string letters;
  std::vector<size_t> boundaries;
  for (char32_t cp : utf8_to_u32(hyphenated_utf8)) {
    if (is_hyphen(cp)) {
      if (letters.empty()) return false;
      if (boundaries.empty() || boundaries.back() != letters.size()) boundaries.push_back(letters.size());
    } else if (is_letter(cp)) {
      letters.push_back(fold_letter(cp, turkic_));
    } else if (is_mark(cp) || is_apostrophe(cp)) {
      // not letters: they do not count and cannot be break points
    } else {
      return false;
    }
  }
  if (letters.empty()) return false;
  if (!boundaries.empty() && boundaries.back() == letters.size()) return false;  // trailing '-'
  words_[letters] = std::move(boundaries);
  return true;
}

const std::vector<size_t>* ExceptionTable::find(std::u32string_view folded_letters) const {
  auto it = words_.find(std::u32string(folded_letters));
  return it == words_.end() ? nullptr : &it->second;
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
