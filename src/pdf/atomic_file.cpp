#include "pdf/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace jan20::pdf {

bool write_all(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

bool pwrite_all(int fd, std::string_view bytes, long long offset) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + static_cast<long long>(done)));
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

namespace {

std::string errno_text(int e) { return std::strerror(e); }

// Temporary files are named ".<target>.tmp-<pid>-XXXXXX". A build killed
// between creating one and renaming it (SIGKILL, power loss) cannot remove
// it; the next build writing the same target does, when the process named in
// it no longer exists. A temporary file of a build still running (another
// jan20-pdf writing the same target at the same time) is left alone.
void remove_stale_temporaries(const std::string& dir, const std::string& base) {
  std::string prefix = "." + base + ".tmp-";
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    char* end = nullptr;
    long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
    if (pid <= 0 || *end != '-' || std::strlen(end) != 7) continue;  // not one of ours
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // its build may still be running
    ::unlinkat(::dirfd(d), name.c_str(), 0);
  }
  ::closedir(d);
}

}  // namespace

bool write_atomically(const std::string& path, DiagnosticSink& sink, const std::function<FillResult(int fd)>& fill) {
  SourceLocation where{path};

  size_t slash = path.find_last_of('/');
  std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  remove_stale_temporaries(dir, base);
  std::string tmpl = dir + "/." + base + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    int e = errno;
    sink.error(where, "cannot create a temporary file in '" + dir + "': " + errno_text(e),
               "check that the output directory exists and is writable");
    return false;
  }
  std::string temp(name.data());
  auto fail = [&](const std::string& what, int e) {
    ::close(fd);
    ::unlink(temp.c_str());
    sink.error(where, what + ": " + errno_text(e), "check free disk space and permissions of '" + dir + "'");
    return false;
  };
  // Keep the mode of the file being replaced; a new file gets rw-r--r--.
  struct stat st;
  mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  if (::fchmod(fd, mode) != 0) return fail("cannot set permissions on " + temp, errno);
  switch (fill(fd)) {
    case FillResult::Written:
      break;
    case FillResult::WriteFailed:
      return fail("cannot write " + temp, errno);
    case FillResult::Failed:
      ::close(fd);
      ::unlink(temp.c_str());
      return false;
  }
  if (::fsync(fd) != 0) return fail("cannot flush " + temp, errno);
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(temp.c_str());
    sink.error(where, "cannot close " + temp + ": " + errno_text(e));
    return false;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int e = errno;
    ::unlink(temp.c_str());
    sink.error(where, "cannot replace the output file: " + errno_text(e),
               "check that the path is not a directory and that its directory is writable");
    return false;
  }
  // Make the rename itself durable.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}


}  // namespace jan20::pdf
