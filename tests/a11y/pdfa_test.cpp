// --pdfa: PDF/A-2b identification in the XMP, Info and XMP in agreement,
// an output intent, the checker's PDF/A rules, and byte-identical builds.
#include <gtest/gtest.h>

#include <regex>

#include "struct_text.h"

namespace jan20::testing {
namespace {

// Builds with --pdfa (and `extra`) into a fresh directory; returns it.
std::string build_pdfa(const std::vector<std::string>& extra = {}) {
  std::string dir = make_temp_dir();
  std::vector<std::string> argv{jan20_binary(), "-C", source_dir(), "build", "--quiet", "--pdfa", "--out", dir};
  argv.insert(argv.end(), extra.begin(), extra.end());
  CommandResult r = run(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir;
}

const char* const kEditions[] = {"booklet.az", "booklet.en", "poster.az", "poster.en"};

// A field of `pdfinfo -isodates`, e.g. "Title".
std::string info_field(const std::string& info, const std::string& key) {
  std::smatch m;
  return std::regex_search(info, m, std::regex(key + ":\\s+([^\n]*)")) ? m[1].str() : "";
}

TEST(Archival, EveryDocumentPassesTheCheckerWithPdfARules) {
  std::vector<std::string> pdfs;
  for (const std::string& dir : {build_pdfa(), build_pdfa({"--target", "screen"})})
    for (const char* e : kEditions) pdfs.push_back(dir + "/" + e + ".pdf");
  CommandResult r = run_checker({"--pdfua", "--pdfa"}, pdfs);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(Archival, TwoBuildsAreByteIdentical) {
  std::string first_ = build_pdfa(), second_ = build_pdfa();
  for (const char* e : kEditions) {
    std::string a = read_file(first_ + "/" + e + ".pdf"), b = read_file(second_ + "/" + e + ".pdf");
    EXPECT_FALSE(a.empty()) << e;
    EXPECT_TRUE(a == b) << e << " differs between two builds";
  }
}

TEST(Archival, XmpDeclaresPartAndConformanceAndAgreesWithInfo) {
  std::string first_ = build_pdfa({"booklet"});
  for (const char* e : {"booklet.az", "booklet.en"}) {
    std::string pdf = first_ + "/" + e + ".pdf";
    std::string meta = run({"pdfinfo", "-meta", pdf}).out;
    EXPECT_NE(meta.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos) << meta;
    EXPECT_NE(meta.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos) << meta;
    // PDF/UA's schema is not predefined in PDF/A: it is declared.
    EXPECT_NE(meta.find("<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>"),
              std::string::npos);
    // So is PDF/X's (a print file with an output intent claims PDF/X-4).
    EXPECT_NE(meta.find("<pdfaSchema:namespaceURI>http://www.npes.org/pdfx/ns/id/</pdfaSchema:namespaceURI>"),
              std::string::npos);
    std::string info = run({"pdfinfo", "-isodates", pdf}).out;
    std::string title = info_field(info, "Title"), author = info_field(info, "Author");
    ASSERT_FALSE(title.empty());
    ASSERT_FALSE(author.empty());
    EXPECT_NE(meta.find("<rdf:li xml:lang=\"x-default\">" + title + "</rdf:li>"), std::string::npos) << title;
    EXPECT_NE(meta.find("<rdf:Seq>\n          <rdf:li>" + author + "</rdf:li>"), std::string::npos) << author;
    EXPECT_NE(meta.find("<pdf:Producer>" + info_field(info, "Producer") + "</pdf:Producer>"), std::string::npos);
    EXPECT_NE(meta.find("<xmp:CreatorTool>" + info_field(info, "Creator") + "</xmp:CreatorTool>"), std::string::npos);
    EXPECT_EQ(info_field(info, "CreationDate"), "2026-01-20T00:00:00Z");
    EXPECT_NE(meta.find("<xmp:CreateDate>2026-01-20T00:00:00Z</xmp:CreateDate>"), std::string::npos);
    EXPECT_NE(meta.find("<xmp:ModifyDate>" + info_field(info, "ModDate") + "</xmp:ModifyDate>"), std::string::npos);
  }
}

TEST(Archival, OutputIntentIsTheTargetsProfile) {
  std::string first_ = build_pdfa({"booklet", "--lang", "az"});
  std::string screen_ = build_pdfa({"booklet", "--lang", "az", "--target", "screen"});
  std::string print = uncompressed_objects(first_ + "/booklet.az.pdf");
  EXPECT_NE(print.find("/S /GTS_PDFA1"), std::string::npos);
  EXPECT_NE(print.find("/S /GTS_PDFX"), std::string::npos);  // the print intent stays
  EXPECT_NE(print.find("/N 4"), std::string::npos);
  std::string screen = uncompressed_objects(screen_ + "/booklet.az.pdf");
  EXPECT_NE(screen.find("/S /GTS_PDFA1"), std::string::npos);
  EXPECT_EQ(screen.find("/S /GTS_PDFX"), std::string::npos);
  EXPECT_NE(screen.find("/N 3"), std::string::npos);
  EXPECT_EQ(print.find("/Annots"), std::string::npos) << "a print file has no annotations (PDF/X)";
  EXPECT_NE(screen.find("/Subtype /Link"), std::string::npos);
  EXPECT_NE(screen.find("/F 4"), std::string::npos) << "printable link annotations";
}

}  // namespace
}  // namespace jan20::testing
