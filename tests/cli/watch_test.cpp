// jan20-pdf watch: a content file edited while it runs gives a new PDF
// (its new words read back with pdftotext); the same file broken gives an
// error at file:line:column and leaves the last good PDF byte for byte;
// SIGINT (Ctrl-C) stops it with exit 0. Every wait polls against a generous
// deadline: nothing here asserts how fast it is (bench/ does speed).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "support/test_support.h"

extern char** environ;

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr auto kDeadline = 20s;

// Polls `done` every 50 ms until it holds or the deadline passes.
bool eventually(const std::function<bool()>& done) {
  auto end = std::chrono::steady_clock::now() + kDeadline;
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

// `jan20-pdf watch` in the background, its stderr into a file.
class Watcher {
 public:
  Watcher(const std::vector<std::string>& args, const std::string& log) : log_(log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    std::vector<std::string> argv = {jan20_binary()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> raw;
    for (auto& a : argv) raw.push_back(a.data());
    raw.push_back(nullptr);
    if (posix_spawn(&pid_, raw[0], &actions, nullptr, raw.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~Watcher() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool started() const { return pid_ > 0; }
  std::string log() const { return read_file(log_); }
  // Sends `signal`; the exit status once it has exited (-1 when it did not).
  int stop(int signal) {
    kill(pid_, signal);
    int status = 0;
    bool exited = eventually([&] { return waitpid(pid_, &status, WNOHANG) == pid_; });
    if (!exited) return -1;
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  std::string log_;
  pid_t pid_ = -1;
};

TEST(Watch, AnEditRebuildsABreakKeepsTheLastGoodPdfAndCtrlCStops) {
  std::string project = copy_project();
  std::string pdf = project + "/out/booklet.en.pdf";
  std::string content_file = project + "/content/booklet/en.toml";
  Watcher watch({"-C", project, "watch", "booklet", "--lang", "en"}, project + "/watch.log");
  ASSERT_TRUE(watch.started());
  ASSERT_TRUE(eventually([&] { return watch.log().find("jan20-pdf: watching") != std::string::npos; }))
      << watch.log();
  ASSERT_TRUE(file_exists(pdf)) << watch.log();
  EXPECT_EQ(squash_spaces(pdftotext(pdf)).find("why they are kept"), std::string::npos);

  // An edit: the new words are in the PDF.
  std::string content = read_file(content_file);
  const std::string old_words = "What these symbols mean is described in the next section.";
  size_t at = content.find(old_words);
  ASSERT_NE(at, std::string::npos);
  std::string edited = content;
  edited.replace(at, old_words.size(), "What these symbols mean, and why they are kept, is described in the next section.");
  write_file(content_file, edited);
  std::string text;
  EXPECT_TRUE(eventually([&] {
    text = squash_spaces(pdftotext(pdf));
    return text.find("why they are kept") != std::string::npos;
  })) << watch.log();
  EXPECT_NE(text.find("Alley of Martyrs"), std::string::npos);  // the rest is still there
  EXPECT_NE(watch.log().find("changed: content/booklet/en.toml"), std::string::npos) << watch.log();
  std::string good = read_file(pdf);

  // A break: the error names the file, line and column; the PDF stays.
  std::string broken = edited;
  size_t level = broken.find("level = 1");
  ASSERT_NE(level, std::string::npos);
  broken.replace(level, 9, "level = 7");
  int line = 1 + static_cast<int>(std::count(broken.begin(), broken.begin() + static_cast<long>(level), '\n'));
  std::string expected = "content/booklet/en.toml:" + std::to_string(line) + ":9: error:";
  write_file(content_file, broken);
  EXPECT_TRUE(eventually([&] { return watch.log().find(expected) != std::string::npos; })) << watch.log();
  EXPECT_TRUE(eventually([&] { return watch.log().find("booklet en: not written (1 error)") != std::string::npos; }))
      << watch.log();
  EXPECT_EQ(read_file(pdf), good);

  // Ctrl-C: exit 0, and it says so.
  EXPECT_EQ(watch.stop(SIGINT), 0) << watch.log();
  EXPECT_NE(watch.log().find("watch stopped"), std::string::npos) << watch.log();
  EXPECT_EQ(read_file(pdf), good);
}

TEST(Watch, AnEditorThatSavesByRenameAndSigtermAreSeen) {
  std::string project = copy_project();
  std::string pdf = project + "/out/poster.az.pdf";
  std::string content_file = project + "/content/poster/az.toml";
  Watcher watch({"-C", project, "watch", "poster", "--lang", "az"}, project + "/watch.log");
  ASSERT_TRUE(watch.started());
  ASSERT_TRUE(eventually([&] { return watch.log().find("jan20-pdf: watching") != std::string::npos; }))
      << watch.log();
  std::string content = read_file(content_file);
  size_t at = content.find("title = \"");
  ASSERT_NE(at, std::string::npos);
  std::string edited = content;
  edited.insert(at + 9, "Anım: ");
  // Like vim and most editors: a new file renamed over the old one.
  write_file(content_file + ".swp", edited);
  fs::rename(content_file + ".swp", content_file);
  EXPECT_TRUE(eventually([&] {
    CommandResult info = run({"pdfinfo", pdf});
    return info.out.find("Anım: ") != std::string::npos;
  })) << watch.log();

  // A new folder under content/ and a new .toml file in it are seen.
  fs::create_directories(project + "/content/leaflet");
  // Written again every half second until seen: the folder must be watched
  // before a write into it can be, and how soon is not what this checks.
  int polls = 0;
  EXPECT_TRUE(eventually([&] {
    if (polls++ % 10 == 0) write_file(project + "/content/leaflet/en.toml", "# a new document's words\n");
    return watch.log().find("changed: content/leaflet/en.toml") != std::string::npos;
  })) << watch.log();
  EXPECT_EQ(watch.stop(SIGTERM), 0) << watch.log();
}

}  // namespace
}  // namespace jan20::testing
