// resolve_project_path: files named in the TOML files stay inside the project.
#include <gtest/gtest.h>
#include <unistd.h>

#include "load_test_util.h"

namespace jan20::load::test {
namespace {

const SourceLocation kAt{"content/az.toml", 3, 9};

std::string resolve(const TempProject& p, const std::string& path, DiagnosticSink& sink,
                    std::vector<std::string> allow = {}) {
  LoadOptions options = p.options();
  options.allow_paths = std::move(allow);
  return resolve_project_path(path, options, kAt, sink);
}

TEST(ResolveProjectPath, ResolvesAFileInsideTheProject) {
  TempProject p;
  p.write("content/images/x.png", "x");
  DiagnosticSink sink;
  std::string real = resolve(p, "content/images/x.png", sink);
  EXPECT_TRUE(sink.diagnostics().empty());
  EXPECT_EQ(real, jan20::testing::run({"realpath", p.root + "/content/images/x.png"}).out.substr(0, real.size()));
  EXPECT_EQ(real.substr(real.size() - 21), "/content/images/x.png");
}

TEST(ResolveProjectPath, RefusesAbsolutePaths) {
  TempProject p;
  DiagnosticSink sink;
  EXPECT_EQ(resolve(p, "/etc/passwd", sink), "");
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "content/az.toml:3:9: error: path '/etc/passwd' is absolute \xE2\x80\x94 write it "
                                 "relative to the project directory, or allow its folder with --allow-path"}));
}

TEST(ResolveProjectPath, RefusesParentDirectories) {
  TempProject p;
  p.write("a/x.png", "x");
  DiagnosticSink sink;
  EXPECT_EQ(resolve(p, "a/../../x.png", sink), "");
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "content/az.toml:3:9: error: path 'a/../../x.png' leaves the project directory "
                                 "\xE2\x80\x94 keep the file inside the project, or allow its folder with "
                                 "--allow-path"}));
  // A path that comes back inside does not leave it (issue 18).
  DiagnosticSink inside;
  EXPECT_NE(resolve(p, "a/../a/x.png", inside), "");
  EXPECT_TRUE(inside.diagnostics().empty());
}

TEST(ResolveProjectPath, AllowedFoldersMayBeOutside) {
  TempProject p, shared;
  shared.write("logo.png", "x");
  DiagnosticSink sink;
  EXPECT_NE(resolve(p, shared.root + "/logo.png", sink, {shared.root}), "");
  EXPECT_TRUE(sink.diagnostics().empty());
  EXPECT_EQ(resolve(p, shared.root + "/logo.png", sink, {p.root}), "");
  EXPECT_TRUE(sink.has_errors());
}

TEST(ResolveProjectPath, RefusesASymlinkLeadingOutside) {
  TempProject p, outside;
  outside.write("secret.png", "x");
  std::filesystem::create_directories(p.root + "/content");
  std::filesystem::create_symlink(outside.root + "/secret.png", p.root + "/content/link.png");
  std::filesystem::create_directory_symlink(outside.root, p.root + "/content/dir");
  DiagnosticSink sink;
  EXPECT_EQ(resolve(p, "content/link.png", sink), "");
  EXPECT_EQ(resolve(p, "content/dir/secret.png", sink), "");
  EXPECT_EQ(formatted(sink),
            (std::vector<std::string>{
                "content/az.toml:3:9: error: path 'content/link.png' leads outside the project through a symbolic "
                "link \xE2\x80\x94 copy the file into the project, or allow its folder with --allow-path",
                "content/az.toml:3:9: error: path 'content/dir/secret.png' leads outside the project through a "
                "symbolic link \xE2\x80\x94 copy the file into the project, or allow its folder with --allow-path"}));
}

TEST(ResolveProjectPath, SymlinkInsideTheProjectIsFine) {
  TempProject p;
  p.write("content/images/real.png", "x");
  std::filesystem::create_symlink("real.png", p.root + "/content/images/alias.png");
  DiagnosticSink sink;
  EXPECT_NE(resolve(p, "content/images/alias.png", sink), "");
  EXPECT_TRUE(sink.diagnostics().empty());
}

TEST(ResolveProjectPath, MissingFileSuggestsASibling) {
  TempProject p;
  p.write("content/images/carnation.png", "x");
  DiagnosticSink sink;
  EXPECT_EQ(resolve(p, "content/images/carnaton.png", sink), "");
  EXPECT_EQ(resolve(p, "content/images/ribbon.png", sink), "");
  EXPECT_EQ(resolve(p, "content/images", sink), "");
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "content/az.toml:3:9: error: file 'content/images/carnaton.png' does not exist "
                                 "\xE2\x80\x94 did you mean 'content/images/carnation.png'?",
                                 "content/az.toml:3:9: error: file 'content/images/ribbon.png' does not exist "
                                 "\xE2\x80\x94 paths are relative to the project directory",
                                 "content/az.toml:3:9: error: 'content/images' is a directory, not a file"}));
}

}  // namespace
}  // namespace jan20::load::test
