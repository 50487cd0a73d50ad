#include "support/test_support.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <regex>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace jan20::testing {

CommandResult run(const std::vector<std::string>& argv, const std::string& cwd) {
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
  pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    close(out_pipe[0]);
    close(err_pipe[0]);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, 0);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  CommandResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? result.out : result.err).append(buf, static_cast<size_t>(n));
      }
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

CommandResult run_shell(const std::string& command) { return run({"/bin/sh", "-c", command}); }

std::string source_dir() { return JAN20_SOURCE_DIR; }
std::string jan20_binary() { return JAN20_BINARY; }

namespace {

// The directories make_temp_dir made, removed when the process that made them
// exits: each ctest run made about a thousand (copies of the project, built
// PDFs) and left them in /tmp, 52 GB over a few weeks of runs, until the disk
// was full. JAN20_KEEP_TEST_DIRS=1 keeps them to look at. A forked child that
// exits does not remove its parent's.
class TempDirs {
 public:
  ~TempDirs() {
    const char* keep = std::getenv("JAN20_KEEP_TEST_DIRS");
    if (getpid() != owner_ || (keep && *keep && std::strcmp(keep, "0") != 0)) return;
    std::error_code ignored;
    for (const std::string& dir : dirs_) std::filesystem::remove_all(dir, ignored);
  }
  void add(std::string dir) {
    std::lock_guard lock(mutex_);
    dirs_.push_back(std::move(dir));
  }

 private:
  const pid_t owner_ = getpid();
  std::mutex mutex_;
  std::vector<std::string> dirs_;
};

TempDirs& temp_dirs() {
  static TempDirs dirs;
  return dirs;
}

}  // namespace

std::string make_temp_dir() {
  TempDirs& made = temp_dirs();  // constructed before the first directory, destroyed after the tests
  static std::atomic<int> counter{0};
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/jan20-test-" +
                     std::to_string(getpid()) + "-" + std::to_string(counter++) + "-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  made.add(buf.data());
  return buf.data();
}

std::string copy_project() {
  std::string dir = make_temp_dir();
  for (const char* part : {"jan20.toml", "layouts", "content", "fonts"})
    std::filesystem::copy(source_dir() + "/" + part, dir + "/" + part, std::filesystem::copy_options::recursive);
  return dir;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

bool file_exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

std::string pdftotext(const std::string& pdf, const std::vector<std::string>& extra) {
  std::vector<std::string> argv = {"pdftotext", "-enc", "UTF-8"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(pdf);
  argv.push_back("-");
  return run(argv).out;
}

std::vector<BoxWord> bbox_words(const std::string& pdf) {
  const std::string html = pdftotext(pdf, {"-bbox"});
  static const std::regex word_re(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
  std::vector<BoxWord> words;
  int page = 0;
  size_t at = html.find("<page ");
  while (at != std::string::npos) {
    ++page;
    const size_t next = html.find("<page ", at + 1);
    const auto begin = html.begin() + static_cast<std::ptrdiff_t>(at);
    const auto end = next == std::string::npos ? html.end() : html.begin() + static_cast<std::ptrdiff_t>(next);
    for (std::sregex_iterator w(begin, end, word_re), e; w != e; ++w)
      words.push_back({page, std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), std::stod((*w)[4]), (*w)[5]});
    at = next;
  }
  return words;
}

std::string mutool_text(const std::string& pdf) {
  return run({"mutool", "draw", "-q", "-F", "txt", "-o", "-", pdf}).out;
}

std::string pdffonts(const std::string& pdf) { return run({"pdffonts", pdf}).out; }

bool qpdf_check_clean(const std::string& pdf, std::string* output) {
  CommandResult r = run({"qpdf", "--check", pdf});
  if (output) *output = r.out + r.err;
  return r.exit_code == 0 && r.err.empty() && r.out.find("WARNING") == std::string::npos;
}

std::string squash_spaces(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
    } else {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace jan20::testing
