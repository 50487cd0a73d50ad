// PDF/X-4 as a print shop's tools read it: Ghostscript's pdfwrite in PDF/X
// mode converts every print file without a complaint (it reverts to plain PDF
// and says so when a page breaks a PDF/X rule, e.g. an annotation in the
// bleed), and the files identify themselves as PDF/X-4 in the Info
// dictionary (qpdf) and the XMP (pdfinfo -meta), with /Trapped.
#include <gtest/gtest.h>

#include "print_support.h"

namespace jan20::testing {
namespace {

class PdfX : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = jan20({"-C", source_dir(), "build", "--quiet", "--out", out_});
    imposed_ = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--impose", "saddle", "--quiet",
                      "--out", out_ + "/imposed"});
  }
  static std::vector<std::string> print_files() {
    return {out_ + "/booklet.az.pdf", out_ + "/booklet.en.pdf", out_ + "/poster.az.pdf", out_ + "/poster.en.pdf",
            out_ + "/imposed/booklet.az.imposed.pdf"};
  }
  static inline std::string out_;
  static inline CommandResult build_, imposed_;
};

TEST_F(PdfX, GhostscriptConvertsEveryPrintFileWithoutAComplaint) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  ASSERT_EQ(imposed_.exit_code, 0) << imposed_.err;
  for (const std::string& pdf : print_files()) {
    SCOPED_TRACE(pdf);
    std::string converted = make_temp_dir() + "/x.pdf";
    CommandResult gs = run({"gs", "-q", "-dPDFX", "-dBATCH", "-dNOPAUSE", "-dNOSAFER", "-sDEVICE=pdfwrite",
                            "-sColorConversionStrategy=CMYK", "-sOutputFile=" + converted, pdf});
    EXPECT_EQ(gs.exit_code, 0) << gs.err;
    // Ghostscript prints nothing with -q unless a rule is broken ("… not
    // permitted in PDF/X, reverting to normal PDF output").
    EXPECT_EQ(gs.out + gs.err, "");
    // It did convert: the result has the same number of pages.
    std::string before = run({"pdfinfo", pdf}).out, after = run({"pdfinfo", converted}).out;
    auto pages = [](const std::string& info) {
      size_t at = info.find("Pages:");
      return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
    };
    EXPECT_GT(pages(before), 0);
    EXPECT_EQ(pages(after), pages(before));
  }
}

TEST_F(PdfX, EveryPrintFileIdentifiesItselfAsPdfX4) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  ASSERT_EQ(imposed_.exit_code, 0) << imposed_.err;
  for (const std::string& pdf : print_files()) {
    SCOPED_TRACE(pdf);
    std::string trailer = run({"qpdf", "--json=2", "--json-key=qpdf", pdf}).out;
    EXPECT_NE(trailer.find("\"/GTS_PDFXVersion\": \"u:PDF/X-4\""), std::string::npos);
    EXPECT_NE(trailer.find("\"/Trapped\": \"/False\""), std::string::npos);
    EXPECT_EQ(trailer.find("\"/Annots\""), std::string::npos) << "no annotations on a PDF/X page";
    std::string meta = run({"pdfinfo", "-meta", pdf}).out;
    EXPECT_NE(meta.find("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"), std::string::npos) << meta;
    EXPECT_NE(meta.find("<pdf:Trapped>False</pdf:Trapped>"), std::string::npos) << meta;
    EXPECT_NE(meta.find("<xmpMM:DocumentID>uuid:"), std::string::npos) << meta;
    EXPECT_NE(meta.find("<xmpMM:RenditionClass>default</xmpMM:RenditionClass>"), std::string::npos) << meta;
    EXPECT_NE(run({"pdfinfo", pdf}).out.find("PDF version:     1.6"), std::string::npos);
  }
}

TEST_F(PdfX, ScreenFilesMakeNoPdfXClaimAndKeepTheirLinks) {
  std::string out = make_temp_dir();
  CommandResult r = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--target", "screen", "--quiet",
                           "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string json = run({"qpdf", "--json=2", "--json-key=qpdf", out + "/booklet.az.pdf"}).out;
  EXPECT_EQ(json.find("GTS_PDFXVersion"), std::string::npos);
  EXPECT_NE(json.find("\"/Subtype\": \"/Link\""), std::string::npos);
}

}  // namespace
}  // namespace jan20::testing
