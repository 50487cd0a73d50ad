#include "load/toml_limits.h"

#include <string>

namespace jan20::load {

bool check_nesting(const SourceFile& file, DiagnosticSink& sink) {
  const std::string& t = file.text;
  int brackets = 0;     // open [ and { of values
  bool line_blank = true;   // nothing but white space so far on this line
  bool in_header = false;   // inside a [table] or [[array.of.tables]] header
  int key_parts = 1;    // parts of the dotted chain being read
  bool after_part = false;  // the last token was a key part (bare word or string): a '.' continues the chain
  size_t chain_start = 0;
  auto starts = [&](size_t i, const char* s) { return t.compare(i, std::char_traits<char>::length(s), s) == 0; };
  for (size_t i = 0; i < t.size();) {
    char c = t[i];
    if (c == '#') {  // comment to the end of the line
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    if (c == '"' || c == '\'') {
      // Strings: """…""" and '''…''' may span lines; "…" has escapes.
      bool multi = starts(i, c == '"' ? "\"\"\"" : "'''");
      size_t begin = i;
      i += multi ? 3 : 1;
      for (;;) {
        if (i >= t.size()) return true;  // unterminated: toml++ reports it
        if (c == '"' && t[i] == '\\') {
          i += 2;
          continue;
        }
        if (!multi && t[i] == '\n') break;  // unterminated on its line: toml++ reports it
        if (t[i] == c && (!multi || starts(i, c == '"' ? "\"\"\"" : "'''"))) {
          i += multi ? 3 : 1;
          break;
        }
        ++i;
      }
      if (!after_part && key_parts == 1) chain_start = begin;
      after_part = true;
      continue;
    }
    bool bare = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                c == '+' || c == ':';
    if (bare) {
      if (!after_part && key_parts == 1) chain_start = i;
      while (i < t.size() && ((t[i] >= 'A' && t[i] <= 'Z') || (t[i] >= 'a' && t[i] <= 'z') ||
                              (t[i] >= '0' && t[i] <= '9') || t[i] == '-' || t[i] == '_' || t[i] == '+' || t[i] == ':'))
        ++i;
      after_part = true;
      continue;
    }
    if (c == ' ' || c == '\t') {
      ++i;
      continue;
    }
    if (c == '.' && after_part) {
      if (++key_parts > kMaxKeyParts) {
        sink.error(file.at_offset(chain_start),
                   "this dotted key has more than " + std::to_string(kMaxKeyParts) + " parts",
                   "no layout or content key nests this deep; check the table header or key");
        return false;
      }
      after_part = false;
      ++i;
      continue;
    }
    key_parts = 1;
    after_part = false;
    if (c == '\n') {
      line_blank = true;
      in_header = false;
      ++i;
      continue;
    }
    if (c == '[' && brackets == 0 && (line_blank || in_header)) {  // a table header's brackets
      in_header = true;
      line_blank = false;
      ++i;
      continue;
    }
    line_blank = false;
    if (in_header && c == ']') {
      ++i;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++brackets > kMaxInlineNesting) {
        sink.error(file.at_offset(i),
                   "arrays and inline tables nest more than " + std::to_string(kMaxInlineNesting) + " levels deep",
                   "no layout or content value nests this deep; check the brackets");
        return false;
      }
    } else if ((c == ']' || c == '}') && brackets > 0) {
      --brackets;
    }
    ++i;
  }
  return true;
}

}  // namespace jan20::load
