#include "layout/page_geometry.h"

#include <algorithm>

namespace jan20::layout {

ColumnBox text_area(const model::Design& d, int page_index) {
  ColumnBox box;
  double left = d.margin_inner, right = d.margin_outer;
  if (d.facing && !is_recto(page_index)) std::swap(left, right);
  box.x = left;
  box.y = d.margin_top;
  box.width = d.page_width - left - right;
  box.height = d.page_height - d.margin_top - d.margin_bottom;
  return box;
}

std::vector<ColumnBox> columns_of(const model::Design& d, int page_index) {
  ColumnBox area = text_area(d, page_index);
  int n = std::max(1, d.columns);
  double width = (area.width - d.gutter * (n - 1)) / n;
  std::vector<ColumnBox> cols;
  for (int i = 0; i < n; ++i) cols.push_back({area.x + i * (width + d.gutter), area.y, width, area.height});
  return cols;
}

}  // namespace jan20::layout
