#include "cli/init_command.h"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/share_dir.h"
#include "core/diagnostic.h"

namespace jan20::cli {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kKinds = {"leaflet", "booklet", "poster"};
const std::vector<std::string> kLanguages = {"az", "en"};

struct NewFile {
  std::string path;   // relative to the project
  std::string bytes;
};

std::string project_file(const std::string& kind, const std::vector<std::string>& languages) {
  std::string langs;
  for (const auto& l : languages) langs += (langs.empty() ? "\"" : ", \"") + l + "\"";
  return "# jan20-pdf project file, written by `jan20-pdf init`: the documents this\n"
         "# project builds. `jan20-pdf build` writes out/" + kind + ".<lang>.pdf for each\n"
         "# language; `jan20-pdf check` finds problems without writing.\n\n"
         "fonts = \"fonts/manifest.toml\"\n\n"
         "[documents." + kind + "]\n"
         "layout = \"layouts/" + kind + ".toml\"\n"
         "content = \"content/" + kind + "/{lang}.toml\"\n"
         "languages = [" + langs + "]\n"
         "output = \"{name}.{lang}.pdf\"\n";
}

bool read_whole(const fs::path& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *bytes = s.str();
  return static_cast<bool>(in) || in.eof();
}

// The files of the new project: the templates of `kind`, the content only
// of the languages asked for, the font manifest, jan20.toml.
bool plan_files(const fs::path& share, const InitArgs& args, std::vector<NewFile>* files, std::string* error) {
  fs::path templates = share / "templates";
  fs::path root = templates / args.kind;
  std::error_code ec;
  std::vector<fs::path> found;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) found.push_back(it->path());
  if (ec || found.empty()) {
    *error = root.string() + ": the templates are missing or unreadable" + (ec ? " (" + ec.message() + ")" : "") +
             " — reinstall jan20-pdf (cmake --install build)";
    return false;
  }
  std::sort(found.begin(), found.end());
  found.push_back(templates / "fonts" / "manifest.toml");
  for (const fs::path& p : found) {
    std::string rel = p.parent_path() == templates / "fonts" ? "fonts/manifest.toml"
                                                              : p.lexically_relative(root).generic_string();
    if (rel.rfind("content/", 0) == 0) {
      std::string lang = p.stem().string();
      if (std::find(args.languages.begin(), args.languages.end(), lang) == args.languages.end()) continue;
    }
    NewFile f{rel, {}};
    if (!read_whole(p, &f.bytes)) {
      *error = p.string() + ": cannot read the template (" + std::strerror(errno) + ")";
      return false;
    }
    files->push_back(std::move(f));
  }
  files->insert(files->begin(), NewFile{"jan20.toml", project_file(args.kind, args.languages)});
  return true;
}

// O_EXCL: a file that appeared since the check is not overwritten either.
bool write_new(const fs::path& path, const std::string& bytes, std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = std::strerror(errno);
    return false;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = std::strerror(errno);
      ::close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *error = std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

void add_init_options(CLI::App* cmd, InitArgs& a) {
  cmd->add_option("dir", a.dir, "Folder of the new project (created when missing; default: the current folder)");
  cmd->add_option("--kind", a.kind, "leaflet (4 pages A5, every block kind once), booklet or poster (this project's own)")
      ->check(CLI::IsMember(kKinds));
  cmd->add_option("--lang", a.languages, "Languages of the content: az, en or both (default az,en)")
      ->delimiter(',')
      ->check(CLI::IsMember(kLanguages));
}

int run_init(const InitArgs& args, const std::string& project_dir) {
  fs::path dir = args.dir.empty() ? fs::path(".") : fs::path(args.dir);
  if (dir.is_relative() && !project_dir.empty()) dir = fs::path(project_dir) / dir;
  dir = dir.lexically_normal();
  std::string shown = escape_nonprinting(dir.string());

  std::string looked_in;
  std::string share = find_share_dir(&looked_in);
  if (share.empty()) {
    std::fprintf(stderr,
                 "jan20-pdf: error: init: no data files in %s — jan20-pdf finds them in ../share/jan20-pdf beside "
                 "its binary; install with cmake --install build --prefix PREFIX\n",
                 escape_nonprinting(looked_in).c_str());
    return 1;
  }
  std::vector<std::string> languages = args.languages;
  languages.erase(std::unique(languages.begin(), languages.end()), languages.end());
  InitArgs plan_args = args;
  plan_args.languages = languages;
  std::vector<NewFile> files;
  std::string error;
  if (!plan_files(share, plan_args, &files, &error)) {
    std::fprintf(stderr, "jan20-pdf: error: init: %s\n", escape_nonprinting(error).c_str());
    return 1;
  }

  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    std::fprintf(stderr, "%s: error: init: exists and is not a folder — name a new or empty folder\n", shown.c_str());
    return 1;
  }
  // Nothing is written when anything would be overwritten.
  int existing = 0;
  for (const NewFile& f : files) {
    fs::path target = dir / f.path;
    if (fs::exists(fs::symlink_status(target, ec))) {
      std::fprintf(stderr, "%s: error: init: already exists — init never overwrites a file\n",
                   escape_nonprinting(target.string()).c_str());
      ++existing;
    }
  }
  if (existing) {
    std::fprintf(stderr, "jan20-pdf: init: nothing written; choose a new folder: jan20-pdf init NEW-FOLDER\n");
    return 1;
  }

  std::vector<fs::path> written;
  auto undo = [&] {
    for (auto it = written.rbegin(); it != written.rend(); ++it) fs::remove(*it, ec);
  };
  for (const NewFile& f : files) {
    fs::path target = dir / f.path;
    fs::create_directories(target.parent_path(), ec);
    if (ec || !write_new(target, f.bytes, &error)) {
      std::fprintf(stderr, "%s: error: init: cannot write (%s); nothing was kept\n",
                   escape_nonprinting(target.string()).c_str(), ec ? ec.message().c_str() : error.c_str());
      undo();
      return 1;
    }
    written.push_back(target);
  }
  std::printf("Wrote a %s project in %s:\n", args.kind.c_str(), shown.c_str());
  for (const NewFile& f : files) std::printf("  %s\n", f.path.c_str());
  std::string c = dir == fs::path(".") ? "" : "-C " + shown + " ";
  std::printf("Next: jan20-pdf %sbuild   (writes out/%s.<lang>.pdf; `jan20-pdf %scheck` finds problems)\n",
              c.c_str(), args.kind.c_str(), c.c_str());
  return 0;
}

}  // namespace jan20::cli
