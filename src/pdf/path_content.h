#pragma once
// Path construction and painting operators, written byte for byte as
// libharu 2.3.0's HPDF_Page_MoveTo, _LineTo, _CurveTo, _ClosePath, _Stroke,
// _Fill, _Eofill, _FillStroke and _EofillStroke write them (each number
// through libharu's own HPDF_FToA, from the same HPDF_REAL), gathered into
// one string and appended with write_content. libharu clears a 512-byte
// buffer a byte at a time for every such operator: 3,000 instructions a
// line segment, more than the rest of drawing a path.
//
// The page stays in libharu's page-description mode, so a path is written
// whole: from its first move to its painting operator.
#include <hpdf.h>

#include <string>
#include <string_view>

namespace jan20::pdf {

class PathContent {
 public:
  void move_to(HPDF_REAL x, HPDF_REAL y);   // x y m
  void line_to(HPDF_REAL x, HPDF_REAL y);   // x y l
  void curve_to(HPDF_REAL x1, HPDF_REAL y1, HPDF_REAL x2, HPDF_REAL y2, HPDF_REAL x3, HPDF_REAL y3);  // … c
  void close();                             // h
  // S, f, f*, B or B*: the painting operator that ends the path.
  void paint(std::string_view op);

  const std::string& bytes() const { return out_; }
  void clear() { out_.clear(); }

 private:
  void number(HPDF_REAL v);
  void point(HPDF_REAL x, HPDF_REAL y, std::string_view op);  // "x y" and the operator
  std::string out_;
};

}  // namespace jan20::pdf
