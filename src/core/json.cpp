#include "core/json.h"

#include <charconv>

#include <cmath>
#include <cstdio>

namespace jan20 {

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  return out;
}

std::string format_number(double value, int max_decimals) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
  // Past what a long long holds after scaling (1e308): the shortest form
  // that reads back as the same double, e.g. "1e+308".
  if (std::fabs(value) * std::pow(10.0, max_decimals) >= 9e18) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
  }
  // Integer arithmetic keeps this independent of the C locale.
  double scale = std::pow(10.0, max_decimals);
  long long scaled = std::llround(value * scale);
  bool negative = scaled < 0;
  unsigned long long mag = negative ? static_cast<unsigned long long>(-scaled)
                                    : static_cast<unsigned long long>(scaled);
  unsigned long long p = static_cast<unsigned long long>(scale);
  unsigned long long whole = mag / p, frac = mag % p;
  std::string out = negative && mag != 0 ? "-" : "";
  out += std::to_string(whole);
  if (frac != 0) {
    std::string digits = std::to_string(frac);
    digits.insert(0, static_cast<size_t>(max_decimals) - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    out += '.';
    out += digits;
  }
  return out;
}

std::string json_number(double value, int max_decimals) {
  return std::isfinite(value) && std::fabs(value) < 1e15 ? format_number(value, max_decimals) : "0";
}

}  // namespace jan20
