// The paragraph memo's key (layout/paragraph_key.h) is complete: changing
// any one field of a ParagraphInput, down to each span's style, colour and
// source location, gives a different key. With the static_asserts in the
// header (every member listed), a field added later cannot be forgotten.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <type_traits>
#include <vector>

#include "layout/paragraph_key.h"

namespace jan20::layout {
namespace {

template <class T>
constexpr bool is_vector = false;
template <class T>
constexpr bool is_vector<std::vector<T>> = true;
template <class T>
constexpr bool is_map = false;
template <class K, class V>
constexpr bool is_map<std::map<K, V>> = true;

// Visits the leaves of a value (numbers, enums, pointers, strings, lists of
// them, std::array) depth first, calling `leaf` on each with its index; a
// list of structs is one leaf (its length) plus the leaves of its elements.
template <class T, class Leaf>
void each_leaf(T& value, int& index, Leaf&& leaf) {
  using V = std::remove_const_t<T>;
  if constexpr (std::is_arithmetic_v<V> || std::is_enum_v<V> || std::is_pointer_v<V> ||
                std::is_same_v<V, std::string> || std::is_same_v<V, std::array<double, 4>>) {
    leaf(value, index++);
  } else if constexpr (is_map<V>) {
    leaf(value, index++);  // a map is one leaf (its entries), its entries are keyed like its elements
  } else if constexpr (is_vector<V>) {
    leaf(value, index++);
    if constexpr (std::is_class_v<typename V::value_type> && !std::is_same_v<typename V::value_type, std::string>)
      for (auto& element : value) each_leaf(element, index, leaf);
  } else {
    std::apply([&](auto&... field) { (each_leaf(field, index, leaf), ...); }, Fields<V>::of(value));
  }
}

// A different value of the same type.
template <class V>
void change(V& v) {
  if constexpr (std::is_same_v<V, bool>)
    v = !v;
  else if constexpr (std::is_enum_v<V>)
    v = static_cast<V>(static_cast<std::underlying_type_t<V>>(v) + 1);
  else if constexpr (std::is_pointer_v<V>)
    v = reinterpret_cast<V>(reinterpret_cast<std::uintptr_t>(v) + 64);  // never dereferenced: keyed by address
  else if constexpr (std::is_arithmetic_v<V>)
    v = static_cast<V>(v + 1);
  else if constexpr (std::is_same_v<V, std::string>)
    v += "x";
  else if constexpr (std::is_same_v<V, std::array<double, 4>>)
    v[3] += 0.5;
  else if constexpr (is_map<V>)
    v.emplace(typename V::key_type{}, typename V::mapped_type{});  // one entry more
  else
    v.push_back({});  // a list: one element more
}

text::ParagraphInput sample() {
  text::ParagraphInput in;
  in.text = "20 Yanvar";
  in.spans.resize(2);
  in.spans[0].end = 3;
  in.spans[1].begin = 3;
  in.spans[1].end = in.text.size();
  in.spans[1].style.features = {"smcp"};
  in.hyphenation.exceptions = {"yan-var"};
  return in;
}

TEST(ParagraphKey, EveryFieldChangesTheKey) {
  const text::ParagraphInput base = sample();
  const std::string base_key = paragraph_key(base);
  EXPECT_EQ(paragraph_key(sample()), base_key) << "the same input must give the same key";
  int leaves = 0;
  text::ParagraphInput probe = sample();
  each_leaf(probe, leaves, [](auto&, int) {});
  // ParagraphInput's own fields, two spans' (begin, end, six style fields,
  // colour space and components, lang, link, file, line, column), the
  // hyphenation rules and the fourteen line-breaking parameters.
  ASSERT_GE(leaves, 50) << "the walk must reach the nested fields";
  for (int target = 0; target < leaves; ++target) {
    text::ParagraphInput changed = sample();
    int index = 0;
    each_leaf(changed, index, [&](auto& field, int i) {
      if (i == target) change(field);
    });
    EXPECT_NE(paragraph_key(changed), base_key) << "changing leaf " << target << " left the key unchanged";
  }
}

TEST(ParagraphKey, HyphenationExceptionsCountByContentNotNumber) {
  text::ParagraphInput a = sample(), b = sample();
  b.hyphenation.exceptions = {"ya-nvar"};
  EXPECT_NE(paragraph_key(a), paragraph_key(b));
}

}  // namespace
}  // namespace jan20::layout
