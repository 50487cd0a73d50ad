// Text blocks typeset in memory: paragraphs, headings, quotes, lists and
// forced page breaks, read back from the pages' glyph runs.
#include <algorithm>

#include "layout_fixture.h"

namespace jan20::layout::testing {
namespace {

using Blocks = LayoutTest;

TEST_F(Blocks, AnEmptyDocumentIsOnePage) {
  Laid laid = lay_out(document({}), small_booklet(/*with_cover=*/false));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  ASSERT_EQ(laid.doc.pages.size(), 1u);
  EXPECT_TRUE(page_text(laid.doc.pages[0]).empty());
  EXPECT_DOUBLE_EQ(laid.doc.pages[0].width, kPageWidth);
  EXPECT_DOUBLE_EQ(laid.doc.pages[0].height, kPageHeight);
}

TEST_F(Blocks, LinesOfAParagraphDescendByItsLeading) {
  Laid laid = lay_out(document({paragraph(sentence(1, 60))}), small_booklet(false));
  ASSERT_EQ(laid.doc.pages.size(), 1u);
  std::vector<double> ys = baselines(laid.doc.pages[0]);
  ASSERT_GE(ys.size(), 4u) << page_text(laid.doc.pages[0]);
  for (size_t i = 1; i < ys.size(); ++i) EXPECT_NEAR(ys[i] - ys[i - 1], kBodyLeading, 1e-6);
  // The first line sits in the first line box of the text area.
  EXPECT_GT(ys.front(), kMarginTop);
  EXPECT_LT(ys.front(), kMarginTop + kBodyLeading);
}

TEST_F(Blocks, TextStaysInsideTheTextArea) {
  Laid laid = lay_out(document(paragraphs(1, 30, 25)), small_booklet(false));
  ASSERT_GE(laid.doc.pages.size(), 3u);
  int checked = 0;
  for (size_t p = 0; p < laid.doc.pages.size(); ++p) {
    // Facing pages: recto (even index) has the inner margin on the left;
    // both margins are equal here, so the area is the same on both.
    for (const model::GlyphRun* run : items_of<model::GlyphRun>(laid.doc.pages[p])) {
      if (run->tag < 0) continue;
      EXPECT_GE(run->x, kMarginInner - kHang * run->size) << run->text;
      EXPECT_LE(run->x + run_width(laid.doc, *run), kPageWidth - kMarginOuter + kHang * run->size) << run->text;
      EXPECT_GT(run->y, kMarginTop);
      EXPECT_LE(run->y, kPageHeight - kMarginBottom);
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

TEST_F(Blocks, ParagraphsFlowOntoPagesInTheirOrder) {
  Laid laid = lay_out(document(paragraphs(1, 30, 25)), small_booklet(false));
  ASSERT_GE(laid.doc.pages.size(), 3u);
  int last_page = 0;
  for (int n = 1; n <= 30; ++n) {
    std::string marker = "(" + std::to_string(n) + ")";
    std::vector<RunOnPage> found = runs_with(laid, marker);
    ASSERT_EQ(found.size(), 1u) << marker;
    EXPECT_GE(found[0].page, last_page) << marker;
    last_page = found[0].page;
  }
  EXPECT_EQ(last_page + 1, static_cast<int>(laid.doc.pages.size()));
  // A full page holds 20 body lines, no more.
  for (const model::Page& page : laid.doc.pages) EXPECT_LE(baselines(page).size(), 20u);
}

TEST_F(Blocks, NoParagraphLeavesAWidowOrAnOrphan) {
  Laid laid = lay_out(document(paragraphs(1, 20, 37)), small_booklet(false));
  ASSERT_GE(laid.doc.pages.size(), 3u);
  EXPECT_EQ(laid.report.widows, 0);
  EXPECT_EQ(laid.report.orphans, 0);
  int split = 0;
  ASSERT_EQ(laid.report.paragraphs.size(), 20u);
  for (const ParagraphReport& para : laid.report.paragraphs) {
    ASSERT_FALSE(para.lines.empty());
    std::map<int, int> per_page;
    for (const LineReport& line : para.lines) {
      EXPECT_GE(line.page, 1);
      ++per_page[line.page];
    }
    if (per_page.size() < 2) continue;
    ++split;
    for (auto [page, lines] : per_page) EXPECT_GE(lines, 2) << "page " << page;
  }
  EXPECT_GT(split, 0) << "no paragraph crossed a page: the test checked nothing";
}

TEST_F(Blocks, AHeadingStaysWithTheParagraphAfterIt) {
  // 19 lines of text leave room for the heading alone at the page's foot.
  std::vector<model::Block> blocks;
  for (int i = 0; i < 19; ++i) blocks.push_back(paragraph("(" + std::to_string(i + 1) + ") Bakı."));
  blocks.push_back(heading(2, "Hüzn günü"));
  blocks.push_back(paragraph(sentence(50, 30)));
  Laid laid = lay_out(document(blocks), small_booklet(false));
  int heading_page = page_of(laid, "Hüzn günü");
  ASSERT_GE(heading_page, 0);
  EXPECT_EQ(heading_page, page_of(laid, "(50)"));
  EXPECT_EQ(heading_page, 1);  // it went over with its paragraph
  EXPECT_EQ(page_of(laid, "(19)"), 0);
}

TEST_F(Blocks, HeadingsAreUppercasedInTheDocumentsLanguage) {
  model::Design design = small_booklet(false);
  Laid az = lay_out(document({heading(1, "istiqlal yolu")}, "az"), design);
  Laid en = lay_out(document({heading(1, "istiqlal yolu")}, "en"), design);
  EXPECT_EQ(runs_with(az, "İSTİQLAL YOLU").size(), 1u);
  EXPECT_EQ(runs_with(en, "ISTIQLAL YOLU").size(), 1u);
  EXPECT_TRUE(runs_with(az, "ISTIQLAL").empty());
}

TEST_F(Blocks, HeadingsTakeTheirStylesSizeAndColour) {
  Laid laid = lay_out(document({heading(1, "Bir"), heading(2, "İki"), paragraph("Üç.")}), small_booklet(false));
  std::vector<RunOnPage> h1 = runs_with(laid, "BİR"), h2 = runs_with(laid, "İki"), body = runs_with(laid, "Üç.");
  ASSERT_EQ(h1.size(), 1u);
  ASSERT_EQ(h2.size(), 1u);
  ASSERT_EQ(body.size(), 1u);
  EXPECT_DOUBLE_EQ(h1[0].run->size, 14);
  EXPECT_DOUBLE_EQ(h2[0].run->size, 11);
  EXPECT_DOUBLE_EQ(body[0].run->size, kBodySize);
  EXPECT_EQ(h1[0].run->color, Color::cmyk(0, 1, 0.85, 0.3));  // "accent"
  EXPECT_LT(h1[0].run->y, h2[0].run->y);
  EXPECT_LT(h2[0].run->y, body[0].run->y);
}

TEST_F(Blocks, AQuoteIsIndentedOnBothSidesAndItsAttributionSetRight) {
  Laid laid = lay_out(document({quote(sentence(1, 40), "Milli Məclis, 1994")}), small_booklet(false));
  ASSERT_EQ(laid.doc.pages.size(), 1u);
  std::vector<const model::GlyphRun*> runs = items_of<model::GlyphRun>(laid.doc.pages[0]);
  ASSERT_GE(runs.size(), 3u);
  std::vector<RunOnPage> attribution = runs_with(laid, "— Milli Məclis, 1994");
  ASSERT_EQ(attribution.size(), 1u);
  int quote_lines = 0;
  for (const model::GlyphRun* run : runs) {
    if (run->tag < 0 || run == attribution[0].run) continue;
    EXPECT_LE(run->x, kMarginInner + 15 + 0.01) << run->text;  // or left of it by a hanging "("
    EXPECT_GE(run->x, kMarginInner + 15 - kHang * run->size) << run->text;
    EXPECT_LE(run->x + run_width(laid.doc, *run), kPageWidth - kMarginOuter - 15 + kHang * run->size) << run->text;
    EXPECT_LT(run->y, attribution[0].run->y);
    ++quote_lines;
  }
  EXPECT_GE(quote_lines, 2);
  // Right-aligned against the right indent.
  EXPECT_NEAR(attribution[0].run->x + attribution[0].width, kPageWidth - kMarginOuter - 15, 0.5);
}

TEST_F(Blocks, BulletsStandBeforeTheirItemsOnTheSameBaseline) {
  Laid laid = lay_out(document({list({"Bakı", "Sumqayıt", "Lənkəran"})}), small_booklet(false));
  std::vector<RunOnPage> bullets = runs_with(laid, "•");
  ASSERT_EQ(bullets.size(), 3u);
  double last_y = 0;
  for (const char* item : {"Bakı", "Sumqayıt", "Lənkəran"}) {
    std::vector<RunOnPage> found = runs_with(laid, item);
    ASSERT_EQ(found.size(), 1u) << item;
    auto bullet = std::find_if(bullets.begin(), bullets.end(),
                               [&](const RunOnPage& b) { return std::abs(b.run->y - found[0].run->y) < 1e-6; });
    ASSERT_NE(bullet, bullets.end()) << item;
    EXPECT_LT(bullet->run->x + bullet->width, found[0].run->x);
    EXPECT_GT(found[0].run->y, last_y);
    last_y = found[0].run->y;
    // The item's text starts one label column in: the style's 12 pt left
    // indent, wider than the bullet and half an em after it.
    EXPECT_NEAR(found[0].run->x, kMarginInner + 12, 0.01);
  }
}

TEST_F(Blocks, ListWithoutLeftIndentStartsItsTextAtTheParagraphIndent) {
  model::Design design = small_booklet(false);
  design.styles["list"].left_indent = 0;
  design.styles["body"].indent = 11;
  Laid laid = lay_out(document({list({"Bakı", "Sumqayıt"})}), design);
  std::vector<RunOnPage> bullets = runs_with(laid, "•");
  ASSERT_EQ(bullets.size(), 2u);
  for (const RunOnPage& b : bullets) EXPECT_NEAR(b.run->x, kMarginInner, 0.01) << "bullets hang at the margin";
  for (const char* item : {"Bakı", "Sumqayıt"}) {
    std::vector<RunOnPage> found = runs_with(laid, item);
    ASSERT_EQ(found.size(), 1u) << item;
    EXPECT_NEAR(found[0].run->x, kMarginInner + 11, 0.01) << "the body's first-line indent";
  }
  // Ten items: the label column grows to the widest label ("10.") and half an em.
  design.styles["body"].indent = 2;
  std::vector<std::string> items;
  for (int i = 1; i <= 10; ++i) items.push_back("item" + std::to_string(i));
  Laid ten = lay_out(document({list(items, /*numbered=*/true)}), design);
  std::vector<RunOnPage> label = runs_with(ten, "10.");
  std::vector<RunOnPage> text = runs_with(ten, "item10");
  ASSERT_EQ(label.size(), 1u);
  ASSERT_EQ(text.size(), 1u);
  EXPECT_NEAR(text[0].run->x - (label[0].run->x + label[0].width), 0.5 * 10, 0.01);
}

TEST_F(Blocks, NumberedListsCountFromOne) {
  Laid laid = lay_out(document({list({"bir", "iki", "üç"}, /*numbered=*/true)}), small_booklet(false));
  ASSERT_EQ(runs_with(laid, "1.").size(), 1u);
  ASSERT_EQ(runs_with(laid, "2.").size(), 1u);
  ASSERT_EQ(runs_with(laid, "3.").size(), 1u);
  EXPECT_LT(runs_with(laid, "1.")[0].run->y, runs_with(laid, "3.")[0].run->y);
  EXPECT_TRUE(runs_with(laid, "•").empty());
}

TEST_F(Blocks, APageBreakStartsAPageOfTheNamedMaster) {
  Laid laid = lay_out(document({paragraph("Əvvəl."), page_break("back"), paragraph("Sonra.")}), small_booklet(false));
  ASSERT_EQ(laid.doc.pages.size(), 2u);
  EXPECT_EQ(page_of(laid, "Əvvəl."), 0);
  EXPECT_EQ(page_of(laid, "Sonra."), 1);
  EXPECT_EQ(laid.doc.pages[0].label, "1");
  EXPECT_EQ(laid.doc.pages[1].label, "");  // "back" is unnumbered
  // and paints its dark background into the bleed
  std::vector<const model::Path*> paths = items_of<model::Path>(laid.doc.pages[1]);
  ASSERT_FALSE(paths.empty());
  EXPECT_TRUE(paths.front()->bleeds);
  EXPECT_EQ(paths.front()->fill, Color::cmyk(0.6, 0.4, 0.4, 1));
}

TEST_F(Blocks, EmphasisAndStrongSpansUseTheirStylesFonts) {
  model::Block b = paragraph("Adi ");
  model::Span em, strong;
  em.text = "vurğulu ";
  em.emphasis = true;
  strong.text = "qalın.";
  strong.strong = true;
  b.as<model::Paragraph>()->text.push_back(em);
  b.as<model::Paragraph>()->text.push_back(strong);
  Laid laid = lay_out(document({b}), small_booklet(false));
  std::vector<RunOnPage> plain = runs_with(laid, "Adi"), italic = runs_with(laid, "vurğulu"), bold = runs_with(laid, "qalın");
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(italic.size(), 1u);
  ASSERT_EQ(bold.size(), 1u);
  auto file = [&](const RunOnPage& r) { return laid.doc.fonts.at(static_cast<size_t>(r.run->font)).path; };
  EXPECT_NE(file(plain[0]).find("NotoSerif-Regular"), std::string::npos) << file(plain[0]);
  EXPECT_NE(file(italic[0]).find("NotoSerif-Italic"), std::string::npos) << file(italic[0]);
  EXPECT_NE(file(bold[0]).find("NotoSerif-Bold"), std::string::npos) << file(bold[0]);
  EXPECT_DOUBLE_EQ(plain[0].run->y, bold[0].run->y);
  EXPECT_LT(plain[0].run->x, italic[0].run->x);
  EXPECT_LT(italic[0].run->x, bold[0].run->x);
}

TEST_F(Blocks, ALinkSpanBecomesALinkOverItsWords) {
  model::Block b = paragraph("Mənbə: ");
  model::Span link;
  link.text = "səfirlik";
  link.link = "https://example.org/source";
  b.as<model::Paragraph>()->text.push_back(link);
  Laid laid = lay_out(document({b}), small_booklet(false));
  std::vector<const model::Link*> links = items_of<model::Link>(laid.doc.pages.at(0));
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0]->uri, "https://example.org/source");
  std::vector<RunOnPage> word = runs_with(laid, "səfirlik");
  ASSERT_EQ(word.size(), 1u);
  EXPECT_NEAR(links[0]->x, word[0].run->x, 0.01);
  EXPECT_NEAR(links[0]->width, word[0].width, 0.5);
  EXPECT_LT(links[0]->y, word[0].run->y);
  EXPECT_GT(links[0]->y + links[0]->height, word[0].run->y);
  // tagged as a Link element holding the word's run
  ASSERT_GE(word[0].run->tag, 0);
  EXPECT_EQ(laid.doc.tags.at(static_cast<size_t>(word[0].run->tag)).role, "Link");
}

TEST_F(Blocks, RunsAreTaggedWithTheirBlocksRoles) {
  Laid laid = lay_out(document({heading(1, "Başlıq"), paragraph("Mətn."), list({"bənd"})}), small_booklet(false));
  ASSERT_FALSE(laid.doc.tags.empty());
  EXPECT_EQ(laid.doc.tags[0].role, "Document");
  auto role_of = [&](std::string_view text) {
    std::vector<RunOnPage> found = runs_with(laid, text);
    return found.size() == 1 && found[0].run->tag >= 0 ? laid.doc.tags[static_cast<size_t>(found[0].run->tag)].role
                                                       : std::string("?");
  };
  EXPECT_EQ(role_of("BAŞLIQ"), "H1");
  EXPECT_EQ(role_of("Mətn."), "P");
  EXPECT_EQ(role_of("bənd"), "LBody");
  EXPECT_EQ(role_of("•"), "Lbl");
  // Reading order: the Document's children are H1, P, L.
  std::vector<std::string> top;
  for (int child : laid.doc.tags[0].children) top.push_back(laid.doc.tags[static_cast<size_t>(child)].role);
  EXPECT_EQ(top, (std::vector<std::string>{"H1", "P", "L"}));
}

TEST_F(Blocks, SettingOnTwoThreadsGivesTheSamePages) {
  std::vector<model::Block> blocks = {heading(1, "Bir"), contents()};
  for (int i = 0; i < 4; ++i) {
    blocks.push_back(heading(1, "Bölmə " + std::to_string(i + 1)));
    for (model::Block& b : paragraphs(10 * i, 5, 30)) blocks.push_back(b);
  }
  model::Document doc = document(blocks);
  Laid one = lay_out(doc, small_booklet(false), 1), two = lay_out(doc, small_booklet(false), 2);
  ASSERT_GE(one.doc.pages.size(), 3u);
  ASSERT_EQ(one.doc.pages.size(), two.doc.pages.size());
  for (size_t p = 0; p < one.doc.pages.size(); ++p) {
    EXPECT_EQ(page_text(one.doc.pages[p]), page_text(two.doc.pages[p])) << "page " << p;
    EXPECT_EQ(baselines(one.doc.pages[p]), baselines(two.doc.pages[p])) << "page " << p;
  }
}

}  // namespace
}  // namespace jan20::layout::testing
