#pragma once
// Registration: type that blurs when the printing plates are a little off
// register. On a press each ink is a separate plate; a tenth of a millimetre
// between them is normal. Two rules, for the print target only:
//
//  - small type in several inks: a glyph run set under 12 pt whose colour, as
//    written, has more than one non-zero CMYK component (a gray is K only and
//    passes; so does any single ink at any tint). Its edges show coloured
//    fringes and its counters fill in.
//  - reversed type on a several-ink background: a glyph run set under 24 pt,
//    lighter (less total ink) than the filled shape painted under it, when
//    that background has more than one non-zero CMYK component. The paper
//    showing through the letters is only as sharp as the worst-registered
//    plate, so thin strokes and serifs close up. Above 24 pt the strokes are
//    wide enough to survive it (a cover title out of rich black is normal).
//
// "Under it" means: the last filled path painted before the run on the same
// page whose bounding box holds the run's box (advance width by the size).
//
// Each finding is a warning (an error with --strict), reported once per
// style and problem with the pages it occurs on, at the layout key the
// `sources` name.
#include <functional>
#include <string>

#include "core/color.h"
#include "core/diagnostic.h"
#include "model/paged.h"

namespace jan20::pdf {

constexpr double kSmallTextSize = 12;     // pt: under this, text takes one ink
constexpr double kSmallReversedSize = 24; // pt: under this, reversed text needs a one-ink background

// A layout name for a colour on a page, and where it is defined.
struct LayoutSource {
  std::string what;        // "style 'timeline-date'", "master 'back' background 'cover-dark'"
  SourceLocation where;
};

struct RegistrationSources {
  // The paragraph style a glyph run of this colour and size comes from.
  std::function<LayoutSource(const Color& color, double size)> text;
  // The background (master background, ornament) a fill of this colour comes from.
  std::function<LayoutSource(const Color& color)> fill;
};

// How many inks a colour as printed takes: its non-zero CMYK components
// (gray and RGB through Color::to_cmyk).
int ink_count(const Color& c);

void check_registration(const model::PagedDocument& doc, const RegistrationSources& sources, DiagnosticSink& sink);

}  // namespace jan20::pdf
