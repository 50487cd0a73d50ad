#include "load/table_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/units.h"
#include "load/text_util.h"

namespace jan20::load {

LengthRule LengthRule::mm(double lo, double hi, const char* example) {
  return {mm_to_pt(lo), mm_to_pt(hi), "mm", example};
}
LengthRule LengthRule::pt(double lo, double hi, const char* example) { return {lo, hi, "pt", example}; }

namespace {

std::string show_bound(double pt, const char* unit) {
  bool mm = std::string_view(unit) == "mm";
  return format_number(mm ? pt_to_mm(pt) : pt, 2) + unit;
}

bool is_bare_key(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

void type_error(const Ctx& cx, const toml::node& n, const std::string& path, std::string_view expected,
                std::string hint = {}) {
  cx.error(n, "'" + path + "' must be " + std::string(expected) + ", found " + describe_value(n),
           std::move(hint));
}

}  // namespace

std::string describe_value(const toml::node& n) {
  char buf[64];
  switch (n.type()) {
    case toml::node_type::string:
      return "string \"" + shorten(*n.value<std::string>()) + "\"";
    case toml::node_type::integer:
      return "integer " + std::to_string(*n.value<int64_t>());
    case toml::node_type::floating_point:
      return "floating-point " + format_number(*n.value<double>(), 6);
    case toml::node_type::boolean:
      return std::string("boolean ") + (*n.value<bool>() ? "true" : "false");
    case toml::node_type::date: {
      auto d = *n.value<toml::date>();
      std::snprintf(buf, sizeof buf, "date %04d-%02d-%02d", d.year, d.month, d.day);
      return buf;
    }
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    case toml::node_type::array: return "array";
    case toml::node_type::table: return "table";
    default: return "nothing";
  }
}

std::string child_path(std::string_view parent, std::string_view key) {
  std::string k = is_bare_key(key) ? std::string(key) : "\"" + std::string(key) + "\"";
  if (parent.empty()) return k;
  return std::string(parent) + "." + k;
}

std::string element_path(std::string_view parent, size_t zero_based) {
  return std::string(parent) + "[" + std::to_string(zero_based + 1) + "]";
}

std::optional<std::string> read_string(const Ctx& cx, const toml::node& n, const std::string& path) {
  if (auto s = n.value<std::string>(); s && n.is_string()) return *s;
  type_error(cx, n, path, "a string",
             n.is_number() || n.is_boolean() ? "put the value in quotes: \"…\"" : std::string{});
  return std::nullopt;
}

std::optional<double> read_length(const Ctx& cx, const toml::node& n, const std::string& path,
                                  const LengthRule& rule) {
  if (n.is_string()) {
    std::string text = trim(*n.value<std::string>());
    std::string why;
    auto value = parse_length(text, &why);
    if (!value) {
      cx.error(n, "'" + path + "' is not a valid length: \"" + shorten(text) + "\"", why);
      return std::nullopt;
    }
    // A small tolerance keeps "148mm" inside a bound computed as 148mm.
    if (*value < rule.min_pt - 1e-9 || *value > rule.max_pt + 1e-9) {
      cx.error(n, "'" + path + "' is " + text + "; it must be between " + show_bound(rule.min_pt, rule.unit) +
                      " and " + show_bound(rule.max_pt, rule.unit));
      return std::nullopt;
    }
    return value;
  }
  std::string expected = std::string("a length like \"") + rule.example + "\"";
  if (n.is_number()) {
    // The number with the units that make it a length in range ("10pt" or
    // "10mm"); a number no unit brings into range gets the rule's example.
    double value = n.is_integer() ? static_cast<double>(*n.value<int64_t>()) : *n.value<double>();
    std::string number = n.is_integer() ? std::to_string(*n.value<int64_t>()) : format_number(value, 6);
    auto in_range = [&](double pt) { return std::isfinite(pt) && pt >= rule.min_pt - 1e-9 && pt <= rule.max_pt + 1e-9; };
    std::vector<std::string> fits;
    if (in_range(value)) fits.push_back("\"" + number + "pt\"");
    if (in_range(mm_to_pt(value))) fits.push_back("\"" + number + "mm\"");
    type_error(cx, n, path, expected,
               fits.empty() ? "write a length in quotes with a unit, between " + show_bound(rule.min_pt, rule.unit) +
                                  " and " + show_bound(rule.max_pt, rule.unit) + ": \"" + rule.example + "\""
                            : "write it with a unit, in quotes: " + fits.front() + (fits.size() > 1 ? " or " + fits[1] : ""));
  } else {
    type_error(cx, n, path, expected, std::string("write a length in quotes with a unit: \"") + rule.example + "\"");
  }
  return std::nullopt;
}

std::optional<int64_t> read_integer(const Ctx& cx, const toml::node& n, const std::string& path, int64_t min,
                                    int64_t max) {
  if (!n.is_integer()) {
    type_error(cx, n, path, "an integer",
               n.is_string() ? "write the number without quotes" : std::string{});
    return std::nullopt;
  }
  int64_t v = *n.value<int64_t>();
  if (v < min || v > max) {
    cx.error(n, "'" + path + "' is " + std::to_string(v) + "; it must be between " + std::to_string(min) +
                    " and " + std::to_string(max));
    return std::nullopt;
  }
  return v;
}

std::optional<double> read_number(const Ctx& cx, const toml::node& n, const std::string& path, double min,
                                  double max) {
  if (!n.is_number()) {
    type_error(cx, n, path, "a number", n.is_string() ? "write the number without quotes" : std::string{});
    return std::nullopt;
  }
  double v = n.is_integer() ? static_cast<double>(*n.value<int64_t>()) : *n.value<double>();
  if (!(v >= min && v <= max)) {
    cx.error(n, "'" + path + "' is " + format_number(v, 6) + "; it must be between " + format_number(min, 6) +
                    " and " + format_number(max, 6));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> read_bool(const Ctx& cx, const toml::node& n, const std::string& path) {
  if (n.is_boolean()) return *n.value<bool>();
  std::string hint;
  if (n.is_string()) {
    std::string s = *n.value<std::string>();
    if (s == "true" || s == "false") hint = "write " + s + " without quotes";
  }
  type_error(cx, n, path, "true or false", hint);
  return std::nullopt;
}

std::optional<std::vector<std::string>> read_strings(const Ctx& cx, const toml::node& n, const std::string& path) {
  const toml::array* a = n.as_array();
  if (!a) {
    type_error(cx, n, path, "an array of strings",
               n.is_string() ? "write [\"" + shorten(*n.value<std::string>()) + "\"]" : std::string{});
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < a->size(); ++i) {
    auto s = read_string(cx, *a->get(i), element_path(path, i));
    if (s) out.push_back(*s);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> read_choice(const Ctx& cx, const toml::node& n, const std::string& path,
                                       const std::vector<std::string>& choices) {
  auto s = read_string(cx, n, path);
  if (!s) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *s) != choices.end()) return s;
  std::string close = nearest(*s, choices);
  cx.error(n, "'" + path + "' must be one of " + join_names(choices, "\"") + ", found \"" + shorten(*s) + "\"",
           close.empty() ? std::string{} : "did you mean \"" + close + "\"?");
  return std::nullopt;
}

const toml::table* read_table(const Ctx& cx, const toml::node& n, const std::string& path) {
  if (const toml::table* t = n.as_table()) return t;
  type_error(cx, n, path, "a table");
  return nullptr;
}

const toml::array* read_array(const Ctx& cx, const toml::node& n, const std::string& path) {
  if (const toml::array* a = n.as_array()) return a;
  type_error(cx, n, path, "an array");
  return nullptr;
}

std::vector<std::pair<const toml::key*, const toml::node*>> in_source_order(const toml::table& t) {
  std::vector<std::pair<const toml::key*, const toml::node*>> out;
  for (auto&& [k, v] : t) out.emplace_back(&k, &v);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    const auto& pa = a.first->source().begin;
    const auto& pb = b.first->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  return out;
}

TableReader::TableReader(const Ctx& cx, const toml::table& table, std::string path, std::string label)
    : cx_(cx), table_(table), path_(std::move(path)), label_(std::move(label)) {}

SourceLocation TableReader::key_at(std::string_view key) const {
  auto it = table_.find(key);
  if (it == table_.end()) return at();
  return cx_.file.at(it->first.source().begin);
}

SourceLocation TableReader::value_at(std::string_view key) const {
  const toml::node* n = table_.get(key);
  return n ? cx_.at(*n) : at();
}

void TableReader::allow(std::string_view key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.emplace_back(key);
}

const toml::node* TableReader::get(std::string_view key) {
  allow(key);
  return table_.get(key);
}

bool TableReader::require(std::string_view key, std::string_view example, std::string_view hint) {
  allow(key);
  if (table_.contains(key)) return true;
  cx_.sink.error(at(), "missing required key '" + std::string(key) + "' in " + label_,
                 hint.empty() ? "add " + std::string(key) + " = " + std::string(example) : std::string(hint));
  return false;
}

std::optional<std::string> TableReader::string(std::string_view key) {
  const toml::node* n = get(key);
  return n ? read_string(cx_, *n, key_path(key)) : std::nullopt;
}
std::optional<double> TableReader::length(std::string_view key, const LengthRule& rule) {
  const toml::node* n = get(key);
  return n ? read_length(cx_, *n, key_path(key), rule) : std::nullopt;
}
std::optional<int64_t> TableReader::integer(std::string_view key, int64_t min, int64_t max) {
  const toml::node* n = get(key);
  return n ? read_integer(cx_, *n, key_path(key), min, max) : std::nullopt;
}
std::optional<double> TableReader::number(std::string_view key, double min, double max) {
  const toml::node* n = get(key);
  return n ? read_number(cx_, *n, key_path(key), min, max) : std::nullopt;
}
std::optional<bool> TableReader::boolean(std::string_view key) {
  const toml::node* n = get(key);
  return n ? read_bool(cx_, *n, key_path(key)) : std::nullopt;
}
std::optional<std::vector<std::string>> TableReader::strings(std::string_view key) {
  const toml::node* n = get(key);
  return n ? read_strings(cx_, *n, key_path(key)) : std::nullopt;
}
std::optional<std::string> TableReader::choice(std::string_view key, const std::vector<std::string>& choices) {
  const toml::node* n = get(key);
  return n ? read_choice(cx_, *n, key_path(key), choices) : std::nullopt;
}
const toml::table* TableReader::subtable(std::string_view key) {
  const toml::node* n = get(key);
  return n ? read_table(cx_, *n, key_path(key)) : nullptr;
}
const toml::array* TableReader::array(std::string_view key) {
  const toml::node* n = get(key);
  return n ? read_array(cx_, *n, key_path(key)) : nullptr;
}

bool TableReader::has_unknown_keys() const {
  for (auto&& [k, v] : table_)
    if (std::find(known_.begin(), known_.end(), k.str()) == known_.end()) return true;
  return false;
}

void TableReader::finish(const std::map<std::string, std::string>& hints) {
  std::vector<const toml::key*> unknown;
  for (auto&& [k, v] : table_) {
    if (std::find(known_.begin(), known_.end(), k.str()) == known_.end()) unknown.push_back(&k);
  }
  // Report in the order the keys are written, not toml++'s sorted order.
  std::sort(unknown.begin(), unknown.end(), [](const toml::key* a, const toml::key* b) {
    const auto& pa = a->source().begin;
    const auto& pb = b->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  // At most kMaxUnknownKeyReports lines per file: a file of 100,000 stray
  // keys gets a count, not 100,000 lines.
  size_t listed = 0;
  for (const toml::key* k : unknown) {
    if (cx_.file.unknown_keys_reported_ >= kMaxUnknownKeyReports) {
      size_t rest = unknown.size() - listed;
      cx_.sink.error(cx_.file.at(k->source().begin),
                     std::to_string(rest) + " more unknown key" + (rest == 1 ? "" : "s") + " in " + label_ +
                         " (only the first " + std::to_string(kMaxUnknownKeyReports) + " of the file are listed)",
                     "check the table's keys against docs/toml-reference.md");
      return;
    }
    ++cx_.file.unknown_keys_reported_;
    ++listed;
    std::string name(k->str());
    std::string hint;
    if (auto h = hints.find(name); h != hints.end()) {
      hint = h->second;
    } else if (std::string close = nearest(name, known_); !close.empty()) {
      hint = "did you mean '" + close + "'?";
    } else if (known_.empty()) {
      hint = "this table takes no keys";
    } else {
      hint = "valid keys: " + join_names(known_);
    }
    cx_.sink.error(cx_.file.at(k->source().begin), "unknown key '" + name + "' in " + label_, hint);
  }
}

}  // namespace jan20::load
