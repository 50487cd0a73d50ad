#pragma once
// `jan20-pdf watch [DOCUMENT…]`: builds, then rebuilds whenever a file the
// build read changes — the same files `--deps` lists (the project file,
// the font manifest, layouts, content, images, fonts, ICC profiles,
// hyphenation files) — and any new or changed .toml file in the project.
// Watched through inotify on the folders holding those files, so an editor
// that saves by renaming a new file over the old one is seen too. Events
// are debounced: the rebuild starts when no event has come for the
// debounce time. Only the editions that read a changed file are rebuilt
// (all of them when jan20.toml or a new file changed). A failed rebuild
// prints its errors and leaves the last good PDF (the build writes through
// a temporary file and a rename). SIGINT (Ctrl-C) and SIGTERM stop it with
// exit 0 once the build under way, if any, has finished.
#include "build/build.h"
#include "cli/print_results.h"

namespace CLI {
class App;
}

namespace jan20::cli {

struct WatchArgs {
  int debounce_ms = 25;
};

void add_watch_options(CLI::App* cmd, WatchArgs& args);
// 0 when stopped by a signal; 1 when inotify or the signals cannot be set up.
int run_watch(build::BuildOptions options, const PrintOptions& print, const WatchArgs& args);

}  // namespace jan20::cli
