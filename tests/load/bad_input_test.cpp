// Runs the broken-input corpus (bad_input/, see its README) and the
// warning corpus (warn_input/): each case's leading "# error: L:C: …" lines
// are the exact diagnostics loading it must produce, in order.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include "load_test_util.h"

namespace jan20::load::test {
namespace {

namespace fs = std::filesystem;

const std::map<std::string, std::string>& targets() {
  static const std::map<std::string, std::string> kTargets = {
      {"project", "jan20.toml"},
      {"layout", "layouts/test.toml"},
      {"content", "content/test/az.toml"},
      {"manifest", "fonts/manifest.toml"},
      {"hyphenation", "layouts/hyphenation.txt"},
  };
  return kTargets;
}

struct Case {
  std::string corpus;  // "bad_input" or "warn_input"
  std::string kind;    // "layout"
  fs::path file;
  std::string name() const {
    std::string n = kind + "_" + file.stem().string();
    std::replace(n.begin(), n.end(), '-', '_');
    return n;
  }
};

// gtest prints parameters in test listings (and ctest's test names).
void PrintTo(const Case& c, std::ostream* os) { *os << c.corpus << "/" << c.kind << "/" << c.file.filename().string(); }

std::vector<Case> cases(const std::string& corpus) {
  std::vector<Case> out;
  fs::path dir = fs::path(jan20::testing::source_dir()) / "tests/load" / corpus;
  for (const auto& [kind, target] : targets()) {
    if (!fs::exists(dir / kind)) continue;
    for (const auto& entry : fs::directory_iterator(dir / kind)) out.push_back({corpus, kind, entry.path()});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name() < b.name(); });
  return out;
}

// The leading "# error: …" / "# warning: …" lines of a case.
std::vector<std::string> expected(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    bool is_expectation = false;
    for (const char* severity : {"# error: ", "# warning: ", "# note: "})
      if (line.rfind(severity, 0) == 0) is_expectation = true;
    if (!is_expectation) break;
    out.push_back(line.substr(2));
  }
  return out;
}

// "error: 12:5: message — hint", with the file in front when it is not the
// case's own file.
std::vector<std::string> actual(const DiagnosticSink& sink, const std::string& target) {
  std::vector<std::string> out;
  for (const auto& d : sink.diagnostics()) {
    std::string where = std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
    if (d.where.file != target) where = d.where.file + ":" + where;
    // As the command prints them: non-printing characters escaped.
    out.push_back(std::string(severity_name(d.severity)) + ": " + where + ": " + escape_nonprinting(d.message) +
                  (d.hint.empty() ? "" : " \xE2\x80\x94 " + escape_nonprinting(d.hint)));
  }
  return out;
}

struct Outcome {
  bool loaded = false;
  std::vector<std::string> want, got;
};

Outcome run_case(const Case& c) {
  TempProject project;
  project.copy_from("tests/load/minimal_project");
  std::string text = jan20::testing::read_file(c.file.string());
  const std::string& target = targets().at(c.kind);
  project.write(target, text);
  DiagnosticSink sink;
  Outcome o;
  o.loaded = load_all(project.options(), sink).has_value();
  o.want = expected(text);
  o.got = actual(sink, target);
  return o;
}

class BadInput : public ::testing::TestWithParam<Case> {};
class WarnInput : public ::testing::TestWithParam<Case> {};

TEST_P(BadInput, ReportsExactlyTheExpectedDiagnostics) {
  Outcome o = run_case(GetParam());
  ASSERT_FALSE(o.want.empty()) << "the case lists no expected diagnostics";
  EXPECT_TRUE(std::any_of(o.want.begin(), o.want.end(), [](const std::string& s) { return s.rfind("error: ", 0) == 0; }))
      << "a bad_input case must expect an error";
  EXPECT_FALSE(o.loaded) << "loading a broken project must fail";
  EXPECT_EQ(o.got, o.want);
}

TEST_P(WarnInput, WarnsAndStillLoads) {
  Outcome o = run_case(GetParam());
  ASSERT_FALSE(o.want.empty()) << "the case lists no expected diagnostics";
  EXPECT_TRUE(o.loaded) << "warnings must not stop loading";
  EXPECT_EQ(o.got, o.want);
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(cases("bad_input")),
                         [](const auto& info) { return info.param.name(); });
INSTANTIATE_TEST_SUITE_P(Corpus, WarnInput, ::testing::ValuesIn(cases("warn_input")),
                         [](const auto& info) { return info.param.name(); });

TEST(BadInputCorpus, HasAtLeastFortyCases) { EXPECT_GE(cases("bad_input").size(), 40u); }

TEST(MinimalProject, LoadsWithoutDiagnostics) {
  TempProject project;
  project.copy_from("tests/load/minimal_project");
  DiagnosticSink sink;
  auto loaded = load_all(project.options(), sink);
  ASSERT_TRUE(loaded.has_value());
  EXPECT_TRUE(sink.diagnostics().empty()) << formatted(sink).front();
  ASSERT_EQ(loaded->documents.size(), 1u);
  ASSERT_EQ(loaded->documents[0].editions.size(), 1u);
  EXPECT_EQ(loaded->documents[0].editions[0].output, "test.az.pdf");
}

}  // namespace
}  // namespace jan20::load::test
