#include "pdf/path_content.h"

#include <hpdf_utils.h>

namespace jan20::pdf {

void PathContent::number(HPDF_REAL v) {
  // HPDF_FToA writes at most a sign, five integer digits (libharu clamps to
  // ±32767), the point and five decimals; it returns the end of what it wrote.
  char buf[32];
  char* end = HPDF_FToA(buf, v, buf + sizeof buf - 1);
  out_.append(buf, static_cast<size_t>(end - buf));
}

void PathContent::point(HPDF_REAL x, HPDF_REAL y, std::string_view op) {
  number(x);
  out_ += ' ';
  number(y);
  out_ += op;
}

void PathContent::move_to(HPDF_REAL x, HPDF_REAL y) { point(x, y, " m\n"); }

void PathContent::line_to(HPDF_REAL x, HPDF_REAL y) { point(x, y, " l\n"); }

void PathContent::curve_to(HPDF_REAL x1, HPDF_REAL y1, HPDF_REAL x2, HPDF_REAL y2, HPDF_REAL x3, HPDF_REAL y3) {
  for (HPDF_REAL v : {x1, y1, x2, y2, x3}) {
    number(v);
    out_ += ' ';
  }
  number(y3);
  out_ += " c\n";
}

void PathContent::close() { out_ += "h\n"; }

void PathContent::paint(std::string_view op) {
  out_ += op;
  out_ += '\n';
}

}  // namespace jan20::pdf
