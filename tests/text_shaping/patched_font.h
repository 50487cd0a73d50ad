#pragma once
// Test fonts made at run time from Debian's fonts (never committed): a copy
// of a font with some OpenType tags in its GSUB/GPOS tables renamed, which
// removes a language system ("AZE ") or a feature ("c2sc") from the font
// while leaving every glyph as it was.
#include <string>
#include <utility>
#include <vector>

namespace jan20::testing {

inline const std::string kNotoSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
inline const std::string kNotoNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
inline const std::string kGaramond = "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf";

// Writes a copy of `font` in which every 4-byte `from` tag inside the GSUB and
// GPOS tables reads `to`; returns its path. Script and language records are
// binary-searched by tag, so `to` must sort where `from` did ("AZE " -> "AZF ").
std::string font_with_renamed_tags(const std::string& font,
                                   const std::vector<std::pair<std::string, std::string>>& renames);

}  // namespace jan20::testing
