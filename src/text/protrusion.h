#pragma once
// Character protrusion (pdfTeX's \pdfprotrudechars, as microtype sets it):
// at the edges of a justified line, small marks hang into the margin so that
// the edge looks straight to the eye. A hyphen or a full stop ending a line
// leaves a light notch at the right margin; moved out by most of its width,
// the margin reads as a line again. Opening quotes and parentheses do the same
// at the left edge.
//
// The amounts are fractions of the glyph's own advance (microtype writes them
// in thousandths of the character's width), in tables per font family: Noto
// Serif (with its italic apart: its quotes lean out to the right already),
// Noto Sans, EB Garamond, and a default table for any other font. Only
// punctuation protrudes: letters end the line at the margin.
#include "font/face.h"

namespace jan20::text {

struct Protrusion {  // fractions of the glyph's advance
  double left = 0;   // when the character starts a line
  double right = 0;  // when it ends one
};

// How far `c`, set in `face`, hangs out at a line's edges. Zero for letters,
// digits and anything the tables do not list.
Protrusion protrusion_of(const font::Face* face, char32_t c);

}  // namespace jan20::text
