// Numbers from the command line (issue 18): nan and infinity are refused by
// name, never taken as 0 or passed into a content stream (`--creep nan`
// wrote "1 0 0 1 .(-*,( -8.50394 cm"), and a huge value is out of range, not
// an overflowed conversion. Exit 2 (a usage error), no PDF written.
#include <gtest/gtest.h>

#include <filesystem>

#include "robust_support.h"

namespace jan20::robust {
namespace {

struct Case {
  std::vector<std::string> args;
  std::string first_line;
};

class CliNumber : public ::testing::TestWithParam<Case> {};

TEST_P(CliNumber, IsRefusedByNameWithExitTwo) {
  std::string dir = buildable_project();
  std::vector<std::string> args = {"-C", dir, "build", "--quiet"};
  args.insert(args.end(), GetParam().args.begin(), GetParam().args.end());
  testing::CommandResult r = jan20(args);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')), GetParam().first_line);
  EXPECT_FALSE(std::filesystem::exists(dir + "/out"));
}

INSTANTIATE_TEST_SUITE_P(
    Numbers, CliNumber,
    ::testing::Values(Case{{"--impose", "saddle", "--creep", "nan"}, "--creep: 'nan' is not a number (nan)"},
                      Case{{"--impose", "saddle", "--creep", "-nan"}, "--creep: '-nan' is not a number (nan)"},
                      Case{{"--impose", "saddle", "--creep", "inf"}, "--creep: 'inf' is infinite"},
                      Case{{"--impose", "saddle", "--creep", "1e308"},
                           "--creep: '1e308' is out of range; it must be between 0 and 5"},
                      Case{{"--impose", "saddle", "--creep", "0.1mm"}, "--creep: '0.1mm' is not a number"},
                      Case{{"-j", "65"}, "--jobs: Value 65 not in range 0 to 64"},
                      Case{{"-j", "1e308"}, "--jobs: Value 1e308 not in range 0 to 64"}),
    [](const auto& info) { return "case_" + std::to_string(info.index); });

TEST(CliNumber, HyphenateMinimumsAreChecked) {
  testing::CommandResult r = jan20({"hyphenate", "--min-left", "0", "xalqımızın"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')), "--min-left: Value 0 not in range 1 to 20");
}

}  // namespace
}  // namespace jan20::robust
