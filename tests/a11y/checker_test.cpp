// The checker fails on PDFs broken one way at a time (break_pdf.py edits a
// good file through qpdf's JSON), with a message that says what is wrong.
#include <gtest/gtest.h>

#include <algorithm>

#include "struct_text.h"

namespace jan20::testing {
namespace {

class Checker : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = make_temp_dir();
    build_ = run({jan20_binary(), "-C", source_dir(), "build", "booklet", "--lang", "az", "--quiet", "--pdfa",
                  "--target", "screen", "--out", dir_});
  }
  static std::string good() { return dir_ + "/booklet.az.pdf"; }
  // Breaks the good file `how` and returns the checker's verdict.
  static CommandResult broken(const std::string& how) {
    std::string out = dir_ + "/" + how + ".pdf";
    CommandResult b = break_pdf(how, good(), out);
    EXPECT_EQ(b.exit_code, 0) << how << ": " << b.err;
    return run_checker({"--pdfua", "--pdfa"}, {out});
  }
  static inline std::string dir_;
  static inline CommandResult build_;
};

struct Case {
  const char* how;
  const char* message;  // part of the checker's report
};

const Case kCases[] = {
    {"no-alt", "has no /Alt (alternative text)"},
    {"drop-parent-tree-entry", "page 1: MCID 0 has no ParentTree entry"},
    {"untagged-text", "page 1: 1 piece(s) of text outside both tagged content and artifacts"},
    {"no-lang", "the catalog has no /Lang"},
    {"cyrillic-without-lang", "Cyrillic text 'Азәрбајҹан' is read as 'az'"},
    {"no-display-doc-title", "/DisplayDocTitle is not true"},
    {"unembedded-font", "is not embedded"},
    {"mcid-unreached", "page 1: MCID 0 is not reached from the structure tree"},
    {"untagged-annotation", "Link annotation"},
    {"custom-role", "has role /Paragraph, which is neither standard nor in the /RoleMap"},
    {"xmp-title-differs", "PDF/A: Info /Title 'Another title' and XMP dc:title '20 Yanvar' differ"},
    {"no-pdfa-intent", "PDF/A: no GTS_PDFA1 output intent"},
    {"hidden-annotation", "is not printable or may be hidden (/F 2)"},
};

TEST_F(Checker, GoodFilePasses) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  CommandResult r = run_checker({"--pdfua", "--pdfa"}, {good()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

class BrokenFile : public Checker, public ::testing::WithParamInterface<Case> {};

TEST_P(BrokenFile, FailsWithItsReason) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  const Case& c = GetParam();
  CommandResult r = broken(c.how);
  EXPECT_EQ(r.exit_code, 1) << c.how << "\n" << r.out << r.err;
  EXPECT_NE(r.out.find(c.message), std::string::npos) << c.how << "\n" << r.out;
}

INSTANTIATE_TEST_SUITE_P(OneWayAtATime, BrokenFile, ::testing::ValuesIn(kCases), [](const auto& info) {
  std::string name = info.param.how;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
});

TEST_F(Checker, UntaggedBuildFails) {
  std::string dir = make_temp_dir();
  CommandResult b = run({jan20_binary(), "-C", source_dir(), "build", "poster", "--lang", "en", "--quiet",
                         "--untagged", "--out", dir});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  CommandResult r = run_checker({}, {dir + "/poster.en.pdf"});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("no /StructTreeRoot: the document is not tagged"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("piece(s) of text outside both tagged content and artifacts"), std::string::npos) << r.out;
}

TEST_F(Checker, UnreadableFileIsAnError) {
  std::string dir = make_temp_dir();
  write_file(dir + "/not.pdf", "this is not a PDF");
  CommandResult r = run_checker({}, {dir + "/not.pdf"});
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("cannot be read"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace jan20::testing
