// The command's messages when it is run in the wrong place or with options
// that do nothing: each says what it saw and what to do.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

TEST(Messages, FromASubfolderTheNearestProjectAboveIsNamed) {
  std::string project = copy_project();
  CommandResult r = run({jan20_binary(), "build"}, project + "/content/booklet");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: no jan20.toml in the current directory (" + project + "/content/booklet)"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("the nearest project above is " + project + ": run there, or pass -C ../.."),
            std::string::npos) << r.err;
  EXPECT_FALSE(file_exists(project + "/content/booklet/out"));
}

TEST(Messages, DashCAtAFolderWithoutAProjectSaysWhereItLooked) {
  std::string project = copy_project();
  CommandResult inside = run({jan20_binary(), "-C", "content", "check"}, project);
  EXPECT_EQ(inside.exit_code, 1);
  EXPECT_NE(inside.err.find("no jan20.toml in " + project + "/content"), std::string::npos) << inside.err;
  EXPECT_NE(inside.err.find("pass -C ."), std::string::npos) << inside.err;

  std::string empty = make_temp_dir();
  CommandResult nowhere = run({jan20_binary(), "-C", empty, "build"});
  EXPECT_EQ(nowhere.exit_code, 1);
  EXPECT_NE(nowhere.err.find("no jan20.toml in " + fs::canonical(empty).string()), std::string::npos) << nowhere.err;
}

// Options that do nothing in this combination get a note, and the build goes on.
TEST(Messages, OptionsWithoutEffectGetANote) {
  std::string out = make_temp_dir();
  auto build = [&](std::vector<std::string> extra) {
    std::vector<std::string> argv = {jan20_binary(), "-C", source_dir(), "build", "booklet", "--lang", "en", "--out", out};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run(argv);
  };
  CommandResult j0 = build({"-j", "0"});
  EXPECT_EQ(j0.exit_code, 0) << j0.err;
  EXPECT_NE(j0.err.find("note: -j 0 builds with one thread"), std::string::npos) << j0.err;
  CommandResult creep = build({"--creep", "0.1"});
  EXPECT_EQ(creep.exit_code, 0) << creep.err;
  EXPECT_NE(creep.err.find("note: --creep applies to --impose saddle"), std::string::npos) << creep.err;
  EXPECT_FALSE(file_exists(out + "/booklet.en.imposed.pdf"));
  CommandResult marks = build({"--marks", "--target", "screen"});
  EXPECT_EQ(marks.exit_code, 0) << marks.err;
  EXPECT_NE(marks.err.find("note: --marks applies to the print target"), std::string::npos) << marks.err;
  CommandResult plain = build({});
  EXPECT_EQ(plain.err.find("note:"), std::string::npos) << plain.err;
}

// hyphenate --layout applies the layout's minima (booklet: min-right 3);
// options given on the command line override them; out-of-range numbers are
// usage errors; the help lists the languages.
TEST(Messages, HyphenateTakesTheLayoutsMinimaAndRefusesBadNumbers) {
  auto hyphenate = [](std::vector<std::string> args) {
    std::vector<std::string> argv = {jan20_binary(), "-C", source_dir(), "hyphenate"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
  };
  EXPECT_EQ(hyphenate({"müstəqilliyi"}).out, "müs-tə-qil-li-yi\n");
  EXPECT_EQ(hyphenate({"--layout", "booklet", "müstəqilliyi"}).out, "müs-tə-qil-liyi\n");
  EXPECT_EQ(hyphenate({"--layout", "booklet", "--min-right", "2", "müstəqilliyi"}).out, "müs-tə-qil-li-yi\n");
  EXPECT_EQ(hyphenate({"--layout", "layouts/booklet.toml", "--min-word", "20", "müstəqilliyi"}).out, "müstəqilliyi\n");
  for (const char* bad : {"--min-left", "--min-right", "--min-word"})
    for (const char* number : {"0", "-3", "999"}) {
      CommandResult r = hyphenate({bad, number, "müstəqilliyi"});
      EXPECT_EQ(r.exit_code, 2) << bad << " " << number;
      EXPECT_EQ(r.out, "") << bad << " " << number;
    }
  CommandResult missing = hyphenate({"--layout", "leaflet", "müstəqilliyi"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("layouts/leaflet.toml"), std::string::npos) << missing.err;
  CommandResult help = run({jan20_binary(), "hyphenate", "--help"});
  for (const char* lang : {"az", "tr", "en", "ru"}) EXPECT_NE(help.out.find(lang), std::string::npos) << lang;
  EXPECT_NE(help.out.find("Other languages are not hyphenated"), std::string::npos) << help.out;
}

// Debian's EB Garamond 12 Bold has no ı: shape says so instead of only
// printing .notdef among the glyphs.
TEST(Messages, ShapeWarnsWhenALetterIsDrawnAsNotdef) {
  CommandResult r = run({jan20_binary(), "shape", "--font", "EB Garamond:Bold", "--lang", "az", "Anım"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  ASSERT_NE(r.out.find(".notdef"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("warning: EBGaramond12-Bold has no glyph for U+0131"), std::string::npos) << r.err;
  CommandResult covered = run({jan20_binary(), "shape", "--font", "Noto Serif", "--lang", "az", "Anım"});
  EXPECT_EQ(covered.out.find(".notdef"), std::string::npos) << covered.out;
  EXPECT_EQ(covered.err, "");
}

}  // namespace
}  // namespace jan20::testing
