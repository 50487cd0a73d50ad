#include "font/language_system.h"

#include <hb-ot.h>

namespace jan20::font {
namespace {

std::string tag_text(hb_tag_t tag) {
  char buf[5] = {0, 0, 0, 0, 0};
  hb_tag_to_string(tag, buf);
  std::string s(buf, 4);
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

bool table_has_scripts(hb_face_t* face, hb_tag_t table) {
  return hb_ot_layout_table_get_script_tags(face, table, 0, nullptr, nullptr) > 0;
}

struct Selection {
  bool has_table = false;
  hb_tag_t script = 0;
  hb_tag_t language = HB_OT_TAG_DEFAULT_LANGUAGE;
  bool language_found = false;
};

// What HarfBuzz selects in one table (GSUB or GPOS) for these candidate tags.
Selection select(hb_face_t* face, hb_tag_t table, unsigned script_count, const hb_tag_t* script_tags,
                 unsigned language_count, const hb_tag_t* language_tags) {
  Selection sel;
  if (!table_has_scripts(face, table)) return sel;
  sel.has_table = true;
  unsigned script_index = 0;
  hb_tag_t chosen = 0;
  // Falls back to DFLT / dflt / latn like the shaper when none of ours exists.
  hb_ot_layout_table_select_script(face, table, script_count, script_tags, &script_index, &chosen);
  if (chosen == HB_TAG_NONE) return sel;  // no usable script at all: nothing is applied
  sel.script = chosen;
  unsigned language_index = HB_OT_LAYOUT_DEFAULT_LANGUAGE_INDEX;
  sel.language_found = hb_ot_layout_script_select_language(face, table, script_index, language_count,
                                                           language_tags, &language_index);
  if (sel.language_found) {
    hb_tag_t tag = 0;
    unsigned one = 1;
    hb_ot_layout_script_get_language_tags(face, table, script_index, language_index, &one, &tag);
    if (one == 1) sel.language = tag;
  }
  return sel;
}

}  // namespace

std::string LanguageSystem::label() const {
  if (script.empty()) return "none";
  return script + "/" + language;
}

LanguageSystem find_language_system(const Face& face, hb_script_t script, hb_language_t language) {
  hb_tag_t script_tags[HB_OT_MAX_TAGS_PER_SCRIPT];
  hb_tag_t language_tags[HB_OT_MAX_TAGS_PER_LANGUAGE];
  unsigned script_count = HB_OT_MAX_TAGS_PER_SCRIPT, language_count = HB_OT_MAX_TAGS_PER_LANGUAGE;
  hb_ot_tags_from_script_and_language(script, language, &script_count, script_tags, &language_count,
                                      language_tags);
  Selection gsub = select(face.hb_face(), HB_OT_TAG_GSUB, script_count, script_tags, language_count, language_tags);
  Selection gpos = select(face.hb_face(), HB_OT_TAG_GPOS, script_count, script_tags, language_count, language_tags);
  // Report the substitution table's choice (it decides which letters appear);
  // positioning only when the font has no GSUB. A language found in either
  // table counts as found.
  const Selection& main = gsub.has_table && gsub.script ? gsub : gpos;
  LanguageSystem out;
  if (!main.has_table || !main.script) return out;
  out.script = tag_text(main.script);
  out.language = tag_text(main.language);
  out.language_found = gsub.language_found || gpos.language_found;
  if (!main.language_found && out.language_found) {
    const Selection& other = gsub.language_found ? gsub : gpos;
    out.language = tag_text(other.language);
  }
  return out;
}

bool has_language_system(const Face& face, hb_script_t script, hb_tag_t lang_tag) {
  hb_tag_t script_tags[HB_OT_MAX_TAGS_PER_SCRIPT];
  unsigned script_count = HB_OT_MAX_TAGS_PER_SCRIPT, language_count = 0;
  hb_ot_tags_from_script_and_language(script, HB_LANGUAGE_INVALID, &script_count, script_tags, &language_count,
                                      nullptr);
  for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
    Selection sel = select(face.hb_face(), table, script_count, script_tags, 1, &lang_tag);
    if (sel.language_found) return true;
  }
  return false;
}

}  // namespace jan20::font
