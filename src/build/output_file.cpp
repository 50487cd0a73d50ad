#include "build/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace jan20::build {

namespace {

std::string directory_of(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

bool write_all(int fd, const std::string& text, int* error) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = n < 0 ? errno : ENOSPC;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string shown(const std::string& path) { return path == "-" ? "standard output" : "'" + path + "'"; }

bool fail(DiagnosticSink& sink, const std::string& path, const std::string& what, const std::string& why,
          const std::string& hint) {
  sink.error({path}, "cannot write the " + what + " to " + shown(path) + ": " + why, hint);
  return false;
}

// Standard output, a device, a FIFO, a symbolic link: written in place.
bool write_in_place(const std::string& path, const std::string& text, const std::string& what, DiagnosticSink& sink) {
  int fd = path == "-" ? ::dup(STDOUT_FILENO) : ::open(path.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    if (e == ENXIO)
      return fail(sink, path, what, "no process is reading this FIFO or socket",
                  "start its reader first, or name a regular file");
    return fail(sink, path, what, std::strerror(e), "name a regular file in a writable directory");
  }
  // Blocking writes from here: a slow reader of a pipe is not an error.
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && ::ftruncate(fd, 0) != 0) {
    int e = errno;
    ::close(fd);
    return fail(sink, path, what, std::strerror(e), "check the file's permissions");
  }
  int e = 0;
  bool ok = write_all(fd, text, &e);
  if (::close(fd) != 0 && ok) {
    ok = false;
    e = errno;
  }
  if (!ok) return fail(sink, path, what, std::strerror(e), "check free disk space");
  return true;
}

bool replace_atomically(const std::string& path, const std::string& text, const std::string& what,
                        DiagnosticSink& sink) {
  std::string dir = directory_of(path);
  size_t slash = path.find_last_of('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  // Unique per process and call: builds sharing a --report path must not
  // write into each other's temporary file.
  std::string tmpl = dir + "/." + base + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    int e = errno;
    return fail(sink, path, what, "cannot create a file in '" + dir + "': " + std::strerror(e),
                "check that the directory exists and is writable");
  }
  std::string temp(name.data());
  struct stat st;
  mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  int e = 0;
  bool ok = ::fchmod(fd, mode) == 0 || (e = errno, false);
  ok = ok && write_all(fd, text, &e);
  ok = ok && (::fsync(fd) == 0 || (e = errno, false));
  if (::close(fd) != 0 && ok) {
    ok = false;
    e = errno;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    return fail(sink, path, what, std::strerror(e), "check free disk space; the previous file is unchanged");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    e = errno;
    ::unlink(temp.c_str());
    return fail(sink, path, what, std::strerror(e), "check that its directory is writable");
  }
  return true;
}

}  // namespace

bool check_output_path(const std::string& path, const std::string& what, DiagnosticSink& sink) {
  if (path == "-") return true;
  if (path.empty())
    return fail(sink, path, what, "the path is empty", "name a file, or '-' for standard output");
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return fail(sink, path, what, "it is a directory",
                "name a file in it, e.g. '" + path + (what == "report" ? "/report.json'" : "/build.d'"));
  // A missing directory is made when the file is written, as the PDFs' is
  // (--out): the nearest one that exists must be a directory.
  std::string dir = directory_of(path);
  while (::stat(dir.c_str(), &st) != 0) {
    std::string up = directory_of(dir);
    if ((errno != ENOENT && errno != ENOTDIR) || up == dir)
      return fail(sink, path, what, "'" + dir + "': " + std::strerror(errno), "check the path");
    dir = up;
  }
  if (!S_ISDIR(st.st_mode))
    return fail(sink, path, what, "'" + dir + "' is not a directory", "name a file in a directory");
  return true;
}

bool write_output_file(const std::string& path, const std::string& text, const std::string& what,
                       DiagnosticSink& sink) {
  if (!check_output_path(path, what, sink)) return false;
  std::error_code ec;
  if (path != "-") std::filesystem::create_directories(directory_of(path), ec);
  if (ec)
    return fail(sink, path, what, "cannot create the directory '" + directory_of(path) + "': " + ec.message(),
                "check that its parent directory is writable");
  struct stat link;
  bool exists = ::lstat(path.c_str(), &link) == 0;
  if (path == "-" || (exists && !S_ISREG(link.st_mode)))
    return write_in_place(path, text, what, sink);
  return replace_atomically(path, text, what, sink);
}

}  // namespace jan20::build
