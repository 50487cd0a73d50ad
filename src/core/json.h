#pragma once
// The few JSON helpers the reports and diagnostics need: quoting and
// locale-free number formatting. Output only; nothing here parses JSON.
#include <string>
#include <string_view>

namespace jan20 {

std::string json_quote(std::string_view utf8);
// Fixed-point, locale-independent, trailing zeros trimmed ("1.5", "-0.25", "3");
// "nan", "inf", "-inf" for what is not finite, and the shortest exact form
// ("1e+308") past what fixed point can hold. For messages.
std::string format_number(double value, int max_decimals = 4);
// The same for JSON, which has no nan or infinity: those (and values past
// 1e15) are written as 0.
std::string json_number(double value, int max_decimals = 4);

}  // namespace jan20
