// The structured blocks: fact figures, the timeline, the names table and the
// table of contents. Each is set cell by cell with typeset_text and becomes
// unbreakable boxes in the vertical list (one per row or entry).
#include <algorithm>

#include "layout/block_builder.h"
#include "layout/block_items.h"

namespace jan20::layout {

namespace {
// A fact's label stands at least this share of the figure's type size below
// the figure's baseline (docs/toml-reference.md, "Fixed geometry").
constexpr double kFactLabelMinDrop = 0.51;

// The rest of this file's geometry, each number named once
// (docs/toml-reference.md, "Fixed geometry"). Lengths in pt.
// Facts: the gap between figures (at least, else this share of the figure's size).
constexpr double kFactGapMin = 8, kFactGapShare = 0.3;
// Facts: between a figure's last line and its label.
constexpr double kFactValueToLabel = 2;
// Facts: the upper rule this far above the row; the lower one this far below
// the labels (at least, else this share of the labels' size).
constexpr double kFactRuleAbove = 4, kFactRuleBelowMin = 4, kFactRuleBelowShare = 0.5;
constexpr double kFactRuleWidth = 0.6;
// Facts: the row drawn this far down its box, so that the upper rule is inside it.
constexpr double kFactRowShift = 6;
// Facts: added to the box below the lower rule, to the figure style's
// space-before and to the label style's space-after.
constexpr double kFactBoxBelow = 8, kFactSpaceBefore = 4, kFactSpaceAfter = 8;
// Timeline: the date column is at most this fraction (1/n) of the measure.
constexpr int kTimelineDateColumnsPerMeasure = 3;
// Timeline: between dates and events (the axis in its middle); the axis
// starts this far below an entry's top; its stroke; space after the timeline.
constexpr double kTimelineGap = 12, kTimelineAxisTop = 2, kTimelineAxisWidth = 0.8, kTimelineSpaceAfter = 4;
// Names: between columns; below a row's text (its rule this far above the
// row's foot); the rules' strokes (header, rows); space after the table.
constexpr double kNamesGap = 6, kNamesRowBelow = 5, kNamesRuleAboveFoot = 2;
constexpr double kNamesHeaderRuleWidth = 0.6, kNamesRuleWidth = 0.4, kNamesSpaceAfter = 6;
// Measured widths are rounded up by this much (advances summed in pt).
constexpr double kMeasureRounding = 0.5;
// Contents: the page number's column, in ems of the entry's style.
constexpr double kContentsNumberEm = 2.5;
// Contents leaders: one leader character every 0.75 em (LaTeX's dotted
// contents lines stand about as far apart), and none unless three fit.
constexpr double kLeaderPitchEm = 0.75;
constexpr int kLeaderMinDots = 3;
}  // namespace

void BlockBuilder::facts(const model::Block& b, const model::Facts& facts) {
  if (facts.figures.empty()) return;
  const ResolvedStyle& value_style = style("fact-value", {"h1"});
  const ResolvedStyle& label_style = style("fact-label", {"caption", "body"});
  int group = tag_for(b, "Div");
  double gap = std::max(kFactGapMin, value_style.paragraph.size * kFactGapShare);  // big figures need air between them
  double n = static_cast<double>(facts.figures.size());
  double cell = (ctx_.measure - gap * (n - 1)) / n;
  // Labels side by side read as one row: when one would wrap, all are set a
  // little smaller (down to 80 %) so that each stays on one line; when that is
  // not enough, each wraps at the narrowest measure that keeps its number of
  // lines, so that its lines are balanced.
  auto natural_width = [&](const std::string& text, const ResolvedStyle& st) {
    double width = 0;
    for (const text::Line& line : typeset_text(inline_of(text, b.where), st, block_lang(b), 1e6, -1, model::Align::Center, false))
      width = std::max(width, line.natural_width);
    return width;
  };
  double widest = 0;
  for (const model::FactFigure& f : facts.figures) widest = std::max(widest, natural_width(f.label, label_style));
  ResolvedStyle fitted = label_style;
  bool one_line = widest <= cell;
  if (!one_line && widest > 0 && cell / widest >= 0.8) {
    fitted = ctx_.styles.scaled(label_style, cell / widest * 0.999);
    one_line = true;
  }
  auto label_measure = [&](const std::string& text) {
    if (one_line) return cell;
    model::Inline label = inline_of(text, b.where);
    auto count = [&](double m) {
      return typeset_text(label, fitted, block_lang(b), m, -1, model::Align::Center, false).size();
    };
    size_t lines = count(cell);
    double lo = cell / static_cast<double>(lines + 1), hi = cell;
    // Never narrower than the longest word: that would overfill a line.
    for (size_t at = 0; at < text.size();) {
      size_t end = std::min(text.find(' ', at), text.size());
      if (end > at) lo = std::max(lo, natural_width(text.substr(at, end - at), fitted) + kMeasureRounding);
      at = end + 1;
    }
    if (lo >= hi) return cell;
    for (int i = 0; i < 12; ++i) {
      double mid = (lo + hi) / 2;
      (count(mid) == lines ? hi : lo) = mid;
    }
    return hi;
  };
  VerticalEntry v = new_entry();
  double height = 0;
  for (size_t i = 0; i < facts.figures.size(); ++i) {
    double x = i * (cell + gap);
    int fact_tag = ctx_.tags ? ctx_.tags->add(group, "P") : -1;
    double y = 0, value_baseline = 0;
    for (const text::Line& line : boxed(v, set_paragraph(inline_of(facts.figures[i].value, b.where), value_style,
                                                         block_lang(b), cell, fact_tag, model::Align::Center, false),
                                        b.where, "fact-figure")) {
      value_baseline = y + baseline_offset(value_style.paragraph.leading, value_style.paragraph.size);
      append_line(v.items, line, x, value_baseline);
      y += value_style.paragraph.leading;
    }
    y += kFactValueToLabel;
    // A reader that groups glyphs into lines by their size (PDF.js, Firefox's
    // viewer) takes a label whose baseline is less than half the figure's
    // size below the figure's for the figure's own line, and reads "150dinc".
    const double label_baseline = baseline_offset(fitted.paragraph.leading, fitted.paragraph.size);
    y = std::max(y, value_baseline + kFactLabelMinDrop * value_style.paragraph.size - label_baseline);
    model::Inline label = inline_of(facts.figures[i].label, b.where);
    double m = label_measure(facts.figures[i].label);
    for (const text::Line& line :
         boxed(v, set_paragraph(label, fitted, block_lang(b), m, fact_tag, model::Align::Center, false), b.where,
               "fact-label")) {
      append_line(v.items, line, x + (cell - m) / 2, y + label_baseline);
      y += fitted.paragraph.leading;
    }
    height = std::max(height, y);
  }
  // A thin rule above and below the figures frames them as one element.
  Color rule_color = ctx_.styles.color("accent", ctx_.styles.color("text"));
  // The lower rule keeps clear of the labels' descenders by half their size.
  double below = std::max(kFactRuleBelowMin, fitted.paragraph.size * kFactRuleBelowShare);
  for (double ry : {-kFactRuleAbove, height + below}) {
    model::Path rule;
    rule.segments = {{model::PathSegment::Op::Move, 0, ry}, {model::PathSegment::Op::Line, ctx_.measure, ry}};
    rule.stroke = rule_color;
    rule.line_width = kFactRuleWidth;
    v.items.push_back(rule);
  }
  // Shift everything down so the upper rule sits inside the box.
  for (auto& item : v.items) {
    std::visit([](auto& it) {
      using T = std::decay_t<decltype(it)>;
      if constexpr (std::is_same_v<T, model::Path>) {
        for (auto& s : it.segments) s.y1 += kFactRowShift, s.y2 += kFactRowShift, s.y3 += kFactRowShift;
      } else {
        it.y += kFactRowShift;
      }
    }, item);
  }
  v.height = height + below + kFactBoxBelow;
  space(value_style.paragraph.space_before + kFactSpaceBefore);
  add_box(std::move(v));
  space(label_style.paragraph.space_after + kFactSpaceAfter);
}

void BlockBuilder::timeline(const model::Block& b, const model::Timeline& timeline) {
  const ResolvedStyle& date_style = style("timeline-date", {"body"});
  const ResolvedStyle& event_style = style("timeline-event", {"body"});
  int list_tag = tag_for(b, "L");
  // The date column is as wide as its longest date (at most a third of the
  // measure, where a long date wraps): the events get the rest.
  double date_width = 0;
  for (const model::TimelineEntry& e : timeline.entries)
    for (const text::Line& line : typeset_text(inline_of(e.date, b.where), date_style, block_lang(b), 1e6, -1,
                                           model::Align::Left, false))
      date_width = std::max(date_width, line.natural_width);
  date_width = std::min(ctx_.measure / kTimelineDateColumnsPerMeasure, date_width + kMeasureRounding);
  // Recording sets nothing, so every width measured above is 0: the dates and
  // events would be recorded at measures the pass never asks for. The
  // measuring settings are recorded; the entries are set when the pass comes.
  if (ctx_.recording) return;
  const double gap = kTimelineGap;  // the axis sits in the middle of it
  space(event_style.paragraph.leading * 0.5);
  for (const model::TimelineEntry& e : timeline.entries) {
    int li = ctx_.tags ? ctx_.tags->add(list_tag, "LI") : -1;
    int lbl = ctx_.tags ? ctx_.tags->add(li, "Lbl") : -1;
    int body = ctx_.tags ? ctx_.tags->add(li, "LBody") : -1;
    VerticalEntry v = new_entry();
    double yd = 0, ye = 0;
    for (const text::Line& line : boxed(v, set_paragraph(inline_of(e.date, b.where), date_style, block_lang(b),
                                                         date_width, lbl, model::Align::Left, false),
                                        b.where, "timeline-date")) {
      append_line(v.items, line, 0, yd + baseline_offset(date_style.paragraph.leading, date_style.paragraph.size));
      yd += date_style.paragraph.leading;
    }
    for (const text::Line& line : boxed(v, set_paragraph(e.event, event_style, block_lang(b),
                                                         ctx_.measure - date_width - gap, body, model::Align::Left),
                                        b.where, "timeline-event")) {
      append_line(v.items, line, date_width + gap,
                  ye + baseline_offset(event_style.paragraph.leading, event_style.paragraph.size));
      ye += event_style.paragraph.leading;
    }
    // On the baseline grid when its events' lines are: each entry starts on
    // it, and the space after an entry is a space of the vertical list (which
    // rounds to the grid) rather than part of the entry.
    v.on_grid = ctx_.design.baseline_grid > 0 &&
                std::abs(event_style.paragraph.leading - ctx_.design.baseline_grid) < 0.01;
    v.height = std::max(yd, ye) + (v.on_grid ? 0 : event_style.paragraph.space_after);
    // A thin vertical rule joins the dates, like a time axis.
    model::Path axis;
    axis.segments = {{model::PathSegment::Op::Move, date_width + gap / 2, kTimelineAxisTop},
                     {model::PathSegment::Op::Line, date_width + gap / 2, v.height}};
    axis.stroke = ctx_.styles.color("accent", ctx_.styles.color("text"));
    axis.line_width = kTimelineAxisWidth;
    v.items.insert(v.items.begin(), axis);
    const bool on_grid = v.on_grid;
    add_box(std::move(v));
    if (on_grid && &e != &timeline.entries.back()) space(event_style.paragraph.space_after);
  }
  space(event_style.paragraph.space_after + kTimelineSpaceAfter);
}

void BlockBuilder::names(const model::Block& b, const model::Names& names) {
  const ResolvedStyle& cell_style = style("names", {"body"});
  int table = tag_for(b, "Table");
  size_t columns = 0;
  for (const auto& row : names.rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  const double gap = kNamesGap;
  const ResolvedStyle& head_style = style("names-header", {"caption", "body"});
  auto cell_lang = [&](const model::NameCell& cell) { return cell.lang.empty() ? block_lang(b) : cell.lang; };
  auto is_rtl = [](const std::string& lang) {
    return lang.find("Arab") != std::string::npos || lang == "azb" || lang == "fa" || lang == "ar";
  };
  // Column widths from the content, like a browser's automatic table layout:
  // each column's narrowest (its longest word) and widest (its longest cell
  // on one line) widths; the measure is shared out between them.
  std::vector<double> min_w(columns, 0), max_w(columns, 0);
  std::vector<int> rtl_cells(columns, 0), ltr_cells(columns, 0);
  auto measure_cell = [&](size_t c, const std::string& text, const ResolvedStyle& st, const std::string& lang) {
    for (const text::Line& line : typeset_text(inline_of(text, b.where), st, lang, 1e6, -1, model::Align::Left, false))
      max_w[c] = std::max(max_w[c], line.natural_width);
    for (size_t at = 0; at < text.size();) {
      size_t end = std::min(text.find(' ', at), text.size());
      if (end > at)
        for (const text::Line& line :
             typeset_text(inline_of(text.substr(at, end - at), b.where), st, lang, 1e6, -1, model::Align::Left, false))
          min_w[c] = std::max(min_w[c], line.natural_width);
      at = end + 1;
    }
  };
  for (const auto& row : names.rows)
    for (size_t c = 0; c < row.size(); ++c) {
      if (row[c].text.empty()) continue;
      measure_cell(c, row[c].text, cell_style, cell_lang(row[c]));
      (is_rtl(cell_lang(row[c])) ? rtl_cells : ltr_cells)[c]++;
    }
  for (size_t c = 0; c < names.header.size() && c < columns; ++c)
    measure_cell(c, names.header[c], head_style, block_lang(b));
  if (ctx_.recording) return;  // the column widths come from settings not made yet (see timeline)
  double room = ctx_.measure - gap * (columns - 1), sum_min = 0, sum_max = 0;
  for (size_t c = 0; c < columns; ++c) {
    min_w[c] += kMeasureRounding, max_w[c] += kMeasureRounding;
    sum_min += min_w[c], sum_max += max_w[c];
  }
  std::vector<double> width(columns), left(columns);
  for (size_t c = 0; c < columns; ++c) {
    if (sum_max <= room)
      width[c] = max_w[c] + (room - sum_max) * (sum_max > 0 ? max_w[c] / sum_max : 1.0 / columns);
    else if (sum_min < room)
      width[c] = min_w[c] + (max_w[c] - min_w[c]) * (room - sum_min) / (sum_max - sum_min);
    else
      width[c] = room * (sum_min > 0 ? min_w[c] / sum_min : 1.0 / columns);
    left[c] = c == 0 ? 0 : left[c - 1] + width[c - 1] + gap;
  }
  space(cell_style.paragraph.leading * 0.5);
  if (!names.header.empty()) {
    int tr = ctx_.tags ? ctx_.tags->add(table, "TR") : -1;
    VerticalEntry v = new_entry();
    double height = 0;
    for (size_t c = 0; c < names.header.size() && c < columns; ++c) {
      int th = ctx_.tags ? ctx_.tags->add(tr, "TH") : -1;
      double y = 0;
      // A header aligns with its column: right over a right-to-left column.
      model::Align align = rtl_cells[c] > ltr_cells[c] ? model::Align::Right : model::Align::Left;
      for (const text::Line& line : boxed(v, set_paragraph(inline_of(names.header[c], b.where), head_style,
                                                           block_lang(b), width[c], th, align, false),
                                          b.where, "table-header")) {
        append_line(v.items, line, left[c], y + baseline_offset(head_style.paragraph.leading, head_style.paragraph.size));
        y += head_style.paragraph.leading;
      }
      height = std::max(height, y);
    }
    v.height = height + kNamesRowBelow;
    model::Path rule;
    rule.segments = {{model::PathSegment::Op::Move, 0, v.height - kNamesRuleAboveFoot},
                     {model::PathSegment::Op::Line, ctx_.measure, v.height - kNamesRuleAboveFoot}};
    rule.stroke = ctx_.styles.color("text");
    rule.line_width = kNamesHeaderRuleWidth;
    v.items.push_back(rule);
    add_box(std::move(v));
    keep_next_ = true;  // the heading row stays with the first row
  }
  for (const auto& row : names.rows) {
    int tr = ctx_.tags ? ctx_.tags->add(table, "TR") : -1;
    VerticalEntry v = new_entry();
    double height = 0;
    for (size_t c = 0; c < row.size(); ++c) {
      int td = ctx_.tags ? ctx_.tags->add(tr, "TD", row[c].lang != ctx_.doc.meta.language ? row[c].lang : "") : -1;
      if (row[c].text.empty()) continue;
      std::string lang = cell_lang(row[c]);
      double y = 0;
      for (const text::Line& line : boxed(v, set_paragraph(inline_of(row[c].text, b.where), cell_style, lang, width[c],
                                                           td, is_rtl(lang) ? model::Align::Right : model::Align::Left,
                                                           false),
                                          b.where, "table-cell")) {
        append_line(v.items, line, left[c], y + baseline_offset(cell_style.paragraph.leading, cell_style.paragraph.size));
        y += cell_style.paragraph.leading;
      }
      height = std::max(height, y);
    }
    v.height = height + kNamesRowBelow;
    model::Path rule;
    rule.segments = {{model::PathSegment::Op::Move, 0, v.height - kNamesRuleAboveFoot},
                     {model::PathSegment::Op::Line, ctx_.measure, v.height - kNamesRuleAboveFoot}};
    rule.stroke = ctx_.styles.color("rule", Color::cmyk(0, 0, 0, 0.4));
    rule.line_width = kNamesRuleWidth;
    v.items.push_back(rule);
    add_box(std::move(v));
  }
  space(cell_style.paragraph.space_after + kNamesSpaceAfter);
}

// Contents: the leader between an entry's title (ending at `from`) and its
// page number (starting at `to`): the style's leader character at a fixed
// pitch from the measure's left edge, so the dots of all entries stand in
// columns, clear of the title and the number by half a pitch. An artifact:
// the entry's text is its title and number.
void BlockBuilder::add_leader(EntryItems& items, const ResolvedStyle& style, const std::string& lang,
                              double from, double to, double baseline) {
  std::vector<text::Line> shaped = typeset_text(inline_of(style.paragraph.leader, {}), style, lang, ctx_.measure,
                                                -1, model::Align::Left, false);
  if (shaped.empty() || shaped.front().runs.size() != 1 || shaped.front().runs.front().glyphs.size() != 1) return;
  const model::GlyphRun& one = shaped.front().runs.front();
  double advance = shaped.front().natural_width;
  double pitch = std::max(advance, style.paragraph.size * kLeaderPitchEm);
  double first = std::ceil((from + pitch / 2) / pitch) * pitch;
  int count = static_cast<int>(std::floor((to - pitch / 2 - advance - first) / pitch)) + 1;
  if (count < kLeaderMinDots) return;
  model::GlyphRun run = one;
  run.tag = -1;
  run.x = first;
  run.y = baseline;
  run.text.clear();
  run.glyphs.clear();
  for (int i = 0; i < count; ++i) {
    model::Glyph g = one.glyphs.front();
    g.text_begin = static_cast<uint32_t>(run.text.size());
    run.text += one.text;
    g.text_end = static_cast<uint32_t>(run.text.size());
    g.extra = i + 1 < count ? pitch - advance : 0;
    run.glyphs.push_back(g);
  }
  items.push_back(std::move(run));
}

void BlockBuilder::contents(const model::Block& b) {
  // The contents' own title is not listed in them.
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
    if (it->notes().heading_level > 0) {
      it->in_contents = false;
      break;
    }
  int toc = tag_for(b, "TOC");
  if (!ctx_.contents) return;
  for (const ContentsEntry& entry : *ctx_.contents) {
    std::string name = "toc-" + std::to_string(std::clamp(entry.level, 1, 2));
    const ResolvedStyle& style = this->style(name, {"toc-1", "body"});
    int toci = ctx_.tags ? ctx_.tags->add(toc, "TOCI") : -1;
    // The entry's title and page number are the text of a Link element that
    // also holds the link annotation.
    int link_tag = ctx_.tags ? ctx_.tags->add(toci, "Link") : -1;
    double number_width = style.paragraph.size * kContentsNumberEm;
    SetParagraph title = set_paragraph(inline_of(entry.title, b.where), style, block_lang(b),
                                       ctx_.measure - number_width, link_tag, model::Align::Left, false);
    const double title_end = title.lines.empty() ? -1 : style.paragraph.left_indent + title.lines.back().width;
    SetParagraph page = set_paragraph(inline_of(entry.page_label.empty() ? "0" : entry.page_label, b.where), style,
                                      block_lang(b), number_width, link_tag, model::Align::Right, false);
    space(style.paragraph.space_before);
    size_t first = entries_.size();
    add_lines(std::move(title), style, 0, b.where, "contents-entry");
    for (size_t i = first; i < entries_.size(); ++i) entries_[i].contents_entry = true;
    if (entries_.size() > first && !page.lines.empty()) {
      VerticalEntry& last = entries_.back();
      std::vector<text::Line> number = boxed(last, std::move(page), b.where, "contents-page");
      double baseline = baseline_offset(style.paragraph.leading, style.paragraph.size);
      double number_left = ctx_.measure - number.front().natural_width;
      if (!style.paragraph.leader.empty() && title_end >= 0)
        add_leader(last.items, style, block_lang(b), title_end, number_left, baseline);
      append_line(last.items, number.front(), ctx_.measure - number_width, baseline);
      // The whole entry links to its heading.
      model::Link link;
      link.x = 0;
      link.y = 0;
      link.width = ctx_.measure;
      link.height = style.paragraph.leading;
      link.uri = "#" + entry.anchor;
      link.tag = link_tag;
      link.description = plain_text(inline_of(entry.title, b.where));
      last.items.push_back(link);
    }
    space(style.paragraph.space_after);
  }
}

}  // namespace jan20::layout
