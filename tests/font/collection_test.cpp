// FontCollection: the manifest first, fontconfig only when needed, one face
// per file, errors at the layout's location with close names.
#include "font/collection.h"

#include <gtest/gtest.h>

#include <thread>

#include "support/test_support.h"

namespace jan20::font {
namespace {

model::FontManifest manifest() {
  model::FontManifest m;
  m.fonts.push_back({"Noto Serif", "Regular", "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", 0,
                     "fonts-noto-core", "OFL-1.1"});
  m.fonts.push_back({"Noto Serif", "Bold", "noto/NotoSerif-Bold.ttf", 0, "fonts-noto-core", "OFL-1.1"});
  m.fonts.push_back({"EB Garamond", "Regular", "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf", 0,
                     "fonts-ebgaramond", "OFL-1.1"});
  return m;
}

model::FontSpec spec(std::string family, std::string style = "Regular") {
  model::FontSpec s;
  s.family = std::move(family);
  s.style = std::move(style);
  s.where = {"layouts/booklet.toml", 12, 9};
  return s;
}

TEST(FontCollection, ResolvesFromTheManifestWithoutFontconfig) {
  // The root makes the manifest's relative path resolvable.
  FontCollection fonts("/usr/share/fonts/truetype", manifest());
  DiagnosticSink sink;
  const Face* regular = fonts.resolve(spec("Noto Serif"), sink);
  const Face* bold = fonts.resolve(spec("noto serif", "bold"), sink);
  ASSERT_TRUE(regular && bold) << (sink.diagnostics().empty() ? "" : format_diagnostic(sink.diagnostics()[0]));
  EXPECT_EQ(regular->path(), "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
  EXPECT_EQ(bold->path(), "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf");
  EXPECT_FALSE(fonts.fontconfig_used());
  EXPECT_FALSE(sink.has_errors());
}

TEST(FontCollection, LoadsEachFaceOnceAndDescribesItsResources) {
  FontCollection fonts("/usr/share/fonts/truetype", manifest());
  DiagnosticSink sink;
  const Face* a = fonts.resolve(spec("Noto Serif"), sink);
  model::FontSpec by_path;
  by_path.path = "noto/../noto/NotoSerif-Regular.ttf";  // same file, another spelling
  const Face* b = fonts.resolve(by_path, sink);
  const Face* c = fonts.resolve(spec("EB Garamond"), sink);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(a, b);
  EXPECT_EQ(fonts.face_count(), 2);
  EXPECT_EQ(a->id(), 0);
  EXPECT_EQ(c->id(), 1);
  EXPECT_EQ(fonts.face(1), c);
  EXPECT_EQ(fonts.face(2), nullptr);
  auto resources = fonts.resources();
  ASSERT_EQ(resources.size(), 2u);
  EXPECT_EQ(resources[0].postscript_name, "NotoSerif-Regular");
  EXPECT_EQ(resources[0].units_per_em, 1000);
  EXPECT_EQ(resources[1].path, "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf");
  EXPECT_EQ(resources[1].postscript_name, "EBGaramond12-Regular");
  EXPECT_TRUE(resources[1].subsetting_allowed);
  EXPECT_EQ(fonts.files(), (std::vector<std::string>{resources[0].path, resources[1].path}));
}

TEST(FontCollection, AsksFontconfigForAFamilyStyleNotInTheManifest) {
  FontCollection fonts("/", manifest());
  DiagnosticSink sink;
  const Face* bold = fonts.resolve(spec("EB Garamond", "Bold"), sink);
  ASSERT_TRUE(bold) << format_diagnostic(sink.diagnostics().at(0));
  EXPECT_TRUE(fonts.fontconfig_used());
  EXPECT_EQ(bold->postscript_name(), "EBGaramond12-Bold");
}

TEST(FontCollection, UnknownFamilyIsAnErrorAtTheSpecWithCloseNames) {
  FontCollection fonts("/", manifest());
  DiagnosticSink sink;
  EXPECT_EQ(fonts.resolve(spec("Noto Sarif"), sink), nullptr);
  ASSERT_EQ(sink.error_count(), 1);
  const Diagnostic& d = sink.diagnostics()[0];
  EXPECT_EQ(d.where.file, "layouts/booklet.toml");
  EXPECT_EQ(d.where.line, 12);
  EXPECT_EQ(d.where.column, 9);
  EXPECT_EQ(d.message, "font 'Noto Sarif' (Regular) not found");
  EXPECT_EQ(d.hint.rfind("installed families with a close name: Noto Serif", 0), 0u) << d.hint;
}

TEST(FontCollection, MissingStyleListsTheInstalledOnes) {
  FontCollection fonts("/", manifest());
  DiagnosticSink sink;
  EXPECT_EQ(fonts.resolve(spec("EB Garamond", "Black"), sink), nullptr);
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.diagnostics()[0].message, "font 'EB Garamond' has no style 'Black'");
  EXPECT_NE(sink.diagnostics()[0].hint.find("Bold"), std::string::npos) << sink.diagnostics()[0].hint;
}

TEST(FontCollection, ReportsABadFontFileAtTheSpec) {
  std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/fake.otf", "not a font");
  FontCollection fonts(dir, {});
  DiagnosticSink sink;
  model::FontSpec s;
  s.path = "fake.otf";
  s.where = {"layouts/poster.toml", 4, 1};
  EXPECT_EQ(fonts.resolve(s, sink), nullptr);
  ASSERT_EQ(sink.error_count(), 1);
  EXPECT_EQ(sink.diagnostics()[0].where.line, 4);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "font file: '" + dir + "/fake.otf' is not a font file (FreeType does not recognise its format)");
}

TEST(FontCollection, SharesFacesBetweenThreads) {
  FontCollection fonts("/usr/share/fonts/truetype", manifest());
  const Face* seen[4][3] = {};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      DiagnosticSink sink;
      seen[t][0] = fonts.resolve(spec("Noto Serif"), sink);
      seen[t][1] = fonts.resolve(spec("EB Garamond"), sink);
      seen[t][2] = fonts.resolve(spec("Noto Serif", "Bold"), sink);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(fonts.face_count(), 3);
  for (int t = 0; t < 4; ++t)
    for (int k = 0; k < 3; ++k) {
      ASSERT_NE(seen[t][k], nullptr);
      EXPECT_EQ(seen[t][k], seen[0][k]);
    }
}

TEST(FontCollection, LoadsByPathForTheShapeCommand) {
  FontCollection fonts("/usr/share/fonts", {});
  std::string error;
  const Face* f = fonts.load_path("opentype/ebgaramond/EBGaramond12-Italic.otf", 0, &error);
  ASSERT_TRUE(f) << error;
  EXPECT_EQ(f->postscript_name(), "EBGaramond12-Italic");
  EXPECT_EQ(fonts.load_path("opentype/ebgaramond/EBGaramond12-Italic.otf", 0, &error), f);
}

}  // namespace
}  // namespace jan20::font
