// A small booklet-shaped project (tests/layout/fixture) built by the real
// binary: bidi order, locale-aware capitals, contents, padding, ligatures.
#include <gtest/gtest.h>

#include <regex>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

class Mini : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = run({jan20_binary(), "-C", source_dir() + "/tests/layout/fixture", "build", "--quiet", "--out", out_});
  }
  static std::string pdf(const char* lang) { return out_ + "/mini." + lang + ".pdf"; }
  static inline std::string out_;
  static inline CommandResult build_;
};

// x of the first character `c` on the line whose baseline is nearest `y`.
double char_x(const std::string& stext, const std::string& c, double y) {
  std::regex re("<char [^>]*x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*c=\"" + c + "\"");
  double best = -1, best_dy = 1e9;
  for (std::sregex_iterator it(stext.begin(), stext.end(), re), end; it != end; ++it) {
    double dy = std::abs(std::stod((*it)[2]) - y);
    if (dy < best_dy - 0.5) best_dy = dy, best = std::stod((*it)[1]);
  }
  return best_dy < 1 ? best : -1;
}

TEST_F(Mini, Builds) { ASSERT_EQ(build_.exit_code, 0) << build_.err; }

// In the right-to-left paragraph "آذربایجان 1990 Bakı باکی" the words stand,
// from left to right: باکی, Bakı, 1990, آذربایجان (UBA: RTL base direction,
// numbers and the Latin word keep their own order inside).
TEST_F(Mini, RightToLeftParagraphIsInVisualOrder) {
  std::string stext = run({"mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf("az"), "2"}).out;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(stext, m, std::regex("<char [^>]*y=\"([0-9.]+)\"[^>]*c=\"1\""))) << stext.substr(0, 500);
  double y = std::stod(m[1]);
  double kaf = char_x(stext, "&#x6a9;", y), b = char_x(stext, "B", y), one = char_x(stext, "1", y),
         alef = char_x(stext, "&#x622;", y);
  ASSERT_GE(kaf, 0);
  ASSERT_GE(alef, 0);
  EXPECT_LT(kaf, b);
  EXPECT_LT(b, one);
  EXPECT_LT(one, alef);
  // and the digits of 1990 read left to right
  EXPECT_LT(char_x(stext, "1", y), char_x(stext, "0", y));
}

TEST_F(Mini, CapitalsFollowTheLanguage) {
  std::string az = pdftotext(pdf("az"));
  EXPECT_NE(az.find("İSTİQLAL VƏ İCTİMAİYYƏT"), std::string::npos) << az;
  EXPECT_NE(az.find("İKİNCİ BÖLMƏ"), std::string::npos);
  std::string en = pdftotext(pdf("en"));
  EXPECT_NE(en.find("INDEPENDENCE AND ITS INSTITUTIONS"), std::string::npos) << en;
}

TEST_F(Mini, ContentsPointAtTheRightPages) {
  std::string toc = pdftotext(pdf("az"), {"-f", "1", "-l", "1", "-layout"});
  EXPECT_TRUE(std::regex_search(toc, std::regex("istiqlal və ictimaiyyət\\s+2"))) << toc;
  EXPECT_EQ(toc.find("Mündəricat "), std::string::npos) << "the contents do not list their own title";
  std::string page2 = pdftotext(pdf("az"), {"-f", "2", "-l", "2"});
  EXPECT_NE(page2.find("İSTİQLAL"), std::string::npos);
  // Each entry links to its heading's page: the link annotations (in the
  // entries' order) read back with qpdf, their /Dest followed to a page.
  // Links are drawn in screen files only (a print file has no annotations).
  std::string screen = make_temp_dir();
  CommandResult built = run({jan20_binary(), "-C", source_dir() + "/tests/layout/fixture", "build", "--quiet",
                             "--target", "screen", "--out", screen});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  const std::string screen_az = screen + "/mini.az.pdf";
  std::string json = run({"qpdf", "--json=2", "--json-key=pages", "--json-key=qpdf", screen_az}).out;
  size_t objects_at = json.find("\"qpdf\": [");
  ASSERT_NE(objects_at, std::string::npos) << json.substr(0, 300);
  std::string pages_json = json.substr(0, objects_at), objects = json.substr(objects_at);
  std::vector<std::string> page_objects;  // "31", "34", … in page order
  std::regex page_re("\"object\": \"(\\d+) 0 R\",\\s*\"outlines\"");  // a page's own, not its outline entries'
  for (std::sregex_iterator it(pages_json.begin(), pages_json.end(), page_re), end; it != end; ++it)
    page_objects.push_back((*it)[1]);
  ASSERT_EQ(page_objects.size(), 4u);
  auto page_of_dest = [&](const std::string& dest) {  // the /Dest array's first element, as a 1-based page
    std::smatch m;
    if (!std::regex_search(objects, m, std::regex("\"obj:" + dest + " 0 R\": \\{\\s*\"value\": \\[\\s*\"(\\d+) 0 R\"")))
      return -1;
    auto at = std::find(page_objects.begin(), page_objects.end(), m[1].str());
    return at == page_objects.end() ? -1 : static_cast<int>(at - page_objects.begin()) + 1;
  };
  std::vector<int> targets;
  std::regex link_re("\"/Dest\": \"(\\d+) 0 R\"[^{}]*\"/Subtype\": \"/Link\"");  // annotations, not outline items
  for (std::sregex_iterator it(objects.begin(), objects.end(), link_re), end; it != end; ++it)
    targets.push_back(page_of_dest((*it)[1]));
  std::vector<std::pair<std::string, std::string>> entries = {{"istiqlal və ictimaiyyət", "İSTİQLAL"},
                                                              {"İkinci bölmə", "İKİNCİ BÖLMƏ"}};
  ASSERT_EQ(targets.size(), entries.size()) << "one link per contents entry";
  for (size_t i = 0; i < entries.size(); ++i) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(toc, m, std::regex(entries[i].first + "\\s+(\\d+)"))) << toc;
    EXPECT_EQ(targets[i], std::stoi(m[1])) << entries[i].first << ": the link and the printed number disagree";
    std::string target_page = pdftotext(pdf("az"), {"-f", std::to_string(targets[i]), "-l", std::to_string(targets[i])});
    EXPECT_NE(target_page.find(entries[i].second), std::string::npos) << "page " << targets[i] << ":\n" << target_page;
  }
}

TEST_F(Mini, PadsToAMultipleOfFourBeforeTheBackCover) {
  for (const char* lang : {"az", "en"}) {
    std::string info = run({"pdfinfo", pdf(lang)}).out;
    EXPECT_TRUE(std::regex_search(info, std::regex("Pages:\\s+4\\n"))) << info;
    std::string last = pdftotext(pdf(lang), {"-f", "4", "-l", "4"});
    EXPECT_NE(last.find(lang == std::string("az") ? "Son." : "End."), std::string::npos) << last;
  }
}

TEST_F(Mini, EnglishLigaturesCopyOutAsTheirLetters) {
  std::string en = squash_spaces(pdftotext(pdf("en")));
  EXPECT_NE(en.find("The official office staff, affluent and efficient, finished the difficult fieldwork with "
                    "fluffy flourishes;"),
            std::string::npos)
      << en;
}

}  // namespace
}  // namespace jan20::testing

namespace jan20::testing {
namespace {

// Bug (issue 14): in a layout without a `cover` master, the headings on the
// pages before the first page-break were taken for cover headings and left
// out of the contents and the outline. The fixture's layout has no cover.
TEST(CoverlessLayout, HeadingsBeforeTheFirstPageBreakAreInTheContentsAndTheOutline) {
  std::string project = make_temp_dir();
  ASSERT_EQ(run_shell("cp -r '" + source_dir() + "/tests/layout/fixture/.' '" + project + "'").exit_code, 0);
  write_file(project + "/content/mini/az.toml", R"([meta]
title = "Sınaq kitabçası"
language = "az"
date = "2026-01-20"

[[block]]
type = "heading"
level = 1
text = "Ön söz"

[[block]]
type = "paragraph"
text = "Bu kitabça 20 Yanvar faciəsinin xatirəsinə həsr olunub."

[[block]]
type = "heading"
level = 1
text = "Mündəricat"

[[block]]
type = "contents"

[[block]]
type = "page-break"

[[block]]
type = "heading"
level = 1
text = "Sonrakı bölmə"

[[block]]
type = "paragraph"
text = "Xalqımızın müstəqillik yolu uzun və çətin olmuşdur."
)");
  CommandResult r = run({jan20_binary(), "-C", project, "build", "--quiet", "--lang", "az", "--out", "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string pdf = project + "/out/mini.az.pdf";
  std::string toc = pdftotext(pdf, {"-f", "1", "-l", "1", "-layout"});
  EXPECT_TRUE(std::regex_search(toc, std::regex("Ön söz\\s+1\\n"))) << toc;
  EXPECT_TRUE(std::regex_search(toc, std::regex("Sonrakı bölmə\\s+2\\n"))) << toc;
  // The outline, read back by MuPDF: both headings, and the contents' own title is not listed.
  std::string outline = run({"mutool", "show", pdf, "outline"}).out;
  EXPECT_NE(outline.find("Ön söz"), std::string::npos) << outline;
  EXPECT_NE(outline.find("Sonrakı bölmə"), std::string::npos) << outline;
  EXPECT_EQ(outline.find("Mündəricat"), std::string::npos) << outline;
}

}  // namespace
}  // namespace jan20::testing
