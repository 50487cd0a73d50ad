#include "text/protrusion.h"

#include <string_view>

namespace jan20::text {

namespace {

struct Entry {
  char32_t c;
  Protrusion amount;
};

// The values follow microtype's defaults (hyphen, full stop and comma most,
// colon and semicolon half, en dash half, em dash less because it is wide)
// and are set per font from the glyphs' shapes: the side bearing already
// white, the weight of the ink that hangs out. Read with FreeType (advance,
// side bearings in font units of 1000): Noto Serif's hyphen 310 wide with 25
// white on each side, its full stop 250 wide with 62; Noto Sans' hyphen 322
// with 40, full stop 268 with 72; EB Garamond's hyphen 274 with 29, full stop
// 230 with 60.

// Noto Serif, upright: the period and comma are small and light, so they go
// out furthest; the semicolon's comma gives it more weight than the colon.
constexpr Entry kNotoSerif[] = {
    {U'-', {0, 0.70}},     {U'\u2010', {0, 0.70}}, {U'\u2011', {0, 0.70}}, {U'\u2013', {0.50, 0.50}},
    {U'\u2014', {0.30, 0.30}}, {U'.', {0, 0.70}},  {U',', {0, 0.70}},      {U':', {0, 0.50}},
    {U';', {0, 0.40}},     {U'\u2019', {0, 0.70}}, {U'\u201D', {0, 0.50}}, {U'\u00BB', {0.40, 0.40}},
    {U'\u00AB', {0.40, 0.40}}, {U'"', {0.50, 0.50}}, {U'\'', {0.50, 0.50}}, {U')', {0, 0.20}},
    {U'(', {0.20, 0}},     {U'\u201E', {0.50, 0}}, {U'\u201C', {0.50, 0}}, {U'\u2018', {0.70, 0}},
    {U'\u201A', {0.70, 0}}, {U'\u2026', {0, 0.20}},
};

// Noto Serif Italic: the full stop and comma sit to the left of their
// advance (38 % white on the right), so they hang out further; the closing
// quotes already overhang their advance on the right (negative side bearing)
// and the opening ones carry 23–42 % white on the left, so those go less
// and more respectively.
constexpr Entry kNotoSerifItalic[] = {
    {U'-', {0, 0.70}},     {U'\u2010', {0, 0.70}}, {U'\u2011', {0, 0.70}}, {U'\u2013', {0.50, 0.50}},
    {U'\u2014', {0.30, 0.30}}, {U'.', {0, 0.80}},  {U',', {0, 0.80}},      {U':', {0, 0.50}},
    {U';', {0, 0.45}},     {U'\u2019', {0, 0.50}}, {U'\u201D', {0, 0.40}}, {U'\u00BB', {0.40, 0.40}},
    {U'\u00AB', {0.40, 0.40}}, {U'"', {0.50, 0.40}}, {U'\'', {0.50, 0.40}}, {U')', {0, 0.20}},
    {U'(', {0.10, 0}},     {U'\u201E', {0.40, 0}}, {U'\u201C', {0.60, 0}}, {U'\u2018', {0.80, 0}},
    {U'\u201A', {0.60, 0}}, {U'\u2026', {0, 0.20}},
};

// Noto Sans: even strokes, wider white beside the full stop and colon
// (27 %), and very narrow single quotes (175 units) whose ink fills them.
constexpr Entry kNotoSans[] = {
    {U'-', {0, 0.70}},     {U'\u2010', {0, 0.70}}, {U'\u2011', {0, 0.70}}, {U'\u2013', {0.50, 0.50}},
    {U'\u2014', {0.30, 0.30}}, {U'.', {0, 0.70}},  {U',', {0, 0.70}},      {U':', {0, 0.55}},
    {U';', {0, 0.50}},     {U'\u2019', {0, 0.70}}, {U'\u201D', {0, 0.50}}, {U'\u00BB', {0.40, 0.40}},
    {U'\u00AB', {0.40, 0.40}}, {U'"', {0.50, 0.50}}, {U'\'', {0.60, 0.60}}, {U')', {0, 0.20}},
    {U'(', {0.20, 0}},     {U'\u201E', {0.50, 0}}, {U'\u201C', {0.50, 0}}, {U'\u2018', {0.70, 0}},
    {U'\u201A', {0.70, 0}}, {U'\u2026', {0, 0.20}},
};

// EB Garamond: a narrow hyphen and full stop (274 and 230 units), wide
// guillemets (676) with 15 % white each side, a comma and semicolon alike.
constexpr Entry kEbGaramond[] = {
    {U'-', {0, 0.70}},     {U'\u2010', {0, 0.70}}, {U'\u2011', {0, 0.70}}, {U'\u2013', {0.50, 0.50}},
    {U'\u2014', {0.30, 0.30}}, {U'.', {0, 0.70}},  {U',', {0, 0.70}},      {U':', {0, 0.55}},
    {U';', {0, 0.50}},     {U'\u2019', {0, 0.70}}, {U'\u201D', {0, 0.50}}, {U'\u00BB', {0.35, 0.35}},
    {U'\u00AB', {0.35, 0.35}}, {U'"', {0.50, 0.50}}, {U'\'', {0.50, 0.50}}, {U')', {0, 0.20}},
    {U'(', {0.20, 0}},     {U'\u201E', {0.50, 0}}, {U'\u201C', {0.50, 0}}, {U'\u2018', {0.70, 0}},
    {U'\u201A', {0.70, 0}}, {U'\u2026', {0, 0.20}},
};

// Any other font: microtype's defaults, as fractions.
constexpr Entry kDefault[] = {
    {U'-', {0, 0.70}},     {U'\u2010', {0, 0.70}}, {U'\u2011', {0, 0.70}}, {U'\u2013', {0.50, 0.50}},
    {U'\u2014', {0.30, 0.30}}, {U'.', {0, 0.70}},  {U',', {0, 0.60}},      {U':', {0, 0.50}},
    {U';', {0, 0.40}},     {U'\u2019', {0, 0.60}}, {U'\u201D', {0, 0.50}}, {U'\u00BB', {0.40, 0.40}},
    {U'\u00AB', {0.40, 0.40}}, {U'"', {0.50, 0.50}}, {U'\'', {0.50, 0.50}}, {U')', {0, 0.20}},
    {U'(', {0.20, 0}},     {U'\u201E', {0.50, 0}}, {U'\u201C', {0.50, 0}}, {U'\u2018', {0.60, 0}},
    {U'\u201A', {0.60, 0}}, {U'\u2026', {0, 0.20}},
};

template <size_t N>
Protrusion find(const Entry (&table)[N], char32_t c) {
  for (const Entry& e : table)
    if (e.c == c) return e.amount;
  return {};
}

bool italic(const font::Face& face) {
  const std::string_view style = face.style_name();
  return style.find("Italic") != std::string_view::npos || style.find("Oblique") != std::string_view::npos;
}

}  // namespace

// True for every character some table lists (the same characters in each):
// anything else, letters above all, is known to stay at the margin without
// looking the face's family up.
bool listed(char32_t c) {
  switch (c) {
    case U'-': case U'.': case U',': case U':': case U';': case U'"': case U'\'': case U'(': case U')':
    case U'\u00AB': case U'\u00BB':
      return true;
    default:
      return c >= U'\u2010' && c <= U'\u2026';
  }
}

Protrusion protrusion_of(const font::Face* face, char32_t c) {
  if (!listed(c)) return {};
  if (!face) return find(kDefault, c);
  const std::string& family = face->family();
  if (family == "Noto Serif") return italic(*face) ? find(kNotoSerifItalic, c) : find(kNotoSerif, c);
  if (family == "Noto Sans") return find(kNotoSans, c);
  if (family == "EB Garamond" || family == "EB Garamond 12") return find(kEbGaramond, c);
  return find(kDefault, c);
}

}  // namespace jan20::text
