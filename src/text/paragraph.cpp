// typeset_paragraph: the entry point of text/. The steps, each in its own file:
//   itemize (itemize.h)           bidi levels, scripts, languages, faces
//   find_breaks (breaks.h)        where lines may end: UAX #14 + our rules
//   collect (linebreak/collect.h) words shaped per unit through the cache,
//                                 hyphenated, turned into boxes, glue, penalties
//   break_lines (linebreak/knuth_plass.h)  Knuth–Plass total fit
//   typeset_line (linebreak/lines.h)  glyph runs per line, justified, in visual order
#include "text/paragraph.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/json.h"
#include "core/utf.h"
#include "text/breaks.h"
#include "text/itemize.h"
#include "text/linebreak/collect.h"
#include "text/linebreak/knuth_plass.h"
#include "text/linebreak/lines.h"
#include "text/shape_cache.h"
#include "text/text_analysis.h"

namespace jan20::text {

namespace {

using linebreak::Collected;
using linebreak::Element;

// Where a byte of the text is in the content: the span's location moved on
// by the characters before it on the same source line.
SourceLocation locate(const ParagraphInput& in, size_t span_index, size_t offset) {
  if (span_index >= in.spans.size()) return {};
  const StyledSpan& span = in.spans[span_index];
  SourceLocation where = span.where;
  if (where.column > 0 && offset >= span.begin && offset <= in.text.size()) {
    const std::string_view before(in.text.data() + span.begin, offset - span.begin);
    if (before.find('\n') == std::string_view::npos) where.column += static_cast<int>(utf8_length(before));
  }
  return where;
}

std::string pt(double v) { return format_number(v, 1) + " pt"; }

// The first byte of the paragraph set on the line (a word piece or a space).
size_t content_begin(const Collected& c, const linebreak::ChosenLine& line) {
  for (size_t k = line.start; k < line.end && k < c.nodes.size(); ++k) {
    const size_t origin = c.nodes[k].origin;
    if (origin == linebreak::kNoOrigin) continue;
    const Element& e = c.elements[origin];
    if (e.kind == Element::Kind::Fragment) return c.fragments[e.index].begin;
    if (e.kind == Element::Kind::Space) return c.spaces[e.index].begin;
  }
  return static_cast<size_t>(-1);
}

void report_overfull(const ParagraphInput& in, const std::vector<text::ShapingRun>& runs, const Collected& c,
                     const linebreak::ChosenLine& lb, const Line& line, DiagnosticSink& sink) {
  // The widest word on the line is the likely culprit.
  const linebreak::Word* widest = nullptr;
  for (size_t k = lb.start; k < lb.end; ++k) {
    const size_t origin = c.nodes[k].origin;
    if (origin == linebreak::kNoOrigin || c.elements[origin].kind != Element::Kind::Fragment) continue;
    const linebreak::Word& w = c.words[c.fragments[c.elements[origin].index].word];
    if (!widest || w.width > widest->width) widest = &w;
  }
  const double excess = line.width - in.measure;
  if (widest && widest->width > in.measure) {
    const std::string word = in.text.substr(widest->begin, widest->end - widest->begin);
    // The word's own excess, and the whole line's when other things on it
    // (an indent, other words) add to it: every number adds up.
    std::string over = "it sticks out by " + pt(widest->width - in.measure);
    if (excess - (widest->width - in.measure) > 0.05)
      over += "; with the rest of its line (" + pt(line.width) + "), by " + pt(excess);
    sink.warning(locate(in, runs[widest->item].span, widest->begin),
                 "the word '" + word + "' is " + pt(widest->width) + " wide, wider than the line (" +
                     pt(in.measure) + "): " + over,
                 "add a hyphenation exception for it (\"xal-qı-mı-zın\"), shorten it, or make the text smaller "
                 "or the frame wider");
    return;
  }
  const size_t first = content_begin(c, lb);
  size_t span = 0;
  for (const auto& run : runs)
    if (first != static_cast<size_t>(-1) && run.begin <= first && first < run.end) span = run.span;
  sink.warning(locate(in, span, first == static_cast<size_t>(-1) ? 0 : first),
               "a line is " + pt(excess) + " wider than the measure (" + pt(in.measure) + ")",
               "rephrase the paragraph, add hyphenation exceptions, or allow more stretch");
}

}  // namespace

struct ParagraphScratch::Buffers {
  TextAnalyses analyses;  // the texts set more than once lately (a poster's fill frame)
  linebreak::BreakScratch breaks;
  linebreak::LineScratch lines;
  linebreak::PreparedWords words;  // this thread's plain words, for their next occurrences
};

ParagraphScratch::ParagraphScratch() : buffers_(std::make_unique<Buffers>()) {}
ParagraphScratch::~ParagraphScratch() = default;
size_t ParagraphScratch::prepared_words() const { return buffers_->words.size(); }
size_t ParagraphScratch::reused_analyses() const { return buffers_->analyses.reused(); }
void ParagraphScratch::forget_words() { buffers_->words.clear(); }

ParagraphResult typeset_paragraph(const ParagraphInput& input, ShapeCache& cache, DiagnosticSink& sink) {
  ParagraphScratch scratch;
  return typeset_paragraph(input, cache, sink, scratch);
}

ParagraphResult typeset_paragraph(const ParagraphInput& input, ShapeCache& cache, DiagnosticSink& sink,
                                  ParagraphScratch& scratch) {
  ParagraphResult result;
  if (input.text.empty() || input.spans.empty()) return result;
  std::optional<Hyphenators> own;
  Hyphenators* hyphenators = input.hyphenators;
  if (!hyphenators) hyphenators = &own.emplace(input.hyphenation);
  const HyphenationRules& rules = hyphenators->rules();

  TextAnalysis once;
  TextAnalysis& analysis =
      scratch.buffers().analyses.of(input, rules.min_left, rules.min_right, &cache.likely_scripts(), once);
  sink.append(analysis.diagnostics);
  const CodePoints& decoded = analysis.decoded;
  const std::vector<text::ShapingRun>& runs = analysis.runs;
  if (runs.empty()) return result;
  for (const auto& run : runs) {
    if (!run.face) {
      sink.error(input.spans[run.span].where, "the text has no font to be set in",
                 "give the paragraph style a font that the layout defines");
      return result;
    }
  }
  if (!analysis.opportunities)
    analysis.opportunities = find_breaks(input.text, input.lang, BreakRules{rules.min_left, rules.min_right},
                                         &cache.line_break_iterators(), &decoded);
  const std::vector<BreakOpportunity>& opportunities = *analysis.opportunities;

  const Collected collected =
      linebreak::collect({input, runs, opportunities, cache, *hyphenators, &decoded,
                          input.hyphenators ? &scratch.buffers().words : nullptr});
  const linebreak::BreakResult breaks =
      linebreak::break_lines(collected.nodes, input.measure, input.params, collected.em, scratch.buffers().breaks);
  result.demerits = breaks.demerits;
  result.pass = breaks.pass;

  int lowest = runs.front().bidi_level;
  for (const auto& run : runs) lowest = std::min(lowest, run.bidi_level);
  const linebreak::LineContext context{input, runs, collected, cache, (lowest & 1) != 0};

  // Text ranges: each line from its first piece up to the next line's.
  std::vector<size_t> begins;
  for (const auto& lb : breaks.lines) {
    const size_t b = content_begin(collected, lb);
    begins.push_back(b == static_cast<size_t>(-1) ? (begins.empty() ? 0 : begins.back()) : b);
  }
  linebreak::LineScratch& line_scratch = scratch.buffers().lines;
  result.lines.reserve(breaks.lines.size());  // exactly: the lines live until the pages are made
  for (size_t i = 0; i < breaks.lines.size(); ++i) {
    linebreak::LinePlace place;
    place.line = &breaks.lines[i];
    place.previous = i > 0 ? &breaks.lines[i - 1] : nullptr;
    place.first = i == 0;
    place.last = collected.nodes[breaks.lines[i].end].forced();
    place.text_begin = i == 0 ? 0 : begins[i];
    place.text_end = i + 1 < breaks.lines.size() ? begins[i + 1] : input.text.size();
    Line line = linebreak::typeset_line(context, place, line_scratch);
    if (line.overfull) report_overfull(input, runs, collected, breaks.lines[i], line, sink);
    result.lines.push_back(std::move(line));
  }
  return result;
}

}  // namespace jan20::text
