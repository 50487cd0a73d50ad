#pragma once
// Locale-aware case mapping through ICU: in az and tr, i -> İ and ı -> I when
// uppercasing, İ -> i and I -> ı when lowercasing; elsewhere the default rules.
#include <string>
#include <string_view>

namespace jan20::text {

std::string to_upper(std::string_view utf8, std::string_view lang);
std::string to_lower(std::string_view utf8, std::string_view lang);

}  // namespace jan20::text
