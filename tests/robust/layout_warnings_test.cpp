// Layout warnings name the content place they come from and give numbers
// that add up (issue 18: "an element taller than a column was placed on
// page 4 … give the figure less height" had no file:line and no figure;
// "the word 'March' is 77.2 pt wide, wider than the line (4 pt): it sticks
// out by 98.2 pt" did not add up). Each case: the exact first warning, exit 0
// (the PDF is written), and with --strict exit 1 with the previous PDF kept.
// The word's width is checked against what pdftotext -bbox reads from the PDF.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "robust_support.h"

namespace jan20::robust {
namespace {

using testing::read_file;

std::string first_warning(const std::string& err) {
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (line.find(": warning: ") != std::string::npos) return line;
  return {};
}

// Builds `content` in a paged copy of the minimal project with `extra_styles`
// added to its layout (and its text 14 mm wide when `narrow`); checks that
// --strict fails and keeps the previous PDF.
struct Built {
  std::string dir, warning;
  testing::CommandResult result;
};
Built build(const std::string& content, const std::string& extra_styles, bool narrow = false) {
  Built b;
  b.dir = paged_project();
  std::string layout = read_file(b.dir + "/layouts/test.toml");
  const std::string margins = "inner = \"16mm\", outer = \"14mm\"";
  size_t at = layout.find(margins);
  EXPECT_NE(at, std::string::npos);
  if (narrow && at != std::string::npos) layout.replace(at, margins.size(), "inner = \"64mm\", outer = \"70mm\"");
  put(b.dir, "layouts/test.toml", layout + "\n" + extra_styles);
  put(b.dir, "content/test/az.toml",
      "[meta]\ntitle = \"20 Yanvar\"\nlanguage = \"az\"\ndate = \"2026-01-20\"\n\n" + content);
  b.result = jan20({"-C", b.dir, "build", "--quiet"});
  b.warning = first_warning(b.result.err);

  put(b.dir, "out/test.az.pdf.previous", read_file(b.dir + "/out/test.az.pdf"));
  testing::CommandResult strict = jan20({"-C", b.dir, "build", "--quiet", "--strict"});
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_EQ(read_file(b.dir + "/out/test.az.pdf"), read_file(b.dir + "/out/test.az.pdf.previous"));
  return b;
}

TEST(LayoutWarning, WordWiderThanTheLineNamesItsPlaceAndNumbersThatAddUp) {
  // Inner and outer margins leave 14 mm (39.7 pt) of line; a number cannot
  // be hyphenated.
  Built b = build("[[block]]\ntype = \"paragraph\"\ntext = \"Bu 1234567890123 ədəddir.\"\n", "", true);
  ASSERT_EQ(b.result.exit_code, 0) << b.result.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(b.warning, m,
                                std::regex("^content/test/az\\.toml:8:12: warning: the word '1234567890123' is ([0-9.]+) pt "
                                           "wide, wider than the line \\(([0-9.]+) pt\\): it sticks out by ([0-9.]+) pt"
                                           "; with the rest of its line \\(([0-9.]+) pt\\), by ([0-9.]+) pt — ")))
      << b.warning;
  // The paragraph is set on one line (no break gives a better one): the
  // word's excess and the whole line's are both given, and both add up.
  double word = std::stod(m[1]), measure = std::stod(m[2]), out = std::stod(m[3]);
  double line = std::stod(m[4]), line_out = std::stod(m[5]);
  EXPECT_NEAR(word - measure, out, 0.11) << b.warning;
  EXPECT_NEAR(line - measure, line_out, 0.11) << b.warning;
  // pdftotext -bbox: the word as drawn is as wide as the warning says (less
  // the side bearings of its first and last digit, which poppler leaves out).
  std::string bbox = testing::pdftotext(b.dir + "/out/test.az.pdf", {"-bbox"});
  std::smatch w;
  ASSERT_TRUE(std::regex_search(bbox, w, std::regex("xMin=\"([0-9.]+)\" yMin=\"[0-9.]+\" xMax=\"([0-9.]+)\" "
                                                    "yMax=\"[0-9.]+\">1234567890123<")))
      << bbox;
  EXPECT_NEAR(std::stod(w[2]) - std::stod(w[1]), word, 2.0);
}

TEST(LayoutWarning, LineTallerThanTheColumnNamesItsBlockAndTheNumbers) {
  Built b = build("[[block]]\ntype = \"paragraph\"\ntext = \"Giriş.\"\n\n"
                  "[[block]]\ntype = \"paragraph\"\nstyle = \"giant\"\ntext = \"A\"\n",
                  "[styles.giant]\nbased-on = \"body\"\nsize = \"100pt\"\nleading = \"600pt\"\n");
  ASSERT_EQ(b.result.exit_code, 0) << b.result.err;
  EXPECT_EQ(b.warning,
            "content/test/az.toml:10:1: warning: a line of this block is 600 pt high, taller than the column (501.7 pt) "
            "on page 2: it runs 98.3 pt past the column's foot — make the style's size or leading smaller, or the "
            "page's text area taller");
}

}  // namespace
}  // namespace jan20::robust
