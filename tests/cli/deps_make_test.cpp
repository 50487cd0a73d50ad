// --deps as GNU make uses it: a Makefile that includes the file jan20-pdf
// wrote, driven through an untouched tree, an edit, a deleted input, a
// broken input and its fix. The project sits in a folder whose name needs
// every escape make knows (a space, '#', '$'), and make runs outside it.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

const char* kProject = "my proj#1$x";

// Every file of the project gets the same time, a minute ago: make sees the
// PDF as current, and the next edit as newer than it.
void settle(const std::string& dir) {
  auto then = fs::file_time_type::clock::now() - std::chrono::seconds(60);
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) fs::last_write_time(entry.path(), then);
}

struct Make {
  std::string dir;
  CommandResult run() const { return run_shell("make -C '" + dir + "' 2>&1"); }
};

Make make_project() {
  Make m{make_temp_dir()};
  std::string project = m.dir + "/" + kProject;
  fs::create_directories(project);
  for (const char* part : {"jan20.toml", "layouts", "content", "fonts"})
    fs::copy(source_dir() + "/" + part, project + "/" + part, fs::copy_options::recursive);
  // The target is spelled as make escapes it; the deps file names it the
  // same way, relative to the directory make runs in.
  write_file(m.dir + "/Makefile",
             "all: my\\ proj\\#1$$x/out/booklet.az.pdf\n"
             "my\\ proj\\#1$$x/out/booklet.az.pdf:\n"
             "\t" + jan20_binary() + " -C 'my proj#1$$x' build booklet --lang az --quiet --deps $(CURDIR)/booklet.d\n"
             "-include booklet.d\n");
  return m;
}

bool rebuilt(const CommandResult& r) { return r.out.find("build booklet --lang az") != std::string::npos; }

TEST(DepsWithMake, TouchDeleteBreakAndFix) {
  Make make = make_project();
  std::string project = make.dir + "/" + kProject;
  std::string pdf = project + "/out/booklet.az.pdf";
  std::string content_file = project + "/content/booklet/az.toml";

  CommandResult first = make.run();
  ASSERT_EQ(first.exit_code, 0) << first.out;
  ASSERT_TRUE(file_exists(pdf));
  std::string deps = read_file(make.dir + "/booklet.d");
  EXPECT_NE(deps.find("my\\ proj\\#1$$x/out/booklet.az.pdf: \\\n"), std::string::npos) << deps;
  EXPECT_NE(deps.find("\nmy\\ proj\\#1$$x/content/booklet/az.toml:\n"), std::string::npos)
      << "a phony rule per prerequisite\n" << deps;
  EXPECT_NE(deps.find("default_cmyk.icc"), std::string::npos) << "the ICC profile is an input\n" << deps;

  // Nothing changed: nothing to do.
  settle(project);
  CommandResult again = make.run();
  EXPECT_EQ(again.exit_code, 0) << again.out;
  EXPECT_FALSE(rebuilt(again)) << again.out;

  // An edited content file: rebuilt.
  settle(project);
  std::string content = read_file(content_file);
  write_file(content_file, content + "\n");
  CommandResult touched = make.run();
  EXPECT_EQ(touched.exit_code, 0) << touched.out;
  EXPECT_TRUE(rebuilt(touched)) << touched.out;

  // An input deleted (the layout no longer names its hyphenation file): make
  // does not stop at the missing file, it rebuilds.
  settle(project);
  std::string layout = read_file(project + "/layouts/booklet.toml");
  size_t line = layout.find("file = \"layouts/hyphenation-az.txt\"");
  ASSERT_NE(line, std::string::npos);
  layout.erase(line, layout.find('\n', line) - line);
  write_file(project + "/layouts/booklet.toml", layout);
  fs::remove(project + "/layouts/hyphenation-az.txt");
  CommandResult deleted = make.run();
  EXPECT_EQ(deleted.exit_code, 0) << deleted.out;
  EXPECT_TRUE(rebuilt(deleted)) << deleted.out;
  EXPECT_EQ(read_file(make.dir + "/booklet.d").find("hyphenation-az.txt"), std::string::npos);

  // A broken content file: make fails, the PDF and the deps file stay.
  settle(project);
  std::string good_pdf = read_file(pdf);
  std::string good_deps = read_file(make.dir + "/booklet.d");
  write_file(content_file, "broken = \"no end\n" + content);
  CommandResult broken = make.run();
  EXPECT_NE(broken.exit_code, 0) << broken.out;
  EXPECT_EQ(read_file(pdf), good_pdf);
  EXPECT_EQ(read_file(make.dir + "/booklet.d"), good_deps);

  // Fixed (with a new word, which no line break can split): make rebuilds,
  // since the deps still name the content file, and the word is in the PDF.
  size_t at = content.find("xatirəsinə. Onları");
  ASSERT_NE(at, std::string::npos);
  std::string fixed = content;
  fixed.insert(at, "Sınaq2026 ");
  write_file(content_file, fixed);
  CommandResult fix = make.run();
  EXPECT_EQ(fix.exit_code, 0) << fix.out;
  EXPECT_TRUE(rebuilt(fix)) << fix.out;
  EXPECT_NE(squash_spaces(pdftotext(pdf)).find("Sınaq2026"), std::string::npos);

  CommandResult done = make.run();
  EXPECT_FALSE(rebuilt(done)) << done.out;
}

}  // namespace
}  // namespace jan20::testing
