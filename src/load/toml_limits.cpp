#include "load/toml_limits.h"

#include <optional>
#include <string>

namespace jan20::load {

namespace {

// The rest of a line after a header: spaces, tabs, a comment, a '\r'.
bool only_comment_after(std::string_view rest) {
  for (const char c : rest) {
    if (c == '#') return true;
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

// A table header starts at `at` (its first '['), the first thing on its line.
void note_header(std::string_view t, size_t at, HeaderScan& headers) {
  const std::string_view array = headers.array;
  size_t end = t.find('\n', at);
  if (end == std::string_view::npos) end = t.size();
  const std::string_view line = t.substr(at, end - at);
  const std::string_view name = line.substr(line.compare(0, 2, "[[") == 0 ? 2 : 1);
  const bool of_array = name.compare(0, array.size(), array) == 0 && name.size() > array.size() &&
                        (name[array.size()] == '.' || name[array.size()] == ']');
  if (!of_array) {
    if (!headers.lines.empty()) headers.other_header_after = true;
    return;
  }
  const size_t closed = 2 + array.size() + 2;  // [[array]]
  if ((at == 0 || t[at - 1] == '\n') && line.size() >= closed && line.compare(0, 2, "[[") == 0 &&
      line.compare(2 + array.size(), 2, "]]") == 0 && only_comment_after(line.substr(closed)))
    headers.lines.push_back(at);
}

struct NestingProblem {
  size_t at = 0;
  bool key_parts = false;  // too many dotted key parts (else: brackets nested too deep)
};

// The pass itself: nothing when the text keeps within the limits.
std::optional<NestingProblem> scan(std::string_view t, HeaderScan* headers) {
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
        if (i >= t.size()) return std::nullopt;  // unterminated: toml++ reports it
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
      if (++key_parts > kMaxKeyParts) return NestingProblem{chain_start, true};
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
      if (headers && line_blank && !in_header) note_header(t, i, *headers);
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
      if (++brackets > kMaxInlineNesting) return NestingProblem{i, false};
    } else if ((c == ']' || c == '}') && brackets > 0) {
      --brackets;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace

bool check_nesting(const SourceFile& file, DiagnosticSink& sink, HeaderScan* headers) {
  const std::optional<NestingProblem> problem = scan(file.text, headers);
  if (!problem) return true;
  if (problem->key_parts)
    sink.error(file.at_offset(problem->at), "this dotted key has more than " + std::to_string(kMaxKeyParts) + " parts",
               "no layout or content key nests this deep; check the table header or key");
  else
    sink.error(file.at_offset(problem->at),
               "arrays and inline tables nest more than " + std::to_string(kMaxInlineNesting) + " levels deep",
               "no layout or content value nests this deep; check the brackets");
  return false;
}

void scan_headers(std::string_view text, HeaderScan& headers) { scan(text, &headers); }

}  // namespace jan20::load
