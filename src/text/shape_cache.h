#pragma once
// Per-word shaping cache, keyed by text, face, size-independent features,
// language, script and direction. One per build; shared by every paragraph and
// edition of the run (thread-safe).
#include <memory>
#include <string>
#include <vector>

#include "text/breaks.h"
#include "text/script.h"
#include "text/shape.h"

namespace jan20::text {

class ShapeCache {
 public:
  ShapeCache();
  ~ShapeCache();
  // Shapes request (a word) or returns the cached glyphs. Clusters are relative
  // to request.begin.
  std::vector<ShapedGlyph> shape_word(const ShapeRequest& request);
  // The same glyphs appended to `out`, copied straight from the cache: a
  // caller that keeps its glyphs in one vector allocates nothing per word.
  // Returns the cache's own vector of them (clusters relative to the word's
  // start), or null when the cache is off or the request is empty. That
  // vector stays where it is, unchanged, as long as the cache lives.
  const std::vector<ShapedGlyph>* shape_word_into(const ShapeRequest& request, std::vector<ShapedGlyph>& out);
  size_t hits() const;
  size_t misses() const;
  void set_enabled(bool enabled);  // benchmarks compare with and without
  // The build's ICU line break iterators, reused from paragraph to paragraph.
  LineBreakIterators& line_break_iterators();
  // The build's language look-ups (itemize).
  LikelyScripts& likely_scripts();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jan20::text
