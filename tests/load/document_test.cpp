// load_document: the content schema, block by block.
#include <gtest/gtest.h>

#include "load_test_util.h"

namespace jan20::load::test {
namespace {

const char* kMeta = R"([meta]
title = "20 Yanvar"
subtitle = "Ümumxalq Hüzn Günü"
author = "Hazırlayan"
publisher = "Nəşr"
subject = "Xatirə"
keywords = ["20 Yanvar", "Bakı"]
language = "az"
date = "2026-01-20"
source = "Mənbə"
url = "https://az.wikipedia.org/wiki/20_Yanvar"
hyphenation = ["xal-qı-mı-zın"]
)";

std::optional<model::Document> load(const TempProject& p, DiagnosticSink& sink, const std::string& blocks,
                                    const ContentContext& context = {}) {
  p.write("content/az.toml", std::string(kMeta) + blocks);
  return load_document("content/az.toml", p.options(), sink, context);
}

TEST(LoadDocument, ReadsMeta) {
  TempProject p;
  DiagnosticSink sink;
  auto doc = load(p, sink, "[[block]]\ntype = \"contents\"\n");
  ASSERT_TRUE(doc.has_value()) << formatted(sink).front();
  EXPECT_TRUE(sink.diagnostics().empty());
  EXPECT_EQ(doc->path, "content/az.toml");
  EXPECT_EQ(doc->meta.title, "20 Yanvar");
  EXPECT_EQ(doc->meta.subtitle, "Ümumxalq Hüzn Günü");
  EXPECT_EQ(doc->meta.author, "Hazırlayan");
  EXPECT_EQ(doc->meta.publisher, "Nəşr");
  EXPECT_EQ(doc->meta.subject, "Xatirə");
  EXPECT_EQ(doc->meta.keywords, (std::vector<std::string>{"20 Yanvar", "Bakı"}));
  EXPECT_EQ(doc->meta.language, "az");
  EXPECT_EQ(doc->meta.date, "2026-01-20");
  EXPECT_EQ(doc->meta.source, "Mənbə");
  EXPECT_EQ(doc->meta.url, "https://az.wikipedia.org/wiki/20_Yanvar");
  EXPECT_EQ(doc->meta.hyphenation_exceptions, (std::vector<std::string>{"xal-qı-mı-zın"}));
}

TEST(LoadDocument, AcceptsATomlDateLiteral) {
  TempProject p;
  p.write("c.toml", "[meta]\ntitle = \"T\"\nlanguage = \"en\"\ndate = 2026-01-20\n[[block]]\ntype = \"contents\"\n");
  DiagnosticSink sink;
  auto doc = load_document("c.toml", p.options(), sink);
  ASSERT_TRUE(doc.has_value()) << formatted(sink).front();
  EXPECT_EQ(doc->meta.date, "2026-01-20");
}

TEST(LoadDocument, ReadsEveryBlockType) {
  TempProject p;
  // A whole PNG: the loader checks the image's structure, not just its signature.
  p.write("content/images/x.png",
          jan20::testing::read_file(jan20::testing::source_dir() + "/tests/load/minimal_project/content/images/dot.png"));
  DiagnosticSink sink;
  auto doc = load(p, sink, R"(
[[block]]
type = "heading"
level = 2
text = "Nə baş verdi"
lang = "az-Latn"

[[block]]
type = "paragraph"
text = "Mətn [keçid](#nə-baş-verdi)."
style = "lead"
frame = "text"
id = "p1"

[[block]]
type = "quote"
text = "Sitat."
attribution = "Müəllif"

[[block]]
type = "list"
items = ["bir", "*iki*"]
numbered = true

[[block]]
type = "figure"
image = "content/images/x.png"
caption = "Şəkil *altı*"
credit = "Foto"
alt = "Təsvir"

[[block]]
type = "figure"
ornament = "carnation"
alt = "Qərənfil"

[[block]]
type = "facts"
facts = [ { value = "150", label = "həlak olub" }, { value = "744", label = "yaralanıb" } ]

[[block]]
type = "timeline"
entries = [ { date = "19–20 Yanvar 1990", event = "**Gecə**" } ]

[[block]]
type = "page-break"
master = "back"

[[block]]
type = "names"
header = ["Latın", "Kiril", "Ərəb"]
rows = [ [ { text = "Azərbaycan", lang = "az" }, { text = "Азәрбајҹан", lang = "az-Cyrl" }, { text = "آذربایجان", lang = "az-Arab" } ] ]
)");
  ASSERT_TRUE(doc.has_value()) << formatted(sink).front();
  EXPECT_TRUE(sink.diagnostics().empty()) << formatted(sink).front();
  const auto& b = doc->blocks;
  ASSERT_EQ(b.size(), 10u);

  ASSERT_TRUE(b[0].is<model::Heading>());
  EXPECT_EQ(b[0].as<model::Heading>()->level, 2);
  EXPECT_EQ(b[0].lang, "az-Latn");
  EXPECT_EQ(b[0].id, "nə-baş-verdi");  // derived from the text
  EXPECT_EQ(b[0].where.line, 14);
  EXPECT_EQ(b[0].where.column, 1);

  ASSERT_TRUE(b[1].is<model::Paragraph>());
  const model::Inline& text = b[1].as<model::Paragraph>()->text;
  EXPECT_EQ(b[1].style, "lead");
  EXPECT_EQ(b[1].frame, "text");
  EXPECT_EQ(b[1].id, "p1");
  ASSERT_EQ(text.size(), 3u);
  EXPECT_EQ(text[1].text, "keçid");
  EXPECT_EQ(text[1].link, "#nə-baş-verdi");

  ASSERT_TRUE(b[2].is<model::Quote>());
  EXPECT_EQ(b[2].as<model::Quote>()->attribution, "Müəllif");

  const model::List* list = b[3].as<model::List>();
  ASSERT_NE(list, nullptr);
  EXPECT_TRUE(list->numbered);
  ASSERT_EQ(list->items.size(), 2u);
  EXPECT_TRUE(list->items[1][0].emphasis);

  const model::Figure* figure = b[4].as<model::Figure>();
  ASSERT_NE(figure, nullptr);
  EXPECT_EQ(figure->image, "content/images/x.png");
  EXPECT_EQ(figure->credit, "Foto");
  EXPECT_EQ(figure->alt, "Təsvir");
  ASSERT_EQ(figure->caption.size(), 2u);
  EXPECT_TRUE(figure->caption[1].emphasis);
  const model::Figure* ornament = b[5].as<model::Figure>();
  ASSERT_NE(ornament, nullptr);
  EXPECT_EQ(ornament->ornament, "carnation");
  EXPECT_TRUE(ornament->image.empty());

  const model::Facts* facts = b[6].as<model::Facts>();
  ASSERT_NE(facts, nullptr);
  ASSERT_EQ(facts->figures.size(), 2u);
  EXPECT_EQ(facts->figures[1].value, "744");
  EXPECT_EQ(facts->figures[1].label, "yaralanıb");

  const model::Timeline* timeline = b[7].as<model::Timeline>();
  ASSERT_NE(timeline, nullptr);
  ASSERT_EQ(timeline->entries.size(), 1u);
  EXPECT_EQ(timeline->entries[0].date, "19–20 Yanvar 1990");
  EXPECT_TRUE(timeline->entries[0].event[0].strong);

  ASSERT_TRUE(b[8].is<model::PageBreak>());
  EXPECT_EQ(b[8].as<model::PageBreak>()->master, "back");

  const model::Names* names = b[9].as<model::Names>();
  ASSERT_NE(names, nullptr);
  ASSERT_EQ(names->rows.size(), 1u);  // one row; the column headings apart
  ASSERT_EQ(names->header.size(), 3u);
  EXPECT_EQ(names->header[2], "Ərəb");
  EXPECT_EQ(names->rows[0][1].text, "Азәрбајҹан");
  EXPECT_EQ(names->rows[0][1].lang, "az-Cyrl");
  EXPECT_EQ(names->rows[0][2].lang, "az-Arab");
}

TEST(LoadDocument, NormalizesToNfc) {
  TempProject p;
  DiagnosticSink sink;
  // "İ" typed as I + combining dot above, "ö" as o + combining diaeresis.
  auto doc = load(p, sink, "[[block]]\ntype = \"paragraph\"\ntext = \"I\\u0307ki go\\u0308z\"\n"
                           "[[block]]\ntype = \"quote\"\ntext = \"x\"\nattribution = \"I\\u0307lham\"\n");
  ASSERT_TRUE(doc.has_value()) << formatted(sink).front();
  EXPECT_EQ(std::get<model::Paragraph>(doc->blocks[0].content).text[0].text, "\xC4\xB0ki g\xC3\xB6z");  // İki göz, precomposed
  EXPECT_EQ(std::get<model::Quote>(doc->blocks[1].content).attribution, "\xC4\xB0lham");
}

TEST(LoadDocument, KeepsNoBreakSpaces) {
  TempProject p;
  DiagnosticSink sink;
  auto doc = load(p, sink, "[[block]]\ntype = \"paragraph\"\ntext = \"20\xC2\xA0Yanvar\"\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(std::get<model::Paragraph>(doc->blocks[0].content).text[0].text, "20\xC2\xA0Yanvar");
}

TEST(LoadDocument, DuplicateHeadingTextsGetDistinctIds) {
  TempProject p;
  DiagnosticSink sink;
  auto doc = load(p, sink, "[[block]]\ntype = \"heading\"\ntext = \"Xatirə\"\n"
                           "[[block]]\ntype = \"heading\"\ntext = \"Xatirə!\"\n");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->blocks[0].id, "xatirə");
  EXPECT_EQ(doc->blocks[1].id, "xatirə-2");
}

TEST(LoadDocument, ChecksNamesAgainstTheLayout) {
  model::Design design;
  design.path = "layouts/l.toml";
  design.styles["body"] = {};
  design.styles["lead"] = {};
  design.masters["body"] = {};
  design.masters["body"].frames.push_back({});
  design.masters["body"].frames.back().name = "headline";
  TempProject p;
  DiagnosticSink sink;
  auto doc = load(p, sink,
                  "[[block]]\ntype = \"paragraph\"\ntext = \"x\"\nstyle = \"lead\"\nframe = \"headline\"\n"
                  "[[block]]\ntype = \"paragraph\"\ntext = \"x\"\nstyle = \"quote\"\nframe = \"body\"\n"
                  "[[block]]\ntype = \"page-break\"\nmaster = \"back\"\n",
                  ContentContext{"az", &design});
  EXPECT_FALSE(doc.has_value());
  EXPECT_EQ(formatted(sink),
            (std::vector<std::string>{
                "content/az.toml:21:9: error: 'block[2].style' names unknown style 'quote' \xE2\x80\x94 the layout "
                "layouts/l.toml defines 'body', 'lead'",
                "content/az.toml:22:9: error: 'block[2].frame' names unknown frame 'body' \xE2\x80\x94 the layout "
                "layouts/l.toml defines 'headline'",
                "content/az.toml:25:10: error: 'block[3].master' names unknown master page 'back' \xE2\x80\x94 the "
                "layout layouts/l.toml defines 'body'"}));
}

TEST(LoadDocument, LanguageMustMatchTheEdition) {
  TempProject p;
  DiagnosticSink sink;
  EXPECT_FALSE(load(p, sink, "[[block]]\ntype = \"contents\"\n", ContentContext{"en", nullptr}).has_value());
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "content/az.toml:8:12: error: 'meta.language' is \"az\" but this file is the \"en\" "
                                 "edition \xE2\x80\x94 write language = \"en\", or fix the project's content pattern"}));
}

TEST(LoadDocument, ContentWithoutBlocks) {
  TempProject p;
  DiagnosticSink sink;
  EXPECT_FALSE(load(p, sink, "").has_value());
  EXPECT_EQ(formatted(sink), (std::vector<std::string>{
                                 "content/az.toml:1:1: error: the content has no [[block]] \xE2\x80\x94 add the text "
                                 "as [[block]] tables"}));
}

}  // namespace
}  // namespace jan20::load::test
