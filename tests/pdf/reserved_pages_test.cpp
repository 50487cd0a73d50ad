// Reserved pages (HaruDoc::reserve_page, make_reserved_page): a page's
// objects are made when it is drawn, with the numbers it was given up front.
// The oracle is libharu itself: the same document built with HPDF_AddPage
// for every page before any is drawn must come out byte for byte the same,
// links to later pages included, and qpdf must find the file sound.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pdf/haru.h"
#include "support/test_support.h"

namespace jan20::pdf {
namespace {

constexpr int kPages = 5;

// Draws page `i`: a path through libharu's operators, raw content of ours,
// and on the first page a link to the last (made while the last is still
// only reserved, when `reserved`), which adds objects between the pages'.
void draw(const std::vector<HPDF_Page>& pages, int i) {
  HPDF_Page page = pages[static_cast<size_t>(i)];
  HPDF_Page_Rectangle(page, 10 + i, 10, 50, 20 + i);
  HPDF_Page_Stroke(page);
  write_content(page, "0 0 m " + std::to_string(100 + i) + " 100 l S\n");
  if (i == 0) {
    HPDF_Destination dest = HPDF_Page_CreateDestination(pages.back());
    ASSERT_NE(dest, nullptr);
    HPDF_Destination_SetXYZ(dest, 0, 400, 1);
    HPDF_Annotation link = HPDF_Page_CreateLinkAnnot(page, HPDF_Rect{10, 10, 60, 30}, dest);
    ASSERT_NE(link, nullptr);
  }
}

std::string build(bool reserved) {
  HaruDoc doc;
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
  std::vector<HPDF_Page> pages;
  for (int i = 0; i < kPages; ++i) {
    HPDF_Page page = reserved ? doc.reserve_page() : HPDF_AddPage(doc.get());
    EXPECT_NE(page, nullptr);
    EXPECT_EQ(doc.is_reserved(page), reserved);
    if (!reserved) {
      HPDF_Page_SetWidth(page, 420 + i);
      HPDF_Page_SetHeight(page, 595);
    }
    pages.push_back(page);
  }
  for (int i = 0; i < kPages; ++i) {
    if (reserved) {
      EXPECT_TRUE(doc.make_reserved_page(pages[static_cast<size_t>(i)]));
      EXPECT_FALSE(doc.is_reserved(pages[static_cast<size_t>(i)]));
      HPDF_Page_SetWidth(pages[static_cast<size_t>(i)], 420 + i);
      HPDF_Page_SetHeight(pages[static_cast<size_t>(i)], 595);
    }
    draw(pages, i);
  }
  std::string bytes;
  DiagnosticSink sink;
  EXPECT_TRUE(doc.save(&bytes, sink));
  return bytes;
}

TEST(ReservedPages, SameBytesAsPagesMadeUpFront) {
  const std::string up_front = build(false);
  const std::string reserved = build(true);
  ASSERT_GT(up_front.size(), 500u);
  EXPECT_TRUE(up_front == reserved) << "the documents differ";
  EXPECT_NE(reserved.find("/Annots"), std::string::npos);  // the link was written

  const std::string dir = testing::make_temp_dir();
  testing::write_file(dir + "/reserved.pdf", reserved);
  std::string out;
  EXPECT_TRUE(testing::qpdf_check_clean(dir + "/reserved.pdf", &out)) << out;
  const testing::CommandResult pages = testing::run({"qpdf", "--show-npages", dir + "/reserved.pdf"});
  EXPECT_EQ(pages.exit_code, 0);
  EXPECT_EQ(pages.out, std::to_string(kPages) + "\n");
}

TEST(ReservedPages, MadeOnlyOnceAndInOrder) {
  HaruDoc doc;
  HPDF_Page first = doc.reserve_page();
  HPDF_Page second = doc.reserve_page();
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(doc.make_reserved_page(second)) << "made before the page reserved before it";
  EXPECT_FALSE(doc.failed());
  EXPECT_TRUE(doc.make_reserved_page(first));
  EXPECT_FALSE(doc.make_reserved_page(first)) << "made twice";
  EXPECT_TRUE(doc.make_reserved_page(second));
  EXPECT_FALSE(doc.make_reserved_page(HPDF_AddPage(doc.get()))) << "a page that was never reserved";
}

// A build that fails before drawing frees reserved pages with the document
// (the sanitizer run finds a leak or a double free here).
TEST(ReservedPages, FreedWhenNeverMade) {
  HaruDoc doc;
  for (int i = 0; i < 3; ++i) ASSERT_NE(doc.reserve_page(), nullptr);
  ASSERT_TRUE(doc.make_reserved_page(doc.reserve_page()) == false);  // the fourth is not next in order
}

}  // namespace
}  // namespace jan20::pdf
