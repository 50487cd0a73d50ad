// load_design on the repository's layouts and on small layouts written here.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.h"
#include "load_test_util.h"

namespace jan20::load::test {
namespace {

TempProject with_repository_layouts() {
  TempProject p;
  for (const char* f : {"booklet.toml", "poster.toml", "hyphenation-az.txt"})
    p.write(std::string("layouts/") + f, jan20::testing::read_file(jan20::testing::source_dir() + "/layouts/" + f));
  return p;
}

// A valid layout with `extra` appended (more keys for [styles.body] first).
std::string layout(const std::string& body_keys = "", const std::string& extra = "") {
  return "[page]\nsize = \"A5\"\n\n[fonts.serif]\nfamily = \"Noto Serif\"\n\n[styles.body]\nfont = \"serif\"\n" +
         body_keys + "\n[masters.body]\n" + extra;
}

std::optional<model::Design> load(const TempProject& p, DiagnosticSink& sink, const std::string& text) {
  p.write("layouts/t.toml", text);
  return load_design("layouts/t.toml", p.options(), sink);
}

TEST(BookletLayout, LoadsWithoutDiagnostics) {
  TempProject p = with_repository_layouts();
  DiagnosticSink sink;
  auto d = load_design("layouts/booklet.toml", p.options(), sink);
  ASSERT_TRUE(d.has_value()) << formatted(sink).front();
  EXPECT_TRUE(sink.diagnostics().empty()) << formatted(sink).front();
  EXPECT_NEAR(d->page_width, mm_to_pt(148), 1e-9);
  EXPECT_NEAR(d->page_height, mm_to_pt(210), 1e-9);
  EXPECT_NEAR(d->margin_inner, mm_to_pt(18), 1e-9);
  EXPECT_NEAR(d->margin_outer, mm_to_pt(14), 1e-9);
  EXPECT_NEAR(d->margin_top, mm_to_pt(16), 1e-9);
  EXPECT_NEAR(d->margin_bottom, mm_to_pt(20), 1e-9);
  EXPECT_TRUE(d->facing);
  EXPECT_NEAR(d->bleed, mm_to_pt(3), 1e-9);
  EXPECT_EQ(d->page_multiple, 4);
  EXPECT_EQ(d->widows, 2);
  EXPECT_EQ(d->orphans, 2);
  EXPECT_EQ(d->hyphenation_file, "layouts/hyphenation-az.txt");
  EXPECT_EQ(d->hyphenation_exceptions, (std::vector<std::string>{"xal-qı-mı-zın"}));

  const model::ParagraphStyle& body = d->styles.at("body");
  EXPECT_EQ(body.font, "serif");
  EXPECT_EQ(body.size, 10.5);
  EXPECT_EQ(body.leading, 13);
  EXPECT_EQ(body.align, model::Align::Justify);
  EXPECT_TRUE(body.hyphenate);
  EXPECT_EQ(body.color, "text");
  EXPECT_EQ(body.emphasis_font, "serif-italic");
  const model::ParagraphStyle& h1 = d->styles.at("h1");
  EXPECT_EQ(h1.font, "sans-bold");
  EXPECT_EQ(h1.transform, model::CaseTransform::Upper);
  EXPECT_TRUE(h1.keep_with_next);
  EXPECT_EQ(d->fonts.at("sans-bold").family, "Noto Sans");
  EXPECT_EQ(d->fonts.at("sans-bold").style, "Bold");
  EXPECT_EQ(d->fonts.at("arabic").family, "Noto Naskh Arabic");
  // Every font falls back, in the end, to the Arabic face for Perso-Arabic.
  for (const auto& [name, font] : d->fonts)
    if (name != "arabic") {
      EXPECT_EQ(font.fallback.back(), "arabic") << name;
    }
  EXPECT_EQ(d->colors.at("text"), Color::cmyk(0, 0, 0, 1));
  EXPECT_EQ(d->colors.at("mourning"), Color::cmyk(0, 1, 0.85, 0.3));

  const model::MasterPage& cover = d->masters.at("cover");
  EXPECT_EQ(cover.background, "cover-dark");
  EXPECT_FALSE(cover.numbered);
  // The cover's emblem is the content's carnation figure: no master ornament
  // to collide with it.
  EXPECT_TRUE(cover.ornaments.empty());
  const model::MasterPage& body_master = d->masters.at("body");
  EXPECT_EQ(body_master.footer, "{page}");
  EXPECT_EQ(body_master.header, "{title} · {section}");
  EXPECT_EQ(body_master.header_style, "running-header");
  EXPECT_TRUE(d->masters.count("back"));
}

TEST(BookletLayout, DefinesEveryStyleTheLayoutStageAsksFor) {
  TempProject p = with_repository_layouts();
  DiagnosticSink sink;
  auto d = load_design("layouts/booklet.toml", p.options(), sink);
  ASSERT_TRUE(d.has_value());
  for (const char* name : {"body", "lead", "h1", "h2", "h3", "quote", "attribution", "caption", "list",
                           "fact-value", "fact-label", "timeline-date", "timeline-event", "toc-1", "toc-2",
                           "colophon", "names", "names-header", "running-header", "folio", "cover-h1", "cover-body",
                           "back-h1", "back-body", "subtitle", "dedication"})
    EXPECT_TRUE(d->styles.count(name)) << name;
  for (const char* name : {"text", "mourning", "accent", "rule", "paper", "flag-blue", "flag-red", "flag-green"})
    EXPECT_TRUE(d->colors.count(name)) << name;
}

TEST(PosterLayout, LoadsWithItsFramesAndOrnaments) {
  TempProject p = with_repository_layouts();
  DiagnosticSink sink;
  auto d = load_design("layouts/poster.toml", p.options(), sink);
  ASSERT_TRUE(d.has_value()) << formatted(sink).front();
  EXPECT_TRUE(sink.diagnostics().empty()) << formatted(sink).front();
  EXPECT_NEAR(d->page_width, mm_to_pt(420), 1e-9);
  EXPECT_NEAR(d->page_height, mm_to_pt(594), 1e-9);
  EXPECT_NEAR(d->bleed, mm_to_pt(3), 1e-9);
  ASSERT_EQ(d->masters.size(), 1u);
  const model::MasterPage& m = d->masters.at("body");
  std::vector<std::string> frames;
  for (const auto& f : m.frames) frames.push_back(f.name);
  EXPECT_EQ(frames, (std::vector<std::string>{"headline", "date", "facts", "text", "footer"}));
  EXPECT_EQ(m.frames[0].fit, model::FitMode::Fill);
  EXPECT_EQ(m.frames[0].align_vertical, "bottom");
  EXPECT_EQ(m.frames[1].style, "date");
  EXPECT_EQ(m.frames[2].fit, model::FitMode::Shrink);
  EXPECT_EQ(m.frames[3].columns, 2);
  EXPECT_NEAR(m.frames[3].gutter, mm_to_pt(12), 1e-9);
  EXPECT_EQ(m.frames[3].follows, "facts");  // the text takes the space the figures leave
  EXPECT_NEAR(m.frames[3].gap, mm_to_pt(14), 1e-9);
  EXPECT_TRUE(m.frames[3].balance);
  std::vector<std::string> kinds;
  for (const auto& o : m.ornaments) kinds.push_back(o.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"box", "flag", "ribbon", "qr"}));
  EXPECT_NEAR(m.ornaments[0].x, -mm_to_pt(3), 1e-9);  // the band runs into the bleed
}

TEST(LoadDesign, BasedOnInheritsAndScalesTheLeading) {
  TempProject p;
  DiagnosticSink sink;
  auto d = load(p, sink,
                layout("size = \"10pt\"\nleading = \"14pt\"\ncolor = \"ink\"\nalign = \"left\"\n",
                       "\n[colors.ink]\ngray = 90\n\n[styles.big]\nbased-on = \"body\"\nsize = \"20pt\"\n\n"
                       "[styles.same]\nbased-on = \"big\"\nindent = \"2mm\"\n"));
  ASSERT_TRUE(d.has_value()) << formatted(sink).front();
  const auto& big = d->styles.at("big");
  EXPECT_EQ(big.font, "serif");
  EXPECT_EQ(big.color, "ink");
  EXPECT_EQ(big.align, model::Align::Left);
  EXPECT_DOUBLE_EQ(big.size, 20);
  EXPECT_DOUBLE_EQ(big.leading, 28);  // body's 1.4 ratio
  const auto& same = d->styles.at("same");
  EXPECT_DOUBLE_EQ(same.leading, 28);  // inherited as is: the size did not change
  EXPECT_NEAR(same.indent, mm_to_pt(2), 1e-9);
  EXPECT_EQ(d->colors.at("ink"), Color::gray(0.1));  // 90 % black
}

TEST(LoadDesign, DefaultsWhenSectionsAreAbsent) {
  TempProject p;
  DiagnosticSink sink;
  auto d = load(p, sink, layout());
  ASSERT_TRUE(d.has_value()) << formatted(sink).front();
  EXPECT_EQ(d->hyphen_min_word, 5);
  EXPECT_EQ(d->columns, 1);
  EXPECT_NEAR(d->bleed, mm_to_pt(3), 1e-9);
  EXPECT_NEAR(d->margin_top, mm_to_pt(15), 1e-9);
  EXPECT_EQ(d->colors.at("text"), Color::black_k());  // defined for styles' default colour
  EXPECT_DOUBLE_EQ(d->styles.at("body").leading, 10.5 * 1.2);
}

TEST(LoadDesign, MarginShorthandAndLandscape) {
  TempProject p;
  DiagnosticSink sink;
  std::string text = layout();
  text.replace(text.find("size = \"A5\""), 11, "size = \"A4\"\norientation = \"landscape\"\nmargins = \"1in\"");
  auto d = load(p, sink, text);
  ASSERT_TRUE(d.has_value()) << formatted(sink).front();
  EXPECT_NEAR(d->page_width, mm_to_pt(297), 1e-9);
  EXPECT_NEAR(d->page_height, mm_to_pt(210), 1e-9);
  EXPECT_DOUBLE_EQ(d->margin_inner, 72);
  EXPECT_DOUBLE_EQ(d->margin_bottom, 72);
}

TEST(LoadDesign, RgbColour) {
  TempProject p;
  DiagnosticSink sink;
  auto d = load(p, sink, layout("", "\n[colors.red]\nrgb = \"#c8102E\"\n"));
  ASSERT_TRUE(d.has_value()) << formatted(sink).front();
  EXPECT_EQ(d->colors.at("red"), Color::rgb(200 / 255.0, 16 / 255.0, 46 / 255.0));
}

TEST(LoadDesign, ContentsLeaderIsOneVisibleCharacter) {
  TempProject p;
  DiagnosticSink sink;
  auto d = load(p, sink, layout("leader = \".\"\n"));
  ASSERT_TRUE(d.has_value()) << formatted(sink).front();
  EXPECT_EQ(d->styles.at("body").leader, ".");
  DiagnosticSink bad;
  EXPECT_FALSE(load(p, bad, layout("leader = \". \"\n")).has_value());
  EXPECT_EQ(formatted(bad), (std::vector<std::string>{
                                "layouts/t.toml:9:10: error: 'styles.body.leader' must be one visible character: "
                                "\". \" \xE2\x80\x94 write leader = \".\" for dot leaders, or leave the key out for none"}));
}

TEST(LoadDesign, UnknownKeyWithoutCloseMatchListsTheValidKeys) {
  TempProject p;
  DiagnosticSink sink;
  auto d = load(p, sink, layout("", "\n[flow]\nkeep-together = true\n"));
  EXPECT_FALSE(d.has_value());
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "layouts/t.toml:13:1: error: unknown key 'keep-together' in [flow] \xE2\x80\x94 valid "
                                 "keys: 'widows', 'orphans', 'baseline-grid', 'sections', "
                                 "'section-space'"}));
}

TEST(LoadDesign, ReportsAllProblemsOfTheFileInOneRun) {
  TempProject p;
  DiagnosticSink sink;
  auto d = load(p, sink,
                layout("size = 9\nleading = \"12px\"\nalign = \"full\"\ncolor = \"txt\"\nemphasis-font = \"italic\"\n",
                       "footer = \"{folio}\"\nfooter-style = \"foot\"\n"));
  EXPECT_FALSE(d.has_value());
  std::vector<std::string> want = {
      "layouts/t.toml:9:8: error: 'styles.body.size' must be a length like \"10.5pt\", found integer 9 \xE2\x80\x94 "
      "write it with a unit, in quotes: \"9pt\" or \"9mm\"",
      "layouts/t.toml:10:11: error: 'styles.body.leading' is not a valid length: \"12px\" \xE2\x80\x94 unknown unit "
      "'px': use pt, mm, cm or in",
      "layouts/t.toml:11:9: error: 'styles.body.align' must be one of \"justify\", \"left\", \"right\", \"center\", "
      "found \"full\"",
      "layouts/t.toml:16:10: error: 'masters.body.footer' has unknown placeholder '{folio}' \xE2\x80\x94 use {page}, "
      "{title} or {section}",
      "layouts/t.toml:12:9: error: 'styles.body.color' names unknown colour 'txt' \xE2\x80\x94 did you mean 'text'?",
      "layouts/t.toml:13:17: error: 'styles.body.emphasis-font' names unknown font 'italic' \xE2\x80\x94 define it as "
      "[fonts.italic] or use one of 'serif'",
      "layouts/t.toml:17:16: error: 'masters.body.footer-style' names unknown style 'foot' \xE2\x80\x94 define it as "
      "[styles.foot] or use one of 'body'",
  };
  EXPECT_EQ(formatted(sink), want);
}

TEST(LoadDesign, OrnamentMayUseTheBleedButNotBeyond) {
  TempProject p;
  DiagnosticSink sink;
  auto ok = load(p, sink, layout("", "[[masters.body.ornaments]]\nkind = \"box\"\nx = \"-3mm\"\ny = \"-3mm\"\n"
                                     "width = \"154mm\"\nheight = \"20mm\"\n"));
  EXPECT_TRUE(ok.has_value()) << formatted(sink).front();
  DiagnosticSink sink2;
  auto bad = load(p, sink2, layout("", "[[masters.body.ornaments]]\nkind = \"box\"\nx = \"-4mm\"\n"
                                       "width = \"20mm\"\nheight = \"20mm\"\n"));
  EXPECT_FALSE(bad.has_value());
  EXPECT_EQ(formatted(sink2),
            (std::vector<std::string>{"layouts/t.toml:11:1: error: the box ornament (-4mm, 0mm, 20mm × 20mm) reaches "
                                      "beyond the bleed of a 148mm × 210mm page \xE2\x80\x94 keep x, y, width and "
                                      "height within the page plus 3mm of bleed"}));
}

TEST(LoadDesign, HyphenationFileIsCheckedLineByLine) {
  TempProject p;
  p.write("layouts/h.txt", "# comment\n\n  Azər-bay-can\nbir iki\n-xal\n");
  DiagnosticSink sink;
  auto d = load(p, sink, layout("", "\n[hyphenation]\nfile = \"layouts/h.txt\"\n"));
  EXPECT_FALSE(d.has_value());
  EXPECT_EQ(formatted(sink),
            (std::vector<std::string>{
                "layouts/h.txt:4:1: error: one word per line in a hyphenation file, found \"bir iki\" \xE2\x80\x94 put "
                "each word on its own line",
                "layouts/h.txt:5:1: error: \"-xal\" is not a hyphenation exception: it starts or ends with '-' "
                "\xE2\x80\x94 write the word with '-' at its break points: xal-qı-mı-zın"}));
}

}  // namespace
}  // namespace jan20::load::test
