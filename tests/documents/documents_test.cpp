// End to end: the real project's four PDFs, built by the real binary, read
// back with poppler, qpdf and MuPDF.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "core/utf.h"
#include "text/case_transform.h"
#include "support/test_support.h"

namespace jan20::testing {
namespace {

// Builds every edition once for the whole suite.
class Documents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = run({jan20_binary(), "-C", source_dir(), "build", "--quiet", "--out", out_, "--report",
                  out_ + "/report.json"});
  }
  static std::string pdf(const std::string& name) { return out_ + "/" + name + ".pdf"; }
  static inline std::string out_;
  static inline CommandResult build_;
};

int page_count(const std::string& pdf) {
  CommandResult r = run({"pdfinfo", pdf});
  std::smatch m;
  std::regex re("Pages:\\s+(\\d+)");
  return std::regex_search(r.out, m, re) ? std::stoi(m[1]) : -1;
}

TEST_F(Documents, BuildWritesEveryEdition) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* name : {"booklet.az", "booklet.en", "poster.az", "poster.en"})
    EXPECT_TRUE(file_exists(pdf(name))) << name;
}

TEST_F(Documents, EveryPdfIsValidWithEmbeddedSubsetFonts) {
  for (const char* name : {"booklet.az", "booklet.en", "poster.az", "poster.en"}) {
    std::string output;
    EXPECT_TRUE(qpdf_check_clean(pdf(name), &output)) << name << "\n" << output;
    std::string fonts = pdffonts(pdf(name));
    std::istringstream lines(fonts);
    std::string line;
    int rows = 0;
    std::set<std::string> faces;  // each face embedded once (the writer shares the font stage's faces)
    while (std::getline(lines, line)) {
      if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
      ++rows;
      std::string face = line.substr(0, line.find(' '));
      if (face.size() > 7 && face[6] == '+') face = face.substr(7);
      EXPECT_TRUE(faces.insert(face).second) << name << ": " << face << " embedded twice";
      // name type encoding emb sub uni object ID
      EXPECT_NE(line.find("Identity-H"), std::string::npos) << line;
      EXPECT_TRUE(std::regex_search(line, std::regex("yes\\s+yes\\s+yes"))) << name << ": " << line;
      EXPECT_TRUE(std::regex_search(line, std::regex("^[A-Z]{6}\\+"))) << line;
    }
    EXPECT_GT(rows, 0) << name;
  }
}

// Twelve pages since its sections run on (issue 16: no page half empty); a
// multiple of four for saddle stitching, never more than 24.
TEST_F(Documents, BookletHasTwelveToTwentyFourPagesInFours) {
  for (const char* name : {"booklet.az", "booklet.en"}) {
    int pages = page_count(pdf(name));
    EXPECT_GE(pages, 12) << name;
    EXPECT_LE(pages, 24) << name;
    EXPECT_EQ(pages % 4, 0) << name;
  }
  EXPECT_EQ(page_count(pdf("poster.az")), 1);
}

TEST_F(Documents, AzerbaijaniTextCopiesOutExactly) {
  std::string text = pdftotext(pdf("booklet.az"));
  for (const char* phrase : {"Ümumxalq Hüzn Günü", "Şəhidlər Xiyabanı", "Milli Məclis", "Азәрбајҹан",
                             "آذربایجان"})
    EXPECT_NE(squash_spaces(text).find(phrase), std::string::npos) << phrase;
  std::string info = run({"pdfinfo", pdf("booklet.az")}).out;
  EXPECT_TRUE(std::regex_search(info, std::regex("Title:\\s+20 Yanvar\n"))) << info;
}

// Every word that pdftotext reads back from the booklet must be a word of the
// content (or a page number): an inserted hyphen, a broken ligature or a
// wrong letter would make a word that is not there.
TEST_F(Documents, EveryExtractedWordIsAWordOfTheContent) {
  for (const char* lang : {"az", "en"}) {
    std::string source = read_file(source_dir() + "/content/booklet/" + std::string(lang) + ".toml");
    auto words_of = [](const std::string& s) {
      std::set<std::string> words;
      std::u32string w;
      auto flush = [&] {
        if (!w.empty()) words.insert(u32_to_utf8(w));
        w.clear();
      };
      for (char32_t c : utf8_to_u32(s)) {
        // Perso-Arabic text is checked in default (non-raw) mode elsewhere:
        // in -raw mode poppler gives right-to-left runs a character a line.
        bool arabic = (c >= 0x0600 && c <= 0x06FF) || (c >= 0x202A && c <= 0x202E);
        bool letter = ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c > 0x7F) && !arabic;
        bool punct = c == 0xA0 || c == 0x2013 || c == 0x2014 || c == 0x201C || c == 0x201D || c == 0x2018 ||
                     c == 0x2019 || c == 0xAB || c == 0xBB || c == 0x2026 || c == 0x2022 || c == 0x00B7 ||
                     c == 0x202F || c == 0x2009 || c == 0x060C;
        if (letter && !punct) w += c; else flush();
      }
      flush();
      return words;
    };
    std::set<std::string> known = words_of(source);
    // Headings may be set in capitals (locale-aware: i -> İ in az).
    for (const std::string& w : std::set<std::string>(known)) known.insert(text::to_upper(w, lang));
    std::string text = pdftotext(pdf(std::string("booklet.") + lang), {"-raw"});
    std::set<std::string> extracted = words_of(text);
    // A booklet from which nothing was read would pass the loop below: it must
    // have given hundreds of distinct words, most of the content's.
    ASSERT_GE(extracted.size(), 500u) << lang << ": pdftotext read " << extracted.size() << " words";
    size_t shared = 0;
    for (const std::string& w : extracted) shared += known.count(w);
    EXPECT_GE(shared * 10, words_of(source).size() * 6) << lang << ": the PDF shows too few of the content's words";
    int unknown = 0;
    for (const std::string& w : extracted)
      if (!known.count(w)) {
        ADD_FAILURE() << lang << ": '" << w << "' is not a word of the content";
        if (++unknown > 10) break;
      }
  }
}

TEST_F(Documents, ReportMeetsTheTypesettingBar) {
  std::string report = read_file(out_ + "/report.json");
  ASSERT_FALSE(report.empty());
  // One edition object per line block; the numbers are asserted per edition.
  std::regex edition("\"document\":\"booklet\",\"lang\":\"(az|en)\"[\\s\\S]*?\"overfull_lines\":(\\d+),"
                     "\"widows\":(\\d+),\"orphans\":(\\d+),\"max_consecutive_hyphens\":(\\d+)");
  int seen = 0;
  for (std::sregex_iterator it(report.begin(), report.end(), edition), end; it != end; ++it) {
    ++seen;
    EXPECT_EQ((*it)[2], "0") << (*it)[1] << " overfull lines";
    EXPECT_EQ((*it)[3], "0") << (*it)[1] << " widows";
    EXPECT_EQ((*it)[4], "0") << (*it)[1] << " orphans";
    EXPECT_LE(std::stoi((*it)[5]), 2) << (*it)[1] << " consecutive hyphens";
  }
  EXPECT_EQ(seen, 2);
}

// Justified lines stay within an adjustment ratio of 1.5, except in a
// paragraph the report marks as set by the emergency pass (no setting within
// the tolerance exists), which must then say so.
TEST_F(Documents, JustifiedLinesStayWithinTheTolerance) {
  std::string report = read_file(out_ + "/report.json");
  std::regex para("\\{\"file\":\"([^\"]+)\",\"line\":(\\d+),\"column\":\\d+,\"align\":\"justify\",\"kind\":\"[\\w-]+\",\"pass\":(\\d),\"impossible\":(?:true|false)(,\"note\":\"[^\"]+\")?,\"lines\":\\[([^\\]]*)\\]");
  std::regex line("\"ratio\":(-?[0-9.]+),\"expansion\":-?[0-9.]+,\"loose\":(?:true|false),\"hyphenated\":(true|false),\"overfull\":(true|false),\"last\":(true|false)");
  int paragraphs = 0, emergency = 0;
  for (std::sregex_iterator it(report.begin(), report.end(), para), end; it != end; ++it) {
    ++paragraphs;
    bool emergency_pass = (*it)[3] == "3";
    if (emergency_pass) {
      ++emergency;
      EXPECT_TRUE((*it)[4].matched) << "an emergency-pass paragraph must say why: " << (*it)[1] << ":" << (*it)[2];
      continue;
    }
    std::string lines = (*it)[5];
    for (std::sregex_iterator l(lines.begin(), lines.end(), line); l != end; ++l)
      if ((*l)[4] == "false") {
        EXPECT_LE(std::stod((*l)[1]), 1.5) << (*it)[1] << ":" << (*it)[2];
      }
  }
  EXPECT_GT(paragraphs, 40);
  EXPECT_LT(emergency * 5, paragraphs) << "most paragraphs must set within the tolerance";
}

// "20 Yanvar" (a number and its word), "H. Əliyev"-style initials: never
// split at a line end anywhere in the booklets.
TEST_F(Documents, NoBreakRulesHoldInTheBooklets) {
  std::string report = read_file(out_ + "/report.json");
  std::regex texts("\"text\":\"([^\"]*)\"");
  // Lines of one paragraph, one after another: a fact's figure and its label
  // are two paragraphs, set apart on purpose ("744" above "nəfər ağır yaralandı").
  std::vector<std::string> lines;
  for (size_t at = report.find("\"lines\":["); at != std::string::npos; at = report.find("\"lines\":[", at + 1)) {
    const std::string paragraph = report.substr(at, report.find("]}", at) - at);
    for (std::sregex_iterator it(paragraph.begin(), paragraph.end(), texts), end; it != end; ++it)
      lines.push_back((*it)[1]);
    lines.push_back("");  // no pair across paragraphs
  }
  ASSERT_GT(lines.size(), 200u) << "the report's lines were not read";
  int twenty = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string a = lines[i];
    while (!a.empty() && a.back() == ' ') a.pop_back();
    if (std::regex_search(a, std::regex("(^| )[0-9]+$"))) {
      EXPECT_FALSE(std::regex_search(lines[i + 1], std::regex("^(Yanvar|yanvar|January|Fevral|fevral|February|nəfər)")))
          << "'" << a << "' | '" << lines[i + 1] << "'";
    }
    if (lines[i].find("20\u00a0Yanvar") != std::string::npos || lines[i].find("20 Yanvar") != std::string::npos) ++twenty;
  }
  EXPECT_GT(twenty, 3);  // the phrase is there to be kept together
}

TEST_F(Documents, HeadingsInCapitalsKeepTheDottedI) {
  std::string az = pdftotext(pdf("booklet.az"));
  EXPECT_NE(az.find("XRONOLOGİYA"), std::string::npos);
  EXPECT_EQ(az.find("XRONOLOGIYA"), std::string::npos) << "a dotless capital I where the word has i";
  std::string en = pdftotext(pdf("booklet.en"));
  EXPECT_NE(en.find("TIMELINE"), std::string::npos);
  EXPECT_EQ(en.find("TİMELİNE"), std::string::npos);
}

TEST_F(Documents, OutlineReadsBackExactly) {
  CommandResult r = run({"mutool", "show", pdf("booklet.az"), "outline"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* title : {"Yanvar gecəsi", "Faciənin ağırlığı", "Ümumxalq Hüzn Günü", "Xronologiya"})
    EXPECT_NE(r.out.find(title), std::string::npos) << title << "\n" << r.out;
}

TEST_F(Documents, TwoBuildsAreByteIdentical) {
  std::string again = make_temp_dir();
  CommandResult r = run({jan20_binary(), "-C", source_dir(), "build", "--quiet", "--out", again});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"booklet.az", "booklet.en", "poster.az", "poster.en"})
    EXPECT_TRUE(read_file(pdf(name)) == read_file(again + "/" + name + ".pdf")) << name << " differs";
}

TEST_F(Documents, RendersInPopplerMuPdfAndGhostscriptWithoutComplaint) {
  for (const char* name : {"booklet.az", "poster.en"}) {
    std::string dir = make_temp_dir();
    CommandResult p = run({"pdftoppm", "-r", "20", "-png", pdf(name), dir + "/p"});
    EXPECT_EQ(p.exit_code, 0);
    EXPECT_EQ(p.err, "") << name;
    CommandResult m = run({"mutool", "draw", "-q", "-r", "20", "-o", dir + "/m%d.png", pdf(name)});
    EXPECT_EQ(m.exit_code, 0);
    // Debian's MuPDF is built without lcms2 and says so for every file,
    // ours or not; anything else it prints is about our PDF.
    std::string mupdf_err = std::regex_replace(m.err, std::regex("warning: ICC support is not available\n"), "");
    EXPECT_EQ(mupdf_err, "") << name;
    CommandResult g = run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", pdf(name)});
    EXPECT_EQ(g.exit_code, 0);
    EXPECT_EQ(g.out + g.err, "") << name;
  }
}

}  // namespace
}  // namespace jan20::testing
