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
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/paged.h"
#include "pdf/content.h"

namespace jan20::pdf {

// The glyph the font's cmap gives a character (0 when none).
using NominalGlyph = std::function<uint32_t(char32_t)>;

// What an inserted hyphen extracts as (see above).
inline constexpr const char* kInsertedHyphen = "-";

// Indices into run.glyphs in the order they are written (logical order).
std::vector<size_t> writing_order(const model::GlyphRun& run);

struct Cluster {
  size_t begin = 0, end = 0;  // positions in writing order
  std::string text;           // the source text the glyphs stand for
  bool inserted_hyphen = false;
};
// Clusters of a run along `order`: each glyph with text starts one; glyphs
// with an empty text range join the cluster before them; the inserted
// hyphen of a hyphenated run is a cluster of its own.
std::vector<Cluster> clusters_of(const model::GlyphRun& run, const std::vector<size_t>& order);

// The text of each glyph (by position in writing order). A cluster's text is
// split over its glyphs when the font's cmap lines them up in order, else it
// all goes to the cluster's first glyph; the inserted hyphen gets "-".
std::vector<std::string> glyph_texts(const model::GlyphRun& run, const std::vector<size_t>& order,
                                     const std::vector<Cluster>& clusters, const NominalGlyph& nominal);

// Hyphenated words across runs: the continuation of a run's last word (to be
// added to its /ActualText) and how many leading clusters of a run continue
// the previous line's word (hidden behind an empty /ActualText).
struct RunJoin {
  std::string tail;
  size_t hidden_clusters = 0;
  bool word_break_space = false;  // the line ends at a word break: add a space glyph
};
// Keyed by (page index, item index). Only runs with a structure tag are
// joined: the continuation is the next run with the same tag. A tagged run
// gets a word-break space when the next tagged run is on another line (or
// there is none) and its text does not already end in a space or a hyphen.
// `nominal` gives each font's space glyph (fonts without one get no space).
std::map<std::pair<size_t, size_t>, RunJoin> plan_run_joins(const model::PagedDocument& doc,
                                                            const std::vector<NominalGlyph>& nominal);

// What one font contributes: every glyph used, with the texts it stands for
// and how often.
struct FontUse {
  std::set<uint32_t> gids;
  std::map<uint32_t, std::map<std::string, int>> texts;
};

// One FontUse per PagedDocument::fonts entry; `nominal[i]` is font i's cmap.
// With threads > 1, the pages are read in two halves at once.
// `joins` adds the word-break spaces it plans.
std::vector<FontUse> collect_font_use(const model::PagedDocument& doc, const std::vector<NominalGlyph>& nominal,
                                      int threads = 1,
                                      const std::map<std::pair<size_t, size_t>, RunJoin>* joins = nullptr);

// How the embedded font renders each (original glyph id, text) pair.
struct GlyphMapping {
  int units_per_em = 1000;
  std::map<std::pair<uint32_t, std::string>, uint16_t> cid;
  std::map<uint16_t, double> width;         // CID -> /W entry (1/1000 em)
  std::map<uint16_t, std::string> unicode;  // CID -> ToUnicode text
};


// The run's glyphs with positions and spans, ready for encode_text_run.
// (x, y) is the run origin in PDF user space; `font` the page resource name.
TextRunContent prepare_text_run(const model::GlyphRun& run, const GlyphMapping& mapping, const NominalGlyph& nominal,
                                const std::string& font, double x, double y, const RunJoin* join = nullptr);

}  // namespace jan20::pdf
