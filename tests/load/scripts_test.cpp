// check_scripts: mixed Latin/Cyrillic words and schwa look-alikes.
#include <gtest/gtest.h>

#include <set>

#include "load_test_util.h"
#include "model/block_texts.h"

namespace jan20::load::test {
namespace {

model::Document doc_with(const std::string& text, const std::string& lang = "az") { return one_paragraph(text, lang); }

std::vector<std::string> check(const model::Document& doc) {
  DiagnosticSink sink;
  check_scripts(doc, sink);
  EXPECT_FALSE(sink.has_errors());
  return formatted(sink);
}

TEST(CheckScripts, CleanTextInEveryScriptHasNoWarnings) {
  EXPECT_TRUE(check(doc_with("Azərbaycan xalqının 20 Yanvar faciəsi; İlham, ığdır.")).empty());
  EXPECT_TRUE(check(doc_with("Азәрбајҹан халгы, Бакы шәһәри", "az-Cyrl")).empty());
  EXPECT_TRUE(check(doc_with("آذربایجان باکی", "az-Arab")).empty());
  EXPECT_TRUE(check(doc_with("Bakı — Баку — باکی")).empty());  // scripts side by side, each word in one
}

TEST(CheckScripts, CyrillicLetterInALatinWord) {
  // "Azərbаycan" with a Cyrillic а (U+0430) as the 6th character.
  EXPECT_EQ(check(doc_with("Bu Azərb\xD0\xB0ycan")),
            (std::vector<std::string>{"c.toml:7:17: warning: word 'Azərbаycan' mixes Latin and Cyrillic letters: 'а' "
                                      "U+0430 is Cyrillic \xE2\x80\x94 write a U+0061"}));
}

TEST(CheckScripts, CyrillicSchwaInALatinWord) {
  EXPECT_EQ(check(doc_with("m\xD3\x99tn")),
            (std::vector<std::string>{"c.toml:7:10: warning: word 'mәtn' mixes Latin and Cyrillic letters: 'ә' "
                                      "U+04D9 is Cyrillic \xE2\x80\x94 write ə U+0259"}));
}

TEST(CheckScripts, LatinLetterInACyrillicWord) {
  // Cyrillic "Бакы" with a Latin a; Latin i in "шәһәр" style words.
  EXPECT_EQ(check(doc_with("Бaкы і", "az-Cyrl")),
            (std::vector<std::string>{"c.toml:7:10: warning: word 'Бaкы' mixes Latin and Cyrillic letters: 'a' "
                                      "U+0061 is Latin \xE2\x80\x94 write а U+0430"}));
  EXPECT_EQ(check(doc_with("Хiйабан", "az-Cyrl")),
            (std::vector<std::string>{"c.toml:7:10: warning: word 'Хiйабан' mixes Latin and Cyrillic letters: 'i' "
                                      "U+0069 is Latin \xE2\x80\x94 write і U+0456"}));
}

TEST(CheckScripts, SchwaLookAlikes) {
  EXPECT_EQ(check(doc_with("N\xC7\x9D \xC6\x8EHMƏD")),
            (std::vector<std::string>{
                "c.toml:7:10: warning: 'ǝ' U+01DD in 'Nǝ' is not the Azerbaijani schwa \xE2\x80\x94 write ə U+0259",
                "c.toml:7:12: warning: 'Ǝ' U+018E in 'ƎHMƏD' is not the Azerbaijani schwa \xE2\x80\x94 write Ə "
                "U+018F"}));
}

// check() first reads the bytes and skips a text that can hold nothing to
// report; each character that can make a warning must still reach the full
// check, wherever it sits among characters the skip allows (Latin-1, Greek,
// punctuation from U+2000).
TEST(CheckScripts, TextsWithWarningsAreNotSkipped) {
  EXPECT_EQ(check(doc_with("\xE2\x80\x9C" "Aqil\xC9\x98 \xCE\xB1\xE2\x80\x9D")).size(), 1u);  // U+0258
  EXPECT_EQ(check(doc_with("caf\xC3\xA9 \xD0\xB0" "bc")).size(), 1u);  // U+0430 in "аbc"
  EXPECT_EQ(check(doc_with("abc\xD4\x9B")).size(), 1u);                // U+051B, Cyrillic q
  for (const char* letter : {"\xC9\x99", "\xC6\x8F", "\xC4\xB1", "\xC4\xB0", "\xC4\x9F", "\xC4\x9E"}) {
    const std::vector<std::string> warnings = check(doc_with(std::string("The caf\xC3\xA9 x") + letter + "y", "en"));
    ASSERT_EQ(warnings.size(), 1u) << letter;
    EXPECT_NE(warnings[0].find("looks Azerbaijani"), std::string::npos) << warnings[0];
  }
  // The same letters in Azerbaijani or Turkish text, and text with nothing
  // to report, say nothing.
  EXPECT_TRUE(check(doc_with("\xC9\x99\xC6\x8F\xC4\xB1\xC4\xB0\xC4\x9F\xC4\x9E \xE2\x80\x94 caf\xC3\xA9")).empty());
  EXPECT_TRUE(check(doc_with("\xC4\xB1\xC4\xB0\xC4\x9F", "tr")).empty());
  EXPECT_TRUE(check(doc_with("The caf\xC3\xA9 \xCE\xB1\xCE\xB2 \xE2\x80\x93 20\xE2\x80\xAF" "January", "en")).empty());
}

TEST(CheckScripts, PlainStringsAreReportedAtTheirBlock) {
  model::Document doc;
  doc.meta.language = "az";
  model::Block b;
  b.where = {"c.toml", 40, 1};
  b.content = model::Names{{}, {{{"Az\xD3\x99rbaycan", "az"}, {"Азәрбајҹан", "az-Cyrl"}}}};
  doc.blocks.push_back(b);
  EXPECT_EQ(check(doc), (std::vector<std::string>{
                            "c.toml:40:1: warning: word 'Azәrbaycan' mixes Latin and Cyrillic letters: 'ә' U+04D9 is "
                            "Cyrillic \xE2\x80\x94 write ə U+0259"}));
}

// A names table's column headings are checked like its cells (they were
// skipped before model::for_each_text listed every text of a block).
TEST(CheckScripts, NamesTableHeadingsAreChecked) {
  model::Document doc;
  doc.meta.language = "az";
  model::Block b;
  b.where = {"c.toml", 5, 1};
  b.content = model::Names{{"Lat\xD1\x96n"}, {}};  // a Cyrillic і (U+0456) in a Latin word
  doc.blocks.push_back(b);
  std::vector<std::string> got = check(doc);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("c.toml:5:1: warning: word 'Latіn' mixes Latin and Cyrillic letters"), std::string::npos)
      << got[0];
}

// for_each_text reaches every text a block can carry, and what the layout
// adds around them: what `jan20-pdf fonts` checks coverage of and what
// check_scripts reads.
TEST(BlockTexts, EveryFieldAndTheLayoutsAdditionsAreListed) {
  auto span = [](const char* text) {
    model::Span s;
    s.text = text;
    return model::Inline{s};
  };
  model::Figure figure;
  figure.caption = span("caption");
  figure.credit = "credit";
  figure.alt = "alt";
  std::vector<model::BlockContent> kinds = {
      model::Paragraph{span("paragraph")},
      model::Heading{1, span("heading")},
      model::Quote{span("quote"), "attribution"},
      model::List{false, {span("item")}},
      figure,
      model::Facts{{{"value", "label"}}},
      model::Timeline{{{"date", span("event")}}},
      model::PageBreak{},
      model::Contents{},
      model::Names{{"header"}, {{{"cell", "az-Cyrl"}}}},
  };
  ASSERT_EQ(kinds.size(), std::variant_size_v<model::BlockContent>) << "one block of each kind";
  std::multiset<std::string> set, alt, added;
  for (const model::BlockContent& content : kinds) {
    model::Block b;
    b.content = content;
    model::for_each_text(b, [&](const model::BlockText& t) {
      (t.kind == model::BlockText::Kind::Set ? set : t.kind == model::BlockText::Kind::Alt ? alt : added)
          .insert(std::string(t.text));
    });
  }
  EXPECT_EQ(set, (std::multiset<std::string>{"paragraph", "heading", "quote", "item", "attribution", "caption",
                                             "credit", "value", "label", "date", "event", "header", "cell"}));
  EXPECT_EQ(alt, (std::multiset<std::string>{"alt"}));
  EXPECT_EQ(added, (std::multiset<std::string>{"\xE2\x80\x94 ", "\xE2\x80\xA2"}));  // the dash, the bullet
  model::Block numbered;
  numbered.content = model::List{true, {span("first"), span("second")}};
  added.clear();
  model::for_each_text(numbered, [&](const model::BlockText& t) {
    if (t.kind == model::BlockText::Kind::Added) added.insert(std::string(t.text));
  });
  EXPECT_EQ(added, (std::multiset<std::string>{"1.", "2."}));
}

}  // namespace
}  // namespace jan20::load::test
