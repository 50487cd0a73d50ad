#pragma once
// Scratch projects for the loader tests: a temporary directory, files written
// into it, and the diagnostics of a run as the strings the CLI would print.
#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "load/load.h"
#include "support/test_support.h"

namespace jan20::load::test {

struct TempProject {
  std::string root = jan20::testing::make_temp_dir();

  // Writes `text` to root/relative, creating folders.
  void write(const std::string& relative, const std::string& text) const {
    std::filesystem::path p = std::filesystem::path(root) / relative;
    std::filesystem::create_directories(p.parent_path());
    jan20::testing::write_file(p.string(), text);
  }
  // Copies a directory of the repository (tests/load/minimal_project) in.
  void copy_from(const std::string& repo_dir) const {
    std::filesystem::copy(std::filesystem::path(jan20::testing::source_dir()) / repo_dir, root,
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
  }
  LoadOptions options() const { return LoadOptions{root, {}}; }
};

// format_diagnostic() of every diagnostic, in order.
inline std::vector<std::string> formatted(const DiagnosticSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.diagnostics()) out.push_back(format_diagnostic(d));
  return out;
}

// A document of one paragraph in language `lang`: the file c.toml, the
// block at 5:1, its text at 7:9 (so a warning's column is 9 + characters in).
inline model::Document one_paragraph(const std::string& text, const std::string& lang = "az") {
  model::Document doc;
  doc.path = "c.toml";
  doc.meta.language = lang;
  model::Block b;
  b.where = {"c.toml", 5, 1};
  model::Span s;
  s.text = text;
  s.where = {"c.toml", 7, 9};
  b.content = model::Paragraph{{s}};
  doc.blocks.push_back(b);
  return doc;
}

}  // namespace jan20::load::test
