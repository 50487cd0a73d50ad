#include "pdf/font_program.h"

#include <hb-ot.h>
#include <hb.h>
#include <hb-subset.h>

#include <algorithm>

#include "core/c_handle.h"
#include "core/font_file_blob.h"

namespace jan20::pdf {
namespace {

int16_t be_i16(const std::string& t, size_t at) {
  if (t.size() < at + 2) return 0;
  return static_cast<int16_t>((static_cast<uint8_t>(t[at]) << 8) | static_cast<uint8_t>(t[at + 1]));
}
uint16_t be_u16(const std::string& t, size_t at) { return static_cast<uint16_t>(be_i16(t, at)); }
int32_t be_i32(const std::string& t, size_t at) {
  return static_cast<int32_t>((static_cast<uint32_t>(be_u16(t, at)) << 16) | be_u16(t, at + 2));
}

// The HarfBuzz objects used while subsetting.
using SubsetInput = CHandle<hb_subset_input_t, hb_subset_input_destroy>;
using SubsetPlan = CHandle<hb_subset_plan_t, hb_subset_plan_destroy>;
using HbFace = CHandle<hb_face_t, hb_face_destroy>;
using HbBlob = CHandle<hb_blob_t, hb_blob_destroy>;
using HbSet = CHandle<hb_set_t, hb_set_destroy>;

// A blob's bytes, copied (empty for a null or empty blob).
std::string bytes_of(const HbBlob& blob) {
  unsigned n = 0;
  const char* d = hb_blob_get_data(blob.get(), &n);
  return d ? std::string(d, n) : std::string();
}

}  // namespace

struct FontProgram::Handles {
  // Released in reverse order: the font, then the face, then the file's blob.
  HbBlob blob;
  HbFace face;
  CHandle<hb_font_t, hb_font_destroy> font;
};

// Code points by glyph: those of glyph g are code_points[first[g] .. first[g + 1]).
// Kept on the face as HarfBuzz user data, so that the editions of a build,
// which share the font stage's faces, build it once between them.
struct FontProgram::ReverseCmap {
  bool variation_sequences = false;  // the cmap has a format 14 subtable with some
  std::vector<uint32_t> first;
  std::vector<uint32_t> code_points;
};

namespace {
hb_user_data_key_t reverse_cmap_key;  // its address is the key; it holds nothing
}  // namespace

FontProgram::~FontProgram() = default;

std::unique_ptr<FontProgram> FontProgram::open(const std::string& path, int index, std::string* error) {
  std::unique_ptr<FontProgram> f(new FontProgram);
  f->hb_ = std::make_unique<Handles>();
  FileProblem problem;
  f->hb_->blob.reset(map_font_file(path, &problem));
  if (!f->hb_->blob) {
    *error = problem.kind == FileProblem::missing ? "cannot read font file '" + path + "'"
                                                  : "font file '" + path + "' " + problem.phrase;
    return nullptr;
  }
  f->hb_->face.reset(hb_face_create(f->hb_->blob.get(), static_cast<unsigned>(index)));
  return finish(std::move(f), path, index, error);
}

std::unique_ptr<FontProgram> FontProgram::share(hb_face_t* face, const std::string& path, int index,
                                                std::string* error) {
  std::unique_ptr<FontProgram> f(new FontProgram);
  f->hb_ = std::make_unique<Handles>();
  f->hb_->blob.reset(hb_face_reference_blob(face));  // the whole file, as hb_face_create was given it
  f->hb_->face.reset(hb_face_reference(face));
  return finish(std::move(f), path, index, error);
}

std::unique_ptr<FontProgram> FontProgram::finish(std::unique_ptr<FontProgram> f, const std::string& path, int index,
                                                 std::string* error) {
  if (hb_face_get_glyph_count(f->hb_->face.get()) == 0) {
    *error = "'" + path + "' (face " + std::to_string(index) + ") is not a font HarfBuzz can read";
    return nullptr;
  }
  f->hb_->font.reset(hb_font_create(f->hb_->face.get()));  // scale = units per em: advances in font units
  f->read_metrics();
  if (!f->metrics_.cff && !f->has_table(HB_TAG('g', 'l', 'y', 'f'))) {
    *error = "'" + path + "' has neither TrueType ('glyf') nor CFF outlines (CFF2 and bitmap fonts are not supported)";
    return nullptr;
  }
  return f;
}

bool FontProgram::has_table(uint32_t tag) const {
  return hb_blob_get_length(HbBlob(hb_face_reference_table(hb_->face.get(), tag)).get()) > 0;
}

std::string FontProgram::table(uint32_t tag) const {
  return bytes_of(HbBlob(hb_face_reference_table(hb_->face.get(), tag)));
}

void FontProgram::read_metrics() {
  FontMetrics& m = metrics_;
  m.units_per_em = static_cast<int>(hb_face_get_upem(hb_->face.get()));
  hb_position_t v = 0;
  if (hb_ot_metrics_get_position(hb_->font.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) m.ascent = v;
  if (hb_ot_metrics_get_position(hb_->font.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) m.descent = v;
  if (hb_ot_metrics_get_position(hb_->font.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &v)) m.cap_height = v;
  if (m.cap_height == 0) m.cap_height = m.ascent;
  std::string head = table(HB_TAG('h', 'e', 'a', 'd'));
  for (int i = 0; i < 4; ++i) m.bbox[i] = be_i16(head, 36 + 2 * static_cast<size_t>(i));
  std::string post = table(HB_TAG('p', 'o', 's', 't'));
  m.italic_angle = be_i32(post, 4) / 65536.0;
  m.fixed_pitch = post.size() >= 16 && be_i32(post, 12) != 0;
  std::string os2 = table(HB_TAG('O', 'S', '/', '2'));
  if (os2.size() >= 10) {
    m.weight = be_u16(os2, 4);
    m.fs_type = be_u16(os2, 8);
  }
  m.cff = has_table(HB_TAG('C', 'F', 'F', ' '));
  char name[128];
  unsigned len = sizeof name;
  if (hb_ot_name_get_utf8(hb_->face.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name) > 0)
    m.postscript_name = name;
}

unsigned FontProgram::glyph_count() const { return hb_face_get_glyph_count(hb_->face.get()); }

int FontProgram::advance(uint32_t gid) const { return hb_font_get_glyph_h_advance(hb_->font.get(), gid); }

uint32_t FontProgram::nominal_glyph(char32_t c) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(hb_->font.get(), c, &g) ? g : 0;
}

const FontProgram::ReverseCmap& FontProgram::reverse_cmap() const {
  hb_face_t* face = hb_->face.get();
  if (const auto* kept = static_cast<const ReverseCmap*>(hb_face_get_user_data(face, &reverse_cmap_key))) return *kept;
  auto r = std::make_unique<ReverseCmap>();
  HbSet selectors(hb_set_create());
  hb_face_collect_variation_selectors(face, selectors.get());
  r->variation_sequences = hb_set_get_population(selectors.get()) > 0;
  // Every code point of the cmap with its glyph, looked up in one call; then
  // counted out by glyph. The code points come in increasing order, and stay
  // so within each glyph's.
  HbSet unicodes(hb_set_create());
  hb_face_collect_unicodes(face, unicodes.get());
  std::vector<hb_codepoint_t> cps(hb_set_get_population(unicodes.get()));
  cps.resize(hb_set_next_many(unicodes.get(), HB_SET_VALUE_INVALID, cps.data(), static_cast<unsigned>(cps.size())));
  std::vector<hb_codepoint_t> glyphs(cps.size(), 0);
  // It stops at the first code point without a glyph; every one has one
  // (they come from the cmap), and the rest would be left out anyway.
  const unsigned found = hb_font_get_nominal_glyphs(hb_->font.get(), static_cast<unsigned>(cps.size()), cps.data(),
                                                    sizeof(hb_codepoint_t), glyphs.data(), sizeof(hb_codepoint_t));
  uint32_t count = glyph_count();
  for (size_t i = 0; i < found; ++i) count = std::max<uint32_t>(count, glyphs[i] + 1);
  r->first.assign(count + 1, 0);
  for (size_t i = 0; i < found; ++i) ++r->first[glyphs[i] + 1];
  for (uint32_t g = 0; g < count; ++g) r->first[g + 1] += r->first[g];
  r->code_points.resize(found);
  std::vector<uint32_t> next(r->first.begin(), r->first.end() - 1);
  for (size_t i = 0; i < found; ++i) r->code_points[next[glyphs[i]]++] = cps[i];
  // Two editions may build it at once: the first kept is the one used.
  auto destroy = [](void* p) { delete static_cast<ReverseCmap*>(p); };
  if (hb_face_set_user_data(face, &reverse_cmap_key, r.get(), destroy, false)) return *r.release();
  if (const auto* kept = static_cast<const ReverseCmap*>(hb_face_get_user_data(face, &reverse_cmap_key))) return *kept;
  // Not kept (out of memory): used once, then let go with this program.
  own_reverse_ = std::move(r);
  return *own_reverse_;
}

bool FontProgram::code_points_of(uint32_t gid, std::vector<uint32_t>& out) const {
  const ReverseCmap& r = reverse_cmap();
  if (r.variation_sequences || gid + 1 >= r.first.size()) return false;
  const uint32_t begin = r.first[gid], end = r.first[gid + 1];
  out.insert(out.end(), r.code_points.begin() + begin, r.code_points.begin() + end);
  return begin < end;
}

std::optional<FontSubset> FontProgram::subset(const std::set<uint32_t>& gids, std::string* error,
                                              bool ask_by_glyphs) const {
  SubsetInput input(hb_subset_input_create_or_fail());
  if (!input.get()) {
    *error = "hb-subset: out of memory";
    return std::nullopt;
  }
  // By code points when every glyph but 0 has some (see the header).
  std::vector<uint32_t> code_points;
  bool by_code_points = !ask_by_glyphs;
  for (auto g = gids.begin(); by_code_points && g != gids.end(); ++g)
    by_code_points = *g == 0 || code_points_of(*g, code_points);
  // hb-subset looks the code points up one by one only while they are fewer
  // than the font's glyphs.
  by_code_points = by_code_points && code_points.size() < glyph_count();
  if (by_code_points) {
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (uint32_t cp : code_points) hb_set_add(unicodes, cp);
  } else {
    hb_set_t* glyphs = hb_subset_input_glyph_set(input.get());
    hb_set_add(glyphs, 0);
    for (uint32_t g : gids) hb_set_add(glyphs, g);
  }
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t t : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                     HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
                     HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('h', 'd', 'm', 'x'),
                     HB_TAG('V', 'D', 'M', 'X'), HB_TAG('L', 'T', 'S', 'H'), HB_TAG('g', 'a', 's', 'p')})
    hb_set_add(drop, t);
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

  SubsetPlan plan(hb_subset_plan_create_or_fail(hb_->face.get(), input.get()));
  if (!plan.get()) {
    *error = "hb-subset could not plan the subset";
    return std::nullopt;
  }
  FontSubset out;
  out.by_code_points = by_code_points;
  const hb_map_t* mapping = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (uint32_t g : gids) {
    hb_codepoint_t n = hb_map_get(mapping, g);
    if (n == HB_MAP_VALUE_INVALID) {
      *error = "hb-subset dropped glyph " + std::to_string(g);
      return std::nullopt;
    }
    out.old_to_new[g] = n;
  }
  HbFace result(hb_subset_plan_execute_or_fail(plan.get()));
  if (!result.get()) {
    *error = "hb-subset failed to build the subset font";
    return std::nullopt;
  }
  HbBlob whole(hb_face_reference_blob(result.get()));
  if (!metrics_.cff) {
    out.program = bytes_of(whole);
  } else {
    // A face built by the subsetter lists no tables: re-read the serialized font.
    HbFace reread(hb_face_create(whole.get(), 0));
    HbBlob cff(hb_face_reference_table(reread.get(), HB_TAG('C', 'F', 'F', ' ')));
    out.program = bytes_of(cff);
  }
  if (out.program.empty()) {
    *error = "hb-subset produced an empty font";
    return std::nullopt;
  }
  return out;
}

std::optional<FontSubset> FontProgram::whole(const std::set<uint32_t>& gids, std::string* error) const {
  FontSubset out;
  for (uint32_t g : gids) out.old_to_new[g] = g;
  std::string file = bytes_of(HbBlob(hb_blob_reference(hb_->blob.get())));
  bool collection = file.compare(0, 4, "ttcf") == 0;
  if (metrics_.cff) {
    out.program = table(HB_TAG('C', 'F', 'F', ' '));
  } else if (!collection) {
    out.program = std::move(file);
  } else {
    SubsetInput input(hb_subset_input_create_or_fail());
    if (!input.get()) {
      *error = "hb-subset: out of memory";
      return std::nullopt;
    }
    hb_set_add_range(hb_subset_input_glyph_set(input.get()), 0, glyph_count() - 1);
    hb_face_collect_unicodes(hb_->face.get(), hb_subset_input_unicode_set(input.get()));
    hb_set_clear(hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG));
    hb_set_invert(hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_ID));
    hb_set_invert(hb_subset_input_set(input.get(), HB_SUBSET_SETS_NAME_LANG_ID));
    hb_set_invert(hb_subset_input_set(input.get(), HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_PASSTHROUGH_UNRECOGNIZED |
                                           HB_SUBSET_FLAGS_NAME_LEGACY | HB_SUBSET_FLAGS_GLYPH_NAMES |
                                           HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_PRUNE_UNICODE_RANGES);
    HbFace copy(hb_subset_or_fail(hb_->face.get(), input.get()));
    if (!copy.get()) {
      *error = "cannot copy the face out of its collection";
      return std::nullopt;
    }
    out.program = bytes_of(HbBlob(hb_face_reference_blob(copy.get())));
  }
  if (out.program.empty()) {
    *error = "the font file has no outlines to embed";
    return std::nullopt;
  }
  return out;
}

}  // namespace jan20::pdf
