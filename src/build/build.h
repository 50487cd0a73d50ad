#pragma once
// The build stage: everything between the command line and the stages'
// libraries. It plans the editions (load::plan_editions), opens the fonts
// and the shaping cache the editions share, runs load → layout → pdf for
// each edition (two at a time, paragraphs and page compression on the
// threads the editions leave idle), preflights, and writes the outputs
// (PDF, imposed sheets, report, dependency file) atomically.
//
// `jan20-pdf build`, `check` and `fonts` (cli/), the fuzz target (fuzz/) and
// the micro-benchmarks (bench/micro) all come through here, so what is fuzzed
// and measured is what users run. Nothing here prints: results come back as
// values, with their diagnostics, for the caller to show.
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "layout/typeset.h"
#include "load/load.h"
#include "model/paged.h"
#include "pdf/preflight.h"

namespace jan20::build {

struct BuildOptions {
  std::string project_dir = ".";
  std::vector<std::string> documents;   // empty = all
  std::vector<std::string> languages;   // empty = each document's list
  std::string out_dir = "out";          // relative to the project dir unless absolute
  bool write = true;                    // false for `check`: every PDF is rendered in memory only
  bool verify = false;                  // build --verify: rendered in memory (write = false) and compared
                                        // with the PDFs on disk, each one that differs is an error
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
  std::string sheet;                    // --sheet: the printer sheet (SRA4, A4, 330x240 …); "" = default
  // CMYK output intent for the print target (PDF/X); the default comes with
  // Ghostscript (Debian's libgs-common). Empty = no output intent.
  std::string icc_profile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
  bool icc_explicit = false;            // given with --icc: a missing file is an error
  std::vector<std::string> allow_paths;
  int jobs = 2;
  // false: the process ends right after the build (the command line's
  // `build`), so the build does not wait for what would only be freed before
  // it ends: the writer's libharu documents are freed on a thread nobody
  // waits for (pdf::free_unwaited; at -j 1, as before), the workspace is left
  // to the system. Building, checking and reporting are the same either way.
  bool free_memory = true;
};

// How far an edition got: the stage that reported its first error, or Done.
enum class Stage { Layout, Content, Typeset, Pdf, Done };

// One edition's build, as it went.
struct Edition {
  std::string document;   // "booklet"
  std::string lang;       // "az"
  std::string layout;     // the layout file, relative to the root
  std::string content;    // the content file, relative to the root
  std::string output;     // the PDF, absolute
  std::string imposed_output;  // --impose saddle: the printer sheets, absolute; "" = none written
  Stage stopped_at = Stage::Layout;
  DiagnosticSink sink;
  std::unique_ptr<model::PagedDocument> paged;
  layout::TypesetReport report;
  std::unique_ptr<pdf::Preflight> preflight;  // for --report
  // The fonts the pages' glyph runs use (indices into paged->fonts), noted
  // before the PDF is written, which frees the pages' items (--report).
  std::vector<int> drawn_fonts;
  double milliseconds = 0;
  std::set<std::string> files;  // read by this edition (for --deps)
  // `check`: the numbers its content writes, compared with the other editions
  // of its document once all are loaded; nullopt when the content did not load.
  std::optional<std::vector<load::NumberUse>> numbers;
  bool written = false;
  std::string rendered;         // `check` (write = false): the PDF's bytes, rendered in memory
  std::string rendered_imposed; // the printer sheets' bytes, when imposed in memory
  // --verify: whether the PDFs on disk are what the sources give.
  enum class Verdict { NotVerified, Current, Differs, Missing } verdict = Verdict::NotVerified;
};

// Whether the edition is finished and clean: its PDF made (written, or
// rendered for `check`) with no error, nor any warning under --strict.
bool succeeded(const Edition& edition, const BuildOptions& options);

struct BuildResult {
  // 0 success, 1 the documents have errors, 2 usage errors (an unknown
  // document or language, nothing to build).
  int exit_code = 0;
  std::string root;                // the project directory, absolute ("" when it was not found)
  DiagnosticSink sink;             // project-level problems: the project file, the manifest, layouts
  std::vector<std::unique_ptr<Edition>> editions;  // in the project's order
};

// `jan20-pdf build` (options.write) and `jan20-pdf check`.
BuildResult run_build(const BuildOptions& options);

}  // namespace jan20::build
