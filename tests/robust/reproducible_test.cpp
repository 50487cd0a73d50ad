// Two builds of the same project give byte-identical PDFs wherever and
// whenever they run: the dates come from the content (or SOURCE_DATE_EPOCH
// when the content has none), never the clock; the /ID comes from the
// content; nothing depends on the project's path, the time zone, the locale
// or how many editions are built at once.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "robust_support.h"

namespace jan20::robust {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::run_shell;

// Runs jan20-pdf under `env` (VAR=value …, through env(1)).
testing::CommandResult jan20_env(const std::string& env, const std::string& args) {
  return run_shell("env -u SOURCE_DATE_EPOCH " + env + " '" + testing::jan20_binary() + "' " + args);
}

std::string info(const std::string& pdf, const std::string& key) {
  std::string out = testing::run({"pdfinfo", "-isodates", pdf}).out;
  std::smatch m;
  return std::regex_search(out, m, std::regex(key + ":\\s+(\\S+)")) ? m[1].str() : "";
}

std::string document_id(const std::string& pdf) {
  std::string bytes = read_file(pdf);
  std::smatch m;
  return std::regex_search(bytes, m, std::regex("/ID \\[ ?<([0-9A-Fa-f]+)>")) ? m[1].str() : "";
}

TEST(Reproducible, SameProjectElsewhereAnotherTimeZoneAndJobCountGivesIdenticalBytes) {
  std::string a = buildable_project();
  std::string b = testing::make_temp_dir() + "/a/much/deeper/copy";
  fs::create_directories(b);
  fs::copy(a, b, fs::copy_options::recursive);
  ASSERT_EQ(jan20_env("TZ=UTC", "-C " + a + " build --quiet").exit_code, 0);
  testing::CommandResult r = jan20_env("TZ=Pacific/Kiritimati LC_ALL=C.UTF-8", "-C " + b + " build --quiet --jobs 1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string first = read_file(a + "/out/test.az.pdf");
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == read_file(b + "/out/test.az.pdf"));
  EXPECT_EQ(first.find(a), std::string::npos) << "the project's path is in the PDF";
}

// One edition built with --jobs 2 or more sets its paragraphs on several
// threads (src/layout/paragraph_memo.h); the bytes must not show it. The
// booklet is checked as it is (two passes: it has a table of contents) and
// without its contents (one pass, every paragraph set ahead).
TEST(Reproducible, ParagraphsSetOnSeveralThreadsGiveTheSameBytes) {
  std::string project = testing::make_temp_dir();
  for (const char* part : {"jan20.toml", "layouts", "content", "fonts"})
    fs::copy(testing::source_dir() + "/" + part, project + "/" + part, fs::copy_options::recursive);
  std::string content = read_file(project + "/content/booklet/az.toml");
  std::string without_contents =
      std::regex_replace(content, std::regex("\\[\\[block\\]\\]\ntype = \"contents\"\n"), "");
  ASSERT_NE(without_contents, content);
  for (const std::string& text : {content, without_contents}) {
    put(project, "content/booklet/az.toml", text);
    std::string reference;
    // With --report the pages are kept after writing (the report reads
    // them); without it each page's runs are freed once drawn.
    for (const std::string& jobs : std::vector<std::string>{"1", "2", "3", "2 --report " + project + "/report.json"}) {
      std::string out = "out-" + jobs.substr(0, 1) + (jobs.size() > 1 ? "-report" : "");
      testing::CommandResult r =
          jan20_env("", "-C " + project + " build booklet --lang az --quiet --jobs " + jobs + " --out " + out);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      std::string pdf = read_file(project + "/" + out + "/booklet.az.pdf");
      ASSERT_GT(pdf.size(), 10000u);
      if (reference.empty())
        reference = pdf;
      else
        EXPECT_TRUE(pdf == reference) << "--jobs " << jobs << " differs from --jobs 1";
    }
  }
}

TEST(Reproducible, DatesComeFromTheContentEvenWithSourceDateEpoch) {
  std::string dir = buildable_project();
  ASSERT_EQ(jan20_env("SOURCE_DATE_EPOCH=1000000000", "-C " + dir + " build --quiet").exit_code, 0);
  std::string pdf = dir + "/out/test.az.pdf";
  EXPECT_EQ(info(pdf, "CreationDate"), "2026-01-20T00:00:00Z");
  EXPECT_EQ(info(pdf, "ModDate"), "2026-01-20T00:00:00Z");
}

TEST(Reproducible, WithoutAContentDateTheDatesComeFromSourceDateEpoch) {
  std::string dir = buildable_project();
  std::string content = read_file(dir + "/content/test/az.toml");
  put(dir, "content/test/az.toml", std::regex_replace(content, std::regex("date = \"2026-01-20\"\n"), ""));
  ASSERT_EQ(jan20_env("SOURCE_DATE_EPOCH=1768860000", "-C " + dir + " build --quiet").exit_code, 0);
  std::string pdf = dir + "/out/test.az.pdf";
  EXPECT_EQ(info(pdf, "CreationDate"), "2026-01-19T22:00:00Z");
  std::string first = read_file(pdf);
  ASSERT_EQ(jan20_env("SOURCE_DATE_EPOCH=1768860000 TZ=Asia/Baku", "-C " + dir + " build --quiet").exit_code, 0);
  EXPECT_TRUE(first == read_file(pdf));
  ASSERT_EQ(jan20_env("SOURCE_DATE_EPOCH=1768946400", "-C " + dir + " build --quiet").exit_code, 0);
  EXPECT_EQ(info(pdf, "CreationDate"), "2026-01-20T22:00:00Z");

  // Neither a date nor SOURCE_DATE_EPOCH: an error, not the clock.
  testing::CommandResult r = jan20_env("", "-C " + dir + " build");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "content/test/az.toml:1:1: error: missing required key 'date' in [meta] — add date = \"2026-01-20\" (the "
            "PDF's dates come from it), or set SOURCE_DATE_EPOCH");
}

// The content's date always wins: a malformed SOURCE_DATE_EPOCH is a warning
// that names what is wrong (not a number, or out of range), and only an
// edition without a date of its own fails, for having none.
TEST(Reproducible, MalformedSourceDateEpochIsAWarningTheContentsDateWins) {
  std::string dir = buildable_project();
  const std::pair<const char*, const char*> cases[] = {
      {"yesterday", "' is not a number of seconds since 1970-01-01; it is ignored"},
      {"-5", "' is not a number of seconds since 1970-01-01; it is ignored"},
      {"1e9", "' is not a number of seconds since 1970-01-01; it is ignored"},
      {"253402300800", "' seconds is out of range (after 9999-12-31T23:59:59Z); it is ignored"},
      {"99999999999999", "' seconds is out of range (after 9999-12-31T23:59:59Z); it is ignored"}};
  for (const auto& [value, said] : cases) {
    testing::CommandResult r = jan20_env(std::string("SOURCE_DATE_EPOCH=") + value, "-C " + dir + " build");
    EXPECT_EQ(r.exit_code, 0) << value << r.err;
    EXPECT_EQ(r.err.substr(0, r.err.find('\n')), std::string("SOURCE_DATE_EPOCH: warning: '") + value + said +
                                                     " — set it to a Unix time such as 1768860000, or unset it");
  }
  EXPECT_EQ(jan20_env("SOURCE_DATE_EPOCH=yesterday", "-C " + dir + " build --strict").exit_code, 1);
}

TEST(Reproducible, TheDocumentIdFollowsTheContent) {
  std::string dir = buildable_project();
  ASSERT_EQ(jan20_env("", "-C " + dir + " build --quiet").exit_code, 0);
  std::string id = document_id(dir + "/out/test.az.pdf");
  ASSERT_EQ(id.size(), 32u);
  std::string content = read_file(dir + "/content/test/az.toml");
  put(dir, "content/test/az.toml", std::regex_replace(content, std::regex("qısa"), "uzun"));
  ASSERT_EQ(jan20_env("", "-C " + dir + " build --quiet").exit_code, 0);
  EXPECT_NE(document_id(dir + "/out/test.az.pdf"), id);
  put(dir, "content/test/az.toml", content);
  ASSERT_EQ(jan20_env("", "-C " + dir + " build --quiet").exit_code, 0);
  EXPECT_EQ(document_id(dir + "/out/test.az.pdf"), id);
}

}  // namespace
}  // namespace jan20::robust
