#pragma once
// Where in the layout a colour on a typeset page comes from: the paragraph
// style of a glyph run (by its colour and size), the master background or
// ornament of a fill (by its colour). Typeset pages keep colours, not names;
// diagnostics about them (pdf/registration.h) name the layout key to change.
#include "model/design.h"
#include "pdf/registration.h"

namespace jan20::build {

pdf::RegistrationSources layout_sources(const model::Design& design);

}  // namespace jan20::build
