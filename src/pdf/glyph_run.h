#pragma once
// From the typeset glyph runs to what the PDF needs: which glyphs each font
// uses and which text each glyph stands for (for the subset, /W, the CIDs and
// ToUnicode), and for each run the glyphs in writing order with their exact
// positions and the /ActualText spans. Pure: model data in, plain data out.
//
// How text comes back out (tested with poppler 22.12 and MuPDF 1.21):
// * MuPDF 1.21 ignores /ActualText, so the ToUnicode map alone must give the
//   source text. Each glyph therefore gets its own text: a cluster's text is
//   split over its glyphs by the font's cmap (a base letter and a combining
//   mark each get their own character; a ligature keeps all of its
//   characters), and for TrueType fonts every (glyph, text) pair gets its own
//   CID (CIDToGIDMap), so a glyph that stands for different texts in
//   different places still maps right.
// * Where that cannot work (CFF fonts, whose CID is the glyph index; a glyph
//   left without text of its own) the cluster is wrapped in a /Span with
//   /ActualText, which poppler and Acrobat honour.
// * An inserted hyphen stands for U+002D HYPHEN-MINUS at the end of its
//   line. Mozilla PDF.js (Firefox) drops a U+00AD it reads, so "xal" and
//   "qının" became two words its Find could not match; a "-" at a line end
//   is what PDF.js's find joins ("foo-\nbar" -> "foobar"), and MuPDF and
//   pdftotext -layout print it as any line-end hyphen. When the word's
//   continuation is known (the next run with the same structure tag), the
//   last word of the line plus the hyphen get /ActualText with the whole
//   word and the continuation an empty /ActualText: `pdftotext` (also -raw),
//   `pdfinfo -struct-text` and copy in Acrobat give whole words.
// * A line that ends at a word break gets a space glyph after its last
//   glyph (ISO 32000-1 §14.8.2.5: a space where a word break falls at a line
//   end), so that readers which follow the tags (pdfinfo -struct-text, PDF.js
//   getStructTree with its text) do not glue the last word of a line to the
//   first of the next, nor a figure to its label.
// * Right-to-left runs arrive in visual order. They are written in LOGICAL
//   order (last visual glyph first), each glyph still placed at its visual
//   position by TJ adjustments: poppler's default mode and `mutool draw -F
//   txt` then both return the letters in logical order (poppler wraps the run
//   in U+202B…U+202C). Visual-order writing made MuPDF return them reversed,
//   and an ActualText around the whole run made both worse. The cost:
//   `pdftotext -raw` prints such a run one character per line.
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/paged.h"
#include "pdf/content.h"

namespace jan20::pdf {

// The glyph the font's cmap gives a character (0 when none).
using NominalGlyph = std::function<uint32_t(char32_t)>;

// What an inserted hyphen extracts as (see above).
inline constexpr const char* kInsertedHyphen = "-";

// Indices into run.glyphs in the order they are written (logical order):
// position `pos` writes glyph `glyph_at(run, pos)`.
std::vector<size_t> writing_order(const model::GlyphRun& run);
inline size_t glyph_at(const model::GlyphRun& run, size_t pos) {
  return run.rtl ? run.glyphs.size() - 1 - pos : pos;
}

struct Cluster {
  size_t begin = 0, end = 0;  // positions in writing order
  std::string_view text;      // the source text the glyphs stand for (a view into the run's text)
  bool inserted_hyphen = false;
};
// Clusters of a run in writing order: each glyph with text starts one;
// glyphs with an empty text range join the cluster before them; the inserted
// hyphen of a hyphenated run is a cluster of its own. `out` is reused.
void clusters_of(const model::GlyphRun& run, std::vector<Cluster>& out);
std::vector<Cluster> clusters_of(const model::GlyphRun& run);

// The text of each glyph (by position in writing order). A cluster's text is
// split over its glyphs when the font's cmap lines them up in order, else it
// all goes to the cluster's first glyph; the inserted hyphen gets "-".
// The views point into the run's text (or kInsertedHyphen); `out` is reused.
void glyph_texts(const model::GlyphRun& run, const std::vector<Cluster>& clusters, const NominalGlyph& nominal,
                 std::vector<std::string_view>& out);
std::vector<std::string> glyph_texts(const model::GlyphRun& run, const NominalGlyph& nominal);

// Hyphenated words across runs: the continuation of a run's last word (to be
// added to its /ActualText) and how many leading clusters of a run continue
// the previous line's word (hidden behind an empty /ActualText).
struct RunJoin {
  std::string_view tail;  // views the RunJoins it came from
  size_t hidden_clusters = 0;
  bool word_break_space = false;  // the line ends at a word break: add a space glyph
};
// Keyed by (page index, item index). Only runs with a structure tag are
// joined: the continuation is the next run with the same tag. A tagged run
// gets a word-break space when the next tagged run is on another line (or
// there is none) and its text does not already end in a space or a hyphen.
// Nearly every line of a long book has a join (its word-break space), so they
// are kept in 20 bytes each, sorted, the few tails beside them.
class RunJoins {
 public:
  // The join of item `item` on page `page`, if it has one.
  std::optional<RunJoin> find(size_t page, size_t item) const;
  RunJoin at(size_t page, size_t item) const;  // throws std::out_of_range when it has none
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

 private:
  friend RunJoins plan_run_joins(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal);
  struct Entry {
    uint32_t page = 0, item = 0;
    uint32_t hidden_clusters = 0;
    uint32_t tail = 0;  // 1 + its index in tails_; 0: none
    bool word_break_space = false;
  };
  std::vector<Entry> entries_;  // by (page, item)
  std::vector<std::string> tails_;
};
// `nominal` gives each font's space glyph (fonts without one get no space).
RunJoins plan_run_joins(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal);

// One font's (glyph id, text) pairs, numbered from 0 in order of first use,
// with how often each is used. What a glyph stands for is worked out once,
// when its run is planned (plan_text); the page writer then finds its CID by
// the pair's number.
class GlyphPairs {
 public:
  struct Pair {
    uint32_t gid = 0;
    std::string text;
    int uses = 0;
  };
  GlyphPairs() = default;
  GlyphPairs(const GlyphPairs&) = delete;  // the index holds views of the pairs' texts
  GlyphPairs& operator=(const GlyphPairs&) = delete;
  GlyphPairs(GlyphPairs&&) = default;  // a deque's elements do not move with it
  GlyphPairs& operator=(GlyphPairs&&) = default;

  // The pair's number, added if new; counts `uses` more uses.
  uint32_t add(uint32_t gid, std::string_view text, int uses = 1);
  size_t size() const { return pairs_.size(); }
  const Pair& operator[](uint32_t id) const { return pairs_[id]; }

 private:
  struct Key {
    uint32_t gid;
    std::string_view text;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<std::string_view>()(k.text) ^ (size_t{k.gid} * 0x9E3779B97F4A7C15ull);
    }
  };
  std::deque<Pair> pairs_;  // stable: the keys view their texts
  std::unordered_map<Key, uint32_t, KeyHash> ids_;
  // Most texts are one letter of one to three bytes: such a pair, packed
  // into 64 bits, is looked up in a small direct-mapped table first.
  struct Recent {
    uint64_t key = 0;  // 0: empty (a packed key always has its length bits set)
    uint32_t id = 0;
    Pair* pair = nullptr;  // pairs_[id], without the deque's index arithmetic (its elements never move)
  };
  static constexpr size_t kRecent = 1024;
  std::vector<Recent> recent_ = std::vector<Recent>(kRecent);
};

// A pair's number as a page stores it: two bytes a glyph. A font with more
// than 65535 pairs cannot be embedded (embed_glyph_font refuses it), so no
// page is written with numbers that wrapped.
using PairId = uint16_t;
inline constexpr PairId kNoPair = 0xFFFF;

// The pair numbers of one run's glyphs in writing order, then, when `join`
// asks for a word-break space, the space's pair. Adds the pairs to `pairs`.
// `texts` and `clusters` are scratch space, reused between runs. True when
// every cluster of the run is one glyph with text of its own (or the inserted
// hyphen): prepare_text_run then needs no clusters either.
bool plan_run(const model::GlyphRun& run, const NominalGlyph& nominal, const RunJoin* join, GlyphPairs& pairs,
              std::vector<PairId>& ids, std::vector<Cluster>& clusters, std::vector<std::string_view>& texts);

// Every glyph run of a document, planned once: each font's pairs, and each
// run's pair numbers (page by page, item by item).
struct TextPlan {
  std::vector<GlyphPairs> fonts;  // one per PagedDocument::fonts entry
  struct PageIds {
    std::vector<PairId> ids;           // the page's runs' pair numbers, one run after the other
    std::vector<uint32_t> item_begin;  // item i's start in `ids` (items + 1 entries)
    std::vector<bool> one_glyph;       // item i: plan_run's answer (false for an item that is no run)
  };
  std::vector<PageIds> pages;
  std::span<const PairId> ids_of(size_t page, size_t item) const {
    const PageIds& p = pages[page];
    return {p.ids.data() + p.item_begin[item], p.ids.data() + p.item_begin[item + 1]};
  }
  bool one_glyph_clusters(size_t page, size_t item) const { return pages[page].one_glyph[item]; }
  // The page's numbers are no longer needed (the page is written).
  void release(size_t page) { PageIds().ids.swap(pages[page].ids); }
};
// With threads > 1, the pages are planned in two halves at once; the pairs'
// numbers then follow the first half's first uses, then the second's.
// `joins` adds the word-break spaces it plans.
TextPlan plan_text(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal, int threads = 1,
                   const RunJoins* joins = nullptr);

// What one font contributes: every glyph used, with the texts it stands for
// and how often.
struct FontUse {
  std::set<uint32_t> gids;
  std::map<uint32_t, std::map<std::string, int>> texts;
};
FontUse font_use(const GlyphPairs& pairs);

// How the embedded font renders each (original glyph id, text) pair.
struct GlyphMapping {
  int units_per_em = 1000;
  std::map<std::pair<uint32_t, std::string>, uint16_t> cid;
  std::map<uint16_t, double> width;         // CID -> /W entry (1/1000 em)
  std::map<uint16_t, std::string> unicode;  // CID -> ToUnicode text
  // The same by pair number (GlyphPairs of the font), for the page writer.
  struct Show {
    bool found = false;  // the pair has a CID
    uint16_t cid = 0;
    double width = 0;
    bool mapped = false;  // the CID has a ToUnicode text
    std::string unicode;
    bool self_mapped = false;  // found, and its ToUnicode text is the pair's own text
  };
  std::vector<Show> by_pair;
};
// Fills `mapping.by_pair` from its maps.
void index_pairs(const GlyphPairs& pairs, GlyphMapping& mapping);

// The run's glyphs with positions and spans, ready for encode_text_run.
// `ids` are the run's pair numbers (plan_run); a glyph without one gets CID 0. (x, y) is the run origin in
// PDF user space; `font` the page resource name.
TextRunContent prepare_text_run(const model::GlyphRun& run, std::span<const PairId> ids, const GlyphMapping& mapping,
                                const std::string& font, double x, double y, const RunJoin* join = nullptr);
// The same into `out`, whose vectors keep their room from run to run, with
// `clusters` as scratch space: the page writer allocates nothing per run.
// `one_glyph` is what plan_run returned for the run.
void prepare_text_run(const model::GlyphRun& run, std::span<const PairId> ids, bool one_glyph,
                      const GlyphMapping& mapping, const std::string& font, double x, double y, const RunJoin* join,
                      TextRunContent& out, std::vector<Cluster>& clusters);

}  // namespace jan20::pdf
