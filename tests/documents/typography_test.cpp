// The typographer's bar for the booklets (issue 15), measured twice: from the
// build's --report and, independently, from the lines MuPDF reads back
// (`mutool draw -F text`: an inserted hyphen extracts as U+00AD at a line end).
#include <gtest/gtest.h>

#include <cwctype>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "core/utf.h"
#include "support/test_support.h"

namespace jan20::testing {
namespace {

struct ReportLine {
  double ratio = 0;
  bool loose = false, hyphenated = false, last = false;
  std::string text;
};
struct ReportParagraph {
  std::string where, align;
  bool impossible = false;
  std::vector<ReportLine> lines;
};

class Typography : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = run({jan20_binary(), "-C", source_dir(), "build", "booklet", "--quiet", "--out", out_, "--report",
                  out_ + "/report.json"});
    const std::string report = read_file(out_ + "/report.json");
    // One edition per "document" key; its paragraphs up to the next edition.
    std::regex edition("\"document\":\"booklet\",\"lang\":\"(az|en)\"");
    std::vector<std::pair<size_t, std::string>> starts;
    for (std::sregex_iterator it(report.begin(), report.end(), edition), end; it != end; ++it)
      starts.emplace_back(static_cast<size_t>(it->position()), (*it)[1]);
    std::regex para("\\{\"file\":\"([^\"]+)\",\"line\":(\\d+),\"column\":\\d+,\"align\":\"(\\w+)\",\"pass\":\\d,"
                    "\"impossible\":(true|false)(?:,\"note\":\"[^\"]*\")?,\"lines\":\\[");
    std::regex line("\\{\"page\":\\d+,\"ratio\":(-?[0-9.]+),\"expansion\":-?[0-9.]+,\"loose\":(true|false),"
                    "\"hyphenated\":(true|false),\"overfull\":(?:true|false),\"last\":(true|false),"
                    "\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"\\}");
    for (size_t e = 0; e < starts.size(); ++e) {
      const size_t from = starts[e].first, to = e + 1 < starts.size() ? starts[e + 1].first : report.size();
      const std::string part = report.substr(from, to - from);
      auto& paragraphs = editions_[starts[e].second];
      for (std::sregex_iterator p(part.begin(), part.end(), para), end; p != end; ++p) {
        ReportParagraph rp;
        rp.where = std::string((*p)[1]) + ":" + std::string((*p)[2]);
        rp.align = (*p)[3];
        rp.impossible = (*p)[4] == "true";
        const size_t open = static_cast<size_t>(p->position() + p->length());
        const std::string body = part.substr(open, part.find("]}", open) - open);
        for (std::sregex_iterator l(body.begin(), body.end(), line); l != end; ++l)
          rp.lines.push_back({std::stod((*l)[1]), (*l)[2] == "true", (*l)[3] == "true", (*l)[4] == "true", (*l)[5]});
        paragraphs.push_back(std::move(rp));
      }
    }
  }
  static std::vector<std::string> mupdf_lines(const std::string& lang) {
    std::string text = run({"mutool", "draw", "-F", "text", "-o", "-", out_ + "/booklet." + lang + ".pdf"}).out;
    std::vector<std::string> lines;
    size_t at = 0;
    while (at < text.size()) {
      size_t nl = text.find('\n', at);
      if (nl == std::string::npos) nl = text.size();
      lines.push_back(text.substr(at, nl - at));
      at = nl + 1;
    }
    return lines;
  }
  static inline std::string out_;
  static inline CommandResult build_;
  static inline std::map<std::string, std::vector<ReportParagraph>> editions_;
};

constexpr const char* kSoftHyphen = "\u00AD";

// The inserted hyphen reads as '-' (so that PDF.js's find joins the word);
// older output mapped it to a soft hyphen. Bytes of the marker, or 0.
size_t hyphen_marker(const std::string& s) {
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, kSoftHyphen) == 0) return 2;
  return !s.empty() && s.back() == '-' ? 1 : 0;
}
bool ends_with_soft_hyphen(const std::string& s) { return hyphen_marker(s) != 0; }

// The last word of a line without its soft hyphen, and the first of a line.
std::u32string last_word(const std::string& line) {
  std::u32string w = utf8_to_u32(line.substr(0, line.size() - hyphen_marker(line)));
  size_t space = w.find_last_of(U" \u00A0");
  return space == std::u32string::npos ? w : w.substr(space + 1);
}
std::u32string first_word(const std::string& line) {
  std::u32string w = utf8_to_u32(line);
  size_t space = w.find_first_of(U" \u00A0");
  w = space == std::u32string::npos ? w : w.substr(0, space);
  while (!w.empty() && !std::iswalpha(static_cast<wint_t>(w.back()))) w.pop_back();  // "lər." -> "lər"
  return w;
}

TEST_F(Typography, HyphenationAReaderDoesNotNotice) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const auto& [lang, limit] : std::vector<std::pair<std::string, double>>{{"az", 0.12}, {"en", 0.06}}) {
    const auto& paragraphs = editions_[lang];
    ASSERT_GT(paragraphs.size(), 40u) << lang << ": the report's paragraphs were not read";
    int lines = 0, hyphenated = 0, pairs = 0, ending_on_fragment = 0;
    for (const auto& p : paragraphs) {
      for (size_t i = 0; i < p.lines.size(); ++i) {
        ++lines;
        hyphenated += p.lines[i].hyphenated;
        if (i > 0 && p.lines[i].hyphenated && p.lines[i - 1].hyphenated) ++pairs;
        if (p.lines[i].last && i > 0 && p.lines[i - 1].hyphenated) {
          ++ending_on_fragment;
          ADD_FAILURE() << lang << " " << p.where << " ends on a fragment: " << p.lines[i].text;
        }
      }
    }
    EXPECT_LE(hyphenated, limit * lines) << lang << ": " << hyphenated << " of " << lines << " lines hyphenated";
    EXPECT_LE(pairs, 1) << lang << ": consecutive hyphenated lines";
    EXPECT_EQ(ending_on_fragment, 0) << lang;

    // Independently, from the lines MuPDF reads: the same count of inserted
    // hyphens, no capitalised word broken, no fragment of two letters.
    const std::vector<std::string> text = mupdf_lines(lang);
    int read_hyphens = 0, read_pairs = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (!ends_with_soft_hyphen(text[i])) continue;
      ++read_hyphens;
      if (i > 0 && ends_with_soft_hyphen(text[i - 1])) ++read_pairs;
      const std::u32string before = last_word(text[i]);
      ASSERT_FALSE(before.empty()) << text[i];
      EXPECT_FALSE(std::iswupper(static_cast<wint_t>(before[0]))) << lang << ": a capitalised word broken: " << text[i];
      EXPECT_GT(before.size(), 2u) << lang << ": two letters before the hyphen: " << text[i];
      size_t next = i + 1;  // MuPDF puts an empty line after a soft hyphen
      while (next < text.size() && text[next].empty()) ++next;
      if (next < text.size()) {
        EXPECT_GT(first_word(text[next]).size(), 2u) << lang << ": two letters carried: " << text[next];
      }
    }
    EXPECT_EQ(read_hyphens, hyphenated) << lang << ": MuPDF reads another count of hyphenated lines than the report";
    EXPECT_LE(read_pairs, 1) << lang;
  }
}

// Justified lines: spaces within the tolerance (|ratio| <= 1) unless the
// report marks the paragraph impossible; `loose` only on justified lines.
TEST_F(Typography, JustifiedLinesAreEvenlySpaced) {
  for (const std::string lang : {"az", "en"}) {
    int justified = 0, impossible = 0;
    for (const auto& p : editions_[lang]) {
      if (p.align != "justify") {
        for (const auto& l : p.lines) EXPECT_FALSE(l.loose) << lang << " " << p.where << ": a ragged line marked loose";
        continue;
      }
      ++justified;
      impossible += p.impossible;
      for (const auto& l : p.lines) {
        if (l.last) continue;
        if (!p.impossible) {
          EXPECT_LE(std::abs(l.ratio), 1.0 + 1e-9) << lang << " " << p.where << ": " << l.text;
        }
        // The bar is 1.5 everywhere; a few paragraphs that allow no
        // other setting under the hyphenation rules still reach 2.5.
        EXPECT_LE(std::abs(l.ratio), 2.5) << lang << " " << p.where << ": " << l.text;
        EXPECT_EQ(l.loose, std::abs(l.ratio) > 1.0 + 1e-9) << lang << " " << p.where;
      }
    }
    EXPECT_GT(justified, 20) << lang;
    EXPECT_LT(impossible * 2, justified) << lang << ": most paragraphs must set within the tolerance";
  }
}

}  // namespace
}  // namespace jan20::testing
