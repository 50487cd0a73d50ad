#include "cli/layout_font.h"

#include <filesystem>
#include <optional>
#include <vector>

#include "load/load.h"

namespace jan20::cli {

namespace fs = std::filesystem;

LayoutFont find_layout_font(const std::string& name, const std::string& layout, const std::string& root,
                            font::FontCollection& fonts) {
  LayoutFont found;
  load::LoadOptions lo;
  lo.root = root;
  DiagnosticSink quiet;  // a project with problems still names its fonts; `check` reports the problems
  std::vector<std::string> layouts;
  if (!layout.empty()) {
    layouts.push_back(fs::path(layout).extension() == ".toml" ? layout : "layouts/" + layout + ".toml");
  } else if (std::error_code ec; fs::exists(fs::path(root) / "jan20.toml", ec)) {
    if (std::optional<model::Project> project = load::load_project(lo, quiet))
      for (const model::DocumentSpec& doc : project->documents) layouts.push_back(doc.layout);
  }
  std::string broken;  // a layout that does not load, and its first error
  for (const std::string& path : layouts) {
    DiagnosticSink problems;
    std::optional<model::Design> design = load::load_design(path, lo, problems);
    if (!design) {
      for (const Diagnostic& d : problems.diagnostics())
        if (broken.empty() && d.severity == Severity::Error) broken = path + " has errors (" + format_diagnostic(d) + ")";
      continue;
    }
    auto it = design->fonts.find(name);
    if (it == design->fonts.end()) continue;
    found.layout = path;
    DiagnosticSink sink;
    found.face = fonts.resolve(it->second, sink);
    if (!found.face)
      for (const Diagnostic& d : sink.diagnostics())
        found.error += (found.error.empty() ? "" : "; ") + d.message + (d.hint.empty() ? "" : " \xE2\x80\x94 " + d.hint);
    if (!found.face && found.error.empty()) found.error = "the font does not resolve";
    return found;
  }
  // Not named by a layout that loads: a family or a file, unless a layout
  // that might name it is broken.
  if (!broken.empty() && fs::path(name).extension().empty() && name.find(':') == std::string::npos) {
    found.layout = layouts.front();
    found.error = broken + " \xE2\x80\x94 fix it (jan20-pdf check) to use its font names";
  }
  return found;
}

}  // namespace jan20::cli
