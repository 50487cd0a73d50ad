// Inline text: md4c limited to emphasis, strong and links, everything else
// literal; each span knows where its first character is written.
#include <gtest/gtest.h>

#include "load_test_util.h"

namespace jan20::load::test {
namespace {

struct Loaded {
  DiagnosticSink sink;
  std::optional<model::Document> doc;
  const model::Inline& text() const { return std::get<model::Paragraph>(doc->blocks.at(0).content).text; }
};

// One paragraph whose `text = ` value is `literal` (TOML syntax, with quotes),
// starting on line 6 of the file.
std::unique_ptr<Loaded> paragraph(const std::string& literal) {
  TempProject p;
  p.write("c.toml", "[meta]\ntitle = \"T\"\nlanguage = \"az\"\ndate = \"2026-01-20\"\n[[block]]\ntype = \"paragraph\"\n"
                    "text = " + literal + "\n");
  auto out = std::make_unique<Loaded>();
  out->doc = load_document("c.toml", p.options(), out->sink);
  return out;
}

std::string inline_text(const model::Inline& text) {
  std::string out;
  for (const auto& s : text) out += s.text;
  return out;
}

std::string describe(const model::Inline& text) {
  std::string out;
  for (const auto& s : text) {
    out += "[" + s.text + "]";
    if (s.emphasis) out += "e";
    if (s.strong) out += "s";
    if (!s.link.empty()) out += "<" + s.link + ">";
    out += "@" + std::to_string(s.where.line) + ":" + std::to_string(s.where.column) + " ";
  }
  return out;
}

TEST(InlineText, EmphasisStrongAndLinksWithPositions) {
  auto r = paragraph("\"Nə *baş* **verdi** [bax](https://x.az/?a=1&b=2).\"");
  ASSERT_TRUE(r->doc.has_value()) << formatted(r->sink).front();
  // Columns count characters: "ə" is two bytes and one column.
  EXPECT_EQ(describe(r->text()),
            "[Nə ]@7:9 [baş]e@7:13 [ ]@7:17 [verdi]s@7:20 [ ]@7:27 [bax]<https://x.az/?a=1&b=2>@7:29 [.]@7:56 ");
}

TEST(InlineText, BlockSyntaxAndOtherInlineSyntaxStayLiteral) {
  auto r = paragraph(
      "\"\"\"\n# Not a heading\n- not a list\n20. Yanvar\n> not a quote\n`code` <https://x.az> ![alt](x.png) "
      "&amp; \\\\*star\\\\*\n---\n\"\"\"");
  ASSERT_TRUE(r->doc.has_value()) << formatted(r->sink).front();
  EXPECT_EQ(inline_text(r->text()),
            "# Not a heading - not a list 20. Yanvar > not a quote `code` <https://x.az> ![alt](x.png) &amp; *star* "
            "---");
  for (const auto& s : r->text()) {
    EXPECT_FALSE(s.emphasis) << s.text;
    EXPECT_TRUE(s.link.empty()) << s.text;
  }
}

TEST(InlineText, SpansOfAMultiLineStringStartOnTheirOwnLines) {
  auto r = paragraph("\"\"\"\nBirinci sətir,\n    *ikinci* sətir \\\n   davamı.\"\"\"");
  ASSERT_TRUE(r->doc.has_value()) << formatted(r->sink).front();
  // The line-ending backslash joins "sətir" and "davamı" without a break.
  EXPECT_EQ(describe(r->text()), "[Birinci sətir, ]@8:1 [ikinci]e@9:6 [ sətir davamı.]@9:13 ");
}

TEST(InlineText, EscapesMapBackToTheirSource) {
  auto r = paragraph("\"A\\u0259 *x*\"");
  ASSERT_TRUE(r->doc.has_value()) << formatted(r->sink).front();
  EXPECT_EQ(describe(r->text()), "[Aə ]@7:9 [x]e@7:18 ");
}

TEST(InlineText, LiteralStringsHaveNoEscapes) {
  auto r = paragraph("'C:\\yol *x*'");
  ASSERT_TRUE(r->doc.has_value()) << formatted(r->sink).front();
  EXPECT_EQ(describe(r->text()), "[C:\\yol ]@7:9 [x]e@7:17 ");
}

TEST(InlineText, LinkToAnUnknownSchemeIsAnError) {
  auto r = paragraph("\"Bax: [sayt](javascript:alert(1))\"");
  EXPECT_FALSE(r->doc.has_value());
  EXPECT_EQ(formatted(r->sink),
            (std::vector<std::string>{"c.toml:7:15: error: link target 'javascript:alert(1)' in 'block[1].text' is "
                                      "not a web address \xE2\x80\x94 write https://…, mailto:… or #<id of a block>"}));
}

TEST(InlineText, WhitespaceOnlyTextIsEmpty) {
  auto r = paragraph("\"   \"");
  EXPECT_FALSE(r->doc.has_value());
  EXPECT_EQ(formatted(r->sink), (std::vector<std::string>{"c.toml:7:8: error: 'block[1].text' is empty \xE2\x80\x94 "
                                                          "write the text, or remove the block"}));
}

}  // namespace
}  // namespace jan20::load::test

namespace jan20::load::test {
namespace {

TEST(InlineText, LangLinksMarkWordsInAnotherLanguage) {
  auto r = paragraph("\"the Alley of Martyrs ([Şəhidlər Xiyabanı](lang:az)) and [Азәрбајҹан](lang:az-Cyrl)\"");
  ASSERT_TRUE(r->doc.has_value()) << formatted(r->sink).front();
  EXPECT_TRUE(r->sink.diagnostics().empty()) << formatted(r->sink).front();
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& s : r->text()) {
    EXPECT_TRUE(s.link.empty()) << s.text;
    got.push_back({s.text, s.lang});
  }
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::string>>{{"the Alley of Martyrs (", ""},
                                                                    {"Şəhidlər Xiyabanı", "az"},
                                                                    {") and ", ""},
                                                                    {"Азәрбајҹан", "az-Cyrl"}}));
}

TEST(InlineText, ALangLinkNeedsALanguageTag) {
  auto r = paragraph("\"[söz](lang:1az)\"");
  ASSERT_FALSE(formatted(r->sink).empty());
  EXPECT_NE(formatted(r->sink).front().find("is not a language tag"), std::string::npos) << formatted(r->sink).front();
}

}  // namespace
}  // namespace jan20::load::test
