#include "load/project_paths.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <vector>

#include "core/regular_file.h"
#include "load/load.h"
#include "load/text_util.h"

namespace jan20::load {

std::string normalize_path(std::string_view path) {
  bool absolute = !path.empty() && path.front() == '/';
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string part(path.substr(pos, slash - pos));
    pos = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == ".." && !parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (part == ".." && absolute) {
      continue;  // "/.." is "/"
    } else {
      parts.push_back(part);
    }
  }
  std::string out = absolute ? "/" : "";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

std::string join_path(std::string_view root, std::string_view relative) {
  return normalize_path(std::string(root) + "/" + std::string(relative));
}

bool path_inside(std::string_view path, std::string_view dir) {
  if (dir == "/") return !path.empty() && path.front() == '/';
  if (path.size() < dir.size() || path.substr(0, dir.size()) != dir) return false;
  return path.size() == dir.size() || path[dir.size()] == '/';
}

std::string real_path(const std::string& path) {
  char buf[PATH_MAX];
  if (!realpath(path.c_str(), buf)) return {};
  return buf;
}

namespace {

bool has_parent_component(std::string_view path) {
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    if (path.substr(pos, slash - pos) == "..") return true;
    pos = slash + 1;
  }
  return false;
}

bool allowed_elsewhere(const std::string& absolute, const LoadOptions& options) {
  for (const auto& dir : options.allow_paths) {
    std::string real = real_path(dir);
    if (!real.empty() && path_inside(absolute, real)) return true;
    if (path_inside(absolute, normalize_path(dir))) return true;
  }
  return false;
}

// A file in the same folder with a close name: "content/images/carnation.png"
// for "content/images/carnaton.png".
std::string sibling_suggestion(const std::string& relative, const std::string& absolute) {
  size_t slash = absolute.rfind('/');
  if (slash == std::string::npos) return {};
  std::string dir = absolute.substr(0, slash), name = absolute.substr(slash + 1);
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());  // readdir order is the file system's; messages must not depend on it
  std::string close = nearest(name, names);
  if (close.empty()) return {};
  size_t rslash = relative.rfind('/');
  return (rslash == std::string::npos ? "" : relative.substr(0, rslash + 1)) + close;
}

}  // namespace

std::string resolve_project_path(const std::string& relative, const LoadOptions& options,
                                 const SourceLocation& where, DiagnosticSink& sink) {
  const char* allow_hint = "or allow its folder with --allow-path";
  if (relative.empty()) {
    sink.error(where, "the path is empty", "name a file relative to the project directory");
    return {};
  }
  bool absolute = relative.front() == '/';
  std::string candidate = absolute ? normalize_path(relative) : join_path(options.root, relative);
  if (absolute && !allowed_elsewhere(candidate, options)) {
    sink.error(where, "path '" + relative + "' is absolute",
               std::string("write it relative to the project directory, ") + allow_hint);
    return {};
  }
  // "images/../images/candle.png" stays inside; only a path whose ".."
  // climbs above the project leaves it.
  if (!absolute && has_parent_component(relative) && !path_inside(candidate, normalize_path(options.root)) &&
      !allowed_elsewhere(candidate, options)) {
    sink.error(where, "path '" + relative + "' leaves the project directory",
               std::string("keep the file inside the project, ") + allow_hint);
    return {};
  }
  std::string real = real_path(candidate);
  if (real.empty() && errno == ELOOP) {
    sink.error(where, "path '" + relative + "' is a loop of symbolic links",
               "make the link point at the file itself");
    return {};
  }
  if (real.empty()) {
    struct stat link;
    if (lstat(candidate.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
      sink.error(where, "path '" + relative + "' is a symbolic link to a file that does not exist",
                 "make the link point at the file itself");
      return {};
    }
    std::string close = absolute ? std::string{} : sibling_suggestion(relative, candidate);
    sink.error(where, "file '" + relative + "' does not exist",
               close.empty() ? "paths are relative to the project directory"
                             : "did you mean '" + close + "'?");
    return {};
  }
  std::string real_root = real_path(options.root);
  if (!(path_inside(real, real_root.empty() ? normalize_path(options.root) : real_root) ||
        allowed_elsewhere(real, options))) {
    sink.error(where, "path '" + relative + "' leads outside the project through a symbolic link",
               std::string("copy the file into the project, ") + allow_hint);
    return {};
  }
  struct stat st;
  if (stat(real.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    sink.error(where, "'" + relative + "' is a directory, not a file");
    return {};
  }
  if (stat(real.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    sink.error(where, "'" + relative + "' is " + file_kind_name(st.st_mode) + ", not a regular file",
               "name the file itself; a pipe or a device cannot be read as a document's input");
    return {};
  }
  return real;
}

}  // namespace jan20::load
