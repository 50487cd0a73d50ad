// cmake --install into a temporary prefix: the installed binary finds its
// data files relative to itself (PREFIX/share/jan20-pdf) and works from any
// folder — `init` then `build` in a folder far from the sources, read back
// with pdftotext; the man page renders (man -l, groff warnings as errors)
// and names every command and option of --help; the bash completion
// sources without error and completes the project's documents.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

namespace fs = std::filesystem;

// One install for the whole suite.
const std::string& prefix() {
  static const std::string dir = [] {
    std::string p = make_temp_dir() + "/prefix";
    CommandResult install = run({"cmake", "--install", JAN20_BUILD_DIR, "--prefix", p});
    EXPECT_EQ(install.exit_code, 0) << install.out << install.err;
    return p;
  }();
  return dir;
}

TEST(Install, TheInstalledBinaryInitsAndBuildsFromAnotherFolder) {
  std::string bin = prefix() + "/bin/jan20-pdf";
  ASSERT_TRUE(file_exists(bin));
  EXPECT_TRUE(file_exists(prefix() + "/share/jan20-pdf/templates/leaflet/layouts/leaflet.toml"));
  EXPECT_TRUE(file_exists(prefix() + "/share/jan20-pdf/templates/booklet/layouts/hyphenation-az.txt"));

  std::string work = make_temp_dir();  // not the sources, not the build tree
  CommandResult init = run({bin, "init", "leaflet"}, work);
  ASSERT_EQ(init.exit_code, 0) << init.err;
  CommandResult build = run({bin, "build"}, work + "/leaflet");
  ASSERT_EQ(build.exit_code, 0) << build.err;
  std::string az = squash_spaces(pdftotext(work + "/leaflet/out/leaflet.az.pdf"));
  EXPECT_NE(az.find("Ümumxalq Hüzn Günü"), std::string::npos) << az;

  // The booklet, as this repository builds it.
  ASSERT_EQ(run({bin, "init", "booklet", "--kind", "booklet"}, work).exit_code, 0);
  CommandResult booklet = run({bin, "build", "--lang", "en"}, work + "/booklet");
  ASSERT_EQ(booklet.exit_code, 0) << booklet.err;
  std::string en = squash_spaces(pdftotext(work + "/booklet/out/booklet.en.pdf"));
  EXPECT_NE(en.find("Alley of Martyrs"), std::string::npos) << en;
  EXPECT_TRUE(std::regex_search(run({"pdfinfo", work + "/booklet/out/booklet.en.pdf"}).out,
                                std::regex(R"(Pages:\s+12\n)")));
}

TEST(Install, TheManPageRendersAndNamesEveryCommandAndOption) {
  std::string page = prefix() + "/share/man/man1/jan20-pdf.1";
  ASSERT_TRUE(file_exists(page));
  CommandResult groff = run_shell("groff -man -Tutf8 -ww -z '" + page + "' 2>&1");
  EXPECT_EQ(groff.exit_code, 0);
  EXPECT_EQ(groff.out, "") << groff.out;
  CommandResult man = run_shell("MANWIDTH=100 man -l '" + page + "' 2>&1");
  ASSERT_EQ(man.exit_code, 0) << man.out;
  EXPECT_NE(man.out.find("jan20-pdf - typeset the 20 January"), std::string::npos) << man.out;
  EXPECT_NE(man.out.find("EXIT STATUS"), std::string::npos);

  // Every command of --help, and every option of each command's --help.
  std::string source = read_file(page);
  source = std::regex_replace(source, std::regex(R"(\\-)"), "-");
  std::string bin = prefix() + "/bin/jan20-pdf";
  std::string help = run({bin, "--help"}).out;
  std::set<std::string> commands;
  std::smatch m;
  std::string rest = help.substr(help.find("Subcommands:"));
  for (std::regex line(R"(\n  ([a-z]+) )"); std::regex_search(rest, m, line); rest = m.suffix()) commands.insert(m[1]);
  EXPECT_GE(commands.size(), 7u) << help;
  for (const std::string& command : commands) {
    EXPECT_NE(source.find(".B " + command), std::string::npos) << command;
    std::string options = run({bin, command, "--help"}).out;
    int found = 0;
    for (std::regex option(R"(\s(--[a-z][a-z-]+))"); std::regex_search(options, m, option); options = m.suffix()) {
      ++found;
      EXPECT_NE(source.find(m[1].str()), std::string::npos) << command << " " << m[1];
    }
    EXPECT_GE(found, 1) << command;
  }
}

TEST(Install, TheBashCompletionSourcesAndCompletesDocuments) {
  std::string script = prefix() + "/share/bash-completion/completions/jan20-pdf";
  ASSERT_TRUE(file_exists(script));
  CommandResult sourced = run({"bash", "-c", "set -u; source \"$0\" && complete -p jan20-pdf", script});
  EXPECT_EQ(sourced.exit_code, 0) << sourced.err;
  EXPECT_EQ(sourced.err, "");
  EXPECT_NE(sourced.out.find("complete -F _jan20_pdf jan20-pdf"), std::string::npos) << sourced.out;
  CommandResult documents = run({"bash", "-c",
                                 "set -u; source \"$0\"; COMP_WORDS=(jan20-pdf -C \"$1\" build \"\"); COMP_CWORD=4; "
                                 "_jan20_pdf; echo \"${COMPREPLY[*]}\"",
                                 script, source_dir()});
  EXPECT_EQ(documents.out, "booklet poster\n") << documents.err;
  CommandResult options = run({"bash", "-c",
                               "set -u; source \"$0\"; COMP_WORDS=(jan20-pdf watch --deb); COMP_CWORD=2; "
                               "_jan20_pdf; echo \"${COMPREPLY[*]}\"",
                               script});
  EXPECT_EQ(options.out, "--debounce\n") << options.err;
}

}  // namespace
}  // namespace jan20::testing
