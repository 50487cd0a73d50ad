#pragma once
// The key ParagraphMemo files a paragraph's setting under: every field of
// text::ParagraphInput and of the structs inside it, listed once here
// (Fields<T>::of) and serialised by one generic writer. A field added to any
// of these structs and not listed here stops the build (the static_asserts
// below compare the list with the struct's number of members), so a cached
// setting can never be reused for an input that differs in a new field.
// tests/layout/paragraph_key_test.cpp changes every listed field in turn and
// expects a different key.
#include <string>
#include <tuple>
#include <utility>

#include "core/color.h"
#include "core/diagnostic.h"
#include "text/paragraph.h"

namespace jan20::layout {

// Fields<T>::of(x): a tuple of references to every member of x, in order.
template <class T>
struct Fields;

template <>
struct Fields<text::ParagraphInput> {
  template <class P>
  static auto of(P& p) {
    return std::tie(p.text, p.spans, p.lang, p.align, p.measure, p.first_indent, p.hyphenate, p.hyphenation, p.params,
                    p.hyphenators);
  }
};
template <>
struct Fields<text::StyledSpan> {
  template <class S>
  static auto of(S& s) {
    return std::tie(s.begin, s.end, s.style, s.lang, s.link, s.where);
  }
};
template <>
struct Fields<text::TextStyle> {
  template <class S>
  static auto of(S& s) {
    return std::tie(s.face, s.fallbacks, s.size, s.tracking, s.color, s.features, s.tag);
  }
};
template <>
struct Fields<text::HyphenationRules> {
  template <class H>
  static auto of(H& h) {
    return std::tie(h.min_word, h.min_left, h.min_right, h.exceptions, h.languages);
  }
};
template <>
struct Fields<text::HyphenationRules::Minimums> {
  template <class M>
  static auto of(M& m) {
    return std::tie(m.min_word, m.min_left, m.min_right);
  }
};
template <class K, class V>
struct Fields<std::pair<K, V>> {  // a map's entries
  template <class P>
  static auto of(P& p) {
    return std::tie(p.first, p.second);
  }
};
template <>
struct Fields<text::LineBreakParams> {
  template <class P>
  static auto of(P& p) {
    return std::tie(p.pretolerance, p.tolerance, p.emergency_tolerance, p.line_penalty, p.hyphen_penalty,
                    p.explicit_hyphen_penalty, p.adjacent_hyphens_demerits, p.final_hyphen_demerits,
                    p.penultimate_hyphen, p.uc_hyphen, p.fitness_demerits, p.max_consecutive_hyphens,
                    p.space_stretch, p.space_shrink, p.ragged_stretch, p.emergency_stretch, p.expansion,
                    p.expansion_step, p.protrusion, p.overfull_tolerance);
  }
};
template <>
struct Fields<Color> {
  template <class C>
  static auto of(C& c) {
    return std::tie(c.space, c.v);
  }
};
template <>
struct Fields<SourceLocation> {
  template <class W>
  static auto of(W& w) {
    return std::tie(w.file, w.line, w.column);
  }
};

namespace detail {
// The number of members of an aggregate: the most initialisers T{...}
// accepts, each convertible to anything (the technique of Boost.PFR).
struct AnyMember {
  template <class T>
  operator T() const;  // never defined: used in unevaluated context only
};
template <class T, class... Members>
constexpr size_t member_count() {
  if constexpr (requires { T{Members{}..., AnyMember{}}; })
    return member_count<T, Members..., AnyMember>();
  else
    return sizeof...(Members);
}
template <class T>
constexpr bool lists_every_member =
    member_count<T>() == std::tuple_size_v<decltype(Fields<T>::of(std::declval<T&>()))>;
}  // namespace detail

static_assert(detail::lists_every_member<text::ParagraphInput>, "a ParagraphInput field is missing from its key");
static_assert(detail::lists_every_member<text::StyledSpan>, "a StyledSpan field is missing from the paragraph key");
static_assert(detail::lists_every_member<text::TextStyle>, "a TextStyle field is missing from the paragraph key");
static_assert(detail::lists_every_member<text::HyphenationRules>, "a HyphenationRules field is missing from the key");
static_assert(detail::lists_every_member<text::LineBreakParams>, "a LineBreakParams field is missing from the key");
static_assert(detail::lists_every_member<text::HyphenationRules::Minimums>, "a Minimums field is missing from the key");
static_assert(detail::lists_every_member<Color>, "a Color field is missing from the paragraph key");
static_assert(detail::lists_every_member<SourceLocation>, "a SourceLocation field is missing from the paragraph key");

// Every field's bytes (strings and lists with their length first, so that
// no two different inputs give the same key).
std::string paragraph_key(const text::ParagraphInput& input);

}  // namespace jan20::layout
