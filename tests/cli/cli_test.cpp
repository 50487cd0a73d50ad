// The command as people run it: exit codes, what it writes and what it never
// writes, its messages.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

CommandResult jan20(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {jan20_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

TEST(Cli, VersionAndHelp) {
  CommandResult v = jan20({"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_TRUE(std::regex_search(v.out, std::regex("^jan20-pdf \\d+\\.\\d+\\.\\d+")));
  CommandResult h = jan20({"--help"});
  EXPECT_EQ(h.exit_code, 0);
  for (const char* sub : {"build", "check", "fonts", "shape", "hyphenate"}) EXPECT_NE(h.out.find(sub), std::string::npos) << sub;
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(jan20({}).exit_code, 2);
  EXPECT_EQ(jan20({"build", "--target", "paper"}).exit_code, 2);
  CommandResult r = jan20({"-C", source_dir(), "build", "leaflet", "--out", make_temp_dir()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no document 'leaflet'"), std::string::npos) << r.err;
}

TEST(Cli, BuildOneEditionWritesOnlyIt) {
  std::string out = make_temp_dir();
  CommandResult r = jan20({"-C", source_dir(), "build", "booklet", "--lang", "en", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(file_exists(out + "/booklet.en.pdf"));
  EXPECT_FALSE(file_exists(out + "/booklet.az.pdf"));
  EXPECT_FALSE(file_exists(out + "/poster.en.pdf"));
  // The progress line names the document, language, pages and time.
  EXPECT_TRUE(std::regex_search(r.err, std::regex("booklet en: \\d+ pages in \\d+ ms"))) << r.err;
  CommandResult q = jan20({"-C", source_dir(), "build", "booklet", "--lang", "en", "--out", out, "--quiet"});
  EXPECT_EQ(q.exit_code, 0);
  EXPECT_EQ(q.err, "");
}

TEST(Cli, CheckWritesNothing) {
  std::string project = copy_project();
  CommandResult r = jan20({"-C", project, "check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(file_exists(project + "/out"));
}

TEST(Cli, BrokenContentLeavesThePreviousPdfIntact) {
  std::string project = copy_project();
  ASSERT_EQ(jan20({"-C", project, "build", "booklet", "--lang", "az", "--quiet"}).exit_code, 0);
  std::string before = read_file(project + "/out/booklet.az.pdf");
  ASSERT_FALSE(before.empty());
  // Break the content: a string that never ends on line 2.
  std::string content = read_file(project + "/content/booklet/az.toml");
  size_t second_line = content.find('\n') + 1;
  content.insert(second_line, "broken = \"no end\n");
  write_file(project + "/content/booklet/az.toml", content);
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "az"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::regex_search(r.err, std::regex("content/booklet/az\\.toml:2:\\d+: error: "))) << r.err;
  EXPECT_EQ(read_file(project + "/out/booklet.az.pdf"), before);
  CommandResult listing = run_shell("ls -a '" + project + "/out'");
  EXPECT_EQ(listing.out, ".\n..\nbooklet.az.pdf\n") << "no temporary file may be left behind";
}

TEST(Cli, DiagnosticsAsJsonLines) {
  std::string project = copy_project();
  std::string layout = read_file(project + "/layouts/booklet.toml");
  layout += "\n[unknown-table]\nx = 1\n";
  write_file(project + "/layouts/booklet.toml", layout);
  CommandResult r = jan20({"-C", project, "check", "booklet", "--diagnostics", "json"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\{"file":"layouts/booklet\.toml","line":\d+,"column":\d+,"severity":"error","message":"[^"]+")")))
      << r.out;
}

TEST(Cli, DepsFileListsEverythingTheBuildRead) {
  std::string out = make_temp_dir();
  CommandResult r = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--out", out, "--deps", out + "/booklet.d", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string deps = read_file(out + "/booklet.d");
  for (const char* needle : {"booklet.az.pdf:", "jan20.toml", "layouts/booklet.toml", "content/booklet/az.toml",
                             "fonts/manifest.toml", "NotoSerif-Regular.ttf"})
    EXPECT_NE(deps.find(needle), std::string::npos) << needle << "\n" << deps;
}

// Bug (issue 14): a figure given by an absolute path inside an --allow-path
// directory was accepted by the loader, then looked for under the project
// ("<root>//abs/...") by the layout. The loader's resolved path is now the
// one every stage uses; --deps lists it as read.
TEST(Cli, FigureFromAnAllowedDirectoryOutsideTheProject) {
  std::string project = copy_project();
  std::string shared = make_temp_dir();
  ASSERT_EQ(run_shell("cp '" + source_dir() + "/fuzz/project/content/images/gradient.png' '" + shared + "/'").exit_code, 0);
  std::string content = read_file(project + "/content/booklet/en.toml");
  size_t at = content.find("# \xE2\x94\x80\xE2\x94\x80 Back cover");
  ASSERT_NE(at, std::string::npos);
  content.insert(at, "[[block]]\ntype = \"figure\"\nimage = \"" + shared +
                         "/gradient.png\"\nalt = \"A gradient\"\n\n");
  write_file(project + "/content/booklet/en.toml", content);

  CommandResult refused = jan20({"-C", project, "build", "booklet", "--lang", "en", "--quiet"});
  EXPECT_EQ(refused.exit_code, 1) << "outside the project without --allow-path";
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "en", "--quiet", "--allow-path", shared,
                           "--deps", "booklet.d"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  CommandResult images = run({"pdfimages", "-list", project + "/out/booklet.en.pdf"});
  EXPECT_TRUE(std::regex_search(images.out, std::regex("\\n\\s*\\d+\\s+\\d+\\s+image\\s+64\\s+48\\s+rgb"))) << images.out;
  EXPECT_NE(read_file(project + "/booklet.d").find(shared + "/gradient.png"), std::string::npos);
}

// -C DIR works like make -C: the report, the deps file (and --icc) are
// relative to the project, not to where the command was started.
TEST(Cli, RelativePathsAreRelativeToTheProject) {
  std::string project = make_temp_dir();
  for (const char* part : {"jan20.toml", "layouts", "content", "fonts"})
    std::filesystem::copy(source_dir() + "/" + part, project + "/" + part, std::filesystem::copy_options::recursive);
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "az", "--quiet", "--report", "r.json",
                           "--deps", "booklet.d"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_file(project + "/r.json").find("\"paragraphs\""), std::string::npos);
  EXPECT_NE(read_file(project + "/booklet.d").find("booklet.az.pdf:"), std::string::npos);
  EXPECT_FALSE(file_exists("r.json"));
  EXPECT_FALSE(file_exists("booklet.d"));
}

// The report's "fonts" are noted before writing frees the pages' glyph runs:
// they must still be the fonts pdffonts finds embedded, for every edition.
TEST(Cli, ReportListsTheFontsThePdfEmbeds) {
  std::string out = make_temp_dir();
  CommandResult r = jan20({"-C", source_dir(), "build", "--quiet", "--out", out, "--report", out + "/r.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string report = read_file(out + "/r.json");
  int editions = 0;
  for (const char* name : {"booklet.az", "booklet.en", "poster.az", "poster.en"}) {
    // The edition's line of the report: its "output" and then its "fonts".
    size_t at = report.find(std::string(name) + ".pdf\"");
    ASSERT_NE(at, std::string::npos) << name;
    size_t begin = report.find("\"fonts\":[", at), end = report.find(']', begin);
    ASSERT_NE(begin, std::string::npos) << name;
    std::set<std::string> listed;
    std::string fonts = report.substr(begin, end - begin);
    std::regex ps("\"postscript_name\":\"([^\"]+)\"");
    for (std::sregex_iterator it(fonts.begin(), fonts.end(), ps), e; it != e; ++it) listed.insert((*it)[1]);
    std::set<std::string> embedded;
    std::istringstream lines(pdffonts(out + "/" + name + ".pdf"));
    std::string line;
    while (std::getline(lines, line)) {
      std::smatch m;
      if (std::regex_search(line, m, std::regex("^[A-Z]{6}\\+(\\S+)"))) embedded.insert(m[1]);
    }
    EXPECT_FALSE(embedded.empty()) << name;
    EXPECT_EQ(listed, embedded) << name;
    ++editions;
  }
  EXPECT_EQ(editions, 4);
}

TEST(Cli, HyphenatePrintsBreakPoints) {
  CommandResult r = jan20({"hyphenate", "--lang", "az", "xalqımızın", "müstəqillik"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "xal-qı-mı-zın\nmüs-tə-qil-lik\n");
}

TEST(Cli, ShapeShowsTheDottedIGuard) {
  CommandResult az = jan20({"-C", source_dir(), "shape", "--font", "Noto Serif", "--lang", "az", "fikir"});
  ASSERT_EQ(az.exit_code, 0) << az.err;
  CommandResult en = jan20({"-C", source_dir(), "shape", "--font", "Noto Serif", "--lang", "en", "fikir"});
  ASSERT_EQ(en.exit_code, 0) << en.err;
  // az keeps f and i apart: five glyphs; en uses the fi ligature: four.
  auto glyphs = [](const std::string& s) { return std::count(s.begin(), s.end(), '|') + 1; };
  EXPECT_EQ(glyphs(az.out), 5) << az.out;
  EXPECT_EQ(glyphs(en.out), 4) << en.out;
}

}  // namespace
}  // namespace jan20::testing
