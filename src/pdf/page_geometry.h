#pragma once
// Where a page's boxes go (ISO 32000-1 §14.11.2) and how model coordinates
// (points from the trim box's top-left corner, y down) become PDF user space
// (points from the MediaBox's bottom-left corner, y up).
//
// Print: MediaBox = TrimBox + bleed on every side, plus room for crop and
// registration marks when they are asked for; BleedBox and TrimBox are set
// on every page (ArtBox is left out: it would equal the TrimBox). Screen:
// MediaBox = TrimBox, no bleed; content in the bleed is simply cut off.
#include <vector>

#include "model/paged.h"
#include "pdf/write_pdf.h"

namespace jan20::pdf {

struct Box {
  double left = 0, bottom = 0, right = 0, top = 0;
  double width() const { return right - left; }
  double height() const { return top - bottom; }
};

struct PageGeometry {
  Box media, bleed, trim;
  bool print = true;   // BleedBox and TrimBox written
  double pdf_x(double x) const { return trim.left + x; }
  double pdf_y(double y) const { return trim.top - y; }
};

// Crop marks start this far outside the bleed edge (never touching it) and
// are this long; registration targets sit beside them. Room for both is
// added to the MediaBox on every side when options.marks is set.
constexpr double kMarkGap = 3;        // pt beyond the bleed
constexpr double kMarkLength = 15;    // pt
constexpr double kMarkRoom = kMarkGap + kMarkLength + 3;

PageGeometry page_geometry(const model::Page& page, const PdfOptions& options);

// The crop and registration marks of a page, in PDF user space, as paths
// (straight segments and circles built from Bézier curves). Drawn 0.25 pt
// wide in registration colour (100 % of every ink) by the page writer.
struct MarkLine {
  double x1, y1, x2, y2;
};
struct MarkCircle {
  double cx, cy, r;
};
struct PrinterMarks {
  std::vector<MarkLine> lines;
  std::vector<MarkCircle> circles;
};
PrinterMarks printer_marks(const PageGeometry& g);

}  // namespace jan20::pdf
