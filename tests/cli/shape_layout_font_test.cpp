// shape --font NAME: a layout's font name ([fonts.NAME]) is resolved by the
// build's own resolver — the manifest, the style, a `path` inside the project
// — so shape shows the glyphs of the face the PDF is set in. The glyphs are
// compared with those of the same face named by family or by file.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

CommandResult shape(const std::string& project, std::vector<std::string> args) {
  std::vector<std::string> argv = {jan20_binary(), "-C", project, "shape"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

TEST(ShapeLayoutFont, ALayoutFontNameShapesWithTheFaceTheBuildUses) {
  std::string project = copy_project();
  CommandResult named = shape(project, {"--font", "serif-bold", "--explain", "Anım İstiqlal"});
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(named.out.find("NotoSerif-Bold.ttf"), std::string::npos) << named.out;
  EXPECT_NE(named.out.find("layout font: [fonts.serif-bold] in layouts/booklet.toml"), std::string::npos)
      << named.out;
  CommandResult family = shape(project, {"--font", "Noto Serif:Bold", "Anım İstiqlal"});
  ASSERT_EQ(family.exit_code, 0) << family.err;
  std::string glyphs = named.out.substr(0, named.out.find('\n') + 1);
  EXPECT_EQ(glyphs, family.out);
  EXPECT_NE(glyphs.find("dotlessi"), std::string::npos) << glyphs;  // shaped, not empty

  // --layout picks the layout; the poster's sans-bold is Noto Sans Bold.
  CommandResult poster = shape(project, {"--font", "sans-bold", "--layout", "poster", "--explain", "Anım"});
  ASSERT_EQ(poster.exit_code, 0) << poster.err;
  EXPECT_NE(poster.out.find("NotoSans-Bold.ttf"), std::string::npos) << poster.out;
  EXPECT_NE(poster.out.find("in layouts/poster.toml"), std::string::npos) << poster.out;
}

TEST(ShapeLayoutFont, AFontGivenByPathInTheLayoutAndOneThatDoesNotResolve) {
  std::string project = copy_project();
  fs::copy_file("/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Bold.otf", project + "/fonts/heading.otf");
  std::string layout = read_file(project + "/layouts/booklet.toml");
  layout += "\n[fonts.garamond-bold]\nfamily = \"EB Garamond\"\nstyle = \"Bold\"\npath = \"fonts/heading.otf\"\n"
            "\n[fonts.gone]\nfamily = \"No Such Family\"\n";
  write_file(project + "/layouts/booklet.toml", layout);

  CommandResult named = shape(project, {"--font", "garamond-bold", "--explain", "Anım"});
  ASSERT_EQ(named.exit_code, 0) << named.err;
  EXPECT_NE(named.out.find(project + "/fonts/heading.otf"), std::string::npos) << named.out;
  CommandResult by_file = shape(project, {"--font", project + "/fonts/heading.otf", "Anım"});
  ASSERT_EQ(by_file.exit_code, 0) << by_file.err;
  EXPECT_EQ(named.out.substr(0, named.out.find('\n') + 1), by_file.out);
  // EB Garamond 12 Bold has no dotless ı: the .notdef warning names it.
  EXPECT_NE(named.err.find("U+0131"), std::string::npos) << named.err;

  CommandResult gone = shape(project, {"--font", "gone", "Anım"});
  EXPECT_EQ(gone.exit_code, 1);
  EXPECT_NE(gone.err.find("layouts/booklet.toml: [fonts.gone]"), std::string::npos) << gone.err;
  EXPECT_NE(gone.err.find("No Such Family"), std::string::npos) << gone.err;

  // A layout with an error: its font names cannot be looked up, and the error says why.
  write_file(project + "/layouts/booklet.toml", layout + "\n[fonts.broken]\nfamily = \"X\"\npath = \"fonts/gone.otf\"\n");
  CommandResult broken = shape(project, {"--font", "garamond-bold", "--layout", "booklet", "Anım"});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_NE(broken.err.find("layouts/booklet.toml has errors"), std::string::npos) << broken.err;
  EXPECT_NE(broken.err.find("gone.otf"), std::string::npos) << broken.err;
}

}  // namespace
}  // namespace jan20::testing
