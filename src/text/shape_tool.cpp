#include "text/shape_tool.h"

#include <algorithm>
#include <cctype>

#include "core/utf.h"
#include "font/language_system.h"
#include "text/script.h"
#include "text/shape.h"

namespace jan20::text {
namespace {

bool ends_with(const std::string& s, const char* suffix) {
  std::string lower = s;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string suf = suffix;
  return lower.size() >= suf.size() && lower.compare(lower.size() - suf.size(), suf.size(), suf) == 0;
}

bool looks_like_path(const std::string& font) {
  return font.find('/') != std::string::npos || ends_with(font, ".ttf") || ends_with(font, ".otf") ||
         ends_with(font, ".ttc") || ends_with(font, ".otc");
}

std::vector<std::string> split_features(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& a : args) {
    size_t start = 0;
    while (start <= a.size()) {
      size_t comma = a.find(',', start);
      if (comma == std::string::npos) comma = a.size();
      std::string one = a.substr(start, comma - start);
      one.erase(0, one.find_first_not_of(' '));
      one.erase(one.find_last_not_of(' ') + 1);
      if (!one.empty()) out.push_back(one);
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

int run_shape_tool(const ShapeToolOptions& options, font::FontCollection& fonts, std::string* out,
                   std::string* err) {
  auto fail = [&](std::string message) {
    *err += message + "\n";
    return 1;
  };
  if (options.font.empty()) return fail("shape: no font given — use --font \"Noto Serif\" or --font path/to/font.ttf");

  const font::Face* face = options.face;
  std::string error, hint;
  if (face) {
  } else if (looks_like_path(options.font)) {
    face = fonts.load_path(options.font, options.index, &error);
  } else {
    std::string family = options.font, style = options.style;
    if (size_t colon = family.find(':'); colon != std::string::npos) {
      style = family.substr(colon + 1);
      family.resize(colon);
    }
    face = fonts.load_family(family, style, &error, &hint);
  }
  if (!face) return fail("shape: " + error + (hint.empty() ? "" : " \xE2\x80\x94 " + hint));

  std::vector<std::string> features = split_features(options.features);
  for (const auto& f : features) {
    hb_feature_t parsed;
    if (!parse_feature(f, &parsed))
      return fail("shape: '" + f + "' is not an OpenType feature setting \xE2\x80\x94 write e.g. smcp, -liga, kern=0");
  }

  std::string text = to_nfc(options.text);
  hb_script_t script = dominant_script(text, likely_script(options.lang.empty() ? "und" : options.lang));
  if (!options.script.empty()) {
    script = script_from_iso15924(options.script);
    if (script == HB_SCRIPT_INVALID || script == HB_SCRIPT_UNKNOWN)
      return fail("shape: '" + options.script + "' is not an ISO 15924 script code \xE2\x80\x94 write e.g. Latn, Cyrl, Arab");
  }
  hb_direction_t direction = script_is_rtl(script) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR;
  if (options.direction == "ltr") direction = HB_DIRECTION_LTR;
  else if (options.direction == "rtl") direction = HB_DIRECTION_RTL;
  else if (!options.direction.empty())
    return fail("shape: direction '" + options.direction + "' \xE2\x80\x94 write ltr or rtl");

  ShapeRequest request;
  request.face = face;
  request.text = text;
  request.begin = 0;
  request.end = text.size();
  request.script = script;
  request.direction = direction;
  request.lang = options.lang;
  request.features = features;
  ShapeExplain explain;
  std::vector<ShapedGlyph> glyphs = shape(request, &explain);
  *out += format_glyphs(*face, glyphs) + "\n";
  // Glyph 0 is .notdef: the font draws a box where the text has a letter.
  for (const ShapedGlyph& g : glyphs) {
    if (g.id != 0 || g.cluster >= text.size()) continue;
    size_t pos = g.cluster;
    *err += "shape: warning: " + face->postscript_name() + " has no glyph for " +
            codepoint_label(utf8_next(text, pos)) + " (drawn as .notdef) \xE2\x80\x94 pick a font that covers it, "
            "or give the layout font a fallback\n";
  }

  if (options.explain) {
    *out += "font: " + face->path() + " (face " + std::to_string(face->index()) + ", " + face->postscript_name() + ")\n";
    *out += "language: " + (options.lang.empty() ? std::string("(none)") : options.lang) + ", script: " +
            iso15924(script) + ", direction: " + (direction == HB_DIRECTION_RTL ? "rtl" : "ltr") + "\n";
    *out += "language system: " + explain.language_system;
    if (explain.language_system_missing)
      *out += " (the font has no language system for '" + options.lang + "')";
    *out += "\n";
    std::string joined;
    for (const auto& f : explain.features) joined += (joined.empty() ? "" : " ") + f;
    *out += "features: " + joined + "\n";
    if (!contrasts_dotted_i(options.lang)) {
      *out += "dotted-i guard: off (the language has no dotless i)\n";
    } else if (explain.dotted_i_actions.empty()) {
      *out += "dotted-i guard: nothing to do\n";
    } else {
      for (const auto& a : explain.dotted_i_actions) *out += "dotted-i guard: " + a + "\n";
    }
    if (explain.dotted_i_unresolved) *out += "dotted-i guard: WARNING: an i still has no dot\n";
  }
  return 0;
}

}  // namespace jan20::text
