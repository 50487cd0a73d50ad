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

}  // namespace jan20::load::test
