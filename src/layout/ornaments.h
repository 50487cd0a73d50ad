#pragma once
// Vector ornaments drawn by the layout, never bitmaps: rules, boxes, the
// national flag, a black mourning ribbon, a red carnation, and QR codes
// (libqrencode modules drawn as squares). Coordinates as in model::Ornament.
#include <string>
#include <vector>

#include "model/design.h"
#include "model/paged.h"

namespace jan20::layout {

// `url` is the text encoded by a "qr" ornament.
std::vector<model::Path> draw_ornament(const model::Ornament& o, const model::Design& design, const std::string& url);

// A filled rectangle.
model::Path rectangle(double x, double y, double w, double h, Color fill);

}  // namespace jan20::layout
