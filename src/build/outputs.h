#pragma once
// The files a build writes besides the PDFs: the printer sheets' name, the
// --report JSON and the --deps Make rules, each written atomically (a
// temporary file renamed over the target), or reported into the sink.
#include <memory>
#include <string>
#include <vector>

#include "build/build.h"

namespace jan20::build {

// out/booklet.az.pdf -> out/booklet.az.imposed.pdf
std::string imposed_path(const std::string& output);

// Writes `text` to a temporary file beside `path` and renames it over `path`.
// Returns false after reporting at `path`.
bool write_text_atomically(const std::string& path, const std::string& text, DiagnosticSink& sink);

// --report: what the typesetting did, per edition (report_json.h).
bool write_report(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                  DiagnosticSink& sink);

// --deps: one Make rule per PDF written, naming every file its edition read.
std::string deps_text(const std::vector<std::unique_ptr<Edition>>& editions);
bool write_deps(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                DiagnosticSink& sink);

}  // namespace jan20::build
