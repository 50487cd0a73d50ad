#pragma once
// What the command shows of a build's results: diagnostics (text on stderr
// or JSON lines on stdout), one progress line per edition, the font table.
#include "build/build.h"
#include "build/font_coverage.h"

namespace jan20::cli {

enum class DiagnosticsFormat { Text, Json };

struct PrintOptions {
  DiagnosticsFormat diagnostics = DiagnosticsFormat::Text;
  bool quiet = false;  // no progress lines, no notes
};

// Prints the results of `build` / `check`; returns the exit code.
int print_build(const build::BuildResult& result, const build::BuildOptions& options, const PrintOptions& print);
// Prints the results of `fonts`; returns the exit code.
int print_fonts(const build::FontsResult& result, const PrintOptions& print);

}  // namespace jan20::cli
