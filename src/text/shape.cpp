// Shaping one item with HarfBuzz: the whole paragraph goes into the buffer as
// context (hb_buffer_add_utf8 with the item's offset and length), so joining
// and kerning see across item edges, and cluster values are byte offsets into
// the paragraph.
#include "text/shape.h"

#include <memory>

#include "font/language_system.h"
#include "text/dotted_i.h"
#include "text/script.h"
#include "core/c_handle.h"

namespace jan20::text {
namespace {

using Buffer = CHandle<hb_buffer_t, hb_buffer_destroy>;

constexpr hb_tag_t kTurkish = HB_TAG('T', 'R', 'K', ' ');

std::vector<hb_feature_t> parse_features(const std::vector<std::string>& specs) {
  std::vector<hb_feature_t> out;
  for (const auto& s : specs) {
    hb_feature_t f;
    if (parse_feature(s, &f)) out.push_back(f);
  }
  return out;
}

std::vector<ShapedGlyph> shape_explained(const ShapeRequest& request, const ShapingLanguage& language,
                                         ShapeExplain* explain);

std::string feature_text(const hb_feature_t& f) {
  char buf[128];
  hb_feature_to_string(const_cast<hb_feature_t*>(&f), buf, sizeof buf);
  return buf;
}

// The settings of one request that every (re)shaping shares.
struct Shaper {
  const font::Face* face = nullptr;
  hb_script_t script = HB_SCRIPT_LATIN;
  hb_direction_t direction = HB_DIRECTION_LTR;
  hb_language_t language = HB_LANGUAGE_INVALID;
  std::vector<hb_feature_t> features;

  std::vector<ShapedGlyph> run(std::string_view text, size_t begin, size_t end,
                               const std::vector<hb_feature_t>& extra) const {
    Buffer buffer(hb_buffer_create());
    hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                       static_cast<int>(end - begin));
    hb_buffer_set_direction(buffer.get(), direction);
    hb_buffer_set_script(buffer.get(), script);
    hb_buffer_set_language(buffer.get(), language);
    unsigned flags = HB_BUFFER_FLAG_DEFAULT;
    if (begin == 0) flags |= HB_BUFFER_FLAG_BOT;  // the item starts the paragraph
    if (end == text.size()) flags |= HB_BUFFER_FLAG_EOT;
    hb_buffer_set_flags(buffer.get(), static_cast<hb_buffer_flags_t>(flags));
    std::vector<hb_feature_t> all = features;
    all.insert(all.end(), extra.begin(), extra.end());
    hb_shape(face->hb_font(), buffer.get(), all.data(), static_cast<unsigned>(all.size()));

    unsigned n = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &n);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), nullptr);
    std::vector<ShapedGlyph> glyphs(n);
    for (unsigned i = 0; i < n; ++i) {
      glyphs[i].id = info[i].codepoint;
      glyphs[i].cluster = info[i].cluster;
      glyphs[i].x_advance = pos[i].x_advance;
      glyphs[i].x_offset = pos[i].x_offset;
      glyphs[i].y_offset = pos[i].y_offset;
      glyphs[i].unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    }
    return glyphs;
  }
};

}  // namespace

bool parse_feature(std::string_view text, hb_feature_t* feature) {
  if (text.empty()) return false;
  return hb_feature_from_string(text.data(), static_cast<int>(text.size()), feature) != 0;
}

ShapingLanguage shaping_language(const font::Face& face, hb_script_t script, const std::string& lang) {
  ShapingLanguage chosen;
  chosen.language = lang.empty() ? HB_LANGUAGE_INVALID : hb_language_from_string(lang.c_str(), -1);
  const font::LanguageSystem system = font::find_language_system(face, script, chosen.language);
  chosen.missing = !lang.empty() && !system.language_found;
  if (chosen.missing && contrasts_dotted_i(lang) && font::has_language_system(face, script, kTurkish)) {
    // HarfBuzz's private-use subtag picks an OpenType language system
    // directly while the language stays what it is.
    std::string tag = primary_language(lang) + "-x-hbottrk";
    chosen.language = hb_language_from_string(tag.c_str(), -1);
  }
  return chosen;
}

std::vector<ShapedGlyph> shape(const ShapeRequest& request, ShapeExplain* explain) {
  if (!request.face || request.begin >= request.end || request.end > request.text.size()) return {};
  const ShapingLanguage language = shaping_language(*request.face, request.script, request.lang);
  if (!explain) return shape(request, language);
  return shape_explained(request, language, explain);
}

std::vector<ShapedGlyph> shape(const ShapeRequest& request, const ShapingLanguage& language) {
  if (!request.face || request.begin >= request.end || request.end > request.text.size()) return {};
  return shape_explained(request, language, nullptr);
}

namespace {

std::vector<ShapedGlyph> shape_explained(const ShapeRequest& request, const ShapingLanguage& language,
                                         ShapeExplain* explain) {
  Shaper shaper;
  shaper.face = request.face;
  shaper.script = request.script;
  shaper.direction = HB_DIRECTION_IS_VALID(request.direction) ? request.direction
                     : script_is_rtl(request.script)         ? HB_DIRECTION_RTL
                                                             : HB_DIRECTION_LTR;
  shaper.language = language.language;
  shaper.features = parse_features(request.features);
  const bool missing = language.missing;
  const bool turkic = contrasts_dotted_i(request.lang);

  std::vector<ShapedGlyph> glyphs = shaper.run(request.text, request.begin, request.end, {});
  DottedIReport guard;
  if (turkic && has_dotted_i(request.text, request.begin, request.end) &&
      !every_dotted_i_drawn_plainly(*request.face, request.text, request.begin, request.end, glyphs)) {
    DottedIInput input;
    input.face = request.face;
    input.text = request.text;
    input.begin = request.begin;
    input.end = request.end;
    input.features = shaper.features;
    input.reshape = [&](const std::vector<hb_feature_t>& extra) {
      return shaper.run(request.text, request.begin, request.end, extra);
    };
    input.shape_alone = [&](std::string_view text, const std::vector<hb_feature_t>& extra) {
      return shaper.run(text, 0, text.size(), extra);
    };
    glyphs = guard_dotted_i(input, std::move(glyphs), &guard);
  }

  if (explain) {
    explain->language_system = font::find_language_system(*request.face, request.script, shaper.language).label();
    explain->language_system_missing = missing;
    explain->dotted_i_guard_applied = guard.applied;
    explain->dotted_i_actions = guard.actions;
    explain->dotted_i_unresolved = guard.unresolved;
    explain->features.clear();
    // HarfBuzz turns these on by default; list them unless a feature turns them off.
    for (const char* tag : {"kern", "liga"}) {
      bool mentioned = false;
      for (const auto& f : shaper.features)
        mentioned = mentioned || (f.tag == hb_tag_from_string(tag, 4) && f.start == HB_FEATURE_GLOBAL_START &&
                                  f.end == HB_FEATURE_GLOBAL_END);
      if (!mentioned) explain->features.push_back(tag);
    }
    for (const auto& f : shaper.features) explain->features.push_back(feature_text(f));
    for (const auto& f : guard.extra) explain->features.push_back(feature_text(f));
  }
  return glyphs;
}

}  // namespace

std::string format_glyphs(const font::Face& face, const std::vector<ShapedGlyph>& glyphs, size_t base) {
  // Exactly hb_buffer_serialize_glyphs' text format with glyph names:
  // [name=cluster@x_offset,y_offset+x_advance|…], the offsets only when one
  // is non-zero.
  std::string out = "[";
  for (size_t i = 0; i < glyphs.size(); ++i) {
    const ShapedGlyph& g = glyphs[i];
    if (i > 0) out += '|';
    out += face.glyph_name(g.id);
    out += '=';
    out += std::to_string(static_cast<long long>(g.cluster) - static_cast<long long>(base));
    if (g.x_offset != 0 || g.y_offset != 0) {
      out += '@';
      out += std::to_string(g.x_offset);
      out += ',';
      out += std::to_string(g.y_offset);
    }
    out += '+';
    out += std::to_string(g.x_advance);
  }
  out += ']';
  return out;
}

}  // namespace jan20::text
