// `jan20-pdf check` compares the editions of a document: a year the English
// poster lacks is a warning at the Azerbaijani text that writes it, and an
// error with --strict. The real project's editions agree.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

const char kWarning[] = "warning: '1994' is written in the az edition but nowhere in the en edition";

TEST(EditionNumbers, TheProjectsEditionsWriteTheSameNumbers) {
  CommandResult r = run({jan20_binary(), "-C", copy_project(), "check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("is written in the"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("poster en: 1 page, no problems"), std::string::npos) << r.err;  // the check ran
}

TEST(EditionNumbers, AYearMissingFromOneEditionIsNamedAtItsFirstUse) {
  std::string project = copy_project();
  std::string en_file = project + "/content/poster/en.toml";
  std::string en = read_file(en_file);
  size_t at = en.find("1994");
  ASSERT_NE(at, std::string::npos);
  en.replace(at, 4, "that year");
  write_file(en_file, en);
  ASSERT_EQ(en.find("1994"), std::string::npos);

  // Where the az text writes 1994, counted in characters from the line's start.
  std::string az = read_file(project + "/content/poster/az.toml");
  size_t az_at = az.find("1994");
  ASSERT_NE(az_at, std::string::npos);
  size_t line_start = az.rfind('\n', az_at) + 1;
  int line = 1 + static_cast<int>(std::count(az.begin(), az.begin() + static_cast<long>(line_start), '\n'));
  int column = 1;
  for (size_t i = line_start; i < az_at; ++i) column += (static_cast<unsigned char>(az[i]) & 0xC0) != 0x80;
  std::string where = "content/poster/az.toml:" + std::to_string(line) + ":" + std::to_string(column) + ": ";

  CommandResult r = run({jan20_binary(), "-C", project, "check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(where + kWarning + " (content/poster/en.toml)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("poster az: 1 page, 1 warning"), std::string::npos) << r.err;

  CommandResult strict = run({jan20_binary(), "-C", project, "check", "--strict"});
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_NE(strict.err.find(kWarning), std::string::npos) << strict.err;
}

}  // namespace
}  // namespace jan20::testing
