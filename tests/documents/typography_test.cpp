// The typographer's bar for the booklets (issue 15), measured twice: from the
// build's --report and, independently, from the lines MuPDF reads back
// (`mutool draw -F text`: an inserted hyphen extracts as U+00AD at a line end).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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
    std::regex para("\\{\"file\":\"([^\"]+)\",\"line\":(\\d+),\"column\":\\d+,\"align\":\"(\\w+)\",\"kind\":\"[\\w-]+\",\"pass\":\\d,"
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
        // No line above 1.5 anywhere, impossible paragraphs included (the
        // few that had no better setting were reworded).
        EXPECT_LE(std::abs(l.ratio), 1.5) << lang << " " << p.where << ": " << l.text;
        EXPECT_EQ(l.loose, std::abs(l.ratio) > 1.0 + 1e-9) << lang << " " << p.where;
      }
    }
    EXPECT_GT(justified, 20) << lang;
    EXPECT_LT(impossible * 2, justified) << lang << ": most paragraphs must set within the tolerance";
  }
}

}  // namespace
}  // namespace jan20::testing

namespace jan20::testing {
namespace {

struct TextLine {
  int page = 0;
  double x_min = 0, y_min = 0, y_max = 0;
  std::string text;
  double height() const { return y_max - y_min; }
};

// Every line pdftotext -bbox-layout reads, with its words joined.
std::vector<TextLine> bbox_lines(const std::string& pdf) {
  const std::string xml = run({"pdftotext", "-bbox-layout", pdf, "-"}).out;
  std::vector<TextLine> out;
  std::regex page_re("<page "), line_re("<line xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">"),
      word_re(">([^<]*)</word>");
  int page = 0;
  for (size_t at = 0; at < xml.size();) {
    size_t next_page = xml.find("<page ", at), next_line = xml.find("<line ", at);
    if (next_line == std::string::npos) break;
    if (next_page < next_line) {
      ++page;
      at = next_page + 1;
      continue;
    }
    size_t end = xml.find("</line>", next_line);
    std::string chunk = xml.substr(next_line, end - next_line);
    std::smatch m;
    if (std::regex_search(chunk, m, line_re)) {
      TextLine l{page, std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), ""};
      for (std::sregex_iterator w(chunk.begin(), chunk.end(), word_re), e; w != e; ++w)
        l.text += (l.text.empty() ? "" : " ") + std::string((*w)[1]);
      out.push_back(l);
    }
    at = end;
  }
  return out;
}

// The same bar read back independently: the gaps between the words of
// body-size lines, as pdftotext -bbox places them. A space at ratio 1.5 is
// 1.75 times its natural width (stretch = half a space); the median gap is
// the natural width. Gaps after a list bullet, around a lone "." (the
// contents' dot leaders) and wider than 3 em are not word spaces.
TEST_F(Typography, NoWordSpaceReadBackIsWiderThanRatioOneAndAHalf) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* lang : {"az", "en"}) {
    const std::vector<BoxWord> words = bbox_words(out_ + "/booklet." + lang + ".pdf");
    ASSERT_GT(words.size(), 1000u) << lang;
    std::vector<double> heights;
    for (const BoxWord& w : words) heights.push_back(w.y1 - w.y0);
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const double body = heights[heights.size() / 2];
    struct Gap { double width; std::string between; };
    std::vector<Gap> gaps;
    for (size_t i = 1; i < words.size(); ++i) {
      const BoxWord &a = words[i - 1], &b = words[i];
      if (std::abs(a.y0 - b.y0) > 0.01 || std::abs((a.y1 - a.y0) - body) > 0.01 * body || b.x0 <= a.x1) continue;
      if (a.text == "\u2022" || a.text == "." || b.text == "." || b.x0 - a.x1 > 3 * body / 1.362) continue;
      gaps.push_back({b.x0 - a.x1, a.text + " " + b.text});
    }
    ASSERT_GT(gaps.size(), 800u) << lang;
    std::vector<double> widths;
    for (const Gap& g : gaps) widths.push_back(g.width);
    std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
    const double natural = widths[widths.size() / 2];
    for (const Gap& g : gaps)
      EXPECT_LE(g.width, 1.8 * natural) << lang << ": '" << g.between << "' " << g.width << " pt apart (median " << natural << ")";
  }
}

// Book convention: the first paragraph after a heading or a display (the
// fact figures) starts flush. Read back with pdftotext -bbox-layout: on each
// page, the first body-size line below a taller line starts at the page's
// body left edge.
TEST_F(Typography, FirstParagraphAfterAHeadingIsNotIndented) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* lang : {"az", "en"}) {
    std::vector<TextLine> lines = bbox_lines(out_ + "/booklet." + lang + ".pdf");
    ASSERT_GT(lines.size(), 200u) << lang;
    std::vector<double> heights;
    for (const TextLine& l : lines) heights.push_back(l.height());
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    const double body = heights[heights.size() / 2];
    auto body_size = [&](const TextLine& l) { return std::abs(l.height() - body) < 0.15 * body; };
    int checked = 0;
    for (int page = 4; page <= 16; ++page) {
      std::vector<TextLine> on;
      for (const TextLine& l : lines)
        if (l.page == page) on.push_back(l);
      double left = 1e9;
      for (const TextLine& l : on)
        if (body_size(l)) left = std::min(left, l.x_min);
      for (const TextLine& tall : on) {
        if (tall.height() < 1.15 * body) continue;
        const TextLine* first = nullptr;
        for (const TextLine& l : on)
          if (body_size(l) && l.y_min > tall.y_min + 1 && (!first || l.y_min < first->y_min)) first = &l;
        if (!first || first->text.rfind("\u2022", 0) == 0) continue;  // a list item hangs its bullet
        ++checked;
        EXPECT_NEAR(first->x_min, left, 0.5) << lang << " page " << page << ": after '" << tall.text << "': '"
                                             << first->text << "'";
      }
    }
    EXPECT_GE(checked, 8) << lang << ": headings and displays followed by a paragraph";
  }
}

// Page styles as a book has them, read back with pdftotext -bbox: no running
// head over a page a section opens (its heading is the page's first line:
// the contents, the first section, and those the run-on flow puts at a
// page's top), a running head over every other page of text, naming the
// document; nothing at the dedication's head; folios on the numbered pages
// (the page's number, at its foot) and none on the cover, the dedication or
// the back cover.
TEST_F(Typography, PageStylesFollowBookConventions) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* lang : {"az", "en"}) {
    const std::string pdf = out_ + "/booklet." + lang + ".pdf";
    const std::string title = std::string(lang) == "az" ? "20 YANVAR" : "20 JANUARY";
    std::vector<TextLine> lines = bbox_lines(pdf);
    ASSERT_GT(lines.size(), 200u) << lang;
    int pages = 0;
    for (const TextLine& l : lines) pages = std::max(pages, l.page);
    ASSERT_EQ(pages, 12) << lang;
    const double height = 612.28;  // A5 plus 3 mm bleed on each side, pt
    const double text_top = (16 + 3) * 72 / 25.4;  // the top margin below the bleed, pt
    int folios = 0, openings = 0, heads = 0;
    for (int page = 1; page <= pages; ++page) {
      std::vector<TextLine> on;
      for (const TextLine& l : lines)
        if (l.page == page) on.push_back(l);
      const TextLine* foot = nullptr;
      for (const TextLine& l : on)
        if (l.y_min > height - 70 && (!foot || l.y_min > foot->y_min)) foot = &l;
      const bool numbered = page >= 3 && page < pages;  // the contents up to the last page of text
      if (numbered) {
        ++folios;
        ASSERT_NE(foot, nullptr) << lang << " page " << page << ": no folio";
        EXPECT_EQ(foot->text, std::to_string(page)) << lang << " page " << page;
      } else {
        EXPECT_TRUE(foot == nullptr || !std::regex_match(foot->text, std::regex("[0-9ivx]+")))
            << lang << " page " << page << " has a folio: " << foot->text;
      }
      if (numbered) {
        const TextLine* top = nullptr;
        for (const TextLine& l : on)
          if (!top || l.y_min < top->y_min) top = &l;
        ASSERT_NE(top, nullptr) << lang << " page " << page;
        if (top->height() > 16.0) {
          // A section opens the page: nothing above its heading.
          ++openings;
          for (const TextLine& l : on)
            EXPECT_GE(l.y_max, top->y_min) << lang << " page " << page << ": '" << l.text << "' stands above the heading";
        } else {
          // Text runs on from the page before: the running head, small, in
          // the margin above the text.
          ++heads;
          EXPECT_LT(top->y_max, text_top) << lang << " page " << page << ": no running head above '" << top->text << "'";
          EXPECT_LT(top->height(), 12.0) << lang << " page " << page << ": '" << top->text << "' (body text is 15 pt high)";
          EXPECT_EQ(top->text.rfind(title, 0), 0u) << lang << " page " << page << ": '" << top->text << "'";
        }
      }
      if (page == 2) {  // the dedication: nothing at head or foot
        for (const TextLine& l : on) EXPECT_GT(l.y_min, 80.0) << lang << ": '" << l.text << "' at the dedication's head";
      }
    }
    EXPECT_EQ(folios, 9) << lang;
    EXPECT_GE(openings, 2) << lang << ": the contents and the first section open their pages";
    EXPECT_GE(heads, 4) << lang << ": pages where the text runs on";
  }
}

// Issue 16: pages unevenly filled (98 % beside 53 %) made the booklet look
// half empty. Sections run on ([flow] sections = "run-on"), so every page of
// text but the last is filled to at least three quarters of its text area:
// the lowest line above the folio, read back with pdftotext -bbox-layout.
TEST_F(Typography, SectionsRunOnSoNoPageOfTextIsHalfEmpty) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  const double height = 612.28;                          // A5 plus 3 mm bleed on each side, pt
  const double top = (16 + 3) * 72 / 25.4;               // the text area: 16 mm margin below the bleed …
  const double bottom = height - (20 + 3) * 72 / 25.4;  // … to 20 mm above the foot
  for (const char* lang : {"az", "en"}) {
    std::vector<TextLine> lines = bbox_lines(out_ + "/booklet." + lang + ".pdf");
    int pages = 0;
    for (const TextLine& l : lines) pages = std::max(pages, l.page);
    ASSERT_EQ(pages, 12) << lang;
    int checked = 0;
    // The first section's page up to the one before the last page of text
    // (the back cover is page 12).
    for (int page = 4; page <= pages - 2; ++page) {
      double lowest = 0;
      for (const TextLine& l : lines)
        if (l.page == page && l.y_max < bottom + 5) lowest = std::max(lowest, l.y_max);
      ASSERT_GT(lowest, top) << lang << " page " << page << ": no text";
      const double fill = (lowest - top) / (bottom - top);
      EXPECT_GE(fill, 0.75) << lang << " page " << page;
      ++checked;
    }
    EXPECT_EQ(checked, 7) << lang;
  }
}

// No line of running text begins with a dash: the space before a spaced
// dash never breaks. Read with MuPDF, which shows each line as drawn (it
// ignores /ActualText, so a hyphenated word's second half stays on its line).
// Quote attributions begin with their dash by convention.
TEST_F(Typography, NoLineStartsWithADash) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  for (const char* lang : {"az", "en"}) {
    const std::string content = read_file(source_dir() + "/content/booklet/" + lang + ".toml");
    std::vector<std::string> lines = mupdf_lines(lang);
    ASSERT_GT(lines.size(), 200u) << lang;
    int dashed = 0;
    for (const std::string& line : lines) {
      if (line.rfind("\u2014", 0) != 0 && line.rfind("\u2013", 0) != 0) continue;
      std::string rest = line.substr(3);
      while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
      bool attribution = !rest.empty() && content.find("attribution = \"" + rest.substr(0, 20)) != std::string::npos;
      if (!attribution) {
        ++dashed;
        ADD_FAILURE() << lang << ": a line starts with a dash: '" << line << "'";
      }
    }
    EXPECT_EQ(dashed, 0) << lang;
  }
}

// The baseline grid (layouts/booklet.toml, [flow] baseline-grid = 13 pt): the
// body's lines on the two pages of every spread are in register. Read back
// with pdftotext -bbox: every word of the body's size (the commonest word
// height) has its box's foot a whole number of grid steps from every other's
// on the same spread, within 0.1 pt (words of one face and size stand the same
// distance above their box's foot).
TEST_F(Typography, BodyBaselinesOnFacingPagesAreInRegister) {
  ASSERT_EQ(build_.exit_code, 0) << build_.err;
  const double grid = 13;
  for (const char* lang : {"az", "en"}) {
    const std::vector<BoxWord> words = bbox_words(out_ + "/booklet." + lang + ".pdf");
    ASSERT_GT(words.size(), 1000u) << lang;
    std::map<double, int> height_count;
    for (const BoxWord& w : words) ++height_count[std::round((w.y1 - w.y0) * 100) / 100];
    const double body = std::max_element(height_count.begin(), height_count.end(), [](const auto& a, const auto& b) {
                          return a.second < b.second;
                        })->first;
    std::map<int, std::vector<double>> feet;  // page -> the body lines' box feet, one per line
    for (const BoxWord& w : words) {
      if (std::abs((w.y1 - w.y0) - body) > 0.011) continue;
      std::vector<double>& on = feet[w.page];
      if (std::none_of(on.begin(), on.end(), [&](double y) { return std::abs(y - w.y1) < 0.01; })) on.push_back(w.y1);
    }
    int spreads = 0;
    for (int left = 2; left + 1 <= 15; left += 2) {  // page 1 is the cover, a right-hand page
      const std::vector<double>&l = feet[left], &r = feet[left + 1];
      if (l.empty() || r.empty()) continue;
      ++spreads;
      for (double a : l)
        for (double b : r) {
          const double off = std::fmod(std::abs(a - b), grid);
          EXPECT_LE(std::min(off, grid - off), 0.1)
              << lang << " pages " << left << "-" << left + 1 << ": body lines at " << a << " and " << b
              << " pt are out of register by " << std::min(off, grid - off) << " pt";
        }
    }
    EXPECT_GE(spreads, 4) << lang << ": spreads with body text on both pages (4–5 to 10–11)";
  }
}

}  // namespace
}  // namespace jan20::testing
