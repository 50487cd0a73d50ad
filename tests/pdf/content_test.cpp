// The pure encoders of the PDF writer, checked against exact bytes.
#include <gtest/gtest.h>

#include "pdf/content.h"
#include "pdf/document_meta.h"
#include "pdf/to_unicode.h"

namespace jan20::pdf {
namespace {

TEST(EncodeTextRun, GlyphsAtTheirWidthsShareOneHexString) {
  TextRunContent run;
  run.font = "F1";
  run.size = 10;
  run.x = 72;
  run.y = 700.25;
  run.glyphs = {{1, 500, 0, 0}, {2, 600, 500, 0}, {3, 250, 1100, 0}};
  EXPECT_EQ(encode_text_run(run),
            "/F1 10 Tf\n"
            "1 0 0 1 72 700.25 Tm\n"
            "[<000100020003>] TJ\n");
}

TEST(EncodeTextRun, KerningBecomesAdjustmentOfWidthMinusAdvance) {
  // A kerned pair: glyph 1 has W 722 but HarfBuzz advanced it by 722 - 74.
  TextRunContent run;
  run.font = "F2";
  run.size = 12;
  run.glyphs = {{36, 722, 0, 0}, {57, 667, 648, 0}};
  EXPECT_EQ(encode_text_run(run),
            "/F2 12 Tf\n"
            "1 0 0 1 0 0 Tm\n"
            "[<0024> 74 <0039>] TJ\n");
}

TEST(EncodeTextRun, OffsetsArePairsOfAdjustmentsAndRiseUsesTs) {
  // A base (W 500) and a mark drawn 30 units left of the pen and 40 up; the
  // mark has no advance of its own in HarfBuzz, W 0 in the font.
  TextRunContent run;
  run.font = "F1";
  run.size = 10;
  run.glyphs = {{5, 500, 0, 0}, {9, 0, 470, 40}, {6, 500, 500, 0}};
  EXPECT_EQ(encode_text_run(run),
            "/F1 10 Tf\n"
            "1 0 0 1 0 0 Tm\n"
            "[<0005>] TJ\n"
            "0.4 Ts\n"
            "[30 <0009>] TJ\n"
            "0 Ts\n"
            "[-30 <0006>] TJ\n");
  // A run ending raised resets the rise for whatever comes next.
  run.glyphs.pop_back();
  EXPECT_EQ(encode_text_run(run),
            "/F1 10 Tf\n"
            "1 0 0 1 0 0 Tm\n"
            "[<0005>] TJ\n"
            "0.4 Ts\n"
            "[30 <0009>] TJ\n"
            "0 Ts\n");
}

TEST(EncodeTextRun, JustificationExtraIsAnAdjustmentNeverTw) {
  // 2 pt extra after the space at 10 pt = 200 thousandths of an em.
  TextRunContent run;
  run.font = "F1";
  run.size = 10;
  run.glyphs = {{1, 500, 0, 0}, {3, 250, 500, 0}, {2, 500, 950, 0}};
  std::string out = encode_text_run(run);
  EXPECT_EQ(out,
            "/F1 10 Tf\n"
            "1 0 0 1 0 0 Tm\n"
            "[<00010003> -200 <0002>] TJ\n");
  EXPECT_EQ(out.find("Tw"), std::string::npos);
}

// Replays a single-line TJ program the way a viewer does and returns where
// each glyph was drawn (thousandths of an em from the origin).
std::vector<double> replay_tj(const std::string& ops, double width) {
  std::vector<double> drawn;
  double pen = 0;
  size_t open = ops.find('[');
  size_t close = ops.find(']');
  std::string body = ops.substr(open + 1, close - open - 1);
  for (size_t i = 0; i < body.size();) {
    if (body[i] == ' ') {
      ++i;
    } else if (body[i] == '<') {
      size_t end = body.find('>', i);
      for (size_t k = i + 1; k + 4 <= end; k += 4) {
        drawn.push_back(pen);
        pen += width;
      }
      i = end + 1;
    } else {
      size_t end = body.find_first_of(" <", i);
      pen -= std::stod(body.substr(i, end - i));
      i = end;
    }
  }
  return drawn;
}

TEST(EncodeTextRun, RoundingNeverAccumulates) {
  // Targets a third of a unit apart from the widths: each glyph still lands
  // within half a thousandth of a unit of its place, glyph 100 included.
  TextRunContent run;
  run.font = "F1";
  run.size = 10;
  for (int i = 0; i < 100; ++i) run.glyphs.push_back({1, 333, i * 333.3333333, 0});
  std::vector<double> drawn = replay_tj(encode_text_run(run), 333);
  ASSERT_EQ(drawn.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_NEAR(drawn[static_cast<size_t>(i)], i * 333.3333333, 0.0005) << i;
}

TEST(EncodeTextRun, ActualTextSpansBracketTheirGlyphs) {
  TextRunContent run;
  run.font = "F1";
  run.size = 10;
  run.glyphs = {{1, 500, 0, 0}, {2, 500, 500, 0}, {3, 300, 1000, 0}};
  run.spans = {{1, 2, "ə̃"}, {2, 3, ""}};
  EXPECT_EQ(encode_text_run(run),
            "/F1 10 Tf\n"
            "1 0 0 1 0 0 Tm\n"
            "[<0001>] TJ\n"
            "/Span <</ActualText <FEFF02590303>>> BDC\n"
            "[<0002>] TJ\n"
            "EMC\n"
            "/Span <</ActualText ()>> BDC\n"
            "[<0003>] TJ\n"
            "EMC\n");
}

TEST(EncodeTextRun, RightToLeftGlyphsWrittenLeftwards) {
  // Logical order of a two-glyph RTL run: the right glyph first.
  TextRunContent run;
  run.font = "F1";
  run.size = 20;
  run.glyphs = {{7, 400, 300, 0}, {8, 300, 0, 0}};
  EXPECT_EQ(encode_text_run(run),
            "/F1 20 Tf\n"
            "1 0 0 1 0 0 Tm\n"
            "[-300 <0007> 700 <0008>] TJ\n");
}

TEST(Numbers, AppendedDigitsAreTheFormattedOnes) {
  // append_num writes into a buffer what num returns: the same rounding,
  // no trailing zeros, no "-0", "0" for what a content stream cannot hold.
  const std::pair<double, int> cases[] = {{0, 4},        {-0.0, 4},     {-0.00001, 4}, {700.25, 4},  {1.23456, 4},
                                          {-12.5, 3},    {0.0005, 3},   {-0.0004, 3},  {1e14, 4},    {3e15, 4},
                                          {1e300, 2},    {42, 0},       {9.99996, 4},  {123.1, 1},   {-1.05, 2}};
  const char* expected[] = {"0", "0", "0", "700.25", "1.2346", "-12.5", "0.001", "0", "100000000000000", "0",
                            "0", "42", "10", "123.1", "-1.05"};
  for (size_t i = 0; i < std::size(cases); ++i) {
    std::string out = "x";
    append_num(out, cases[i].first, cases[i].second);
    EXPECT_EQ(out, std::string("x") + expected[i]) << cases[i].first;
    EXPECT_EQ(num(cases[i].first, cases[i].second), expected[i]) << cases[i].first;
  }
}

TEST(TextStringLiteral, AsciiEscapedElseUtf16WithBom) {
  EXPECT_EQ(pdf_text_string_literal("a(b)\\"), "(a\\(b\\)\\\\)");
  EXPECT_EQ(pdf_text_string_literal(""), "()");
  EXPECT_EQ(pdf_text_string_literal("İ"), "<FEFF0130>");
  EXPECT_EQ(pdf_text_string_literal("\U0001F600"), "<FEFFD83DDE00>");
}

TEST(MarkedContent, Operators) {
  EXPECT_EQ(begin_marked_content("P", 3), "/P <</MCID 3>> BDC\n");
  EXPECT_EQ(begin_artifact(), "/Artifact BMC\n");
  EXPECT_EQ(end_marked_content(), "EMC\n");
}

// Each entry maps the CID (4 hex digits) to the UTF-16BE of its text, written
// out here from the code points (U+0041, U+0066 U+0066 U+0069, U+0259,
// U+1F600 as the surrogates D83D DE00); an empty text (an inserted hyphen)
// has no entry. The whole map read back from a written PDF is checked in
// text_extraction_test.cpp (ToUnicode.EveryShownGlyphMapsBackToTheCharactersOfItsRun).
TEST(ToUnicodeCmap, MapsEachCidToTheUtf16OfItsText) {
  std::string cmap = build_to_unicode_cmap({{1, "A"}, {2, "ffi"}, {3, ""}, {4, "ə"}, {5, "\U0001F600"}});
  EXPECT_NE(cmap.find("4 beginbfchar\n"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<0001> <0041>\n"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<0002> <006600660069>\n"), std::string::npos) << cmap;
  EXPECT_EQ(cmap.find("<0003>"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<0004> <0259>\n"), std::string::npos) << cmap;
  EXPECT_NE(cmap.find("<0005> <D83DDE00>\n"), std::string::npos) << cmap;
  // A CMap of the Adobe-Identity-UCS kind over two-byte codes (PDF 32000 9.10.3).
  EXPECT_NE(cmap.find("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def"), std::string::npos);
  EXPECT_NE(cmap.find("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange"), std::string::npos);
}

TEST(ToUnicodeCmap, BlocksOfAtMostOneHundred) {
  std::vector<CidText> entries;
  for (uint16_t i = 1; i <= 250; ++i) entries.push_back({i, "x"});
  std::string cmap = build_to_unicode_cmap(entries);
  EXPECT_NE(cmap.find("100 beginbfchar\n<0001> <0078>"), std::string::npos);
  EXPECT_NE(cmap.find("100 beginbfchar\n<0065> <0078>"), std::string::npos);
  EXPECT_NE(cmap.find("50 beginbfchar\n<00C9> <0078>"), std::string::npos);
  EXPECT_NE(cmap.find("<00FA> <0078>\nendbfchar\nendcmap"), std::string::npos);
}

TEST(PdfDate, FromIso8601) {
  EXPECT_EQ(pdf_date("2025-01-20"), "D:20250120000000Z");
  EXPECT_EQ(pdf_date("2025-01-20T09:30"), "D:20250120093000Z");
  EXPECT_EQ(pdf_date("2025-01-20T09:30:15+04:00"), "D:20250120093015+04'00'");
  EXPECT_EQ(pdf_date("1990-01-20T00:00:00Z"), "D:19900120000000Z");
  EXPECT_EQ(pdf_date("20 Yanvar 1990"), std::nullopt);
  EXPECT_EQ(pdf_date("2025-13-01"), std::nullopt);
  EXPECT_EQ(pdf_date("2025-01-20T25:00"), std::nullopt);
}

TEST(PageLabels, CoverUnnumberedThenDecimal) {
  std::vector<LabelRange> r = page_label_ranges({"", "1", "2", "3"});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].first_page, 0);
  EXPECT_EQ(r[0].style, 0);
  EXPECT_EQ(r[0].prefix, "");
  EXPECT_EQ(r[1].first_page, 1);
  EXPECT_EQ(r[1].style, 'D');
  EXPECT_EQ(r[1].start, 1);
}

TEST(PageLabels, RomanFrontMatterGapsAndPrefixes) {
  std::vector<LabelRange> r = page_label_ranges({"i", "ii", "iii", "5", "6", "8", "A-1", "A-2", "Arxiv", "Arxiv"});
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].style, 'r');
  EXPECT_EQ(r[1].first_page, 3);
  EXPECT_EQ(r[1].start, 5);
  EXPECT_EQ(r[2].first_page, 5);  // 8 does not follow 6
  EXPECT_EQ(r[2].start, 8);
  EXPECT_EQ(r[3].prefix, "A-");
  EXPECT_EQ(r[3].style, 'D');
  EXPECT_EQ(r[4].first_page, 8);
  EXPECT_EQ(r[4].style, 0);
  EXPECT_EQ(r[4].prefix, "Arxiv");  // both "Arxiv" pages: one range with no number
}

}  // namespace
}  // namespace jan20::pdf
