#include "pdf/glyph_run.h"

#include <algorithm>
#include <cstring>
#include <thread>
#include <unordered_map>

#include "core/utf.h"

namespace jan20::pdf {
namespace {

std::string glyph_range_text(const model::GlyphRun& run, const model::Glyph& g) {
  if (g.text_end <= g.text_begin || g.text_begin >= run.text.size()) return {};
  size_t end = std::min<size_t>(g.text_end, run.text.size());
  return run.text.substr(g.text_begin, end - g.text_begin);
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool has_space(const std::string& text) {
  for (size_t pos = 0; pos < text.size();)
    if (is_space(utf8_next(text, pos))) return true;
  return false;
}

// The text a cluster must extract as.
const std::string& wanted_text(const Cluster& c) {
  static const std::string hyphen = kInsertedHyphen;
  return c.inserted_hyphen ? hyphen : c.text;
}

}  // namespace

std::vector<size_t> writing_order(const model::GlyphRun& run) {
  std::vector<size_t> order(run.glyphs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = run.rtl ? order.size() - 1 - i : i;
  return order;
}

std::vector<Cluster> clusters_of(const model::GlyphRun& run, const std::vector<size_t>& order) {
  std::vector<Cluster> out;
  for (size_t pos = 0; pos < order.size(); ++pos) {
    std::string text = glyph_range_text(run, run.glyphs[order[pos]]);
    bool inserted_hyphen = run.hyphenated && order[pos] == run.glyphs.size() - 1 && text.empty();
    if (out.empty() || !text.empty() || inserted_hyphen || out.back().inserted_hyphen) {
      out.push_back({pos, pos + 1, text, inserted_hyphen});
    } else {
      out.back().end = pos + 1;
    }
  }
  return out;
}

std::vector<std::string> glyph_texts(const model::GlyphRun& run, const std::vector<size_t>& order,
                                     const std::vector<Cluster>& clusters, const NominalGlyph& nominal) {
  std::vector<std::string> texts(order.size());
  for (const Cluster& c : clusters) {
    if (c.inserted_hyphen) {
      texts[c.begin] = kInsertedHyphen;
      continue;
    }
    if (c.end - c.begin == 1 || !nominal) {
      texts[c.begin] = c.text;
      continue;
    }
    // Align characters with glyphs: a character whose cmap glyph is the next
    // unmatched glyph of the cluster goes to it; any other character stays
    // with the glyph before (a ligature, a contextual form).
    std::vector<std::string> split(c.end - c.begin);
    size_t current = 0, next = 0;
    for (size_t pos = 0; pos < c.text.size();) {
      size_t start = pos;
      char32_t cp = utf8_next(c.text, pos);
      uint32_t g = nominal(cp);
      size_t k = next;
      while (k < split.size() && run.glyphs[order[c.begin + k]].id != g) ++k;
      if (g != 0 && k < split.size()) {
        current = k;
        next = k + 1;
      } else if (next == current) {
        next = current + 1;
      }
      split[current] += c.text.substr(start, pos - start);
    }
    // Keep the split only if every glyph got text and the order is kept;
    // otherwise the whole text goes to the first glyph (and the cluster gets
    // an /ActualText span, see prepare_text_run).
    std::string joined;
    bool complete = true;
    for (const std::string& s : split) {
      complete = complete && !s.empty();
      joined += s;
    }
    if (complete && joined == c.text) {
      for (size_t k = 0; k < split.size(); ++k) texts[c.begin + k] = split[k];
    } else {
      texts[c.begin] = c.text;
    }
  }
  return texts;
}

namespace {

// (glyph id, text) -> how often, per font, for pages [first, last): a hash
// map keyed by the id's four bytes and the text, turned into FontUse once.
using UseCounts = std::vector<std::unordered_map<std::string, int>>;

using Joins = std::map<std::pair<size_t, size_t>, RunJoin>;

void count_uses(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal, const Joins* joins,
                size_t first, size_t last, UseCounts& counts) {
  counts.assign(doc.fonts.size(), {});
  std::string key;
  for (size_t p = first; p < last; ++p) {
    for (size_t i = 0; i < doc.pages[p].items.size(); ++i) {
      const auto* run = std::get_if<model::GlyphRun>(&doc.pages[p].items[i]);
      if (!run || run->font < 0 || static_cast<size_t>(run->font) >= doc.fonts.size()) continue;
      auto f = static_cast<size_t>(run->font);
      std::vector<size_t> order = writing_order(*run);
      std::vector<Cluster> clusters = clusters_of(*run, order);
      std::vector<std::string> texts = glyph_texts(*run, order, clusters, f < nominal.size() ? nominal[f] : nullptr);
      for (size_t pos = 0; pos < order.size(); ++pos) {
        uint32_t gid = run->glyphs[order[pos]].id;
        key.assign(reinterpret_cast<const char*>(&gid), sizeof gid);
        key += texts[pos];
        ++counts[f][key];
      }
      if (joins) {
        auto join = joins->find({p, i});
        if (join != joins->end() && join->second.word_break_space) {
          uint32_t gid = nominal[f](U' ');
          key.assign(reinterpret_cast<const char*>(&gid), sizeof gid);
          ++counts[f][key + " "];
        }
      }
    }
  }
}

}  // namespace

std::vector<FontUse> collect_font_use(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal,
                                      int threads, const Joins* joins) {
  // The pages in two halves on two threads; the counts add up the same in
  // any order.
  const size_t parts = threads > 1 && doc.pages.size() > 1 ? 2 : 1;
  std::vector<UseCounts> counts(parts);
  const size_t middle = doc.pages.size() / 2;
  std::thread helper;
  if (parts == 2) helper = std::thread([&] { count_uses(doc, nominal, joins, middle, doc.pages.size(), counts[1]); });
  count_uses(doc, nominal, joins, 0, parts == 2 ? middle : doc.pages.size(), counts[0]);
  if (helper.joinable()) helper.join();

  std::vector<FontUse> uses(doc.fonts.size());
  for (const UseCounts& part : counts)
    for (size_t f = 0; f < part.size(); ++f)
      for (const auto& [key, n] : part[f]) {
        uint32_t gid = 0;
        std::memcpy(&gid, key.data(), sizeof gid);
        uses[f].gids.insert(gid);
        uses[f].texts[gid][key.substr(sizeof gid)] += n;
      }
  return uses;
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

std::map<std::pair<size_t, size_t>, RunJoin> plan_run_joins(const model::PagedDocument& doc,
                                                            const std::vector<NominalGlyph>& nominal) {
  struct Ref {
    size_t page, item;
    const model::GlyphRun* run;
  };
  std::vector<Ref> runs;
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (size_t i = 0; i < doc.pages[p].items.size(); ++i)
      if (const auto* r = std::get_if<model::GlyphRun>(&doc.pages[p].items[i]); r && !r->glyphs.empty())
        runs.push_back({p, i, r});

  std::map<std::pair<size_t, size_t>, RunJoin> plan;
  // Word-break spaces: the next tagged run (in page order) on another line.
  // (Left-to-right runs only: the check is on their right end.)
  const Ref* next_tagged = nullptr;
  for (size_t i = runs.size(); i-- > 0;) {
    const model::GlyphRun& run = *runs[i].run;
    if (run.tag < 0) continue;
    bool line_end = !next_tagged || starts_new_line(doc, runs[i].page, run, next_tagged->page, *next_tagged->run);
    auto f = static_cast<size_t>(run.font);
    if (line_end && !run.hyphenated && !run.rtl && f < nominal.size() && nominal[f] && nominal[f](U' ') != 0 &&
        ends_at_word_break(run.text))
      plan[{runs[i].page, runs[i].item}].word_break_space = true;
    next_tagged = &runs[i];
  }
  std::map<int, size_t> next_with_tag;  // tag -> index in `runs` of the next run with it
  // Backwards, so that a word spread over three lines chains: the middle
  // line's own tail is known when the first line is planned.
  for (size_t i = runs.size(); i-- > 0;) {
    const model::GlyphRun& run = *runs[i].run;
    auto next = next_with_tag.find(run.tag);
    if (run.hyphenated && !run.rtl && run.tag >= 0 && next != next_with_tag.end()) {
      const Ref& cont = runs[next->second];
      std::vector<Cluster> clusters = clusters_of(*cont.run, writing_order(*cont.run));
      std::string tail;
      size_t k = 0;
      while (k < clusters.size() && !clusters[k].inserted_hyphen && !has_space(clusters[k].text))
        tail += clusters[k++].text;
      RunJoin& cont_join = plan[{cont.page, cont.item}];
      if (k < clusters.size() && clusters[k].inserted_hyphen) {
        // The whole continuation line is one hyphenated word fragment.
        tail += cont_join.tail;
        cont_join.tail.clear();
        ++k;
      }
      if (!tail.empty()) {
        plan[{runs[i].page, runs[i].item}].tail = tail;
        cont_join.hidden_clusters = k;
      }
    }
    next_with_tag[run.tag] = i;
  }
  for (auto it = plan.begin(); it != plan.end();)
    it = it->second.tail.empty() && it->second.hidden_clusters == 0 && !it->second.word_break_space ? plan.erase(it)
                                                                                                   : std::next(it);
  return plan;
}

TextRunContent prepare_text_run(const model::GlyphRun& run, const GlyphMapping& mapping, const NominalGlyph& nominal,
                                const std::string& font, double x, double y, const RunJoin* join) {
  TextRunContent out;
  out.font = font;
  out.size = run.size;
  out.x = x;
  out.y = y;
  out.hscale = run.hscale > 0 ? run.hscale : 1;
  // Positions in visual order, exactly as HarfBuzz placed them: the pen moves
  // by each advance (font units) plus the justification extra (points). Tz
  // scales everything horizontally, so the extra, which must not grow, is
  // divided by it.
  const double per_unit = 1000.0 / mapping.units_per_em;
  const double per_point = run.size > 0 ? 1000.0 / run.size / out.hscale : 0;
  std::vector<ShowGlyph> visual(run.glyphs.size());
  double pen = 0;
  for (size_t i = 0; i < run.glyphs.size(); ++i) {
    const model::Glyph& g = run.glyphs[i];
    visual[i].x = pen + g.x_offset * per_unit;
    visual[i].rise = g.y_offset * per_unit;
    pen += g.x_advance * per_unit + g.extra * per_point;
  }
  std::vector<size_t> order = writing_order(run);
  std::vector<Cluster> clusters = clusters_of(run, order);
  std::vector<std::string> texts = glyph_texts(run, order, clusters, nominal);
  std::vector<const std::string*> mapped(order.size(), nullptr);
  out.glyphs.reserve(order.size());
  for (size_t pos = 0; pos < order.size(); ++pos) {
    ShowGlyph s = visual[order[pos]];
    auto cid = mapping.cid.find({run.glyphs[order[pos]].id, texts[pos]});
    if (cid != mapping.cid.end()) {
      s.cid = cid->second;
      auto w = mapping.width.find(s.cid);
      s.width = w != mapping.width.end() ? w->second : 0;
      auto u = mapping.unicode.find(s.cid);
      if (u != mapping.unicode.end()) mapped[pos] = &u->second;
    }
    out.glyphs.push_back(s);
  }

  // A span wherever the ToUnicode texts do not add up to the cluster's text.
  for (const Cluster& c : clusters) {
    std::string got;
    bool complete = true;
    for (size_t pos = c.begin; pos < c.end && complete; ++pos) {
      complete = mapped[pos] != nullptr;
      if (complete) got += *mapped[pos];
    }
    if (!complete || got != wanted_text(c)) out.spans.push_back({c.begin, c.end, wanted_text(c)});
  }

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
      replace_range(clusters[start].begin, clusters.back().end, word + join->tail);
    }
  }
  if (join && join->word_break_space && nominal) {
    // After the last glyph, where the pen stands: it paints nothing.
    auto cid = mapping.cid.find({nominal(U' '), " "});
    if (cid != mapping.cid.end()) {
      ShowGlyph space;
      space.x = pen;
      space.cid = cid->second;
      auto w = mapping.width.find(space.cid);
      space.width = w != mapping.width.end() ? w->second : 0;
      out.glyphs.push_back(space);
    }
  }
  return out;
}

}  // namespace jan20::pdf
