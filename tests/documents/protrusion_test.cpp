// Character protrusion on the real booklets (issue 15), read back with
// `pdftotext -bbox`: on justified lines a full stop, a comma or a hyphen at the
// right end hangs into the margin by most of its width, while a line that
// ends with a letter ends exactly at the text block's edge. The edge is
// worked out from the PDF's TrimBox (pdfinfo) and the layout's margins, not
// from anything jan20-pdf reports.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>
#include <vector>

#include "core/utf.h"
#include "support/test_support.h"

namespace jan20::testing {
namespace {

constexpr double kBodySize = 10.5;  // layouts/booklet.toml, styles.body (the lead is 11.5)

double mm(const std::string& number) { return std::stod(number) / 25.4 * 72; }

struct Block {  // the text block of one page, pt from the MediaBox's left edge
  double left = 0, right = 0;
};

struct BoxLine {
  int page = 0;
  std::vector<BoxWord> words;  // left to right
};

class Protrusion : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = run({jan20_binary(), "-C", source_dir(), "build", "booklet", "--quiet", "--out", out_});
  }

  // Left and right edges of the text block on a page: the TrimBox from
  // pdfinfo, the margins from the layout (facing pages: odd pages are right-hand
  // pages, their inner margin on the left).
  static std::map<int, Block> blocks(const std::string& pdf) {
    const std::string layout = read_file(source_dir() + "/layouts/booklet.toml");
    std::smatch m;
    EXPECT_TRUE(std::regex_search(layout, m, std::regex("inner = \"([0-9.]+)mm\", outer = \"([0-9.]+)mm\"")))
        << "the booklet's margins are no longer written as this test reads them";
    const double inner = mm(m[1]), outer = mm(m[2]);
    const std::string info = run({"pdfinfo", "-box", "-f", "1", "-l", "999", pdf}).out;
    std::map<int, Block> out;
    std::regex trim("Page +(\\d+) TrimBox: +([0-9.]+) +[0-9.]+ +([0-9.]+)");
    for (std::sregex_iterator it(info.begin(), info.end(), trim), end; it != end; ++it) {
      const int page = std::stoi((*it)[1]);
      const double x0 = std::stod((*it)[2]), x1 = std::stod((*it)[3]);
      out[page] = page % 2 == 1 ? Block{x0 + inner, x1 - outer} : Block{x0 + outer, x1 - inner};
    }
    return out;
  }

  // pdftotext's words grouped into lines (same page, same baseline box).
  static std::vector<BoxLine> lines(const std::string& pdf) {
    std::vector<BoxLine> out;
    for (const BoxWord& w : bbox_words(pdf)) {
      if (out.empty() || out.back().page != w.page || std::abs(out.back().words.back().y1 - w.y1) > 0.01 ||
          w.x0 < out.back().words.back().x0)
        out.push_back({w.page, {}});
      out.back().words.push_back(w);
    }
    return out;
  }

  static inline std::string out_;
  static inline CommandResult build_;
};

char32_t last_char(const std::string& word) {
  char32_t c = 0;
  for (size_t at = 0; at < word.size();) c = utf8_next(word, at);
  return c;
}

// A Latin letter, ASCII or not (ə, ş, ı, ü), not punctuation (’, ”, —, «).
bool ends_with_letter(const std::string& word) {
  const char32_t c = last_char(word);
  if (c < 0x80) return std::isalpha(static_cast<int>(c)) != 0;
  return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x1E00 && c <= 0x1EFF);
}

TEST_F(Protrusion, PunctuationHangsIntoTheRightMarginAndLettersEndAtIt) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const std::string lang : {"az", "en"}) {
    SCOPED_TRACE(lang);
    const std::string pdf = out_ + "/booklet." + lang + ".pdf";
    const std::map<int, Block> block = blocks(pdf);
    ASSERT_GE(block.size(), 12u);  // every page of the booklet
    const std::vector<BoxLine> all = lines(pdf);
    int punctuation = 0, hyphenated = 0, letters = 0;
    for (size_t i = 0; i < all.size(); ++i) {
      const BoxLine& line = all[i];
      const Block& edges = block.at(line.page);
      const BoxWord& first = line.words.front();
      const BoxWord& last = line.words.back();
      // A line of body text: it starts at the block's left edge (or an
      // opening quote hangs left of it, or a paragraph's indent), and ends
      // near the right edge.
      const double start = first.x0 - edges.left;
      const bool body = (start > -0.3 * kBodySize && start < 0.1) || std::abs(start - kBodySize) < 0.1;
      const double beyond = last.x1 - edges.right;
      if (!body || beyond < -1.0) continue;
      const std::string where = "page " + std::to_string(line.page) + ", the line ending '" + last.text + "'";
      const char end = last.text.empty() ? 0 : last.text.back();
      if (end == '.' || end == ',' || end == '-') {
        // Noto Serif: the full stop and comma 250/1000 em wide, the hyphen
        // 310, hanging out by 0.7 of it: 1.8 to 2.3 pt at 10.5 pt (2.0 to
        // 2.5 in the 11.5 pt lead).
        EXPECT_GT(beyond, 0.12 * kBodySize) << where;
        EXPECT_LT(beyond, 0.25 * kBodySize) << where;
        ++punctuation;
      } else if (last_char(last.text) == U'\u2014') {  // an em dash, 1 em wide, hangs out by 0.3 of it
        EXPECT_GT(beyond, 0.25 * kBodySize) << where;
        EXPECT_LT(beyond, 0.4 * kBodySize) << where;
      } else if (ends_with_letter(last.text) && beyond > 0.1) {
        // pdftotext joins a word hyphenated at the line's end with its rest
        // on the next line ("libera-/tion" is one word "liberation", boxed on
        // this line, hyphen included): the next line then starts past its
        // left edge, after the rest. The hyphen hangs out.
        ASSERT_LT(i + 1, all.size()) << where;
        EXPECT_GT(all[i + 1].words.front().x0 - block.at(all[i + 1].page).left, 1.0)
            << where << " sticks out but is not a hyphenated word";
        EXPECT_GT(beyond, 0.15 * kBodySize) << where;
        EXPECT_LT(beyond, 0.25 * kBodySize) << where;
        ++hyphenated;
      } else if (ends_with_letter(last.text)) {
        EXPECT_NEAR(beyond, 0, 0.1) << where;
        ++letters;
      }
    }
    // The assertions above ran on enough lines to mean something.
    EXPECT_GE(punctuation, 3);
    EXPECT_GE(hyphenated, 3);
    EXPECT_GE(letters, 30);
  }
}

// The words pdftotext reads, in order, whatever the lines (it joins a word
// hyphenated at a line's end).
std::vector<std::string> words_of(const std::string& pdf) {
  std::vector<std::string> words;
  std::string word;
  for (char c : pdftotext(pdf) + " ") {
    if (c == ' ' || c == '\n' || c == '\f') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

TEST_F(Protrusion, TurnedOffEveryLineEndsAtTheEdgeAndTheWordsAreTheSame) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  const std::string project = copy_project();
  std::string layout = read_file(project + "/layouts/booklet.toml");
  const size_t at = layout.find("[justification]\n");
  ASSERT_NE(at, std::string::npos);
  layout.insert(at + std::string("[justification]\n").size(), "protrusion = false\n");
  write_file(project + "/layouts/booklet.toml", layout);
  const CommandResult r = run({jan20_binary(), "-C", project, "build", "booklet", "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string lang : {"az", "en"}) {
    SCOPED_TRACE(lang);
    const std::string pdf = project + "/out/booklet." + lang + ".pdf";
    const std::map<int, Block> block = blocks(pdf);
    int full = 0;
    for (const BoxLine& line : lines(pdf)) {
      const double beyond = line.words.back().x1 - block.at(line.page).right;
      if (beyond < -1.0) continue;
      EXPECT_LT(beyond, 0.1) << "page " << line.page << ", the line ending '" << line.words.back().text << "'";
      ++full;
    }
    EXPECT_GE(full, 100);
    // Protrusion moves glyphs, never text: the same words copy out, with it
    // and without it.
    const std::vector<std::string> on = words_of(out_ + "/booklet." + lang + ".pdf"), off = words_of(pdf);
    EXPECT_GT(on.size(), 1500u);
    EXPECT_TRUE(on == off) << on.size() << " words with protrusion, " << off.size() << " without";
  }
}

}  // namespace
}  // namespace jan20::testing
