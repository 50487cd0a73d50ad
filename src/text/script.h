#pragma once
// Scripts and languages of text runs: the Unicode script of each character
// with Common and Inherited characters resolved from their neighbours, and the
// BCP-47 tag a run gets when its script is not its language's usual one.
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <hb.h>

namespace jan20::text {

// The Unicode Script property (ICU): HB_SCRIPT_COMMON for punctuation, digits
// and spaces, HB_SCRIPT_INHERITED for combining marks.
hb_script_t script_of(char32_t cp);

// One resolved script per code point of `text`, after UAX #24's advice (as
// libraqm and Pango do): an Inherited character (a combining mark) takes the
// script of the character before it; a Common character takes the script of
// the run it is in, except that a closing bracket takes the script of its
// matching opening bracket (Bidi_Paired_Bracket, matched with a stack) so
// "Bakı (Баку) şəhəri" keeps both parentheses Latin. Common characters before
// the first real script take that script; text with no real script at all
// gets `fallback`.
std::vector<hb_script_t> resolve_scripts(std::u32string_view text, hb_script_t fallback);

// The first script of `text` that is not Common/Inherited, else `fallback`.
hb_script_t dominant_script(std::string_view utf8, hb_script_t fallback);

// "Latn" -> HB_SCRIPT_LATIN; HB_SCRIPT_INVALID when not an ISO 15924 code.
hb_script_t script_from_iso15924(std::string_view code);
std::string iso15924(hb_script_t script);  // "Latn"
bool script_is_rtl(hb_script_t script);

// Unicode's White_Space property (ICU's u_isUWhiteSpace), answered inline
// for ASCII (tab to carriage return, and space) and from a table for the
// next code points: asked for every character of a paragraph, twice.
bool is_white_space_beyond_ascii(char32_t cp);
inline bool is_white_space(char32_t cp) {
  return cp < 0x80 ? cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) : is_white_space_beyond_ascii(cp);
}

// "az-Cyrl-AZ" -> "az"
std::string primary_language(std::string_view bcp47);
// The script a language is written in when its tag does not say (ICU's
// likely subtags): "az" -> Latn, "az-Arab" -> Arab, "ru" -> Cyrl, "fa" -> Arab.
hb_script_t likely_script(std::string_view bcp47);
// The tag of a run of `script` in text of language `bcp47`: the script is
// written out only when it is not the language's usual one, so a run of
// Arabic script in Azerbaijani text is "az-Arab", Cyrillic "az-Cyrl", Latin
// "az" (also for "az-Latn"). Common/Inherited/Unknown keep the tag as is.
std::string language_for_script(std::string_view bcp47, hb_script_t script);

// likely_script and language_for_script with ICU's answers kept (a
// likely-subtags look-up costs about 10,000 instructions, and every
// paragraph asks for its language): one per build, shared by its threads.
class LikelyScripts {
 public:
  hb_script_t likely_script(std::string_view bcp47);
  std::string language_for_script(std::string_view bcp47, hb_script_t script);

 private:
  std::mutex mutex_;
  std::vector<std::pair<std::string, hb_script_t>> known_;  // a language or two per build
};

// Languages whose alphabets contrast dotted i/İ with dotless ı/I, so a glyph
// may never lose the dot of i: Azerbaijani (az), Turkish (tr), Crimean Tatar
// (crh), Gagauz (gag), Tatar (tt), Kazakh (kk, Latin alphabet of 2021) and
// Karakalpak (kaa). Irish (ga) is not among them: modern Irish has no dotless
// letter, and old Gaelic type drew every i dotless.
bool contrasts_dotted_i(std::string_view bcp47);

}  // namespace jan20::text
