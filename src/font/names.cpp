#include "font/names.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace jan20::font {
namespace {

std::string fold(const std::string& s, bool drop_separators) {
  std::string out;
  for (unsigned char c : s) {
    if (drop_separators && (c == ' ' || c == '-' || c == '_' || c == '\t')) continue;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// Optimal string alignment distance (Levenshtein plus adjacent swaps), bytes.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

bool same_family(const std::string& a, const std::string& b) { return fold(a, true) == fold(b, true); }

bool same_style(const std::string& a, const std::string& b) {
  auto norm = [](const std::string& s) {
    std::string f = fold(s, true);
    if (f == "book" || f == "normal" || f == "roman" || f.empty()) return std::string("regular");
    return f;
  };
  return norm(a) == norm(b);
}

std::vector<std::string> close_names(const std::string& wanted, const std::vector<std::string>& candidates,
                                     size_t max) {
  std::string w = fold(wanted, true);
  std::vector<std::pair<size_t, std::string>> scored;
  std::set<std::string> seen;
  for (const auto& c : candidates) {
    std::string f = fold(c, true);
    if (f.empty() || !seen.insert(f).second) continue;
    size_t dist = edit_distance(w, f);
    size_t limit = std::max<size_t>(2, w.size() / 4);
    bool contains = !w.empty() && (f.find(w) != std::string::npos || w.find(f) != std::string::npos);
    if (dist <= limit || contains) scored.emplace_back(contains ? std::min(dist, limit) : dist, c);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [dist, name] : scored) {
    if (out.size() == max) break;
    out.push_back(name);
  }
  return out;
}

std::string join_alternatives(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

}  // namespace jan20::font
