// Pages typeset in memory: running heads and folios by page kind, master
// roles (first, last, blank padding), layouts without a cover, and the
// table of contents with the page numbers its entries point at.
#include <algorithm>

#include "layout_fixture.h"

namespace jan20::layout::testing {
namespace {

using RunningHeads = LayoutTest;
using Masters = LayoutTest;
using Coverless = LayoutTest;
using Contents = LayoutTest;

// The running head of a page (an artifact run above the text area), or "".
std::string head_of(const model::Page& page) {
  for (const model::GlyphRun* run : artifact_runs(page))
    if (run->y < kMarginTop) return run->text;
  return "";
}
// The folio (an artifact run below the text area), or "".
std::string folio_of(const model::Page& page) {
  for (const model::GlyphRun* run : artifact_runs(page))
    if (run->y > kPageHeight - kMarginBottom) return run->text;
  return "";
}

// Two sections of three pages each, after a cover.
model::Document two_sections() {
  std::vector<model::Block> blocks = {heading(1, "20 Yanvar"), page_break()};
  for (const char* title : {"Faciə", "Xatirə"}) {
    blocks.push_back(heading(1, title));
    for (model::Block& b : paragraphs(1, 8, 40)) blocks.push_back(b);
    blocks.push_back(page_break());
  }
  blocks.pop_back();
  return document(blocks, "az", "Yaddaş");
}

TEST_F(RunningHeads, ABodyPageShowsTheTitleAndTheCurrentSection) {
  Laid laid = lay_out(two_sections(), small_booklet());
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  int first = page_of(laid, "FACİƏ"), second = page_of(laid, "XATİRƏ");
  ASSERT_GE(first, 1);
  ASSERT_GT(second, first + 1) << "the first section needs more than one page";
  int checked = 0;
  for (int p = first + 1; p < second; ++p) {
    EXPECT_EQ(head_of(laid.doc.pages[static_cast<size_t>(p)]), "Yaddaş · Faciə") << "page " << p;
    ++checked;
  }
  ASSERT_LT(second + 1, static_cast<int>(laid.doc.pages.size())) << "the second section needs more than one page";
  EXPECT_EQ(head_of(laid.doc.pages[static_cast<size_t>(second + 1)]), "Yaddaş · Xatirə");
  EXPECT_GT(checked, 0);
}

TEST_F(RunningHeads, NoneWhereASectionOpensButTheFolioIsThere) {
  Laid laid = lay_out(two_sections(), small_booklet());
  for (const char* opening : {"FACİƏ", "XATİRƏ"}) {
    int p = page_of(laid, opening);
    ASSERT_GE(p, 0) << opening;
    const model::Page& page = laid.doc.pages[static_cast<size_t>(p)];
    EXPECT_EQ(head_of(page), "") << opening;
    EXPECT_EQ(folio_of(page), page.label) << opening;
    EXPECT_FALSE(page.label.empty());
  }
}

TEST_F(RunningHeads, AMasterMayAskForTheHeadOnOpeningPages) {
  model::Design design = small_booklet();
  design.masters["body"].head_on_opening = true;
  Laid laid = lay_out(two_sections(), design);
  int p = page_of(laid, "XATİRƏ");
  ASSERT_GE(p, 0);
  EXPECT_EQ(head_of(laid.doc.pages[static_cast<size_t>(p)]), "Yaddaş · Xatirə");
}

TEST_F(RunningHeads, TheFolioIsThePageNumberOnNumberedPagesOnly) {
  Laid laid = lay_out(two_sections(), small_booklet());
  ASSERT_GE(laid.doc.pages.size(), 6u);
  EXPECT_EQ(laid.doc.pages[0].label, "");  // the cover
  EXPECT_EQ(folio_of(laid.doc.pages[0]), "");
  EXPECT_EQ(head_of(laid.doc.pages[0]), "");
  for (size_t p = 1; p < laid.doc.pages.size(); ++p) {
    EXPECT_EQ(laid.doc.pages[p].label, std::to_string(p + 1));
    EXPECT_EQ(folio_of(laid.doc.pages[p]), std::to_string(p + 1));
  }
}

TEST_F(RunningHeads, HeadsOnFacingPagesAlignToTheOuterEdge) {
  Laid laid = lay_out(two_sections(), small_booklet());
  int recto = 0, verso = 0;
  for (size_t p = 0; p < laid.doc.pages.size(); ++p)
    for (const model::GlyphRun* run : artifact_runs(laid.doc.pages[p])) {
      if (run->y >= kMarginTop) continue;
      double right = run->x + run_width(laid.doc, *run);
      if (p % 2 == 0) {  // recto: right-hand page, head at the right
        EXPECT_NEAR(right, kPageWidth - kMarginOuter, 0.5) << p;
        ++recto;
      } else {
        EXPECT_NEAR(run->x, kMarginOuter, 0.01) << p;
        ++verso;
      }
    }
  EXPECT_GT(recto, 0);
  EXPECT_GT(verso, 0);
}

TEST_F(RunningHeads, BeforeAnySectionTheHeadIsTheTitleAloneWithoutItsSeparator) {
  // Body pages before the first level-1 heading: "{title} · {section}" with
  // no section reads "Yaddaş", not "Yaddaş ·".
  Laid laid = lay_out(document(paragraphs(1, 12, 40)), small_booklet(false));
  ASSERT_GE(laid.doc.pages.size(), 2u);
  for (const model::Page& page : laid.doc.pages) EXPECT_EQ(head_of(page), "Yaddaş");
}

TEST_F(RunningHeads, NoneOnTheContentsPageUnlessTheMasterAsks) {
  std::vector<model::Block> blocks = paragraphs(1, 10, 40);  // a page and a half before the contents
  blocks.push_back(heading(2, "Mündəricat"));
  blocks.push_back(contents());
  blocks.push_back(page_break());
  blocks.push_back(heading(1, "Bir"));
  Laid laid = lay_out(document(blocks), small_booklet(false));
  int p = page_of(laid, "Mündəricat");
  ASSERT_GE(p, 1);
  EXPECT_EQ(head_of(laid.doc.pages[static_cast<size_t>(p)]), "");
  EXPECT_EQ(head_of(laid.doc.pages[0]), "Yaddaş");
  model::Design asks = small_booklet(false);
  asks.masters["body"].head_on_contents = true;
  Laid with = lay_out(document(blocks), asks);
  EXPECT_EQ(head_of(with.doc.pages[static_cast<size_t>(page_of(with, "Mündəricat"))]), "Yaddaş");
}

TEST_F(RunningHeads, AMasterWithoutHeadOrFolioPrintsNeither) {
  model::Design design = small_booklet(false);
  design.masters["quiet"] = design.masters["body"];
  design.masters["quiet"].name = "quiet";
  design.masters["quiet"].running_head = false;
  design.masters["quiet"].folio = false;
  Laid laid = lay_out(document({paragraph("Bir."), page_break("quiet"), paragraph(sentence(1, 20))}), design);
  ASSERT_EQ(laid.doc.pages.size(), 2u);
  EXPECT_EQ(laid.doc.pages[1].label, "2");  // still counted
  EXPECT_TRUE(artifact_runs(laid.doc.pages[1]).empty());
  EXPECT_FALSE(artifact_runs(laid.doc.pages[0]).empty());
}

TEST_F(Masters, PaddingKeepsTheLastRolePageLast) {
  model::Design design = small_booklet();
  design.page_multiple = 4;
  Laid laid = lay_out(document({heading(1, "20 Yanvar"), page_break(), paragraph("Mətn."), page_break("back"),
                                paragraph("Son söz.")}),
                      design);
  ASSERT_EQ(laid.doc.pages.size(), 4u);
  EXPECT_EQ(page_of(laid, "Son söz."), 3);
  EXPECT_EQ(page_of(laid, "Mətn."), 1);
  // The padding page between them: nothing printed, no head, no folio.
  EXPECT_TRUE(items_of<model::GlyphRun>(laid.doc.pages[2]).empty());
}

TEST_F(Masters, PaddingPagesTakeTheBlankRoleMaster) {
  model::Design design = small_booklet(false);
  design.page_multiple = 4;
  model::MasterPage blank;
  blank.name = "empty";
  blank.role = model::MasterRole::Blank;
  blank.numbered = false;
  blank.background = "muted";
  design.masters["empty"] = blank;
  Laid laid = lay_out(document({paragraph("Bir.")}), design);
  ASSERT_EQ(laid.doc.pages.size(), 4u);
  for (size_t p = 1; p < 4; ++p) {
    std::vector<const model::Path*> paths = items_of<model::Path>(laid.doc.pages[p]);
    ASSERT_EQ(paths.size(), 1u) << p;
    EXPECT_EQ(paths[0]->fill, Color::gray(0.65));
    EXPECT_EQ(laid.doc.pages[p].label, "");
    EXPECT_TRUE(artifact_runs(laid.doc.pages[p]).empty());
  }
  EXPECT_TRUE(items_of<model::Path>(laid.doc.pages[0]).empty());
}

TEST_F(Masters, TheFirstPageTakesTheCoverStyles) {
  Laid laid = lay_out(document({heading(1, "Bir"), page_break(), heading(1, "İki")}), small_booklet());
  std::vector<RunOnPage> cover = runs_with(laid, "BİR"), body = runs_with(laid, "İKİ");
  ASSERT_EQ(cover.size(), 1u);
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(cover[0].page, 0);
  EXPECT_DOUBLE_EQ(cover[0].run->size, 20);  // "cover-h1"
  EXPECT_EQ(cover[0].run->color, Color::cmyk(0, 0, 0, 0));
  EXPECT_GT(cover[0].run->y, kMarginTop + 40) << "cover-h1's space before is kept at the top of the first page";
  EXPECT_DOUBLE_EQ(body[0].run->size, 14);  // "h1"
  // The cover's dark background is painted into the bleed.
  std::vector<const model::Path*> paths = items_of<model::Path>(laid.doc.pages[0]);
  ASSERT_FALSE(paths.empty());
  EXPECT_TRUE(paths[0]->bleeds);
}

TEST_F(Masters, CentreOnTrimCentresOnThePageNotOnTheTextArea) {
  model::Design design = small_booklet();
  design.margin_inner = 40;  // the text area leans away from the spine
  Laid plain = lay_out(document({heading(1, "Bir")}), design);
  design.masters["cover"].centre_on_trim = true;
  Laid centred = lay_out(document({heading(1, "Bir")}), design);
  std::vector<RunOnPage> a = runs_with(plain, "BİR"), b = runs_with(centred, "BİR");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NEAR(a[0].run->x + a[0].width / 2, 40 + (kPageWidth - 40 - kMarginOuter) / 2, 0.5);
  EXPECT_NEAR(b[0].run->x + b[0].width / 2, kPageWidth / 2, 0.5);
}

TEST_F(Coverless, TheFirstPageIsANumberedBodyPage) {
  Laid laid = lay_out(document(paragraphs(1, 3, 20)), small_booklet(false));
  ASSERT_EQ(laid.doc.pages.size(), 1u);
  EXPECT_EQ(laid.doc.pages[0].label, "1");
  EXPECT_EQ(folio_of(laid.doc.pages[0]), "1");
  EXPECT_TRUE(items_of<model::Path>(laid.doc.pages[0]).empty()) << "no cover background";
}

TEST_F(Coverless, HeadingsBeforeTheFirstPageBreakAreListed) {
  std::vector<model::Block> blocks = {heading(1, "Giriş", "intro"), paragraph("Mətn."), page_break(),
                                      heading(1, "Faciə", "tragedy")};
  Laid laid = lay_out(document(blocks), small_booklet(false));
  ASSERT_EQ(laid.doc.outline.size(), 2u);
  EXPECT_EQ(laid.doc.outline[0].title, "Giriş");
  EXPECT_EQ(laid.doc.outline[0].page, 0);
  EXPECT_EQ(laid.doc.outline[1].title, "Faciə");
  EXPECT_EQ(laid.doc.outline[1].page, 1);
  // With a cover, the same first heading is the cover's and is not listed.
  Laid covered = lay_out(document(blocks), small_booklet(true));
  ASSERT_EQ(covered.doc.outline.size(), 1u);
  EXPECT_EQ(covered.doc.outline[0].title, "Faciə");
}

// A contents page, then sections long enough that the headings land on
// different pages.
model::Document with_contents(int sections) {
  std::vector<model::Block> blocks = {heading(1, "Yaddaş"), page_break(), heading(1, "Mündəricat"), contents(),
                                      page_break()};
  for (int s = 1; s <= sections; ++s) {
    blocks.push_back(heading(1, "Bölmə " + std::to_string(s), "s" + std::to_string(s)));
    for (model::Block& b : paragraphs(100 * s, 3, 45)) blocks.push_back(b);
    blocks.push_back(heading(2, "Alt bölmə " + std::to_string(s)));
    for (model::Block& b : paragraphs(100 * s + 50, 3, 45)) blocks.push_back(b);
    blocks.push_back(heading(3, "Qeyd " + std::to_string(s)));
    blocks.push_back(paragraph(sentence(100 * s + 90, 10)));
  }
  return document(blocks);
}

// The contents' entry lines titled `title`: runs with exactly that text on the contents page.
std::vector<RunOnPage> entries(const Laid& laid, const std::string& title) {
  std::vector<RunOnPage> out;
  for (const RunOnPage& r : runs_with(laid, title))
    if (r.page == page_of(laid, "MÜNDƏRİCAT") && r.run->text == title) out.push_back(r);
  return out;
}

TEST_F(Contents, EachEntryShowsTheNumberOfThePageItsHeadingIsOn) {
  Laid laid = lay_out(with_contents(4), small_booklet());
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  const int toc_page = page_of(laid, "MÜNDƏRİCAT");
  ASSERT_EQ(toc_page, 1);
  std::vector<const model::GlyphRun*> toc_runs = items_of<model::GlyphRun>(laid.doc.pages[1]);
  int checked = 0;
  for (int s = 1; s <= 4; ++s) {
    for (std::string title : {"Bölmə " + std::to_string(s), "Alt bölmə " + std::to_string(s)}) {
      std::vector<RunOnPage> entry = entries(laid, title);
      ASSERT_EQ(entry.size(), 1u) << title;
      // The heading itself, on a later page (h1 is upper case in the text).
      int target = -1;
      for (const RunOnPage& r : runs_with(laid, title.rfind("Alt", 0) == 0 ? title : "BÖLMƏ " + std::to_string(s)))
        if (r.page != toc_page) target = r.page;
      ASSERT_GT(target, toc_page) << title;
      // The number on the entry's baseline, at the right.
      auto number = std::find_if(toc_runs.begin(), toc_runs.end(), [&](const model::GlyphRun* run) {
        return run != entry[0].run && std::abs(run->y - entry[0].run->y) < 1e-6;
      });
      ASSERT_NE(number, toc_runs.end()) << title;
      EXPECT_EQ((*number)->text, laid.doc.pages[static_cast<size_t>(target)].label) << title;
      EXPECT_NEAR((*number)->x + run_width(laid.doc, **number), kPageWidth - kMarginInner, 0.5) << "verso page 2";
      ++checked;
    }
  }
  EXPECT_EQ(checked, 8);
}

TEST_F(Contents, EntriesLinkToTheirHeadingsPages) {
  Laid laid = lay_out(with_contents(3), small_booklet());
  std::vector<const model::Link*> links = items_of<model::Link>(laid.doc.pages.at(1));
  ASSERT_EQ(links.size(), 6u);  // levels 1 and 2 of three sections
  for (const model::Link* link : links) {
    EXPECT_TRUE(link->uri.empty()) << "resolved to a page: " << link->uri;
    ASSERT_GE(link->dest_page, 2);
    ASSERT_LT(link->dest_page, static_cast<int>(laid.doc.pages.size()));
    // The destination is where a heading run of that page stands.
    bool heading_there = false;
    for (const model::GlyphRun* run : items_of<model::GlyphRun>(laid.doc.pages[static_cast<size_t>(link->dest_page)]))
      if (run->tag >= 0 && std::abs(run->y - link->dest_y) < 20 && run->y > link->dest_y) {
        const std::string& role = laid.doc.tags[static_cast<size_t>(run->tag)].role;
        heading_there = heading_there || role == "H1" || role == "H2";
      }
    EXPECT_TRUE(heading_there) << "page " << link->dest_page << " y " << link->dest_y;
  }
}

TEST_F(Contents, LeavesOutItsOwnTitleTheCoverAndLevelThree) {
  Laid laid = lay_out(with_contents(2), small_booklet());
  EXPECT_TRUE(entries(laid, "Qeyd").empty());
  EXPECT_TRUE(entries(laid, "Yaddaş").empty());
  EXPECT_EQ(entries(laid, "MÜNDƏRİCAT").size(), 1u);  // the title itself, not an entry
  EXPECT_EQ(entries(laid, "Bölmə 1").size(), 1u);
  // The outline has no cover heading and no contents title either, but level 3.
  std::vector<std::string> titles;
  for (const model::OutlineEntry& e : laid.doc.outline) titles.push_back(e.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Bölmə 1", "Alt bölmə 1", "Qeyd 1", "Bölmə 2", "Alt bölmə 2", "Qeyd 2"}));
}

TEST_F(Contents, AContentsLongerThanAPageStillPointsRight) {
  // 14 sections: 28 entries at 12–14 pt do not fit the 240 pt column; the
  // sections move one page later, and the numbers follow them.
  Laid laid = lay_out(with_contents(14), small_booklet());
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  EXPECT_EQ(page_of(laid, "MÜNDƏRİCAT"), 1);
  int first_section = page_of(laid, "BÖLMƏ 1");
  ASSERT_GE(first_section, 3) << "the contents took two pages";
  for (const model::OutlineEntry& e : laid.doc.outline) {
    if (e.level > 2) continue;
    std::vector<RunOnPage> entry;
    for (const RunOnPage& r : runs_with(laid, e.title))
      if (r.page < first_section && r.run->text == e.title) entry.push_back(r);
    ASSERT_EQ(entry.size(), 1u) << e.title;
    bool number_found = false;
    for (const model::GlyphRun* run : items_of<model::GlyphRun>(laid.doc.pages[static_cast<size_t>(entry[0].page)]))
      if (run != entry[0].run && std::abs(run->y - entry[0].run->y) < 1e-6)
        number_found = number_found || run->text == laid.doc.pages[static_cast<size_t>(e.page)].label;
    EXPECT_TRUE(number_found) << e.title << " is on page " << laid.doc.pages[static_cast<size_t>(e.page)].label;
  }
}

}  // namespace
}  // namespace jan20::layout::testing
