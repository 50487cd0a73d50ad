#pragma once
// Total-fit line breaking: Knuth & Plass, "Breaking paragraphs into lines"
// (1981), as TeX does it (TeX: The Program, part 38–39, §813–§890).
//
// Every legal breakpoint is tried against every active node (a break that
// can still start a line); the best way to reach each new break is kept per
// fitness class and per count of consecutive hyphenated lines, and the
// paragraph's breaks are the chain of least total demerits. Active nodes
// whose line has become overfull are dropped (§851), so the cost grows with
// the paragraph times the breakpoints that fit on one line, not quadratically.
//
// Passes, as in TeX (§863): first without hyphenation, accepting ratios up to
// `pretolerance`; then with hyphenation up to `tolerance`. Then two emergency
// passes, where a hyphenated penultimate line is allowed at a high cost: the
// third accepts lines up to `emergency_tolerance`, the fourth any underfull
// line and, when nothing else can work, an overfull one (the "artificial
// demerits" of §854), flagged for the caller to report. In that pass a line looser than `tolerance` is charged TeX's
// badness 100·r³ without TeX's cap at 10000 (beyond r ≈ 4.6 TeX finds all
// lines equally bad, and may pick one gaping line where several slightly
// loose ones would do); a line with nothing to stretch is graded as if it
// had `emergency_stretch`.
#include <cstddef>
#include <memory>
#include <vector>

#include "text/linebreak/nodes.h"
#include "text/linebreak/params.h"

namespace jan20::text::linebreak {

struct ChosenLine {
  size_t start = 0;      // first node of the line (after the discarded nodes)
  size_t end = 0;        // the node where the line ends (glue or penalty; not part of the line)
  double natural = 0;    // natural width: boxes and glue in [start, end), plus the penalty's width at `end`,
                         // less what protrudes into the margins (Node::protrusion at `start` and `end`)
  double stretch = 0, shrink = 0;
  bool infinite_stretch = false;  // the line has fil glue (the paragraph's last line)
  double ratio = 0;      // adjustment ratio: (measure - natural) / stretch or shrink; 0 with fil stretch
  int fitness = 2;       // 0 very loose, 1 loose, 2 decent, 3 tight (§817)
  bool hyphenated = false;  // ends at a flagged penalty
  bool overfull = false;    // cannot shrink to the measure (emergency pass only)
  double demerits = 0;      // of this line
};

struct BreakResult {
  std::vector<ChosenLine> lines;
  double demerits = 0;    // total
  int pass = 0;           // 1 = without hyphenation, 2 = with, 3 = emergency (either)
  size_t max_active = 0;  // the most active nodes at once (a measure of the pruning)
};

// Breaks `nodes` into lines of width `measure`. The nodes must end with a
// forced break (append_paragraph_end). An empty list gives no lines. `em`
// (pt) converts LineBreakParams::emergency_stretch.
BreakResult break_lines(const std::vector<Node>& nodes, double measure, const LineBreakParams& params,
                        double em = 10);

// The breaker's working vectors (every feasible break, the running sums),
// kept from one paragraph to the next by a caller that sets many: a long
// paragraph's breaks fill hundreds of kilobytes, which would otherwise be
// allocated, grown and touched afresh for each paragraph.
class BreakScratch {
 public:
  BreakScratch();
  ~BreakScratch();
  BreakScratch(const BreakScratch&) = delete;
  BreakScratch& operator=(const BreakScratch&) = delete;
  struct Buffers;
  Buffers& buffers() { return *buffers_; }

 private:
  std::unique_ptr<Buffers> buffers_;
};
// The same breaks as break_lines(nodes, measure, params, em), worked out in `scratch`.
BreakResult break_lines(const std::vector<Node>& nodes, double measure, const LineBreakParams& params, double em,
                        BreakScratch& scratch);

// TeX's badness of a line with adjustment ratio r: 100·|r|³, at most 10000
// (inf_bad); lines that cannot stretch at all are 10000 too.
double badness(double ratio);

}  // namespace jan20::text::linebreak
