#pragma once
// The vocabulary of Knuth & Plass, "Breaking paragraphs into lines" (Software
// —Practice and Experience 11, 1981): a paragraph is a sequence of boxes
// (material of fixed width: a word or a piece of one), glue (space that can
// stretch and shrink) and penalties (possible breaks with a cost). A hyphen
// point is a flagged penalty whose width is the hyphen's: the width counts
// only when the line ends there (TeX's discretionary with pre-break = hyphen).
//
// A line may end at a penalty below kInfinitePenalty, or at glue that follows
// a box. The glue or penalty where a line ends, and the glue and penalties
// after it up to the next box, are discarded (TeX: The Program §837, §879).
#include <cstddef>
#include <vector>

#include "model/design.h"
#include "text/linebreak/params.h"

namespace jan20::text::linebreak {

constexpr double kInfinitePenalty = 10000;  // TeX's inf_penalty: never break here
constexpr double kForcedBreak = -10000;     // TeX's eject_penalty: always break here
constexpr size_t kNoOrigin = static_cast<size_t>(-1);  // an node the caller does not render

struct Node {
  enum class Kind { Box, Glue, Penalty };
  Kind kind = Kind::Box;
  double width = 0;       // pt; a penalty's width counts only if the line ends there
  double stretch = 0;     // glue
  double shrink = 0;      // glue
  double fil = 0;         // glue: infinite stretch (TeX's fil order), for \parfillskip
  double penalty = 0;     // penalty
  bool flagged = false;   // penalty: the line ending here ends with a hyphen
  bool discretionary = false;  // penalty: a hyphenation point, not tried in the first pass
  // pt hung into the margin (character protrusion): a box's, when a line
  // starts with it (its first glyph, an opening quote); a glue's or
  // penalty's, when a line ends there (the glyph before it, or the hyphen).
  double protrusion = 0;
  size_t origin = kNoOrigin;  // the caller's index (a word piece, a space, a break)

  static Node box(double width, size_t origin = kNoOrigin) {
    Node i;
    i.width = width;
    i.origin = origin;
    return i;
  }
  static Node glue(double width, double stretch, double shrink, size_t origin = kNoOrigin) {
    Node i;
    i.kind = Kind::Glue;
    i.width = width;
    i.stretch = stretch;
    i.shrink = shrink;
    i.origin = origin;
    return i;
  }
  static Node penalty_node(double penalty, double width = 0, bool flagged = false, size_t origin = kNoOrigin) {
    Node i;
    i.kind = Kind::Penalty;
    i.penalty = penalty;
    i.width = width;
    i.flagged = flagged;
    i.origin = origin;
    return i;
  }
  static Node hyphen(double width, double penalty, size_t origin = kNoOrigin) {
    Node i = penalty_node(penalty, width, true, origin);
    i.discretionary = true;
    return i;
  }

  bool is_box() const { return kind == Kind::Box; }
  bool is_glue() const { return kind == Kind::Glue; }
  bool is_penalty() const { return kind == Kind::Penalty; }
  bool forced() const { return kind == Kind::Penalty && penalty <= kForcedBreak; }
};

// An interword space. Justified text: glue(w, w·space_stretch,
// w·space_shrink). Ragged text (left, right, centred) uses Knuth & Plass's
// ragged construction, so that ragged lines are optimised too instead of
// filled greedily:
//     glue(0, R, 0)  penalty(0)  glue(w, -R, 0)
// where R = ragged_stretch·em. Unbroken, the three add up to a fixed space w;
// broken at the penalty, the line ends with stretch R and the next line
// starts after the discarded glue(w, -R). Breaking at the first glue is
// possible but never better. Spaces in ragged text neither stretch nor shrink
// (TeX's \raggedright). Only the glue that carries the width gets `origin`;
// the helpers get kNoOrigin.
void append_space(std::vector<Node>& nodes, model::Align align, double width, double em,
                  const LineBreakParams& params, size_t origin = kNoOrigin);

// A break inside a word: a hyphenation point (`discretionary`, flagged, with
// the hyphen's width), the end of a hard hyphen (flagged, width 0), or any
// other break without a space (after a dash or a slash: unflagged). Ragged
// text needs the line-end stretch here too:
//     penalty(∞) glue(0, R, 0) penalty(p, w) glue(0, -R, 0)
void append_break(std::vector<Node>& nodes, model::Align align, double penalty, double width, bool flagged,
                  bool discretionary, double em, const LineBreakParams& params, size_t origin = kNoOrigin);

// A space that must not break ("20 Yanvar", U+00A0): penalty(∞) then glue.
void append_tie(std::vector<Node>& nodes, model::Align align, double width, double em,
                const LineBreakParams& params, size_t origin = kNoOrigin);

// The end of the paragraph (TeX's \parfillskip and the final \penalty-10000):
// penalty(∞) glue(0, fil) penalty(-∞).
void append_paragraph_end(std::vector<Node>& nodes);

}  // namespace jan20::text::linebreak
