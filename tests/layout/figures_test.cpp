// Figures typeset in memory: raster images sized from the header the loader
// read (no file is opened here), ornaments drawn as paths, captions, and
// figures that wait for the next page while the text goes on.
#include <algorithm>

#include "layout_fixture.h"

namespace jan20::layout::testing {
namespace {

using Figures = LayoutTest;

TEST_F(Figures, AWideImageTakesTheMeasureAndKeepsItsProportions) {
  Laid laid = lay_out(document({figure(800, 400)}), small_booklet(false));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  std::vector<const model::Image*> images = items_of<model::Image>(laid.doc.pages.at(0));
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0]->width, kMeasure, 1e-6);
  EXPECT_NEAR(images[0]->height, kMeasure / 2, 1e-6);
  EXPECT_NEAR(images[0]->x, kMarginInner, 1e-6);
  EXPECT_GE(images[0]->y, kMarginTop);
  EXPECT_EQ(images[0]->pixel_width, 800);
  EXPECT_EQ(images[0]->pixel_height, 400);
  EXPECT_EQ(images[0]->path, "/nonexistent/images/memorial.png");
  EXPECT_EQ(images[0]->color, model::ImageColor::Rgb);
}

TEST_F(Figures, ATallImageIsCappedAtSixTenthsOfTheColumnAndCentred) {
  Laid laid = lay_out(document({figure(100, 1000)}), small_booklet(false));
  std::vector<const model::Image*> images = items_of<model::Image>(laid.doc.pages.at(0));
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0]->height, 0.6 * kColumnHeight, 1e-6);
  EXPECT_NEAR(images[0]->width, 0.6 * kColumnHeight / 10, 1e-6);
  EXPECT_NEAR(images[0]->x + images[0]->width / 2, kMarginInner + kMeasure / 2, 1e-6);
}

TEST_F(Figures, TheCaptionAndCreditSitBelowTheImage) {
  Laid laid = lay_out(document({figure(800, 400, "Şəhidlər Xiyabanı", "Foto: arxiv")}), small_booklet(false));
  std::vector<const model::Image*> images = items_of<model::Image>(laid.doc.pages.at(0));
  ASSERT_EQ(images.size(), 1u);
  std::vector<RunOnPage> caption = runs_with(laid, "Şəhidlər"), credit = runs_with(laid, "Foto: arxiv");
  ASSERT_EQ(caption.size(), 1u);
  ASSERT_EQ(credit.size(), 1u);
  EXPECT_GT(caption[0].run->y, images[0]->y + images[0]->height);
  EXPECT_DOUBLE_EQ(caption[0].run->size, 8);
  EXPECT_NEAR(caption[0].run->x, kMarginInner, 0.01);
  // The credit follows in the caption style's emphasis font.
  EXPECT_NE(laid.doc.fonts.at(static_cast<size_t>(credit[0].run->font)).path.find("Italic"), std::string::npos);
  // Tagged: a Div holding the Figure (with its alt) and the Caption beside it.
  ASSERT_GE(images[0]->tag, 0);
  const model::Tag& fig = laid.doc.tags.at(static_cast<size_t>(images[0]->tag));
  EXPECT_EQ(fig.role, "Figure");
  EXPECT_EQ(fig.alt, "A memorial");
  const model::Tag& div = laid.doc.tags.at(static_cast<size_t>(fig.parent));
  EXPECT_EQ(div.role, "Div");
  ASSERT_GE(caption[0].run->tag, 0);
  EXPECT_EQ(laid.doc.tags.at(static_cast<size_t>(caption[0].run->tag)).role, "Caption");
  EXPECT_EQ(laid.doc.tags.at(static_cast<size_t>(caption[0].run->tag)).parent, fig.parent);
}

TEST_F(Figures, AFigureThatDoesNotFitWaitsForTheNextPageWhileTheTextGoesOn) {
  // 15 lines of text leave 60 pt: the 80 pt image does not fit there; the
  // paragraph after it fills the page first.
  std::vector<model::Block> blocks;
  for (int i = 1; i <= 15; ++i) blocks.push_back(paragraph("(" + std::to_string(i) + ") Bakı."));
  blocks.push_back(figure(800, 400));
  blocks.push_back(paragraph("(after) Hər il."));
  Laid laid = lay_out(document(blocks), small_booklet(false));
  ASSERT_EQ(laid.doc.pages.size(), 2u);
  ASSERT_TRUE(items_of<model::Image>(laid.doc.pages[0]).empty());
  std::vector<const model::Image*> images = items_of<model::Image>(laid.doc.pages[1]);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_NEAR(images[0]->y, kMarginTop, 1e-6) << "at the top of the next page";
  EXPECT_EQ(page_of(laid, "(after)"), 0);
}

TEST_F(Figures, AnImageWithoutPixelsIsAnErrorAtTheBlock) {
  model::Block broken = figure(0, 400);
  broken.where = {"mem.toml", 7, 3};
  Laid laid = lay_out(document({broken}), small_booklet(false));
  ASSERT_TRUE(laid.sink.has_errors());
  const Diagnostic& d = laid.sink.diagnostics().front();
  EXPECT_EQ(d.where.line, 7);
  EXPECT_EQ(d.where.column, 3);
  EXPECT_NE(d.message.find("images/memorial.png"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("0x400"), std::string::npos) << d.message;
  EXPECT_TRUE(items_of<model::Image>(laid.doc.pages.at(0)).empty());
}

TEST_F(Figures, AnOrnamentFigureIsDrawnAsTaggedPaths) {
  Laid laid = lay_out(document({ornament_figure("ribbon", "A mourning ribbon")}), small_booklet(false));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  std::vector<const model::Path*> paths = items_of<model::Path>(laid.doc.pages.at(0));
  ASSERT_FALSE(paths.empty());
  ASSERT_TRUE(items_of<model::Image>(laid.doc.pages[0]).empty());
  double top = 1e9, bottom = 0;
  for (const model::Path* path : paths) {
    ASSERT_GE(path->tag, 0);
    EXPECT_EQ(laid.doc.tags.at(static_cast<size_t>(path->tag)).alt, "A mourning ribbon");
    for (const model::PathSegment& s : path->segments) {
      EXPECT_GE(s.x1, kMarginInner - 0.01);
      EXPECT_LE(s.x1, kMarginInner + kMeasure + 0.01);
      if (s.op == model::PathSegment::Op::Close) continue;
      top = std::min(top, s.y1);
      bottom = std::max(bottom, s.y1);
    }
  }
  // Drawn inside a box 0.62 of the measure high (at most 0.45 of the
  // column), in the text area.
  EXPECT_GE(top, kMarginTop);
  EXPECT_LE(bottom - top, std::min(0.62 * kMeasure, 0.45 * kColumnHeight) + 0.01);
  EXPECT_GT(bottom - top, 0.3 * kMeasure);
}

}  // namespace
}  // namespace jan20::layout::testing
