#include "text/linebreak/items.h"

namespace jan20::text::linebreak {

namespace {

bool ragged(model::Align align) { return align != model::Align::Justify; }

}  // namespace

void append_space(std::vector<Item>& items, model::Align align, double width, double em,
                  const LineBreakParams& params, size_t origin) {
  if (!ragged(align)) {
    items.push_back(Item::glue(width, width * params.space_stretch, width * params.space_shrink, origin));
    return;
  }
  const double r = params.ragged_stretch * em;
  items.push_back(Item::glue(0, r, 0));
  items.push_back(Item::penalty_item(0));
  items.push_back(Item::glue(width, -r, 0, origin));
}

void append_break(std::vector<Item>& items, model::Align align, double penalty, double width, bool flagged,
                  bool discretionary, double em, const LineBreakParams& params, size_t origin) {
  Item brk = Item::penalty_item(penalty, width, flagged, origin);
  brk.discretionary = discretionary;
  if (!ragged(align)) {
    items.push_back(brk);
    return;
  }
  const double r = params.ragged_stretch * em;
  items.push_back(Item::penalty_item(kInfinitePenalty));
  items.push_back(Item::glue(0, r, 0));
  items.push_back(brk);
  items.push_back(Item::glue(0, -r, 0));
}

void append_tie(std::vector<Item>& items, model::Align align, double width, double /*em*/,
                const LineBreakParams& params, size_t origin) {
  items.push_back(Item::penalty_item(kInfinitePenalty));
  if (ragged(align))
    items.push_back(Item::glue(width, 0, 0, origin));
  else
    items.push_back(Item::glue(width, width * params.space_stretch, width * params.space_shrink, origin));
}

void append_paragraph_end(std::vector<Item>& items) {
  items.push_back(Item::penalty_item(kInfinitePenalty));
  Item fill = Item::glue(0, 0, 0);
  fill.fil = 1;
  items.push_back(fill);
  items.push_back(Item::penalty_item(kForcedBreak));
}

}  // namespace jan20::text::linebreak
