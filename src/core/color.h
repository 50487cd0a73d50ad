#pragma once
// A colour as the layout defines it. Print targets use the CMYK values; screen
// targets the RGB ones. A colour defined in one space only is converted with
// the naive formulas below (documented in the TOML reference).
#include <array>

namespace jan20 {

struct Color {
  enum class Space { Gray, Rgb, Cmyk };
  Space space = Space::Gray;
  // Gray: v[0]; RGB: v[0..2]; CMYK: v[0..3]. Components are 0..1.
  std::array<double, 4> v{0, 0, 0, 0};

  static Color gray(double g) { return {Space::Gray, {g, 0, 0, 0}}; }
  static Color rgb(double r, double g, double b) { return {Space::Rgb, {r, g, b, 0}}; }
  static Color cmyk(double c, double m, double y, double k) { return {Space::Cmyk, {c, m, y, k}}; }
  static Color black_k() { return cmyk(0, 0, 0, 1); }  // text black: 100 % K only

  // Total ink (C+M+Y+K) in percent; 0 for non-CMYK colours.
  double total_ink_percent() const;
  Color to_rgb() const;
  Color to_cmyk() const;
  bool operator==(const Color&) const = default;
};

}  // namespace jan20
