#pragma once
// The few JSON helpers the reports and diagnostics need: quoting and
// locale-free number formatting. Output only; nothing here parses JSON.
#include <string>
#include <string_view>

namespace jan20 {

std::string json_quote(std::string_view utf8);
// Fixed-point, locale-independent, trailing zeros trimmed ("1.5", "-0.25", "3").
std::string format_number(double value, int max_decimals = 4);

}  // namespace jan20
