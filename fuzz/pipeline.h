#pragma once
// The fuzz target's body, shared with the regression test that replays
// fuzz/regressions/* in the ordinary test suite (tests/robust).
//
// One input is <content TOML> NUL <layout TOML> [NUL <flags> [<creep>
// [<project TOML> [NUL <manifest TOML>]]]] (fuzz/README.md).
// It goes through the build stage as `jan20-pdf check` takes one edition
// (build/edition.h): the layout and the content are loaded from memory and
// checked (check_layout, check_scripts), then build::make_edition typesets
// on two threads (the default -j2 with one edition), preflights and renders
// the PDF in memory. Each stage stops the run when it reports an error, as
// the command does.
// With flag bit 7 the input goes through a project directory instead, as
// `jan20-pdf check -j 2` runs it (build::run_build): the project file, the
// font manifest, the layout and the content are written as files into a
// temporary copy of the fuzz project and read back through the bounded file
// reader; two documents share the layout and the content, so two editions
// build at once with the shared fonts and shaping cache, and must come out
// byte-identical.
#include <memory>
#include <string>
#include <string_view>

#include "build/workspace.h"
#include "core/diagnostic.h"

namespace jan20::fuzz {

enum class Stage { Project, Layout, Content, Typeset, Pdf, Done };  // Project: the project file or the manifest

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
  ~Pipeline();  // removes the temporary project directory
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;
  // Runs one input. A broken promise (a stage failing without an error, a
  // "successful" PDF that is not a whole file) aborts, so the fuzzer reports it.
  Outcome run(std::string_view input);
  // The input format's parts.
  struct Parts {
    std::string content, layout;
    unsigned char flags = 0;  // README.md: which PDF options
    double creep_pt = 0;      // the byte after the flags, in 1/100 pt per sheet
    // Flag bit 7: through a project directory, with these as jan20.toml and
    // fonts/manifest.toml (empty: a project of two documents in the content's
    // language; the repository's manifest).
    bool through_project = false;
    std::string project, manifest;
  };
  static Parts split(std::string_view input);

 private:
  // Fonts are loaded once for the whole run (as one build shares them between
  // editions): loading the Noto faces and fontconfig's index per input would
  // take most of each execution. The shaping cache is made fresh per input.
  std::unique_ptr<build::Workspace> workspace_;
  // Flag bit 7: the project directory's run (build::run_build).
  Outcome run_project(const Parts& parts);
  std::string manifest_text_;  // the repository's manifest, for inputs that give none
  std::string directory_;      // a temporary copy of project_root, made on first use
  std::string project_root_;
};

}  // namespace jan20::fuzz
