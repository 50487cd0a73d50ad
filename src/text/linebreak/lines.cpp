#include "text/linebreak/lines.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace jan20::text::linebreak {

namespace {

constexpr uint32_t kInserted = std::numeric_limits<uint32_t>::max();  // cluster of an inserted hyphen
constexpr size_t kNone = static_cast<size_t>(-1);

struct Piece {
  enum class Kind { Glyphs, Space, Hyphen };
  Kind kind = Kind::Glyphs;
  size_t item = 0;
  size_t begin = 0, end = 0;  // bytes of the paragraph
  size_t unit = kNone;
  // Glyphs, Hyphen: the fragment's glyphs as collected (`collected`), or
  // their reshaped replacement or the hyphen (`reshaped`, when `own`).
  GlyphSpan collected;
  std::vector<ShapedGlyph> reshaped;
  bool own = false;
  GlyphSpan glyphs() const { return own ? GlyphSpan{reshaped.data(), reshaped.size()} : collected; }
  const SpaceRun* space = nullptr;  // Space
  double width = 0;                 // pt, natural, tracking included
  double justification = 0;         // pt added to this space
};

// Pieces of one text::ShapingRun in a row.
struct Group {
  size_t item = 0;
  size_t first = 0, last = 0;  // pieces
};

// Glyphs of one group in visual order, with their clusters for text ranges.
struct Placed {
  model::Glyph glyph;
  uint32_t cluster = 0;
};

}  // namespace

struct LineScratch::Buffers {
  std::vector<Piece> pieces;
  std::vector<Group> groups;
  std::vector<size_t> order;   // groups in visual order
  std::vector<int> levels;     // the groups' bidi levels
  std::vector<Placed> placed;  // one group's glyphs
  std::vector<uint32_t> clusters;
  std::vector<char> taken;
};

LineScratch::LineScratch() : buffers_(std::make_unique<Buffers>()) {}
LineScratch::~LineScratch() = default;

namespace {

class LineSetter {
 public:
  LineSetter(const LineContext& ctx, const LinePlace& place, LineScratch::Buffers& scratch)
      : ctx_(ctx), in_(ctx.input), c_(ctx.collected), place_(place), scratch_(scratch), pieces_(scratch.pieces),
        groups_(scratch.groups), order_(scratch.order) {
    pieces_.clear();
    groups_.clear();
    order_.clear();
  }

  Line run() {
    gather();
    reshape_start();
    reshape_end();
    measure();
    justify();
    build_runs();
    line_.text_begin = place_.text_begin;
    line_.text_end = place_.text_end;
    return std::move(line_);
  }

 private:
  const BreakPoint* break_at(size_t item_index) const {
    const size_t origin = c_.nodes[item_index].origin;
    if (origin == kNoOrigin) return nullptr;
    const Element& e = c_.elements[origin];
    return e.kind == Element::Kind::Break ? &c_.breaks[e.index] : nullptr;
  }

  void gather() {
    const ChosenLine& lb = *place_.line;
    pieces_.reserve(lb.end - lb.start + 1);  // a piece a node at most, and a hyphen
    for (size_t k = lb.start; k < lb.end && k < c_.nodes.size(); ++k) {
      const size_t origin = c_.nodes[k].origin;
      if (origin == kNoOrigin) continue;
      const Element& e = c_.elements[origin];
      if (e.kind == Element::Kind::Indent) {
        indent_ = in_.first_indent;
      } else if (e.kind == Element::Kind::Fragment) {
        const Fragment& f = c_.fragments[e.index];
        Piece p;
        p.item = f.item;
        p.begin = f.begin;
        p.end = f.end;
        p.unit = f.unit;
        p.collected = c_.glyphs_of(f);
        pieces_.push_back(std::move(p));
      } else if (e.kind == Element::Kind::Space) {
        const SpaceRun& s = c_.spaces[e.index];
        if (s.mandatory) continue;
        Piece p;
        p.kind = Piece::Kind::Space;
        p.item = s.item;
        p.begin = s.begin;
        p.end = s.end;
        p.space = &s;
        pieces_.push_back(std::move(p));
      }
    }
    end_break_ = break_at(lb.end);
    if (place_.previous) start_break_ = break_at(place_.previous->end);
    // Character protrusion, as Knuth–Plass counted it (collect sets it on
    // justified lines only).
    if (lb.end < c_.nodes.size() && !c_.nodes[lb.end].is_box()) hang_right_ = c_.nodes[lb.end].protrusion;
    if (lb.start < c_.nodes.size() && c_.nodes[lb.start].is_box()) hang_left_ = c_.nodes[lb.start].protrusion;
  }

  // HarfBuzz: breaking before a glyph flagged unsafe-to-break, or inside a
  // cluster, changes the shaping.
  bool needs_reshape(size_t unit, size_t offset) const {
    bool starts_here = false;
    for (const auto& g : c_.glyphs_of(c_.units[unit])) {
      if (g.cluster != offset) continue;
      starts_here = true;
      if (g.unsafe_to_break) return true;
    }
    return !starts_here;
  }

  std::vector<ShapedGlyph> reshape(size_t unit, size_t begin, size_t end, bool hyphen) const {
    const text::ShapingRun& item = ctx_.shaping_runs[c_.units[unit].item];
    std::vector<ShapedGlyph> glyphs;
    if (hyphen) {
      const std::string word = in_.text.substr(begin, end - begin) + hyphen_text(item.face);
      glyphs = ctx_.cache.shape_word(request_for(in_, item, word, 0, word.size()));
      for (auto& g : glyphs) g.cluster = g.cluster < end - begin ? static_cast<uint32_t>(g.cluster + begin) : kInserted;
    } else {
      glyphs = ctx_.cache.shape_word(request_for(in_, item, in_.text, begin, end));
      for (auto& g : glyphs) g.cluster += static_cast<uint32_t>(begin);
    }
    return glyphs;
  }

  // Gives pieces [first, last] the reshaped glyphs of their byte ranges;
  // inserted glyphs become a hyphen piece after `last`.
  void distribute(size_t first, size_t last, const std::vector<ShapedGlyph>& glyphs) {
    for (size_t i = first; i <= last; ++i) {
      pieces_[i].reshaped.clear();
      pieces_[i].own = true;
    }
    Piece hyphen;
    hyphen.kind = Piece::Kind::Hyphen;
    hyphen.item = pieces_[last].item;
    hyphen.begin = hyphen.end = pieces_[last].end;
    hyphen.own = true;
    for (const auto& g : glyphs) {
      if (g.cluster == kInserted) {
        hyphen.reshaped.push_back(g);
        continue;
      }
      for (size_t i = first; i <= last; ++i) {
        if (g.cluster >= pieces_[i].begin && g.cluster < pieces_[i].end) {
          pieces_[i].reshaped.push_back(g);
          break;
        }
      }
    }
    if (!hyphen.reshaped.empty()) pieces_.insert(pieces_.begin() + static_cast<std::ptrdiff_t>(last) + 1, hyphen);
  }

  // The first part of the line continues a word broken on the line before.
  void reshape_start() {
    if (!start_break_ || pieces_.empty() || pieces_[0].kind != Piece::Kind::Glyphs) return;
    const size_t unit = pieces_[0].unit;
    size_t last = 0;
    while (last + 1 < pieces_.size() && pieces_[last + 1].kind == Piece::Kind::Glyphs && pieces_[last + 1].unit == unit)
      ++last;
    if (!needs_reshape(unit, start_break_->offset)) return;
    distribute(0, last, reshape(unit, pieces_[0].begin, pieces_[last].end, false));
  }

  // The line ends inside a word: at a hyphenation point the hyphen is shaped
  // with the word's last part; at other breaks only unsafe edges reshape.
  void reshape_end() {
    if (!end_break_ || pieces_.empty() || pieces_.back().kind != Piece::Kind::Glyphs) return;
    const size_t last = pieces_.size() - 1;
    const size_t unit = pieces_[last].unit;
    size_t first = last;
    while (first > 0 && pieces_[first - 1].kind == Piece::Kind::Glyphs && pieces_[first - 1].unit == unit) --first;
    const bool hyphen = end_break_->kind == BreakPoint::Kind::Hyphenation;
    if (!hyphen && !needs_reshape(unit, end_break_->offset)) return;
    distribute(first, last, reshape(unit, pieces_[first].begin, pieces_[last].end, hyphen));
  }

  void measure() {
    natural_ = indent_;
    advances_ = 0;
    for (auto& p : pieces_) {
      const text::ShapingRun& item = ctx_.shaping_runs[p.item];
      const double scale = scale_of(in_, item);
      if (p.kind == Piece::Kind::Space) {
        p.width = p.space->width;
        for (size_t k = 0; k < p.space->glyph_count; ++k)
          advances_ += c_.space_glyphs[p.space->first_glyph + k].advance * scale;
      } else {
        const double tracking = tracking_of(in_, item);
        p.width = 0;
        for (const auto& g : p.glyphs()) {
          p.width += g.x_advance * scale + tracking;
          advances_ += g.x_advance * scale;
        }
      }
      natural_ += p.width;
    }
    drop_trailing_tracking();
  }

  // Tracking is space after each glyph; after the line's last glyph (the
  // rightmost one) it would only push the line off its margin or centre.
  void drop_trailing_tracking() {
    make_groups();
    if (order_.empty()) return;
    const Group& g = groups_[order_.back()];
    const bool rtl = (ctx_.shaping_runs[g.item].bidi_level & 1) != 0;
    // The rightmost glyph: the end of the last piece of an LTR run, the end
    // of the first piece of an RTL run (its pieces are drawn backwards).
    const size_t piece = rtl ? g.first : g.last;
    Piece& p = pieces_[piece];
    if (p.kind == Piece::Kind::Space || p.glyphs().empty()) return;
    const double tracking = tracking_of(in_, ctx_.shaping_runs[p.item]);
    p.width -= tracking;
    natural_ -= tracking;
    untracked_piece_ = piece;
  }

  void justify() {
    const double measure = in_.measure;
    const double tolerance = in_.params.overfull_tolerance;
    double shortfall = measure - natural_;
    if (in_.align != model::Align::Justify) {
      line_.overfull = natural_ > measure + tolerance;
      const double ragged = in_.params.ragged_stretch * c_.em;
      line_.ratio = place_.last || ragged <= 0 ? 0 : shortfall / ragged;
      return;
    }
    double stretch = 0, shrink = 0;
    for (const auto& p : pieces_) {
      if (p.kind != Piece::Kind::Space) continue;
      stretch += p.space->stretch;
      shrink += p.space->shrink;
    }
    // What protrudes into the margins takes no room on the line.
    const double hang = hang_left_ + hang_right_;
    shortfall += hang;
    const double limit = std::max(0.0, in_.params.expansion);
    line_.overfull = natural_ - hang - shrink - advances_ * limit > measure + tolerance;
    const double expansion = choose_expansion(shortfall, stretch, shrink, limit);
    line_.expansion = expansion;
    const double remainder = shortfall - expansion * advances_;  // what the spaces take
    double ratio = 0;
    if (remainder < 0) {
      ratio = shrink > 0 ? std::max(remainder / shrink, line_.overfull ? -1.0 : -std::numeric_limits<double>::max())
                         : 0;
      line_.ratio = shrink > 0 ? ratio : line_.overfull ? -1000 : 0;
    } else if (remainder > 0 && !place_.last) {
      ratio = stretch > 0 ? remainder / stretch : 0;
      line_.ratio = stretch > 0 ? ratio : 1000;
    }
    if (line_.overfull) line_.ratio = std::min(line_.ratio, -1.0);
    for (auto& p : pieces_)
      if (p.kind == Piece::Kind::Space) p.justification = ratio * (ratio > 0 ? p.space->stretch : p.space->shrink);
  }

  // Font expansion: the line's glyphs take their share of the shortfall as
  // Knuth–Plass counted it (the same ratio as the spaces), rounded to a step;
  // of the two steps around that share, the one that leaves the spaces
  // closest to their natural width. The last line only shrinks.
  double choose_expansion(double shortfall, double stretch, double shrink, double limit) const {
    if (limit <= 0 || advances_ <= 0 || (shortfall > 0 && place_.last) || shortfall == 0) return 0;
    const double flexibility = shortfall > 0 ? stretch + advances_ * limit : shrink + advances_ * limit;
    const double share = std::clamp(shortfall / flexibility * limit, -limit, limit);
    const double step = in_.params.expansion_step > 0 ? in_.params.expansion_step : limit;
    const double space = shortfall > 0 ? stretch : shrink;
    double best = 0, best_ratio = std::numeric_limits<double>::max();
    for (double e : {std::floor(share / step) * step, std::ceil(share / step) * step}) {
      e = std::clamp(e, -limit, limit);
      const double left = shortfall - e * advances_;
      const double r = space > 0 ? std::abs(left / space) : std::abs(left) * 1e6;
      if (r < best_ratio - 1e-12) {
        best_ratio = r;
        best = e;
      }
    }
    return best;
  }

  void make_groups() {
    groups_.clear();
    for (size_t i = 0; i < pieces_.size(); ++i) {
      if (!groups_.empty() && groups_.back().item == pieces_[i].item) {
        groups_.back().last = i;
      } else {
        groups_.push_back({pieces_[i].item, i, i});
      }
    }
    std::vector<int>& levels = scratch_.levels;
    levels.clear();
    bool all_left_to_right = true;
    for (const auto& g : groups_) {
      levels.push_back(ctx_.shaping_runs[g.item].bidi_level);
      all_left_to_right = all_left_to_right && levels.back() == 0;
    }
    if (all_left_to_right) {  // rule L2 reverses nothing at level 0
      for (size_t i = 0; i < groups_.size(); ++i) order_.push_back(i);
    } else {
      order_ = visual_order(levels);
    }
  }

  // Fills scratch_.placed.
  void place_glyphs(const Group& g, bool rtl) const {
    std::vector<Placed>& out = scratch_.placed;
    out.clear();
    size_t count = 0;
    for (size_t i = g.first; i <= g.last; ++i)
      count += pieces_[i].kind == Piece::Kind::Space ? pieces_[i].space->glyph_count : pieces_[i].glyphs().size;
    out.reserve(count);
    const text::ShapingRun& item = ctx_.shaping_runs[g.item];
    const double tracking = tracking_of(in_, item);
    auto add_piece = [&](const Piece& p, size_t index) {
      if (p.kind == Piece::Kind::Space) {
        const SpaceRun& s = *p.space;
        const size_t n = s.glyph_count;
        for (size_t k = 0; k < n; ++k) {
          const SpaceGlyph& sg = c_.space_glyphs[s.first_glyph + (rtl ? n - 1 - k : k)];
          Placed placed;
          placed.glyph.id = sg.id;
          placed.glyph.x_advance = sg.advance;
          placed.glyph.extra = tracking + (n > 0 ? p.justification / static_cast<double>(n) : 0);
          placed.cluster = static_cast<uint32_t>(sg.offset);
          out.push_back(placed);
        }
        return;
      }
      const GlyphSpan glyphs = p.glyphs();
      for (size_t k = 0; k < glyphs.size; ++k) {
        const ShapedGlyph& sg = glyphs[k];
        Placed placed;
        placed.glyph.id = sg.id;
        placed.glyph.x_advance = sg.x_advance;
        placed.glyph.x_offset = sg.x_offset;
        placed.glyph.y_offset = sg.y_offset;
        placed.glyph.extra = index == untracked_piece_ && k + 1 == glyphs.size ? 0 : tracking;
        placed.cluster = p.kind == Piece::Kind::Hyphen ? kInserted : sg.cluster;
        out.push_back(placed);
      }
    };
    if (rtl) {
      for (size_t i = g.last + 1; i-- > g.first;) add_piece(pieces_[i], i);
    } else {
      for (size_t i = g.first; i <= g.last; ++i) add_piece(pieces_[i], i);
    }
  }

  void build_runs() {
    const std::vector<Group>& groups = groups_;
    const std::vector<size_t>& order = order_;

    double content = 0;
    for (const auto& p : pieces_) content += p.width + p.justification;
    content += line_.expansion * advances_;
    const double hscale = 1 + line_.expansion;
    const double measure = in_.measure;
    const double indent = indent_;
    double x = indent - hang_left_;  // an opening quote hangs into the left margin
    const model::Align align = in_.align;
    if (!ctx_.rtl) {
      if (align == model::Align::Right) x = measure - content;
      if (align == model::Align::Center) x = indent + (measure - indent - content) / 2;
    } else {
      x = measure - indent - content;
      if (align == model::Align::Left) x = 0;
      if (align == model::Align::Center) x = (measure - indent - content) / 2;
    }

    line_.runs.reserve(order.size());  // exactly: the runs live until the PDF is written
    for (size_t v : order) {
      const Group& g = groups[v];
      const text::ShapingRun& item = ctx_.shaping_runs[g.item];
      const StyledSpan& span = in_.spans[item.span];
      const bool rtl = (item.bidi_level & 1) != 0;
      const double scale = scale_of(in_, item);
      size_t begin = pieces_[g.first].begin, end = pieces_[g.first].end;
      bool hyphenated = false;
      for (size_t i = g.first; i <= g.last; ++i) {
        begin = std::min(begin, pieces_[i].begin);
        end = std::max(end, pieces_[i].end);
        hyphenated = hyphenated || pieces_[i].kind == Piece::Kind::Hyphen;
      }
      model::GlyphRun run;
      run.font = item.face ? item.face->id() : 0;
      run.size = span.style.size;
      run.color = span.style.color;
      run.x = x;
      run.y = 0;
      run.text = in_.text.substr(begin, end - begin);
      run.lang = item.lang.empty() ? in_.lang : item.lang;
      run.rtl = rtl;
      run.hyphenated = hyphenated;
      run.hscale = hscale;
      run.tag = span.style.tag;

      place_glyphs(g, rtl);
      const std::vector<Placed>& placed = scratch_.placed;
      // Text ranges: each cluster covers the bytes up to the next cluster of
      // the run; the first glyph of a cluster carries it, the others (and the
      // inserted hyphen) cover nothing.
      std::vector<uint32_t>& clusters = scratch_.clusters;
      clusters.clear();
      for (const auto& p : placed)
        if (p.cluster != kInserted) clusters.push_back(p.cluster);
      if (!std::is_sorted(clusters.begin(), clusters.end())) std::sort(clusters.begin(), clusters.end());
      clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
      std::vector<char>& taken = scratch_.taken;
      taken.assign(clusters.size(), 0);
      double width = 0;
      run.glyphs.reserve(placed.size());  // exactly: the runs live until the PDF is written
      size_t k = 0;  // the previous glyph's cluster index: glyphs mostly come in cluster order, or in reverse
      for (const Placed& p : placed) {
        model::Glyph glyph = p.glyph;
        if (p.cluster == kInserted) {
          glyph.text_begin = glyph.text_end = static_cast<uint32_t>(end - begin);
        } else {
          if (k < clusters.size() && clusters[k] == p.cluster) {
            // the same cluster as the glyph before
          } else if (k + 1 < clusters.size() && clusters[k + 1] == p.cluster) {
            ++k;
          } else if (k > 0 && clusters[k - 1] == p.cluster) {
            --k;
          } else {
            k = static_cast<size_t>(std::lower_bound(clusters.begin(), clusters.end(), p.cluster) - clusters.begin());
          }
          const uint32_t from = k == 0 ? static_cast<uint32_t>(begin) : p.cluster;
          const uint32_t to = k + 1 < clusters.size() ? clusters[k + 1] : static_cast<uint32_t>(end);
          if (!taken[k]) {
            taken[k] = 1;
            glyph.text_begin = static_cast<uint32_t>(from - begin);
            glyph.text_end = static_cast<uint32_t>(to - begin);
          } else {
            glyph.text_begin = glyph.text_end = static_cast<uint32_t>(p.cluster - begin);
          }
        }
        width += glyph.x_advance * scale * hscale + glyph.extra;
        run.glyphs.push_back(glyph);
      }
      if (item.face) {
        const auto& m = item.face->metrics();
        line_.ascent = std::max(line_.ascent, m.ascender * scale);
        line_.descent = std::max(line_.descent, -m.descender * scale);
      }
      if (!span.link.empty() && width > 0) {
        if (!line_.links.empty() && line_.links.back().uri == span.link &&
            std::abs(line_.links.back().x + line_.links.back().width - x) < 1e-6) {
          line_.links.back().width += width;
        } else {
          line_.links.push_back({x, width, span.link});
        }
      }
      x += width;
      line_.runs.push_back(std::move(run));
    }
    line_.width = indent + content - hang_left_ - hang_right_;
    line_.natural_width = natural_;
    line_.protrusion_left = hang_left_;
    line_.protrusion_right = hang_right_;
    line_.hyphenated = end_break_ && (end_break_->kind == BreakPoint::Kind::Hyphenation ||
                                      end_break_->kind == BreakPoint::Kind::HardHyphen);
  }

  const LineContext& ctx_;
  const ParagraphInput& in_;
  const Collected& c_;
  const LinePlace& place_;
  LineScratch::Buffers& scratch_;
  std::vector<Piece>& pieces_;
  const BreakPoint* end_break_ = nullptr;
  const BreakPoint* start_break_ = nullptr;
  double indent_ = 0;
  double natural_ = 0;
  double hang_left_ = 0, hang_right_ = 0;  // pt: character protrusion at the line's two ends
  double advances_ = 0;  // pt: the glyphs' advances on the line (spaces included), what expansion scales
  std::vector<Group>& groups_;  // pieces of one text::ShapingRun in a row
  std::vector<size_t>& order_;  // groups in visual order
  size_t untracked_piece_ = kNone;
  Line line_;
};

}  // namespace

Line typeset_line(const LineContext& ctx, const LinePlace& place) {
  LineScratch scratch;
  return typeset_line(ctx, place, scratch);
}

Line typeset_line(const LineContext& ctx, const LinePlace& place, LineScratch& scratch) {
  return LineSetter(ctx, place, scratch.buffers()).run();
}

}  // namespace jan20::text::linebreak
