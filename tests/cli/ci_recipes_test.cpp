// docs/ci.md's workflows, run as written: the shell lines of the GitHub
// Actions steps and of the GitLab CI script are read from the document and
// run (sh -e, as the runners do; GitLab's lines in one shell) in a copy of
// the project whose build/src/cli/jan20-pdf is the binary under test. The
// step that installs and builds (bash .ci/setup) is left out: .ci/run does
// exactly that. Checked: a clean project passes every step and leaves the
// PDFs; a broken layout becomes a GitHub annotation at its file and line and
// a GitLab Code Quality entry (read back with python3's json); an edited
// source fails the verify step naming the edition.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

// The ```yaml block that follows `heading` in docs/ci.md.
std::string yaml_after(const std::string& doc, const std::string& heading) {
  size_t at = doc.find(heading);
  if (at == std::string::npos) return {};
  size_t begin = doc.find("```yaml\n", at);
  size_t end = doc.find("```\n", begin + 8);
  if (begin == std::string::npos || end == std::string::npos) return {};
  return doc.substr(begin + 8, end - begin - 8);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

size_t indent(const std::string& line) { return line.find_first_not_of(' '); }

// GitHub: each `run:` of the steps, a one-line value or a `|` block (dedented).
std::vector<std::string> github_steps(const std::string& yaml) {
  std::vector<std::string> steps;
  std::vector<std::string> lines = lines_of(yaml);
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t at = lines[i].find("run: ");
    if (at == std::string::npos) continue;
    std::string value = lines[i].substr(at + 5);
    if (value != "|") {
      steps.push_back(value);
      continue;
    }
    std::string block;
    size_t base = std::string::npos;
    for (++i; i < lines.size() && (lines[i].empty() || indent(lines[i]) > at); ++i) {
      if (base == std::string::npos && !lines[i].empty()) base = indent(lines[i]);
      block += (lines[i].size() > base ? lines[i].substr(base) : "") + "\n";
    }
    --i;
    steps.push_back(block);
  }
  return steps;
}

// GitLab: the `- ` items of `script:`.
std::vector<std::string> gitlab_script(const std::string& yaml) {
  std::vector<std::string> script;
  std::vector<std::string> lines = lines_of(yaml);
  size_t i = 0;
  while (i < lines.size() && lines[i].find("script:") == std::string::npos) ++i;
  size_t base = i < lines.size() ? indent(lines[i]) : 0;
  for (++i; i < lines.size() && indent(lines[i]) > base; ++i) {
    size_t dash = lines[i].find("- ");
    if (dash == indent(lines[i])) script.push_back(lines[i].substr(dash + 2));
  }
  return script;
}

std::string ci_project() {
  std::string dir = make_temp_dir();
  for (const char* part : {"jan20.toml", "layouts", "content", "fonts", ".ci"})
    fs::copy(source_dir() + "/" + part, dir + "/" + part, fs::copy_options::recursive);
  fs::create_directories(dir + "/build/src/cli");
  fs::create_symlink(jan20_binary(), dir + "/build/src/cli/jan20-pdf");
  return dir;
}

CommandResult sh(const std::string& script, const std::string& cwd) { return run({"sh", "-e", "-c", script}, cwd); }

bool is_setup(const std::string& step) { return step.find(".ci/setup") != std::string::npos; }

struct Recipes {
  std::vector<std::string> github, gitlab;
};

Recipes read_recipes() {
  std::string doc = read_file(source_dir() + "/docs/ci.md");
  Recipes r{github_steps(yaml_after(doc, "## GitHub Actions")), gitlab_script(yaml_after(doc, "## GitLab CI"))};
  return r;
}

TEST(CiRecipes, TheDocumentHoldsTheStepsTheTestsRun) {
  Recipes r = read_recipes();
  ASSERT_EQ(r.github.size(), 4u);  // setup, check, verify, build (the artifact upload has no run)
  EXPECT_TRUE(is_setup(r.github[0]));
  EXPECT_NE(r.github[1].find("check --diagnostics json"), std::string::npos);
  EXPECT_NE(r.github[1].find("::%s %s::%s"), std::string::npos);
  EXPECT_NE(r.github[2].find("build --verify"), std::string::npos);
  ASSERT_GE(r.gitlab.size(), 5u);
  EXPECT_TRUE(is_setup(r.gitlab[0]));
}

TEST(CiRecipes, ACleanProjectPassesEveryStepAndLeavesThePdfs) {
  Recipes r = read_recipes();
  std::string project = ci_project();
  // The repository commits its PDFs: built once before the CI runs.
  ASSERT_EQ(run({jan20_binary(), "-C", project, "build", "--quiet"}).exit_code, 0);
  int ran = 0;
  for (const std::string& step : r.github) {
    if (is_setup(step)) continue;
    CommandResult result = sh(step, project);
    EXPECT_EQ(result.exit_code, 0) << step << "\n" << result.out << result.err;
    EXPECT_EQ(result.out.find("::error"), std::string::npos) << result.out;
    ++ran;
  }
  EXPECT_EQ(ran, 3);
  for (const char* pdf : {"booklet.az.pdf", "booklet.en.pdf", "poster.az.pdf", "poster.en.pdf"})
    EXPECT_NE(squash_spaces(pdftotext(project + "/out/" + pdf)).find("Bak"), std::string::npos) << pdf;

  std::string script;
  for (const std::string& line : r.gitlab)
    if (!is_setup(line)) script += line + "\n";
  CommandResult gitlab = sh(script, project);
  EXPECT_EQ(gitlab.exit_code, 0) << gitlab.out << gitlab.err;
  CommandResult report = run({"python3", "-c", "import json,sys; print(len(json.load(open(sys.argv[1]))))",
                              project + "/gl-code-quality-report.json"});
  EXPECT_EQ(report.out, "0\n") << report.err;
}

TEST(CiRecipes, ABrokenLayoutBecomesAnnotationsAndACodeQualityReport) {
  Recipes r = read_recipes();
  std::string project = ci_project();
  std::string layout = read_file(project + "/layouts/booklet.toml");
  size_t page = layout.find("[page]\n");
  ASSERT_NE(page, std::string::npos);
  layout.insert(page + 7, "colums = 1\n");
  int line = 1 + static_cast<int>(std::count(layout.begin(), layout.begin() + static_cast<long>(page) + 7, '\n'));
  write_file(project + "/layouts/booklet.toml", layout);

  CommandResult check = sh(r.github[1], project);
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;
  std::string annotation = "::error file=layouts/booklet.toml,line=" + std::to_string(line) +
                           ",col=1::unknown key 'colums' in [page]";
  EXPECT_NE(check.out.find(annotation), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("did you mean 'columns'?"), std::string::npos) << check.out;

  std::string script;
  for (const std::string& l : r.gitlab)
    if (!is_setup(l)) script += l + "\n";
  CommandResult gitlab = sh(script, project);
  EXPECT_NE(gitlab.exit_code, 0);
  EXPECT_FALSE(file_exists(project + "/out/booklet.az.pdf"));  // it stopped before building
  CommandResult report = run({"python3", "-c",
                              "import json,sys\n"
                              "for e in json.load(open(sys.argv[1])):\n"
                              "    print(e['location']['path'], e['location']['lines']['begin'], e['severity'],"
                              " e['description'])",
                              project + "/gl-code-quality-report.json"});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  EXPECT_NE(report.out.find("layouts/booklet.toml " + std::to_string(line) + " major unknown key 'colums' in [page]"),
            std::string::npos)
      << report.out;
}

TEST(CiRecipes, AnEditedSourceFailsTheVerifyStepNamingItsEdition) {
  Recipes r = read_recipes();
  std::string project = ci_project();
  ASSERT_EQ(run({jan20_binary(), "-C", project, "build", "--quiet"}).exit_code, 0);
  std::string content = read_file(project + "/content/poster/en.toml");
  size_t at = content.find("title = \"");
  ASSERT_NE(at, std::string::npos);
  content.insert(at + 9, "In memory: ");
  write_file(project + "/content/poster/en.toml", content);
  CommandResult verify = sh(r.github[2], project);
  EXPECT_EQ(verify.exit_code, 1);
  EXPECT_NE(verify.err.find("out/poster.en.pdf: error: poster en: the PDF differs from what the sources give"),
            std::string::npos)
      << verify.err;
  EXPECT_EQ(verify.err.find("booklet.az.pdf: error"), std::string::npos) << verify.err;
}

}  // namespace
}  // namespace jan20::testing
