#include "pdf/paint.h"

namespace jan20::pdf {
namespace {

HPDF_REAL r(double v) { return static_cast<HPDF_REAL>(v < 0 ? 0 : v > 1 ? 1 : v); }

}  // namespace

Color device_color(const Color& c, Target target) {
  return target == Target::Print ? c.to_cmyk() : c.to_rgb();
}

void PaintState::fill(const Color& c) {
  Color d = device_color(c, target_);
  if (has_fill_ && d == fill_) return;
  if (d.space == Color::Space::Cmyk)
    HPDF_Page_SetCMYKFill(page_, r(d.v[0]), r(d.v[1]), r(d.v[2]), r(d.v[3]));
  else
    HPDF_Page_SetRGBFill(page_, r(d.v[0]), r(d.v[1]), r(d.v[2]));
  fill_ = d;
  has_fill_ = true;
}

void PaintState::stroke(const Color& c) {
  Color d = device_color(c, target_);
  if (has_stroke_ && d == stroke_) return;
  if (d.space == Color::Space::Cmyk)
    HPDF_Page_SetCMYKStroke(page_, r(d.v[0]), r(d.v[1]), r(d.v[2]), r(d.v[3]));
  else
    HPDF_Page_SetRGBStroke(page_, r(d.v[0]), r(d.v[1]), r(d.v[2]));
  stroke_ = d;
  has_stroke_ = true;
}

void PaintState::line_width(double w) {
  if (has_width_ && w == width_) return;
  HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(w));
  width_ = w;
  has_width_ = true;
}

}  // namespace jan20::pdf
