#include "build/outputs.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

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

bool write_text_atomically(const std::string& path, const std::string& text, DiagnosticSink& sink) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      int e = errno;
      std::remove(tmp.c_str());
      sink.error({path}, std::string("cannot write the file: ") + std::strerror(e),
                 "check that its directory exists and is writable");
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    int e = errno;
    std::remove(tmp.c_str());
    sink.error({path}, std::string("cannot replace the file: ") + std::strerror(e),
               "check that the path is not a directory and that its directory is writable");
    return false;
  }
  return true;
}

bool write_report(const std::string& path, const std::vector<std::unique_ptr<Edition>>& editions,
                  DiagnosticSink& sink) {
  std::vector<EditionReport> reports;
  for (const auto& ed : editions) {
    int pages = ed->paged ? static_cast<int>(ed->paged->pages.size()) : 0;
    reports.push_back({ed->document, ed->lang, ed->output, pages, ed->milliseconds, &ed->report, ed->paged.get(),
                       ed->preflight.get()});
  }
  return write_text_atomically(path, report_json(reports), sink);
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
  return write_text_atomically(path, deps_text(editions), sink);
}

}  // namespace jan20::build
