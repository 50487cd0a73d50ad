// Replays every input kept in fuzz/regressions through the fuzz target's
// pipeline (fuzz/pipeline.h) in the ordinary test suite: each must stop at
// the stage fuzz/regressions/expected.txt names, with its message, and a PDF
// it makes must be clean in qpdf, poppler, MuPDF and Ghostscript. A crash
// that comes back fails here, under the sanitizers too, not only in the
// fuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline.h"
#include "robust_support.h"

namespace jan20::robust {
namespace {

namespace fs = std::filesystem;

struct Kept {
  std::string file, stage, message;
};
void PrintTo(const Kept& k, std::ostream* os) { *os << k.file; }

std::vector<Kept> kept() {
  std::vector<Kept> out;
  std::ifstream in(testing::source_dir() + "/fuzz/regressions/expected.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Kept k;
    fields >> k.file >> k.stage;
    std::getline(fields >> std::ws, k.message);
    out.push_back(k);
  }
  return out;
}

const char* stage_name(fuzz::Stage s) {
  switch (s) {
    case fuzz::Stage::Project: return "project";
    case fuzz::Stage::Layout: return "layout";
    case fuzz::Stage::Content: return "content";
    case fuzz::Stage::Typeset: return "typeset";
    case fuzz::Stage::Pdf: return "pdf";
    case fuzz::Stage::Done: return "done";
  }
  return "?";
}

fuzz::Pipeline& pipeline() {
  static fuzz::Pipeline p(testing::source_dir() + "/fuzz/project", testing::source_dir() + "/fonts/manifest.toml");
  return p;
}

class FuzzRegression : public ::testing::TestWithParam<Kept> {};

TEST_P(FuzzRegression, StopsWhereExpectedOrMakesACleanPdf) {
  const Kept& k = GetParam();
  std::string input = testing::read_file(testing::source_dir() + "/fuzz/regressions/" + k.file);
  ASSERT_FALSE(input.empty()) << k.file << " is missing";
  fuzz::Outcome outcome = pipeline().run(input);
  EXPECT_EQ(stage_name(outcome.stopped_at), k.stage);
  if (outcome.stopped_at == fuzz::Stage::Done) {
    std::string pdf = testing::make_temp_dir() + "/out.pdf";
    testing::write_file(pdf, outcome.pdf);
    EXPECT_EQ(pdf_complaints(pdf), "");
  } else {
    const Diagnostic* first = nullptr;
    for (const Diagnostic& d : outcome.sink.diagnostics())
      if (d.severity == Severity::Error && !first) first = &d;
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->message.rfind(k.message, 0), 0u) << first->message;
  }
}

INSTANTIATE_TEST_SUITE_P(Kept, FuzzRegression, ::testing::ValuesIn(kept()), [](const auto& info) {
  std::string name = info.param.file;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
});

TEST(FuzzRegressions, EveryKeptInputHasAnExpectation) {
  std::vector<Kept> expected = kept();
  for (const auto& e : fs::directory_iterator(testing::source_dir() + "/fuzz/regressions")) {
    std::string name = e.path().filename().string();
    if (name == "expected.txt") continue;
    EXPECT_TRUE(std::any_of(expected.begin(), expected.end(), [&](const Kept& k) { return k.file == name; })) << name;
  }
}

}  // namespace
}  // namespace jan20::robust
