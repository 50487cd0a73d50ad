#include "shaping.h"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace jan20::testing {
namespace {

struct Font {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit Font(const std::string& path) {
    blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) throw std::runtime_error("cannot read " + path);
    face = hb_face_create(blob, 0);
    font = hb_font_create(face);
  }
  ~Font() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
};

}  // namespace

model::FontResource font_resource(const std::string& path) {
  Font f(path);
  model::FontResource r;
  r.path = path;
  r.units_per_em = static_cast<int>(hb_face_get_upem(f.face));
  char name[128];
  unsigned len = sizeof name;
  hb_ot_name_get_utf8(f.face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
  r.postscript_name = name;
  return r;
}

model::GlyphRun shape_run(const std::string& path, int font_index, const std::string& text, double size,
                          double x, double y, const ShapeOptions& options) {
  Font f(path);
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, text.c_str(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buf);
  hb_buffer_set_direction(buf, options.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_language(buf, hb_language_from_string(options.lang.c_str(), -1));
  std::vector<hb_feature_t> features;
  size_t start = 0;
  while (start < options.features.size()) {
    size_t end = options.features.find(',', start);
    if (end == std::string::npos) end = options.features.size();
    hb_feature_t feat;
    if (hb_feature_from_string(options.features.c_str() + start, static_cast<int>(end - start), &feat))
      features.push_back(feat);
    start = end + 1;
  }
  hb_shape(f.font, buf, features.data(), static_cast<unsigned>(features.size()));
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);

  model::GlyphRun run;
  run.font = font_index;
  run.size = size;
  run.x = x;
  run.y = y;
  run.text = text;
  run.lang = options.lang;
  run.rtl = options.rtl;
  std::vector<model::Glyph> glyphs(n);
  // Cluster ends: the next larger cluster value in the text, or its end.
  std::vector<uint32_t> clusters;
  for (unsigned i = 0; i < n; ++i) clusters.push_back(info[i].cluster);
  std::sort(clusters.begin(), clusters.end());
  clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
  auto cluster_end = [&](uint32_t c) {
    auto it = std::upper_bound(clusters.begin(), clusters.end(), c);
    return it == clusters.end() ? static_cast<uint32_t>(text.size()) : *it;
  };
  // In logical order, the first glyph of a cluster carries its text; the
  // others cover an empty range.
  std::vector<bool> seen(text.size() + 1, false);
  for (unsigned k = 0; k < n; ++k) {
    unsigned i = options.rtl ? n - 1 - k : k;
    model::Glyph& g = glyphs[i];
    g.id = info[i].codepoint;
    g.x_advance = pos[i].x_advance;
    g.x_offset = pos[i].x_offset;
    g.y_offset = pos[i].y_offset;
    uint32_t c = info[i].cluster;
    if (!seen[c]) {
      seen[c] = true;
      g.text_begin = c;
      g.text_end = cluster_end(c);
    } else {
      g.text_begin = g.text_end = c;
    }
  }
  run.glyphs.assign(glyphs.begin(), glyphs.end());
  hb_buffer_destroy(buf);
  return run;
}

void append_inserted_hyphen(model::GlyphRun& run, const std::string& path) {
  Font f(path);
  hb_codepoint_t gid = 0;
  hb_font_get_nominal_glyph(f.font, '-', &gid);
  model::Glyph g;
  g.id = gid;
  g.x_advance = hb_font_get_glyph_h_advance(f.font, gid);
  g.text_begin = g.text_end = static_cast<uint32_t>(run.text.size());
  run.glyphs.push_back(g);
  run.hyphenated = true;
}

double run_width(const model::GlyphRun& run, int units_per_em) {
  double w = 0;
  for (const model::Glyph& g : run.glyphs) w += g.x_advance * run.size / units_per_em + g.extra;
  return w;
}

}  // namespace jan20::testing
