#pragma once
// `jan20-pdf init [DIR] [--kind leaflet|booklet|poster] [--lang az,en]`:
// writes a starter project that `jan20-pdf build` turns into PDFs at once —
// jan20.toml, a layout, the content of each language, fonts/manifest.toml —
// from the templates in the data directory (cli/share_dir.h). It never
// overwrites: when any of those files exists, it says which and writes
// nothing.
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace jan20::cli {

struct InitArgs {
  std::string dir = ".";
  std::string kind = "leaflet";
  std::vector<std::string> languages{"az", "en"};
};

void add_init_options(CLI::App* cmd, InitArgs& args);
// 0 written, 1 refused (a file exists, the data files are missing) or failed.
int run_init(const InitArgs& args, const std::string& project_dir);

}  // namespace jan20::cli
