#include "text/dotted_i.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <unicode/uchar.h>

#include "core/utf.h"

namespace jan20::text {
namespace {

constexpr char32_t kSmallI = 0x0069;
constexpr char32_t kCapitalIDot = 0x0130;

bool is_dotted_i(char32_t cp) { return cp == kSmallI || cp == kCapitalIDot; }

bool is_mark(char32_t cp) {
  int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

bool is_format(char32_t cp) {
  int8_t t = u_charType(static_cast<UChar32>(cp));
  return t == U_FORMAT_CHAR || t == U_CONTROL_CHAR;
}

hb_feature_t off(const char* tag, unsigned start, unsigned end) {
  return {hb_tag_from_string(tag, 4), 0, start, end};
}

bool feature_on(const std::vector<hb_feature_t>& features, const char* tag) {
  hb_tag_t t = hb_tag_from_string(tag, 4);
  bool on = false;
  for (const auto& f : features)
    if (f.tag == t && f.start == HB_FEATURE_GLOBAL_START && f.end == HB_FEATURE_GLOBAL_END) on = f.value != 0;
  return on;
}

// A cluster: the characters [begin, end) of the text and the glyphs that draw them.
struct Cluster {
  unsigned begin = 0, end = 0;
  std::vector<size_t> glyphs;  // indexes into the glyph vector
};

// Clusters in logical order. HarfBuzz's cluster values are the first byte of
// each cluster; a cluster runs to the next cluster value (or the item's end).
std::vector<Cluster> clusters_of(const std::vector<ShapedGlyph>& glyphs, size_t item_end) {
  std::vector<std::pair<unsigned, size_t>> order;  // (cluster, glyph index)
  order.reserve(glyphs.size());
  for (size_t g = 0; g < glyphs.size(); ++g) order.emplace_back(glyphs[g].cluster, g);
  std::sort(order.begin(), order.end());
  std::vector<Cluster> out;
  for (const auto& [cluster, g] : order) {
    if (out.empty() || out.back().begin != cluster) {
      if (!out.empty()) out.back().end = cluster;
      out.push_back({cluster, cluster, {}});
    }
    out.back().glyphs.push_back(g);
  }
  if (!out.empty()) out.back().end = static_cast<unsigned>(item_end);
  return out;
}

// Contour counts of the glyphs seen in one guard run (CFF outlines are not
// free to interpret, and a paragraph repeats the same few i glyphs).
class ContourCounts {
 public:
  explicit ContourCounts(const font::Face& face) : face_(face) {}
  int operator()(uint32_t gid) {
    auto [it, inserted] = counts_.try_emplace(gid, 0);
    if (inserted) it->second = face_.contour_count(gid);
    return it->second;
  }

 private:
  const font::Face& face_;
  std::unordered_map<uint32_t, int> counts_;
};

enum class Problem { None, Ligature, LostDot };

struct Diagnosis {
  Problem problem = Problem::None;
  char32_t letter = 0;  // the dotted i of the cluster
  std::vector<std::pair<unsigned, unsigned>> letters;  // byte ranges of its dotted i's
};

Diagnosis diagnose(const font::Face& face, ContourCounts& contours, std::string_view text, const Cluster& c,
                   const std::vector<ShapedGlyph>& glyphs) {
  Diagnosis d;
  if (!has_dotted_i(text, c.begin, std::min<size_t>(c.end, text.size()))) return d;
  int bases = 0;
  bool marks = false;
  for (size_t pos = c.begin; pos < c.end && pos < text.size();) {
    size_t at = pos;
    char32_t cp = utf8_next(text, pos);
    if (is_dotted_i(cp)) {
      if (d.letter == 0) d.letter = cp;
      d.letters.emplace_back(static_cast<unsigned>(at), static_cast<unsigned>(pos));
    }
    if (is_mark(cp))
      marks = true;
    else if (!is_format(cp))
      ++bases;
  }
  if (d.letter == 0) return d;
  if (bases >= 2) {
    d.problem = Problem::Ligature;
    return d;
  }
  if (marks) return d;  // Soft_Dotted: a mark above takes the place of the dot
  uint32_t nominal = face.glyph_for(d.letter);
  if (nominal == 0) return d;  // the font has no i: nothing to compare with
  if (c.glyphs.size() == 1 && glyphs[c.glyphs[0]].id == nominal) return d;  // the usual case, no outline needed
  int wanted = contours(nominal);
  int drawn = 0;
  for (size_t g : c.glyphs) drawn += contours(glyphs[g].id);
  if (drawn < wanted) d.problem = Problem::LostDot;
  return d;
}

std::string cluster_text(std::string_view text, const Cluster& c) {
  return std::string(text.substr(c.begin, c.end - c.begin));
}

std::string byte_range(unsigned b, unsigned e) { return std::to_string(b) + "-" + std::to_string(e); }

}  // namespace

bool has_dotted_i(std::string_view text, size_t begin, size_t end) {
  std::string_view item = text.substr(begin, end - begin);
  return item.find('i') != std::string_view::npos || item.find("\xC4\xB0") != std::string_view::npos;
}

bool every_dotted_i_drawn_plainly(const font::Face& face, std::string_view text, size_t begin, size_t end,
                                  const std::vector<ShapedGlyph>& glyphs) {
  end = std::min(end, text.size());
  // The clusters the guard would make, in the same bounds: each glyph's
  // runs from its cluster value to the next glyph's (the last to `end`).
  for (size_t g = 0; g < glyphs.size(); ++g) {
    const size_t at = glyphs[g].cluster;
    const size_t next = g + 1 < glyphs.size() ? glyphs[g + 1].cluster : end;
    if (next <= at || at < begin || next > end) return false;  // not one glyph per cluster, in order
    if (!has_dotted_i(text, at, next)) continue;
    size_t pos = at;
    const char32_t cp = utf8_next(text, pos);
    if (pos != next || !is_dotted_i(cp) || glyphs[g].id != face.glyph_for(cp)) return false;
  }
  return true;
}

std::vector<ShapedGlyph> guard_dotted_i(const DottedIInput& input, std::vector<ShapedGlyph> glyphs,
                                        DottedIReport* report) {
  DottedIReport local;
  DottedIReport& out = report ? *report : local;
  const font::Face& face = *input.face;
  const bool small_caps = feature_on(input.features, "smcp") || feature_on(input.features, "c2sc") ||
                          feature_on(input.features, "pcap") || feature_on(input.features, "c2pc") ||
                          feature_on(input.features, "unic");
  ContourCounts contours(face);
  std::map<unsigned, int> escalation;   // cluster begin -> fixes tried there
  std::map<unsigned, uint32_t> dotted_small_cap;  // cluster begin -> replacement glyph
  std::vector<hb_feature_t> extra;

  // The font's small capital İ, found once: c2sc/c2pc applied to U+0130.
  bool small_cap_searched = false;
  uint32_t small_cap_idot = 0;
  auto find_small_cap_idot = [&]() {
    if (small_cap_searched) return small_cap_idot;
    small_cap_searched = true;
    std::vector<hb_feature_t> caps;
    if (feature_on(input.features, "smcp") || feature_on(input.features, "c2sc") || feature_on(input.features, "unic"))
      caps.push_back({hb_tag_from_string("c2sc", 4), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END});
    if (feature_on(input.features, "pcap") || feature_on(input.features, "c2pc"))
      caps.push_back({hb_tag_from_string("c2pc", 4), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END});
    std::vector<ShapedGlyph> g = input.shape_alone("\xC4\xB0", caps);
    uint32_t capital = face.glyph_for(kCapitalIDot);
    uint32_t small = face.glyph_for(kSmallI);
    // A real small capital: not the full capital, and with its dot.
    if (g.size() == 1 && g[0].id != capital && g[0].id != 0 &&
        contours(g[0].id) >= contours(small))
      small_cap_idot = g[0].id;
    return small_cap_idot;
  };

  // Each round fixes what it sees and shapes again; a fix that did not help
  // is escalated once, then the cluster is reported unresolved.
  for (int round = 0; round < 4; ++round) {
    std::vector<Cluster> clusters = clusters_of(glyphs, input.end);
    bool changed = false;
    for (size_t k = 0; k < clusters.size(); ++k) {
      const Cluster& c = clusters[k];
      if (dotted_small_cap.count(c.begin)) continue;
      Diagnosis d = diagnose(face, contours, input.text, c, glyphs);
      if (d.problem == Problem::None) continue;
      int& tried = escalation[c.begin];
      if (tried >= 2) {
        out.unresolved = true;
        continue;
      }
      ++tried;
      std::string what = "'" + cluster_text(input.text, c) + "' at bytes " + byte_range(c.begin, c.end);
      if (d.problem == Problem::Ligature) {
        // HarfBuzz forms a ligature only when every component glyph has the
        // feature on, so turning it off for the i alone suffices and keeps
        // the rest ("ffi" becomes f_f + i, not f + f + i).
        if (tried == 1) {
          for (const auto& [b, e] : d.letters)
            for (const char* tag : {"liga", "clig", "dlig", "hlig"}) extra.push_back(off(tag, b, e));
        } else {
          for (const char* tag : {"liga", "clig", "dlig", "hlig", "calt", "rlig", "ccmp"})
            extra.push_back(off(tag, c.begin, c.end));
        }
        out.actions.push_back("ligature over " + what + " split");
        changed = true;
      } else if (small_caps && tried == 1) {
        uint32_t g = c.glyphs.size() == 1 ? find_small_cap_idot() : 0;
        if (g != 0) {
          dotted_small_cap[c.begin] = g;
          out.actions.push_back("dotless small-cap i at " + what + " drawn as the font's small-cap İ (" +
                                face.glyph_name(g) + ")");
        } else {
          for (const char* tag : {"smcp", "c2sc", "pcap", "c2pc", "unic"}) extra.push_back(off(tag, c.begin, c.end));
          out.actions.push_back("dotless small-cap i at " + what + " set as a lower-case i (the font has no dotted small-cap i)");
          changed = true;
        }
      } else {
        // The rule that removed the dot may sit on a neighbour (f before i).
        unsigned from = k > 0 ? clusters[k - 1].begin : c.begin;
        unsigned to = k + 1 < clusters.size() ? clusters[k + 1].end : c.end;
        for (const char* tag : {"liga", "clig", "dlig", "hlig", "calt"}) extra.push_back(off(tag, from, to));
        if (tried == 2)
          for (const char* tag : {"rlig", "ccmp", "rclt"}) extra.push_back(off(tag, from, to));
        out.actions.push_back("dotless i at " + what + " restored (contextual forms off at bytes " +
                              byte_range(from, to) + ")");
        changed = true;
      }
    }
    if (!changed) break;
    glyphs = input.reshape(extra);
    out.applied = true;
  }
  // Small-cap replacements last: a reshape would undo them.
  if (!dotted_small_cap.empty()) {
    for (auto& g : glyphs) {
      auto it = dotted_small_cap.find(g.cluster);
      if (it == dotted_small_cap.end()) continue;
      g.id = it->second;
      g.x_advance = face.advance(it->second);
      out.applied = true;
    }
  }
  out.extra = std::move(extra);
  return glyphs;
}

}  // namespace jan20::text
