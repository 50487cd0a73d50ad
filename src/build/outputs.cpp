#include "build/outputs.h"

#include "build/output_file.h"
#include "build/report_json.h"

namespace jan20::build {

namespace {

std::string replace_all(std::string s, const std::string& key, const std::string& value) {
  for (size_t pos = 0; (pos = s.find(key, pos)) != std::string::npos; pos += value.size()) s.replace(pos, key.size(), value);
  return s;
}

}  // namespace

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
                       ed->preflight.get()});
  }
  return write_output_file(path, report_json(reports), "report", sink);
}

std::string deps_text(const std::vector<std::unique_ptr<Edition>>& editions) {
  std::string text;
  auto escape = [](const std::string& p) { return replace_all(p, " ", "\\ "); };
  for (const auto& ed : editions) {
    if (!ed->written) continue;
    text += escape(ed->output) + ":";
    for (const std::string& f : ed->files) text += " \\\n  " + escape(f);
    text += "\n";
  }
  return text;
}

bool write_deps(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                DiagnosticSink& sink) {
  return write_output_file(path, deps_text(editions), "deps file", sink);
}

}  // namespace jan20::build
