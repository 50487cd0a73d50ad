// Itemization: bidi levels (ICU's implementation of UAX #9), resolved scripts
// (text/script.h), languages and font fallback, merged into runs that each
// have one level, script, language, face and style span.
#include "text/itemize.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/ubidi.h>

#include "core/codepoint_table.h"
#include "core/utf.h"
#include "text/script.h"
#include "core/c_handle.h"

namespace jan20::text {
namespace {

bool all_level_zero(const std::u32string& cps, UBiDiLevel paragraph_level);

// Bidi embedding level of each code point (UAX #9 via ICU ubidi, which reads
// UTF-16: made here, only for the paragraphs that need the algorithm run).
std::vector<int> bidi_levels(const CodePoints& d, UBiDiLevel paragraph_level) {
  std::vector<int> levels(d.cps.size(), paragraph_level & 1);
  if (d.cps.empty() || all_level_zero(d.cps, paragraph_level)) return levels;
  std::u16string utf16;
  std::vector<int32_t> unit;  // UTF-16 index of each code point
  utf16.reserve(d.cps.size());
  unit.reserve(d.cps.size());
  for (char32_t cp : d.cps) {
    unit.push_back(static_cast<int32_t>(utf16.size()));
    char16_t units[2];
    utf16.append(units, static_cast<size_t>(utf16_units(cp, units)));
  }
  UErrorCode status = U_ZERO_ERROR;
  CHandle<UBiDi, ubidi_close> bidi(ubidi_openSized(static_cast<int32_t>(utf16.size()), 0, &status));
  if (U_FAILURE(status)) return levels;
  ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(utf16.data()), static_cast<int32_t>(utf16.size()),
                paragraph_level, nullptr, &status);
  if (U_FAILURE(status)) return levels;
  const UBiDiLevel* by_unit = ubidi_getLevels(bidi.get(), &status);
  if (U_FAILURE(status) || !by_unit) return levels;
  for (size_t i = 0; i < d.cps.size(); ++i) levels[i] = by_unit[unit[i]];
  return levels;
}

// Characters that need no glyph of their own: controls, format characters
// (ZWJ, ZWNJ, soft hyphen, bidi controls) and other default ignorables, which
// HarfBuzz hides; they never trigger a fallback or a missing-glyph report.
bool needs_no_glyph_by_icu(char32_t cp) {
  auto c = static_cast<UChar32>(cp);
  int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR ||
         type == U_PARAGRAPH_SEPARATOR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}
bool needs_no_glyph(char32_t cp) {
  // Asked for every character of every paragraph.
  static const CodepointTable<bool> table(needs_no_glyph_by_icu);
  return table(cp);
}

// True when the UBA gives every character level 0 without running it: a
// left-to-right paragraph whose characters all come before Hebrew (U+0590).
// None of them is strong right-to-left (R, AL), an Arabic number (AN) or an
// explicit embedding, override or isolate, so by W7 European numbers take the
// L of the start of the paragraph and nothing is raised above level 0.
bool all_level_zero(const std::u32string& cps, UBiDiLevel paragraph_level) {
  if (paragraph_level != UBIDI_DEFAULT_LTR && paragraph_level != 0) return false;
  for (char32_t c : cps)
    if (c >= 0x0590) return false;
  return true;
}

// The whitespace-delimited word around byte `at`, for messages.
std::string word_around(std::string_view text, size_t at) {
  size_t b = at, e = at;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '\n') --b;
  while (e < text.size() && text[e] != ' ' && text[e] != '\n') ++e;
  return std::string(text.substr(b, e - b));
}

std::string describe_faces(const TextStyle& style) {
  std::string out;
  auto add = [&](const font::Face* f) {
    if (!f) return;
    if (!out.empty()) out += ", ";
    out += f->family() + " " + f->style_name();
  };
  add(style.face);
  for (const auto* f : style.fallbacks) add(f);
  return out.empty() ? std::string("(no font)") : out;
}

}  // namespace

int paragraph_level(std::string_view text, const std::string& paragraph_lang) {
  if (!paragraph_lang.empty() && script_is_rtl(likely_script(paragraph_lang))) return 1;
  return paragraph_is_rtl(text) ? 1 : 0;
}

bool paragraph_is_rtl(std::string_view text) {
  // UAX #9 P2: the first character of type L, R or AL, skipping characters
  // between an isolate initiator and its matching PDI.
  int isolate_depth = 0;
  for (size_t pos = 0; pos < text.size();) {
    auto cp = static_cast<UChar32>(utf8_next(text, pos));
    switch (u_charDirection(cp)) {
      case U_LEFT_TO_RIGHT_ISOLATE:
      case U_RIGHT_TO_LEFT_ISOLATE:
      case U_FIRST_STRONG_ISOLATE: ++isolate_depth; break;
      case U_POP_DIRECTIONAL_ISOLATE:
        if (isolate_depth > 0) --isolate_depth;
        break;
      case U_LEFT_TO_RIGHT:
        if (isolate_depth == 0) return false;
        break;
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC:
        if (isolate_depth == 0) return true;
        break;
      case U_BLOCK_SEPARATOR: return false;  // end of the first paragraph
      default: break;
    }
  }
  return false;
}

std::vector<ShapingRun> itemize(std::string_view text, const std::vector<StyledSpan>& spans,
                          const std::string& paragraph_lang, [[maybe_unused]] model::Align align,
                          DiagnosticSink& sink, LikelyScripts* likely, const CodePoints* decoded) {
  std::vector<ShapingRun> runs;
  if (text.empty()) return runs;
  std::optional<LikelyScripts> own;
  if (!likely) likely = &own.emplace();
  std::optional<CodePoints> own_decoded;
  if (!decoded) decoded = &own_decoded.emplace(decode_code_points(text));
  const CodePoints& d = *decoded;
  const size_t n = d.cps.size();
  // The paragraph language's script, looked up once (paragraph_level's first test).
  const hb_script_t lang_script_default = likely->likely_script(paragraph_lang.empty() ? "und" : paragraph_lang);
  const int para_level =
      !paragraph_lang.empty() && script_is_rtl(lang_script_default) ? 1 : (paragraph_is_rtl(text) ? 1 : 0);
  // An explicit level for RTL languages; otherwise ICU finds the first strong
  // character (defaulting to LTR), as paragraph_is_rtl does.
  std::vector<int> levels = bidi_levels(d, para_level == 1 ? 1 : UBIDI_DEFAULT_LTR);
  std::vector<hb_script_t> scripts = resolve_scripts(d.cps, lang_script_default);

  std::set<std::pair<size_t, char32_t>> reported;  // (span, character): report each once
  size_t span = 0;
  const font::Face* previous_face = nullptr;
  size_t previous_span = SIZE_MAX;
  size_t lang_span = SIZE_MAX;
  hb_script_t lang_script = HB_SCRIPT_INVALID;
  std::string lang;
  size_t lang_version = 0;  // changes whenever `lang` does: runs compare it instead of the string
  size_t run_lang_version = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t at = d.at[i];
    while (span + 1 < spans.size() && at >= spans[span].end) ++span;
    const StyledSpan* s = spans.empty() ? nullptr : &spans[span];
    // The language changes only with the span or the script: look it up
    // (ICU's likely-subtags) once per such change, not once per character.
    if (span != lang_span || scripts[i] != lang_script) {
      lang_span = span;
      lang_script = scripts[i];
      std::string next = likely->language_for_script(s && !s->lang.empty() ? s->lang : paragraph_lang, scripts[i]);
      if (next != lang || lang_version == 0) {
        lang = std::move(next);
        ++lang_version;
      }
    }

    // Font fallback: a letter takes the first face of the chain that has it;
    // a space, digit, punctuation mark or combining mark stays in the face
    // of the character before it when that face has it, so runs do not break
    // at every space and a mark stays with its base.
    const font::Face* face = s ? s->style.face : nullptr;
    char32_t cp = d.cps[i];
    // The usual case: the character is in the span's own face, which the
    // character before it was set in too. Every rule below then keeps that
    // face (a mark or an ignorable stays with it, a neutral character it
    // has stays, a letter finds it first in the chain).
    if (s && previous_span == span && previous_face == s->style.face && previous_face &&
        previous_face->has_glyph(cp)) {
      face = previous_face;
    } else if (s) {
      bool same_span = previous_span == span;
      hb_script_t own = script_of(cp);
      bool neutral = own == HB_SCRIPT_COMMON || own == HB_SCRIPT_INHERITED || own == HB_SCRIPT_UNKNOWN;
      if (needs_no_glyph(cp)) {
        if (same_span && previous_face) face = previous_face;
      } else if (neutral && same_span && previous_face && previous_face->has_glyph(cp)) {
        face = previous_face;
      } else {
        const font::Face* found = nullptr;
        if (s->style.face && s->style.face->has_glyph(cp)) found = s->style.face;
        for (const auto* f : s->style.fallbacks)
          if (!found && f && f->has_glyph(cp)) found = f;
        if (found) {
          face = found;
        } else if (reported.insert({span, cp}).second) {
          std::string shown;
          if (u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK) utf8_append(shown, 0x25CC);
          utf8_append(shown, cp);
          // At the character itself: the span's start moved on by the
          // characters before it on the same source line.
          SourceLocation where = s->where;
          std::string_view before = std::string_view(text).substr(s->begin, at - s->begin);
          if (where.column > 0 && at >= s->begin && before.find('\n') == std::string_view::npos)
            where.column += static_cast<int>(utf8_length(before));
          sink.error(where,
                     "no font has the character '" + shown + "' (" + codepoint_label(cp) + ") in '" +
                         word_around(text, at) + "': it is missing from " + describe_faces(s->style),
                     "add a font that has it to the style's fallback fonts, or check the text for a mistyped "
                     "character");
        }
      }
    }
    previous_face = face;
    previous_span = span;

    bool merged = false;
    if (!runs.empty()) {
      ShapingRun& last = runs.back();
      if (last.bidi_level == levels[i] && last.script == scripts[i] && last.face == face && last.span == span &&
          run_lang_version == lang_version) {
        last.end = d.at[i + 1];
        merged = true;
      }
    }
    if (!merged) {
      runs.push_back(ShapingRun{at, d.at[i + 1], levels[i], scripts[i], lang, face, span});
      run_lang_version = lang_version;
    }
    // The characters after it that the loop above would only add to this
    // run: the same span, script and level, and in the span's own face. For
    // them the language stays (its span and script do), the face is kept by
    // the first rule, and the run takes them.
    if (!s || !face || face != s->style.face) continue;
    const size_t span_end = span + 1 < spans.size() ? spans[span].end : SIZE_MAX;
    ShapingRun& run = runs.back();
    while (i + 1 < n && d.at[i + 1] < span_end && scripts[i + 1] == lang_script && levels[i + 1] == levels[i] &&
           face->has_glyph(d.cps[i + 1])) {
      ++i;
      run.end = d.at[i + 1];
    }
  }
  return runs;
}

std::vector<size_t> visual_order(const std::vector<int>& levels) {
  // UAX #9 L2: from the highest level down to the lowest odd level, reverse
  // every maximal sequence of runs at that level or higher.
  std::vector<size_t> order(levels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (levels.empty()) return order;
  int highest = *std::max_element(levels.begin(), levels.end());
  int lowest_odd = highest + 1;
  for (int l : levels)
    if (l % 2 == 1) lowest_odd = std::min(lowest_odd, l);
  for (int level = highest; level >= lowest_odd; --level) {
    for (size_t i = 0; i < order.size();) {
      if (levels[order[i]] < level) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < order.size() && levels[order[j]] >= level) ++j;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(i), order.begin() + static_cast<std::ptrdiff_t>(j));
      i = j;
    }
  }
  return order;
}

}  // namespace jan20::text
