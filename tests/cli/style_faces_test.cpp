// Bold drawn from another weight: the booklet's headings set in EB Garamond
// 12 Bold (Debian's fonts-ebgaramond), which has no Ə, İ, Ş, Ğ, Ç, Ü, with
// EB Garamond Regular as its first fallback. `check` warns naming the style
// and the letters, `fonts` lists them per style and exits 1; MuPDF's
// structured text of the built PDF shows those letters really are in the
// regular face inside the bold headings. The English edition, whose headings
// have none of those letters, gets no warning although its body text has them.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

std::string garamond_headings_project() {
  std::string dir = copy_project();
  std::string layout = read_file(dir + "/layouts/booklet.toml");
  for (const char* style : {"[styles.h1]\nfont = \"sans-bold\"", "[styles.h2]\nfont = \"sans-bold\""}) {
    size_t at = layout.find(style);
    EXPECT_NE(at, std::string::npos) << style;
    if (at != std::string::npos) layout.replace(at + 12, std::string("font = \"sans-bold\"").size(), "font = \"garamond-bold\"");
  }
  layout += "\n[fonts.garamond]\nfamily = \"EB Garamond\"\nstyle = \"Regular\"\nfallback = [\"serif\"]\n"
            "\n[fonts.garamond-bold]\nfamily = \"EB Garamond\"\nstyle = \"Bold\"\nfallback = [\"garamond\", \"serif\"]\n";
  write_file(dir + "/layouts/booklet.toml", layout);
  return dir;
}

TEST(StyleFaces, BoldHeadingsDrawnFromTheRegularFaceAreWarnedAndListed) {
  std::string project = garamond_headings_project();
  CommandResult check = run({jan20_binary(), "-C", project, "check", "booklet", "--lang", "az"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(check.err, m,
                                std::regex(R"(layouts/booklet\.toml:\d+:\d+: warning: style 'h1' is set in EB Garamond 12 Bold \(\[fonts\.garamond-bold\]\), which has no ([^:]*): they are drawn from EB Garamond 12 Regular, another weight or style)")))
      << check.err;
  for (const char* letter : {"'Ə' U+018F", "'İ' U+0130", "'Ş' U+015E"})
    EXPECT_NE(m[1].str().find(letter), std::string::npos) << letter << " in " << m[1];
  EXPECT_EQ(m[1].str().find("'ı'"), std::string::npos) << "h1 is set in capitals: no lowercase ı is set in it";
  EXPECT_NE(check.err.find("booklet az: 12 pages, "), std::string::npos) << check.err;
  EXPECT_EQ(check.err.find("no problems"), std::string::npos) << check.err;

  CommandResult strict = run({jan20_binary(), "-C", project, "check", "booklet", "--lang", "az", "--strict"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("booklet az: has problems (1 error)"), std::string::npos) << strict.err;

  CommandResult fonts = run({jan20_binary(), "-C", project, "fonts", "booklet", "--lang", "az"});
  EXPECT_EQ(fonts.exit_code, 1);
  EXPECT_NE(fonts.out.find("style h1: EB Garamond 12 Bold [fonts.garamond-bold] lacks"), std::string::npos) << fonts.out;
  EXPECT_NE(fonts.out.find("-> drawn from EB Garamond 12 Regular, ANOTHER WEIGHT OR STYLE"), std::string::npos)
      << fonts.out;

  // What the warning says is what the PDF holds: MuPDF finds Ə (U+018F) set
  // in EBGaramond12-Regular at the heading's 16 pt, beside bold letters.
  ASSERT_EQ(run({jan20_binary(), "-C", project, "build", "booklet", "--lang", "az", "--quiet"}).exit_code, 0);
  CommandResult stext = run({"mutool", "draw", "-F", "stext", "-o", "-", project + "/out/booklet.az.pdf"});
  ASSERT_EQ(stext.exit_code, 0) << stext.err;
  EXPECT_TRUE(std::regex_search(
      stext.out, std::regex(R"(<font name="EBGaramond12-Regular" size="16">\s*<char [^>]*c="&#x18f;")")))
      << "no Ə in the regular face at 16 pt";
  EXPECT_NE(stext.out.find("<font name=\"EBGaramond12-Bold\" size=\"16\">"), std::string::npos);
}

// The build runs this check and the mixed-script check (both only warn) on
// two threads when it has them: the warnings, and their order, are those of
// one thread.
TEST(StyleFaces, WarningsComeInTheSameOrderOnOneThreadAndOnTwo) {
  std::string project = garamond_headings_project();
  std::string content = read_file(project + "/content/booklet/az.toml");
  const size_t at = content.find("Azərbaycan xalqının");  // in the body text
  ASSERT_NE(at, std::string::npos);
  content.replace(at, std::string("Azərbaycan").size(), "Azərb\u0430ycan");  // a Cyrillic а
  write_file(project + "/content/booklet/az.toml", content);
  auto warnings = [&](const char* jobs) {
    CommandResult r = run({jan20_binary(), "-C", project, "build", "booklet", "--lang", "az", "--jobs", jobs});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string out;
    for (size_t pos = 0; pos < r.err.size();) {
      size_t end = r.err.find('\n', pos);
      if (end == std::string::npos) end = r.err.size();
      const std::string line = r.err.substr(pos, end - pos);
      if (line.find(": warning: ") != std::string::npos) out += line + "\n";
      pos = end + 1;
    }
    return out;
  };
  const std::string one = warnings("1"), two = warnings("2");
  EXPECT_EQ(one, two);
  const size_t mixed = one.find("mixes Latin and Cyrillic letters");
  const size_t style = one.find("warning: style 'h1' is set in EB Garamond 12 Bold");
  ASSERT_NE(mixed, std::string::npos) << one;
  ASSERT_NE(style, std::string::npos) << one;
  EXPECT_LT(mixed, style) << one;
}

TEST(StyleFaces, OnlyTheTextSetInAStyleCounts) {
  std::string project = garamond_headings_project();
  // English headings have no Azerbaijani capitals; its body text has ə and ş, set in Noto Serif.
  CommandResult check = run({jan20_binary(), "-C", project, "check", "booklet", "--lang", "en", "--strict"});
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.err.find("warning"), std::string::npos) << check.err;
  CommandResult fonts = run({jan20_binary(), "-C", project, "fonts", "booklet", "--lang", "en"});
  EXPECT_EQ(fonts.exit_code, 0) << fonts.out;
  EXPECT_NE(fonts.out.find("garamond-bold EB Garamond Bold"), std::string::npos) << fonts.out;
  EXPECT_EQ(fonts.out.find("missing"), std::string::npos) << fonts.out;
  EXPECT_EQ(fonts.out.find("style "), std::string::npos) << fonts.out;

  // The project's own layouts: no style drawn from another weight.
  CommandResult own = run({jan20_binary(), "-C", source_dir(), "fonts"});
  EXPECT_EQ(own.exit_code, 0) << own.out;
  EXPECT_NE(own.out.find("covers the content"), std::string::npos) << own.out;
}

}  // namespace
}  // namespace jan20::testing
