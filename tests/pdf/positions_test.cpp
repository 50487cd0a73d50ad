// Glyphs land exactly where HarfBuzz put them: kerning, mark offsets (x and
// y) and justification extras, read back from the PDF with MuPDF's
// structured text (per character) and poppler's word boxes.
#include <gtest/gtest.h>

#include <regex>

#include "pdf_fixture.h"
#include "support/test_support.h"

namespace jan20::testing {
namespace {

constexpr double kTolerance = 0.01;  // pt
constexpr double kBleed = 8.5;       // a5_document(): MediaBox starts 8.5 pt before the trim box

// Where each glyph of `run` must be drawn, in MediaBox coordinates (y down).
std::vector<std::pair<double, double>> harfbuzz_origins(const model::GlyphRun& run, int upem) {
  std::vector<std::pair<double, double>> out;
  double pen = run.x;
  for (const model::Glyph& g : run.glyphs) {
    out.push_back({kBleed + pen + g.x_offset * run.size / upem, kBleed + run.y - g.y_offset * run.size / upem});
    pen += g.x_advance * run.size / upem + g.extra;
  }
  return out;
}

TEST(GlyphPositions, KerningMarksAndExtrasMatchHarfBuzz) {
  model::PagedDocument doc = a5_document();
  // "AVAT": kerned pairs; "ə̃́": a tilde offset sideways and an acute stacked
  // above it (y offset); the space gets 3 pt of justification.
  model::GlyphRun run = shape_run(kNotoSerif, 0, "AVAT To ə̃́ Wa", 15.5, 37.25, 101.5);
  ASSERT_EQ(run.glyphs.size(), 14u);
  ASSERT_NE(run.glyphs[0].x_advance, shape_run(kNotoSerif, 0, "A", 15.5, 0, 0).glyphs[0].x_advance)
      << "precondition: A is kerned against V";
  ASSERT_NE(run.glyphs[10].y_offset, 0) << "precondition: the acute is raised";
  model::Glyph space = run.glyphs[4];
  space.extra = 3;
  run.glyphs.set(4, space);
  doc.pages[0].items.push_back(run);
  DiagnosticSink sink;
  std::string pdf = render(doc, sink);
  ASSERT_FALSE(pdf.empty());

  std::vector<StextChar> chars = stext_chars(pdf);
  auto expected = harfbuzz_origins(run, doc.fonts[0].units_per_em);
  // MuPDF reports one character per glyph here (no ligatures), spaces included.
  ASSERT_EQ(chars.size(), run.glyphs.size());
  for (size_t i = 0; i < chars.size(); ++i) {
    EXPECT_NEAR(chars[i].x, expected[i].first, kTolerance) << i << " '" << chars[i].c << "'";
    EXPECT_NEAR(chars[i].y, expected[i].second, kTolerance) << i << " '" << chars[i].c << "'";
  }

  // poppler agrees on where each word starts.
  std::string bbox = pdftotext(pdf, {"-bbox"});
  static const std::regex kWord(R"re(<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)</word>)re");
  std::vector<double> starts;
  for (auto it = std::sregex_iterator(bbox.begin(), bbox.end(), kWord); it != std::sregex_iterator(); ++it)
    starts.push_back(std::stod((*it)[1]));
  ASSERT_EQ(starts.size(), 4u) << bbox;
  EXPECT_NEAR(starts[0], expected[0].first, kTolerance);
  EXPECT_NEAR(starts[1], expected[5].first, kTolerance);   // "To", after the 3 pt extra
  EXPECT_NEAR(starts[3], expected[12].first, kTolerance);  // "Wa"
}

TEST(GlyphPositions, RightToLeftRunKeepsItsVisualPositions) {
  model::PagedDocument doc = a5_document();
  model::GlyphRun run = shape_run(kNotoNaskh, 1, "آذربایجان", 20, 50, 80, {"az-Arab", true});
  doc.pages[0].items.push_back(run);
  DiagnosticSink sink;
  std::string pdf = render(doc, sink);
  ASSERT_FALSE(pdf.empty());
  std::vector<StextChar> chars = stext_chars(pdf);
  auto expected = harfbuzz_origins(run, doc.fonts[1].units_per_em);
  // Written in logical order: MuPDF lists the glyphs right to left.
  ASSERT_EQ(chars.size(), run.glyphs.size());
  for (size_t k = 0; k < chars.size(); ++k) {
    size_t visual = run.glyphs.size() - 1 - k;
    EXPECT_NEAR(chars[k].x, expected[visual].first, kTolerance) << k;
    EXPECT_NEAR(chars[k].y, expected[visual].second, kTolerance) << k;
  }
}

}  // namespace
}  // namespace jan20::testing
