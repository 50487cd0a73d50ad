#pragma once
// Limits checked on a TOML file's text before toml++ parses it. toml++ builds
// nested tables recursively and frees them recursively, so a key with
// thousands of dotted parts ([a.a.a.….a], a few hundred kilobytes) overflows
// the stack and kills the process; it bounds nested inline arrays and tables
// only at 256 levels. No layout or content file nests more than a handful.
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "load/source_file.h"

namespace jan20::load {

inline constexpr int kMaxKeyParts = 32;        // parts of one dotted key: a.b.c has 3
inline constexpr int kMaxInlineNesting = 32;   // [ [ [ … ] ] ] and { a = { … } } levels

// What the same pass finds out about the file's table headers, for parsing
// it in pieces (load/toml_pieces.h).
struct HeaderScan {
  std::string_view array;      // the array of tables asked about: "block"
  // Byte offsets of the lines that hold the header [[array]] alone (spaces
  // and a comment may follow), from column 1: the places a piece may begin.
  std::vector<size_t> lines;
  // A header other than the array's own ([[array]], [array.x], [[array.x]])
  // comes after the first [[array]] (such as [meta] after the blocks).
  bool other_header_after = false;
};

// Reports (at the offending key or bracket) and returns false when the file
// nests deeper than the limits. Strings and comments are skipped. With
// `headers`, also notes where its headers are (up to the offending place
// when it returns false).
bool check_nesting(const SourceFile& file, DiagnosticSink& sink, HeaderScan* headers = nullptr);

// The same pass over any text, for its headers alone.
void scan_headers(std::string_view text, HeaderScan& headers);

}  // namespace jan20::load
