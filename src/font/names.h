#pragma once
// Comparing and suggesting font family and style names.
#include <string>
#include <vector>

namespace jan20::font {

// Family names compare without regard to case and white space ("Noto Serif"
// = "noto serif" = "NotoSerif"), as fontconfig compares them.
bool same_family(const std::string& a, const std::string& b);
// Style names compare without case, spaces or hyphens, and "Regular" =
// "Book" = "Normal" = "Roman" = "" ("Bold Italic" = "bold-italic" = "BoldItalic").
bool same_style(const std::string& a, const std::string& b);

// Up to `max` candidates close to `wanted` (edit distance, ignoring case, or
// one name containing the other), closest first, each named once.
std::vector<std::string> close_names(const std::string& wanted, const std::vector<std::string>& candidates,
                                     size_t max = 3);

// "a, b or c"
std::string join_alternatives(const std::vector<std::string>& names);

}  // namespace jan20::font
