#pragma once
// One input file: its bytes, the name diagnostics use for it, and the TOML
// table parsed from it. Reading checks what toml++ would report less
// helpfully: a missing file, a directory, invalid UTF-8 (with the line and
// column of the first bad byte, counted in characters).
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include <toml++/toml.h>

#include "core/diagnostic.h"
#include "load/toml_pieces.h"

namespace jan20::load {

struct SourceFile {
  std::string display;   // as the user named it: "layouts/booklet.toml"
  std::string absolute;  // where it was read from
  std::string text;

  SourceLocation at(int line, int column) const { return {display, line, column}; }
  SourceLocation at(const toml::source_position& p) const {
    return {display, static_cast<int>(p.line), static_cast<int>(p.column)};
  }
  SourceLocation at(const toml::node& n) const { return at(n.source().begin); }
  SourceLocation whole() const { return {display, 0, 0}; }
  // Line and column (1-based, characters) of a byte offset into `text`.
  SourceLocation at_offset(size_t offset) const;
  // Byte offset of a line and character column; npos when out of range.
  size_t offset_of(int line, int column) const;

  // Byte offset of each line's start, made by offset_of on first use:
  // finding a line by counting newlines from the top made loading quadratic
  // in the file size. (Public only so the struct stays an aggregate.)
  mutable std::vector<size_t> line_starts_ = {};
  // Unknown keys reported so far in this file (table_reader.cpp caps them).
  mutable int unknown_keys_reported_ = 0;
};

// Reads `absolute` (reported as `display`). Reports and returns nullopt when
// the file is missing, unreadable, too large or not UTF-8.
std::optional<SourceFile> read_source_file(const std::string& display, const std::string& absolute,
                                           const SourceLocation& named_at, DiagnosticSink& sink);

// The same checks (size, UTF-8) for text already in memory: the fuzzer and
// load_design_text / load_document_text.
std::optional<SourceFile> source_from_text(const std::string& display, const std::string& absolute, std::string text,
                                           DiagnosticSink& sink);

// Parses the file as TOML; a syntax error is reported at toml++'s position.
std::optional<toml::table> parse_toml(const SourceFile& file, DiagnosticSink& sink);
// The same, a large file parsed in pieces on several threads when it can be
// (toml_pieces.h); the table is the same either way.
std::optional<toml::table> parse_toml(const SourceFile& file, DiagnosticSink& sink, const TomlPieces& pieces);

}  // namespace jan20::load
