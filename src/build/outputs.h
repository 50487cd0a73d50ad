#pragma once
// The files a build writes besides the PDFs: the printer sheets' name, the
// --report JSON and the --deps Make rules, written by output_file.h's rules
// (atomically over a regular file, in place into a device, pipe or stdout),
// or reported into the sink.
#include <memory>
#include <string>
#include <vector>

#include "build/build.h"

namespace jan20::build {

// out/booklet.az.pdf -> out/booklet.az.imposed.pdf
std::string imposed_path(const std::string& output);

// --report: what the typesetting did, per edition (report_json.h).
bool write_report(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                  DiagnosticSink& sink);

// How the deps file names files: as the user named the project. A file
// inside the project is written relative to the directory the command runs
// in (make's), through `project_dir` as given with -C ("." by default); a
// file outside it (a system font) keeps its absolute path.
struct DepsNaming {
  std::string root;         // the project directory, absolute
  std::string project_dir;  // the same, as the user gave it (-C)
};

// --deps: one Make rule per PDF written (and its printer sheets), naming
// every file its edition read, then an empty rule per prerequisite (like
// gcc -MP), so that make does not stop at an input that was deleted. Spaces
// and '#' are escaped with a backslash, '$' doubled.
std::string deps_text(const std::vector<std::unique_ptr<Edition>>& editions, const DepsNaming& naming);
bool write_deps(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                const DepsNaming& naming, DiagnosticSink& sink);

}  // namespace jan20::build
