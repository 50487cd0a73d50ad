// `jan20-pdf shape` as a function: hb-shape's line format and --explain.
#include "text/shape_tool.h"

#include <gtest/gtest.h>

#include "patched_font.h"

namespace jan20::text {
namespace {

model::FontManifest manifest() {
  model::FontManifest m;
  m.fonts.push_back({"Noto Serif", "Regular", testing::kNotoSerif, 0, "fonts-noto-core", "OFL-1.1"});
  m.fonts.push_back({"EB Garamond", "Regular", testing::kGaramond, 0, "fonts-ebgaramond", "OFL-1.1"});
  return m;
}

struct ToolRun {
  int code = -1;
  std::string out, err;
};

ToolRun run_tool(ShapeToolOptions o) {
  font::FontCollection fonts("/", manifest());
  ToolRun r;
  r.code = run_shape_tool(o, fonts, &r.out, &r.err);
  return r;
}

ShapeToolOptions options(std::string font, std::string text, std::string lang = "az") {
  ShapeToolOptions o;
  o.font = std::move(font);
  o.text = std::move(text);
  o.lang = std::move(lang);
  return o;
}

TEST(ShapeTool, PrintsKerningInTheAdvance) {
  // Noto Serif's A is 705 units wide; the A–V kern takes 80 off.
  ToolRun r = run_tool(options("Noto Serif", "AV"));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "[A=0+625|V=1+675]\n");
  ShapeToolOptions no_kern = options("Noto Serif", "AV");
  no_kern.features = {"kern=0"};
  EXPECT_EQ(run_tool(no_kern).out, "[A=0+705|V=1+675]\n");
}

TEST(ShapeTool, PrintsACombiningMarksOffset) {
  // ə has no precomposed form with an acute: the mark is positioned by GPOS.
  ToolRun r = run_tool(options("Noto Serif", "ə\u0301"));
  EXPECT_EQ(r.out, "[uni0259=0+535|acutecomb=0@-22,0+0]\n");
}

TEST(ShapeTool, PrintsWhatThePdfWillShowWithTheGuardApplied) {
  EXPECT_EQ(run_tool(options("Noto Serif", "fikir", "az")).out, "[f=0+369|i=1+320|k=2+585|i=3+320|r=4+471]\n");
  EXPECT_EQ(run_tool(options("Noto Serif", "fikir", "en")).out, "[fi=0+663|k=2+585|i=3+320|r=4+471]\n");
}

TEST(ShapeTool, NormalizesTheTextFirst) {
  EXPECT_EQ(run_tool(options("Noto Serif", "s\u0327")).out, run_tool(options("Noto Serif", "ş")).out);
}

TEST(ShapeTool, ExplainsFontLanguageSystemFeaturesAndGuard) {
  ShapeToolOptions o = options("Noto Serif", "fikir");
  o.explain = true;
  ToolRun r = run_tool(o);
  EXPECT_EQ(r.out,
            "[f=0+369|i=1+320|k=2+585|i=3+320|r=4+471]\n"
            "font: " + testing::kNotoSerif + " (face 0, NotoSerif-Regular)\n"
            "language: az, script: Latn, direction: ltr\n"
            "language system: latn/dflt (the font has no language system for 'az')\n"
            "features: kern liga -liga[1] -clig[1] -dlig[1] -hlig[1]\n"
            "dotted-i guard: ligature over 'fi' at bytes 0-2 split\n");
  ShapeToolOptions g = options(testing::kGaramond, "fikir");
  g.explain = true;
  g.features = {"smcp,onum"};
  ToolRun rg = run_tool(g);
  EXPECT_NE(rg.out.find("language system: latn/AZE\n"), std::string::npos) << rg.out;
  EXPECT_NE(rg.out.find("features: kern liga smcp onum\n"), std::string::npos) << rg.out;
  EXPECT_NE(rg.out.find("dotted-i guard: nothing to do\n"), std::string::npos) << rg.out;
}

TEST(ShapeTool, ShapesRightToLeftScripts) {
  ShapeToolOptions o = options(testing::kNotoNaskh, "شهید", "az-Arab");
  o.explain = true;
  ToolRun r = run_tool(o);
  // Glyphs in visual order, so clusters descend; joining forms (FExx, FBFF).
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "[uniFEAA=6+474|uniFBFF=4+360|uniFEEC=2+381|uniFEB7=0+658]");
  EXPECT_NE(r.out.find("language: az-Arab, script: Arab, direction: rtl\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dotted-i guard: nothing to do\n"), std::string::npos) << r.out;
}

TEST(ShapeTool, ReportsBadInput) {
  ToolRun unknown = run_tool(options("Noto Sarif", "x"));
  EXPECT_EQ(unknown.code, 1);
  EXPECT_EQ(unknown.err.rfind("shape: font 'Noto Sarif' (Regular) not found \xE2\x80\x94 installed families with a close name: Noto Serif", 0), 0u)
      << unknown.err;
  ShapeToolOptions bad = options("Noto Serif", "x");
  bad.features = {"smcp,=1"};
  ToolRun rb = run_tool(bad);
  EXPECT_EQ(rb.code, 1);
  EXPECT_EQ(rb.err, "shape: '=1' is not an OpenType feature setting \xE2\x80\x94 write e.g. smcp, -liga, kern=0\n");
  ShapeToolOptions script = options("Noto Serif", "x");
  script.script = "Latin";
  EXPECT_EQ(run_tool(script).code, 1);
  EXPECT_EQ(run_tool(options("/nonexistent.ttf", "x")).err, "shape: cannot read '/nonexistent.ttf'\n");
}

}  // namespace
}  // namespace jan20::text
