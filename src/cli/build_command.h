#pragma once
// `jan20-pdf build` and `jan20-pdf check`: load the project, typeset every
// requested edition (two at a time, on both cores), write each PDF atomically.
#include <string>
#include <vector>

namespace jan20::cli {

enum class DiagnosticsFormat { Text, Json };

struct BuildOptions {
  std::string project_dir = ".";
  std::vector<std::string> documents;   // empty = all
  std::vector<std::string> languages;   // empty = each document's list
  std::string out_dir = "out";          // relative to the project dir unless absolute
  bool write = true;                    // false for `check`
  bool quiet = false;
  bool strict = false;                  // warnings are errors
  std::string deps_file;
  std::string report_file;
  std::string target = "print";         // print | screen
  bool marks = false;
  bool pdfa = false;
  bool tagged = true;
  bool accessible = true;               // PDF/UA-1: tagged, and claimed in the XMP (off with --untagged)
  std::string impose;                   // "" or "saddle"
  double creep_mm = 0;                  // per sheet, towards the spine
  // CMYK output intent for the print target (PDF/X); the default comes with
  // Ghostscript (Debian's libgs-common). Empty = no output intent.
  std::string icc_profile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
  bool icc_explicit = false;            // given with --icc: a missing file is an error
  std::vector<std::string> allow_paths;
  DiagnosticsFormat diagnostics = DiagnosticsFormat::Text;
  int jobs = 2;
};

// Returns the process exit code: 0 success, 1 the documents have errors,
// 2 usage errors (unknown document, bad option values).
int run_build(const BuildOptions& options);

// `jan20-pdf fonts`: lists the fonts each style resolves to and whether they
// cover the characters the content uses.
int run_fonts(const BuildOptions& options);

}  // namespace jan20::cli
