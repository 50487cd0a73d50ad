// The registration rule's boundaries (pdf/registration.h) on hand-made
// pages: which sizes, inks and backgrounds it reports, and how often.
#include <gtest/gtest.h>

#include "pdf/registration.h"

namespace jan20::pdf {
namespace {

model::GlyphRun run(double size, Color color, double x = 100, double y = 100) {
  model::GlyphRun r;
  r.size = size;
  r.color = color;
  r.x = x, r.y = y;
  r.glyphs.push_back({1, 500, 0, 0, 0, 0, 1});  // half an em wide
  return r;
}

model::Path box(double left, double top, double right, double bottom, Color fill) {
  model::Path p;
  using Op = model::PathSegment::Op;
  p.segments = {{Op::Move, left, top}, {Op::Line, right, top}, {Op::Line, right, bottom}, {Op::Line, left, bottom}, {Op::Close}};
  p.fill = fill;
  return p;
}

model::PagedDocument pages(std::vector<std::vector<model::PageItem>> items) {
  model::PagedDocument doc;
  doc.fonts.push_back({"/f.ttf", 0, "F", 1000, true});
  for (auto& page_items : items) {
    model::Page page;
    page.items = std::move(page_items);
    doc.pages.push_back(std::move(page));
  }
  return doc;
}

std::vector<Diagnostic> check(const model::PagedDocument& doc) {
  RegistrationSources sources;
  sources.text = [](const Color&, double size) {
    return LayoutSource{"style 's" + std::to_string(static_cast<int>(size * 10)) + "'", {"layout.toml", 7, 9}};
  };
  sources.fill = [](const Color&) { return LayoutSource{"colour 'bg'", {"layout.toml", 3, 8}}; };
  DiagnosticSink sink;
  check_registration(doc, sources, sink);
  return sink.diagnostics();
}

const Color kRed = Color::cmyk(0, 1, 0.85, 0.1);
const Color kRichBlack = Color::cmyk(0.6, 0.4, 0.4, 1);
const Color kPaper = Color::cmyk(0, 0, 0, 0);

TEST(Registration, InkCountIsTheNonZeroComponentsAsPrinted) {
  EXPECT_EQ(ink_count(Color::black_k()), 1);
  EXPECT_EQ(ink_count(Color::gray(0.35)), 1);   // gray 65: K alone
  EXPECT_EQ(ink_count(Color::cmyk(0, 0.4, 0, 0)), 1);  // a tint of one ink
  EXPECT_EQ(ink_count(kRed), 3);
  EXPECT_EQ(ink_count(kRichBlack), 4);
  EXPECT_EQ(ink_count(kPaper), 0);
  EXPECT_EQ(ink_count(Color::rgb(1, 0, 0)), 2);  // M + Y
}

TEST(Registration, SmallTextInSeveralInksIsAWarningAtItsStyleWithItsPages) {
  auto d = check(pages({{run(9, kRed)}, {run(10.5, Color::black_k())}, {run(9, kRed), run(9, kRed)}}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::Warning);
  EXPECT_EQ(d[0].where.file, "layout.toml");
  EXPECT_EQ(d[0].where.line, 7);
  EXPECT_EQ(d[0].message.rfind("pages 1, 3: style 's90' sets 9 pt text in 3 inks (C 0 M 100 Y 85 K 10)", 0), 0u)
      << d[0].message;
  EXPECT_NE(d[0].hint.find("one-ink colour"), std::string::npos);
}

TEST(Registration, TwelvePointsOrOneInkOrGrayPass) {
  EXPECT_TRUE(check(pages({{run(12, kRed), run(36, kRed), run(8, Color::gray(0.35)),
                             run(8, Color::cmyk(0, 1, 0, 0))}})).empty());
  EXPECT_EQ(check(pages({{run(11.99, kRed)}})).size(), 1u);
}

TEST(Registration, ReversedTextUnder24PointsNeedsAOneInkBackground) {
  // Paper text on a rich-black page: 16 pt is reported, 24 pt is not.
  auto d = check(pages({{box(0, 0, 400, 600, kRichBlack), run(16, kPaper), run(24, kPaper)}}));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("sets 16 pt text reversed out of colour 'bg' (layout.toml:3:8), a background in 4 inks"),
            std::string::npos)
      << d[0].message;
  // On a K-only background, or beside (not on) the rich black: nothing.
  EXPECT_TRUE(check(pages({{box(0, 0, 400, 600, Color::black_k()), run(11, kPaper)}})).empty());
  EXPECT_TRUE(check(pages({{box(0, 0, 50, 50, kRichBlack), run(11, kPaper)}})).empty());
  // Painted after the text, the shape is not its background.
  EXPECT_TRUE(check(pages({{run(11, kPaper), box(0, 0, 400, 600, kRichBlack)}})).empty());
  // Black text on a light several-ink tint is not reversed.
  EXPECT_TRUE(check(pages({{box(0, 0, 400, 600, Color::cmyk(0.1, 0.1, 0, 0)), run(11, Color::black_k())}})).empty());
}

}  // namespace
}  // namespace jan20::pdf
