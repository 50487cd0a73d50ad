#include "text/script.h"

#include <array>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include "core/codepoint_table.h"
#include "core/utf.h"

namespace jan20::text {
namespace {

bool is_real(hb_script_t s) {
  return s != HB_SCRIPT_COMMON && s != HB_SCRIPT_INHERITED && s != HB_SCRIPT_UNKNOWN && s != HB_SCRIPT_INVALID;
}

// Splits "az-Cyrl-AZ" into the language subtag, the script subtag (if any)
// and the rest (region, variants, extensions) including its leading '-'.
struct TagParts {
  std::string language, script, rest;
};
TagParts split_tag(std::string_view tag) {
  TagParts parts;
  size_t dash = tag.find_first_of("-_");
  parts.language = std::string(tag.substr(0, dash));
  if (dash == std::string_view::npos) return parts;
  std::string_view tail = tag.substr(dash);  // "-Cyrl-AZ"
  size_t next = tail.find_first_of("-_", 1);
  std::string_view second = tail.substr(1, next == std::string_view::npos ? std::string_view::npos : next - 1);
  bool alpha = second.size() == 4;
  for (char c : second) alpha = alpha && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  if (alpha) {
    parts.script = std::string(second);
    parts.rest = next == std::string_view::npos ? std::string() : std::string(tail.substr(next));
  } else {
    parts.rest = std::string(tail);
  }
  return parts;
}

}  // namespace

namespace {
hb_script_t script_by_icu(char32_t cp) {
  // ICU's script codes as HarfBuzz scripts, converted once (a constant
  // table): parsing the short name for every character was 1 % of a build.
  static const std::array<hb_script_t, USCRIPT_CODE_LIMIT> by_code = [] {
    std::array<hb_script_t, USCRIPT_CODE_LIMIT> table{};
    for (int code = 0; code < USCRIPT_CODE_LIMIT; ++code) {
      const char* name = uscript_getShortName(static_cast<UScriptCode>(code));
      hb_script_t s = name ? hb_script_from_string(name, -1) : HB_SCRIPT_UNKNOWN;
      table[static_cast<size_t>(code)] = s == HB_SCRIPT_INVALID ? HB_SCRIPT_UNKNOWN : s;
    }
    table[USCRIPT_COMMON] = HB_SCRIPT_COMMON;
    table[USCRIPT_INHERITED] = HB_SCRIPT_INHERITED;
    return table;
  }();
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode code = uscript_getScript(static_cast<UChar32>(cp), &status);
  if (U_FAILURE(status) || code < 0 || code >= USCRIPT_CODE_LIMIT) return HB_SCRIPT_UNKNOWN;
  return by_code[static_cast<size_t>(code)];
}

// Whether a character opens or closes a bracket pair (UAX #9's
// Bidi_Paired_Bracket_Type), asked for every character without a real script
// of its own: spaces and punctuation, about one character in seven.
UBidiPairedBracketType bracket_by_icu(char32_t cp) {
  return static_cast<UBidiPairedBracketType>(
      u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_BIDI_PAIRED_BRACKET_TYPE));
}
UBidiPairedBracketType bracket_type(char32_t cp) {
  static const CodepointTable<UBidiPairedBracketType> table(bracket_by_icu);
  return table(cp);
}

// Asked for every character of a paragraph: resolve_scripts takes the table
// once and looks each character up inline.
const CodepointTable<hb_script_t>& script_table() {
  static const CodepointTable<hb_script_t> table(script_by_icu);
  return table;
}

}  // namespace

hb_script_t script_of(char32_t cp) { return script_table()(cp); }

std::vector<hb_script_t> resolve_scripts(std::u32string_view text, hb_script_t fallback) {
  std::vector<hb_script_t> out(text.size(), HB_SCRIPT_COMMON);
  struct Open {
    char32_t closer;
    hb_script_t script;
  };
  std::vector<Open> stack;
  hb_script_t current = HB_SCRIPT_COMMON;  // Common until the first real script
  const CodepointTable<hb_script_t>& scripts = script_table();
  for (size_t i = 0; i < text.size(); ++i) {
    char32_t cp = text[i];
    hb_script_t s = scripts(cp);
    if (s == HB_SCRIPT_INHERITED) {
      out[i] = current;
      continue;
    }
    if (is_real(s)) {
      if (current == HB_SCRIPT_COMMON) {
        // The first real script also covers what came before it.
        for (size_t j = 0; j < i; ++j) out[j] = s;
        for (auto& o : stack)
          if (o.script == HB_SCRIPT_COMMON) o.script = s;
      }
      current = s;
      out[i] = s;
      continue;
    }
    const UBidiPairedBracketType bracket = bracket_type(cp);
    if (bracket == U_BPT_OPEN) {
      // Bidi_Paired_Bracket gives the closing partner; U+2329/U+232A and
      // U+3008/U+3009 are canonically equivalent pairs and match each other.
      char32_t closer = static_cast<char32_t>(u_getBidiPairedBracket(static_cast<UChar32>(cp)));
      stack.push_back({closer, current});
      out[i] = current;
    } else if (bracket == U_BPT_CLOSE) {
      auto matches = [cp](char32_t closer) {
        return closer == cp || (closer == 0x232A && cp == 0x3009) || (closer == 0x3009 && cp == 0x232A);
      };
      size_t k = stack.size();
      while (k > 0 && !matches(stack[k - 1].closer)) --k;
      if (k > 0) {
        current = stack[k - 1].script;
        stack.resize(k - 1);
      }
      out[i] = current;
    } else {
      out[i] = current;
    }
  }
  if (current == HB_SCRIPT_COMMON)
    for (auto& s : out) s = fallback;
  return out;
}

hb_script_t dominant_script(std::string_view utf8, hb_script_t fallback) {
  for (size_t pos = 0; pos < utf8.size();) {
    hb_script_t s = script_of(utf8_next(utf8, pos));
    if (is_real(s)) return s;
  }
  return fallback;
}

hb_script_t script_from_iso15924(std::string_view code) {
  if (code.size() != 4) return HB_SCRIPT_INVALID;
  return hb_script_from_string(code.data(), 4);
}

std::string iso15924(hb_script_t script) {
  char buf[5] = {0, 0, 0, 0, 0};
  hb_tag_to_string(hb_script_to_iso15924_tag(script), buf);
  return buf;
}

bool is_white_space_beyond_ascii(char32_t cp) {
  static const CodepointTable<bool> table([](char32_t c) -> bool { return u_isUWhiteSpace(static_cast<UChar32>(c)); });
  return table(cp);
}

bool script_is_rtl(hb_script_t script) { return hb_script_get_horizontal_direction(script) == HB_DIRECTION_RTL; }

std::string primary_language(std::string_view bcp47) {
  std::string lang = split_tag(bcp47).language;
  for (char& c : lang)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lang;
}

hb_script_t likely_script(std::string_view bcp47) {
  std::string tag(bcp47);
  char id[ULOC_FULLNAME_CAPACITY] = {0};
  char full[ULOC_FULLNAME_CAPACITY] = {0};
  char script[ULOC_SCRIPT_CAPACITY] = {0};
  UErrorCode status = U_ZERO_ERROR;
  int32_t parsed = 0;
  uloc_forLanguageTag(tag.c_str(), id, sizeof id, &parsed, &status);
  if (U_FAILURE(status)) return HB_SCRIPT_LATIN;
  uloc_addLikelySubtags(id, full, sizeof full, &status);
  if (U_FAILURE(status)) return HB_SCRIPT_LATIN;
  int32_t n = uloc_getScript(full, script, sizeof script, &status);
  if (U_FAILURE(status) || n != 4) return HB_SCRIPT_LATIN;
  return hb_script_from_string(script, 4);
}

namespace {
template <class Likely>
std::string language_for_script_with(std::string_view bcp47, hb_script_t script, Likely&& likely) {
  if (bcp47.empty() || !is_real(script)) return std::string(bcp47);
  TagParts parts = split_tag(bcp47);
  std::string base = parts.language + parts.rest;
  if (likely(base) == script) return base;
  return parts.language + "-" + iso15924(script) + parts.rest;
}
}  // namespace

std::string language_for_script(std::string_view bcp47, hb_script_t script) {
  return language_for_script_with(bcp47, script, [](std::string_view tag) { return likely_script(tag); });
}

hb_script_t LikelyScripts::likely_script(std::string_view bcp47) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& [tag, script] : known_)
      if (tag == bcp47) return script;
  }
  const hb_script_t script = text::likely_script(bcp47);
  std::lock_guard lock(mutex_);
  known_.emplace_back(std::string(bcp47), script);
  return script;
}

std::string LikelyScripts::language_for_script(std::string_view bcp47, hb_script_t script) {
  return language_for_script_with(bcp47, script, [this](std::string_view tag) { return likely_script(tag); });
}

bool contrasts_dotted_i(std::string_view bcp47) {
  std::string lang = primary_language(bcp47);
  for (const char* l : {"az", "tr", "crh", "gag", "tt", "kk", "kaa"})
    if (lang == l) return true;
  return false;
}

}  // namespace jan20::text
