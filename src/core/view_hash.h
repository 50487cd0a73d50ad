#pragma once
// A hash for unordered containers keyed by strings and looked up by views of
// them, without making a key: with std::equal_to<> as the key-equal, both are
// transparent (C++20 heterogeneous lookup). The hash is std::hash of the view,
// the same for a std::string, a std::pmr::string and a std::string_view.
#include <cstddef>
#include <functional>
#include <string_view>

namespace jan20 {

template <class Char>
struct ViewHash {
  using is_transparent = void;
  size_t operator()(std::basic_string_view<Char> s) const { return std::hash<std::basic_string_view<Char>>{}(s); }
};

}  // namespace jan20
