#pragma once
// Colours as the target wants them: for print every colour goes out as
// DeviceCMYK (Color::to_cmyk; text black stays 0 0 0 1 k, never rich black),
// for screen as DeviceRGB. Set through libharu's public API.
#include <hpdf.h>

#include "core/color.h"
#include "pdf/write_pdf.h"

namespace jan20::pdf {

// The colour written for `c` on `target` (Cmyk for print, Rgb for screen).
Color device_color(const Color& c, Target target);

// Remembers the page's current fill and stroke colours so each is written
// only when it changes.
class PaintState {
 public:
  PaintState(HPDF_Page page, Target target) : page_(page), target_(target) {}
  void fill(const Color& c);
  void stroke(const Color& c);
  void line_width(double w);
  // After a Q that may have restored something else (not used by DrawImage,
  // which only saves the CTM): forget what is known.
  void forget() { has_fill_ = has_stroke_ = has_width_ = false; }

 private:
  HPDF_Page page_;
  Target target_;
  Color fill_, stroke_;
  double width_ = 1;
  bool has_fill_ = false, has_stroke_ = false, has_width_ = false;
};

}  // namespace jan20::pdf
