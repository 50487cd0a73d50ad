// Acceptance for accessible output: the project's four PDFs, built by the
// real binary, read back with poppler (`pdfinfo -struct-text`, -meta), qpdf
// and the checker, against the content files they were made from.
#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <algorithm>
#include <regex>

#include "load/load.h"
#include "struct_text.h"
#include "text/case_transform.h"

namespace jan20::testing {
namespace {

class Accessible : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = run({jan20_binary(), "-C", source_dir(), "build", "--quiet", "--out", out_});
    screen_ = make_temp_dir();
    screen_build_ = run({jan20_binary(), "-C", source_dir(), "build", "booklet", "--target", "screen", "--quiet",
                         "--out", screen_});
  }
  static std::string pdf(const std::string& name) { return out_ + "/" + name + ".pdf"; }
  static std::string screen_pdf(const std::string& name) { return screen_ + "/" + name + ".pdf"; }
  static inline std::string out_, screen_;
  static inline CommandResult build_, screen_build_;
};

model::Document content(const std::string& path) {
  load::LoadOptions options;
  options.root = source_dir();
  DiagnosticSink sink;
  std::optional<model::Document> doc = load::load_document(path, options, sink);
  EXPECT_TRUE(doc.has_value()) << path;
  return doc ? *doc : model::Document{};
}

std::string plain(const model::Inline& text) {
  std::string s;
  for (const model::Span& span : text) s += span.text;
  return s;
}

std::vector<std::string> upper(std::vector<std::string> pieces, const std::string& lang) {
  for (std::string& p : pieces) p = text::to_upper(p, lang);
  return pieces;
}

bool ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Walks the content's blocks and the Document's elements side by side: each
// block is one element of the right role, in the content's order, whose
// text spells the block's words. `after` elements may follow the last block.
// A screen file's contents entries are Links holding their annotation; a
// print file has no annotations (PDF/X), so they are References.
enum class Links { Annotated, None };
void expect_structure_reads_as(const std::string& pdf, const model::Document& doc, size_t after = 0,
                               Links links = Links::None) {
  StructNode tree = struct_tree(pdf);
  ASSERT_EQ(tree.role, "Document") << pdf;
  std::vector<const StructNode*> elements = elements_of(tree);
  const std::string& lang = doc.meta.language;
  size_t i = 0;
  for (const model::Block& b : doc.blocks) {
    if (b.is<model::PageBreak>()) continue;
    ASSERT_LT(i, elements.size()) << "the structure ends before the block at line " << b.where.line;
    const StructNode& e = *elements[i++];
    std::string at = pdf + ", block at line " + std::to_string(b.where.line) + ": ";
    std::visit(model::Overloaded{
      [&](const model::Heading& h) {
        EXPECT_EQ(e.role, "H" + std::to_string(h.level)) << at;
        // Headings may be set in capitals: compare in capitals.
        EXPECT_EQ(spelling_mismatch(text::to_upper(plain(h.text), lang), upper(texts_of(e), lang)), "") << at;
      },
      [&](const model::Paragraph& p) {
        EXPECT_EQ(e.role, "P") << at;
        EXPECT_EQ(spelling_mismatch(plain(p.text), texts_of(e)), "") << at;
      },
      [&](const model::Quote& q) {
        EXPECT_EQ(e.role, "BlockQuote") << at;
        std::vector<const StructNode*> ps = elements_of(e);
        ASSERT_EQ(ps.size(), q.attribution.empty() ? 1u : 2u) << at;
        EXPECT_EQ(spelling_mismatch(plain(q.text), texts_of(*ps[0])), "") << at;
        if (!q.attribution.empty()) {
          EXPECT_EQ(spelling_mismatch("\xE2\x80\x94 " + q.attribution, texts_of(*ps[1])), "") << at;
        }
      },
      [&](const model::List& l) {
        EXPECT_EQ(e.role, "L") << at;
        std::vector<const StructNode*> items = elements_of(e);
        ASSERT_EQ(items.size(), l.items.size()) << at;
        for (size_t k = 0; k < items.size(); ++k) {
          std::vector<const StructNode*> parts = elements_of(*items[k]);
          ASSERT_EQ(parts.size(), 2u) << at;
          EXPECT_EQ(items[k]->role, "LI") << at;
          EXPECT_EQ(parts[0]->role, "Lbl") << at;
          // The label ends with a space: it is not glued to the item's first word.
          EXPECT_EQ(texts_of(*parts[0]),
                    std::vector<std::string>{l.numbered ? std::to_string(k + 1) + ". " : "\xE2\x80\xA2 "}) << at;
          EXPECT_EQ(parts[1]->role, "LBody") << at;
          EXPECT_EQ(spelling_mismatch(plain(l.items[k]), texts_of(*parts[1])), "") << at;
        }
      },
      [&](const model::Figure& f) {
        const StructNode* figure = &e;
        if (!f.caption.empty() || !f.credit.empty()) {
          // A Figure and its Caption side by side in a Div.
          EXPECT_EQ(e.role, "Div") << at;
          std::vector<const StructNode*> parts = elements_of(e);
          ASSERT_EQ(parts.size(), 2u) << at;
          figure = parts[0];
          EXPECT_EQ(parts[1]->role, "Caption") << at;
          std::string caption = plain(f.caption) + (f.caption.empty() || f.credit.empty() ? "" : " ") + f.credit;
          EXPECT_EQ(spelling_mismatch(caption, texts_of(*parts[1])), "") << at;
        }
        EXPECT_EQ(figure->role, "Figure") << at;
        // pdfinfo prints the /T title (which repeats /Alt) as raw bytes: only
        // an ASCII one reads back; /Alt itself is checked with qpdf below.
        if (ascii(f.alt)) {
          EXPECT_EQ(figure->text, f.alt) << at;
        }
      },
      [&](const model::Facts& f) {
        EXPECT_EQ(e.role, "Div") << at;
        std::vector<const StructNode*> facts = elements_of(e);
        ASSERT_EQ(facts.size(), f.figures.size()) << at;
        for (size_t k = 0; k < facts.size(); ++k) {
          EXPECT_EQ(facts[k]->role, "P") << at;
          EXPECT_EQ(spelling_mismatch(f.figures[k].value + " " + f.figures[k].label, texts_of(*facts[k])), "") << at;
        }
      },
      [&](const model::Timeline& t) {
        EXPECT_EQ(e.role, "L") << at;
        std::vector<const StructNode*> items = elements_of(e);
        ASSERT_EQ(items.size(), t.entries.size()) << at;
        for (size_t k = 0; k < items.size(); ++k) {
          std::vector<const StructNode*> parts = elements_of(*items[k]);
          ASSERT_EQ(parts.size(), 2u) << at;
          EXPECT_EQ(parts[0]->role, "Lbl") << at;
          EXPECT_EQ(spelling_mismatch(t.entries[k].date, texts_of(*parts[0])), "") << at;
          EXPECT_EQ(parts[1]->role, "LBody") << at;
          EXPECT_EQ(spelling_mismatch(plain(t.entries[k].event), texts_of(*parts[1])), "") << at;
        }
      },
      [&](const model::Names& n) {
        EXPECT_EQ(e.role, "Table") << at;
        std::vector<const StructNode*> rows = elements_of(e);
        ASSERT_EQ(rows.size(), n.rows.size() + (n.header.empty() ? 0 : 1)) << at;
        size_t first = n.header.empty() ? 0 : 1;
        for (size_t r = 0; r < n.rows.size(); ++r) {
          std::vector<const StructNode*> cells = elements_of(*rows[first + r]);
          ASSERT_EQ(cells.size(), n.rows[r].size()) << at;
          for (size_t c = 0; c < cells.size(); ++c)
            EXPECT_EQ(spelling_mismatch(n.rows[r][c].text, texts_of(*cells[c])), "") << at << "row " << r;
        }
      },
      [&](const model::Contents&) {
        EXPECT_EQ(e.role, "TOC") << at;
        std::vector<const StructNode*> entries = elements_of(e);
        EXPECT_GE(entries.size(), 5u) << at;
        std::vector<std::string> headings;
        for (const model::Block& other : doc.blocks)
          if (const model::Heading* h = other.as<model::Heading>()) headings.push_back(plain(h->text));
        for (const StructNode* entry : entries) {
          EXPECT_EQ(entry->role, "TOCI") << at;
          std::vector<const StructNode*> link = elements_of(*entry);
          ASSERT_EQ(link.size(), 1u) << at;
          EXPECT_EQ(link[0]->role, links == Links::Annotated ? "Link" : "Reference") << at;
          EXPECT_EQ(objects_under(*link[0]), links == Links::Annotated ? 1 : 0) << at << "the entry's link annotation";
          std::vector<std::string> texts = texts_of(*link[0]);
          ASSERT_EQ(texts.size(), 2u) << at;
          // The title ends with a space: a reader does not glue it to its page number.
          ASSERT_FALSE(texts[0].empty()) << at;
          EXPECT_EQ(texts[0].back(), ' ') << at << texts[0];
          for (std::string& t : texts)
            while (!t.empty() && t.back() == ' ') t.pop_back();
          EXPECT_NE(std::find(headings.begin(), headings.end(), texts[0]), headings.end()) << at << texts[0];
          EXPECT_TRUE(std::regex_match(texts[1], std::regex("[0-9]+"))) << at << texts[1];
        }
      },
      [&](const model::PageBreak&) {},
    }, b.content);
  }
  EXPECT_EQ(i + after, elements.size()) << pdf << ": elements after the last block";
}

// The structure text as a tag-following reader gets it (pdfinfo
// -struct-text): within each element of running text (a paragraph, heading,
// list item, contents entry, caption, table cell) the pieces are joined with
// nothing in between, so a word break at a line end must be in the text.
// Every word read that way is a word pdftotext reads on the page (no-break
// spaces count as spaces; a hyphen inserted at a line end joins its word).
void expect_no_glued_words(const std::string& pdf) {
  std::string reference = run({"pdftotext", "-enc", "UTF-8", pdf, "-"}).out;
  std::regex word_re("[^\\s\\u00A0,;:.!?()\\[\\]\"“”‘’«»—–·•]+");
  auto words_of = [&](std::string text) {
    for (size_t at = 0; (at = text.find("\u00A0", at)) != std::string::npos;) text.replace(at, 2, " ");
    std::vector<std::string> out;
    for (std::sregex_iterator w(text.begin(), text.end(), word_re), e; w != e; ++w) out.push_back(w->str());
    return out;
  };
  std::vector<std::string> known_list = words_of(reference);
  std::set<std::string> known(known_list.begin(), known_list.end());
  int words = 0, glued = 0;
  std::function<void(const StructNode&)> walk = [&](const StructNode& node) {
    // Running text element by element; a table whole, as a reader that
    // joins its cells reads it (no row's last cell glued to the next row's first).
    static const std::set<std::string> running = {"P", "H1", "H2", "H3", "H4", "LBody", "Lbl", "TOCI", "Caption",
                                                  "TD", "TH", "Table"};
    if (node.kind == StructNode::Kind::Element && running.count(node.role)) {
      std::string joined;
      for (const std::string& piece : texts_of(node)) joined += piece;
      // A hyphen inserted at a line end reads "-" before the rest of the word.
      for (const std::string& w : words_of(joined)) {
        ++words;
        std::string unhyphenated = w;
        unhyphenated.erase(std::remove(unhyphenated.begin(), unhyphenated.end(), '-'), unhyphenated.end());
        if (known.count(w) || known.count(unhyphenated)) continue;
        bool parts_known = true;  // "19-dan", "hüquqi-siyasi": the parts pdftotext reads apart at a line end
        for (size_t a = 0, b; a <= w.size(); a = b + 1) {
          b = std::min(w.find('-', a), w.size());
          if (b > a && !known.count(w.substr(a, b - a)) && !known.count(w.substr(a, b - a) + "-")) parts_known = false;
        }
        if (parts_known) continue;
        ++glued;
        ADD_FAILURE() << pdf << ": '" << w << "' in a " << node.role << " is no word pdftotext reads (glued?)";
      }
      if (node.role != "Table") return;
    }
    for (const StructNode& kid : node.kids) walk(kid);
  };
  walk(struct_tree(pdf));
  EXPECT_GT(words, 100) << pdf << ": words read from the structure";
  EXPECT_EQ(glued, 0) << pdf;
}

TEST_F(Accessible, StructureTextGluesNoWordsAtLineEnds) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* e : {"booklet.az", "booklet.en", "poster.az", "poster.en"}) expect_no_glued_words(pdf(e));
}

TEST_F(Accessible, EveryDocumentPassesTheChecker) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  ASSERT_EQ(screen_build_.exit_code, 0) << screen_build_.err;
  CommandResult r = run_checker({"--pdfua"}, {pdf("booklet.az"), pdf("booklet.en"), pdf("poster.az"), pdf("poster.en"),
                                              screen_pdf("booklet.az"), screen_pdf("booklet.en")});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 6) << r.out;
  EXPECT_NE(r.out.find("booklet.az.pdf: ok (12 pages"), std::string::npos) << r.out;
}

TEST_F(Accessible, AzerbaijaniBookletReadsAsItsContent) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  ASSERT_EQ(screen_build_.exit_code, 0) << screen_build_.err;
  expect_structure_reads_as(pdf("booklet.az"), content("content/booklet/az.toml"));
  expect_structure_reads_as(screen_pdf("booklet.az"), content("content/booklet/az.toml"), 0, Links::Annotated);
}

TEST_F(Accessible, EnglishBookletReadsAsItsContent) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  ASSERT_EQ(screen_build_.exit_code, 0) << screen_build_.err;
  expect_structure_reads_as(pdf("booklet.en"), content("content/booklet/en.toml"));
  expect_structure_reads_as(screen_pdf("booklet.en"), content("content/booklet/en.toml"), 0, Links::Annotated);
}

// A screen reader announces a contents link by its /Contents: the entry's
// title, in the booklet's language (not "page 4").
TEST_F(Accessible, ContentsLinksAreDescribedInTheDocumentsLanguage) {
  ASSERT_EQ(screen_build_.exit_code, 0) << screen_build_.err;
  for (const char* lang : {"az", "en"}) {
    model::Document doc = content(std::string("content/booklet/") + lang + ".toml");
    std::string json = run({"qpdf", "--json=2", "--json-key=qpdf", screen_pdf(std::string("booklet.") + lang)}).out;
    std::regex contents_re("\"/Contents\": \"u:([^\"]*)\"");
    int links = 0;
    for (auto it = std::sregex_iterator(json.begin(), json.end(), contents_re); it != std::sregex_iterator(); ++it) {
      ++links;
      std::string described = (*it)[1];
      bool is_a_heading = false;
      for (const model::Block& b : doc.blocks)
        if (const model::Heading* h = b.as<model::Heading>()) is_a_heading = is_a_heading || plain(h->text) == described;
      EXPECT_TRUE(is_a_heading) << lang << ": /Contents '" << described << "' is no heading of the content";
    }
    EXPECT_GE(links, 5) << lang << ": contents links with a /Contents";
  }
}

TEST_F(Accessible, PosterReadsInContentOrderThenItsQrCode) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* lang : {"az", "en"}) {
    model::Document doc = content(std::string("content/poster/") + lang + ".toml");
    StructNode tree = struct_tree(pdf(std::string("poster.") + lang));
    std::vector<const StructNode*> elements = elements_of(tree);
    ASSERT_FALSE(elements.empty());
    // The QR code is the last element: a Figure whose /Alt is the link.
    EXPECT_EQ(elements.back()->role, "Figure");
    EXPECT_EQ(elements.back()->text, doc.meta.url.find("ə") == std::string::npos ? doc.meta.url : "\xFE\xFF");
    expect_structure_reads_as(pdf(std::string("poster.") + lang), doc, 1);
  }
}

TEST_F(Accessible, FigureAltTextIsTheContents) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* lang : {"az", "en"}) {
    model::Document doc = content(std::string("content/booklet/") + lang + ".toml");
    std::string json = run({"qpdf", "--json=2", "--json-key=qpdf", pdf(std::string("booklet.") + lang)}).out;
    int figures = 0;
    for (const model::Block& b : doc.blocks) {
      const model::Figure* figure = b.as<model::Figure>();
      if (!figure) continue;
      ++figures;
      EXPECT_NE(json.find("\"/Alt\": \"u:" + figure->alt + "\""), std::string::npos) << figure->alt;
    }
    EXPECT_GT(figures, 0) << lang;
  }
}

TEST_F(Accessible, ForeignCellsAndTheDocumentHaveTheirLanguage) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  std::string json = run({"qpdf", "--json=2", "--json-key=qpdf", pdf("booklet.en")}).out;
  EXPECT_NE(json.find("\"/Lang\": \"u:en\""), std::string::npos);  // the catalog
  // The English edition's names table: Azerbaijani in three scripts.
  for (const char* lang : {"az", "az-Cyrl", "az-Arab"})
    EXPECT_NE(json.find(std::string("\"/Lang\": \"u:") + lang + "\""), std::string::npos) << lang;
  std::string az = run({"qpdf", "--json=2", "--json-key=qpdf", pdf("booklet.az")}).out;
  EXPECT_EQ(az.find("\"/Lang\": \"u:en\""), std::string::npos);
  EXPECT_NE(az.find("\"/Lang\": \"u:az-Cyrl\""), std::string::npos);
}

// Azerbaijani words in the English editions are marked (lang:az), so a
// screen reader switches voice: `check` warns about every unmarked one.
TEST_F(Accessible, CheckFindsNoUnmarkedForeignWordsInTheProject) {
  CommandResult r = run({jan20_binary(), "-C", source_dir(), "check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("warning"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find("warning"), std::string::npos) << r.err;
  EXPECT_NE((r.out + r.err).find("booklet en: 12 pages"), std::string::npos) << r.out << r.err << "it checked the English booklet";
}

TEST_F(Accessible, XmpNamesTitleLanguageAndPdfUa) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  std::string meta = run({"pdfinfo", "-meta", pdf("booklet.az")}).out;
  EXPECT_NE(meta.find("<rdf:li xml:lang=\"x-default\">20 Yanvar</rdf:li>"), std::string::npos) << meta;
  EXPECT_NE(meta.find("<dc:language>\n        <rdf:Bag>\n          <rdf:li>az</rdf:li>"), std::string::npos) << meta;
  EXPECT_NE(meta.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos) << meta;
  EXPECT_NE(meta.find("<xmp:CreateDate>2026-01-20T00:00:00Z</xmp:CreateDate>"), std::string::npos) << meta;
  EXPECT_EQ(meta.find("pdfaid"), std::string::npos) << "no PDF/A claim without --pdfa";
  std::string info = run({"pdfinfo", pdf("booklet.az")}).out;
  EXPECT_NE(info.find("Metadata Stream: yes"), std::string::npos);
  EXPECT_NE(info.find("Tagged:          yes"), std::string::npos);
}

}  // namespace
}  // namespace jan20::testing
