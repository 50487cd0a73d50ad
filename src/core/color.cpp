#include "core/color.h"

#include <algorithm>

namespace jan20 {

double Color::total_ink_percent() const {
  if (space != Space::Cmyk) return 0;
  return (v[0] + v[1] + v[2] + v[3]) * 100.0;
}

Color Color::to_rgb() const {
  switch (space) {
    case Space::Rgb: return *this;
    case Space::Gray: return rgb(v[0], v[0], v[0]);
    case Space::Cmyk:
      return rgb((1 - v[0]) * (1 - v[3]), (1 - v[1]) * (1 - v[3]), (1 - v[2]) * (1 - v[3]));
  }
  return *this;
}

Color Color::to_cmyk() const {
  switch (space) {
    case Space::Cmyk: return *this;
    case Space::Gray: return cmyk(0, 0, 0, 1 - v[0]);  // gray is K only
    case Space::Rgb: {
      double k = 1 - std::max({v[0], v[1], v[2]});
      if (k >= 1) return cmyk(0, 0, 0, 1);
      return cmyk((1 - v[0] - k) / (1 - k), (1 - v[1] - k) / (1 - k), (1 - v[2] - k) / (1 - k), k);
    }
  }
  return *this;
}

}  // namespace jan20
