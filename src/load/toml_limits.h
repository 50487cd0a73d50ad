#pragma once
// Limits checked on a TOML file's text before toml++ parses it. toml++ builds
// nested tables recursively and frees them recursively, so a key with
// thousands of dotted parts ([a.a.a.….a], a few hundred kilobytes) overflows
// the stack and kills the process; it bounds nested inline arrays and tables
// only at 256 levels. No layout or content file nests more than a handful.
#include "core/diagnostic.h"
#include "load/source_file.h"

namespace jan20::load {

inline constexpr int kMaxKeyParts = 32;        // parts of one dotted key: a.b.c has 3
inline constexpr int kMaxInlineNesting = 32;   // [ [ [ … ] ] ] and { a = { … } } levels

// Reports (at the offending key or bracket) and returns false when the file
// nests deeper than the limits. Strings and comments are skipped.
bool check_nesting(const SourceFile& file, DiagnosticSink& sink);

}  // namespace jan20::load
