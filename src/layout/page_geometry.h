#pragma once
// Where text goes on a page: the text area inside the margins (mirrored on
// facing pages: recto pages have the inner margin on the left) cut into
// columns.
#include <string>
#include <vector>

#include "layout/flow.h"
#include "model/design.h"

namespace jan20::layout {

// Page index 0 is the first recto (right-hand) page.
inline bool is_recto(int page_index) { return page_index % 2 == 0; }

ColumnBox text_area(const model::Design& d, int page_index);
std::vector<ColumnBox> columns_of(const model::Design& d, int page_index);

}  // namespace jan20::layout
