// Registration (pdf/registration.h): small type and type reversed out of a
// background take one ink. Read back from the written content streams (qpdf
// --qdf): the fill colour (k, g, sc/scn), the font size (Tf) times the text
// matrix's vertical scale (Tm) and the filled paths under reversed text, at
// every text-showing operator. And the rule itself: a layout with small type
// in several inks gets a warning at the style's line, an error with --strict.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <regex>

#include "print_support.h"

namespace jan20::testing {
namespace {

// What a content stream draws text with, as a PDF viewer's interpreter sees it.
struct TextShow {
  double size = 0;              // pt on the page
  std::array<double, 4> fill{};  // CMYK
  double x = 0, y = 0;          // origin of the text matrix
  std::optional<std::array<double, 4>> under;  // fill colour of the last filled path around (x, y)
};

int inks(const std::array<double, 4>& c) {
  return static_cast<int>(std::count_if(c.begin(), c.end(), [](double v) { return v > 0.0005; }));
}

struct FilledBox {
  double left, bottom, right, top;
  std::array<double, 4> fill;
};

// Tokens of a content stream: numbers, names, operators; strings, hex
// strings, arrays and dictionaries as one token each.
std::vector<std::string> tokens(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  auto skip_balanced = [&](char open, char close) {
    size_t start = i;
    int depth = 0;
    for (; i < s.size(); ++i) {
      if (open == '(' && s[i] == '\\') { ++i; continue; }
      if (s[i] == open) ++depth;
      else if (s[i] == close && --depth == 0) { ++i; break; }
    }
    return s.substr(start, i - start);
  };
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
    if (c == '(') { out.push_back(skip_balanced('(', ')')); continue; }
    if (c == '[') { out.push_back(skip_balanced('[', ']')); continue; }
    if (c == '<') {
      if (i + 1 < s.size() && s[i + 1] == '<') { out.push_back(skip_balanced('<', '>')); continue; }
      size_t end = s.find('>', i);
      out.push_back(s.substr(i, end - i + 1));
      i = end + 1;
      continue;
    }
    size_t start = i++;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && std::string("([<>]/").find(s[i]) == std::string::npos)
      ++i;
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::vector<TextShow> text_shows(const std::string& content) {
  struct State {
    std::array<double, 4> fill{0, 0, 0, 1};
    double font_size = 0;
  };
  std::vector<State> saved;
  State g;
  double tm_scale = 1, tm_x = 0, tm_y = 0;
  std::vector<double> nums;
  std::vector<FilledBox> fills;
  FilledBox path{1e9, 1e9, -1e9, -1e9, {}};
  auto add_point = [&](double x, double y) {
    path.left = std::min(path.left, x), path.right = std::max(path.right, x);
    path.bottom = std::min(path.bottom, y), path.top = std::max(path.top, y);
  };
  std::vector<TextShow> out;
  for (const std::string& t : tokens(content)) {
    char c0 = t[0];
    if (std::isdigit(static_cast<unsigned char>(c0)) || c0 == '-' || c0 == '.' || c0 == '+') {
      nums.push_back(std::stod(t));
      continue;
    }
    if (t == "q") saved.push_back(g);
    else if (t == "Q" && !saved.empty()) g = saved.back(), saved.pop_back();
    else if ((t == "k" || ((t == "sc" || t == "scn") && nums.size() == 4)) && nums.size() >= 4)
      g.fill = {nums[nums.size() - 4], nums[nums.size() - 3], nums[nums.size() - 2], nums[nums.size() - 1]};
    else if ((t == "g" || ((t == "sc" || t == "scn") && nums.size() == 1)) && !nums.empty())
      g.fill = {0, 0, 0, 1 - nums.back()};
    else if (t == "rg") ADD_FAILURE() << "an RGB fill on a print page";
    else if (t == "Tf" && !nums.empty()) g.font_size = nums.back();
    else if (t == "Tm" && nums.size() >= 6) {
      double c = nums[nums.size() - 4], d = nums[nums.size() - 3];
      tm_scale = std::sqrt(c * c + d * d), tm_x = nums[nums.size() - 2], tm_y = nums[nums.size() - 1];
    } else if ((t == "m" || t == "l") && nums.size() >= 2) add_point(nums[nums.size() - 2], nums[nums.size() - 1]);
    else if (t == "c" && nums.size() >= 6)
      for (size_t p = nums.size() - 6; p < nums.size(); p += 2) add_point(nums[p], nums[p + 1]);
    else if (t == "re" && nums.size() >= 4) {
      double x = nums[nums.size() - 4], y = nums[nums.size() - 3], w = nums[nums.size() - 2], h = nums[nums.size() - 1];
      add_point(x, y), add_point(x + w, y + h);
    } else if (t == "f" || t == "f*" || t == "F" || t == "B" || t == "B*" || t == "b" || t == "b*" || t == "n" ||
               t == "S" || t == "s") {
      if (t != "n" && t != "S" && t != "s") fills.push_back({path.left, path.bottom, path.right, path.top, g.fill});
      path = {1e9, 1e9, -1e9, -1e9, {}};
    } else if (t == "Tj" || t == "TJ" || t == "'" || t == "\"") {
      TextShow show{g.font_size * tm_scale, g.fill, tm_x, tm_y, std::nullopt};
      for (auto it = fills.rbegin(); it != fills.rend(); ++it)
        if (it->left <= tm_x && tm_x <= it->right && it->bottom <= tm_y && tm_y <= it->top) {
          show.under = it->fill;
          break;
        }
      out.push_back(show);
    }
    nums.clear();
  }
  return out;
}

std::string fill_text(const std::array<double, 4>& c) {
  return std::to_string(c[0]) + " " + std::to_string(c[1]) + " " + std::to_string(c[2]) + " " + std::to_string(c[3]);
}

TEST(PrintRegistration, SmallAndReversedTypeTakesOneInkInEveryEdition) {
  std::string out = make_temp_dir();
  CommandResult build = jan20({"-C", source_dir(), "build", "--out", out});
  ASSERT_EQ(build.exit_code, 0) << build.err;
  // The layouts give the rule nothing to report.
  EXPECT_EQ(build.err.find("register"), std::string::npos) << build.err;
  for (const char* edition : {"booklet.az", "booklet.en", "poster.az", "poster.en"}) {
    int shows = 0, small = 0, reversed = 0;
    std::vector<std::string> pages = page_contents(out + "/" + edition + ".pdf");
    ASSERT_FALSE(pages.empty()) << edition;
    for (size_t p = 0; p < pages.size(); ++p) {
      for (const TextShow& s : text_shows(pages[p])) {
        ++shows;
        ASSERT_GT(s.size, 0) << edition << " page " << p + 1 << ": a text show without Tf";
        if (s.size < 12 - 1e-6) {
          ++small;
          EXPECT_LE(inks(s.fill), 1) << edition << " page " << p + 1 << ": " << s.size << " pt text in "
                                     << fill_text(s.fill);
        }
        // Paper-coloured text on a filled background: the background takes one ink below 24 pt.
        if (inks(s.fill) == 0 && s.under && s.size < 24 - 1e-6) {
          ++reversed;
          EXPECT_LE(inks(*s.under), 1) << edition << " page " << p + 1 << ": " << s.size
                                       << " pt text reversed out of " << fill_text(*s.under);
        }
      }
    }
    EXPECT_GT(shows, 0) << edition;
    // The booklets: captions, folios, timeline dates; the covers' subtitle,
    // date line and closing line. (The poster sets nothing under 14 pt.)
    if (std::string(edition).rfind("booklet", 0) == 0) {
      EXPECT_GT(small, 0) << edition;
      EXPECT_GE(reversed, 3) << edition;
    }
  }
}

// A project whose timeline dates are 9 pt in the carnation's red again.
std::string project_with_red_dates(int* style_line) {
  std::string project = copy_project();
  std::string layout = read_file(project + "/layouts/booklet.toml");
  std::string head = "[styles.timeline-date]";
  size_t at = layout.find(head);
  EXPECT_NE(at, std::string::npos);
  size_t eol = layout.find('\n', at);
  layout.insert(eol + 1, "color = \"red-ink\"\n");
  layout += "\n[colors.red-ink]\ncmyk = [0, 100, 85, 10]\n";
  write_file(project + "/layouts/booklet.toml", layout);
  *style_line = line_of(layout, head);
  return project;
}

TEST(PrintRegistration, SmallTextInSeveralInksIsAWarningAtItsStyle) {
  int line = 0;
  std::string project = project_with_red_dates(&line);
  ASSERT_GT(line, 0);
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "en"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // At the style's table header: `[styles.` puts its name in column 9.
  EXPECT_TRUE(std::regex_search(
      r.err, std::regex("layouts/booklet\\.toml:" + std::to_string(line) +
                        ":9: warning: page \\d+: style 'timeline-date' \\(colour 'red-ink'\\) sets 9 pt text in 3 inks "
                        "\\(C 0 M 100 Y 85 K 10\\)")))
      << r.err;
  EXPECT_NE(r.err.find("give it a one-ink colour"), std::string::npos) << r.err;
  EXPECT_TRUE(file_exists(project + "/out/booklet.en.pdf"));
  // On screen there are no plates: nothing to say.
  CommandResult screen = jan20({"-C", project, "build", "booklet", "--lang", "en", "--target", "screen", "--out", project + "/screen"});
  EXPECT_EQ(screen.exit_code, 0) << screen.err;
  EXPECT_EQ(screen.err.find("inks"), std::string::npos) << screen.err;
}

TEST(PrintRegistration, StrictMakesItAnErrorAndWritesNothing) {
  int line = 0;
  std::string project = project_with_red_dates(&line);
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "en", "--strict"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("layouts/booklet.toml:" + std::to_string(line) + ":9:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("sets 9 pt text in 3 inks"), std::string::npos) << r.err;
  EXPECT_FALSE(file_exists(project + "/out/booklet.en.pdf"));
  // check reports it the same way.
  CommandResult checked = jan20({"-C", project, "check", "booklet", "--lang", "en"});
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_NE(checked.err.find("layouts/booklet.toml:" + std::to_string(line) + ":9: warning:"), std::string::npos)
      << checked.err;
  CommandResult strict_check = jan20({"-C", project, "check", "booklet", "--lang", "en", "--strict"});
  EXPECT_NE(strict_check.exit_code, 0) << strict_check.err;
}

TEST(PrintRegistration, ReversedTypeOutOfFourColourBlackIsAWarning) {
  std::string project = copy_project();
  std::string layout = read_file(project + "/layouts/booklet.toml");
  std::string from = "cmyk = [0, 0, 0, 100]             # (11";
  size_t at = layout.find(from);
  ASSERT_NE(at, std::string::npos);
  layout.replace(at, from.size(), "cmyk = [60, 40, 40, 100]          # (11");
  write_file(project + "/layouts/booklet.toml", layout);
  int color_line = line_of(layout, "cmyk = [60, 40, 40, 100]");
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "az"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // The closing line on the back, 11 pt, and the cover's 14 pt date line.
  for (const char* style : {"back-body", "cover-body"})
    EXPECT_TRUE(std::regex_search(
        r.err, std::regex(std::string("layouts/booklet\\.toml:\\d+:9: warning: page \\d+: style '") + style +
                          "' \\(colour 'paper'\\) sets 1[14] pt text reversed out of colour 'cover-dark' [^\\n]*"
                          "\\(layouts/booklet\\.toml:" + std::to_string(color_line) +
                          ":8\\), a background in 4 inks \\(C 60 M 40 Y 40 K 100\\)")))
        << style << "\n" << r.err;
  // The 34 pt title is large enough.
  EXPECT_EQ(r.err.find("cover-h1"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace jan20::testing
