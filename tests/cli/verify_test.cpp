// build --verify: the PDFs in out/ against what the sources give, for a
// repository that commits its PDFs. Nothing is written either way.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

CommandResult verify(const std::string& project) {
  return run({jan20_binary(), "-C", project, "build", "booklet", "--verify"});
}

TEST(Verify, CurrentPdfsPassAndAnEditedSourceFailsNamingItsEdition) {
  std::string project = copy_project();
  ASSERT_EQ(run({jan20_binary(), "-C", project, "build", "booklet", "--quiet"}).exit_code, 0);
  std::string az_pdf = read_file(project + "/out/booklet.az.pdf");
  ASSERT_FALSE(az_pdf.empty());

  CommandResult current = verify(project);
  EXPECT_EQ(current.exit_code, 0) << current.err;
  EXPECT_NE(current.err.find("booklet az: the PDF is current"), std::string::npos) << current.err;
  EXPECT_NE(current.err.find("booklet en: the PDF is current"), std::string::npos) << current.err;

  // One word changed in the Azerbaijani content: only that edition is stale.
  std::string content_file = project + "/content/booklet/az.toml";
  std::string content = read_file(content_file);
  size_t at = content.find("yad etmək");
  ASSERT_NE(at, std::string::npos);
  content.replace(at, std::string("yad etmək").size(), "xatırlamaq");
  write_file(content_file, content);
  CommandResult stale = verify(project);
  EXPECT_EQ(stale.exit_code, 1);
  EXPECT_NE(stale.err.find("out/booklet.az.pdf: error: booklet az: the PDF differs from what the sources give"),
            std::string::npos) << stale.err;
  EXPECT_NE(stale.err.find("booklet en: the PDF is current"), std::string::npos) << stale.err;
  EXPECT_EQ(stale.err.find("booklet.en.pdf: error"), std::string::npos) << stale.err;
  // Verifying wrote nothing: the stale PDF is still the old one.
  EXPECT_EQ(read_file(project + "/out/booklet.az.pdf"), az_pdf);

  // A missing PDF is named too.
  fs::remove(project + "/out/booklet.en.pdf");
  CommandResult missing = verify(project);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("out/booklet.en.pdf: error: booklet en: the PDF is missing"), std::string::npos)
      << missing.err;
  EXPECT_FALSE(file_exists(project + "/out/booklet.en.pdf"));

  // After a build, current again.
  ASSERT_EQ(run({jan20_binary(), "-C", project, "build", "booklet", "--quiet"}).exit_code, 0);
  EXPECT_EQ(verify(project).exit_code, 0);
}

}  // namespace
}  // namespace jan20::testing
