#pragma once
// From a paragraph's text to Knuth–Plass nodes (the "collect" step):
//  - the text is cut into words (runs of non-space characters) and white
//    space; a space run is glue, breakable where breaks.h allows a line to
//    start after it and a tie otherwise ("20 Yanvar", U+00A0);
//  - each word is cut into units, the parts of it that share one face,
//    script, direction, language and feature set, and each unit is shaped
//    once through the per-word cache (ShapeCache::shape_word). A unit that
//    touches another unit of the same word is reshaped with the paragraph as
//    context when HarfBuzz flags its edge unsafe to break, or when its script
//    joins (Arabic);
//  - each word is cut again at its break points, which are the hard-hyphen
//    and other breaks of breaks.h and the Hyphenator's points, and at item
//    edges; each piece is a box (a Fragment) holding its glyphs; each break
//    point is a penalty, and a hyphenation point's penalty has the width of a
//    hyphen shaped in the word's face. A word tied to the one before it
//    ("20 Yanvar", "H. Əliyev", a no-break space) is not hyphenated, so that
//    the pair stays whole.
// Every Knuth–Plass node's origin points into `elements`, which points into
// the vectors below; lines.h turns a chosen break sequence back into glyphs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/breaks.h"
#include "text/code_points.h"
#include "text/hyphenate.h"
#include "text/itemize.h"
#include "text/linebreak/nodes.h"
#include "text/linebreak/prepared_words.h"
#include "text/paragraph.h"
#include "text/shape.h"
#include "text/shape_cache.h"

namespace jan20::text::linebreak {

struct Element {  // what a Knuth–Plass node stands for
  enum class Kind { Indent, Fragment, Space, Break };
  Kind kind = Kind::Fragment;
  size_t index = 0;  // into Collected::fragments, spaces or breaks
};

struct Unit {  // part of a word shaped in one go
  size_t begin = 0, end = 0;  // bytes of the paragraph
  size_t item = 0;            // its first text::ShapingRun (face, script, direction, language, features)
  // Its glyphs: `glyph_count` of Collected::unit_glyphs from `first_glyph`
  // (Collected::glyphs_of); clusters are byte offsets in the paragraph.
  size_t first_glyph = 0, glyph_count = 0;
};

struct Fragment {  // a box: part of a word between break points, in one text::ShapingRun
  size_t begin = 0, end = 0;
  size_t item = 0, unit = 0, word = 0;
  // Its glyphs: the unit's glyphs whose cluster is in [begin, end), in visual
  // order. They follow each other in the unit's glyphs (HarfBuzz's clusters are
  // monotone), so they are `glyph_count` glyphs from `first_glyph` there,
  // not a copy; were they ever not, `scattered` holds them
  // (Collected::glyphs_of gives either).
  size_t first_glyph = 0, glyph_count = 0;
  std::vector<ShapedGlyph> scattered;
  double width = 0;                 // pt, tracking included
};

struct SpaceGlyph {  // one character of a SpaceRun
  uint32_t id = 0;
  int32_t advance = 0;  // font units
  size_t offset = 0;    // byte offset of the character
};

struct SpaceRun {  // white space between two words: glue
  size_t begin = 0, end = 0;
  size_t item = 0;
  // One glyph per character: `glyph_count` of Collected::space_glyphs from `first_glyph`.
  size_t first_glyph = 0, glyph_count = 0;
  double width = 0, stretch = 0, shrink = 0;  // pt; stretch and shrink as if justified
  bool breakable = true;           // false: a tie
  bool mandatory = false;          // a line separator: the line must end here
};

struct BreakPoint {  // a possible break inside a word
  enum class Kind { Hyphenation, HardHyphen, Other };
  Kind kind = Kind::Other;
  size_t offset = 0;  // byte where the next line would start
  size_t unit = 0;    // the unit the break is in (or ends)
};

struct Word {
  size_t begin = 0, end = 0;
  double width = 0;   // pt, unbroken
  size_t item = 0;    // first text::ShapingRun (its span locates the word for messages)
};

struct GlyphSpan {  // glyphs that belong to someone else
  const ShapedGlyph* data = nullptr;
  size_t size = 0;
  const ShapedGlyph* begin() const { return data; }
  const ShapedGlyph* end() const { return data + size; }
  const ShapedGlyph& operator[](size_t i) const { return data[i]; }
  bool empty() const { return size == 0; }
};

struct Collected {
  std::vector<Unit> units;
  std::vector<ShapedGlyph> unit_glyphs;  // the Units' glyphs, one after the other
  std::vector<Fragment> fragments;
  std::vector<SpaceRun> spaces;
  std::vector<SpaceGlyph> space_glyphs;  // the SpaceRuns' glyphs, one after the other
  std::vector<BreakPoint> breaks;
  std::vector<Word> words;
  std::vector<Element> elements;
  std::vector<Node> nodes;  // Knuth–Plass nodes; origin = index into elements
  double em = 10;           // pt: the first span's size (ragged stretch is in em)

  GlyphSpan glyphs_of(const Unit& u) const { return {unit_glyphs.data() + u.first_glyph, u.glyph_count}; }
  GlyphSpan glyphs_of(const Fragment& f) const {
    if (f.glyph_count == 0 || !f.scattered.empty()) return {f.scattered.data(), f.scattered.size()};
    return {unit_glyphs.data() + units[f.unit].first_glyph + f.first_glyph, f.glyph_count};
  }
};

struct CollectContext {
  const ParagraphInput& input;
  const std::vector<text::ShapingRun>& shaping_runs;
  const std::vector<BreakOpportunity>& opportunities;
  ShapeCache& cache;
  Hyphenators& hyphenators;
  const CodePoints* decoded = nullptr;  // input.text decoded, when the caller has it
  // The thread's words from earlier occurrences (prepared_words.h), when the
  // caller keeps them: plain words found there are copied, not cut again.
  PreparedWords* prepared = nullptr;
};

Collected collect(const CollectContext& ctx);

// The shaping request for bytes [begin, end) of `text` in `item`'s face,
// script, direction, language and features.
ShapeRequest request_for(const ParagraphInput& input, const text::ShapingRun& item, std::string_view text, size_t begin,
                         size_t end);
// Points per font unit for `item`, and its tracking per glyph in points.
double scale_of(const ParagraphInput& input, const text::ShapingRun& item);
double tracking_of(const ParagraphInput& input, const text::ShapingRun& item);
// The hyphen inserted at a hyphenation point: U+2010 when the face has it.
std::string hyphen_text(const font::Face* face);

}  // namespace jan20::text::linebreak
