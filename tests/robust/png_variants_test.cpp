// Every kind of PNG the format allows becomes an image every viewer draws
// without complaint. libharu 2.3.0 crashed on an RGB image with a tRNS
// chunk (SIGSEGV) and on an interlaced RGBA one (double free, SIGABRT),
// refused interlaced RGB, and embedded 16-bit images with truncated data
// ("padding truncated image" in MuPDF, a drawing error in Ghostscript);
// the PDF writer now decodes those itself (src/pdf/image_check.h).
#include <gtest/gtest.h>

#include "model/paged.h"
#include "pdf/write_pdf.h"
#include "robust_support.h"

namespace jan20::robust {
namespace {

struct Variant {
  std::string name;
  int depth, color_type;
  bool interlaced;
  std::string extra;
};
void PrintTo(const Variant& v, std::ostream* os) { *os << v.name; }

std::string palette(int entries) {
  std::string rgb;
  for (int i = 0; i < entries; ++i) rgb += {static_cast<char>(i * 7), static_cast<char>(255 - i), static_cast<char>(i * 3)};
  return png_chunk("PLTE", rgb);
}

std::vector<Variant> variants() {
  std::vector<Variant> out;
  for (bool interlaced : {false, true}) {
    std::string i = interlaced ? "_interlaced" : "";
    for (int depth : {1, 2, 4, 8, 16}) out.push_back({"grey" + std::to_string(depth) + i, depth, 0, interlaced, {}});
    for (int depth : {1, 2, 4, 8})
      out.push_back({"palette" + std::to_string(depth) + i, depth, 3, interlaced, palette(1 << depth)});
    for (int depth : {8, 16}) {
      std::string d = std::to_string(depth);
      out.push_back({"rgb" + d + i, depth, 2, interlaced, {}});
      out.push_back({"grey_alpha" + d + i, depth, 4, interlaced, {}});
      out.push_back({"rgba" + d + i, depth, 6, interlaced, {}});
      std::string key = depth == 8 ? std::string("\0\x10", 2) : std::string("\0\x10", 2);
      out.push_back({"grey" + d + "_trns" + i, depth, 0, interlaced, png_chunk("tRNS", key)});
      out.push_back({"rgb" + d + "_trns" + i, depth, 2, interlaced, png_chunk("tRNS", key + key + key)});
    }
    out.push_back({"palette8_trns" + i, 8, 3, interlaced, palette(256) + png_chunk("tRNS", std::string(100, '\x80'))});
  }
  return out;
}

class PngVariant : public ::testing::TestWithParam<Variant> {};

TEST_P(PngVariant, EmbedsAndRendersCleanlyInPrintAndScreenPdfs) {
  const Variant& v = GetParam();
  std::string dir = testing::make_temp_dir();
  put(dir, "image.png", png_variant(23, 17, v.depth, v.color_type, v.interlaced, v.extra));
  for (pdf::Target target : {pdf::Target::Print, pdf::Target::Screen}) {
    model::PagedDocument doc;
    doc.info.date = "2026-01-20";
    model::Page page;
    page.width = 200;
    page.height = 200;
    page.bleed = 8.5;
    page.items.push_back(model::Image{dir + "/image.png", 20, 20, 92, 68, 23, 17, -1});
    doc.pages.push_back(page);
    pdf::PdfOptions options;
    options.target = target;
    DiagnosticSink sink;
    std::string pdf = dir + (target == pdf::Target::Print ? "/print.pdf" : "/screen.pdf");
    ASSERT_TRUE(pdf::write_pdf(doc, options, pdf, sink)) << sink.diagnostics().front().message;
    EXPECT_EQ(pdf_complaints(pdf), "") << v.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Kinds, PngVariant, ::testing::ValuesIn(variants()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace jan20::robust
