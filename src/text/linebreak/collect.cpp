#include "text/linebreak/collect.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "core/utf.h"
#include "text/protrusion.h"
#include "text/script.h"

namespace jan20::text::linebreak {

namespace {

enum class CharClass { Content, Space, Tie, Mandatory };

CharClass classify(char32_t c) {
  switch (c) {
    case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x85: case 0x2028: case 0x2029:
      return CharClass::Mandatory;
    case 0xA0:  // no-break space: stretches like a space, never breaks
      return CharClass::Tie;
    case 0x202F: case 0x2007:  // narrow no-break and figure space: fixed, part of the word
      return CharClass::Content;
    default:
      return is_white_space(c) ? CharClass::Space : CharClass::Content;
  }
}

// A dash used as punctuation, spaced on both sides (" — ", " – "): the
// space before it never breaks, so no line starts with the dash (the
// typographer's no-break space, without changing the text).
bool spaced_dash_at(const std::u32string& cps, size_t j) {
  if (j >= cps.size() || (cps[j] != 0x2014 && cps[j] != 0x2013)) return false;
  return j + 1 == cps.size() || classify(cps[j + 1]) != CharClass::Content;
}

// Scripts whose letters join: a unit of such a script touching another one
// is always reshaped with context.
bool joins(hb_script_t script) {
  switch (script) {
    case HB_SCRIPT_ARABIC: case HB_SCRIPT_SYRIAC: case HB_SCRIPT_MONGOLIAN: case HB_SCRIPT_NKO:
    case HB_SCRIPT_MANDAIC: case HB_SCRIPT_ADLAM:
      return true;
    default:
      return false;
  }
}

bool same_shaping(const ParagraphInput& in, const text::ShapingRun& a, const text::ShapingRun& b) {
  return a.face == b.face && a.script == b.script && (a.bidi_level & 1) == (b.bidi_level & 1) && a.lang == b.lang &&
         in.spans[a.span].style.features == in.spans[b.span].style.features;
}

class Collector {
 public:
  explicit Collector(const CollectContext& ctx)
      : ctx_(ctx),
        in_(ctx.input),
        text_(ctx.input.text),
        own_(ctx.decoded ? CodePoints{} : decode_code_points(ctx.input.text)),
        cps_(ctx.decoded ? ctx.decoded->cps : own_.cps),
        at_(ctx.decoded ? ctx.decoded->at : own_.at) {
    // index_[b]: the first code point that starts at or after byte b.
    index_.resize(text_.size() + 1);
    for (size_t i = 0; i < cps_.size(); ++i) {
      index_[at_[i]] = static_cast<uint32_t>(i);
      for (size_t b = at_[i] + 1; b < at_[i + 1]; ++b) index_[b] = static_cast<uint32_t>(i + 1);
    }
    index_[text_.size()] = static_cast<uint32_t>(cps_.size());
    opportunity_.assign(text_.size() + 1, -1);
    for (const auto& o : ctx_.opportunities) opportunity_[o.offset] = static_cast<int>(o.kind);
    out_.em = in_.spans.empty() ? 10 : in_.spans.front().style.size;
    if (ctx_.prepared) {
      ctx_.prepared->use_cache(&ctx_.cache);
      style_ids_.assign(ctx_.shaping_runs.size(), kNoStyle);
    }
  }

  Collected run() {
    // Room for a paragraph of words of about six bytes and a space each (the
    // vectors grow past it when needed).
    const size_t words = text_.size() / 6 + 1;
    out_.units.reserve(words);
    out_.unit_glyphs.reserve(text_.size());  // about a glyph a byte: fewer in Azerbaijani, with its two-byte letters
    out_.fragments.reserve(words * 2);
    out_.spaces.reserve(words);
    out_.space_glyphs.reserve(words);
    out_.breaks.reserve(words);
    out_.words.reserve(words);
    out_.elements.reserve(words * 4);
    out_.nodes.reserve(words * 6);
    if (in_.first_indent > 0) {
      out_.nodes.push_back(Node::box(in_.first_indent, element(Element::Kind::Indent, 0)));
    }
    size_t i = 0;
    const size_t n = cps_.size();
    while (i < n && classify(cps_[i]) != CharClass::Content) ++i;  // leading white space is not set
    while (i < n) {
      size_t j = i;
      if (classify(cps_[i]) == CharClass::Content) {
        while (j < n && classify(cps_[j]) == CharClass::Content) ++j;
        add_word(at_[i], at_[j]);
      } else {
        while (j < n && classify(cps_[j]) != CharClass::Content) ++j;
        if (j == n) break;  // trailing white space is not set
        add_space(i, j);
      }
      i = j;
    }
    append_paragraph_end(out_.nodes);
    // A last line that fills the measure ends with its full stop in the
    // margin too (pdfTeX looks past \parfillskip for the last character).
    if (protrudes() && !out_.nodes.empty() && last_fragment_ends_paragraph_) out_.nodes.back().protrusion = last_right_;
    return std::move(out_);
  }

 private:
  size_t element(Element::Kind kind, size_t index) {
    out_.elements.push_back({kind, index});
    return out_.elements.size() - 1;
  }

  size_t item_at(size_t offset) const {
    const auto& runs = ctx_.shaping_runs;
    auto it = std::upper_bound(runs.begin(), runs.end(), offset,
                               [](size_t o, const text::ShapingRun& item) { return o < item.begin; });
    return it == runs.begin() ? 0 : static_cast<size_t>(it - runs.begin() - 1);
  }

  // White space from code point i to j (exclusive): glue, a tie or a forced break.
  void add_space(size_t i, size_t j) {
    last_fragment_ends_paragraph_ = false;
    SpaceRun s;
    s.begin = at_[i];
    s.end = at_[j];
    s.item = item_at(s.begin);
    const text::ShapingRun& item = ctx_.shaping_runs[s.item];
    const font::Face* face = item.face;
    const double scale = scale_of(in_, item), tracking = tracking_of(in_, item);
    bool tie = false;
    for (size_t k = i; k < j; ++k) {
      const CharClass c = classify(cps_[k]);
      if (c == CharClass::Mandatory) {
        s.mandatory = true;
        continue;
      }
      tie = tie || c == CharClass::Tie;
      uint32_t gid = face ? face->glyph_for(cps_[k]) : 0;
      if (gid == 0 && face) gid = face->glyph_for(U' ');
      const int32_t advance = face ? space_advance(face, gid) : 0;
      if (s.glyph_count == 0) s.first_glyph = out_.space_glyphs.size();
      out_.space_glyphs.push_back({gid, advance, at_[k]});
      ++s.glyph_count;
      s.width += advance * scale + tracking;
    }
    s.stretch = s.width * in_.params.space_stretch;
    s.shrink = s.width * in_.params.space_shrink;
    s.breakable = !tie && !spaced_dash_at(cps_, j) && opportunity_[s.end] == static_cast<int>(BreakOpportunity::Kind::Space);
    const bool mandatory = s.mandatory, breakable = s.breakable;
    const double width = s.width;
    out_.spaces.push_back(std::move(s));
    const size_t origin = element(Element::Kind::Space, out_.spaces.size() - 1);
    if (mandatory) {
      // TeX's \hfil\break: the line ends here and is set like a last line.
      // The penalty before the fil glue keeps the glue from being a break of
      // its own (which would leave an empty line before the forced break).
      out_.nodes.push_back(Node::penalty_node(kInfinitePenalty));
      Node fill = Node::glue(0, 0, 0, origin);
      fill.fil = 1;
      out_.nodes.push_back(fill);
      out_.nodes.push_back(Node::penalty_node(kForcedBreak));
    } else if (breakable) {
      append_space(out_.nodes, in_.align, width, out_.em, in_.params, origin);
      if (protrudes()) out_.nodes.back().protrusion = last_right_;  // a line ending here ends with that glyph
    } else {
      append_tie(out_.nodes, in_.align, width, out_.em, in_.params, origin);
      after_tie_ = true;
    }
  }

  // Shapes unit `index` onto the end of out_.unit_glyphs.
  void shape_unit(size_t index, bool touches_before, bool touches_after) {
    Unit& u = out_.units[index];
    const text::ShapingRun& item = ctx_.shaping_runs[u.item];
    std::vector<ShapedGlyph>& all = out_.unit_glyphs;
    u.first_glyph = all.size();
    last_cached_ = {index, ctx_.cache.shape_word_into(request_for(in_, item, text_, u.begin, u.end), all)};
    u.glyph_count = all.size() - u.first_glyph;
    const auto glyphs = all.begin() + static_cast<std::ptrdiff_t>(u.first_glyph);
    for (auto g = glyphs; g != all.end(); ++g) g->cluster += static_cast<uint32_t>(u.begin);
    if (!touches_before && !touches_after) return;
    // The unit touches another part of its word: shape it with the paragraph
    // as context where HarfBuzz says the edge depends on it.
    bool reshape = joins(item.script);
    for (auto g = glyphs; g != all.end(); ++g) {
      if (!g->unsafe_to_break) continue;
      if (touches_before && g->cluster == u.begin) reshape = true;
    }
    if (touches_after && u.glyph_count > 0) {
      uint32_t last = 0;
      for (auto g = glyphs; g != all.end(); ++g) last = std::max(last, g->cluster);
      for (auto g = glyphs; g != all.end(); ++g)
        if (g->cluster == last && g->unsafe_to_break) reshape = true;
    }
    if (!reshape) return;
    const std::vector<ShapedGlyph> reshaped = shape(request_for(in_, item, text_, u.begin, u.end));
    all.resize(u.first_glyph);
    all.insert(all.end(), reshaped.begin(), reshaped.end());
    u.glyph_count = reshaped.size();
  }

  bool extends_grapheme(size_t offset) const {
    const size_t i = index_of(offset);
    if (i >= cps_.size()) return false;
    const auto c = static_cast<UChar32>(cps_[i]);
    return u_hasBinaryProperty(c, UCHAR_GRAPHEME_EXTEND) || c == 0x200D;
  }
  size_t next_char(size_t offset) const { return at_[index_of(offset) + 1]; }
  // The index of the first code point at or after `offset` (std::lower_bound
  // over at_, read from a table).
  size_t index_of(size_t offset) const {
    return offset < index_.size() ? index_[offset] : at_.size();
  }

  // True when a glyph of the word's unit at `offset` starts there (or the
  // offset is a unit edge).
  bool starts_cluster(size_t first_unit, size_t offset) const {
    for (size_t u = first_unit; u < out_.units.size(); ++u) {
      const Unit& unit = out_.units[u];
      if (offset == unit.begin || offset == unit.end) return true;
      if (offset < unit.begin || offset > unit.end) continue;
      for (const auto& g : out_.glyphs_of(unit))
        if (g.cluster == offset) return true;
      return false;
    }
    return true;
  }

  // The hyphen inserted at a hyphenation point in `item`'s face: its advance
  // in font units and the fraction of it that protrudes, worked out once per
  // face and paragraph.
  struct Hyphen {
    int32_t units = 0;
    double right = 0;
  };
  const Hyphen& hyphen_of(const text::ShapingRun& item) {
    for (const auto& [face, hyphen] : hyphens_)
      if (face == item.face) return hyphen;
    const std::string h = hyphen_text(item.face);
    Hyphen hyphen;
    for (const auto& g : ctx_.cache.shape_word(request_for(in_, item, h, 0, h.size()))) hyphen.units += g.x_advance;
    size_t at = 0;
    hyphen.right = text::protrusion_of(item.face, utf8_next(h, at)).right;
    hyphens_.emplace_back(item.face, hyphen);
    return hyphens_.back().second;
  }
  double hyphen_width(const text::ShapingRun& item) {
    return hyphen_of(item).units * scale_of(in_, item) + tracking_of(in_, item);
  }

  // Character protrusion: justified lines only, and only left-to-right
  // runs at the paragraph's own level, whose logical ends are the line's
  // visual ends.
  bool protrudes() const { return in_.align == model::Align::Justify && in_.params.protrusion; }
  bool protrudes(const text::ShapingRun& item) const { return protrudes() && item.bidi_level == 0; }

  // pt the fragment's first glyph hangs out when it starts a line, and its
  // last glyph when it ends one (a glyph standing for one character only).
  std::pair<double, double> protrusion_of_fragment(const Fragment& f, const text::ShapingRun& item) const {
    const GlyphSpan glyphs = out_.glyphs_of(f);
    if (glyphs.empty() || !protrudes(item)) return {0, 0};
    const double scale = scale_of(in_, item);
    const ShapedGlyph& first = glyphs[0];
    const ShapedGlyph& last = glyphs[glyphs.size - 1];
    double left = 0, right = 0;
    const size_t i = index_of(first.cluster);
    const size_t next = glyphs.size > 1 ? glyphs[1].cluster : f.end;  // where the first glyph's text ends
    if (first.cluster == f.begin && i < cps_.size() && at_[i + 1] == next)
      left = text::protrusion_of(item.face, cps_[i]).left * first.x_advance * scale;
    const size_t j = index_of(last.cluster);
    if (j < cps_.size() && at_[j + 1] == f.end)
      right = text::protrusion_of(item.face, cps_[j]).right * last.x_advance * scale;
    return {left, right};
  }

  // Hyphenation points of the word as byte offsets, into `out`.
  void hyphenation_points(size_t begin, size_t end, const text::ShapingRun& item, std::vector<size_t>& out) {
    out.clear();
    if (!in_.hyphenate || (item.bidi_level & 1)) return;
    const std::string& lang = item.lang.empty() ? in_.lang : item.lang;
    if (!hyphenator_ || lang != hyphenator_lang_) {  // the build's, looked up when the language changes
      hyphenator_ = &ctx_.hyphenators.get(lang);
      hyphenator_lang_ = lang;
    }
    const Hyphenator& h = *hyphenator_;
    const size_t first = index_of(begin);
    const size_t last = index_of(end);
    const std::u32string_view word(cps_.data() + first, last - first);
    if (!in_.params.uc_hyphen) {  // TeX's \uchyph=0: a word that starts with a capital is not broken
      for (char32_t c : word) {
        if (!u_isalpha(static_cast<UChar32>(c))) continue;
        if (u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c))) return;
        break;
      }
    }
    for (size_t p : h.cached_points(word)) out.push_back(at_[first + p]);
  }

  // The style key of shaping run k (prepared_words.h): everything besides
  // the word that its glyphs, hyphenation points, fragments, widths and
  // protrusion depend on.
  uint32_t style_of(size_t k) {
    if (style_ids_[k] != kNoStyle) return style_ids_[k];
    const text::ShapingRun& item = ctx_.shaping_runs[k];
    std::string key;
    auto put = [&](const void* bytes, size_t n) { key.append(static_cast<const char*>(bytes), n); };
    const font::Face* face = item.face;
    const Hyphenators* hyphenators = &ctx_.hyphenators;
    put(&face, sizeof face);
    put(&hyphenators, sizeof hyphenators);
    put(&item.script, sizeof item.script);
    const int parity = item.bidi_level & 1;
    put(&parity, sizeof parity);
    const std::string& lang = item.lang.empty() ? in_.lang : item.lang;  // shaping's and hyphenation's
    key += lang;
    key += '\0';
    if (item.span < in_.spans.size())
      for (const std::string& f : in_.spans[item.span].style.features) {
        key += f;
        key += '\0';
      }
    key += '\1';
    const double scale = scale_of(in_, item), tracking = tracking_of(in_, item);
    put(&scale, sizeof scale);
    put(&tracking, sizeof tracking);
    const char flags[3] = {static_cast<char>(protrudes(item)), static_cast<char>(in_.hyphenate),
                           static_cast<char>(in_.params.uc_hyphen)};
    put(flags, sizeof flags);
    style_ids_[k] = ctx_.prepared->style_id(key);
    return style_ids_[k];
  }

  // A word that lies in one shaping run, with no break opportunity of the
  // paragraph inside it: what a prepared word can stand for. Its run, or
  // SIZE_MAX.
  size_t plain_word_run(size_t begin, size_t end) const {
    const size_t k = item_at(begin);
    const text::ShapingRun& item = ctx_.shaping_runs[k];
    if (item.begin > begin || item.end < end) return SIZE_MAX;
    for (size_t o = begin + 1; o < end; ++o)
      if (opportunity_[o] == static_cast<int>(BreakOpportunity::Kind::Hyphen) ||
          opportunity_[o] == static_cast<int>(BreakOpportunity::Kind::Other))
        return SIZE_MAX;
    return k;
  }

  // What add_word's own path does for a plain word, from its prepared copy:
  // the same entries, in the same order, with the same values.
  void add_prepared(const PreparedWord& p, size_t begin, size_t end, size_t k) {
    const text::ShapingRun& item = ctx_.shaping_runs[k];
    Word word;
    word.begin = begin;
    word.end = end;
    word.item = k;
    const size_t word_index = out_.words.size();
    Unit u;
    u.begin = begin;
    u.end = end;
    u.item = k;
    u.first_glyph = out_.unit_glyphs.size();
    out_.unit_glyphs.insert(out_.unit_glyphs.end(), p.glyphs->begin(), p.glyphs->end());
    u.glyph_count = p.glyphs->size();
    for (auto g = out_.unit_glyphs.begin() + static_cast<std::ptrdiff_t>(u.first_glyph); g != out_.unit_glyphs.end(); ++g)
      g->cluster += static_cast<uint32_t>(begin);
    out_.units.push_back(u);
    const size_t unit = out_.units.size() - 1;
    for (size_t i = 0; i < p.pieces.size(); ++i) {
      const PreparedWord::Piece& piece = p.pieces[i];
      if (i > 0) {  // the hyphenation point before this piece
        BreakPoint bp;
        bp.kind = BreakPoint::Kind::Hyphenation;
        bp.offset = begin + piece.begin;
        bp.unit = unit;
        out_.breaks.push_back(bp);
        const size_t origin = element(Element::Kind::Break, out_.breaks.size() - 1);
        append_break(out_.nodes, in_.align, in_.params.hyphen_penalty, hyphen_width(item), true, true, out_.em,
                     in_.params, origin);
        if (protrudes(item)) {
          const Hyphen& hyphen = hyphen_of(item);
          out_.nodes.back().protrusion = hyphen.right * hyphen.units * scale_of(in_, item);
        }
      }
      Fragment f;
      f.begin = begin + piece.begin;
      f.end = begin + piece.end;
      f.item = k;
      f.unit = unit;
      f.word = word_index;
      f.first_glyph = piece.first_glyph;
      f.glyph_count = piece.glyph_count;
      f.width = piece.width;
      word.width += f.width;
      out_.fragments.push_back(std::move(f));
      last_right_ = i + 1 == p.pieces.size() ? p.right : 0;
      last_fragment_ends_paragraph_ = true;
      Node box = Node::box(piece.width, element(Element::Kind::Fragment, out_.fragments.size() - 1));
      box.protrusion = piece.left;
      if (in_.align == model::Align::Justify && in_.params.expansion > 0) {
        box.stretch = box.width * in_.params.expansion;
        box.shrink = box.width * in_.params.expansion;
      }
      out_.nodes.push_back(box);
    }
    out_.words.push_back(word);
  }

  // Keeps what add_word's own path just made for a plain word in run k
  // (units from first_unit, fragments from first_fragment, nodes from
  // first_node), when it is the shape prepared words stand for.
  void prepare(size_t begin, size_t end, size_t k, size_t first_unit, size_t first_fragment, size_t first_node) {
    if (out_.units.size() != first_unit + 1) return;
    const Unit& u = out_.units[first_unit];
    if (u.begin != begin || u.end != end || u.item != k) return;
    if (last_cached_.unit != first_unit) return;
    const std::vector<ShapedGlyph>* glyphs = last_cached_.glyphs;
    if (!glyphs || glyphs->size() != u.glyph_count) return;
    for (size_t g = 0; g < glyphs->size(); ++g) {  // the glyphs as the unit holds them
      const ShapedGlyph& a = (*glyphs)[g];
      const ShapedGlyph& b = out_.unit_glyphs[u.first_glyph + g];
      if (a.id != b.id || a.cluster + begin != b.cluster || a.x_advance != b.x_advance || a.x_offset != b.x_offset ||
          a.y_offset != b.y_offset || a.unsafe_to_break != b.unsafe_to_break)
        return;
    }
    PreparedWord p = ctx_.prepared->make();
    p.glyphs = glyphs;
    size_t node = first_node;
    for (size_t i = first_fragment; i < out_.fragments.size(); ++i) {
      const Fragment& f = out_.fragments[i];
      if (!f.scattered.empty() || f.unit != first_unit || f.item != k) return;
      // The fragment's box node: the next box from `node` on, which must be its.
      while (node < out_.nodes.size() && !out_.nodes[node].is_box()) ++node;
      if (node >= out_.nodes.size() || out_.nodes[node].origin >= out_.elements.size()) return;
      const Element& e = out_.elements[out_.nodes[node].origin];
      if (e.kind != Element::Kind::Fragment || e.index != i) return;
      PreparedWord::Piece piece;
      piece.begin = static_cast<uint32_t>(f.begin - begin);
      piece.end = static_cast<uint32_t>(f.end - begin);
      piece.first_glyph = static_cast<uint32_t>(f.first_glyph);
      piece.glyph_count = static_cast<uint32_t>(f.glyph_count);
      piece.width = f.width;
      piece.left = out_.nodes[node].protrusion;
      p.pieces.push_back(piece);
      ++node;
    }
    if (p.pieces.empty()) return;
    p.right = last_right_;
    ctx_.prepared->add(style_of(k), std::string_view(text_).substr(begin, end - begin), std::move(p));
  }

  void add_word(size_t begin, size_t end) {
    // A word tied to the one before ("20 Yanvar", "H. Əliyev", U+00A0) is
    // kept whole as well: "20 Yan-" would part them all the same.
    const bool tied = after_tie_;
    after_tie_ = false;
    size_t plain_run = SIZE_MAX;
    if (ctx_.prepared && !tied) {
      plain_run = plain_word_run(begin, end);
      if (plain_run != SIZE_MAX) {
        if (const PreparedWord* p =
                ctx_.prepared->find(style_of(plain_run), std::string_view(text_).substr(begin, end - begin))) {
          add_prepared(*p, begin, end, plain_run);
          return;
        }
        if (ctx_.prepared->full()) plain_run = SIZE_MAX;
      }
    }
    const size_t first_fragment = out_.fragments.size(), first_node = out_.nodes.size();
    Word word;
    word.begin = begin;
    word.end = end;
    word.item = item_at(begin);
    const size_t word_index = out_.words.size();

    // Units: consecutive shaping runs with the same shaping settings. A style
    // change inside a grapheme (before a combining mark) cannot part the
    // mark from its base: the mark stays in the unit before.
    const size_t first_unit = out_.units.size();
    for (size_t k = word.item; k < ctx_.shaping_runs.size() && ctx_.shaping_runs[k].begin < end; ++k) {
      const text::ShapingRun& item = ctx_.shaping_runs[k];
      size_t b = std::max(item.begin, begin);
      const size_t e = std::min(item.end, end);
      if (out_.units.size() > first_unit) {
        while (b < e && extends_grapheme(b)) b = next_char(b);
        out_.units.back().end = std::max(out_.units.back().end, b);
      }
      if (b >= e) continue;
      if (out_.units.size() > first_unit && same_shaping(in_, ctx_.shaping_runs[out_.units.back().item], item)) {
        out_.units.back().end = e;
      } else {
        Unit u;
        u.begin = b;
        u.end = e;
        u.item = k;
        out_.units.push_back(u);
      }
    }
    for (size_t u = first_unit; u < out_.units.size(); ++u)
      shape_unit(u, u > first_unit, u + 1 < out_.units.size());

    // Break points and item edges inside the word. An item edge inside a
    // glyph cluster (a ligature or a composed mark over two styles) is not
    // a cut: the glyph goes with the item it starts in.
    // (offset, BreakPoint::Kind or -1 for an item edge); at one offset the
    // last one added wins: a break opportunity over a hyphenation point over
    // an item edge.
    std::vector<std::pair<size_t, int>>& cuts = cuts_;
    cuts.clear();
    for (size_t k = word.item; k < ctx_.shaping_runs.size() && ctx_.shaping_runs[k].begin < end; ++k) {
      const size_t edge = ctx_.shaping_runs[k].begin;
      if (edge > begin && starts_cluster(first_unit, edge)) cuts.emplace_back(edge, -1);
    }
    if (!tied) {
      hyphenation_points(begin, end, ctx_.shaping_runs[word.item], points_);
      for (size_t p : points_) cuts.emplace_back(p, static_cast<int>(BreakPoint::Kind::Hyphenation));
    }
    for (size_t o = begin + 1; o < end; ++o) {
      const int kind = opportunity_[o];
      if (kind == static_cast<int>(BreakOpportunity::Kind::Hyphen))
        cuts.emplace_back(o, static_cast<int>(BreakPoint::Kind::HardHyphen));
      else if (kind == static_cast<int>(BreakOpportunity::Kind::Other))
        cuts.emplace_back(o, static_cast<int>(BreakPoint::Kind::Other));
    }
    // A stable insertion sort by offset: a word has a handful of cuts, and
    // std::stable_sort asks for a temporary buffer every time.
    for (size_t c = 1; c < cuts.size(); ++c) {
      const std::pair<size_t, int> cut = cuts[c];
      size_t at = c;
      for (; at > 0 && cuts[at - 1].first > cut.first; --at) cuts[at] = cuts[at - 1];
      cuts[at] = cut;
    }
    size_t kept = 0;
    for (size_t c = 0; c < cuts.size(); ++c) {
      if (kept > 0 && cuts[kept - 1].first == cuts[c].first)
        cuts[kept - 1] = cuts[c];
      else
        cuts[kept++] = cuts[c];
    }
    cuts.resize(kept);

    size_t unit = first_unit;
    size_t from = begin;
    auto add_fragment = [&](size_t to) {
      while (unit + 1 < out_.units.size() && out_.units[unit].end <= from) ++unit;
      Fragment f;
      f.begin = from;
      f.end = to;
      f.item = item_at(from);
      f.unit = unit;
      f.word = word_index;
      const text::ShapingRun& item = ctx_.shaping_runs[f.item];
      const double scale = scale_of(in_, item), tracking = tracking_of(in_, item);
      const GlyphSpan glyphs = out_.glyphs_of(out_.units[unit]);
      size_t last = 0;
      for (size_t k = 0; k < glyphs.size; ++k) {
        const ShapedGlyph& g = glyphs[k];
        if (g.cluster < from || g.cluster >= to) continue;
        if (f.glyph_count == 0) f.first_glyph = k;
        last = k;
        ++f.glyph_count;
        f.width += g.x_advance * scale + tracking;
      }
      if (f.glyph_count > 0 && last + 1 - f.first_glyph != f.glyph_count) {  // not one stretch: copied
        for (const auto& g : glyphs)
          if (g.cluster >= from && g.cluster < to) f.scattered.push_back(g);
      }
      word.width += f.width;
      out_.fragments.push_back(std::move(f));
      const auto [left, right] = protrusion_of_fragment(out_.fragments.back(), item);
      last_right_ = right;
      last_fragment_ends_paragraph_ = true;
      Node box = Node::box(out_.fragments.back().width, element(Element::Kind::Fragment, out_.fragments.size() - 1));
      box.protrusion = left;
      if (in_.align == model::Align::Justify && in_.params.expansion > 0) {
        box.stretch = box.width * in_.params.expansion;  // the glyphs may widen (font expansion)
        box.shrink = box.width * in_.params.expansion;
      }
      out_.nodes.push_back(box);
    };
    for (const auto& [offset, kind] : cuts) {
      add_fragment(offset);
      from = offset;
      if (kind < 0) continue;  // an item edge: no break
      BreakPoint bp;
      bp.kind = static_cast<BreakPoint::Kind>(kind);
      bp.offset = offset;
      bp.unit = unit;
      out_.breaks.push_back(bp);
      const size_t origin = element(Element::Kind::Break, out_.breaks.size() - 1);
      const text::ShapingRun& item = ctx_.shaping_runs[out_.fragments.back().item];
      switch (bp.kind) {
        case BreakPoint::Kind::Hyphenation:
          append_break(out_.nodes, in_.align, in_.params.hyphen_penalty, hyphen_width(item), true, true, out_.em,
                       in_.params, origin);
          if (protrudes(item)) {  // the inserted hyphen ends the line
            const Hyphen& hyphen = hyphen_of(item);
            out_.nodes.back().protrusion = hyphen.right * hyphen.units * scale_of(in_, item);
          }
          break;
        case BreakPoint::Kind::HardHyphen:
          append_break(out_.nodes, in_.align, in_.params.explicit_hyphen_penalty, 0, true, false, out_.em,
                       in_.params, origin);
          if (protrudes()) out_.nodes.back().protrusion = last_right_;
          break;
        case BreakPoint::Kind::Other:
          append_break(out_.nodes, in_.align, 0, 0, false, false, out_.em, in_.params, origin);
          if (protrudes()) out_.nodes.back().protrusion = last_right_;
          break;
      }
    }
    add_fragment(end);
    out_.words.push_back(word);
    if (plain_run != SIZE_MAX) prepare(begin, end, plain_run, first_unit, first_fragment, first_node);
  }

  const CollectContext& ctx_;
  const ParagraphInput& in_;
  const std::string& text_;
  CodePoints own_;  // the text decoded here when the caller did not
  const std::u32string& cps_;
  const std::vector<size_t>& at_;
  std::vector<uint32_t> index_;  // index_of's table, a code point index per byte
  std::vector<int> opportunity_;  // BreakOpportunity::Kind at each byte, or -1
  std::vector<std::pair<const font::Face*, Hyphen>> hyphens_;  // hyphen_of's, a face or two
  std::vector<std::pair<size_t, int>> cuts_;  // add_word's, kept to reuse its memory
  std::vector<size_t> points_;
  const Hyphenator* hyphenator_ = nullptr;  // for hyphenator_lang_
  std::string hyphenator_lang_;
  static constexpr uint32_t kNoStyle = UINT32_MAX;
  std::vector<uint32_t> style_ids_;  // style_of's, per shaping run
  // The advance of a space's glyph, font units. A paragraph's spaces are
  // nearly all the same glyph of the same face, so the last answer is kept
  // (HarfBuzz's look-up was 130 instructions a space).
  int32_t space_advance(const font::Face* face, uint32_t gid) {
    if (face != last_space_.face || gid != last_space_.gid) last_space_ = {face, gid, face->advance(gid)};
    return last_space_.advance;
  }

  // The unit shape_unit shaped last, and the shaping cache's glyphs for it.
  struct CachedUnit {
    size_t unit = SIZE_MAX;
    const std::vector<ShapedGlyph>* glyphs = nullptr;  // null when the cache had none
  };
  CachedUnit last_cached_;
  struct SpaceAdvance {
    const font::Face* face = nullptr;
    uint32_t gid = 0;
    int32_t advance = 0;
  };
  SpaceAdvance last_space_;
  bool after_tie_ = false;
  double last_right_ = 0;  // pt the last fragment's last glyph hangs out when it ends a line
  bool last_fragment_ends_paragraph_ = false;  // no space run since that fragment
  Collected out_;
};

}  // namespace

ShapeRequest request_for(const ParagraphInput& input, const text::ShapingRun& item, std::string_view text, size_t begin,
                         size_t end) {
  ShapeRequest r;
  r.face = item.face;
  r.text = text;
  r.begin = begin;
  r.end = end;
  r.script = item.script;
  r.direction = (item.bidi_level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR;
  r.lang = item.lang.empty() ? input.lang : item.lang;
  if (item.span < input.spans.size()) r.features = input.spans[item.span].style.features;
  return r;
}

double scale_of(const ParagraphInput& input, const text::ShapingRun& item) {
  if (!item.face || item.span >= input.spans.size()) return 0;
  return input.spans[item.span].style.size / item.face->units_per_em();
}

double tracking_of(const ParagraphInput& input, const text::ShapingRun& item) {
  if (item.span >= input.spans.size()) return 0;
  const TextStyle& style = input.spans[item.span].style;
  return style.tracking * style.size / 1000.0;
}

std::string hyphen_text(const font::Face* face) {
  return face && face->has_glyph(0x2010) ? "\u2010" : "-";
}

Collected collect(const CollectContext& ctx) { return Collector(ctx).run(); }

}  // namespace jan20::text::linebreak
