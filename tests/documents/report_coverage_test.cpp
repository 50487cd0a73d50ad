// `build --report` lists every line the documents set (issue 15, item 6):
// table cells, timeline events, captions, fact figures and the poster's
// frames as well as paragraphs, each on the page it is printed on, pages
// numbered from 1. Checked both ways against what poppler reads back:
// every line the report puts on a page starts with words pdftotext reads on
// that page, and every word pdftotext reads inside a page's text area is a
// word of a line the report puts there.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

struct ReportLine {
  int page = 0;
  bool hyphenated = false;
  std::string text;
};
struct ReportParagraph {
  std::string align, kind;
  std::vector<ReportLine> lines;
};
using Edition = std::vector<ReportParagraph>;

std::string json_unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
  }
  return out;
}

// The report's paragraphs per edition ("booklet.az"), read with regexes
// rather than with anything of jan20-pdf's.
std::map<std::string, Edition> read_report(const std::string& json) {
  std::map<std::string, Edition> editions;
  const std::regex edition_re("\"document\":\"(\\w+)\",\"lang\":\"(\\w+)\"");
  const std::regex para_re("\\{\"file\":\"[^\"]*\",\"line\":\\d+,\"column\":\\d+,\"align\":\"(\\w+)\",\"kind\":\"([\\w-]+)\"");
  const std::regex line_re("\\{\"page\":(\\d+),[^{}]*\"hyphenated\":(true|false),[^{}]*\"text\":\"((?:[^\"\\\\]|\\\\.)*)\"\\}");
  std::vector<std::pair<size_t, std::string>> starts;
  for (std::sregex_iterator it(json.begin(), json.end(), edition_re), end; it != end; ++it)
    starts.emplace_back(static_cast<size_t>(it->position()), std::string((*it)[1]) + "." + std::string((*it)[2]));
  for (size_t e = 0; e < starts.size(); ++e) {
    const size_t from = starts[e].first, to = e + 1 < starts.size() ? starts[e + 1].first : json.size();
    const std::string part = json.substr(from, to - from);
    Edition& paragraphs = editions[starts[e].second];
    for (std::sregex_iterator p(part.begin(), part.end(), para_re), end; p != end; ++p) {
      ReportParagraph rp{(*p)[1], (*p)[2], {}};
      const size_t open = part.find("\"lines\":[", static_cast<size_t>(p->position()));
      const std::string body = part.substr(open, part.find("]}", open) - open);
      for (std::sregex_iterator l(body.begin(), body.end(), line_re); l != end; ++l)
        rp.lines.push_back({std::stoi((*l)[1]), (*l)[2] == "true", json_unescape((*l)[3])});
      paragraphs.push_back(std::move(rp));
    }
  }
  return editions;
}

// Words split at spaces (a no-break space is one too), without the marks
// pdftotext puts around right-to-left text and without a hyphen that ends a
// line (inserted, or read back as a soft hyphen).
std::vector<std::string> words_of(std::string s) {
  for (const char* from : {"\u00A0", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u00AD"}) {
    const std::string to = std::string(from) == "\u00A0" ? " " : "";
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, std::string(from).size(), to);
  }
  std::vector<std::string> words;
  for (size_t at = 0; at < s.size();) {
    size_t end = s.find_first_of(" \n\t\f", at);
    if (end == std::string::npos) end = s.size();
    if (end > at) words.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return words;
}

std::string strip_hyphen(std::string w) {
  if (w.size() > 1 && w.back() == '-') w.pop_back();
  return w;
}

double millimetres(const std::string& layout, const std::string& key) {
  std::smatch m;
  const std::regex re("\\b" + key + " = \"([0-9.]+)mm\"");
  return std::regex_search(layout, m, re) ? std::stod(m[1]) : -1;
}

class ReportCoverage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = make_temp_dir();
    build_ = run({jan20_binary(), "-C", source_dir(), "build", "--quiet", "--out", out_, "--report",
                  out_ + "/report.json"});
    editions_ = read_report(read_file(out_ + "/report.json"));
  }
  // pdftotext -layout of one page, or of the part of it given in pt.
  static std::string page_text(const std::string& edition, int page, const std::vector<std::string>& crop = {}) {
    std::vector<std::string> args = {"-layout", "-f", std::to_string(page), "-l", std::to_string(page)};
    args.insert(args.end(), crop.begin(), crop.end());
    return pdftotext(out_ + "/" + edition + ".pdf", args);
  }
  static int pages(const std::string& edition) {
    std::smatch m;
    const std::string info = run({"pdfinfo", out_ + "/" + edition + ".pdf"}).out;
    return std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : 0;
  }
  static inline std::string out_;
  static inline CommandResult build_;
  static inline std::map<std::string, Edition> editions_;
};

const std::vector<std::string> kEditions = {"booklet.az", "booklet.en", "poster.az", "poster.en"};

TEST_F(ReportCoverage, ListsTablesTimelineCaptionsAndFramesOnPagesFromOne) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const std::string& edition : kEditions) {
    const Edition& paragraphs = editions_[edition];
    ASSERT_GT(paragraphs.size(), 5u) << edition << ": the report's paragraphs were not read";
    std::map<std::string, int> lines_of_kind;
    const int page_count = pages(edition);
    for (const ReportParagraph& p : paragraphs)
      for (const ReportLine& l : p.lines) {
        ++lines_of_kind[p.kind];
        EXPECT_GE(l.page, 1) << edition << ": " << l.text;
        EXPECT_LE(l.page, page_count) << edition << ": " << l.text;
      }
    const bool booklet = edition.rfind("booklet", 0) == 0;
    const std::vector<std::string> kinds =
        booklet ? std::vector<std::string>{"paragraph", "heading", "timeline-date", "timeline-event", "table-header",
                                           "table-cell", "fact-figure", "fact-label", "contents-entry", "list-item"}
                : std::vector<std::string>{"paragraph", "heading", "fact-figure", "fact-label"};
    for (const std::string& kind : kinds) EXPECT_GT(lines_of_kind[kind], 0) << edition << ": no " << kind << " lines";
  }
}

// Report -> PDF: the first words of every line the report lists for a page
// are read on that page, in that order. A line after a hyphenated one starts
// with the rest of a word that pdftotext joins to the line before: its next
// words are looked for instead.
TEST_F(ReportCoverage, EveryReportedLineIsReadOnItsPage) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const std::string& edition : kEditions) {
    std::map<int, std::string> text_of_page;  // words joined by single spaces, padded
    int checked = 0;
    std::map<std::string, int> checked_of_kind;
    for (const ReportParagraph& p : editions_[edition])
      for (size_t i = 0; i < p.lines.size(); ++i) {
        const ReportLine& l = p.lines[i];
        if (!text_of_page.count(l.page)) {
          std::string joined = " ";
          for (const std::string& w : words_of(page_text(edition, l.page))) joined += w + " ";
          text_of_page[l.page] = joined;
        }
        std::vector<std::string> words = words_of(l.text);
        if (i > 0 && p.lines[i - 1].hyphenated && !words.empty()) words.erase(words.begin());
        if (words.empty()) continue;
        if (words.size() > 2) words.resize(2);
        std::string probe = " ";
        for (const std::string& w : words) probe += strip_hyphen(w) + " ";
        if (l.hyphenated && words.size() == 1) probe.pop_back();  // "hap" of "hap-": pdftotext reads "happened"
        EXPECT_NE(text_of_page[l.page].find(probe), std::string::npos)
            << edition << " page " << l.page << " (" << p.kind << "): '" << l.text << "' not read there";
        ++checked;
        ++checked_of_kind[p.kind];
      }
    EXPECT_GT(checked, 25) << edition;
    for (const char* kind : {"paragraph", "fact-label"}) EXPECT_GT(checked_of_kind[kind], 0) << edition << " " << kind;
    if (edition.rfind("booklet", 0) == 0) {
      for (const char* kind : {"timeline-event", "table-cell", "contents-entry"})
        EXPECT_GT(checked_of_kind[kind], 0) << edition << " " << kind;
    }
  }
}

// PDF -> report: every word pdftotext reads inside a page's text area (the
// layout's margins; the whole poster) is a word of a line the report lists
// for that page. Outside it are the running heads and folios of the master
// pages, which are no lines of the content. Not words of lines: the list
// labels and the contents' dot leaders.
TEST_F(ReportCoverage, EveryWordReadInTheTextAreaIsReported) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  const std::string layout = read_file(source_dir() + "/layouts/booklet.toml");
  const double mm = 72 / 25.4, bleed = millimetres(layout, "bleed"), top = millimetres(layout, "top"),
               bottom = millimetres(layout, "bottom");
  ASSERT_GT(top, 0);
  ASSERT_GT(bottom, 0);
  ASSERT_GE(bleed, 0);
  for (const std::string& edition : kEditions) {
    const bool booklet = edition.rfind("booklet", 0) == 0;
    std::map<int, std::set<std::string>> reported;  // per page; a hyphenated word also whole
    for (const ReportParagraph& p : editions_[edition])
      for (size_t i = 0; i < p.lines.size(); ++i) {
        std::vector<std::string> words = words_of(p.lines[i].text);
        for (const std::string& w : words) reported[p.lines[i].page].insert(strip_hyphen(w));
        if (p.lines[i].hyphenated && !words.empty() && i + 1 < p.lines.size()) {
          std::vector<std::string> next = words_of(p.lines[i + 1].text);
          if (!next.empty()) reported[p.lines[i].page].insert(strip_hyphen(words.back()) + next.front());
        }
      }
    int read = 0;
    for (int page = 1; page <= pages(edition); ++page) {
      std::vector<std::string> crop;
      if (booklet) {
        // A5 with the bleed around it, in pt; the text area between the margins.
        const double y = (bleed + top) * mm, h = (210 - top - bottom) * mm;
        crop = {"-x", "0", "-y", std::to_string(static_cast<int>(y)), "-W", "1000", "-H",
                std::to_string(static_cast<int>(h))};
      }
      for (const std::string& w : words_of(page_text(edition, page, crop))) {
        if (w == "•" || w.find_first_not_of('.') == std::string::npos) continue;  // list label, leader dots
        ++read;
        EXPECT_TRUE(reported[page].count(strip_hyphen(w)))
            << edition << " page " << page << ": '" << w << "' is read there but in no line the report lists there";
      }
    }
    EXPECT_GT(read, booklet ? 1000 : 100) << edition << ": too few words read back";
  }
}

}  // namespace
}  // namespace jan20::testing

namespace jan20::testing {
namespace {

// Balanced centred text (issue 15 item 5): the dedication's lines, read back
// with pdftotext -bbox on booklet page 2, are of nearly equal width (unbalanced, the en one was 0.66).
TEST_F(ReportCoverage, CentredDedicationLinesAreBalanced) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* edition : {"booklet.az", "booklet.en"}) {
    std::map<int, std::pair<double, double>> lines;  // baseline (rounded) -> x extent
    for (const BoxWord& w : bbox_words(out_ + "/" + edition + ".pdf")) {
      if (w.page != 2) continue;
      auto [it, fresh] = lines.emplace(static_cast<int>(w.y1 + 0.5), std::make_pair(w.x0, w.x1));
      if (!fresh) it->second = {std::min(it->second.first, w.x0), std::max(it->second.second, w.x1)};
    }
    ASSERT_GE(lines.size(), 2u) << edition << ": the dedication's lines were not read";
    double shortest = 1e9, longest = 0;
    for (const auto& [y, extent] : lines) {
      shortest = std::min(shortest, extent.second - extent.first);
      longest = std::max(longest, extent.second - extent.first);
    }
    EXPECT_GE(shortest, 0.7 * longest) << edition << ": " << lines.size() << " lines, " << shortest << " to " << longest
                                       << " pt wide";
  }
}

}  // namespace
}  // namespace jan20::testing
