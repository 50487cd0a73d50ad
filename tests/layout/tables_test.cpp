// The structured blocks typeset in memory: fact figures, the timeline and
// the names table, read back from the pages' glyph runs and paths.
#include <algorithm>
#include <cmath>

#include "layout_fixture.h"

namespace jan20::layout::testing {
namespace {

using Facts = LayoutTest;
using Timeline = LayoutTest;
using Names = LayoutTest;

const std::vector<model::FactFigure> kToll = {{"150", "həlak olub"}, {"744", "ağır yaralanıb"}, {"4", "itkin düşüb"}};

TEST_F(Facts, FiguresStandSideBySideInEqualCells) {
  Laid laid = lay_out(document({facts(kToll)}), small_booklet(false));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  std::vector<RunOnPage> values;
  for (const char* v : {"150", "744", "4"}) {
    std::vector<RunOnPage> found = runs_equal(laid, v);
    ASSERT_EQ(found.size(), 1u) << v;
    values.push_back(found.front());
  }
  // One row, left to right, in the fact-value style.
  for (const RunOnPage& v : values) {
    EXPECT_DOUBLE_EQ(v.run->y, values[0].run->y);
    EXPECT_DOUBLE_EQ(v.run->size, 24);
  }
  // Centred in three equal cells with an 8 pt gap: centres one cell + gap apart.
  const double cell = (kMeasure - 2 * 8) / 3;
  for (size_t i = 0; i < values.size(); ++i)
    EXPECT_NEAR(values[i].run->x + values[i].width / 2, kMarginInner + i * (cell + 8) + cell / 2, 0.5) << i;
}

TEST_F(Facts, EachLabelIsCentredUnderItsValue) {
  Laid laid = lay_out(document({facts(kToll)}), small_booklet(false));
  int checked = 0;
  for (const auto& [value, label] : kToll) {
    std::vector<RunOnPage> v = runs_equal(laid, value), l = runs_equal(laid, label);
    ASSERT_EQ(v.size(), 1u) << value;
    ASSERT_EQ(l.size(), 1u) << label;
    EXPECT_GT(l[0].run->y, v[0].run->y);
    EXPECT_NEAR(l[0].run->x + l[0].width / 2, v[0].run->x + v[0].width / 2, 0.5) << label;
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

TEST_F(Facts, TwoRulesFrameTheRow) {
  Laid laid = lay_out(document({facts(kToll)}), small_booklet(false));
  std::vector<const model::Path*> rules = items_of<model::Path>(laid.doc.pages.at(0));
  ASSERT_EQ(rules.size(), 2u);
  std::vector<RunOnPage> value = runs_with(laid, "150"), label = runs_with(laid, "həlak olub");
  ASSERT_FALSE(value.empty());
  ASSERT_FALSE(label.empty());
  for (const model::Path* rule : rules) {
    ASSERT_EQ(rule->segments.size(), 2u);
    EXPECT_DOUBLE_EQ(rule->segments[0].y1, rule->segments[1].y1);  // horizontal
    EXPECT_NEAR(rule->segments[1].x1 - rule->segments[0].x1, kMeasure, 1e-6);  // across the measure
    EXPECT_EQ(rule->stroke, Color::cmyk(0, 1, 0.85, 0.3));  // "accent"
  }
  double top = std::min(rules[0]->segments[0].y1, rules[1]->segments[0].y1);
  double bottom = std::max(rules[0]->segments[0].y1, rules[1]->segments[0].y1);
  EXPECT_LT(top, value[0].run->y - 24 * 0.7);  // above the figures' cap height
  EXPECT_GT(bottom, label[0].run->y);          // below the labels' baseline
}

TEST_F(Facts, LabelsTooLongForOneLineWrapWithinTheirCell) {
  std::vector<model::FactFigure> long_labels = {
      {"150", "dinc sakin həmin gecə və sonrakı günlərdə həlak olub"},
      {"744", "nəfər ağır yaralanıb"},
      {"4", "nəfər itkin düşüb"}};
  Laid laid = lay_out(document({facts(long_labels)}), small_booklet(false));
  const double cell = (kMeasure - 2 * 8) / 3;
  std::vector<RunOnPage> first = runs_with(laid, "dinc");
  ASSERT_EQ(first.size(), 1u);
  // Its words went onto more lines, each inside the first cell.
  std::vector<RunOnPage> lines;
  for (const model::GlyphRun* run : items_of<model::GlyphRun>(laid.doc.pages.at(0)))
    if (run->x < kMarginInner + cell && run->size < 24) lines.push_back({0, run, run_width(laid.doc, *run)});
  ASSERT_GE(lines.size(), 2u);
  for (const RunOnPage& line : lines) {
    EXPECT_GE(line.run->x, kMarginInner - 0.01) << line.run->text;
    EXPECT_LE(line.run->x + line.width, kMarginInner + cell + 0.5) << line.run->text;
  }
}

TEST_F(Facts, ShortLabelsThatJustMissOneLineAreSetSmaller) {
  // A label about 10 % wider than its cell is set a little smaller (down to
  // 80 %), not wrapped.
  const double cell = (kMeasure - 2 * 8) / 3;
  // "ağır yaralanıb" is 51.5 pt wide at 8 pt in Noto Sans; the cell is 48 pt.
  std::vector<model::FactFigure> figures = {{"744", "ağır yaralanıb"}, {"150", "yaralı"}, {"4", "itkin"}};
  Laid laid = lay_out(document({facts(figures)}), small_booklet(false));
  std::vector<RunOnPage> label = runs_equal(laid, "ağır yaralanıb");
  ASSERT_EQ(label.size(), 1u) << "on one line";
  EXPECT_LE(label[0].width, cell + 0.01);
  EXPECT_LT(label[0].run->size, 8);  // smaller than fact-label's 8 pt
  EXPECT_GE(label[0].run->size, 8 * 0.8 - 1e-6);
  // All labels of the row share the size.
  EXPECT_DOUBLE_EQ(runs_with(laid, "yaralı")[0].run->size, label[0].run->size);
}

const std::vector<std::pair<std::string, std::string>> kEvents = {
    {"19–20 yanvar 1990", "Bakıya qoşun yeridildi və dinc əhaliyə qarşı güc tətbiq edildi."},
    {"21 yanvar 1990", "Heydər Əliyev Moskvada bəyanatla çıxış etdi."},
    {"fevral 1994", "Milli Məclis faciəyə hüquqi-siyasi qiymət verdi."}};

TEST_F(Timeline, DatesFormAColumnAndEventsStartBesideIt) {
  Laid laid = lay_out(document({timeline(kEvents)}), small_booklet(false));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  double date_right = 0, event_left = 1e9;
  for (const auto& [date, event] : kEvents) {
    std::vector<RunOnPage> d = runs_with(laid, date.substr(0, date.find(' ')));
    ASSERT_FALSE(d.empty()) << date;
    EXPECT_NEAR(d[0].run->x, kMarginInner, 0.01);
    EXPECT_DOUBLE_EQ(d[0].run->size, 9);  // timeline-date
    for (const RunOnPage& r : d) date_right = std::max(date_right, r.run->x + r.width);
    std::vector<RunOnPage> e = runs_with(laid, event.substr(0, event.find(' ')));
    ASSERT_FALSE(e.empty()) << event;
    event_left = std::min(event_left, e[0].run->x);
  }
  EXPECT_GT(event_left, date_right + 6) << "a 12 pt gap holds the axis";
  EXPECT_LE(event_left, kMarginInner + kMeasure / 3 + 12 + 0.01) << "the date column is at most a third";
}

TEST_F(Timeline, EntriesDescendInTheirOrder) {
  Laid laid = lay_out(document({timeline(kEvents)}), small_booklet(false));
  double last = 0;
  for (const auto& [date, event] : kEvents) {
    std::vector<RunOnPage> d = runs_with(laid, date.substr(0, date.find(' ')));
    ASSERT_FALSE(d.empty()) << date;
    EXPECT_GT(d[0].run->y, last) << date;
    last = d[0].run->y;
  }
}

TEST_F(Timeline, AnAxisRunsBetweenTheDatesAndTheEvents) {
  Laid laid = lay_out(document({timeline(kEvents)}), small_booklet(false));
  std::vector<const model::Path*> axis = items_of<model::Path>(laid.doc.pages.at(0));
  ASSERT_EQ(axis.size(), kEvents.size());  // one piece per entry
  std::vector<RunOnPage> date = runs_with(laid, "1994"), event = runs_with(laid, "Milli");
  ASSERT_FALSE(date.empty());
  ASSERT_FALSE(event.empty());
  for (const model::Path* a : axis) {
    ASSERT_EQ(a->segments.size(), 2u);
    EXPECT_DOUBLE_EQ(a->segments[0].x1, a->segments[1].x1);  // vertical
    EXPECT_LT(a->segments[0].y1, a->segments[1].y1);
    EXPECT_GT(a->segments[0].x1, date[0].run->x + date[0].width);
    EXPECT_LT(a->segments[0].x1, event[0].run->x);
  }
}

TEST_F(Timeline, ALongDateWrapsInsideAThirdOfTheMeasure) {
  Laid laid = lay_out(document({timeline({{"19 yanvar 1990-cı il gecəsi, 20 yanvar səhəri", "Hadisə."},
                                          {"1994", "Qərar."}})}),
                      small_booklet(false));
  std::vector<RunOnPage> date_lines;
  for (const model::GlyphRun* run : items_of<model::GlyphRun>(laid.doc.pages.at(0)))
    if (run->size == 9) date_lines.push_back({0, run, run_width(laid.doc, *run)});
  ASSERT_GE(date_lines.size(), 3u);  // the long date on two lines or more, and "1994"
  for (const RunOnPage& line : date_lines)
    EXPECT_LE(line.run->x + line.width, kMarginInner + kMeasure / 3 + 0.5) << line.run->text << messages(laid.sink);
  std::vector<RunOnPage> event = runs_with(laid, "Hadisə.");
  ASSERT_EQ(event.size(), 1u);
  EXPECT_NEAR(event[0].run->y, date_lines[0].run->y, 1.0) << "the event starts beside the date's first line";
}

std::vector<std::vector<model::NameCell>> name_rows() {
  return {{{"Azərbaycan", "az"}, {"Азәрбајҹан", "az-Cyrl"}, {"آذربایجان", "az-Arab"}},
          {{"Bakı", "az"}, {"Бакы", "az-Cyrl"}, {"باکی", "az-Arab"}},
          {{"Şəhidlər Xiyabanı", "az"}, {"Шәһидләр Хијабаны", "az-Cyrl"}, {"شهیدلر خیابانی", "az-Arab"}}};
}

TEST_F(Names, CellsOfAColumnStartAtTheSameX) {
  Laid laid = lay_out(document({names(name_rows())}), small_booklet(false));
  ASSERT_FALSE(laid.sink.has_errors()) << messages(laid.sink);
  for (std::pair<const char*, const char*> column : {std::pair{"Azərbaycan", "Bakı"}, std::pair{"Азәрбајҹан", "Бакы"}}) {
    std::vector<RunOnPage> a = runs_with(laid, column.first), b = runs_with(laid, column.second);
    ASSERT_EQ(a.size(), 1u) << column.first;
    ASSERT_EQ(b.size(), 1u) << column.second;
    EXPECT_NEAR(a[0].run->x, b[0].run->x, 0.01);
    EXPECT_LT(a[0].run->y, b[0].run->y);
  }
  EXPECT_LT(runs_with(laid, "Bakı")[0].run->x, runs_with(laid, "Бакы")[0].run->x);
}

TEST_F(Names, ThePersoArabicColumnIsSetRightToLeftAndAlignedRight) {
  Laid laid = lay_out(document({names(name_rows())}), small_booklet(false));
  std::vector<RunOnPage> a = runs_with(laid, "آذربایجان"), b = runs_with(laid, "باکی");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_TRUE(a[0].run->rtl);
  EXPECT_EQ(a[0].run->lang, "az-Arab");
  // Right edges line up (at the table's right edge), left edges do not.
  EXPECT_NEAR(a[0].run->x + a[0].width, b[0].run->x + b[0].width, 0.5);
  EXPECT_NEAR(a[0].run->x + a[0].width, kMarginInner + kMeasure, 0.5);
  EXPECT_GT(std::abs(a[0].run->x - b[0].run->x), 5);
  EXPECT_NE(laid.doc.fonts.at(static_cast<size_t>(a[0].run->font)).path.find("NotoNaskhArabic"), std::string::npos);
}

TEST_F(Names, AHeaderRowIsUppercasedAboveTheNames) {
  Laid laid = lay_out(document({names(name_rows(), {"latın", "kiril", "ərəb"})}), small_booklet(false));
  std::vector<RunOnPage> latin = runs_with(laid, "LATIN"), first = runs_with(laid, "Azərbaycan");
  ASSERT_EQ(latin.size(), 1u);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_DOUBLE_EQ(latin[0].run->size, 7);
  EXPECT_LT(latin[0].run->y, first[0].run->y);
  EXPECT_NEAR(latin[0].run->x, first[0].run->x, 0.01);
  // Over the right-to-left column the heading is set right.
  std::vector<RunOnPage> arabic = runs_with(laid, "ƏRƏB"), cell = runs_with(laid, "آذربایجان");
  ASSERT_EQ(arabic.size(), 1u);
  ASSERT_EQ(cell.size(), 1u);
  EXPECT_NEAR(arabic[0].run->x + arabic[0].width, cell[0].run->x + cell[0].width, 0.5);
}

TEST_F(Names, TheTableIsTaggedAsRowsOfCells) {
  Laid laid = lay_out(document({names(name_rows(), {"latın", "kiril", "ərəb"})}), small_booklet(false));
  const std::vector<model::Tag>& tags = laid.doc.tags;
  ASSERT_FALSE(tags.empty());
  auto table = std::find_if(tags.begin(), tags.end(), [](const model::Tag& t) { return t.role == "Table"; });
  ASSERT_NE(table, tags.end());
  ASSERT_EQ(table->children.size(), 4u);  // header row + three rows
  std::vector<std::string> first_cells;
  for (int row : table->children) {
    const model::Tag& tr = tags[static_cast<size_t>(row)];
    EXPECT_EQ(tr.role, "TR");
    ASSERT_EQ(tr.children.size(), 3u);
    first_cells.push_back(tags[static_cast<size_t>(tr.children[0])].role);
  }
  EXPECT_EQ(first_cells, (std::vector<std::string>{"TH", "TD", "TD", "TD"}));
  // A Cyrillic cell says its language.
  std::vector<RunOnPage> cyrillic = runs_with(laid, "Бакы");
  ASSERT_EQ(cyrillic.size(), 1u);
  ASSERT_GE(cyrillic[0].run->tag, 0);
  EXPECT_EQ(tags[static_cast<size_t>(cyrillic[0].run->tag)].lang, "az-Cyrl");
}

}  // namespace
}  // namespace jan20::layout::testing
