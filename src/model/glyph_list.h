#pragma once
// The glyphs of a run, kept small. A long book holds every line's glyphs until
// the PDF writer has drawn its page: at 2,400 pages about 4.8 million of them,
// 32 bytes each as model::Glyph. Nearly all fit in 8 bytes: a 16-bit glyph id
// and advance, no offsets, a text range of a short run, and one of a few
// distinct `extra` values (a line's tracking and justification), kept exactly
// beside the glyphs. A list whose glyphs do not all fit so (marks placed by
// offsets, a glyph id above 65,535, a very long run) keeps plain Glyphs.
//
// Reading gives back exactly the Glyph that was stored, field for field: the
// list behaves as a std::vector<Glyph> that hands out values.
#include <algorithm>
#include <bit>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace jan20::model {

// One glyph as HarfBuzz placed it. Advances and offsets stay in font units so
// the PDF writer can compare them exactly with the font's widths.
struct Glyph {
  uint32_t id = 0;         // glyph id in the font
  int32_t x_advance = 0;   // font units
  int32_t x_offset = 0;    // font units
  int32_t y_offset = 0;    // font units, up is positive (HarfBuzz convention)
  double extra = 0;        // points added after the glyph (justification, tracking)
  // The bytes of GlyphRun::text this glyph stands for: [text_begin, text_end).
  // A ligature covers all its characters; the second glyph of a cluster that
  // HarfBuzz split covers an empty range; an inserted hyphen covers nothing.
  uint32_t text_begin = 0;
  uint32_t text_end = 0;
  bool operator==(const Glyph&) const = default;
};

class GlyphList {
 public:
  class const_iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Glyph;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Glyph;

    const_iterator() = default;
    const_iterator(const GlyphList* list, size_t at) : list_(list), at_(at) {}
    Glyph operator*() const { return (*list_)[at_]; }
    Glyph operator[](difference_type n) const { return (*list_)[at_ + static_cast<size_t>(n)]; }
    const_iterator& operator++() { ++at_; return *this; }
    const_iterator operator++(int) { const_iterator old = *this; ++at_; return old; }
    const_iterator& operator--() { --at_; return *this; }
    const_iterator operator--(int) { const_iterator old = *this; --at_; return old; }
    const_iterator& operator+=(difference_type n) { at_ += static_cast<size_t>(n); return *this; }
    const_iterator& operator-=(difference_type n) { at_ -= static_cast<size_t>(n); return *this; }
    friend const_iterator operator+(const_iterator i, difference_type n) { return i += n; }
    friend const_iterator operator+(difference_type n, const_iterator i) { return i += n; }
    friend const_iterator operator-(const_iterator i, difference_type n) { return i -= n; }
    friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
      return static_cast<difference_type>(a.at_) - static_cast<difference_type>(b.at_);
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.at_ == b.at_; }
    friend auto operator<=>(const const_iterator& a, const const_iterator& b) { return a.at_ <=> b.at_; }

   private:
    const GlyphList* list_ = nullptr;
    size_t at_ = 0;
  };
  using value_type = Glyph;
  using iterator = const_iterator;

  GlyphList() = default;
  GlyphList(const GlyphList& other)
      : words_(other.words_),
        extras_beyond_(other.extras_beyond_ ? std::make_unique<std::vector<double>>(*other.extras_beyond_) : nullptr),
        wide_mode_(other.wide_mode_),
        extra_count_(other.extra_count_) {
    std::copy(std::begin(other.extras_in_place_), std::end(other.extras_in_place_), std::begin(extras_in_place_));
  }
  GlyphList& operator=(const GlyphList& other) {
    if (this != &other) *this = GlyphList(other);
    return *this;
  }
  // A moved-from list is empty (and its count of extras with it).
  GlyphList(GlyphList&& other) noexcept { *this = std::move(other); }
  GlyphList& operator=(GlyphList&& other) noexcept {
    if (this != &other) {
      words_ = std::move(other.words_);
      extras_beyond_ = std::move(other.extras_beyond_);
      wide_mode_ = other.wide_mode_;
      extra_count_ = other.extra_count_;
      std::copy(std::begin(other.extras_in_place_), std::end(other.extras_in_place_), std::begin(extras_in_place_));
      other.clear();
    }
    return *this;
  }
  GlyphList(std::initializer_list<Glyph> glyphs) {
    reserve(glyphs.size());
    for (const Glyph& g : glyphs) push_back(g);
  }

  size_t size() const { return wide() ? words_.size() / kWideWords : words_.size(); }
  bool empty() const { return size() == 0; }
  // Whether the list keeps plain Glyphs (some glyph did not fit 8 bytes).
  bool wide() const { return wide_mode_; }

  Glyph operator[](size_t i) const {
    if (wide()) return wide_at(i);
    const uint64_t p = words_[i];
    Glyph g;
    g.id = static_cast<uint32_t>(p & 0xFFFF);
    g.x_advance = static_cast<int16_t>(static_cast<uint16_t>(p >> 16));
    g.text_begin = static_cast<uint32_t>((p >> 32) & 0xFFFF);
    g.text_end = g.text_begin + static_cast<uint32_t>((p >> 48) & 0xFF);
    const auto extra = static_cast<size_t>(p >> 56);
    g.extra = extra == 0 ? 0.0 : extra_at(extra - 1);
    return g;
  }
  // One field of glyph i, without reading the others (the hot loops of the
  // PDF writer ask for these alone).
  uint32_t id(size_t i) const { return wide() ? wide_at(i).id : static_cast<uint32_t>(words_[i] & 0xFFFF); }
  // The glyph's text range, [first, second) as in Glyph::text_begin/text_end.
  std::pair<uint32_t, uint32_t> text_range(size_t i) const {
    if (wide()) {
      const Glyph g = wide_at(i);
      return {g.text_begin, g.text_end};
    }
    const uint64_t p = words_[i];
    const auto begin = static_cast<uint32_t>((p >> 32) & 0xFFFF);
    return {begin, begin + static_cast<uint32_t>((p >> 48) & 0xFF)};
  }
  Glyph front() const { return (*this)[0]; }
  Glyph back() const { return (*this)[size() - 1]; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

  void reserve(size_t n) {
    words_.reserve(wide() ? n * kWideWords : n);
  }
  void clear() {
    words_.clear();
    extra_count_ = 0;
    if (extras_beyond_) extras_beyond_->clear();
    wide_mode_ = false;
  }
  void push_back(const Glyph& g) {
    if (!wide()) {
      uint64_t p = 0;
      if (pack(g, &p)) {
        words_.push_back(p);
        return;
      }
      widen();
    }
    const size_t at = words_.size();
    words_.resize(at + kWideWords);
    std::memcpy(&words_[at], &g, sizeof g);
  }
  // Replaces glyph i.
  void set(size_t i, const Glyph& g) {
    if (!wide()) {
      uint64_t p = 0;
      if (pack(g, &p)) {
        words_[i] = p;
        return;
      }
      widen();
    }
    std::memcpy(&words_[i * kWideWords], &g, sizeof g);
  }
  template <class It>
  void assign(It first, It last) {
    clear();
    for (; first != last; ++first) push_back(*first);
  }

  bool operator==(const GlyphList& other) const {
    if (size() != other.size()) return false;
    for (size_t i = 0; i < size(); ++i)
      if (!((*this)[i] == other[i])) return false;
    return true;
  }

 private:
  // Bits 0-15 id, 16-31 advance (int16), 32-47 text_begin, 48-55 text length,
  // 56-63 extra: 0 for 0.0, else 1 + its index among the extras (extra_at).
  bool pack(const Glyph& g, uint64_t* out) {
    if (g.id > 0xFFFF || g.x_advance < INT16_MIN || g.x_advance > INT16_MAX || g.x_offset != 0 || g.y_offset != 0 ||
        g.text_begin > 0xFFFF || g.text_end < g.text_begin || g.text_end - g.text_begin > 0xFF)
      return false;
    uint64_t extra = 0;
    // Compared as bits, so that -0.0 (and any NaN) stays exactly what it was.
    if (!same_bits(g.extra, 0.0)) {
      size_t k = 0;
      while (k < extra_count_ && !same_bits(extra_at(k), g.extra)) ++k;
      if (k == extra_count_) {
        if (extra_count_ == 255) return false;
        if (k < std::size(extras_in_place_))
          extras_in_place_[k] = g.extra;
        else
          beyond().push_back(g.extra);
        ++extra_count_;
      }
      extra = k + 1;
    }
    *out = uint64_t{g.id} | uint64_t{static_cast<uint16_t>(static_cast<int16_t>(g.x_advance))} << 16 |
           uint64_t{g.text_begin} << 32 | uint64_t{g.text_end - g.text_begin} << 48 | extra << 56;
    return true;
  }
  static bool same_bits(double a, double b) { return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b); }
  // From here on the list keeps plain Glyphs.
  void widen() {
    std::vector<uint64_t> wide;
    const size_t room = words_.capacity() > words_.size() ? words_.capacity() : words_.size() + 1;
    wide.reserve(room * kWideWords);
    wide.resize(words_.size() * kWideWords);
    for (size_t i = 0; i < words_.size(); ++i) {
      const Glyph g = (*this)[i];
      std::memcpy(&wide[i * kWideWords], &g, sizeof g);
    }
    words_ = std::move(wide);
    wide_mode_ = true;
    extra_count_ = 0;
    extras_beyond_.reset();
  }
  Glyph wide_at(size_t i) const {
    Glyph g;
    std::memcpy(static_cast<void*>(&g), &words_[i * kWideWords], sizeof g);  // Glyph is trivially copyable (asserted)
    return g;
  }

  // Packed: one word a glyph (bits above). Wide: a plain Glyph's bytes in
  // kWideWords words each.
  static constexpr size_t kWideWords = sizeof(Glyph) / sizeof(uint64_t);
  static_assert(sizeof(Glyph) == kWideWords * sizeof(uint64_t) && std::is_trivially_copyable_v<Glyph>);
  std::vector<uint64_t> words_;
  // The distinct non-zero extras of the packed glyphs, in order of first
  // use: a justified line has one or two (its spaces', and its tracking), kept
  // in place; any more on the heap.
  double extra_at(size_t k) const {
    return k < std::size(extras_in_place_) ? extras_in_place_[k] : (*extras_beyond_)[k - std::size(extras_in_place_)];
  }
  double extras_in_place_[2] = {0, 0};
  // Behind a pointer: a list is part of every glyph run a long book holds
  // (75,000 at 2,400 pages), and this is rarely used.
  std::unique_ptr<std::vector<double>> extras_beyond_;
  std::vector<double>& beyond() {
    if (!extras_beyond_) extras_beyond_ = std::make_unique<std::vector<double>>();
    return *extras_beyond_;
  }
  bool wide_mode_ = false;
  uint8_t extra_count_ = 0;  // how many extras: in place, then beyond
};

}  // namespace jan20::model
