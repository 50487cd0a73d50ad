// Text copies out exactly: every script the booklet uses, ligatures, marks,
// shared glyphs and inserted hyphens, read back with poppler (pdftotext) and
// MuPDF (mutool draw -F txt) from PDFs the writer produced.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "core/utf.h"
#include "pdf_fixture.h"
#include "support/test_support.h"

namespace jan20::testing {
namespace {

struct Line {
  int font;
  std::string text;
  ShapeOptions shape;
};

// One run per line on an A5 page; returns the PDF's path.
std::string render_lines(const std::vector<Line>& lines, bool tagged = false) {
  model::PagedDocument doc = a5_document();
  double y = 60;
  for (const Line& l : lines) {
    const char* path = l.font == 1 ? kNotoNaskh : l.font == 2 ? kEbGaramond : l.font == 3 ? kNotoSans : kNotoSerif;
    model::GlyphRun run = shape_run(path, l.font, l.text, 12, 40, y, l.shape);
    if (tagged) run.tag = 1;
    doc.pages[0].items.push_back(run);
    y += 20;
  }
  if (tagged) doc.tags = {{"Document", -1, {1}}, {"P", 0, {}}};
  DiagnosticSink sink;
  std::string pdf = render(doc, sink);
  EXPECT_FALSE(pdf.empty()) << (sink.diagnostics().empty() ? "" : format_diagnostic(sink.diagnostics()[0]));
  return pdf;
}

void expect_both_extract(const std::string& pdf, const std::string& expected) {
  EXPECT_EQ(squash_spaces(strip_bidi_marks(pdftotext(pdf))), expected) << "poppler";
  EXPECT_EQ(squash_spaces(mutool_text(pdf)), expected) << "MuPDF";
}

std::string upper(std::string hex) {
  for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return hex;
}

// UTF-16BE hex ("00660069", surrogate pairs joined) as UTF-8, decoded here
// from the Unicode encoding forms, not by the writer's code.
std::string utf16_hex_to_utf8(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 4 <= hex.size(); i += 4) {
    char32_t c = static_cast<char32_t>(std::stoul(hex.substr(i, 4), nullptr, 16));
    if (c >= 0xD800 && c < 0xDC00 && i + 8 <= hex.size()) {
      char32_t low = static_cast<char32_t>(std::stoul(hex.substr(i + 4, 4), nullptr, 16));
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      i += 4;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// The ToUnicode maps as a reader applies them: qpdf rewrites the PDF with
// its streams uncompressed; each font resource's /ToUnicode CMap is parsed
// here, and each TJ of the page's content stream is decoded through the
// map of the font selected before it. The expected text is the content's
// own characters (each run's text), not anything the writer computed.
TEST(ToUnicode, EveryShownGlyphMapsBackToTheCharactersOfItsRun) {
  const std::vector<Line> lines = {{0, "Azərbaycan İstiqlal ğ ş ç ö ü ı", {"az"}},
                                   {0, "office fluffy finish", {"en"}},
                                   {3, "Ümumxalq Hüzn Günü"},
                                   {0, "Азәрбајҹан Бакы", {"az-Cyrl"}},
                                   {2, "Qanlı Yanvar 1990", {"az"}}};
  const std::string qdf = uncompressed(render_lines(lines));
  std::map<int, std::string> objects;
  static const std::regex kObject(R"((\d+) 0 obj\n([\s\S]*?)\nendobj)");
  for (std::sregex_iterator it(qdf.begin(), qdf.end(), kObject), end; it != end; ++it)
    objects[std::stoi((*it)[1])] = (*it)[2];
  ASSERT_FALSE(objects.empty());

  // Font resource name -> (CID hex -> text).
  std::map<std::string, std::map<std::string, std::string>> maps;
  static const std::regex kFontResource(R"(/(F\d+) (\d+) 0 R)"), kToUnicode(R"(/ToUnicode (\d+) 0 R)"),
      kBfchar(R"(beginbfchar\n([\s\S]*?)endbfchar)"), kPair(R"(<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]*)>)");
  for (std::sregex_iterator it(qdf.begin(), qdf.end(), kFontResource), end; it != end; ++it) {
    std::smatch to_unicode;
    const std::string& font = objects[std::stoi((*it)[2])];
    ASSERT_TRUE(std::regex_search(font, to_unicode, kToUnicode)) << "font " << (*it)[1] << " has no ToUnicode";
    const std::string& cmap = objects[std::stoi(to_unicode[1])];
    auto& map = maps[(*it)[1]];
    for (std::sregex_iterator block(cmap.begin(), cmap.end(), kBfchar); block != end; ++block) {
      const std::string entries = (*block)[1];
      for (std::sregex_iterator pair(entries.begin(), entries.end(), kPair); pair != end; ++pair)
        map[upper((*pair)[1])] = utf16_hex_to_utf8((*pair)[2]);
    }
    EXPECT_FALSE(map.empty()) << "font " << (*it)[1];
  }
  ASSERT_GE(maps.size(), 3u);

  // The content stream: each TJ's CIDs through the current font's map.
  std::smatch contents;
  ASSERT_TRUE(std::regex_search(qdf, contents, std::regex(R"(/Contents (\d+) 0 R)")));
  const std::string& stream = objects[std::stoi(contents[1])];
  std::vector<std::string> decoded;
  std::string font;
  static const std::regex kOperator(R"(/(F\d+) [0-9.]+ Tf|\[([^\]]*)\] TJ)"), kHex(R"(<([0-9A-Fa-f]*)>)");
  for (std::sregex_iterator op(stream.begin(), stream.end(), kOperator), end; op != end; ++op) {
    if ((*op)[1].matched) {
      font = (*op)[1];
      continue;
    }
    ASSERT_TRUE(maps.count(font)) << "TJ before any font";
    std::string text, array = (*op)[2];
    for (std::sregex_iterator hex(array.begin(), array.end(), kHex); hex != end; ++hex) {
      const std::string cids = upper((*hex)[1]);  // PDF hex strings: either case
      for (size_t i = 0; i + 4 <= cids.size(); i += 4) {
        auto found = maps[font].find(cids.substr(i, 4));
        ASSERT_NE(found, maps[font].end()) << "CID " << cids.substr(i, 4) << " of " << font << " has no entry";
        text += found->second;
      }
    }
    decoded.push_back(text);
  }
  std::vector<std::string> expected;
  for (const Line& l : lines) expected.push_back(l.text);
  EXPECT_EQ(decoded, expected);
}

TEST(TextExtraction, AzerbaijaniLatin) {
  const std::string text = "Azərbaycan İSTİQLAL ığşçöü";
  std::string pdf = render_lines({{0, text, {"az"}}});
  expect_both_extract(pdf, text);
  std::string check;
  EXPECT_TRUE(qpdf_check_clean(pdf, &check)) << check;
}

TEST(TextExtraction, AzerbaijaniCyrillic) {
  const std::string text = "Азәрбајҹан Һејдәр Әлијев";
  expect_both_extract(render_lines({{0, text, {"az-Cyrl"}}}), text);
}

TEST(TextExtraction, RussianInTheSansFont) {
  const std::string text = "Россия и Азербайджан, 20 января 1990 года";
  expect_both_extract(render_lines({{3, text, {"ru"}}}), text);
}

TEST(TextExtraction, LigaturesCopyOutAsTheirLetters) {
  const std::string text = "office fluffy finish";
  // Precondition: the fonts really form ligatures here.
  EXPECT_LT(shape_run(kNotoSerif, 0, text, 12, 0, 0, {"en"}).glyphs.size(), utf8_length(text));
  expect_both_extract(render_lines({{0, text, {"en"}}}), text);
  // EB Garamond (CFF outlines) uses contextual forms here instead.
  expect_both_extract(render_lines({{2, text, {"en"}}}), text);
}

TEST(TextExtraction, ArabicScriptInLogicalOrder) {
  const std::string text = "آذربایجان";
  expect_both_extract(render_lines({{1, text, {"az-Arab", true}}}), text);
  const std::string phrase = "آذربایجان جمهوریتی";  // two words: the space survives
  expect_both_extract(render_lines({{1, phrase, {"az-Arab", true}}}), phrase);
}

TEST(TextExtraction, CombiningMarkStaysWithItsLetter) {
  const std::string text = "ə̃ x̌";
  model::GlyphRun run = shape_run(kNotoSerif, 0, text, 12, 0, 0);
  ASSERT_EQ(run.glyphs.size(), 5u) << "each base and mark its own glyph";
  expect_both_extract(render_lines({{0, text}}), text);
}

TEST(TextExtraction, EveryFontEmbeddedSubsetWithToUnicode) {
  std::string pdf = render_lines({{0, "Azərbaycan"}, {1, "آذربایجان", {"az-Arab", true}}, {2, "Garamond"}, {3, "Sans"}});
  std::string fonts = pdffonts(pdf);
  // Header, rule, then one line per font ending in "yes yes yes <obj> 0".
  std::vector<std::string> lines;
  for (size_t p = 0, e; (e = fonts.find('\n', p)) != std::string::npos; p = e + 1) lines.push_back(fonts.substr(p, e - p));
  ASSERT_EQ(lines.size(), 6u) << fonts;
  for (size_t i = 2; i < lines.size(); ++i) {
    EXPECT_NE(lines[i].find("Identity-H       yes yes yes"), std::string::npos) << lines[i];
    EXPECT_EQ(lines[i][6], '+') << "subset tag: " << lines[i];
  }
  EXPECT_NE(fonts.find("CID TrueType"), std::string::npos);
  EXPECT_NE(fonts.find("CID Type 0C"), std::string::npos);
  std::string check;
  EXPECT_TRUE(qpdf_check_clean(pdf, &check)) << check;
}

TEST(TextExtraction, FontThatForbidsSubsettingIsEmbeddedWhole) {
  for (int font : {0, 2}) {  // TrueType and CFF
    model::PagedDocument doc = a5_document();
    doc.fonts[static_cast<size_t>(font)].subsetting_allowed = false;  // as for OS/2 fsType 0x0100
    const std::string text = "Azərbaycan İSTİQLAL ığşçöü";
    doc.pages[0].items.push_back(shape_run(font == 2 ? kEbGaramond : kNotoSerif, font, text, 12, 40, 60));
    DiagnosticSink sink;
    std::string pdf = render(doc, sink);
    ASSERT_FALSE(pdf.empty());
    std::string fonts = pdffonts(pdf);
    EXPECT_NE(fonts.find(font == 2 ? "\nEBGaramond12-Regular " : "\nNotoSerif-Regular "), std::string::npos) << fonts;
    EXPECT_NE(fonts.find("Identity-H       yes no  yes"), std::string::npos) << fonts;
    EXPECT_GT(read_file(pdf).size(), 150u * 1024u);  // every glyph is there
    expect_both_extract(pdf, text);
    std::string check;
    EXPECT_TRUE(qpdf_check_clean(pdf, &check)) << check;
  }
}

TEST(TextExtraction, OnePageWithOneFontIsSmall) {
  std::string pdf = render_lines({{0, "20 Yanvar — Ümumxalq Hüzn Günü"}, {0, "Azərbaycan İSTİQLAL ığşçöü"}});
  EXPECT_LT(read_file(pdf).size(), 40u * 1024u);
}

TEST(TextExtraction, SharedGlyphCopiesOutAsEachText) {
  // With small capitals from both cases (smcp + c2sc) Noto Serif draws "A"
  // and "a" with one glyph; each use must still copy out as its own letter.
  const std::string text = "Aa Bb";
  ShapeOptions caps{"az", false, "+smcp,+c2sc"};
  model::GlyphRun run = shape_run(kNotoSerif, 0, text, 12, 0, 0, caps);
  ASSERT_EQ(run.glyphs[0].id, run.glyphs[1].id) << "A and a share a glyph";
  std::string pdf = render_lines({{0, text, caps}});
  expect_both_extract(pdf, text);
  EXPECT_EQ(pdffonts(pdf).find("uni no"), std::string::npos);
}

TEST(TextExtraction, SharedGlyphInACffFontUsesActualText) {
  // EB Garamond (CFF): the CID is the glyph, so an inserted hyphen shares its
  // CID with the real hyphens; both read "-", which is what the inserted
  // hyphen extracts as in every font (see pdf/glyph_run.h).
  model::PagedDocument doc = a5_document();
  model::GlyphRun line1 = shape_run(kEbGaramond, 2, "1990-cı ilin Yan", 12, 40, 60);
  append_inserted_hyphen(line1, kEbGaramond);
  doc.pages[0].items = {line1, shape_run(kEbGaramond, 2, "var-ı", 12, 40, 76)};
  DiagnosticSink sink;
  std::string pdf = render(doc, sink);
  ASSERT_FALSE(pdf.empty());
  EXPECT_EQ(pdftotext(pdf, {"-raw"}), "1990-cı ilin Yan-\nvar-ı\n\f");
}

model::PagedDocument hyphenated_paragraph(bool tagged) {
  model::PagedDocument doc = a5_document();
  model::GlyphRun line1 = shape_run(kNotoSerif, 0, "Müstəqil Azər", 12, 40, 60);
  append_inserted_hyphen(line1, kNotoSerif);
  model::GlyphRun folio = shape_run(kNotoSerif, 0, "7", 9, 200, 560);
  model::GlyphRun line2 = shape_run(kNotoSerif, 0, "baycan 20-ci il", 12, 40, 76);
  if (tagged) {
    line1.tag = line2.tag = 1;
    doc.tags = {{"Document", -1, {1}}, {"P", 0, {}}};
  }
  doc.pages[0].items = {line1, folio, line2};
  return doc;
}

TEST(TextExtraction, HyphenatedWordsCopyOutWhole) {
  DiagnosticSink sink;
  std::string pdf = render(hyphenated_paragraph(true), sink);
  ASSERT_FALSE(pdf.empty());
  std::string raw = pdftotext(pdf, {"-raw"});
  EXPECT_EQ(raw.substr(0, raw.find('\f')), "Müstəqil Azərbaycan\n7\n20-ci il\n");
  std::string reading = squash_spaces(pdftotext(pdf));
  EXPECT_EQ(reading, "Müstəqil Azərbaycan 20-ci il 7");
  // MuPDF 1.21 ignores /ActualText: it reads the ToUnicode map, where the
  // inserted hyphen is a hyphen at the line's end (PDF.js's find rejoins
  // "Azər-" + line end + "baycan"; a soft hyphen it drops), never a soft
  // hyphen that PDF.js would lose.
  std::string mu = mutool_text(pdf);
  EXPECT_NE(mu.find("Azər-\n"), std::string::npos) << mu;
  EXPECT_EQ(mu.find("Azər\u00AD"), std::string::npos) << mu;
}

TEST(TextExtraction, InsertedHyphenWithoutStructureEndsItsLine) {
  DiagnosticSink sink;
  std::string pdf = render(hyphenated_paragraph(false), sink);
  ASSERT_FALSE(pdf.empty());
  for (const std::string& text : {pdftotext(pdf, {"-raw"}), mutool_text(pdf)}) {
    EXPECT_NE(text.find("Azər-\n"), std::string::npos) << text;
    EXPECT_EQ(text.find("Azər\u00AD"), std::string::npos) << text;
    EXPECT_NE(text.find("20-ci"), std::string::npos) << "the real hyphen stays: " << text;
  }
}

}  // namespace
}  // namespace jan20::testing
