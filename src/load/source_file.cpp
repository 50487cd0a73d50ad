#include "load/source_file.h"

#include <cstdio>

#include "core/regular_file.h"
#include "core/utf.h"
#include "load/toml_limits.h"

namespace jan20::load {

namespace {

constexpr size_t kMaxFileBytes = kMaxTomlFileBytes;  // a content file is kilobytes; 16 MiB is a mistake
constexpr int kMaxUtf8Reports = 10;

std::string byte_label(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// toml++ describes problems in its own words; a hint says what usually causes
// each in a hand-written file.
std::string syntax_hint(std::string_view description) {
  auto has = [&](std::string_view s) { return description.find(s) != std::string_view::npos; };
  if (has("could not determine value type"))
    return "strings need quotes: write \"…\"; lengths too: \"12mm\"";
  if (has("redefine")) return "each key and table may be defined only once";
  if (has("unterminated"))
    return "close the string on the same line, or use \"\"\"…\"\"\" for text over several lines";
  if (has("expected '='")) return "write key = value";
  return "see https://toml.io/en/v1.0.0";
}

}  // namespace

SourceLocation SourceFile::at_offset(size_t offset) const {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  int column = 1 + static_cast<int>(utf8_length(std::string_view(text).substr(line_start, offset - line_start)));
  return {display, line, column};
}

size_t SourceFile::offset_of(int line, int column) const {
  if (line_starts_.empty()) {
    line_starts_.push_back(0);
    for (size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p + 1)) line_starts_.push_back(p + 1);
  }
  if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return std::string::npos;
  size_t pos = line_starts_[static_cast<size_t>(line) - 1];
  for (int c = 1; c < column; ++c) {
    if (pos >= text.size() || text[pos] == '\n') return std::string::npos;
    utf8_next(text, pos);
  }
  return pos;
}

std::optional<SourceFile> read_source_file(const std::string& display, const std::string& absolute,
                                           const SourceLocation& named_at, DiagnosticSink& sink) {
  std::string text;
  FileProblem problem;
  if (!read_regular_file(absolute, kMaxFileBytes, &text, &problem)) {
    switch (problem.kind) {
      case FileProblem::missing:
        sink.error(named_at, "file '" + display + "' " + problem.phrase, "paths are relative to the project directory");
        break;
      case FileProblem::directory: sink.error(named_at, "'" + display + "' is a directory, not a file"); break;
      case FileProblem::too_large:
        sink.error(named_at, "file '" + display + "' is too large (over 16 MiB)",
                   "a layout or content file is a few kilobytes");
        break;
      case FileProblem::not_regular:
        sink.error(named_at, "'" + display + "' " + problem.phrase, "name a TOML file");
        break;
      default: sink.error(named_at, "cannot read '" + display + "'", "check the file's permissions"); break;
    }
    return std::nullopt;
  }
  return source_from_text(display, absolute, std::move(text), sink);
}

std::optional<SourceFile> source_from_text(const std::string& display, const std::string& absolute, std::string text,
                                           DiagnosticSink& sink) {
  if (text.size() > kMaxFileBytes) {
    sink.error({display, 0, 0}, "file '" + display + "' is too large (over 16 MiB)",
               "a layout or content file is a few kilobytes");
    return std::nullopt;
  }
  SourceFile file{display, absolute, std::move(text)};

  // Check the encoding before toml++ does: its message does not say which
  // byte, and a file may hold several bad bytes (a Latin-1 "ə" pasted twice).
  int reported = 0;
  std::string_view rest = file.text;
  size_t base = 0;
  for (;;) {
    size_t bad = utf8_first_invalid(rest);
    if (bad == std::string_view::npos) break;
    size_t offset = base + bad;
    if (reported++ < kMaxUtf8Reports)
      sink.error(file.at_offset(offset),
                 "invalid UTF-8 byte " + byte_label(static_cast<unsigned char>(file.text[offset])),
                 "save the file as UTF-8");
    base = offset + 1;
    // Skip the rest of the broken sequence so that one bad character is
    // reported once.
    while (base < file.text.size() && (static_cast<unsigned char>(file.text[base]) & 0xC0) == 0x80) ++base;
    rest = std::string_view(file.text).substr(base);
  }
  if (reported > 0) return std::nullopt;
  return file;
}

namespace {

// The hint for a control character inside a string: a line break means the
// string was not closed; anything else (a NUL, an escape sequence pasted
// from a terminal) is a character to remove.
std::string control_character_hint(const SourceFile& file, const toml::source_position& p) {
  size_t at = file.offset_of(static_cast<int>(p.line), static_cast<int>(p.column));
  // toml++ points at the string or at the character; look from there to the
  // end of the line for the first control character.
  for (size_t i = at; i != std::string::npos && i < file.text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(file.text[i]);
    if (c == '\n' || c == '\r')
      return "close the string on the same line, or use \"\"\"…\"\"\" for text over several lines";
    if (c < 0x20 && c != '\t') {
      char buf[96];
      std::snprintf(buf, sizeof buf, "remove the control character U+%04X from the file (it is invisible in most editors)",
                    c);
      return buf;
    }
    if (c == 0x7F) return "remove the control character U+007F (DEL) from the file";
  }
  return "remove the control character; text may hold tab and newline only";
}

std::string hint_for(const SourceFile& file, std::string_view description, const toml::source_position& p) {
  if (description.find("unescaped control characters") != std::string_view::npos)
    return control_character_hint(file, p);
  return syntax_hint(description);
}

}  // namespace

std::optional<toml::table> parse_toml(const SourceFile& file, DiagnosticSink& sink) {
  return parse_toml(file, sink, TomlPieces{});
}

std::optional<toml::table> parse_toml(const SourceFile& file, DiagnosticSink& sink, const TomlPieces& pieces) {
  // One pass checks the nesting and finds where the file may be cut.
  HeaderScan headers{pieces.array};
  const bool cut = may_cut(file.text.size(), pieces);
  if (!check_nesting(file, sink, cut ? &headers : nullptr)) return std::nullopt;
  if (cut)
    if (std::optional<toml::table> table = parse_in_pieces(file.text, file.display, pieces, headers)) return table;
#if TOML_EXCEPTIONS
  try {
    return toml::parse(file.text, std::string_view(file.display));
  } catch (const toml::parse_error& e) {
    sink.error(file.at(e.source().begin), "TOML syntax: " + std::string(e.description()),
               hint_for(file, e.description(), e.source().begin));
    return std::nullopt;
  }
#else
  toml::parse_result result = toml::parse(file.text, std::string_view(file.display));
  if (!result) {
    const auto& e = result.error();
    sink.error(file.at(e.source().begin), "TOML syntax: " + std::string(e.description()),
               hint_for(file, e.description(), e.source().begin));
    return std::nullopt;
  }
  return std::move(result).table();
#endif
}

}  // namespace jan20::load
