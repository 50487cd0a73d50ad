#pragma once
// The fuzz target's body, shared with the regression test that replays
// fuzz/regressions/* in the ordinary test suite (tests/robust).
//
// One input is <content TOML> NUL <layout TOML> [NUL <flags> [<creep>]] (fuzz/README.md).
// It goes through the stages the way `jan20-pdf build` takes one edition:
// load the layout and the content (from memory), check scripts, typeset,
// preflight, render the PDF in memory. Each stage stops the run when it reports an
// error, as the command does.
#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "font/collection.h"
#include "load/load.h"

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
  load::LoadOptions load_;
  // Fonts are loaded once for the whole run (as one build shares them between
  // editions): loading the Noto faces and fontconfig's index per input would
  // take most of each execution. Everything else is made fresh per input.
  std::unique_ptr<font::FontCollection> fonts_;
};

}  // namespace jan20::fuzz
