#include "pdf/page_geometry.h"

#include <algorithm>

namespace jan20::pdf {

PageGeometry page_geometry(const model::Page& page, const PdfOptions& options) {
  PageGeometry g;
  g.print = options.target == Target::Print;
  double bleed = g.print ? std::max(0.0, page.bleed) : 0.0;
  double margin = bleed + (g.print && options.marks ? kMarkRoom : 0.0);
  g.media = {0, 0, page.width + 2 * margin, page.height + 2 * margin};
  g.trim = {margin, margin, margin + page.width, margin + page.height};
  g.bleed = {g.trim.left - bleed, g.trim.bottom - bleed, g.trim.right + bleed, g.trim.top + bleed};
  return g;
}

PrinterMarks printer_marks(const PageGeometry& g) {
  PrinterMarks m;
  const Box& t = g.trim;
  const Box& b = g.bleed;
  // Crop marks: at each corner, one horizontal and one vertical line on the
  // trim lines, starting kMarkGap outside the bleed so they never reach it.
  const double near_x[2] = {b.left - kMarkGap, b.right + kMarkGap};
  const double far_x[2] = {b.left - kMarkGap - kMarkLength, b.right + kMarkGap + kMarkLength};
  const double near_y[2] = {b.bottom - kMarkGap, b.top + kMarkGap};
  const double far_y[2] = {b.bottom - kMarkGap - kMarkLength, b.top + kMarkGap + kMarkLength};
  const double trim_x[2] = {t.left, t.right};
  const double trim_y[2] = {t.bottom, t.top};
  for (int sx = 0; sx < 2; ++sx) {
    for (int sy = 0; sy < 2; ++sy) {
      m.lines.push_back({near_x[sx], trim_y[sy], far_x[sx], trim_y[sy]});
      m.lines.push_back({trim_x[sx], near_y[sy], trim_x[sx], far_y[sy]});
    }
  }
  // Registration targets: a circle with a cross at the middle of each side,
  // centred in the marks' band.
  const double r = 4;
  const double cx = (t.left + t.right) / 2, cy = (t.bottom + t.top) / 2;
  const double band = kMarkGap + kMarkLength / 2;
  const MarkCircle targets[4] = {{cx, b.top + band, r},
                                 {cx, b.bottom - band, r},
                                 {b.left - band, cy, r},
                                 {b.right + band, cy, r}};
  for (const MarkCircle& c : targets) {
    m.circles.push_back(c);
    m.lines.push_back({c.cx - 1.5 * r, c.cy, c.cx + 1.5 * r, c.cy});
    m.lines.push_back({c.cx, c.cy - 1.5 * r, c.cx, c.cy + 1.5 * r});
  }
  return m;
}

}  // namespace jan20::pdf
