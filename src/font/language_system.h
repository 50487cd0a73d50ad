#pragma once
// Which OpenType script and language system a font offers for a run: the
// GSUB/GPOS "script/language" pair HarfBuzz will apply, found the way
// HarfBuzz finds it (hb_ot_tags_from_script_and_language, then the font's
// script and language lists). Used to tell the user when a font has no rules
// for the text's language (e.g. no AZE system: no Azerbaijani i forms).
#include <string>

#include <hb.h>

#include "font/face.h"

namespace jan20::font {

struct LanguageSystem {
  std::string script;    // OpenType script tag applied: "latn", "arab", "DFLT"; empty when the font has no layout tables
  std::string language;  // OpenType language tag applied: "AZE", "TRK", "dflt"
  bool language_found = false;  // the font has a system for (one of) the requested language's tags
  // "latn/AZE", "latn/dflt", or "none" when the font has no GSUB/GPOS.
  std::string label() const;
};

LanguageSystem find_language_system(const Face& face, hb_script_t script, hb_language_t language);

// True when the font has the language system `lang_tag` (e.g. "TRK ") under
// the OpenType script(s) of `script`, in GSUB or GPOS.
bool has_language_system(const Face& face, hb_script_t script, hb_tag_t lang_tag);

}  // namespace jan20::font
