// Knuth–Plass on synthetic boxes, glue and penalties: exact breaks for small
// paragraphs worked out by hand, and, for random paragraphs, the same total
// demerits as an exhaustive search over every sequence of breaks.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "text/linebreak/nodes.h"
#include "text/linebreak/knuth_plass.h"

namespace jan20::text::linebreak {
namespace {

constexpr double kSpace = 10;

// Words of the given widths separated by justified spaces (10 pt, stretch
// 5, shrink 3.3 with the default parameters).
std::vector<Node> words(const std::vector<double>& widths, const LineBreakParams& p,
                        model::Align align = model::Align::Justify) {
  std::vector<Node> nodes;
  for (size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) append_space(nodes, align, kSpace, 10, p, i);
    nodes.push_back(Node::box(widths[i], i));
  }
  append_paragraph_end(nodes);
  return nodes;
}

std::vector<size_t> ends(const BreakResult& r) {  // the item each line ends at
  std::vector<size_t> out;
  for (const auto& line : r.lines) out.push_back(line.end);
  return out;
}

// Exhaustive search over every chain of breaks, with the same rules and
// demerits as TeX (§851–§859) but no active list and no pruning: the
// reference the optimised search must match.
struct Reference {
  const std::vector<Node>& nodes;
  double measure;
  LineBreakParams p;
  int pass;
  std::map<std::tuple<size_t, int, int, bool>, double> memo;

  bool legal(size_t b) const {
    const Node& it = nodes[b];
    if (it.is_penalty()) return it.penalty < kInfinitePenalty && !(pass == 1 && it.discretionary);
    if (it.is_glue()) return b > 0 && nodes[b - 1].is_box();
    return false;
  }
  size_t start_after(size_t b) const {
    size_t j = b + 1;
    while (j < nodes.size() && (nodes[j].is_glue() || (nodes[j].is_penalty() && !nodes[j].forced()))) ++j;
    return j;
  }
  // Least demerits from a line starting at `start` to the end, given the
  // previous line's fitness, hyphen count and flag.
  double best(size_t start, int fitness, int hyphens, bool flagged) {
    auto key = std::make_tuple(start, fitness, hyphens, flagged);
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    double result = std::numeric_limits<double>::infinity();
    const double threshold = pass == 1 ? p.pretolerance : p.tolerance;
    double width = 0, stretch = 0, shrink = 0, fil = 0;
    for (size_t b = start; b < nodes.size(); ++b) {
      const Node& it = nodes[b];
      if (legal(b) && !(b == start && !it.forced())) {
        const double natural = width + (it.is_penalty() ? it.width : 0);
        const double shortfall = measure - natural;
        double ratio = 0;
        bool overfull = false;
        if (shortfall > 0) ratio = fil > 0 ? 0 : stretch > 0 ? shortfall / stretch : INFINITY;
        if (shortfall < 0) {
          overfull = -shortfall > shrink + 1e-9;
          ratio = shrink > 0 ? shortfall / shrink : -INFINITY;
        }
        if (overfull) break;
        const int h = it.flagged ? hyphens + 1 : 0;
        if (ratio <= threshold && !(p.max_consecutive_hyphens > 0 && h > p.max_consecutive_hyphens)) {
          const double bad = fil > 0 && shortfall > 0 ? 0 : badness(ratio);
          int fit = 2;
          if (ratio > 0 && !(fil > 0)) fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
          if (ratio < 0) fit = bad > 12 ? 3 : 2;
          double d = p.line_penalty + bad;
          d = std::abs(d) >= 10000 ? 1e8 : d * d;
          const double pi = it.is_penalty() ? it.penalty : 0;
          if (pi > 0) d += pi * pi;
          else if (pi > kForcedBreak) d -= pi * pi;
          const bool final = b == nodes.size() - 1;
          if (flagged && final) d += p.final_hyphen_demerits;
          else if (flagged && it.flagged) d += p.adjacent_hyphens_demerits;
          if (std::abs(fit - fitness) > 1) d += p.fitness_demerits;
          const double rest = final ? 0 : best(start_after(b), fit, std::min(h, std::max(1, p.max_consecutive_hyphens)), it.flagged);
          result = std::min(result, d + rest);
        }
        if (it.forced()) break;
      }
      if (!it.is_penalty()) {
        width += it.width;
        stretch += it.stretch;
        shrink += it.shrink;
        fil += it.fil;
      }
    }
    memo[key] = result;
    return result;
  }
};

TEST(KnuthPlass, SevenWordsOnTwoLinesWorkedOutByHand) {
  // Words of 20 pt, spaces 10 pt stretching to 20 and shrinking to 5, measure
  // 100. Four words (110 pt) shrink to fit at r = -10/15; three words (80 pt)
  // need r = 1, badness 100, demerits (10 + 100)² = 12100, whereas four cost
  // (10 + 29.6)² = 1568 and the last line (fil) 10² = 100.
  LineBreakParams p;
  p.space_stretch = 1.0;
  p.space_shrink = 0.5;
  const auto nodes = words({20, 20, 20, 20, 20, 20, 20}, p);
  const BreakResult r = break_lines(nodes, 100, p);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.pass, 1);
  EXPECT_EQ(r.lines[0].end, 7u);  // the glue after the fourth word
  EXPECT_EQ(r.lines[1].start, 8u);
  EXPECT_NEAR(r.lines[0].ratio, -10.0 / 15.0, 1e-12);
  EXPECT_NEAR(r.lines[0].natural, 110, 1e-12);
  EXPECT_EQ(r.lines[0].fitness, 3);  // tight
  EXPECT_TRUE(r.lines[1].infinite_stretch);
  EXPECT_NEAR(r.demerits, std::pow(10 + 100 * std::pow(10.0 / 15.0, 3), 2) + 100, 1e-6);
}

TEST(KnuthPlass, TotalFitAvoidsTheLooseLineFirstFitLeaves) {
  // Spaces 10 pt, stretch 5, shrink 3.3; measure 110. First fit takes five
  // words on line 1 (120 pt shrunk at r = -0.758) and leaves "30 20 20" for
  // line 2 at r = 2.0 (badness 800). Total fit takes four words (100 pt,
  // r = 0.667, badness 29.6, loose) so that line 2 fits exactly:
  //   (10 + 29.6)² + (10 + 0)² + 10² = 1770.5 demerits.
  LineBreakParams p;
  const auto nodes = words({10, 10, 40, 10, 10, 30, 20, 20, 30}, p);
  const BreakResult r = break_lines(nodes, 110, p);
  EXPECT_EQ(r.pass, 1);
  EXPECT_EQ(ends(r), (std::vector<size_t>{7, 15, nodes.size() - 1}));
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_NEAR(r.lines[0].ratio, 10.0 / 15.0, 1e-12);
  EXPECT_EQ(r.lines[0].fitness, 1);  // loose
  EXPECT_NEAR(r.lines[1].ratio, 0, 1e-12);
  EXPECT_NEAR(r.demerits, std::pow(10 + 100 * std::pow(10.0 / 15.0, 3), 2) + 100 + 100, 1e-6);
  Reference ref{nodes, 110, p, 1, {}};
  EXPECT_NEAR(r.demerits, ref.best(0, 2, 0, false), 1e-6);
}

std::vector<Node> random_paragraph(std::mt19937& rng, int n_words, const LineBreakParams& p,
                                   model::Align align, bool hyphens) {
  std::uniform_real_distribution<double> syllable(8, 22);
  std::uniform_int_distribution<int> syllables(1, 4);
  std::vector<Node> nodes;
  size_t origin = 0;
  for (int w = 0; w < n_words; ++w) {
    if (w > 0) append_space(nodes, align, kSpace, 10, p, origin++);
    const int n = syllables(rng);
    for (int s = 0; s < n; ++s) {
      if (s > 0) {
        if (hyphens)
          append_break(nodes, align, p.hyphen_penalty, 4, true, true, 10, p, origin++);
      }
      nodes.push_back(Node::box(syllable(rng), origin++));
    }
  }
  append_paragraph_end(nodes);
  return nodes;
}

TEST(KnuthPlass, MatchesExhaustiveSearchOnRandomParagraphs) {
  std::mt19937 rng(20012025);
  int second_pass = 0;
  for (int trial = 0; trial < 60; ++trial) {
    LineBreakParams p;
    const model::Align align = trial % 3 == 2 ? model::Align::Left : model::Align::Justify;
    const auto nodes = random_paragraph(rng, 25 + trial % 20, p, align, true);
    const double measure = 180 + 7 * (trial % 11);
    const BreakResult r = break_lines(nodes, measure, p);
    ASSERT_FALSE(r.lines.empty());
    if (r.pass == 3) continue;  // the reference models passes 1 and 2
    if (r.pass == 2) ++second_pass;
    Reference ref{nodes, measure, p, r.pass, {}};
    EXPECT_NEAR(r.demerits, ref.best(0, 2, 0, false), 1e-6) << "trial " << trial;
    // The chain really is what the demerits say.
    double sum = 0;
    for (const auto& line : r.lines) sum += line.demerits;
    EXPECT_NEAR(sum, r.demerits, 1e-6);
  }
  EXPECT_GT(second_pass, 0);  // the sample exercises hyphenation
}

// A scratch kept from paragraph to paragraph (as each build thread keeps
// one) never changes a result: long and short paragraphs, both alignments,
// other hyphen limits (another number of candidate slots), narrow measures
// that need the emergency passes, each set with the scratch the previous
// one left and set afresh.
TEST(KnuthPlass, AReusedScratchGivesTheSameBreaksAsAFreshOne) {
  std::mt19937 rng(19900120);
  BreakScratch scratch;
  std::set<int> passes;
  for (int trial = 0; trial < 80; ++trial) {
    LineBreakParams p;
    p.max_consecutive_hyphens = 1 + trial % 3;
    const model::Align align = trial % 4 == 3 ? model::Align::Left : model::Align::Justify;
    const auto nodes = random_paragraph(rng, trial % 2 == 0 ? 120 : 15, p, align, true);
    const double measure = trial % 5 == 4 ? 70 : 150 + 9 * (trial % 13);
    const BreakResult fresh = break_lines(nodes, measure, p);
    const BreakResult reused = break_lines(nodes, measure, p, 10, scratch);
    ASSERT_FALSE(fresh.lines.empty());
    passes.insert(fresh.pass);
    EXPECT_EQ(reused.pass, fresh.pass) << "trial " << trial;
    EXPECT_EQ(reused.demerits, fresh.demerits) << "trial " << trial;
    ASSERT_EQ(reused.lines.size(), fresh.lines.size()) << "trial " << trial;
    for (size_t i = 0; i < fresh.lines.size(); ++i) {
      EXPECT_EQ(reused.lines[i].start, fresh.lines[i].start) << "trial " << trial << " line " << i;
      EXPECT_EQ(reused.lines[i].end, fresh.lines[i].end) << "trial " << trial << " line " << i;
      EXPECT_EQ(reused.lines[i].ratio, fresh.lines[i].ratio) << "trial " << trial << " line " << i;
      EXPECT_EQ(reused.lines[i].hyphenated, fresh.lines[i].hyphenated) << "trial " << trial << " line " << i;
    }
  }
  EXPECT_EQ(passes.size(), 3u);  // first, second and emergency passes all came up
}

TEST(KnuthPlass, RatiosStayWithinTolerance) {
  std::mt19937 rng(1990);
  for (int trial = 0; trial < 40; ++trial) {
    LineBreakParams p;
    const auto nodes = random_paragraph(rng, 80, p, model::Align::Justify, true);
    const BreakResult r = break_lines(nodes, 240, p);
    ASSERT_LE(r.pass, 2) << "trial " << trial;
    for (size_t i = 0; i + 1 < r.lines.size(); ++i) {
      EXPECT_FALSE(r.lines[i].overfull);
      EXPECT_GE(r.lines[i].ratio, -1.0);
      EXPECT_LE(r.lines[i].ratio, r.pass == 1 ? p.pretolerance : p.tolerance);
      EXPECT_NEAR(r.lines[i].natural + (r.lines[i].ratio > 0 ? r.lines[i].stretch : r.lines[i].shrink) *
                                            r.lines[i].ratio,
                  240, 1e-9);
    }
  }
}

TEST(KnuthPlass, FirstPassWithoutHyphenationWhenItIsGoodEnough) {
  LineBreakParams p;
  std::vector<Node> nodes;
  // 12 words of 30 pt with a hyphen point in each: 3 words + 2 spaces = 110
  // at measure 110 fit exactly, so no hyphen is needed or tried.
  for (int w = 0; w < 12; ++w) {
    if (w > 0) append_space(nodes, model::Align::Justify, kSpace, 10, p);
    nodes.push_back(Node::box(15));
    append_break(nodes, model::Align::Justify, p.hyphen_penalty, 4, true, true, 10, p);
    nodes.push_back(Node::box(15));
  }
  append_paragraph_end(nodes);
  const BreakResult r = break_lines(nodes, 110, p);
  EXPECT_EQ(r.pass, 1);
  ASSERT_EQ(r.lines.size(), 4u);
  for (const auto& line : r.lines) {
    EXPECT_FALSE(line.hyphenated);
    EXPECT_NEAR(line.ratio, 0, 1e-12);
  }
}

TEST(KnuthPlass, HyphenatesInTheSecondPassWhenSpacesWouldGapeOtherwise) {
  LineBreakParams p;
  std::vector<Node> nodes;
  // Words of 60 pt (two syllables of 30) at measure 105: one word per line
  // has no glue to stretch, two words (130 pt) cannot shrink enough, so the
  // first pass fails; "word hy-" = 60 + 10 + 30 + 4 = 104 fits at r = 0.2.
  for (int w = 0; w < 6; ++w) {
    if (w > 0) append_space(nodes, model::Align::Justify, kSpace, 10, p);
    nodes.push_back(Node::box(30));
    append_break(nodes, model::Align::Justify, p.hyphen_penalty, 4, true, true, 10, p);
    nodes.push_back(Node::box(30));
  }
  append_paragraph_end(nodes);
  const BreakResult r = break_lines(nodes, 105, p);
  EXPECT_EQ(r.pass, 2);
  int hyphenated = 0;
  for (const auto& line : r.lines) {
    hyphenated += line.hyphenated;
    EXPECT_FALSE(line.overfull);
  }
  EXPECT_GT(hyphenated, 0);
}

TEST(KnuthPlass, NeverMoreConsecutiveHyphensThanAllowed) {
  std::mt19937 rng(7);
  for (int limit = 1; limit <= 3; ++limit) {
    int hyphenated_lines = 0;
    for (int trial = 0; trial < 20; ++trial) {
      LineBreakParams p;
      p.max_consecutive_hyphens = limit;
      p.adjacent_hyphens_demerits = 0;  // let the hard limit do the work
      p.hyphen_penalty = -100;         // hyphens are welcome: the limit must hold anyway
      const auto nodes = random_paragraph(rng, 60, p, model::Align::Justify, true);
      const BreakResult r = break_lines(nodes, 150, p);
      int run = 0;
      for (const auto& line : r.lines) {
        run = line.hyphenated ? run + 1 : 0;
        hyphenated_lines += line.hyphenated;
        EXPECT_LE(run, limit) << "limit " << limit << " trial " << trial;
      }
    }
    EXPECT_GT(hyphenated_lines, 20);
  }
}

TEST(KnuthPlass, DoubleAndFinalHyphenDemeritsAreCharged) {
  LineBreakParams p;
  p.pretolerance = -1;  // straight to the second pass
  std::vector<Node> nodes;
  // Two lines, the first ending at a hyphen: line 2 is the last line, so the
  // final-hyphen demerits apply.
  nodes.push_back(Node::box(50));
  append_break(nodes, model::Align::Justify, p.hyphen_penalty, 5, true, true, 10, p);
  nodes.push_back(Node::box(50));
  append_paragraph_end(nodes);
  const BreakResult r = break_lines(nodes, 55, p);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_TRUE(r.lines[0].hyphenated);
  EXPECT_NEAR(r.lines[0].demerits, (10 + 0) * (10 + 0) + 50 * 50, 1e-9);  // exact fit, penalty 50
  EXPECT_NEAR(r.lines[1].demerits, 100 + p.final_hyphen_demerits, 1e-9);
}

TEST(KnuthPlass, ForcedBreaksEndALine) {
  LineBreakParams p;
  std::vector<Node> nodes;
  nodes.push_back(Node::box(20));
  append_space(nodes, model::Align::Justify, kSpace, 10, p);
  nodes.push_back(Node::box(20));
  Node fill = Node::glue(0, 0, 0);
  fill.fil = 1;
  nodes.push_back(fill);
  nodes.push_back(Node::penalty_node(kForcedBreak));  // index 4
  nodes.push_back(Node::box(20));
  append_space(nodes, model::Align::Justify, kSpace, 10, p);
  nodes.push_back(Node::box(20));
  append_paragraph_end(nodes);
  // Everything would fit on one line of 200 pt.
  const BreakResult r = break_lines(nodes, 200, p);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0].end, 4u);
  EXPECT_EQ(r.lines[1].start, 5u);
}

TEST(KnuthPlass, NoBreakAtATie) {
  // The seven words of the first test break 4 + 3; with a tie in the fourth
  // space they must break 3 + 4 (line 1 at r = 1, the last line shrunk).
  LineBreakParams p;
  p.space_stretch = 1.0;
  p.space_shrink = 0.5;
  std::vector<Node> nodes;
  for (int w = 0; w < 7; ++w) {
    if (w == 4)
      append_tie(nodes, model::Align::Justify, kSpace, 10, p);
    else if (w > 0)
      append_space(nodes, model::Align::Justify, kSpace, 10, p);
    nodes.push_back(Node::box(20));
  }
  append_paragraph_end(nodes);
  const BreakResult r = break_lines(nodes, 100, p);
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.pass, 1);
  EXPECT_EQ(r.lines[0].end, 5u);  // the glue after the third word
  EXPECT_NEAR(r.lines[0].ratio, 1.0, 1e-12);
  EXPECT_NEAR(r.lines[1].ratio, -10.0 / 15.0, 1e-12);
}

TEST(KnuthPlass, EmergencyPassSetsAWordWiderThanTheMeasureOverfull) {
  LineBreakParams p;
  const auto nodes = words({30, 30, 150, 30, 30}, p);
  const BreakResult r = break_lines(nodes, 100, p);
  EXPECT_EQ(r.pass, 3);
  int overfull = 0;
  for (const auto& line : r.lines) {
    if (line.overfull) {
      ++overfull;
      EXPECT_NEAR(line.natural, 150, 1e-9);  // the wide word alone
    }
  }
  EXPECT_EQ(overfull, 1);
}

TEST(KnuthPlass, EmergencyPassAcceptsAnUnderfullLineRatherThanAnOverfullOne) {
  // A 95 pt word fits no line with another word and cannot stretch alone:
  // passes 1 and 2 fail; the emergency pass sets it alone (underfull, not
  // overfull) and keeps the other lines within tolerance.
  LineBreakParams p;
  const auto nodes = words({95, 28, 28, 28, 28, 28, 28, 28}, p);
  const BreakResult r = break_lines(nodes, 100, p);
  EXPECT_EQ(r.pass, 3);
  ASSERT_EQ(r.lines.size(), 4u);
  EXPECT_NEAR(r.lines[0].natural, 95, 1e-9);
  for (const auto& line : r.lines) EXPECT_FALSE(line.overfull);
  for (size_t i = 1; i < r.lines.size(); ++i) {
    EXPECT_LE(r.lines[i].ratio, p.tolerance);
    EXPECT_GE(r.lines[i].ratio, -1);
  }
}

TEST(KnuthPlass, RaggedLinesKeepTheirSpacesFixed) {
  LineBreakParams p;
  p.tolerance = 2.0;  // the second case below needs r = 1.75 within tolerance
  // Ragged right: spaces neither stretch nor shrink; each line ends with
  // 2em (20 pt) of stretch. Words of 30 at 75 pt: two per line at most.
  const auto nodes = words({30, 30, 30, 30, 30}, p, model::Align::Left);
  const BreakResult r = break_lines(nodes, 75, p);
  ASSERT_EQ(r.lines.size(), 3u);
  for (const auto& line : r.lines) {
    EXPECT_LE(line.natural, 75);
    EXPECT_EQ(line.shrink, 0);
  }
  // "40 30 30" (120 pt) cannot shrink: spaces are fixed in ragged text, so
  // the lines are "40 30" | "30 40", the first at r = 35/20 (pass 2).
  const auto balanced = words({40, 30, 30, 40}, p, model::Align::Left);
  const BreakResult b = break_lines(balanced, 115, p);
  ASSERT_EQ(b.lines.size(), 2u);
  EXPECT_NEAR(b.lines[0].natural, 80, 1e-9);
  Reference ref{balanced, 115, p, b.pass, {}};
  EXPECT_NEAR(b.demerits, ref.best(0, 2, 0, false), 1e-6);
}

TEST(KnuthPlass, LongParagraphsStayLinearThanksToPruning) {
  std::mt19937 rng(42);
  LineBreakParams p;
  const auto nodes = random_paragraph(rng, 6000, p, model::Align::Justify, true);
  // Counted, not timed (speed is bench/'s: BM_SetParagraph*): the active
  // list stays bounded by what fits on a line, not by the paragraph.
  const BreakResult r = break_lines(nodes, 300, p);
  ASSERT_FALSE(r.lines.empty());
  EXPECT_LT(r.max_active, 200u);
}

TEST(KnuthPlass, EmptyParagraphHasNoLines) {
  EXPECT_TRUE(break_lines({}, 100, LineBreakParams{}).lines.empty());
  std::vector<Node> only_end;
  append_paragraph_end(only_end);
  EXPECT_EQ(break_lines(only_end, 100, LineBreakParams{}).lines.size(), 1u);
}

}  // namespace
}  // namespace jan20::text::linebreak
