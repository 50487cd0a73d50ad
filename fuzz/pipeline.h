#pragma once
// The fuzz target's body, shared with the regression test that replays
// fuzz/regressions/* in the ordinary test suite (tests/robust).
//
// One input is <content TOML> NUL <layout TOML> [NUL <flags> [<creep>]] (fuzz/README.md).
// It goes through the build stage as `jan20-pdf check` takes one edition
// (build/edition.h): the layout and the content are loaded from memory and
// checked (check_layout, check_scripts), then build::make_edition typesets
// on two threads (the default -j2 with one edition), preflights and renders
// the PDF in memory. Each stage stops the run when it reports an error, as
// the command does.
#include <memory>
#include <string>
#include <string_view>

#include "build/workspace.h"
#include "core/diagnostic.h"

namespace jan20::fuzz {

enum class Stage { Layout, Content, Typeset, Pdf, Done };

struct Outcome {
  Stage stopped_at = Stage::Done;  // the stage that reported the first error; Done = a PDF was made
  DiagnosticSink sink;
  std::string pdf;                 // the PDF's bytes when stopped_at == Done
};

class Pipeline {
 public:
  // `project_root`: where the inputs' relative paths (images, hyphenation
  // lists, font files) are resolved (fuzz/project). `manifest`: absolute path
  // of the font manifest (the repository's fonts/manifest.toml).
  Pipeline(std::string project_root, const std::string& manifest);
  // Runs one input. A broken promise (a stage failing without an error, a
  // "successful" PDF that is not a whole file) aborts, so the fuzzer reports it.
  Outcome run(std::string_view input);
  // The input format's parts.
  struct Parts {
    std::string content, layout;
    unsigned char flags = 0;  // README.md: which PDF options
    double creep_pt = 0;      // the byte after the flags, in 1/100 pt per sheet
  };
  static Parts split(std::string_view input);

 private:
  // Fonts are loaded once for the whole run (as one build shares them between
  // editions): loading the Noto faces and fontconfig's index per input would
  // take most of each execution. The shaping cache is made fresh per input.
  std::unique_ptr<build::Workspace> workspace_;
};

}  // namespace jan20::fuzz
