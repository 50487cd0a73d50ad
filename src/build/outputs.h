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

// --deps: one Make rule per PDF written, naming every file its edition read.
std::string deps_text(const std::vector<std::unique_ptr<Edition>>& editions);
bool write_deps(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                DiagnosticSink& sink);

}  // namespace jan20::build
