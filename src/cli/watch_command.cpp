#include "cli/watch_command.h"

#include <CLI/CLI.hpp>

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace jan20::cli {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr uint32_t kEvents =
    IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO;

// The path that stands for "events were lost": it matters and belongs to no
// edition, so everything is rebuilt.
const char* const kAnything = "*";

// An edition's key in the map of what each one read.
std::string edition_key(const std::string& document, const std::string& lang) { return document + "\n" + lang; }

// The inotify watches: one per folder, and the files in them that matter.
class Watches {
 public:
  explicit Watches(int fd) : fd_(fd) {}

  // Watches exactly `dirs` (adding new ones, dropping the others).
  void set_dirs(const std::set<std::string>& dirs) {
    for (auto it = by_wd_.begin(); it != by_wd_.end();) {
      if (!dirs.count(it->second)) {
        inotify_rm_watch(fd_, it->first);
        it = by_wd_.erase(it);
      } else {
        ++it;
      }
    }
    std::set<std::string> have;
    for (const auto& [wd, dir] : by_wd_) have.insert(dir);
    for (const std::string& dir : dirs) {
      if (have.count(dir)) continue;
      int wd = inotify_add_watch(fd_, dir.c_str(), kEvents | IN_ONLYDIR);
      if (wd >= 0) by_wd_[wd] = dir;  // a folder that does not exist (yet) is not watched
    }
  }
  size_t size() const { return by_wd_.size(); }

  // Reads the pending events; returns the paths they concern. `*new_dir`
  // is set when a folder appeared (its files are to be watched too).
  std::vector<std::string> read_paths(bool* new_dir) {
    std::vector<std::string> paths;
    alignas(struct inotify_event) char buffer[16384];
    for (;;) {
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n <= 0) break;  // EAGAIN: drained
      for (char* p = buffer; p < buffer + n;) {
        auto* event = reinterpret_cast<struct inotify_event*>(p);
        p += sizeof(struct inotify_event) + event->len;
        if (event->mask & IN_Q_OVERFLOW) {  // events were lost: anything may have changed
          paths.push_back(kAnything);
          continue;
        }
        if (event->mask & IN_IGNORED) {
          by_wd_.erase(event->wd);
          continue;
        }
        auto it = by_wd_.find(event->wd);
        if (it == by_wd_.end() || event->len == 0) continue;
        if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) *new_dir = true;
        paths.push_back(it->second + "/" + event->name);
      }
    }
    return paths;
  }

 private:
  int fd_;
  std::map<int, std::string> by_wd_;
};

std::string normal(const std::string& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal().string();
}

// Every folder below `dir` (itself included): new content and layouts.
void add_tree(const std::string& dir, std::set<std::string>* dirs) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  dirs->insert(dir);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec)) dirs->insert(normal(it->path().string()));
}

struct State {
  std::string root;                                  // the project, absolute; "" while it cannot be opened
  std::map<std::string, std::set<std::string>> read;  // edition key -> the files it read (as --deps)
};

// What a build read, merged into the state. An edition that stopped early
// read fewer files (not its fonts, say): it keeps those it read before too.
void remember(const build::BuildResult& result, const build::BuildOptions& options, State* state) {
  if (!result.root.empty()) state->root = result.root;
  for (const auto& ed : result.editions) {
    std::set<std::string>& files = state->read[edition_key(ed->document, ed->lang)];
    if (build::succeeded(*ed, options)) files.clear();
    for (const std::string& f : ed->files) files.insert(normal(f));
  }
}

std::set<std::string> all_inputs(const State& state) {
  std::set<std::string> inputs;
  for (const auto& [key, files] : state.read) inputs.insert(files.begin(), files.end());
  return inputs;
}

std::set<std::string> watched_dirs(const State& state, const std::string& project_dir) {
  std::set<std::string> dirs;
  for (const std::string& f : all_inputs(state)) dirs.insert(fs::path(f).parent_path().string());
  std::string root = state.root.empty() ? normal(project_dir) : state.root;
  dirs.insert(root);  // jan20.toml, even before it exists
  add_tree(root + "/content", &dirs);
  add_tree(root + "/layouts", &dirs);
  return dirs;
}

// Whether a changed path matters: an input, or a .toml file in the project
// (a new content file, a layout not read yet, jan20.toml itself).
bool matters(const std::string& path, const State& state, const std::set<std::string>& inputs,
             const std::string& project_dir) {
  if (path == kAnything || inputs.count(path)) return true;
  std::string root = state.root.empty() ? normal(project_dir) : state.root;
  return fs::path(path).extension() == ".toml" && path.rfind(root + "/", 0) == 0;
}

// The documents (and their languages) to rebuild: those whose editions read
// a changed file; all of them (the options as given) when a changed file
// belongs to no edition.
std::map<std::string, std::vector<std::string>> to_rebuild(const std::set<std::string>& changed, const State& state,
                                                           bool* everything) {
  std::map<std::string, std::vector<std::string>> documents;
  *everything = false;
  for (const std::string& path : changed) {
    bool found = false;
    for (const auto& [key, files] : state.read)
      if (files.count(path)) {
        found = true;
        size_t cut = key.find('\n');
        documents[key.substr(0, cut)].push_back(key.substr(cut + 1));
      }
    if (!found || fs::path(path).filename() == "jan20.toml") *everything = true;
  }
  for (auto& [doc, langs] : documents) {
    std::sort(langs.begin(), langs.end());
    langs.erase(std::unique(langs.begin(), langs.end()), langs.end());
  }
  return documents;
}

int build_once(const build::BuildOptions& options, const PrintOptions& print, State* state) {
  build::BuildResult result = build::run_build(options);
  remember(result, options, state);
  return print_build(result, options, print);
}

}  // namespace

void add_watch_options(CLI::App* cmd, WatchArgs& a) {
  cmd->add_option("--debounce", a.debounce_ms,
                  "Milliseconds without a further change before rebuilding (default 25)")
      ->check(CLI::Range(0, 10000));
}

int run_watch(build::BuildOptions options, const PrintOptions& print, const WatchArgs& args) {
  // The signals arrive as readable data on a descriptor, polled with the
  // inotify one; blocked before any build thread starts, so every thread
  // inherits the mask and none is interrupted.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  if (pthread_sigmask(SIG_BLOCK, &stop, nullptr) != 0) {
    std::fprintf(stderr, "jan20-pdf: error: watch: cannot block SIGINT and SIGTERM\n");
    return 1;
  }
  int signals = signalfd(-1, &stop, SFD_CLOEXEC | SFD_NONBLOCK);
  int notify = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (signals < 0 || notify < 0) {
    std::fprintf(stderr, "jan20-pdf: error: watch: %s — raise fs.inotify.max_user_instances, or use make with --deps\n",
                 std::strerror(errno));
    return 1;
  }
  Watches watches(notify);
  State state;
  const build::BuildOptions all = options;
  build_once(all, print, &state);

  for (;;) {
    std::set<std::string> inputs = all_inputs(state);
    watches.set_dirs(watched_dirs(state, options.project_dir));
    if (!print.quiet)
      std::fprintf(stderr, "jan20-pdf: watching %zu files in %zu folders (Ctrl-C stops)\n", inputs.size(),
                   watches.size());

    // Wait for a change that matters, then for quiet.
    std::set<std::string> changed;
    Clock::time_point first;
    int timeout = -1;
    for (;;) {
      struct pollfd fds[2] = {{signals, POLLIN, 0}, {notify, POLLIN, 0}};
      int ready = ::poll(fds, 2, timeout);
      if (ready < 0 && errno == EINTR) continue;
      if (fds[0].revents & POLLIN) {
        struct signalfd_siginfo info;
        (void)!::read(signals, &info, sizeof info);
        if (!print.quiet) std::fprintf(stderr, "jan20-pdf: watch stopped (%s)\n", strsignal(static_cast<int>(info.ssi_signo)));
        ::close(notify);
        ::close(signals);
        return 0;
      }
      if (ready == 0) break;  // quiet for the debounce time
      bool new_dir = false;
      for (const std::string& path : watches.read_paths(&new_dir))
        if (matters(path, state, inputs, options.project_dir)) {
          if (changed.empty()) first = Clock::now();
          changed.insert(path);
        }
      // A new folder under content/ or layouts/: watched from now on (a
      // file written into it right away is caught by the next build's list).
      if (new_dir) watches.set_dirs(watched_dirs(state, options.project_dir));
      if (!changed.empty()) timeout = args.debounce_ms;
    }

    bool everything = false;
    std::map<std::string, std::vector<std::string>> documents = to_rebuild(changed, state, &everything);
    if (!print.quiet)
      for (const std::string& path : changed) {
        std::string shown = state.root.empty() ? path : fs::path(path).lexically_relative(state.root).string();
        if (shown.empty() || shown.rfind("..", 0) == 0) shown = path;
        std::fprintf(stderr, "jan20-pdf: changed: %s\n", escape_nonprinting(shown).c_str());
      }
    if (everything) {
      state.read.clear();  // jan20.toml may name other editions now
      build_once(all, print, &state);
    } else {
      for (const auto& [document, langs] : documents) {
        build::BuildOptions one = all;
        one.documents = {document};
        one.languages = langs;
        build_once(one, print, &state);
      }
    }
    if (!print.quiet) {
      auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - first).count();
      std::fprintf(stderr, "jan20-pdf: done %lld ms after the first change (%d ms of it waiting for quiet)\n",
                   static_cast<long long>(ms), args.debounce_ms);
    }
  }
}

}  // namespace jan20::cli
