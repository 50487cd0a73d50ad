#include "text/linebreak/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace jan20::text::linebreak {

namespace {

constexpr double kInfBad = 10000;  // TeX's inf_bad
// What a hyphenated penultimate line costs in the emergency pass when the
// layout forbids it: more than any line within tolerance costs, so that only
// a paragraph with no other setting at all ends on a fragment.
constexpr double kLastResortDemerits = 1e8;
constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr size_t kStart = static_cast<size_t>(-1);  // position of the paragraph's start node

enum Fitness { kVeryLoose = 0, kLoose = 1, kDecent = 2, kTight = 3 };

struct Sums {
  double width = 0, stretch = 0, shrink = 0, fil = 0;
  double font = 0;  // the boxes' stretch (font expansion), also in `stretch`
};

// A feasible break that may start the next line (TeX's active and passive
// nodes in one record: we keep every node and chain them by index).
struct Breakpoint {
  size_t position = kStart;
  size_t start = 0;      // first node of the line after this break
  int fitness = kDecent;
  int hyphens = 0;       // consecutive hyphenated lines ending here
  bool flagged = false;
  double total = 0;      // total demerits from the paragraph's start
  int previous = -1;
  ChosenLine line;        // the line that ends here
  // The sums up to `start` and what the node there hangs into the margin
  // (0 unless it is a box): what every line from here is measured from.
  Sums before;
  double start_protrusion = 0;
};

// What a line ending at a breakpoint b is measured to: the sums up to b, the
// width of the penalty at b, and what hangs into the margin there.
struct LineEnd {
  Sums sums;
  double penalty_width = 0;
  double protrusion = 0;
};

struct Candidate {
  double total = kInfinity;
  int from = -1;
  ChosenLine line;
};

}  // namespace

struct BreakScratch::Buffers {
  std::vector<Sums> sums;
  std::vector<Breakpoint> breakpoints;
  std::vector<int> active;
  std::vector<Candidate> candidates;
  std::vector<size_t> filled;  // slots of candidates that try_break filled
  std::vector<double> cheapest;  // try_break's lowest totals by hyphen count
};

BreakScratch::BreakScratch() : buffers_(std::make_unique<Buffers>()) {}
BreakScratch::~BreakScratch() = default;

namespace {

class Breaker {
 public:
  Breaker(const std::vector<Node>& nodes, double measure, const LineBreakParams& params, double em,
          BreakScratch::Buffers& scratch)
      : nodes_(nodes), measure_(measure), params_(params), em_(em), sums_(scratch.sums),
        breakpoints_(scratch.breakpoints), active_(scratch.active),
        candidates_(scratch.candidates), filled_(scratch.filled), cheapest_(scratch.cheapest) {
    sums_.assign(nodes.size() + 1, Sums{});
    candidates_.clear();  // try_break fills every slot afresh
    filled_.clear();
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Sums s = sums_[i];
      const Node& it = nodes_[i];
      if (!it.is_penalty()) {
        s.width += it.width;
        s.stretch += it.stretch;
        s.shrink += it.shrink;
        s.fil += it.fil;
        if (it.is_box()) s.font += it.stretch;
      }
      sums_[i + 1] = s;
    }
    hyphen_cap_ = std::max(1, params_.max_consecutive_hyphens);
    cheapest_.resize(hyphen_slots());
  }

  // One pass (§863): 1 = first, 2 = second, 3 = emergency. False when no way
  // through the paragraph was found.
  bool run(int pass, BreakResult* result) {
    pass_ = pass;
    threshold_ = pass == 1   ? params_.pretolerance
                 : pass == 2 ? params_.tolerance
                 : pass == 3 ? std::max(params_.tolerance, params_.emergency_tolerance)
                             : kInfinity;
    emergency_ = pass >= 3 ? std::max(1e-9, params_.emergency_stretch * em_) : 0;
    breakpoints_.clear();
    active_.clear();
    breakpoints_.push_back(starting(Breakpoint{}));
    active_.push_back(0);
    size_t max_active = 1;
    for (size_t b = 0; b < nodes_.size(); ++b) {
      if (!legal(b)) continue;
      try_break(b);
      if (active_.empty()) return false;
      max_active = std::max(max_active, active_.size());
    }
    // The last node is a forced break: every active node now ends there.
    int best = -1;
    for (int a : active_) {
      if (breakpoints_[a].position != nodes_.size() - 1) continue;
      if (best < 0 || breakpoints_[a].total < breakpoints_[best].total) best = a;
    }
    if (best < 0) return false;
    result->lines.clear();
    for (int n = best; breakpoints_[n].previous >= 0; n = breakpoints_[n].previous) result->lines.push_back(breakpoints_[n].line);
    std::reverse(result->lines.begin(), result->lines.end());
    result->demerits = breakpoints_[best].total;
    result->pass = std::min(pass, 3);  // both emergency passes are reported as 3
    result->max_active = std::max(result->max_active, max_active);
    return true;
  }

 private:
  // Where a line may end (§831): a penalty below infinity, or glue right
  // after a box. The first pass does not try hyphenation points.
  bool legal(size_t b) const {
    const Node& it = nodes_[b];
    if (it.is_penalty()) return it.penalty < kInfinitePenalty && !(pass_ == 1 && it.discretionary);
    if (it.is_glue()) return b > 0 && nodes_[b - 1].is_box();
    return false;
  }

  // The first node of the line after a break at b: the glue and penalties
  // after the break are discarded up to the next box or forced break (§837).
  size_t start_after(size_t b) const {
    size_t j = b + 1;
    while (j < nodes_.size() && (nodes_[j].is_glue() || (nodes_[j].is_penalty() && !nodes_[j].forced()))) ++j;
    return j;
  }

  // The natural width of the line from `from` to b.
  double natural_of(const Breakpoint& from, size_t b) const {
    double natural = sums_[b].width - sums_[from.start].width + (nodes_[b].is_penalty() ? nodes_[b].width : 0);
    // What hangs into the margins (character protrusion) takes no room.
    natural -= nodes_[b].protrusion;
    if (from.start < nodes_.size() && nodes_[from.start].is_box()) natural -= nodes_[from.start].protrusion;
    return natural;
  }

  // The adjustment ratio of a line that is too short for the measure
  // (shortfall > 0) with stretch `stretch`, as measure_line sets it.
  double stretch_ratio(const Sums& s0, const Sums& s1, double shortfall, double stretch) const {
    if (stretch <= 0) return kInfinity;
    const double ratio = shortfall / stretch;
    // Beyond r = 1 font expansion is spent: the spaces take the rest.
    const double font = s1.font - s0.font, glue = stretch - font;
    if (ratio > 1 && font > 0) return glue > 0 ? 1 + (shortfall - stretch) / glue : kInfinity;
    return ratio;
  }

  // A breakpoint with what lines from it are measured from filled in.
  Breakpoint starting(Breakpoint n) const {
    n.before = sums_[n.start];
    n.start_protrusion = n.start < nodes_.size() && nodes_[n.start].is_box() ? nodes_[n.start].protrusion : 0;
    return n;
  }

  LineEnd line_end(size_t b) const {
    LineEnd e;
    e.sums = sums_[b];
    e.penalty_width = nodes_[b].is_penalty() ? nodes_[b].width : 0;
    e.protrusion = nodes_[b].protrusion;
    return e;
  }

  // True when the line from `from` to `end` is too short to be set within
  // the pass's threshold however far it stretches: measure_line would give
  // it a ratio above threshold_ without it being overfull. Most pairs of an
  // active node and a breakpoint are such lines, and need nothing more.
  // The arithmetic is measure_line's, step for step (a start that is not a
  // box hangs out by 0, and x - 0 is x).
  bool too_loose(const Breakpoint& from, const LineEnd& end) const {
    const Sums& s0 = from.before;
    const Sums& s1 = end.sums;
    double natural = s1.width - s0.width + end.penalty_width;
    natural -= end.protrusion;
    natural -= from.start_protrusion;
    const double shortfall = measure_ - natural;
    if (!(shortfall > 0) || s1.fil - s0.fil > 0) return false;
    return stretch_ratio(s0, s1, shortfall, s1.stretch - s0.stretch) > threshold_;
  }

  ChosenLine measure_line(const Breakpoint& from, size_t b) const {
    ChosenLine line;
    line.start = from.start;
    line.end = b;
    const Sums& s0 = sums_[from.start];
    const Sums& s1 = sums_[b];
    line.natural = natural_of(from, b);
    line.stretch = s1.stretch - s0.stretch;
    line.shrink = s1.shrink - s0.shrink;
    line.infinite_stretch = s1.fil - s0.fil > 0;
    line.hyphenated = nodes_[b].is_penalty() && nodes_[b].flagged;
    const double shortfall = measure_ - line.natural;
    if (shortfall > 0) {
      line.ratio = line.infinite_stretch ? 0 : stretch_ratio(s0, s1, shortfall, line.stretch);
    } else if (shortfall < 0) {
      line.overfull = -shortfall > line.shrink + 1e-9;
      line.ratio = line.shrink > 0 ? shortfall / line.shrink : -kInfinity;
    }
    return line;
  }

  // A candidate's slot: one for each fitness class and number of
  // consecutive hyphens, counted up to hyphen_cap_.
  size_t hyphen_slots() const { return static_cast<size_t>(hyphen_cap_) + 1; }
  size_t slot_of(int fitness, int hyphens) const {
    return static_cast<size_t>(fitness) * hyphen_slots() + static_cast<size_t>(std::min(hyphens, hyphen_cap_));
  }
  size_t hyphens_in(size_t slot) const { return slot % hyphen_slots(); }

  // TeX's fitness classes (§817).
  static int fitness_of(const ChosenLine& line, double bad) {
    if (line.overfull) return kTight;
    if (line.ratio > 0) return bad > 99 ? kVeryLoose : bad > 12 ? kLoose : kDecent;
    if (line.ratio < 0) return bad > 12 ? kTight : kDecent;
    return kDecent;
  }

  // §859: demerits of a line with badness `bad` ending at node b. `graded`:
  // an emergency-pass line beyond tolerance, whose square is not capped.
  double line_demerits(const Breakpoint& from, size_t b, double bad, int fitness, bool graded) const {
    const Node& it = nodes_[b];
    double d = params_.line_penalty + bad;
    d = std::abs(d) >= 10000 && !graded ? 100000000.0 : d * d;
    const double pi = it.is_penalty() ? it.penalty : 0;
    if (pi > 0)
      d += pi * pi;
    else if (pi > kForcedBreak)
      d -= pi * pi;
    const bool final = b == nodes_.size() - 1;
    const bool flagged = it.is_penalty() && it.flagged;
    if (from.flagged && final)  // in the emergency pass only, unless the layout allows it
      d += params_.final_hyphen_demerits + (params_.penultimate_hyphen ? 0 : kLastResortDemerits);
    else if (from.flagged && flagged)
      d += params_.adjacent_hyphens_demerits;
    if (std::abs(fitness - from.fitness) > 1) d += params_.fitness_demerits;
    return d;
  }

  // §829–§860 for one breakpoint: try it from every active node, drop the
  // nodes that can no longer reach it, and add the best new nodes.
  void try_break(size_t b) {
    const Node& it = nodes_[b];
    const bool forced = it.forced();
    const bool flagged = it.is_penalty() && it.flagged;
    const size_t slots = 4 * hyphen_slots();
    // Back to empty: every slot the first time, then only those the last
    // breakpoint filled (resetting all of them per breakpoint was a third of
    // the breaker's time).
    if (candidates_.size() != slots) {
      candidates_.assign(slots, Candidate{});
      filled_.clear();
    }
    for (size_t slot : filled_) candidates_[slot] = Candidate{};
    filled_.clear();
    bool any = false;
    // The nodes that stay active are moved down in place: active_[0, kept).
    size_t kept = 0;
    const size_t active = active_.size();
    const LineEnd end = line_end(b);
    for (size_t k = 0; k < active; ++k) {
      const int a = active_[k];
      const Breakpoint& from = breakpoints_[a];
      if (b < from.start || (b == from.start && !forced)) {  // nothing on the line yet
        active_[kept++] = a;
        continue;
      }
      if (!forced && too_loose(from, end)) {  // stays active; no line ends here from it
        active_[kept++] = a;
        continue;
      }
      ChosenLine line = measure_line(from, b);
      // Infinite stretch makes a short line perfect (§852); shrinking still costs.
      double bad = line.overfull                                  ? kInfBad + 1
                   : (line.infinite_stretch && line.ratio >= 0) ? 0
                                                                : badness(line.ratio);
      // Emergency pass: a line beyond tolerance keeps TeX's badness 100·r³
      // without the cap at inf_bad, so that several slightly loose lines
      // beat one very loose one; a line with nothing to stretch is graded
      // as if it had emergency_stretch.
      const bool graded = pass_ >= 3 && !line.overfull && !line.infinite_stretch && line.ratio > params_.tolerance;
      if (graded) {
        const double r = line.stretch > 0 ? line.ratio : (measure_ - line.natural) / emergency_;
        bad = std::max(100.0 * r * r * r, badness(params_.tolerance));
      }
      bool artificial = false;
      if (line.overfull || forced) {
        // §854: in the emergency pass, when this is the only active node
        // left and nothing fits here, break anyway (an overfull line).
        if (line.overfull && pass_ == 4 && !any && kept == 0 && k + 1 == active)
          artificial = true;
        else if (line.overfull)
          continue;  // deactivated: wider lines only get worse
        // a forced break deactivates every node; it may still end a line here
        if (!artificial && line.ratio > threshold_) continue;
      } else {
        active_[kept++] = a;
        if (line.ratio > threshold_) continue;
      }
      // A hyphenated penultimate line only when nothing else works.
      if (!artificial && pass_ < 4 && from.flagged && b == nodes_.size() - 1 && !params_.penultimate_hyphen)
        continue;
      const int hyphens = flagged ? from.hyphens + 1 : 0;
      if (!artificial && params_.max_consecutive_hyphens > 0 && hyphens > params_.max_consecutive_hyphens)
        continue;
      line.fitness = fitness_of(line, bad);
      line.demerits = artificial ? 0 : line_demerits(from, b, bad, line.fitness, graded);
      const double total = from.total + line.demerits;
      const size_t slot = slot_of(line.fitness, hyphens);
      Candidate& c = candidates_[slot];
      if (total < c.total) {
        if (c.from < 0) filled_.push_back(slot);
        c.total = total;
        c.from = a;
        c.line = line;
        any = true;
      }
    }
    active_.resize(kept);
    if (!any) return;
    // §835–§836: add the new nodes, except those another one dominates: no
    // more consecutive hyphens and cheaper by more than a fitness jump costs.
    // cheapest[h]: the lowest total of the candidates with at most h
    // consecutive hyphens. Adding fitness_demerits to the lowest total is
    // below c.total exactly when it is for some candidate (adding a number
    // to a smaller one never gives more), so this is the comparison with
    // each candidate in turn, done once.
    std::fill(cheapest_.begin(), cheapest_.end(), kInfinity);
    for (size_t slot : filled_) {
      const size_t h = hyphens_in(slot);
      cheapest_[h] = std::min(cheapest_[h], candidates_[slot].total);
    }
    for (size_t h = 1; h < cheapest_.size(); ++h) cheapest_[h] = std::min(cheapest_[h], cheapest_[h - 1]);
    for (size_t slot = 0; slot < slots; ++slot) {
      const Candidate& c = candidates_[slot];
      if (c.from < 0) continue;
      const size_t h = hyphens_in(slot);
      if (cheapest_[h] + params_.fitness_demerits < c.total) continue;  // dominated
      Breakpoint n;
      n.position = b;
      n.start = start_after(b);
      n.fitness = c.line.fitness;
      n.hyphens = static_cast<int>(h);
      n.flagged = flagged;
      n.total = c.total;
      n.previous = c.from;
      n.line = c.line;
      breakpoints_.push_back(starting(n));
      active_.push_back(static_cast<int>(breakpoints_.size() - 1));
    }
  }

  const std::vector<Node>& nodes_;
  double measure_;
  const LineBreakParams& params_;
  double em_;
  double emergency_ = 0;  // the emergency pass's grading stretch, pt
  std::vector<Sums>& sums_;
  int hyphen_cap_ = 1;
  int pass_ = 1;
  double threshold_ = 1;
  // The scratch's vectors (BreakScratch::Buffers).
  std::vector<Breakpoint>& breakpoints_;
  std::vector<int>& active_;
  std::vector<Candidate>& candidates_;
  std::vector<size_t>& filled_;
  std::vector<double>& cheapest_;
};

}  // namespace

double badness(double ratio) {
  if (std::isinf(ratio) || std::isnan(ratio)) return kInfBad;
  const double r = std::abs(ratio);
  return std::min(kInfBad, 100.0 * r * r * r);
}

BreakResult break_lines(const std::vector<Node>& nodes, double measure, const LineBreakParams& params, double em) {
  BreakScratch scratch;
  return break_lines(nodes, measure, params, em, scratch);
}

BreakResult break_lines(const std::vector<Node>& nodes, double measure, const LineBreakParams& params, double em,
                        BreakScratch& scratch) {
  BreakResult result;
  if (nodes.empty()) return result;
  std::vector<Node> own;
  const std::vector<Node>* list = &nodes;
  if (!nodes.back().forced()) {  // the contract asks for it; be forgiving
    own = nodes;
    append_paragraph_end(own);
    list = &own;
  }
  Breaker breaker(*list, measure, params, em, scratch.buffers());
  if (params.pretolerance >= 0 && breaker.run(1, &result)) return result;
  if (breaker.run(2, &result)) return result;
  if (params.emergency_tolerance > params.tolerance && breaker.run(3, &result)) return result;
  breaker.run(4, &result);
  return result;
}

}  // namespace jan20::text::linebreak
