// Every reader of the command on files that are not regular files (issue
// 18): a FIFO that no one writes to, and /dev/zero, which never ends. Each
// must be refused by name within a second — before, a FIFO hung the build
// forever and /dev/zero was read until memory ran out. The command runs under
// `timeout 1`, so a hang shows as exit 124.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>

#include "robust_support.h"

namespace jan20::robust {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

struct Reader {
  std::string name;
  // Puts the special file `special` where this reader reads (a path in the
  // project, replaced by a symbolic link to it) and returns the command's
  // arguments after the binary.
  std::function<std::vector<std::string>(const std::string& dir, const std::string& special)> setup;
};

void link_in_project(const std::string& dir, const std::string& relative, const std::string& special) {
  fs::remove(dir + "/" + relative);
  fs::create_directories(fs::path(dir + "/" + relative).parent_path());
  fs::create_symlink(special, dir + "/" + relative);
}

// A project file replaced by the special file, then `build`.
Reader project_file(const std::string& name, const std::string& relative) {
  return {name, [relative](const std::string& dir, const std::string& special) {
            link_in_project(dir, relative, special);
            return std::vector<std::string>{"-C", dir, "build", "--quiet", "--allow-path", fs::path(special).parent_path()};
          }};
}

std::vector<Reader> readers() {
  return {
      project_file("project_file", "jan20.toml"),
      project_file("layout", "layouts/test.toml"),
      project_file("content", "content/test/az.toml"),
      project_file("manifest", "fonts/manifest.toml"),
      project_file("image", "content/images/dot.png"),
      project_file("hyphenation_file", "layouts/hyphenation.txt"),
      {"font_in_layout",
       [](const std::string& dir, const std::string& special) {
         link_in_project(dir, "fonts/serif.ttf", special);
         std::string layout = read_file(dir + "/layouts/test.toml");
         layout.replace(layout.find("family = \"Noto Serif\""), 21, "path = \"fonts/serif.ttf\"");
         put(dir, "layouts/test.toml", layout);
         return std::vector<std::string>{"-C", dir, "build", "--quiet", "--allow-path", fs::path(special).parent_path()};
       }},
      {"check_content",
       [](const std::string& dir, const std::string& special) {
         link_in_project(dir, "content/test/az.toml", special);
         return std::vector<std::string>{"-C", dir, "check", "--allow-path", fs::path(special).parent_path()};
       }},
      {"icc_profile",
       [](const std::string& dir, const std::string& special) {
         return std::vector<std::string>{"-C", dir, "build", "--quiet", "--icc", special, "--allow-path",
                                         fs::path(special).parent_path()};
       }},
      {"shape_font",
       [](const std::string&, const std::string& special) {
         return std::vector<std::string>{"shape", "--font", special, "abc"};
       }},
      {"hyphenate_exceptions",
       [](const std::string&, const std::string& special) {
         return std::vector<std::string>{"hyphenate", "--exceptions", special, "xalqımızın"};
       }},
  };
}

struct Special {
  std::string name;
  std::function<std::string()> make;  // the special file's path
  std::string said;                   // what the diagnostic calls it
};

std::vector<Special> specials() {
  return {
      {"fifo",
       [] {
         std::string path = testing::make_temp_dir() + "/pipe";
         if (mkfifo(path.c_str(), 0600) != 0) throw std::runtime_error("mkfifo failed");
         return path;
       },
       "a FIFO (named pipe), not a regular file"},
      {"dev_zero", [] { return std::string("/dev/zero"); }, "a character device, not a regular file"},
  };
}

struct Combination {
  Reader reader;
  Special special;
};
void PrintTo(const Combination& c, std::ostream* os) { *os << c.reader.name << "_" << c.special.name; }

std::vector<Combination> combinations() {
  std::vector<Combination> out;
  for (const Reader& r : readers())
    for (const Special& s : specials()) out.push_back({r, s});
  return out;
}

class SpecialFile : public ::testing::TestWithParam<Combination> {};

TEST_P(SpecialFile, IsRefusedByNameWithinASecond) {
  const Combination& c = GetParam();
  std::string dir = buildable_project();
  std::string special = c.special.make();
  std::vector<std::string> argv = {"timeout", "1", testing::jan20_binary()};
  std::vector<std::string> args = c.reader.setup(dir, special);
  argv.insert(argv.end(), args.begin(), args.end());
  testing::CommandResult r = testing::run(argv);
  ASSERT_NE(r.exit_code, 124) << "still reading after 1 s";
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(c.special.said), std::string::npos) << r.err;
  EXPECT_EQ(entries(dir + "/out"), std::vector<std::string>{}) << "something was written";
}

INSTANTIATE_TEST_SUITE_P(Readers, SpecialFile, ::testing::ValuesIn(combinations()), [](const auto& info) {
  return info.param.reader.name + "_" + info.param.special.name;
});

// Data after a PNG's IEND or a JPEG's EOI is not read: 600 MiB of it (a hole
// in a sparse file, so it costs no disk) would pass the 128 MiB cap on image
// data if it were read, so a build that succeeds did not read it.
void build_with_trailing_data(const std::string& image) {
  std::string dir = buildable_project();
  put(dir, "content/images/dot.png", image);
  fs::resize_file(dir + "/content/images/dot.png", image.size() + (600u << 20));
  testing::CommandResult r = jan20({"-C", dir, "build", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir + "/out/test.az.pdf"));
}

// "content/images/../images/dot.png" does not leave the project: it was
// refused as if it did.
TEST(ProjectPath, ParentComponentsThatStayInsideAreAccepted) {
  std::string dir = buildable_project();
  std::string content = read_file(dir + "/content/test/az.toml");
  content.replace(content.find("content/images/dot.png"), 22, "content/images/../images/dot.png");
  put(dir, "content/test/az.toml", content);
  testing::CommandResult r = jan20({"-C", dir, "build", "--quiet"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(dir + "/out/test.az.pdf"));
}

TEST(TrailingData, AfterAPngsIendIsNotRead) { build_with_trailing_data(png_file(16, 16)); }
TEST(TrailingData, AfterAJpegsEoiIsNotRead) { build_with_trailing_data(jpeg_file()); }

}  // namespace
}  // namespace jan20::robust
