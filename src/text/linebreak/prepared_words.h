#pragma once
// Words as collect() first cut them, kept whole for their next occurrences.
//
// Most words of a booklet come again and again in the same style ("və",
// "Yanvar", "şəhid"). collect() turns each occurrence into a unit of glyphs,
// hyphenation points and fragments with their widths and protrusion; for a
// plain word (one shaping run, no break opportunity of the paragraph inside
// it, not tied to the word before) all of that depends only on the word and
// its style, so the second occurrence can copy what the first one worked out
// instead of looking the glyphs and the hyphenation up again and walking the
// glyphs once per fragment.
//
// A word is recorded from what collect()'s own path produced for it, so a
// copy is exactly that (the same glyphs, offsets and the same doubles). The
// glyphs are the ShapeCache's own vector (its entries never move or change),
// not a copy. One store per thread (ParagraphScratch), not shared, no locks;
// it stops taking words at kMostWords so that a long book's vocabulary does
// not add to its peak memory, and keeps them in blocks of its own: spread
// among the lines' glyph runs, which are freed page by page later, they held
// pages of the heap in memory (2 MiB more at the peak for 2,400 pages).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/view_hash.h"
#include "text/shape.h"

namespace jan20::text {
class ShapeCache;
}

namespace jan20::text::linebreak {

struct PreparedWord {
  // The ShapeCache's glyphs of the word, clusters relative to its start.
  const std::vector<ShapedGlyph>* glyphs = nullptr;
  struct Piece {  // a fragment: the word from one hyphenation point to the next
    uint32_t begin = 0, end = 0;              // bytes, relative to the word
    uint32_t first_glyph = 0, glyph_count = 0;  // in `glyphs`
    double width = 0;                         // pt, tracking included
    double left = 0;                          // pt its first glyph hangs out when it starts a line
  };
  std::pmr::vector<Piece> pieces;  // a hyphenation point between each two
  double right = 0;           // pt the last glyph hangs out when it ends a line
};

class PreparedWords {
 public:
  static constexpr size_t kMostWords = 2048;

  PreparedWords() = default;
  PreparedWords(const PreparedWords&) = delete;
  PreparedWords& operator=(const PreparedWords&) = delete;
  // Lets every word and style go, and the blocks they were kept in.
  void clear();
  // An empty prepared word whose pieces are kept in this store's blocks.
  PreparedWord make() { return PreparedWord{nullptr, std::pmr::vector<PreparedWord::Piece>(&pool_), 0}; }

  // Forgets every word when `cache` is not the one the words came from.
  void use_cache(const ShapeCache* cache);
  // A small number standing for a style's key (the bytes of everything
  // besides the word that shapes, cuts and measures it).
  uint32_t style_id(std::string_view style_key);
  const PreparedWord* find(uint32_t style, std::string_view word) const;
  bool full() const { return words_.size() >= kMostWords; }
  void add(uint32_t style, std::string_view word, PreparedWord prepared);
  size_t size() const { return words_.size(); }

 private:
  // The key: the style's number (4 bytes), then the word.
  static std::string_view key(uint32_t style, std::string_view word, std::string& buffer);

  const ShapeCache* cache_ = nullptr;
  std::pmr::monotonic_buffer_resource pool_{size_t{64} << 10};
  std::unordered_map<std::string, uint32_t, ViewHash<char>, std::equal_to<>> styles_;
  std::pmr::unordered_map<std::pmr::string, PreparedWord, ViewHash<char>, std::equal_to<>> words_{&pool_};
  mutable std::string buffer_;  // find's key, reused
};

}  // namespace jan20::text::linebreak
