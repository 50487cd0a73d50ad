// Where --report and --deps may point (issue 18), one test per kind of path:
// a missing directory, a directory, a device, a FIFO (with and without a
// reader), a symbolic link to standard output, standard output itself ("-"),
// a full disk (/dev/full), a read-only place (/proc), and several builds
// sharing one path. Each checks the exact first diagnostic, the exit code,
// that nothing was replaced that was not a regular file of ours, and that
// the previous PDF, report and deps file are byte-identical where the build
// failed before writing.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <tuple>

#include "robust_support.h"

namespace jan20::robust {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

std::string first_error(const std::string& err) {
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (line.find(": error: ") != std::string::npos) return line;
  return {};
}

// A project whose previous outputs are marked, so that a byte-identical
// check cannot pass by rebuilding the same bytes.
struct Project {
  std::string dir = buildable_project();
  Project() {
    put(dir, "out/test.az.pdf", "previous PDF");
    put(dir, "previous.json", "previous report");
    put(dir, "previous.d", "previous deps");
  }
  testing::CommandResult build(const std::vector<std::string>& more) const {
    std::vector<std::string> args = {"-C", dir, "build", "--quiet"};
    args.insert(args.end(), more.begin(), more.end());
    return jan20(args);
  }
  void expect_previous_outputs_kept() const {
    EXPECT_EQ(read_file(dir + "/out/test.az.pdf"), "previous PDF");
    EXPECT_EQ(read_file(dir + "/previous.json"), "previous report");
    EXPECT_EQ(read_file(dir + "/previous.d"), "previous deps");
  }
};

TEST(OutputPath, MissingDirectoriesAreMadeAsThePdfsAre) {
  // `--deps out/x.d` in a fresh clone: out/ does not exist until the build
  // makes it for the PDFs, and the report and deps get theirs the same way.
  Project p;
  fs::remove_all(p.dir + "/out");
  testing::CommandResult r = p.build({"--report", "nodir/sub/r.json", "--deps", "out/x.d"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(p.dir + "/nodir/sub/r.json").rfind("{\"editions\":[", 0), 0u);
  EXPECT_EQ(read_file(p.dir + "/out/x.d").rfind(p.dir + "/out/test.az.pdf: \\\n", 0), 0u)
      << read_file(p.dir + "/out/x.d");
  EXPECT_EQ(testing::pdftotext(p.dir + "/out/test.az.pdf").find("Nə baş verdi") != std::string::npos, true);
}

TEST(OutputPath, PathUnderAFileIsAnErrorBeforeAnythingIsWritten) {
  Project p;
  testing::CommandResult r = p.build({"--report", p.dir + "/previous.json", "--deps", p.dir + "/previous.d/sub/x.d"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_error(r.err), p.dir + "/previous.d/sub/x.d: error: cannot write the deps file to '" + p.dir +
                                    "/previous.d/sub/x.d': '" + p.dir +
                                    "/previous.d' is not a directory — name a file in a directory");
  p.expect_previous_outputs_kept();
}

// Files outside the project, allowed with --allow-path, are named in the deps
// file as they are (not "<project>//abs/path"): GNU make, reading the file,
// rebuilds when the outside image or hyphenation list changes.
TEST(OutputPath, DepsNameFilesAllowedOutsideTheProject) {
  Project p;
  std::string outside = testing::make_temp_dir();
  fs::rename(p.dir + "/content/images/dot.png", outside + "/dot.png");
  fs::rename(p.dir + "/layouts/hyphenation.txt", outside + "/hyphenation.txt");
  std::string content = read_file(p.dir + "/content/test/az.toml");
  std::string layout = read_file(p.dir + "/layouts/test.toml");
  for (auto [text, from, to] : {std::tuple{&content, "content/images/dot.png", "/dot.png"},
                                std::tuple{&layout, "layouts/hyphenation.txt", "/hyphenation.txt"}}) {
    size_t at = text->find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text->replace(at, std::string(from).size(), outside + to);
  }
  put(p.dir, "content/test/az.toml", content);
  put(p.dir, "layouts/test.toml", layout);
  fs::remove_all(p.dir + "/out");
  testing::CommandResult r = p.build({"--allow-path", outside, "--deps", "out/x.d"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string deps = read_file(p.dir + "/out/x.d");
  EXPECT_NE(deps.find("\n" + outside + "/dot.png:\n"), std::string::npos) << deps;
  EXPECT_NE(deps.find("\n" + outside + "/hyphenation.txt:\n"), std::string::npos) << deps;
  EXPECT_EQ(deps.find("//"), std::string::npos) << deps;

  std::string pdf = p.dir + "/out/test.az.pdf";
  put(p.dir, "Makefile", pdf + ":\n\ttrue\ninclude out/x.d\n");
  auto up_to_date = [&] { return testing::run_shell("make -q -C '" + p.dir + "' '" + pdf + "'").exit_code == 0; };
  for (const std::string& input : {outside + "/dot.png", outside + "/hyphenation.txt"}) {
    testing::run_shell("touch -d '1 minute ago' '" + outside + "'/* && find '" + p.dir +
                       "' -type f -exec touch -d '1 minute ago' {} + && touch '" + pdf + "'");
    EXPECT_TRUE(up_to_date()) << input;
    testing::run_shell("touch -d '1 minute' '" + input + "'");
    EXPECT_FALSE(up_to_date()) << input << " changed, and make would not rebuild";
  }
}

TEST(OutputPath, DirectoryIsAnErrorAndLeavesNoTemporaryFile) {
  Project p;
  fs::create_directories(p.dir + "/reports");
  testing::CommandResult r = p.build({"--report", p.dir + "/reports", "--deps", p.dir + "/previous.d"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_error(r.err), p.dir + "/reports: error: cannot write the report to '" + p.dir +
                                    "/reports': it is a directory — name a file in it, e.g. '" + p.dir +
                                    "/reports/report.json'");
  p.expect_previous_outputs_kept();
  EXPECT_EQ(entries(p.dir + "/reports"), std::vector<std::string>{});
  for (const std::string& name : entries(p.dir)) EXPECT_EQ(name.find(".tmp"), std::string::npos) << name;
}

TEST(OutputPath, EmptyProjectDirectoryIsADiagnosticNotACrash) {
  testing::CommandResult r = jan20({"-C", "", "build"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_error(r.err), "-C: error: the project directory is empty (-C \"\") — pass the folder holding "
                                "jan20.toml, or leave -C out for the current directory");
}

TEST(OutputPath, DeviceIsWrittenInPlaceNeverReplaced) {
  Project p;
  testing::CommandResult r = p.build({"--report", "/dev/null", "--deps", "/dev/null"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  struct stat st;
  ASSERT_EQ(stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/null was replaced";
  EXPECT_NE(read_file(p.dir + "/out/test.az.pdf"), "previous PDF") << "the build did not run";
}

TEST(OutputPath, FullDiskIsAnError) {
  Project p;
  testing::CommandResult r = p.build({"--report", "/dev/full"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_error(r.err), "/dev/full: error: cannot write the report to '/dev/full': No space left on device "
                                "— check free disk space");
  struct stat st;
  ASSERT_EQ(stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "/dev/full was replaced";
  testing::CommandResult d = p.build({"--deps", "/dev/full"});
  EXPECT_EQ(d.exit_code, 1) << d.err;
  EXPECT_EQ(first_error(d.err), "/dev/full: error: cannot write the deps file to '/dev/full': No space left on "
                                "device — check free disk space");
}

TEST(OutputPath, ReadOnlyPlaceIsAnErrorAndTheFileIsUnchanged) {
  Project p;
  std::string before = read_file("/proc/version");
  testing::CommandResult r = p.build({"--deps", "/proc/version"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_error(r.err).rfind("/proc/version: error: cannot write the deps file to '/proc/version': cannot "
                                     "create a file in '/proc': ", 0), 0u) << r.err;
  EXPECT_EQ(read_file("/proc/version"), before);
}

TEST(OutputPath, FifoWithoutAReaderIsAnErrorNotAHang) {
  Project p;
  std::string fifo = p.dir + "/report.fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  testing::CommandResult r = testing::run({"timeout", "10", testing::jan20_binary(), "-C", p.dir, "build", "--quiet",
                                           "--report", fifo});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(first_error(r.err), fifo + ": error: cannot write the report to '" + fifo +
                                    "': no process is reading this FIFO or socket — start its reader first, or name "
                                    "a regular file");
  struct stat st;
  ASSERT_EQ(stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

TEST(OutputPath, FifoWithAReaderGetsTheReport) {
  Project p;
  std::string fifo = p.dir + "/report.fifo", got = p.dir + "/got.json";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  // The reader waits in open() from the start (the build takes far longer to
  // reach its report), so the build's non-blocking open finds it.
  testing::CommandResult r = testing::run_shell("cat '" + fifo + "' > '" + got + "' & timeout 20 '" +
                                                testing::jan20_binary() + "' -C '" + p.dir +
                                                "' build --quiet --report '" + fifo + "'; s=$?; wait; exit $s");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_file(got).rfind("{\"editions\":[", 0), 0u) << read_file(got).substr(0, 200);
  struct stat st;
  ASSERT_EQ(stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode)) << "the FIFO was replaced";
}

TEST(OutputPath, SymlinkToStandardOutputWritesThereAndStays) {
  Project p;
  std::string link = p.dir + "/stdout.json";
  fs::create_symlink("/proc/self/fd/1", link);
  testing::CommandResult r = p.build({"--report", link});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"editions\":[", 0), 0u) << r.out.substr(0, 200);
  EXPECT_TRUE(fs::is_symlink(link)) << "the symbolic link was replaced";
}

TEST(OutputPath, DashIsStandardOutput) {
  Project p;
  testing::CommandResult r = p.build({"--report", "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"editions\":[", 0), 0u) << r.out.substr(0, 200);
  EXPECT_NE(r.out.find("\"document\":\"test\""), std::string::npos);
  EXPECT_FALSE(fs::exists(p.dir + "/-"));
}

TEST(OutputPath, FailedBuildLeavesThePreviousReportAndDeps) {
  Project p;
  put(p.dir, "content/test/az.toml", read_file(p.dir + "/content/test/az.toml") + "\nbroken = \n");
  testing::CommandResult r = p.build({"--report", p.dir + "/previous.json", "--deps", p.dir + "/previous.d"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  p.expect_previous_outputs_kept();
}

TEST(OutputPath, ConcurrentBuildsSharingAReportPathAllSucceed) {
  Project p;
  std::string report = p.dir + "/shared.json";
  std::vector<std::future<testing::CommandResult>> builds;
  for (int i = 0; i < 8; ++i)
    builds.push_back(std::async(std::launch::async, [&, i] {
      return jan20({"-C", p.dir, "build", "--quiet", "--out", "out" + std::to_string(i), "--report", report});
    }));
  for (auto& b : builds) {
    testing::CommandResult r = b.get();
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(read_file(report).rfind("{\"editions\":[", 0), 0u);
  for (const std::string& name : entries(p.dir)) EXPECT_EQ(name.find(".tmp"), std::string::npos) << name;
}

}  // namespace
}  // namespace jan20::robust
