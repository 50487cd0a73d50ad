#include "pdf/glyph_run.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "core/parallel.h"
#include "core/utf.h"

namespace jan20::pdf {
namespace {

// The text of glyph i of the run (its range, clipped to the run's text).
std::string_view glyph_range_text(const model::GlyphRun& run, size_t i) {
  const auto [begin, end] = run.glyphs.text_range(i);
  if (end <= begin || begin >= run.text.size()) return {};
  return std::string_view(run.text).substr(begin, std::min<size_t>(end, run.text.size()) - begin);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool has_space(std::string_view text) {
  for (size_t pos = 0; pos < text.size();)
    if (is_space(utf8_next(text, pos))) return true;
  return false;
}

// The text a cluster must extract as.
std::string_view wanted_text(const Cluster& c) { return c.inserted_hyphen ? std::string_view(kInsertedHyphen) : c.text; }

// True when every glyph of the run has text of its own, or is the inserted
// hyphen: then clusters_of makes each glyph a cluster of one, whose text is
// the glyph's (the hyphen's is kInsertedHyphen), and glyph_texts gives each
// glyph that text. Most runs are such; their clusters are not built.
bool one_glyph_clusters(const model::GlyphRun& run) {
  const size_t n = run.glyphs.size(), text_size = run.text.size();
  for (size_t g = 0; g < n; ++g) {
    const auto [begin, end] = run.glyphs.text_range(g);  // empty as glyph_range_text sees it:
    if ((end <= begin || begin >= text_size) && !(run.hyphenated && g == n - 1)) return false;
  }
  return true;
}

// The text of the glyph at writing position `pos` of such a run.
std::string_view own_text(const model::GlyphRun& run, size_t pos) {
  const std::string_view text = glyph_range_text(run, glyph_at(run, pos));
  return text.empty() ? std::string_view(kInsertedHyphen) : text;
}

}  // namespace

std::vector<size_t> writing_order(const model::GlyphRun& run) {
  std::vector<size_t> order(run.glyphs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = glyph_at(run, i);
  return order;
}

void clusters_of(const model::GlyphRun& run, std::vector<Cluster>& out) {
  out.clear();
  const size_t n = run.glyphs.size();
  out.reserve(n);  // a cluster a glyph at most: one allocation for a new vector
  for (size_t pos = 0; pos < n; ++pos) {
    const size_t g = glyph_at(run, pos);
    std::string_view text = glyph_range_text(run, g);
    bool inserted_hyphen = run.hyphenated && g == n - 1 && text.empty();
    if (out.empty() || !text.empty() || inserted_hyphen || out.back().inserted_hyphen) {
      out.push_back({pos, pos + 1, text, inserted_hyphen});
    } else {
      out.back().end = pos + 1;
    }
  }
}

std::vector<Cluster> clusters_of(const model::GlyphRun& run) {
  std::vector<Cluster> out;
  clusters_of(run, out);
  return out;
}

void glyph_texts(const model::GlyphRun& run, const std::vector<Cluster>& clusters, const NominalGlyph& nominal,
                 std::vector<std::string_view>& texts) {
  texts.assign(run.glyphs.size(), {});
  for (const Cluster& c : clusters) {
    if (c.inserted_hyphen) {
      texts[c.begin] = kInsertedHyphen;
      continue;
    }
    const size_t glyphs = c.end - c.begin;
    if (glyphs == 1 || !nominal) {
      texts[c.begin] = c.text;
      continue;
    }
    // Align characters with glyphs: a character whose cmap glyph is the next
    // unmatched glyph of the cluster goes to it; any other character stays
    // with the glyph before (a ligature, a contextual form). The glyph a
    // character goes to never moves back, so each glyph's text is one
    // stretch of the cluster's text, and the stretches add up to all of it.
    size_t current = 0, next = 0;
    size_t local[32];  // where each glyph's text starts
    std::vector<size_t> heap;
    size_t* starts = local;
    if (glyphs > std::size(local)) {
      heap.resize(glyphs);
      starts = heap.data();
    }
    std::fill(starts, starts + glyphs, std::string_view::npos);
    for (size_t pos = 0; pos < c.text.size();) {
      size_t start = pos;
      char32_t cp = utf8_next(c.text, pos);
      uint32_t g = nominal(cp);
      size_t k = next;
      while (k < glyphs && run.glyphs.id(glyph_at(run, c.begin + k)) != g) ++k;
      if (g != 0 && k < glyphs) {
        current = k;
        next = k + 1;
      } else if (next == current) {
        next = current + 1;
      }
      if (current < glyphs && starts[current] == std::string_view::npos) starts[current] = start;
    }
    // Keep the split only if every glyph got text; otherwise the whole text
    // goes to the first glyph (and the cluster gets an /ActualText span, see
    // prepare_text_run).
    bool complete = true;
    for (size_t k = 0; k < glyphs; ++k) complete = complete && starts[k] != std::string_view::npos;
    if (!complete) {
      texts[c.begin] = c.text;
      continue;
    }
    for (size_t k = 0; k < glyphs; ++k) {
      size_t end = k + 1 < glyphs ? starts[k + 1] : c.text.size();
      texts[c.begin + k] = c.text.substr(starts[k], end - starts[k]);
    }
  }
}

std::vector<std::string> glyph_texts(const model::GlyphRun& run, const NominalGlyph& nominal) {
  std::vector<Cluster> clusters;
  clusters_of(run, clusters);
  std::vector<std::string_view> views;
  glyph_texts(run, clusters, nominal, views);
  return {views.begin(), views.end()};
}

uint32_t GlyphPairs::add(uint32_t gid, std::string_view text, int uses) {
  // The packed key: glyph id, then the text's length (1..3) and bytes.
  uint64_t packed = 0;
  Recent* slot = nullptr;
  if (!text.empty() && text.size() <= 3) {
    packed = uint64_t{gid} << 32 | uint64_t{text.size()} << 24;
    for (size_t i = 0; i < text.size(); ++i) packed |= uint64_t{static_cast<unsigned char>(text[i])} << (8 * i);
    slot = &recent_[(packed ^ packed >> 29 ^ gid * 0x9E3779B1u) % kRecent];
    if (slot->key == packed) {
      slot->pair->uses += uses;
      return slot->id;
    }
  }
  uint32_t id = 0;
  auto found = ids_.find(Key{gid, text});
  if (found != ids_.end()) {
    id = found->second;
    pairs_[id].uses += uses;
  } else {
    id = static_cast<uint32_t>(pairs_.size());
    pairs_.push_back({gid, std::string(text), uses});
    ids_.emplace(Key{gid, pairs_.back().text}, id);
  }
  if (slot) *slot = {packed, id, &pairs_[id]};
  return id;
}

bool plan_run(const model::GlyphRun& run, const NominalGlyph& nominal, const RunJoin* join, GlyphPairs& pairs,
              std::vector<PairId>& ids, std::vector<Cluster>& clusters, std::vector<std::string_view>& texts) {
  const bool one_glyph = one_glyph_clusters(run);
  if (one_glyph) {
    for (size_t pos = 0; pos < run.glyphs.size(); ++pos)
      ids.push_back(static_cast<PairId>(pairs.add(run.glyphs.id(glyph_at(run, pos)), own_text(run, pos))));
  } else {
    clusters_of(run, clusters);
    glyph_texts(run, clusters, nominal, texts);
    for (size_t pos = 0; pos < texts.size(); ++pos)
      ids.push_back(static_cast<PairId>(pairs.add(run.glyphs.id(glyph_at(run, pos)), texts[pos])));
  }
  if (join && join->word_break_space && nominal) ids.push_back(static_cast<PairId>(pairs.add(nominal(U' '), " ")));
  return one_glyph;
}

namespace {

// Plans pages [first, last) into `plan` (its pages already sized), with the
// pairs in `fonts`.
void plan_pages(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal, const RunJoins* joins,
                size_t first, size_t last, std::vector<GlyphPairs>& fonts, TextPlan& plan) {
  fonts.resize(doc.fonts.size());
  std::vector<Cluster> clusters;
  std::vector<std::string_view> texts;
  static const NominalGlyph none;
  for (size_t p = first; p < last; ++p) {
    const model::Page& page = doc.pages[p];
    TextPlan::PageIds& out = plan.pages[p];
    out.item_begin.reserve(page.items.size() + 1);
    out.one_glyph.assign(page.items.size(), false);
    size_t glyphs = 0;  // an upper bound: a run's glyphs and its space
    for (const model::PageItem& item : page.items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item)) glyphs += run->glyphs.size() + 1;
    out.ids.reserve(glyphs);
    for (size_t i = 0; i < page.items.size(); ++i) {
      out.item_begin.push_back(static_cast<uint32_t>(out.ids.size()));
      const auto* run = std::get_if<model::GlyphRun>(&page.items[i]);
      if (!run || run->font < 0 || static_cast<size_t>(run->font) >= doc.fonts.size()) continue;
      auto f = static_cast<size_t>(run->font);
      const std::optional<RunJoin> join = joins ? joins->find(p, i) : std::nullopt;
      out.one_glyph[i] = plan_run(*run, f < nominal.size() ? nominal[f] : none, join ? &*join : nullptr, fonts[f],
                                  out.ids, clusters, texts);
    }
    out.item_begin.push_back(static_cast<uint32_t>(out.ids.size()));
  }
}

}  // namespace

TextPlan plan_text(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal, int threads,
                   const RunJoins* joins) {
  TextPlan plan;
  plan.pages.resize(doc.pages.size());
  // The pages in two halves on two threads; the second half's pair numbers
  // are then renumbered into the first's.
  const bool split = threads > 1 && doc.pages.size() > 1;
  const size_t middle = split ? doc.pages.size() / 2 : doc.pages.size();
  std::vector<GlyphPairs> second;
  run_jobs(split ? 2 : 1, threads, [&](size_t half) {
    if (half == 0)
      plan_pages(doc, nominal, joins, 0, middle, plan.fonts, plan);
    else
      plan_pages(doc, nominal, joins, middle, doc.pages.size(), second, plan);
  });
  if (!split) return plan;

  std::vector<std::vector<PairId>> renumber(second.size());
  for (size_t f = 0; f < second.size(); ++f)
    for (uint32_t id = 0; id < second[f].size(); ++id)
      renumber[f].push_back(static_cast<PairId>(plan.fonts[f].add(second[f][id].gid, second[f][id].text, second[f][id].uses)));
  for (size_t p = middle; p < doc.pages.size(); ++p) {
    const model::Page& page = doc.pages[p];
    TextPlan::PageIds& ids = plan.pages[p];
    for (size_t i = 0; i < page.items.size(); ++i) {
      const auto* run = std::get_if<model::GlyphRun>(&page.items[i]);
      if (!run || run->font < 0 || static_cast<size_t>(run->font) >= doc.fonts.size()) continue;
      const std::vector<PairId>& to = renumber[static_cast<size_t>(run->font)];
      for (uint32_t k = ids.item_begin[i]; k < ids.item_begin[i + 1]; ++k) ids.ids[k] = to[ids.ids[k]];
    }
  }
  return plan;
}

FontUse font_use(const GlyphPairs& pairs) {
  FontUse use;
  for (uint32_t id = 0; id < pairs.size(); ++id) {
    use.gids.insert(pairs[id].gid);
    use.texts[pairs[id].gid][pairs[id].text] += pairs[id].uses;
  }
  return use;
}

void index_pairs(const GlyphPairs& pairs, GlyphMapping& mapping) {
  mapping.by_pair.assign(pairs.size(), {});
  for (uint32_t id = 0; id < pairs.size(); ++id) {
    GlyphMapping::Show& show = mapping.by_pair[id];
    auto cid = mapping.cid.find({pairs[id].gid, pairs[id].text});
    if (cid == mapping.cid.end()) continue;
    show.found = true;
    show.cid = cid->second;
    auto w = mapping.width.find(show.cid);
    show.width = w != mapping.width.end() ? w->second : 0;
    auto u = mapping.unicode.find(show.cid);
    if (u != mapping.unicode.end()) {
      show.mapped = true;
      show.unicode = u->second;
    }
    show.self_mapped = show.mapped && show.unicode == pairs[id].text;
  }
}

namespace {

// Whether a line ending in `text` ends at a word break: not after a space
// (there is one already) and not after a hyphen or a slash (a break inside
// a compound such as "Hüquqi-siyasi").
bool ends_at_word_break(const std::string& text) {
  if (text.empty()) return false;
  size_t at = text.size() - 1;  // the last character's first byte
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  char32_t last = utf8_next(text, at);
  return !is_space(last) && last != U'-' && last != U'\u2010' && last != U'\u2011' && last != U'/';
}

// Where the pen stands after the run's last glyph (points, layout space).
double run_end(const model::PagedDocument& doc, const model::GlyphRun& run) {
  auto f = static_cast<size_t>(run.font);
  double per_unit = run.size / (f < doc.fonts.size() && doc.fonts[f].units_per_em > 0 ? doc.fonts[f].units_per_em : 1000);
  double pen = run.x;
  for (const model::Glyph& g : run.glyphs) pen += g.x_advance * per_unit + g.extra;
  return pen;
}

// Whether `next` reads as a new line after `run`: another page, another
// baseline, or a gap of half an em or more on the same baseline (a table
// cell, a contents entry's page number, another column).
bool starts_new_line(const model::PagedDocument& doc, size_t page, const model::GlyphRun& run, size_t next_page,
                     const model::GlyphRun& next) {
  if (next_page != page || next.y != run.y) return true;
  return next.x - run_end(doc, run) >= 0.5 * run.size;
}

}  // namespace

std::optional<RunJoin> RunJoins::find(size_t page, size_t item) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair{page, item}, [](const Entry& e, const auto& key) {
    return std::pair<size_t, size_t>{e.page, e.item} < key;
  });
  if (it == entries_.end() || it->page != page || it->item != item) return std::nullopt;
  RunJoin join;
  if (it->tail > 0) join.tail = tails_[it->tail - 1];
  join.hidden_clusters = it->hidden_clusters;
  join.word_break_space = it->word_break_space;
  return join;
}

RunJoin RunJoins::at(size_t page, size_t item) const {
  std::optional<RunJoin> join = find(page, item);
  if (!join) throw std::out_of_range("no join planned for that run");
  return *join;
}

RunJoins plan_run_joins(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal) {
  struct Ref {
    size_t page, item;
    const model::GlyphRun* run;
  };
  std::vector<Ref> runs;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (size_t i = 0; i < doc.pages[p].items.size(); ++i)
      if (const auto* r = std::get_if<model::GlyphRun>(&doc.pages[p].items[i]); r && !r->glyphs.empty())
        runs.push_back({p, i, r});

  // Word-break spaces: the next tagged run (in page order) on another line.
  // A right-to-left run gets it too, after its last glyph as drawn: readers
  // that follow the content order read it after the run's text.
  std::vector<bool> spaced(runs.size());
  const Ref* next_tagged = nullptr;
  for (size_t i = runs.size(); i-- > 0;) {
    const model::GlyphRun& run = *runs[i].run;
    if (run.tag < 0) continue;
    bool line_end = !next_tagged || starts_new_line(doc, runs[i].page, run, next_tagged->page, *next_tagged->run);
    auto f = static_cast<size_t>(run.font);
    if (line_end && !run.hyphenated && f < nominal.size() && nominal[f] && nominal[f](U' ') != 0 &&
        ends_at_word_break(run.text))
      spaced[i] = true;
    next_tagged = &runs[i];
  }
  // Hyphenated words, by index in `runs`: the tail of a line's last word and
  // how many clusters of the next line continue it.
  struct Word {
    std::string tail;
    size_t hidden_clusters = 0;
  };
  std::unordered_map<size_t, Word> words;
  std::vector<Cluster> clusters;
  std::map<int, size_t> next_with_tag;  // tag -> index in `runs` of the next run with it
  // Backwards, so that a word spread over three lines chains: the middle
  // line's own tail is known when the first line is planned.
  for (size_t i = runs.size(); i-- > 0;) {
    const model::GlyphRun& run = *runs[i].run;
    auto next = next_with_tag.find(run.tag);
    if (run.hyphenated && !run.rtl && run.tag >= 0 && next != next_with_tag.end()) {
      clusters_of(*runs[next->second].run, clusters);
      std::string tail;
      size_t k = 0;
      while (k < clusters.size() && !clusters[k].inserted_hyphen && !has_space(clusters[k].text))
        tail += clusters[k++].text;
      Word& cont = words[next->second];
      if (k < clusters.size() && clusters[k].inserted_hyphen) {
        // The whole continuation line is one hyphenated word fragment.
        tail += cont.tail;
        cont.tail.clear();
        ++k;
      }
      if (!tail.empty()) {
        cont.hidden_clusters = k;  // (cont stays valid: unordered_map elements do not move)
        words[i].tail = tail;
      }
    }
    next_with_tag[run.tag] = i;
  }

  RunJoins plan;
  // Kept until the last page is written: allocated once, at its size.
  plan.entries_.reserve(static_cast<size_t>(std::count(spaced.begin(), spaced.end(), true)) + words.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    auto word = words.find(i);
    const bool joined = word != words.end() && (!word->second.tail.empty() || word->second.hidden_clusters > 0);
    if (!joined && !spaced[i]) continue;
    RunJoins::Entry e;
    e.page = static_cast<uint32_t>(runs[i].page);
    e.item = static_cast<uint32_t>(runs[i].item);
    e.word_break_space = spaced[i];
    if (joined) {
      e.hidden_clusters = static_cast<uint32_t>(word->second.hidden_clusters);
      if (!word->second.tail.empty()) {
        plan.tails_.push_back(std::move(word->second.tail));
        e.tail = static_cast<uint32_t>(plan.tails_.size());
      }
    }
    plan.entries_.push_back(e);
  }
  return plan;
}

TextRunContent prepare_text_run(const model::GlyphRun& run, std::span<const PairId> ids, const GlyphMapping& mapping,
                                const std::string& font, double x, double y, const RunJoin* join) {
  TextRunContent out;
  std::vector<Cluster> clusters;
  prepare_text_run(run, ids, one_glyph_clusters(run), mapping, font, x, y, join, out, clusters);
  return out;
}

void prepare_text_run(const model::GlyphRun& run, std::span<const PairId> ids, bool one_glyph,
                      const GlyphMapping& mapping, const std::string& font, double x, double y, const RunJoin* join,
                      TextRunContent& out, std::vector<Cluster>& clusters) {
  out.font = font;
  out.size = run.size;
  out.x = x;
  out.y = y;
  out.hscale = run.hscale > 0 ? run.hscale : 1;
  // Positions in visual order, exactly as HarfBuzz placed them: the pen moves
  // by each advance (font units) plus the justification extra (points). Tz
  // scales everything horizontally, so the extra, which must not grow, is
  // divided by it. Glyphs are written in writing order, each at its visual
  // position.
  const double per_unit = 1000.0 / mapping.units_per_em;
  const double per_point = run.size > 0 ? 1000.0 / run.size / out.hscale : 0;
  const size_t n = run.glyphs.size();
  out.glyphs.clear();
  out.glyphs.reserve(n + 1);  // and a word-break space
  out.glyphs.resize(n);
  out.spans.clear();
  double pen = 0;
  for (size_t i = 0; i < n; ++i) {
    const model::Glyph& g = run.glyphs[i];
    ShowGlyph& s = out.glyphs[run.rtl ? n - 1 - i : i];
    s.x = pen + g.x_offset * per_unit;
    s.rise = g.y_offset * per_unit;
    pen += g.x_advance * per_unit + g.extra * per_point;
  }
  const GlyphMapping::Show kNone;
  auto show = [&](PairId id) -> const GlyphMapping::Show& {
    return id < mapping.by_pair.size() ? mapping.by_pair[id] : kNone;
  };
  for (size_t pos = 0; pos < n; ++pos) {
    const GlyphMapping::Show& sh = show(pos < ids.size() ? ids[pos] : kNoPair);
    if (!sh.found) continue;
    out.glyphs[pos].cid = sh.cid;
    out.glyphs[pos].width = sh.width;
  }

  // A span wherever the ToUnicode texts do not add up to the cluster's text.
  // A cluster of one glyph: its pair's text is the cluster's (glyph_texts),
  // so the ToUnicode text adds up exactly when it is the pair's own. When
  // every cluster is one glyph, its text is the glyph's own (own_text).
  auto self_mapped = [&](size_t pos) { return show(pos < ids.size() ? ids[pos] : kNoPair).self_mapped; };
  clusters.clear();
  if (one_glyph) {
    for (size_t pos = 0; pos < n; ++pos)
      if (!self_mapped(pos)) out.spans.push_back({pos, pos + 1, std::string(own_text(run, pos))});
  } else {
    clusters_of(run, clusters);
  }
  for (const Cluster& c : clusters) {
    std::string_view wanted = wanted_text(c);
    if (c.end - c.begin == 1) {
      if (!self_mapped(c.begin)) out.spans.push_back({c.begin, c.end, std::string(wanted)});
      continue;
    }
    size_t at = 0;  // how much of `wanted` the cluster's glyphs have matched
    bool complete = true;
    for (size_t pos = c.begin; pos < c.end && complete; ++pos) {
      const GlyphMapping::Show& sh = show(pos < ids.size() ? ids[pos] : kNoPair);
      complete = sh.found && sh.mapped && wanted.compare(at, sh.unicode.size(), sh.unicode) == 0;
      at += sh.unicode.size();
    }
    if (!complete || at != wanted.size()) out.spans.push_back({c.begin, c.end, std::string(wanted)});
  }

  // The joins of a hyphenated word need the clusters; a run of one-glyph
  // clusters has not built them yet.
  if (join && one_glyph && (join->hidden_clusters > 0 || !join->tail.empty())) clusters_of(run, clusters);
  if (join && !clusters.empty()) {
    auto replace_range = [&](size_t begin, size_t end, std::string text) {
      std::vector<ActualTextSpan> kept;
      for (ActualTextSpan& s : out.spans)
        if (s.end <= begin || s.begin >= end) kept.push_back(std::move(s));
      kept.push_back({begin, end, std::move(text)});
      std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
      out.spans = std::move(kept);
    };
    size_t hidden = std::min(join->hidden_clusters, clusters.size());
    if (hidden > 0) replace_range(0, clusters[hidden - 1].end, "");
    if (!join->tail.empty() && clusters.back().inserted_hyphen) {
      // The last word: the clusters after the last space, before the hyphen.
      size_t start = clusters.size() - 1;
      while (start > hidden && !has_space(clusters[start - 1].text)) --start;
      std::string word;
      for (size_t k = start; k + 1 < clusters.size(); ++k) word += clusters[k].text;
      word += join->tail;
      replace_range(clusters[start].begin, clusters.back().end, std::move(word));
    }
  }
  if (join && join->word_break_space) {
    // After the last glyph, where the pen stands: it paints nothing. Its pair
    // follows the run's own (plan_run), when the font has a space.
    const GlyphMapping::Show& sh = show(n < ids.size() ? ids[n] : kNoPair);
    if (sh.found) {
      ShowGlyph space;
      space.x = pen;
      space.cid = sh.cid;
      space.width = sh.width;
      out.glyphs.push_back(space);
    }
  }
}

}  // namespace jan20::pdf
