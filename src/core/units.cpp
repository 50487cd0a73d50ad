#include "core/units.h"

#include <cctype>
#include <charconv>
#include <cmath>

namespace jan20 {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}
}  // namespace

std::optional<double> parse_length(std::string_view text, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<double> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  std::string_view s = trim(text);
  size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' ||
                          s[i] == '-' || s[i] == '+'))
    ++i;
  std::string_view number = s.substr(0, i);
  std::string_view unit = trim(s.substr(i));
  if (number.empty()) return fail("expected a length such as \"12mm\" or \"10.5pt\"");
  if (number.front() == '+') number.remove_prefix(1);
  double value = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || ptr != number.data() + number.size() || !std::isfinite(value))
    return fail("'" + std::string(number) + "' is not a number");
  if (unit == "pt") return value;
  if (unit == "mm") return mm_to_pt(value);
  if (unit == "cm") return mm_to_pt(value * 10.0);
  if (unit == "in") return value * kPointsPerInch;
  if (unit.empty()) return fail("missing unit: write it as \"" + std::string(number) + "mm\" or \"" +
                                std::string(number) + "pt\"");
  if ((unit.front() == 'e' || unit.front() == 'E') && unit.size() > 1 &&
      (std::isdigit(static_cast<unsigned char>(unit[1])) || unit[1] == '-' || unit[1] == '+'))
    return fail("a length has no exponent: write the number out, with pt, mm, cm or in (\"12mm\")");
  return fail("unknown unit '" + std::string(unit) + "': use pt, mm, cm or in");
}

bool paper_size(std::string_view name, double* w, double* h) {
  struct Paper { std::string_view name; double w_mm, h_mm; };
  static constexpr Paper kPapers[] = {
      {"A0", 841, 1189}, {"A1", 594, 841}, {"A2", 420, 594}, {"A3", 297, 420},
      {"A4", 210, 297},  {"A5", 148, 210}, {"A6", 105, 148}, {"Letter", 215.9, 279.4},
  };
  for (const auto& p : kPapers) {
    if (p.name == name) {
      *w = mm_to_pt(p.w_mm);
      *h = mm_to_pt(p.h_mm);
      return true;
    }
  }
  return false;
}

}  // namespace jan20
