#pragma once
// A paragraph as code points with the byte offset of each, decoded once by
// typeset_paragraph for itemize, find_breaks and collect, which all walk the
// text character by character.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf.h"

namespace jan20::text {

struct CodePoints {
  std::u32string cps;
  std::vector<size_t> at;  // at[i]: the byte where cps[i] starts; at[cps.size()]: the text's size
};

inline CodePoints decode_code_points(std::string_view text) {
  CodePoints d;
  d.cps.reserve(text.size());
  d.at.reserve(text.size() + 1);
  for (size_t pos = 0; pos < text.size();) {
    d.at.push_back(pos);
    d.cps.push_back(utf8_next(text, pos));
  }
  d.at.push_back(text.size());
  return d;
}

}  // namespace jan20::text
