#include "pdf/glyph_font.h"

#include <algorithm>
#include <cmath>

#include "pdf/content.h"
#include "pdf/digest.h"
#include "pdf/to_unicode.h"

namespace jan20::pdf {
namespace {

// OS/2 fsType bits (OpenType spec): 0x0002 restricted licence embedding (no
// embedding at all), 0x0200 bitmap embedding only.
constexpr uint16_t kFsTypeRestricted = 0x0002;
constexpr uint16_t kFsTypeBitmapOnly = 0x0200;
constexpr uint16_t kFsTypeNoSubsetting = 0x0100;

// A PostScript name keeps to printable ASCII without PDF delimiters.
std::string sanitize_name(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (c > 0x20 && c < 0x7F && std::string_view("()<>[]{}/%#").find(static_cast<char>(c)) == std::string_view::npos)
      out += static_cast<char>(c);
  }
  if (out.size() > 100) out.resize(100);
  return out.empty() ? "Font" : out;
}

// A /W number: integral widths as integers, others with 3 decimals, the same
// value the content stream's pen tracking assumes.
double width_value(int advance, int upem) {
  double w = advance * 1000.0 / upem;
  return std::round(w * 1000.0) / 1000.0;
}

HPDF_Array box_array(HPDF_MMgr mmgr, const int bbox[4], int upem) {
  HPDF_Array a = HPDF_Array_New(mmgr);
  for (int i = 0; i < 4; ++i) HPDF_Array_AddNumber(a, static_cast<HPDF_INT32>(std::lround(bbox[i] * 1000.0 / upem)));
  return a;
}

HPDF_STATUS add_width(HPDF_MMgr mmgr, HPDF_Array list, double w) {
  if (w == std::floor(w)) return HPDF_Array_AddNumber(list, static_cast<HPDF_INT32>(w));
  return HPDF_Array_Add(list, HPDF_Real_New(mmgr, static_cast<HPDF_REAL>(w)));
}

HPDF_Dict new_stream(HaruDoc& doc, std::string bytes) { return doc.new_stream_deflated_later(std::move(bytes)); }

HPDF_Dict new_indirect_dict(HaruDoc& doc) {
  HPDF_Dict d = HPDF_Dict_New(doc.mmgr());
  if (d) HPDF_Xref_Add(doc.xref(), d);
  return d;
}

}  // namespace

GlyphMapping assign_cids(const FontUse& use, const std::map<uint32_t, uint32_t>& old_to_new,
                         const std::function<int(uint32_t)>& advance, int units_per_em, bool cid_per_text,
                         std::vector<uint16_t>* cid_to_gid) {
  GlyphMapping map;
  map.units_per_em = units_per_em;
  if (cid_to_gid) cid_to_gid->assign(1, 0);  // CID 0 is .notdef
  uint32_t next_cid = 1;
  for (const auto& [gid, texts] : use.texts) {
    auto subset_gid = old_to_new.find(gid);
    if (subset_gid == old_to_new.end()) continue;
    double width = width_value(advance(gid), units_per_em);
    if (cid_per_text) {
      for (const auto& [text, count] : texts) {
        auto cid = static_cast<uint16_t>(next_cid++);
        map.cid[{gid, text}] = cid;
        map.width[cid] = width;
        if (!text.empty()) map.unicode[cid] = text;
        if (cid_to_gid) cid_to_gid->push_back(static_cast<uint16_t>(subset_gid->second));
      }
    } else {
      auto cid = static_cast<uint16_t>(subset_gid->second);
      // The most frequent non-empty text (ties: the smaller text) maps.
      const std::string* best = nullptr;
      int best_count = 0;
      for (const auto& [text, count] : texts) {
        map.cid[{gid, text}] = cid;
        if (!text.empty() && count > best_count) {
          best = &text;
          best_count = count;
        }
      }
      map.width[cid] = width;
      if (best) map.unicode[cid] = *best;
    }
  }
  return map;
}

namespace {

// OS/2 fsType 0x0100 ("no subsetting") asks for the whole font: every
// glyph keeps its id and the name gets no subset tag.
bool subsetting(const model::FontResource& resource, const FontMetrics& m) {
  return resource.subsetting_allowed && !(m.fs_type & kFsTypeNoSubsetting);
}

}  // namespace

PreparedFont prepare_glyph_font(const model::FontResource& resource, const FontProgram& program,
                                const GlyphPairs& pairs) {
  PreparedFont prepared;
  prepared.use = font_use(pairs);
  const FontMetrics& m = program.metrics();
  if (m.fs_type & (kFsTypeRestricted | kFsTypeBitmapOnly)) {
    prepared.refused = PreparedFont::Refused::Licence;
    return prepared;
  }
  for (uint32_t gid : prepared.use.gids) {
    if (gid >= program.glyph_count()) {
      prepared.refused = PreparedFont::Refused::GlyphOutOfRange;
      prepared.bad_glyph = gid;
      return prepared;
    }
  }
  prepared.subset = subsetting(resource, m) ? program.subset(prepared.use.gids, &prepared.error)
                                            : program.whole(prepared.use.gids, &prepared.error);
  return prepared;
}

bool embed_glyph_font(HaruDoc& doc, const model::FontResource& resource, const FontProgram& program,
                      const GlyphPairs& pairs, PreparedFont prepared, EmbeddedFont* out, DiagnosticSink& sink) {
  SourceLocation where{resource.path};
  const FontUse& use = prepared.use;
  const FontMetrics& m = program.metrics();
  if (prepared.refused == PreparedFont::Refused::Licence) {
    sink.error(where, "the font's licence forbids embedding its outlines (OS/2 fsType " +
                          std::to_string(m.fs_type) + ")",
               "choose a font whose licence allows embedding, such as the Noto or EB Garamond fonts");
    return false;
  }
  if (prepared.refused == PreparedFont::Refused::GlyphOutOfRange) {
    sink.error(where, "glyph " + std::to_string(prepared.bad_glyph) + " is out of range: the font has " +
                          std::to_string(program.glyph_count()) + " glyphs",
               "the document was shaped with a different font file; rebuild it");
    return false;
  }
  const bool subset_font = subsetting(resource, m);
  std::optional<FontSubset>& subset = prepared.subset;
  if (!subset) {
    sink.error(where, std::string(subset_font ? "cannot subset the font: " : "cannot embed the font: ") + prepared.error);
    return false;
  }
  if (pairs.size() >= 0xFFFF || subset->old_to_new.size() >= 0xFFFF) {
    sink.error(where, "more than 65535 different glyphs of one font", "split the document");
    return false;
  }
  std::vector<uint16_t> cid_to_gid;
  out->mapping = assign_cids(use, subset->old_to_new, [&](uint32_t g) { return program.advance(g); },
                             m.units_per_em, !m.cff, &cid_to_gid);
  index_pairs(pairs, out->mapping);
  const GlyphMapping& map = out->mapping;
  std::vector<CidText> to_unicode;
  for (const auto& [cid, text] : map.unicode) to_unicode.push_back({cid, text});

  // Subset prefix from the embedded bytes: two different subsets of one font
  // get different names, two renders of one document the same name.
  std::string ps_name = sanitize_name(!m.postscript_name.empty() ? m.postscript_name : resource.postscript_name);
  out->base_font = subset_font ? subset_tag(subset->program) + "+" + ps_name : ps_name;
  HPDF_MMgr mmgr = doc.mmgr();

  const size_t program_size = subset->program.size();
  HPDF_Dict file = new_stream(doc, std::move(subset->program));
  if (!file) return doc.check(sink, "embedding font " + resource.path);
  if (m.cff) {
    HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
  } else {
    HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(program_size));
  }

  HPDF_Dict descriptor = new_indirect_dict(doc);
  if (!descriptor) return doc.check(sink, "embedding font " + resource.path);
  const double scale = 1000.0 / m.units_per_em;
  // Flags (ISO 32000-1 Table 123): Symbolic (4) always: the glyphs are
  // addressed by id, not through a standard character set.
  int flags = 4;
  if (m.fixed_pitch) flags |= 1;
  if (m.italic_angle != 0) flags |= 64;
  // StemV is required but not in the font: estimate it from the weight class.
  int stem_v = static_cast<int>(std::lround(10 + 0.22 * std::max(0, m.weight - 50)));
  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", out->base_font.c_str());
  HPDF_Dict_AddNumber(descriptor, "Flags", flags);
  HPDF_Dict_Add(descriptor, "FontBBox", box_array(mmgr, m.bbox, m.units_per_em));
  HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(m.italic_angle));
  HPDF_Dict_AddNumber(descriptor, "Ascent", static_cast<HPDF_INT32>(std::lround(m.ascent * scale)));
  HPDF_Dict_AddNumber(descriptor, "Descent", static_cast<HPDF_INT32>(std::lround(m.descent * scale)));
  HPDF_Dict_AddNumber(descriptor, "CapHeight", static_cast<HPDF_INT32>(std::lround(m.cap_height * scale)));
  HPDF_Dict_AddNumber(descriptor, "StemV", stem_v);
  HPDF_Dict_Add(descriptor, m.cff ? "FontFile3" : "FontFile2", file);

  HPDF_Dict cid_font = new_indirect_dict(doc);
  if (!cid_font) return doc.check(sink, "embedding font " + resource.path);
  HPDF_Dict_AddName(cid_font, "Type", "Font");
  HPDF_Dict_AddName(cid_font, "Subtype", m.cff ? "CIDFontType0" : "CIDFontType2");
  HPDF_Dict_AddName(cid_font, "BaseFont", out->base_font.c_str());
  HPDF_Dict system_info = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(system_info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(system_info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(system_info, "Supplement", 0);
  HPDF_Dict_Add(cid_font, "CIDSystemInfo", system_info);
  HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
  HPDF_Array w = HPDF_Array_New(mmgr);
  HPDF_Dict_Add(cid_font, "W", w);
  // /W: c [w1 w2 …] for each stretch of consecutive CIDs.
  int prev = -2;
  HPDF_Array group = nullptr;
  for (const auto& [cid, width] : map.width) {
    if (cid != prev + 1 || !group) {
      HPDF_Array_AddNumber(w, cid);
      group = HPDF_Array_New(mmgr);
      HPDF_Array_Add(w, group);
    }
    add_width(mmgr, group, width);
    prev = cid;
  }
  if (!m.cff) {
    // Two bytes per CID: the subset glyph it shows (ISO 32000-1 §9.7.4.2).
    std::string bytes;
    for (uint16_t g : cid_to_gid) {
      bytes += static_cast<char>(g >> 8);
      bytes += static_cast<char>(g & 0xFF);
    }
    HPDF_Dict cid_map = new_stream(doc, std::move(bytes));
    if (!cid_map) return doc.check(sink, "embedding font " + resource.path);
    HPDF_Dict_Add(cid_font, "CIDToGIDMap", cid_map);
  }

  HPDF_Dict cmap = new_stream(doc, build_to_unicode_cmap(to_unicode));
  if (!cmap) return doc.check(sink, "embedding font " + resource.path);

  HPDF_Dict type0 = new_indirect_dict(doc);
  if (!type0) return doc.check(sink, "embedding font " + resource.path);
  HPDF_Dict_AddName(type0, "Type", "Font");
  HPDF_Dict_AddName(type0, "Subtype", "Type0");
  HPDF_Dict_AddName(type0, "BaseFont", out->base_font.c_str());
  HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
  HPDF_Array descendants = HPDF_Array_New(mmgr);
  HPDF_Array_Add(descendants, cid_font);
  HPDF_Dict_Add(type0, "DescendantFonts", descendants);
  HPDF_Dict_Add(type0, "ToUnicode", cmap);
  out->type0 = type0;
  // Object-layer calls can return OK and still record an error: check here.
  return doc.check(sink, "embedding font " + resource.path);
}

}  // namespace jan20::pdf
