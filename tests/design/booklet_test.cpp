// The booklet's composition, read back from the written PDF: word boxes from
// `pdftotext -bbox`, colours from Ghostscript's CMYK raster (no anti-aliasing,
// so pixels carry the exact colours the PDF sets).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include "../print/print_support.h"

namespace jan20::testing {
namespace {

constexpr double kMm = 72 / 25.4;

struct Word {
  double x0, y0, x1, y1;
  std::string text;
};
struct Page {
  double width = 0;
  std::vector<Word> words;
};

std::vector<Page> pages_of(const std::string& pdf) {
  std::string html = pdftotext(pdf, {"-bbox"});
  std::vector<Page> pages;
  std::regex page_re("<page width=\"([0-9.]+)\"");
  std::regex word_re("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
  size_t at = html.find("<page ");
  while (at != std::string::npos) {
    size_t next = html.find("<page ", at + 1);
    std::string chunk = html.substr(at, next == std::string::npos ? std::string::npos : next - at);
    Page p;
    std::smatch m;
    if (std::regex_search(chunk, m, page_re)) p.width = std::stod(m[1]);
    for (std::sregex_iterator it(chunk.begin(), chunk.end(), word_re), end; it != end; ++it)
      p.words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
    pages.push_back(std::move(p));
    at = next;
  }
  return pages;
}

const Word* find_word(const Page& p, const std::string& text) {
  for (const Word& w : p.words)
    if (w.text == text) return &w;
  return nullptr;
}

int page_with(const std::vector<Page>& pages, const std::string& text) {
  for (size_t i = 0; i < pages.size(); ++i)
    if (find_word(pages[i], text)) return static_cast<int>(i);
  return -1;
}

class Booklet : public ::testing::TestWithParam<std::string> {
 protected:
  std::string pdf() const { return built_edition("booklet", GetParam()); }
  bool az() const { return GetParam() == "az"; }
};

TEST_P(Booklet, CoverAndBackAreCentredOnTheTrim) {
  std::vector<Page> pages = pages_of(pdf());
  ASSERT_GE(pages.size(), 4u);
  // Title on the cover, closing line on the back: the line's ink is centred
  // on the page (the MediaBox is the trim plus equal bleed on each side).
  for (auto [page, first, last] : {std::tuple{0, std::string("20"), std::string(az() ? "YANVAR" : "JANUARY")},
                                   std::tuple{static_cast<int>(pages.size()) - 1,
                                              std::string(az() ? "20" : "The"),
                                              std::string(az() ? "yaşayacaq." : "forgotten.")}}) {
    const Page& p = pages[static_cast<size_t>(page)];
    const Word* a = find_word(p, first);
    const Word* b = find_word(p, last);
    ASSERT_TRUE(a && b) << "page " << page + 1 << ": " << first << " … " << last;
    EXPECT_NEAR((a->x0 + b->x1) / 2, p.width / 2, 0.5) << "page " << page + 1;
  }
  // The cover names the day once: no "20" in its date line.
  int twenties = 0;
  for (const Word& w : pages[0].words) twenties += w.text == "20";
  EXPECT_EQ(twenties, 1) << "the cover says 20 " << (az() ? "Yanvar" : "January") << " more than once";
}

TEST_P(Booklet, OneCarnationRedOnCoverAndBack) {
  std::vector<CmykRaster> pages = render_cmyk(pdf(), 50);
  ASSERT_GE(pages.size(), 4u);
  auto reds = [](const CmykRaster& r, double* centre) {
    std::set<std::array<int, 4>> colours;
    double sum = 0;
    long n = 0;
    for (int y = 0; y < r.height; ++y)
      for (int x = 0; x < r.width; ++x) {
        const unsigned char* p = r.at(x, y);
        if (p[1] >= 250 && p[0] < 30) {
          colours.insert({p[0], p[1], p[2], p[3]});
          sum += x;
          ++n;
        }
      }
    *centre = n ? sum / n / r.width : 0;
    return colours;
  };
  double cover_x = 0, back_x = 0;
  std::set<std::array<int, 4>> cover = reds(pages.front(), &cover_x), back = reds(pages.back(), &back_x);
  ASSERT_FALSE(cover.empty()) << "no carnation on the cover";
  EXPECT_EQ(cover, back) << "the carnation's reds differ between cover and back";
  EXPECT_NEAR(cover_x, 0.5, 0.02);  // the flower's red mass sits on the page's centre line
  EXPECT_NEAR(back_x, 0.5, 0.02);
}

TEST_P(Booklet, CoverNamesTheDayOnce) {
  std::vector<Page> pages = pages_of(pdf());
  ASSERT_FALSE(pages.empty());
  const Page& cover = pages.front();
  int day = 0, year = 0;
  for (const Word& w : cover.words) {
    day += w.text == "20";
    year += w.text == "1990";
  }
  EXPECT_EQ(day, 1) << "the cover names \"20 " << (az() ? "Yanvar" : "January") << "\" " << day << " times";
  EXPECT_EQ(year, 1);
  EXPECT_NE(find_word(cover, az() ? "YANVAR" : "JANUARY"), nullptr);
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

TEST_P(Booklet, ContentsHaveDotLeadersAlignedAndNumbersInAColumn) {
  std::vector<Page> pages = pages_of(pdf());
  int at = page_with(pages, az() ? "MÜNDƏRİCAT" : "CONTENTS");
  ASSERT_GE(at, 0) << "contents page not found";
  // The entries: lines (words on one baseline) that end in a page number.
  std::map<long, std::vector<Word>> by_line;
  for (const Word& w : pages[static_cast<size_t>(at)].words) by_line[std::lround(w.y1 * 2)].push_back(w);
  struct Entry {
    double title_end = 0, number_left = 0, number_right = 0;
    std::vector<double> dots;
  };
  std::vector<Entry> entries;
  for (auto& [y, words] : by_line) {
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    if (words.size() < 2 || !all_digits(words.back().text)) continue;
    Entry e;
    e.number_left = words.back().x0;
    e.number_right = words.back().x1;
    for (size_t i = 0; i + 1 < words.size(); ++i)
      if (words[i].text == ".") e.dots.push_back(words[i].x0);
      else if (e.dots.empty()) e.title_end = words[i].x1;
    entries.push_back(e);
  }
  ASSERT_GE(entries.size(), 10u) << "contents entries";
  ASSERT_GE(entries[0].dots.size(), 3u);
  double pitch = entries[0].dots[1] - entries[0].dots[0];
  EXPECT_GT(pitch, 3);
  for (const Entry& e : entries) {
    ASSERT_GE(e.dots.size(), 3u) << "an entry without a leader";
    EXPECT_NEAR(e.number_right, entries[0].number_right, 0.3) << "page numbers right-aligned in one column";
    // The leader runs from the title to the number, clear of both by less than two dots' pitch.
    EXPECT_GT(e.dots.front() - e.title_end, 1.0);
    EXPECT_LT(e.dots.front() - e.title_end, 2 * pitch);
    EXPECT_GT(e.number_left - e.dots.back(), 1.0);
    EXPECT_LT(e.number_left - e.dots.back(), 2 * pitch + 3);
    // Every entry's dots stand on one grid: in columns down the page.
    for (double x : e.dots) {
      double off = std::fmod(x - entries[0].dots[0] + 100 * pitch, pitch);
      EXPECT_LT(std::min(off, pitch - off), 0.05) << "dot at " << x << " off the grid";
    }
  }
  // Entries in the text face (the serif regular), not bold sans: the fonts
  // MuPDF reports for the page's small type.
  CommandResult stext = run({"mutool", "draw", "-F", "stext", "-o", "-", pdf(), std::to_string(at + 1)});
  ASSERT_EQ(stext.exit_code, 0);
  std::regex font_re("<font name=\"([^\"]+)\" size=\"([0-9.]+)\"");
  int serif = 0;
  for (std::sregex_iterator it(stext.out.begin(), stext.out.end(), font_re), end; it != end; ++it) {
    std::string name = (*it)[1];
    if (std::stod((*it)[2]) >= 12) continue;  // the page's heading
    EXPECT_EQ(name.find("Bold"), std::string::npos) << name;
    serif += name.find("Serif") != std::string::npos;
  }
  EXPECT_GE(serif, 10);
}

TEST_P(Booklet, ListsShareTheParagraphIndentAsTheirOneMeasure) {
  std::vector<Page> pages = pages_of(pdf());
  int at = page_with(pages, "\xE2\x80\xA2");
  ASSERT_GE(at, 0) << "no bulleted list found";
  // Bullets and the first word after each, from pdftotext.
  std::map<long, std::vector<Word>> by_line;
  for (const Word& w : pages[static_cast<size_t>(at)].words) by_line[std::lround(w.y1 * 2)].push_back(w);
  std::vector<double> bullets, item_text;
  for (auto& [y, words] : by_line) {
    std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    if (words.front().text == "\xE2\x80\xA2" && words.size() > 1) {
      bullets.push_back(words[0].x0);
      item_text.push_back(words[1].x0);
    }
  }
  ASSERT_GE(bullets.size(), 3u);
  // Every text line's left edge, from MuPDF (pdftotext joins a hyphenated
  // word's halves onto one line): the running text's lines, not the heading
  // (larger) or the folio (smaller).
  CommandResult stext = run({"mutool", "draw", "-F", "stext", "-o", "-", pdf(), std::to_string(at + 1)});
  ASSERT_EQ(stext.exit_code, 0);
  std::regex line_re("<line bbox=\"([0-9.]+) [0-9.]+ [0-9.]+ [0-9.]+\"[^>]*>\\s*<font name=\"[^\"]+\" size=\"([0-9.]+)\"");
  std::vector<double> edges;
  int lines = 0;
  for (std::sregex_iterator it(stext.out.begin(), stext.out.end(), line_re), end; it != end; ++it) {
    double size = std::stod((*it)[2]), x = std::stod((*it)[1]);
    if (size < 9 || size >= 12) continue;
    ++lines;
    if (std::none_of(edges.begin(), edges.end(), [&](double e) { return std::abs(e - x) < 0.5; })) edges.push_back(x);
  }
  ASSERT_GE(lines, 10);
  std::sort(edges.begin(), edges.end());
  // Two left edges: the margin (paragraphs' lines, bullets) and the
  // paragraph indent (indented first lines, list text); no third.
  EXPECT_EQ(edges.size(), 2u) << "left edges: " << ::testing::PrintToString(edges);
  for (size_t i = 0; i < bullets.size(); ++i) {
    EXPECT_NEAR(bullets[i], edges.front(), 0.5) << "a bullet off the margin";
    EXPECT_NEAR(item_text[i], edges.back(), 0.5) << "list text off the paragraph indent";
  }
}

TEST_P(Booklet, NamesTableColumnsFollowTheirContent) {
  std::vector<Page> pages = pages_of(pdf());
  int at = page_with(pages, "Молли") >= 0 ? page_with(pages, "Молли") : page_with(pages, "Азәрбајҹан");
  ASSERT_GE(at, 0) << "names table not found";
  const Page& p = pages[static_cast<size_t>(at)];
  // "Ümumxalq Hüzn Günü" stays on one line.
  const Word* u = find_word(p, "Ümumxalq");
  const Word* g = find_word(p, "Günü");
  ASSERT_TRUE(u && g);
  EXPECT_NEAR(u->y0, g->y0, 0.5) << "'Ümumxalq Hüzn Günü' wraps";
  // The Perso-Arabic header is right-aligned like its right-to-left column.
  const Word* header = find_word(p, az() ? "ƏRƏB" : "PERSO-ARABIC");
  if (!header) header = find_word(p, "PERSO-ARABIC");
  ASSERT_NE(header, nullptr) << "Perso-Arabic header";
  double arabic_right = 0;
  int arabic = 0;
  for (const Word& w : p.words)
    if (!w.text.empty() && static_cast<unsigned char>(w.text[0]) >= 0xD8 && static_cast<unsigned char>(w.text[0]) <= 0xDB) {
      arabic_right = std::max(arabic_right, w.x1);
      ++arabic;
    }
  ASSERT_GT(arabic, 0) << "no Perso-Arabic words found";
  EXPECT_NEAR(header->x1, arabic_right, 1.0);
}

TEST_P(Booklet, TimelineDateColumnIsAsWideAsItsLongestDate) {
  std::string content = read_file(source_dir() + "/content/booklet/" + GetParam() + ".toml");
  std::vector<std::string> last_words;
  std::regex date_re("\\{ date = \"([^\"]+)\"");
  for (std::sregex_iterator it(content.begin(), content.end(), date_re), end; it != end; ++it) {
    std::string d = (*it)[1];
    last_words.push_back(d.substr(d.find_last_of(" \xA0") + 1));
  }
  ASSERT_GE(last_words.size(), 3u);
  std::vector<Page> pages = pages_of(pdf());
  // The timeline's page: the one with the most of the dates' last words at its left.
  size_t at = 0;
  int best = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    int n = 0;
    for (const std::string& lw : last_words)
      for (const Word& w : pages[i].words) n += w.text == lw && w.x0 < pages[i].width / 3;
    if (n > best) best = n, at = i;
  }
  const Page& p = pages[at];
  double date_right = 0, top = 1e9, bottom = 0;
  int found = 0;
  for (const std::string& lw : last_words)
    for (const Word& w : p.words)
      if (w.text == lw && w.x0 < p.width / 3) {
        date_right = std::max(date_right, w.x1);
        top = std::min(top, w.y0), bottom = std::max(bottom, w.y1);
        ++found;
        break;
      }
  ASSERT_GE(found, 3);
  double event_left = 1e9;
  for (const Word& w : p.words)
    if (w.y0 >= top - 2 && w.y1 <= bottom + 2 && w.x0 > date_right + 1) event_left = std::min(event_left, w.x0);
  ASSERT_LT(event_left, 1e9);
  // The axis sits in a 12 pt gap between the longest date and the events.
  EXPECT_LE(event_left - date_right, 14) << "date column " << (event_left - date_right - 12) / kMm << " mm wider than its dates";
}

INSTANTIATE_TEST_SUITE_P(Editions, Booklet, ::testing::Values("az", "en"));

}  // namespace
}  // namespace jan20::testing
