#include "core/regular_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace jan20 {

std::string size_limit_text(size_t bytes) {
  if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + " bytes";
}

std::string file_kind_name(unsigned mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISREG(mode)) return "a regular file";
  return "not a regular file";
}

namespace {

FileProblem problem_of(FileProblem::Kind kind, std::string phrase) { return {kind, std::move(phrase)}; }

FileProblem too_large(size_t max) {
  return problem_of(FileProblem::too_large, "is larger than the limit of " + size_limit_text(max) + " for this kind of file");
}

}  // namespace

RegularFile RegularFile::open(const std::string& path, size_t max_bytes, FileProblem* problem, bool whole_file) {
  *problem = {};
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR)
      *problem = problem_of(FileProblem::missing, "does not exist");
    else if (err == ELOOP)
      *problem = problem_of(FileProblem::missing, "is a symbolic link loop");
    else
      *problem = problem_of(FileProblem::unreadable, std::string("cannot be read: ") + std::strerror(err));
    return RegularFile(-1, 0, max_bytes);
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    unsigned mode = fstat(fd, &st) == 0 ? st.st_mode : 0;
    ::close(fd);
    if (S_ISDIR(mode))
      *problem = problem_of(FileProblem::directory, "is a directory, not a file");
    else
      *problem = problem_of(FileProblem::not_regular, "is " + file_kind_name(mode) + ", not a regular file");
    return RegularFile(-1, 0, max_bytes);
  }
  if (whole_file && static_cast<unsigned long long>(st.st_size) > max_bytes) {
    ::close(fd);
    *problem = too_large(max_bytes);
    return RegularFile(-1, 0, max_bytes);
  }
  // Back to blocking reads: a regular file never blocks, and O_NONBLOCK on
  // some file systems (FUSE) would return EAGAIN.
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return RegularFile(fd, static_cast<size_t>(st.st_size), max_bytes);
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool RegularFile::read_more(std::string* out, size_t n, FileProblem* problem) {
  // One byte over the cap tells a file at the cap from one over it (a file in
  // /proc says its size is 0 and may hold more).
  size_t allowed = max_ + 1 - read_;
  if (n > allowed) n = allowed;
  size_t start = out->size();
  out->resize(start + n);
  size_t got = 0;
  while (got < n) {
    ssize_t r = ::read(fd_, out->data() + start + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      out->resize(start + got);
      *problem = problem_of(FileProblem::unreadable, std::string("cannot be read: ") + std::strerror(errno));
      return false;
    }
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  out->resize(start + got);
  read_ += got;
  if (read_ > max_) {
    *problem = too_large(max_);
    return false;
  }
  return true;
}

bool RegularFile::read_rest(std::string* out, FileProblem* problem) {
  // What fstat promised, in one piece; then whatever more there is (a file
  // that grew, or one in /proc that says it is empty), in small steps that
  // move nothing when there is nothing.
  if (size_ > read_ && !read_more(out, size_ - read_, problem)) return false;
  std::string more;
  for (;;) {
    more.clear();
    if (!read_more(&more, 64 * 1024, problem)) return false;
    if (more.empty()) return true;
    out->append(more);
  }
}

bool read_regular_file(const std::string& path, size_t max_bytes, std::string* bytes, FileProblem* problem) {
  RegularFile file = RegularFile::open(path, max_bytes, problem);
  if (!file.is_open()) return false;
  bytes->clear();
  return file.read_rest(bytes, problem);
}

MappedFile::~MappedFile() {
  if (mapped_) munmap(const_cast<char*>(data_), size_);
}

MappedFile* map_regular_file(const std::string& path, size_t max_bytes, FileProblem* problem) {
  RegularFile file = RegularFile::open(path, max_bytes, problem);
  if (!file.is_open()) return nullptr;
  auto* mapping = new MappedFile;
  if (file.size() == 0) {
    mapping->data_ = mapping->copy_.data();
    return mapping;
  }
  void* data = mmap(nullptr, file.size(), PROT_READ, MAP_PRIVATE, file.fd_, 0);
  if (data == MAP_FAILED) {
    delete mapping;
    *problem = {FileProblem::unreadable, std::string("cannot be read: ") + std::strerror(errno)};
    return nullptr;
  }
  mapping->data_ = static_cast<const char*>(data);
  mapping->size_ = file.size();
  mapping->mapped_ = true;
  return mapping;
}

}  // namespace jan20
