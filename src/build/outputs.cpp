#include "build/outputs.h"

#include <filesystem>
#include <set>

#include "build/output_file.h"
#include "build/report_json.h"

namespace jan20::build {

namespace fs = std::filesystem;

std::string imposed_path(const std::string& output) {
  std::string base = output.size() > 4 && output.compare(output.size() - 4, 4, ".pdf") == 0
                         ? output.substr(0, output.size() - 4)
                         : output;
  return base + ".imposed.pdf";
}

bool write_report(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                  DiagnosticSink& sink) {
  std::vector<EditionReport> reports;
  for (const auto& ed : editions) {
    int pages = ed->paged ? static_cast<int>(ed->paged->pages.size()) : 0;
    reports.push_back({ed->document, ed->lang, ed->output, pages, ed->milliseconds, &ed->report, ed->paged.get(),
                       ed->paged ? &ed->drawn_fonts : nullptr, ed->preflight.get()});
  }
  return write_output_file(path, report_json(reports), "report", sink);
}

namespace {

// A path as make reads it in a rule.
std::string make_escape(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\t') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

// `path` (absolute) as the user would name it from where make runs.
std::string as_given(const std::string& path, const DepsNaming& naming) {
  fs::path p(path);
  fs::path rel = p.lexically_relative(naming.root);
  if (naming.root.empty() || rel.empty() || *rel.begin() == "..") return path;
  if (naming.project_dir.empty() || naming.project_dir == ".") return rel.string();
  return (fs::path(naming.project_dir) / rel).lexically_normal().string();
}

}  // namespace

std::string deps_text(const std::vector<std::unique_ptr<Edition>>& editions, const DepsNaming& naming) {
  std::string text;
  std::set<std::string> prerequisites;
  for (const auto& ed : editions) {
    if (!ed->written) continue;
    text += make_escape(as_given(ed->output, naming));
    if (!ed->imposed_output.empty()) text += " " + make_escape(as_given(ed->imposed_output, naming));
    text += ":";
    for (const std::string& f : ed->files) {
      std::string name = make_escape(as_given(f, naming));
      text += " \\\n  " + name;
      prerequisites.insert(name);
    }
    text += "\n";
  }
  // gcc -MP: a deleted input is not an error, the PDF is simply rebuilt.
  for (const std::string& name : prerequisites) text += "\n" + name + ":\n";
  return text;
}

bool write_deps(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                const DepsNaming& naming, DiagnosticSink& sink) {
  return write_output_file(path, deps_text(editions, naming), "deps file", sink);
}

}  // namespace jan20::build
