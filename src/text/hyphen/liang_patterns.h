#pragma once
// Liang's hyphenation patterns (Liang 1983; TeX: The Program §919–§965) as a
// trie, read from a libhyphen .dic file.
//
// At every position of ".word." every pattern that matches there contributes
// its values, and each inter-letter position keeps the largest; an odd value
// is a break. This is the algorithm itself, not libhyphen's automaton, so a
// pattern that ends inside a longer one counts without the file being
// prepared first (Hunspell's substrings.pl), and loading is one pass over the
// lines: about a millisecond for Debian's English file, where libhyphen and
// the preparation took some 25 ms a run.
//
// What the file may hold: the encoding on the first line; LEFTHYPHENMIN and
// RIGHTHYPHENMIN; comments ('%' or '#'); patterns. Other keywords are
// ignored, as are non-standard patterns (with '/', as in German "Schiffahrt"):
// our discretionaries cannot replace letters. A file with NEXTLEVEL (compound
// levels) is refused.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jan20::text::hyphen {

class LiangPatterns {
 public:
  // `text` is the file's contents converted to UTF-8 (its first line, the
  // encoding name, is skipped). Empty with `error` set when it cannot be used.
  static std::optional<LiangPatterns> parse(std::string_view text, std::string* error);

  // Boundaries in `letters`: index i is a break between letters[i-1] and
  // letters[i], with at least `left` letters before it and `right` after it.
  std::vector<size_t> boundaries(std::u32string_view letters, int left, int right) const;

  int left_min() const { return left_min_; }    // the file's LEFTHYPHENMIN, 0 when absent
  int right_min() const { return right_min_; }  // the file's RIGHTHYPHENMIN, 0 when absent
  size_t pattern_count() const { return patterns_; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Node {
    uint32_t values = kNone;  // offset into values_ of size(depth + 1), or kNone
    uint32_t depth = 0;       // letters from the root
  };
  // Trie edges in one open-addressed table keyed by (node, character); 12
  // bytes each, as the table is most of what loading touches.
  struct Edge {
    uint32_t node = kNone;  // kNone: an empty slot
    uint32_t c = 0;
    uint32_t child = 0;
  };
  static size_t slot_of(uint32_t node, char32_t c, size_t mask);
  uint32_t child(uint32_t node, char32_t c) const;
  uint32_t add_child(uint32_t node, char32_t c);
  void grow(size_t at_least);  // doubles the edge table, to at least `at_least` slots
  // The last pattern added: its letters and the node after each.
  struct Path {
    std::u32string letters;
    std::vector<uint32_t> nodes;
  };
  void add_pattern(std::u32string_view letters, const std::vector<uint8_t>& values, Path& path);

  std::vector<Node> nodes_{Node{}};
  std::vector<Edge> edges_;
  size_t edge_count_ = 0;
  std::vector<uint8_t> values_;
  size_t patterns_ = 0;
  int left_min_ = 0, right_min_ = 0;
};

}  // namespace jan20::text::hyphen
