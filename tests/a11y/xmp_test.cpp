// The pure parts of accessible and archival output: the XMP packet, the
// dates it shares with Info, and how a tagged text run is cut into
// marked-content pieces at its /ActualText spans.
#include <gtest/gtest.h>

#include "pdf/structure.h"
#include "pdf/xmp.h"

namespace jan20::pdf {
namespace {

TEST(XmpDate, FollowsThePdfDateExactly) {
  EXPECT_EQ(xmp_date_from_pdf_date("D:20260120000000Z"), "2026-01-20T00:00:00Z");
  EXPECT_EQ(xmp_date_from_pdf_date("D:20250120093000+04'00'"), "2025-01-20T09:30:00+04:00");
  EXPECT_EQ(xmp_date_from_pdf_date("D:19900119235959-05'30'"), "1990-01-19T23:59:59-05:30");
  EXPECT_EQ(xmp_date_from_pdf_date("2026-01-20"), std::nullopt);
  EXPECT_EQ(xmp_date_from_pdf_date("D:2026012000000"), std::nullopt);
}

TEST(DocumentMetadata, OneSourceForInfoAndXmp) {
  model::DocumentInfo info;
  info.title = "20 Yanvar";
  info.subtitle = "Ümumxalq Hüzn Günü";
  info.author = "jan20-pdf layihəsi";
  info.keywords = {"20 Yanvar", "", "Bakı"};
  info.lang = "az";
  info.date = "2026-01-20T10:00:00+04:00";
  DocumentMetadata m = document_metadata(info);
  EXPECT_EQ(m.subject, "Ümumxalq Hüzn Günü");  // no subject: the subtitle
  EXPECT_EQ(m.keywords, "20 Yanvar, Bakı");
  EXPECT_EQ(m.creator, "jan20-pdf");
  EXPECT_EQ(m.producer, "jan20-pdf");
  EXPECT_EQ(m.pdf_date, "D:20260120100000+04'00'");
  EXPECT_EQ(m.xmp_date, "2026-01-20T10:00:00+04:00");
  info.date = "20.01.2026";
  EXPECT_EQ(document_metadata(info).pdf_date, "");
  EXPECT_EQ(document_metadata(info).xmp_date, "");
}

TEST(XmpPacket, ExactWithoutClaims) {
  DocumentMetadata m;
  m.title = "Tom & \"Jerry\" <1990>";
  m.lang = "en";
  m.producer = "jan20-pdf";
  EXPECT_EQ(xmp_packet(m, {}),
            "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            "  <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            "    <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
            "      <dc:format>application/pdf</dc:format>\n"
            "      <dc:title>\n"
            "        <rdf:Alt>\n"
            "          <rdf:li xml:lang=\"x-default\">Tom &amp; &quot;Jerry&quot; &lt;1990&gt;</rdf:li>\n"
            "        </rdf:Alt>\n"
            "      </dc:title>\n"
            "      <dc:language>\n"
            "        <rdf:Bag>\n"
            "          <rdf:li>en</rdf:li>\n"
            "        </rdf:Bag>\n"
            "      </dc:language>\n"
            "    </rdf:Description>\n"
            "    <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
            "    </rdf:Description>\n"
            "    <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
            "      <pdf:Producer>jan20-pdf</pdf:Producer>\n"
            "    </rdf:Description>\n"
            "  </rdf:RDF>\n"
            "</x:xmpmeta>\n"
            "<?xpacket end=\"w\"?>\n");
}

TEST(XmpPacket, ClaimsAndTheExtensionSchemaOnlyWhenBothAreMade) {
  DocumentMetadata m;
  m.title = "20 Yanvar";
  XmpClaims ua{true, 0, ""};
  std::string only_ua = xmp_packet(m, ua);
  EXPECT_NE(only_ua.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos);
  EXPECT_EQ(only_ua.find("pdfaid"), std::string::npos);
  EXPECT_EQ(only_ua.find("pdfaExtension"), std::string::npos);
  XmpClaims a{false, 2, "B"};
  std::string only_a = xmp_packet(m, a);
  EXPECT_NE(only_a.find("<pdfaid:part>2</pdfaid:part>\n      <pdfaid:conformance>B</pdfaid:conformance>"),
            std::string::npos);
  EXPECT_EQ(only_a.find("pdfaExtension"), std::string::npos);
  EXPECT_NE(xmp_packet(m, {true, 2, "B"}).find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"), std::string::npos);
}

TEST(ActualTextPieces, EachSpanIsAPieceOfItsOwn) {
  TextRunContent run;
  run.font = "F1";
  run.size = 10;
  run.x = 72;
  run.y = 700;
  run.glyphs = {{1, 500, 0, 0}, {2, 500, 500, 0}, {3, 300, 1000, 0}, {4, 300, 1300, 0}};
  run.spans = {{1, 2, "ə̃"}, {2, 3, ""}};
  std::vector<ActualTextPiece> pieces;
  actual_text_pieces(run, pieces);
  ASSERT_EQ(pieces.size(), 4u);
  EXPECT_EQ(pieces[0].begin, 0u);
  EXPECT_EQ(pieces[0].end, 1u);
  EXPECT_EQ(pieces[0].actual_text, nullptr);
  ASSERT_NE(pieces[1].actual_text, nullptr);
  EXPECT_EQ(*pieces[1].actual_text, "ə̃");
  EXPECT_EQ(pieces[1].actual_text, &run.spans[0].text);  // a view, not a copy
  ASSERT_NE(pieces[2].actual_text, nullptr);
  EXPECT_EQ(*pieces[2].actual_text, "");
  EXPECT_EQ(pieces[3].begin, 3u);
  EXPECT_EQ(pieces[3].end, 4u);
  EXPECT_EQ(pieces[3].actual_text, nullptr);
  // Each piece keeps the run's origin and its glyphs' places: the second
  // piece moves to its glyph (500/1000 em) from the origin.
  std::string encoded;
  encode_text_run(run, pieces[1].begin, pieces[1].end, encoded);
  EXPECT_EQ(encoded,
            "/F1 10 Tf\n"
            "1 0 0 1 72 700 Tm\n"
            "[-500 <0002>] TJ\n");
  encoded.clear();
  encode_text_run(run, pieces[3].begin, pieces[3].end, encoded);
  EXPECT_EQ(encoded,
            "/F1 10 Tf\n"
            "1 0 0 1 72 700 Tm\n"
            "[-1300 <0004>] TJ\n");
}

TEST(ActualTextPieces, RunWithoutSpansIsOnePieceAndAnEmptyRunNone) {
  TextRunContent run;
  run.glyphs = {{1, 500, 0, 0}};
  std::vector<ActualTextPiece> pieces;
  actual_text_pieces(run, pieces);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces[0].begin, 0u);
  EXPECT_EQ(pieces[0].end, 1u);
  EXPECT_EQ(pieces[0].actual_text, nullptr);
  actual_text_pieces(TextRunContent{}, pieces);
  EXPECT_TRUE(pieces.empty());
}

TEST(MarkedContent, ActualTextInThePiecesPropertyList) {
  EXPECT_EQ(begin_marked_content_with_actual_text(7, "dəqiq"),
            "/Span <</MCID 7 /ActualText <FEFF00640259007100690071>>> BDC\n");
  EXPECT_EQ(begin_marked_content_with_actual_text(0, ""), "/Span <</MCID 0 /ActualText ()>> BDC\n");
}

TEST(Roles, StandardStructureTypes) {
  for (const char* role : {"Document", "P", "H1", "L", "LI", "Lbl", "LBody", "Figure", "Caption", "TOC", "TOCI",
                           "Link", "Table", "TR", "TH", "TD", "Span", "Div", "BlockQuote"})
    EXPECT_TRUE(is_standard_role(role)) << role;
  EXPECT_FALSE(is_standard_role("Paragraph"));
  EXPECT_FALSE(is_standard_role("h1"));
}

}  // namespace
}  // namespace jan20::pdf
