#pragma once
// Itemization: splits a paragraph into runs that can each be shaped alone:
// one bidi level, one script, one language, one face, one style span.
// Bidi levels come from ICU (UBA), scripts from ICU's script property with
// Common/Inherited characters taking their neighbour's script, faces from the
// style's font and then its fallbacks (first that has the character).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <hb.h>

#include "core/diagnostic.h"
#include "font/face.h"
#include "text/paragraph.h"
#include "text/code_points.h"
#include "text/script.h"

namespace jan20::text {

struct ShapingRun {
  size_t begin = 0, end = 0;     // bytes of the paragraph text
  int bidi_level = 0;            // even = LTR, odd = RTL
  hb_script_t script = HB_SCRIPT_LATIN;
  std::string lang;              // BCP-47 effective for the run ("az", "az-Cyrl", "az-Arab", "en")
  const font::Face* face = nullptr;
  size_t span = 0;               // index into ParagraphInput::spans
};

// Items in logical order. A character that no face of its span covers is
// reported as an error (which character, its code point, the word, where in
// the content: span.where) and the run falls back to the primary face.
//
// Rules: the paragraph level is 1 when the paragraph language is written
// right to left (az-Arab, fa, ar…), else that of the first strong character
// (paragraph_level). Scripts are resolved as text/script.h describes. An
// run's language is its span's (or the paragraph's) with the script written
// out when unusual for it: Arabic script in "az" text is "az-Arab", Cyrillic
// "az-Cyrl". A letter takes the first face of style.face, style.fallbacks that
// has it; spaces, digits, punctuation and combining marks stay in the face of
// the character before them when it has them. `align` does not affect runs.
// `likely`, when given, answers the language look-ups (the build's, kept
// from paragraph to paragraph); `decoded`, when given, is `text` decoded.
std::vector<ShapingRun> itemize(std::string_view text, const std::vector<StyledSpan>& spans,
                          const std::string& paragraph_lang, model::Align align, DiagnosticSink& sink,
                          LikelyScripts* likely = nullptr, const CodePoints* decoded = nullptr);

// The paragraph's embedding level (0 = LTR, 1 = RTL): 1 when the paragraph
// language is written right to left, else by its first strong character.
int paragraph_level(std::string_view text, const std::string& paragraph_lang);

// Visual order of a line's runs (indexes into `levels`), by the UBA's rule L2.
std::vector<size_t> visual_order(const std::vector<int>& levels);

// The paragraph's base direction from its text alone: RTL when its first
// strong character is R or AL (UAX #9 P2, isolates skipped).
bool paragraph_is_rtl(std::string_view text);

}  // namespace jan20::text
