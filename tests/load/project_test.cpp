// load_project, load_font_manifest, expand_pattern, load_all's selection.
#include <gtest/gtest.h>

#include "load_test_util.h"

namespace jan20::load::test {
namespace {

const char* kContent = "[meta]\ntitle = \"20 Yanvar\"\nlanguage = \"{lang}\"\ndate = \"2026-01-20\"\n"
                       "[[block]]\ntype = \"paragraph\"\ntext = \"20 Yanvar.\"\n";

// The repository's jan20.toml and layouts with stub content for every edition.
TempProject repository_project(const std::string& url = "https://az.wikipedia.org/wiki/20_Yanvar") {
  TempProject p;
  p.write("jan20.toml", jan20::testing::read_file(jan20::testing::source_dir() + "/jan20.toml"));
  p.write("fonts/manifest.toml", jan20::testing::read_file(jan20::testing::source_dir() + "/fonts/manifest.toml"));
  for (const char* f : {"booklet.toml", "poster.toml", "hyphenation-az.txt"})
    p.write(std::string("layouts/") + f, jan20::testing::read_file(jan20::testing::source_dir() + "/layouts/" + f));
  for (const char* doc : {"booklet", "poster"})
    for (const char* lang : {"az", "en"}) {
      std::string text = kContent;
      text.replace(text.find("{lang}"), 6, lang);
      if (std::string(doc) == "poster") text.insert(text.find("[[block]]"), "url = \"" + url + "\"\n");
      p.write(std::string("content/") + doc + "/" + lang + ".toml", text);
    }
  return p;
}

TEST(LoadProject, ReadsTheRepositoryProjectFile) {
  TempProject p = repository_project();
  DiagnosticSink sink;
  auto project = load_project(p.options(), sink);
  ASSERT_TRUE(project.has_value()) << formatted(sink).front();
  EXPECT_TRUE(sink.diagnostics().empty());
  EXPECT_EQ(project->fonts_manifest, "fonts/manifest.toml");
  ASSERT_EQ(project->documents.size(), 2u);
  // Kept in the order the file lists them.
  EXPECT_EQ(project->documents[0].name, "booklet");
  EXPECT_EQ(project->documents[1].name, "poster");
  const auto& booklet = project->documents[0];
  EXPECT_EQ(booklet.layout, "layouts/booklet.toml");
  EXPECT_EQ(booklet.content, "content/booklet/{lang}.toml");
  EXPECT_EQ(booklet.languages, (std::vector<std::string>{"az", "en"}));
  EXPECT_EQ(booklet.output, "{name}.{lang}.pdf");
  EXPECT_EQ(booklet.where.file, "jan20.toml");
  EXPECT_EQ(booklet.where.line, 7);
}

TEST(LoadProject, ReportsEveryMissingEditionAtTheContentKey) {
  TempProject p;
  p.write("jan20.toml",
          "[documents.a]\nlayout = \"l.toml\"\ncontent = \"c/{lang}.toml\"\nlanguages = [\"az\", \"en\", \"ru\"]\n");
  p.write("l.toml", "");
  p.write("c/en.toml", "");
  DiagnosticSink sink;
  EXPECT_FALSE(load_project(p.options(), sink).has_value());
  EXPECT_EQ(formatted(sink),
            (std::vector<std::string>{
                "jan20.toml:3:11: error: file 'c/az.toml' does not exist \xE2\x80\x94 did you mean 'c/en.toml'?",
                "jan20.toml:3:11: error: file 'c/ru.toml' does not exist \xE2\x80\x94 did you mean 'c/en.toml'?"}));
}

TEST(LoadProject, MissingProjectFile) {
  TempProject p;
  DiagnosticSink sink;
  EXPECT_FALSE(load_project(p.options(), sink).has_value());
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "jan20.toml: error: file 'jan20.toml' does not exist \xE2\x80\x94 paths are relative "
                                 "to the project directory"}));
}

TEST(ExpandPattern, ReplacesNameAndLang) {
  EXPECT_EQ(expand_pattern("content/{name}/{lang}.toml", "booklet", "az"), "content/booklet/az.toml");
  EXPECT_EQ(expand_pattern("{name}.{lang}.pdf", "poster", "en"), "poster.en.pdf");
  EXPECT_EQ(expand_pattern("{lang}-{lang}", "x", "az"), "az-az");
}

TEST(FontManifest, ReadsTheRepositoryManifest) {
  TempProject p = repository_project();
  DiagnosticSink sink;
  model::FontManifest m = load_font_manifest("fonts/manifest.toml", p.options(), sink);
  ASSERT_EQ(m.fonts.size(), 8u);
  EXPECT_EQ(m.fonts[0].family, "Noto Serif");
  EXPECT_EQ(m.fonts[0].style, "Regular");
  EXPECT_EQ(m.fonts[0].path, "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
  EXPECT_EQ(m.fonts[0].package, "fonts-noto-core");
  EXPECT_EQ(m.fonts[0].license, "OFL-1.1");
  EXPECT_EQ(m.fonts[5].family, "Noto Naskh Arabic");
  EXPECT_FALSE(sink.has_errors());
}

TEST(LoadAll, LoadsEveryEditionOfTheRepositoryProject) {
  TempProject p = repository_project();
  DiagnosticSink sink;
  auto loaded = load_all(p.options(), sink);
  ASSERT_TRUE(loaded.has_value()) << formatted(sink).front();
  EXPECT_TRUE(sink.diagnostics().empty()) << formatted(sink).front();
  ASSERT_EQ(loaded->documents.size(), 2u);
  ASSERT_EQ(loaded->documents[1].editions.size(), 2u);
  EXPECT_EQ(loaded->documents[1].editions[1].lang, "en");
  EXPECT_EQ(loaded->documents[1].editions[1].content, "content/poster/en.toml");
  EXPECT_EQ(loaded->documents[1].editions[1].output, "poster.en.pdf");
  EXPECT_EQ(loaded->documents[1].editions[1].document.meta.language, "en");
}

TEST(LoadAll, SelectsOneEdition) {
  TempProject p = repository_project();
  DiagnosticSink sink;
  auto loaded = load_all(p.options(), sink, Selection{"poster", "az"});
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->documents.size(), 1u);
  EXPECT_EQ(loaded->documents[0].spec.name, "poster");
  ASSERT_EQ(loaded->documents[0].editions.size(), 1u);
  EXPECT_EQ(loaded->documents[0].editions[0].lang, "az");
}

TEST(LoadAll, UnknownDocumentSuggestsTheNearestName) {
  TempProject p = repository_project();
  DiagnosticSink sink;
  EXPECT_FALSE(load_all(p.options(), sink, Selection{"boklet", ""}).has_value());
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "jan20.toml: error: the project has no document 'boklet' \xE2\x80\x94 did you mean "
                                 "'booklet'?"}));
}

TEST(LoadAll, PosterWithoutUrlIsAnErrorBecauseTheLayoutDrawsAQrCode) {
  TempProject p = repository_project();
  p.write("content/poster/az.toml", std::string(kContent).replace(std::string(kContent).find("{lang}"), 6, "az"));
  DiagnosticSink sink;
  EXPECT_FALSE(load_all(p.options(), sink, Selection{"poster", "az"}).has_value());
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "content/poster/az.toml:1:1: error: the layout draws a QR code ([masters.body]) but "
                                 "[meta] has no 'url' \xE2\x80\x94 add url = \"https://…\" for the code to link to"}));
}

// The repository itself: its layouts and every edition's content agree
// (styles, frames and masters the content names exist; languages match;
// no mixed-script words). This is what `jan20-pdf check` verifies.
TEST(RepositoryProject, LoadsWithoutDiagnostics) {
  DiagnosticSink sink;
  auto loaded = load_all(LoadOptions{jan20::testing::source_dir(), {}}, sink);
  ASSERT_TRUE(loaded.has_value()) << formatted(sink).front();
  EXPECT_TRUE(sink.diagnostics().empty()) << formatted(sink).front();
  ASSERT_EQ(loaded->documents.size(), 2u);
  for (const auto& doc : loaded->documents) {
    ASSERT_EQ(doc.editions.size(), 2u) << doc.spec.name;
    for (const auto& ed : doc.editions) {
      EXPECT_EQ(ed.document.meta.language, ed.lang);
      EXPECT_EQ(ed.document.meta.date, "2026-01-20");
      EXPECT_FALSE(ed.document.blocks.empty());
    }
  }
  // The poster's blocks reach the frames the poster layout places.
  for (const auto& ed : loaded->documents[1].editions) {
    std::vector<std::string> frames;
    for (const auto& b : ed.document.blocks) frames.push_back(b.frame);
    EXPECT_EQ(frames, (std::vector<std::string>{"headline", "date", "facts", "text", "text", "footer"})) << ed.lang;
    EXPECT_FALSE(ed.document.meta.url.empty());
  }
}

}  // namespace
}  // namespace jan20::load::test
