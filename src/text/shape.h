#pragma once
// Shaping: text in, HarfBuzz glyphs out, with the language, script and
// direction of each run, OpenType features per style, and the Azerbaijani
// guards (NFC, the dotted-i ligature rule). See docs/ARCHITECTURE.md.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <hb.h>

#include "font/face.h"

namespace jan20::text {

struct ShapedGlyph {
  uint32_t id = 0;
  uint32_t cluster = 0;       // byte offset into the shaped text (the whole paragraph)
  int32_t x_advance = 0;      // font units
  int32_t x_offset = 0;
  int32_t y_offset = 0;
  bool unsafe_to_break = false;
};

struct ShapeRequest {
  const font::Face* face = nullptr;
  std::string_view text;       // the whole paragraph (context for joining and kerning), NFC
  size_t begin = 0, end = 0;   // the item to shape, byte offsets into text
  hb_script_t script = HB_SCRIPT_LATIN;
  hb_direction_t direction = HB_DIRECTION_LTR;
  std::string lang = "az";     // BCP-47
  std::vector<std::string> features;  // "smcp", "-liga", "kern=0"
};

struct ShapeExplain {
  std::string language_system;   // OpenType script/language actually applied: "latn/AZE", "latn/TRK", "latn/dflt"
  bool language_system_missing = false;  // the font has no system for the requested language
  bool dotted_i_guard_applied = false;   // a ligature over i/İ was prevented (or a lost dot restored)
  std::vector<std::string> features;     // features in effect, HarfBuzz syntax ("kern", "liga", "-liga[0:2]")
  std::vector<std::string> dotted_i_actions;  // what the guard did, one line each (text/dotted_i.h)
  bool dotted_i_unresolved = false;      // an i still lost its dot after every fix the guard knows
};

// Shapes one item. Glyphs come in visual order (HarfBuzz's output order).
//
// The request's language reaches HarfBuzz (hb_language_from_string), so a
// font's locl rules for it apply. A Turkic language the font has no system
// for (az, crh, gag, tt, kk, kaa) is shaped with the font's Turkish (TRK)
// system when it has one: those rules are about i and ı, which these
// alphabets share. Kerning and standard ligatures are on unless the features
// turn them off. For languages that contrast i and ı the dotted-i guard runs
// on the result (text/dotted_i.h).
std::vector<ShapedGlyph> shape(const ShapeRequest& request, ShapeExplain* explain = nullptr);

// The HarfBuzz language a request in `face`, `script` and BCP-47 `lang` is
// shaped with (the Turkish system's stand-in described above, or the
// language itself), and whether the font lacks a system for the language.
// Reading the font's script and language lists costs a few thousand
// instructions, so the build's word cache keeps the answer per face,
// script and language.
struct ShapingLanguage {
  hb_language_t language = HB_LANGUAGE_INVALID;
  bool missing = false;
};
ShapingLanguage shaping_language(const font::Face& face, hb_script_t script, const std::string& lang);
// shape() with the language already chosen (`language` must be
// shaping_language's answer for the request).
std::vector<ShapedGlyph> shape(const ShapeRequest& request, const ShapingLanguage& language);

// One OpenType feature setting in HarfBuzz's syntax: "smcp", "-liga",
// "kern=0", "+onum", "ss01=1", "aalt=2". False when it is not one.
bool parse_feature(std::string_view text, hb_feature_t* feature);

// Unicode NFC (ICU). Content is normalized once when loaded; shaping assumes it.
std::string to_nfc(std::string_view utf8);

// hb-shape's format: "name=cluster+advance" joined by "|", with "@x,y" offsets
// when non-zero. Cluster values are byte offsets relative to request.begin.
std::string format_glyphs(const font::Face& face, const std::vector<ShapedGlyph>& glyphs, size_t base = 0);

}  // namespace jan20::text
