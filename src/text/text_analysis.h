#pragma once
// What setting a paragraph needs of its text alone, before any size or
// measure: the code points, the shaping runs (itemize) and the break
// opportunities (find_breaks). A poster's fill frame sets the same paragraphs
// at a dozen scales, a balanced heading and a row of figures' labels at
// several measures: each such setting after the first finds these here
// instead of making them again.
//
// The key is everything itemize and find_breaks read: the text, the
// paragraph language, and each span's range, faces, language and source
// location (itemize names it in its errors); the hyphenation minimums that
// find_breaks applies to hard hyphens. Sizes, measures, features and colours
// are not read by either. What itemize reported is kept and given again with
// each use, so a use reports what making it would have. Faces are compared by
// address: the faces of the paragraphs set with one scratch outlive it (a
// build's FontCollection never lets one go).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "text/breaks.h"
#include "text/code_points.h"
#include "text/itemize.h"
#include "text/paragraph.h"

namespace jan20::text {

struct TextAnalysis {
  CodePoints decoded;
  std::vector<ShapingRun> runs;
  DiagnosticSink diagnostics;  // what itemize reported
  // Made on first use (a paragraph whose runs lack a face never needs them).
  std::optional<std::vector<BreakOpportunity>> opportunities;
};

// The last few analyses made on one thread (kept in its ParagraphScratch).
// An analysis is kept from a text's second setting on: the first is only
// remembered by its hash, so that a book whose every paragraph is set once
// copies none of them. When kKept are kept, a new one takes the place of the
// one used least recently (a fill frame of more than kKept paragraphs, set
// round after round, then finds none of them kept).
class TextAnalyses {
 public:
  TextAnalyses();
  ~TextAnalyses();
  TextAnalyses(const TextAnalyses&) = delete;
  TextAnalyses& operator=(const TextAnalyses&) = delete;

  // The analysis of `input`'s text: a kept one with the same key; else one
  // made here (decoded and itemized), kept (in place of the one used least
  // recently) when the text was set lately, otherwise made in `once`. Valid
  // until the next call (or while `once` lives).
  TextAnalysis& of(const ParagraphInput& input, int min_left, int min_right, LikelyScripts* likely,
                   TextAnalysis& once);

  size_t reused() const { return reused_; }  // how many uses found a kept analysis

  static constexpr size_t kKept = 32;   // a fill frame's paragraphs, a poster's at once
  static constexpr size_t kSeen = 64;   // hashes of the texts set last

 private:
  struct Entry;
  std::vector<std::unique_ptr<Entry>> entries_;
  size_t uses_ = 0;  // a clock: one tick per analysis made or found
  std::vector<size_t> seen_;  // a ring of text hashes
  size_t next_seen_ = 0;
  size_t reused_ = 0;
};

}  // namespace jan20::text
