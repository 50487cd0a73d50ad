#include "text/hyphen/liang_patterns.h"

#include <algorithm>
#include <cstdlib>

#include "core/utf.h"

namespace jan20::text::hyphen {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

int keyword_number(std::string_view line, std::string_view keyword) {
  return std::atoi(std::string(line.substr(keyword.size())).c_str());
}

// MurmurHash3's finaliser: node numbers and characters are small and close
// together, and linear probing needs them spread.
uint64_t mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ULL;
  key ^= key >> 33;
  return key;
}

}  // namespace

size_t LiangPatterns::slot_of(uint32_t node, char32_t c, size_t mask) {
  return static_cast<size_t>(mix((uint64_t{node} << 21) | uint64_t{c})) & mask;
}

uint32_t LiangPatterns::child(uint32_t node, char32_t c) const {
  const size_t mask = edges_.size() - 1;
  for (size_t slot = slot_of(node, c, mask);; slot = (slot + 1) & mask) {
    const Edge& edge = edges_[slot];
    if (edge.node == node && edge.c == c) return edge.child;
    if (edge.node == kNone) return kNone;
  }
}

void LiangPatterns::grow(size_t at_least) {
  std::vector<Edge> old = std::move(edges_);
  size_t size = old.empty() ? 1024 : old.size() * 2;
  while (size < at_least) size *= 2;
  edges_.assign(size, Edge{});
  const size_t mask = edges_.size() - 1;
  for (const Edge& edge : old) {
    if (edge.node == kNone) continue;
    size_t slot = slot_of(edge.node, edge.c, mask);
    while (edges_[slot].node != kNone) slot = (slot + 1) & mask;
    edges_[slot] = edge;
  }
}

uint32_t LiangPatterns::add_child(uint32_t node, char32_t c) {
  if ((edge_count_ + 1) * 2 > edges_.size()) grow(0);  // at most half full
  // One probe: the edge when it is there, else the empty slot it goes in.
  const size_t mask = edges_.size() - 1;
  size_t slot = slot_of(node, c, mask);
  for (; edges_[slot].node != kNone; slot = (slot + 1) & mask)
    if (edges_[slot].node == node && edges_[slot].c == c) return edges_[slot].child;
  const uint32_t id = static_cast<uint32_t>(nodes_.size());
  nodes_.push_back(Node{kNone, nodes_[node].depth + 1});
  edges_[slot] = Edge{node, static_cast<uint32_t>(c), id};
  ++edge_count_;
  return id;
}

void LiangPatterns::add_pattern(std::u32string_view letters, const std::vector<uint8_t>& values, Path& path) {
  if (letters.empty()) return;  // a line of digits only
  // The file is sorted, so a pattern mostly begins with the last one's
  // letters: their nodes are taken from its path without a lookup.
  size_t shared = 0;
  const size_t most = std::min(letters.size(), path.letters.size());
  while (shared < most && letters[shared] == path.letters[shared]) ++shared;
  // Only the letters after the shared ones change.
  path.letters.resize(letters.size());
  path.nodes.resize(letters.size());
  uint32_t node = shared > 0 ? path.nodes[shared - 1] : 0;
  for (size_t k = shared; k < letters.size(); ++k) {
    path.letters[k] = letters[k];
    path.nodes[k] = node = add_child(node, letters[k]);
  }
  Node& end = nodes_[node];
  if (end.values == kNone) {
    end.values = static_cast<uint32_t>(values_.size());
    values_.insert(values_.end(), values.begin(), values.end());
    ++patterns_;
  } else {  // the same letters twice: each position keeps the larger value
    for (size_t k = 0; k < values.size(); ++k) values_[end.values + k] = std::max(values_[end.values + k], values[k]);
  }
}

std::optional<LiangPatterns> LiangPatterns::parse(std::string_view text, std::string* error) {
  LiangPatterns table;
  // The trie has at most about a seventh as many edges as the file has bytes
  // (Debian's English file: 15,333 for 106,063; Russian: 7,463 for 28,300):
  // slots for two sevenths keep such a file at most half full, so the table
  // is not rebuilt while it is read.
  table.grow(text.size() * 2 / 7);
  std::u32string letters;
  std::vector<uint8_t> values;
  letters.reserve(64);
  values.reserve(65);
  Path path;
  bool first_line = true;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (first_line) {  // the encoding, already applied
      first_line = false;
      continue;
    }
    if (line.empty() || line[0] == '%' || line[0] == '#') continue;
    if (line[0] >= 'A' && line[0] <= 'Z') {
      if (line.starts_with("NEXTLEVEL")) {
        if (error) *error = "compound-level patterns (NEXTLEVEL) are not supported";
        return std::nullopt;
      }
      if (line.starts_with("LEFTHYPHENMIN")) table.left_min_ = keyword_number(line, "LEFTHYPHENMIN");
      if (line.starts_with("RIGHTHYPHENMIN")) table.right_min_ = keyword_number(line, "RIGHTHYPHENMIN");
      continue;
    }
    // The pattern is the line up to its first blank. One with '/' is
    // non-standard, and not supported.
    letters.clear();
    values.assign(1, 0);
    bool standard = true;
    for (size_t i = 0; i < line.size();) {
      const char c = line[i];
      if (c == ' ' || c == '\t') break;
      if (c == '/') {
        standard = false;
        break;
      }
      if (c >= '0' && c <= '9') {
        values.back() = static_cast<uint8_t>(c - '0');
        ++i;
      } else if (static_cast<unsigned char>(c) < 0x80) {  // the usual letter: itself, without decoding
        letters.push_back(static_cast<char32_t>(c));
        values.push_back(0);
        ++i;
      } else {
        letters.push_back(utf8_next(line, i));
        values.push_back(0);
      }
    }
    if (standard) table.add_pattern(letters, values, path);
  }
  if (table.patterns_ == 0) {
    if (error) *error = "it holds no patterns";
    return std::nullopt;
  }
  return table;
}

std::vector<size_t> LiangPatterns::boundaries(std::u32string_view letters, int left, int right) const {
  std::vector<size_t> out;
  const size_t n = letters.size();
  if (n < 2 || edges_.empty()) return out;
  // ".word.": value[p] lies before character p of it.
  std::u32string word;
  word.reserve(n + 2);
  word += U'.';
  word += letters;
  word += U'.';
  std::vector<uint8_t> value(word.size() + 1, 0);
  for (size_t start = 0; start < word.size(); ++start) {
    uint32_t node = 0;
    for (size_t i = start; i < word.size(); ++i) {
      node = child(node, word[i]);
      if (node == kNone) break;
      const Node& at = nodes_[node];
      if (at.values == kNone) continue;
      const uint8_t* v = values_.data() + at.values;
      for (size_t k = 0; k <= at.depth; ++k) value[start + k] = std::max(value[start + k], v[k]);
    }
  }
  // A break before letters[b] is the value before word[b + 1].
  const size_t first = static_cast<size_t>(std::max(left, 1));
  const size_t right_kept = static_cast<size_t>(std::max(right, 1));
  for (size_t b = first; b + right_kept <= n; ++b)
    if (value[b + 1] & 1) out.push_back(b);
  return out;
}

}  // namespace jan20::text::hyphen
