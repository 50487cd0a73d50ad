#include "text/linebreak/nodes.h"

namespace jan20::text::linebreak {

namespace {

bool ragged(model::Align align) { return align != model::Align::Justify; }

}  // namespace

void append_space(std::vector<Node>& nodes, model::Align align, double width, double em,
                  const LineBreakParams& params, size_t origin) {
  if (!ragged(align)) {
    nodes.push_back(Node::glue(width, width * params.space_stretch, width * params.space_shrink, origin));
    return;
  }
  const double r = params.ragged_stretch * em;
  nodes.push_back(Node::glue(0, r, 0));
  nodes.push_back(Node::penalty_node(0));
  nodes.push_back(Node::glue(width, -r, 0, origin));
}

void append_break(std::vector<Node>& nodes, model::Align align, double penalty, double width, bool flagged,
                  bool discretionary, double em, const LineBreakParams& params, size_t origin) {
  Node brk = Node::penalty_node(penalty, width, flagged, origin);
  brk.discretionary = discretionary;
  if (!ragged(align)) {
    nodes.push_back(brk);
    return;
  }
  const double r = params.ragged_stretch * em;
  nodes.push_back(Node::penalty_node(kInfinitePenalty));
  nodes.push_back(Node::glue(0, r, 0));
  nodes.push_back(brk);
  nodes.push_back(Node::glue(0, -r, 0));
}

void append_tie(std::vector<Node>& nodes, model::Align align, double width, double /*em*/,
                const LineBreakParams& params, size_t origin) {
  nodes.push_back(Node::penalty_node(kInfinitePenalty));
  if (ragged(align))
    nodes.push_back(Node::glue(width, 0, 0, origin));
  else
    nodes.push_back(Node::glue(width, width * params.space_stretch, width * params.space_shrink, origin));
}

void append_paragraph_end(std::vector<Node>& nodes) {
  nodes.push_back(Node::penalty_node(kInfinitePenalty));
  Node fill = Node::glue(0, 0, 0);
  fill.fil = 1;
  nodes.push_back(fill);
  nodes.push_back(Node::penalty_node(kForcedBreak));
}

}  // namespace jan20::text::linebreak
