#pragma once
// Helpers for tests that assert on real outcomes: run a command, read back a
// produced PDF with poppler/qpdf/mupdf, make scratch directories.
#include <string>
#include <vector>

namespace jan20::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;   // stdout
  std::string err;   // stderr
};

// Runs argv (no shell) and captures stdout and stderr.
CommandResult run(const std::vector<std::string>& argv, const std::string& cwd = {});
// Runs through /bin/sh -c.
CommandResult run_shell(const std::string& command);

std::string source_dir();      // the repository root
std::string jan20_binary();    // the built jan20-pdf
std::string make_temp_dir();   // fresh directory under $TMPDIR (or /tmp), removed when the test process exits
// A copy of the repository's project (jan20.toml, layouts, content, fonts) in
// a fresh temporary directory, to edit or build in.
std::string copy_project();
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);
bool file_exists(const std::string& path);

// Text of a PDF as poppler extracts it (pdftotext -enc UTF-8 [extra args] FILE -).
std::string pdftotext(const std::string& pdf, const std::vector<std::string>& extra = {});
// Every word pdftotext -bbox places, in its order: page (1-based) and box in
// pt from the top-left of the MediaBox.
struct BoxWord {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text;
};
std::vector<BoxWord> bbox_words(const std::string& pdf);
// Text as MuPDF extracts it (mutool draw -F txt).
std::string mutool_text(const std::string& pdf);
// Output of `pdffonts`.
std::string pdffonts(const std::string& pdf);
// `qpdf --check`: exit code 0 and no warnings.
bool qpdf_check_clean(const std::string& pdf, std::string* output = nullptr);
// Collapses runs of white space to one space and trims.
std::string squash_spaces(const std::string& s);

}  // namespace jan20::testing
