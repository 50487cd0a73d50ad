// A build either writes a whole, correct PDF or leaves the previous one
// byte-for-byte as it was: killed at any moment, out of disk space, or with
// a directory in the way. Temporary files a killed build leaves behind are
// removed by the next build.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <regex>
#include <thread>

#include "robust_support.h"

namespace jan20::robust {
namespace {

using testing::read_file;

// A project big enough that a build takes a while: a booklet and its
// English edition, `paragraphs` paragraphs each.
std::string large_project(int paragraphs, int seed) {
  std::string dir = testing::make_temp_dir();
  put(dir, "jan20.toml",
      "fonts = \"fonts/manifest.toml\"\n[documents.big]\nlayout = \"layouts/big.toml\"\n"
      "content = \"content/{lang}.toml\"\nlanguages = [\"az\", \"en\"]\n");
  put(dir, "fonts/manifest.toml", read_file(testing::source_dir() + "/tests/load/minimal_project/fonts/manifest.toml"));
  put(dir, "layouts/big.toml",
      "[page]\nsize = \"A5\"\nmargins = { top = \"15mm\", bottom = \"18mm\", inner = \"16mm\", outer = \"14mm\" }\n"
      "[colors.text]\ncmyk = [0, 0, 0, 100]\n[fonts.serif]\nfamily = \"Noto Serif\"\n"
      "[styles.body]\nfont = \"serif\"\nsize = \"10.5pt\"\nleading = \"13.5pt\"\n"
      "[masters.body]\nfooter = \"{page}\"\nfooter-style = \"body\"\n");
  const char* words[] = {"xalqımızın", "müstəqillik", "uğrunda", "şəhid", "olmuş", "və", "bu", "gün",
                         "Azərbaycan", "Bakı", "yanvar", "hüzn", "günü", "məclis", "qərənfil", "xatirə"};
  std::mt19937 rng(static_cast<unsigned>(seed));
  for (const char* lang : {"az", "en"}) {
    std::string content = std::string("[meta]\ntitle = \"20 Yanvar\"\nlanguage = \"") + lang +
                          "\"\ndate = \"2026-01-20\"\n";
    for (int p = 0; p < paragraphs; ++p) {
      content += "[[block]]\ntype = \"paragraph\"\ntext = \"";
      for (int w = 0; w < 120; ++w) content += std::string(w ? " " : "") + words[rng() % 16];
      content += ".\"\n";
    }
    put(dir, std::string("content/") + lang + ".toml", content);
  }
  return dir;
}

// Starts jan20-pdf; returns its pid. Output goes to /dev/null.
pid_t start(const std::vector<std::string>& args, rlim_t file_size_limit = RLIM_INFINITY, std::string* err_file = nullptr) {
  std::vector<std::string> argv = {testing::jan20_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::string err_path = err_file ? *err_file : "/dev/null";
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(null, 0);
    dup2(null, 1);
    dup2(err, 2);
    if (file_size_limit != RLIM_INFINITY) {
      // A full disk, as far as write(2) can tell: EFBIG past the limit (and
      // SIGXFSZ ignored, so the write fails instead of killing the process).
      rlimit limit{file_size_limit, file_size_limit};
      setrlimit(RLIMIT_FSIZE, &limit);
      signal(SIGXFSZ, SIG_IGN);
    }
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::vector<std::string> temporaries(const std::string& out) {
  std::vector<std::string> found;
  for (const std::string& name : entries(out))
    if (name[0] == '.') found.push_back(name);
  return found;
}

// SIGKILL at many moments of a build (loading, typesetting, rendering,
// writing, renaming): afterwards each PDF is either the previous one or the
// new one, whole — never a mixture, never cut short.
TEST(AtomicOutput, BuildKilledAtAnyMomentLeavesAWholePdf) {
  std::string dir = large_project(6, 1);
  ASSERT_EQ(jan20({"-C", dir, "build", "--quiet"}).exit_code, 0);
  std::string old_az = read_file(dir + "/out/big.az.pdf"), old_en = read_file(dir + "/out/big.en.pdf");
  // The next version of the content: different words, so different PDFs.
  std::string next = large_project(6, 2);
  for (const char* f : {"content/az.toml", "content/en.toml"}) put(dir, f, read_file(next + "/" + f));
  std::string scratch = testing::make_temp_dir();
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(jan20({"-C", dir, "build", "--quiet", "--out", scratch}).exit_code, 0);
  double build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::string new_az = read_file(scratch + "/big.az.pdf"), new_en = read_file(scratch + "/big.en.pdf");
  ASSERT_NE(new_az, old_az);

  // Kill the k-th build after k/7 of a build's time, k = 0..6. A build the
  // kill came too late for (the machine was busier while the time above was
  // taken) counts as a build, but not as a kill: the time is shortened and
  // the same moment is tried again.
  constexpr int kMoments = 7;
  int moment = 0, builds = 0, left_temporary = 0;
  for (; moment < kMoments && builds < 40; ++builds) {
    // Back to the old PDFs, then kill the new build.
    put(dir, "out/big.az.pdf", old_az);
    put(dir, "out/big.en.pdf", old_en);
    pid_t pid = start({"-C", dir, "build", "--quiet"});
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(build_ms * 1000 * moment / kMoments)));
    kill(pid, SIGKILL);
    const bool killed = wait_for(pid) == 128 + SIGKILL;
    std::string az = read_file(dir + "/out/big.az.pdf"), en = read_file(dir + "/out/big.en.pdf");
    EXPECT_TRUE(az == old_az || az == new_az)
        << "after " << moment << "/" << kMoments << " of a build: big.az.pdf is neither";
    EXPECT_TRUE(en == old_en || en == new_en)
        << "after " << moment << "/" << kMoments << " of a build: big.en.pdf is neither";
    left_temporary += !temporaries(dir + "/out").empty();
    if (killed)
      ++moment;
    else
      build_ms *= 0.8;
  }
  EXPECT_EQ(moment, kMoments) << "only " << moment << " of " << builds
                              << " builds were killed before they ended: the test proves little";
  // The next build cleans up whatever the killed ones left, and writes the new PDFs.
  ASSERT_EQ(jan20({"-C", dir, "build", "--quiet"}).exit_code, 0);
  EXPECT_EQ(entries(dir + "/out"), (std::vector<std::string>{"big.az.pdf", "big.en.pdf"}));
  EXPECT_TRUE(read_file(dir + "/out/big.az.pdf") == new_az);
  EXPECT_TRUE(read_file(dir + "/out/big.en.pdf") == new_en);
  RecordProperty("killed_builds_leaving_a_temporary_file", left_temporary);
}

// A temporary file of a build that is still running is not touched; one of
// a process that is gone is removed.
TEST(AtomicOutput, OnlyTemporariesOfDeadProcessesAreRemoved) {
  std::string dir = buildable_project();
  pid_t gone = fork();
  if (gone == 0) _exit(0);
  wait_for(gone);
  std::string mine = ".test.az.pdf.tmp-" + std::to_string(getpid()) + "-abcdef";
  std::string dead = ".test.az.pdf.tmp-" + std::to_string(gone) + "-abcdef";
  std::string other = ".test.az.pdf.tmp-unrelated";
  for (const std::string& name : {mine, dead, other}) put(dir, "out/" + name, "partial");
  ASSERT_EQ(jan20({"-C", dir, "build", "--quiet"}).exit_code, 0);
  EXPECT_EQ(entries(dir + "/out"), (std::vector<std::string>{mine, other, "test.az.pdf"}));
}

// write(2) failing with EFBIG stands in for a full disk.
TEST(AtomicOutput, FullDiskLeavesThePreviousPdfAndNoTemporaryFile) {
  std::string dir = buildable_project();
  put(dir, "out/test.az.pdf", "the previous PDF");
  std::string err = testing::make_temp_dir() + "/stderr";
  int code = wait_for(start({"-C", dir, "build"}, 1000, &err));
  EXPECT_EQ(code, 1);
  std::string said = read_file(err);
  EXPECT_TRUE(std::regex_search(said, std::regex("(^|\n)/[^\n]*/out/test\\.az\\.pdf: error: cannot write /[^\n]*/out/\\."
                                                 "test\\.az\\.pdf\\.tmp-[0-9]+-[A-Za-z0-9]{6}: File too large — "
                                                 "check free disk space and permissions of '/[^\n]*/out'\n")))
      << said;
  EXPECT_EQ(read_file(dir + "/out/test.az.pdf"), "the previous PDF");
  EXPECT_EQ(entries(dir + "/out"), std::vector<std::string>{"test.az.pdf"});
}

TEST(AtomicOutput, DirectoryInTheWayIsAnErrorAndLeavesNothing) {
  std::string dir = buildable_project();
  put(dir, "out/test.az.pdf/keep", "x");
  testing::CommandResult r = jan20({"-C", dir, "build"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("out/test.az.pdf: error: cannot replace the output file: Is a directory"), std::string::npos)
      << r.err;
  EXPECT_EQ(entries(dir + "/out"), std::vector<std::string>{"test.az.pdf"});
  EXPECT_EQ(entries(dir + "/out/test.az.pdf"), std::vector<std::string>{"keep"});
}

}  // namespace
}  // namespace jan20::robust
