#include "pattern_states.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace jan20::text::hyphen::reference {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Pattern {
  std::string letters;
  std::vector<char> values;  // letters.size() + 1 inter-letter values
};

Pattern parse(std::string_view line) {
  Pattern p;
  for (char c : line)
    if (!is_digit(c)) p.letters += c;
  p.values.assign(p.letters.size() + 1, 0);
  size_t i = 0;
  for (char c : line) {
    if (is_digit(c))
      p.values[i] = static_cast<char>(c - '0');
    else
      ++i;
  }
  return p;
}

std::string format(const std::string& letters, const std::vector<char>& values) {
  std::string out;
  for (size_t i = 0; i < letters.size(); ++i) {
    if (values[i]) out += static_cast<char>('0' + values[i]);
    out += letters[i];
  }
  if (values[letters.size()]) out += static_cast<char>('0' + values[letters.size()]);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

std::string complete_patterns(const std::string& dic_file) {
  if (dic_file.find("NEXTLEVEL") != std::string::npos) return dic_file;
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < dic_file.size();) {
    size_t end = dic_file.find('\n', pos);
    if (end == std::string::npos) end = dic_file.size();
    lines.push_back(std::string_view(dic_file).substr(pos, end - pos));
    pos = end + 1;
  }
  if (lines.empty()) return dic_file;

  std::string out(trim(lines[0]));  // the encoding
  out += '\n';
  // Patterns in file order; the map's keys view into `patterns`, which is
  // reserved up front so that the views stay valid.
  std::vector<Pattern> patterns;
  patterns.reserve(lines.size());
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(lines.size() * 2);
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty() || line[0] == '%' || line[0] == '#') continue;
    const bool keyword = line[0] >= 'A' && line[0] <= 'Z';
    if (keyword || line.find('/') != std::string_view::npos) {
      out += line;
      out += '\n';
      continue;
    }
    Pattern p = parse(line);
    if (auto it = index.find(p.letters); it != index.end()) {
      auto& values = patterns[it->second].values;
      for (size_t k = 0; k < p.values.size(); ++k) values[k] = std::max(values[k], p.values[k]);
      continue;
    }
    patterns.push_back(std::move(p));
    index.emplace(patterns.back().letters, patterns.size() - 1);
  }

  // Every state of the automaton is a prefix of some pattern; each gets the
  // values of all patterns that are suffixes of it.
  std::unordered_set<std::string_view> done;
  done.reserve(patterns.size() * 4);
  std::vector<char> values;
  for (const Pattern& pattern : patterns) {
    const std::string_view letters = pattern.letters;
    for (size_t length = 1; length <= letters.size(); ++length) {
      const std::string_view state = letters.substr(0, length);
      if (!done.insert(state).second) continue;
      values.assign(length + 1, 0);
      bool any = false;
      for (size_t start = 0; start < length; ++start) {
        auto it = index.find(state.substr(start));
        if (it == index.end()) continue;
        const auto& v = patterns[it->second].values;
        for (size_t k = 0; k < v.size(); ++k) {
          values[start + k] = std::max(values[start + k], v[k]);
          any = any || v[k] != 0;
        }
      }
      if (!any && !index.count(state)) continue;  // a pure prefix with nothing to apply
      out += format(std::string(state), values);
      out += '\n';
    }
  }
  return out;
}

}  // namespace jan20::text::hyphen::reference
