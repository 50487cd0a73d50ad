#pragma once
// Posters: blocks flow into the master page's absolutely placed frames, each
// frame with its fit mode (report overflow, shrink to fit, or fill).
#include "layout/block_builder.h"
#include "model/design.h"
#include "model/paged.h"

namespace jan20::layout {

model::Page typeset_poster(BuildContext& ctx, const model::MasterPage& master);

}  // namespace jan20::layout
