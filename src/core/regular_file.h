#pragma once
// Every file the tool reads goes through here: content, layout, project and
// manifest TOML, images, fonts, ICC profiles, hyphenation files. A file is
// opened without blocking (a FIFO's open would wait for a writer forever),
// refused unless it is a regular file (a FIFO, a device such as /dev/zero, a
// socket or a directory is named as what it is), and read only up to the cap
// of its kind, so that no input can make a build hang or read without end.
#include <cstddef>
#include <string>

namespace jan20 {

inline constexpr size_t kMiB = size_t(1) << 20;
// The caps, one per kind of file (README "Limits", docs/toml-reference.md).
inline constexpr size_t kMaxTomlFileBytes = 16 * kMiB;         // jan20.toml, layouts, content, manifest
inline constexpr size_t kMaxImageFileBytes = 128 * kMiB;       // up to a PNG's IEND or a JPEG's EOI
inline constexpr size_t kMaxFontFileBytes = 256 * kMiB;        // mapped, not copied
inline constexpr size_t kMaxIccFileBytes = 16 * kMiB;          // an ICC output profile
inline constexpr size_t kMaxHyphenationFileBytes = 16 * kMiB;  // patterns or an exceptions file

// Why a file could not be read, as a phrase that follows its quoted name:
// "'x.png' is a FIFO (named pipe), not a regular file".
struct FileProblem {
  enum Kind { none, missing, directory, not_regular, too_large, unreadable };
  Kind kind = none;
  std::string phrase;
  explicit operator bool() const { return kind != none; }
};

// "a FIFO (named pipe)", "a character device", "a directory", …, for a stat mode.
std::string file_kind_name(unsigned mode);

// A regular file opened for reading. Reads never block and never pass the
// cap given to open().
class RegularFile {
 public:
  // `max_bytes` caps what is read; with `whole_file` (the default) a file
  // larger than it is refused before reading, otherwise only reading past it
  // is (an image whose end comes before the cap, followed by more data).
  static RegularFile open(const std::string& path, size_t max_bytes, FileProblem* problem, bool whole_file = true);
  RegularFile(RegularFile&& other) noexcept : fd_(other.fd_), size_(other.size_), max_(other.max_), read_(other.read_) {
    other.fd_ = -1;
  }
  RegularFile& operator=(RegularFile&&) = delete;
  ~RegularFile();

  bool is_open() const { return fd_ >= 0; }
  size_t size() const { return size_; }  // as fstat saw it when opened
  // Appends up to `n` more bytes to *out. Returns false (with a problem) on a
  // read error or when the file holds more than the cap; reading nothing at
  // the end of the file is not an error (check *out's size).
  bool read_more(std::string* out, size_t n, FileProblem* problem);
  // Reads the rest of the file (up to the cap).
  bool read_rest(std::string* out, FileProblem* problem);

 private:
  friend class MappedFile* map_regular_file(const std::string&, size_t, FileProblem*);
  RegularFile(int fd, size_t size, size_t max) : fd_(fd), size_(size), max_(max) {}
  int fd_ = -1;
  size_t size_ = 0, max_ = 0, read_ = 0;
};

// The whole file, at most `max_bytes`; false with a problem otherwise.
bool read_regular_file(const std::string& path, size_t max_bytes, std::string* bytes, FileProblem* problem);

// A regular file mapped read-only (fonts: HarfBuzz and FreeType read them in
// place). Empty `data` after a failed map_regular_file.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  friend MappedFile* map_regular_file(const std::string&, size_t, FileProblem*);
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
  std::string copy_;  // an empty file, which cannot be mapped
};
// A new mapping the caller owns, or nullptr with a problem.
MappedFile* map_regular_file(const std::string& path, size_t max_bytes, FileProblem* problem);

// "16 MiB" for a cap.
std::string size_limit_text(size_t bytes);

}  // namespace jan20
