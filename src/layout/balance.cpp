#include "layout/balance.h"

#include <algorithm>

namespace jan20::layout {

namespace {

// The measure is found to within this many pt (a quarter of a thin space at
// 10 pt): narrower steps change no break.
constexpr double kMeasurePrecision = 0.25;
// Bisection steps at most: from a 300 pt measure to the precision in 11.
constexpr int kMaxSteps = 16;

bool any_overfull(const text::ParagraphResult& r) {
  return std::any_of(r.lines.begin(), r.lines.end(), [](const text::Line& l) { return l.overfull; });
}

}  // namespace

text::ParagraphResult balance_lines(const text::ParagraphInput& input, text::ParagraphResult at_measure,
                                    const SetLines& set) {
  const size_t count = at_measure.lines.size();
  if (input.align == model::Align::Justify || count < 2 || any_overfull(at_measure)) return at_measure;
  // No measure narrower than the text's width shared out over the lines
  // (with the first line's indent) can keep their number.
  double total = 0;
  for (const text::Line& line : at_measure.lines) total += line.natural_width;
  double lo = std::max(0.0, (total - input.first_indent) / static_cast<double>(count)), hi = input.measure;
  text::ParagraphResult best = std::move(at_measure);
  text::ParagraphInput trial = input;
  for (int step = 0; step < kMaxSteps && hi - lo > kMeasurePrecision; ++step) {
    trial.measure = (lo + hi) / 2;
    text::ParagraphResult r = set(trial);
    if (r.lines.size() == count && !any_overfull(r)) {
      hi = trial.measure;
      best = std::move(r);
    } else {
      lo = trial.measure;
    }
  }
  // Set at `hi`; drawn in the full measure.
  const double spare = input.measure - hi;
  const double shift = input.align == model::Align::Center ? spare / 2 : input.align == model::Align::Right ? spare : 0;
  if (shift != 0)
    for (text::Line& line : best.lines) {
      for (model::GlyphRun& run : line.runs) run.x += shift;
      for (text::LinkArea& link : line.links) link.x += shift;
    }
  return best;
}

}  // namespace jan20::layout
