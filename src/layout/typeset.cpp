#include "layout/typeset.h"

#include <algorithm>
#include <map>

#include "core/json.h"
#include "layout/block_builder.h"
#include "layout/flow.h"
#include "layout/materialize.h"
#include "layout/sections.h"
#include "layout/page_geometry.h"
#include "layout/poster.h"
#include "text/hyphenate.h"

namespace jan20::layout {

namespace {

std::vector<ColumnBox> flow_columns(const void* context, int page, const std::string&) {
  return columns_of(*static_cast<const model::Design*>(context), page);
}

text::HyphenationRules hyphenation_rules(const model::Document& doc, const model::Design& d,
                                         const TypesetOptions& options, DiagnosticSink& sink) {
  text::HyphenationRules rules;
  rules.min_word = d.hyphen_min_word;
  rules.min_left = d.hyphen_min_left;
  rules.min_right = d.hyphen_min_right;
  rules.exceptions = d.hyphenation_exceptions;
  for (const auto& [lang, m] : d.hyphen_languages) rules.languages[lang] = {m.min_word, m.min_left, m.min_right};
  rules.exceptions.insert(rules.exceptions.end(), doc.meta.hyphenation_exceptions.begin(),
                          doc.meta.hyphenation_exceptions.end());
  if (!d.hyphenation_file.empty()) {
    std::string error;
    std::string path = d.hyphenation_file.front() == '/' ? d.hyphenation_file : options.root + "/" + d.hyphenation_file;
    if (!text::read_exception_file(path, &rules.exceptions, &error))
      sink.error(d.where, "cannot read the hyphenation file '" + d.hyphenation_file + "': " + error,
                 "check [hyphenation] file in the layout");
  }
  return rules;
}

// Counts paragraphs whose first or last piece on a page is shorter than the
// layout allows, and fills in each reported line's page.
void finish_report(const std::vector<VerticalEntry>& entries, const std::vector<PageFlow>& flow,
                   const model::Design& design, TypesetReport* report) {
  if (!report) return;
  std::vector<std::vector<int>> pages_of(report->paragraphs.size());
  for (size_t p = 0; p < flow.size(); ++p)
    for (const auto& column : flow[p].columns)
      for (const PlacedEntry& placed : column) {
        const VerticalEntry& v = entries[placed.entry];
        for (int boxed : v.notes().boxed_paragraphs)
          for (LineReport& line : report->paragraphs[static_cast<size_t>(boxed)].lines) line.page = static_cast<int>(p) + 1;
        if (v.paragraph < 0 || v.line < 0) continue;
        auto& lines = report->paragraphs[static_cast<size_t>(v.paragraph)].lines;
        if (static_cast<size_t>(v.line) < lines.size()) lines[static_cast<size_t>(v.line)].page = static_cast<int>(p) + 1;
        pages_of[static_cast<size_t>(v.paragraph)].push_back(static_cast<int>(p) * 16 + static_cast<int>(&column - &flow[p].columns[0]));
      }
  for (const auto& places : pages_of) {
    if (places.empty()) continue;
    size_t first_run = 1, last_run = 1;
    while (first_run < places.size() && places[first_run] == places[0]) ++first_run;
    while (last_run < places.size() && places[places.size() - 1 - last_run] == places.back()) ++last_run;
    if (first_run == places.size()) continue;  // on one column
    if (static_cast<int>(first_run) < design.orphans) ++report->orphans;
    if (static_cast<int>(last_run) < design.widows) ++report->widows;
  }
  for (const auto& para : report->paragraphs) {
    int run = 0;
    for (const auto& line : para.lines) {
      if (line.overfull) ++report->overfull_lines;
      run = line.hyphenated ? run + 1 : 0;
      report->max_consecutive_hyphens = std::max(report->max_consecutive_hyphens, run);
    }
  }
}

// A column that could not hold what was placed in it, at the content block
// the entry comes from, with the numbers.
void warn_overflow(const VerticalEntry& entry, const PageFlow& page, long page_number, const model::Document& doc,
                   DiagnosticSink& sink) {
  auto pt = [](double v) { return format_number(v, 1) + " pt"; };
  const SourceLocation where = !entry.where || entry.where->file.empty() ? SourceLocation{doc.path, 0, 0} : *entry.where;
  const std::string column = "the column (" + pt(page.overflow_column_height) + ") on page " + std::to_string(page_number);
  if (page.overflow_kept_together) {
    sink.warning(where, "the lines kept together from here (keep-with-next, widows and orphans) are taller than " +
                            column + ", so it was broken inside them",
                 "shorten the text, or loosen the style's keep-with-next or the layout's [flow] widows and orphans");
    return;
  }
  const std::string what = entry.floats ? "the figure" : entry.line >= 0 ? "a line of this block" : "a part of this block";
  sink.warning(where, what + " is " + pt(entry.height) + " high, taller than " + column + ": it runs " +
                          pt(entry.height - page.overflow_column_height) + " past the column's foot",
               entry.floats ? "give the figure less height, or the page more text height"
                           : "make the style's size or leading smaller, or the page's text area taller");
}

}  // namespace

model::PagedDocument typeset(const model::Document& doc, const model::Design& design,
                             font::FontCollection& fonts, text::ShapeCache& cache,
                             const TypesetOptions& options, DiagnosticSink& sink, TypesetReport* report) {
  model::PagedDocument out;
  out.info.title = doc.meta.title;
  out.info.subtitle = doc.meta.subtitle;
  out.info.author = doc.meta.author;
  out.info.subject = doc.meta.subject;
  out.info.keywords = doc.meta.keywords;
  out.info.lang = doc.meta.language;
  out.info.date = doc.meta.date;
  out.info.creator = options.producer;
  out.info.producer = options.producer;

  StyleResolver styles(design, fonts, sink);
  BuildContext ctx{{design, doc, styles, cache}, sink};
  text::Hyphenators hyphenators(hyphenation_rules(doc, design, options, sink));
  // Every paragraph gets the minimums; the exceptions (possibly a million
  // words) stay with the hyphenators, which every paragraph also gets.
  ctx.hyphenation.min_word = hyphenators.rules().min_word;
  ctx.hyphenation.min_left = hyphenators.rules().min_left;
  ctx.hyphenation.min_right = hyphenators.rules().min_right;
  ctx.hyphenators = &hyphenators;
  ctx.root = options.root;
  ColumnBox first_column = columns_of(design, 0).front();
  ctx.measure = first_column.width;
  ctx.column_height = first_column.height;
  const bool has_contents = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                        [](const model::Block& b) { return b.is<model::Contents>(); });
  ItemPool item_pool;  // outlives every vertical list below
  ctx.item_pool = &item_pool;
  ParagraphMemo paragraphs(has_contents);
  ctx.paragraphs = options.threads > 1 || has_contents ? &paragraphs : nullptr;

  auto poster_master = std::find_if(design.masters.begin(), design.masters.end(),
                                    [](const auto& m) { return !m.second.frames.empty(); });
  if (poster_master != design.masters.end()) {
    TagTree tags;
    ctx.tags = &tags;
    ctx.report = report;
    out.pages.push_back(typeset_poster(ctx, poster_master->second));
    out.tags = tags.take();
    out.fonts = fonts.resources();
    return out;
  }

  // Pass 1 finds where the headings land; pass 2 sets the table of contents
  // with those page numbers. The contents' length does not depend on the
  // numbers' values, so a third pass is needed only if the page of a heading
  // moved (checked, at most twice more).
  std::vector<bool> run_on = run_on_breaks(doc.blocks, design);
  std::vector<ContentsEntry> contents;
  std::vector<VerticalEntry> entries;
  std::vector<PageFlow> flow;
  TagTree tags;
  if (options.threads > 1) {
    // A first walk that only records the paragraphs, for helper threads to
    // set while the passes below walk the document and use them. The helpers
    // start on the first paragraph recorded.
    paragraphs.start_setting(cache, options.threads);
    TagTree recorded_tags;
    DiagnosticSink ignored;
    BuildContext recording = ctx.with_sink(ignored);
    recording.tags = &recorded_tags;
    recording.report = nullptr;
    recording.recording = true;
    BlockBuilder recorder(recording);
    for (const model::Block& block : doc.blocks) recorder.add(block);  // page-breaks record nothing
  }
  DiagnosticSink pass_sink;  // shaping and breaking diagnostics are the same on every pass: keep the last
  auto run_passes = [&] {
    contents.clear();
    for (int pass = 0; pass < 4; ++pass) {
      tags = TagTree();
      ctx.tags = &tags;
      ctx.contents = has_contents ? &contents : nullptr;
      if (report) *report = TypesetReport();
      ctx.report = report;
      pass_sink = DiagnosticSink();
      // The previous pass's lines are not read again: free them before this
      // pass sets its own, so two passes' glyph runs are never held at once.
      entries = std::vector<VerticalEntry>();
      flow = std::vector<PageFlow>();
      BuildContext pass_ctx = ctx.with_sink(pass_sink);
      BlockBuilder builder(pass_ctx);
      for (size_t i = 0; i < doc.blocks.size(); ++i) {
        if (run_on[i])
          builder.run_on_section();
        else
          builder.add(doc.blocks[i]);
      }
      entries = builder.take();
      paragraphs.finish_recorded();  // the first pass has used what was recorded for it
      flow = paginate({&entries, first_master(design), &design, flow_columns, design.baseline_grid});
      if (!has_contents) break;
      std::vector<ContentsEntry> found;
      for (const HeadingPlace& h : find_headings(entries, flow, design))
        if (h.in_contents && h.level <= 2)
          found.push_back(
              {h.title, h.anchor, page_label(design, flow[static_cast<size_t>(h.page)].master, h.page), h.level});
      bool same = found.size() == contents.size() &&
                  std::equal(found.begin(), found.end(), contents.begin(), [](const auto& a, const auto& b) {
                    return a.anchor == b.anchor && a.page_label == b.page_label;
                  });
      contents = std::move(found);
      if (same && pass > 0) break;
    }
  };
  run_passes();
  // Run-on sections fill the pages a booklet has anyway: while padding to the
  // page multiple would add blank pages, the section that begins lowest on a
  // page opens a new page instead, unless that would need more pages than
  // the padded count.
  if (design.sections_run_on) {
    auto padded = [&](size_t pages) {
      const size_t multiple = static_cast<size_t>(std::max(1, design.page_multiple));
      return (pages + multiple - 1) / multiple * multiple;
    };
    const size_t target = padded(flow.size());
    std::vector<bool> tried(doc.blocks.size(), false);
    while (flow.size() < target) {
      std::map<std::string, const HeadingPlace*> by_anchor;
      const std::vector<HeadingPlace> headings = find_headings(entries, flow, design);
      for (const HeadingPlace& h : headings) by_anchor[h.anchor] = &h;
      size_t best = doc.blocks.size();
      double lowest = -1;
      for (size_t i = 0; i + 1 < doc.blocks.size(); ++i) {
        if (!run_on[i] || tried[i]) continue;
        auto h = by_anchor.find(doc.blocks[i + 1].id);
        if (h == by_anchor.end() || h->second->at_top) continue;
        if (h->second->y > lowest) {
          lowest = h->second->y;
          best = i;
        }
      }
      if (best == doc.blocks.size()) break;
      tried[best] = true;
      run_on[best] = false;
      run_passes();
      if (padded(flow.size()) > target) {  // it would not fit the padded count: keep it run on
        run_on[best] = true;
        run_passes();
      }
    }
  }
  sink.append(pass_sink);

  // Pad to the page multiple (saddle-stitched booklets: 4) with blank pages
  // before the back cover.
  if (design.page_multiple > 1) {
    auto last = flow.empty() ? design.masters.end() : design.masters.find(flow.back().master);
    const bool keep_last = last != design.masters.end() && last->second.role == model::MasterRole::Last;
    size_t insert_at = keep_last ? flow.size() - 1 : flow.size();
    const model::MasterPage* blank_master = master_with_role(design, model::MasterRole::Blank);
    while (flow.size() % static_cast<size_t>(design.page_multiple) != 0) {
      PageFlow blank;
      blank.blank = true;
      if (blank_master) blank.master = blank_master->name;
      flow.insert(flow.begin() + static_cast<long>(insert_at), blank);
    }
  }
  for (const PageFlow& page : flow)
    if (page.forced_overflow) warn_overflow(entries[page.overflow_entry], page, &page - &flow[0] + 1, doc, sink);

  finish_report(entries, flow, design, report);
  BlockBuilder decorations(ctx);
  out.pages = materialize(entries, flow, design, decorations, doc, &out.outline);
  out.tags = tags.take();
  out.fonts = fonts.resources();
  return out;
}

}  // namespace jan20::layout
