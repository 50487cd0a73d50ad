#pragma once
// Typed, checked access to one TOML table. Every getter registers its key as
// valid for the table, so `finish()` can report the keys nobody asked for as
// unknown and suggest the nearest valid one ("unknown key 'colums' in [page]
// — did you mean 'columns'?"). Every problem is reported at the key's or the
// value's line and column with the key's full path (styles.body.size), what
// was expected and what was found; the getters then return nullopt and the
// caller keeps going, so one run reports all problems of a file.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "core/diagnostic.h"
#include "load/source_file.h"

namespace jan20::load {

// Unknown keys listed per file; the rest are counted in one line.
inline constexpr int kMaxUnknownKeyReports = 20;

struct Ctx {
  const SourceFile& file;
  DiagnosticSink& sink;
  SourceLocation at(const toml::node& n) const { return file.at(n); }
  void error(const toml::node& n, std::string message, std::string hint = {}) const {
    sink.error(at(n), std::move(message), std::move(hint));
  }
};

// Allowed range of a length, and how to show it ("between 10mm and 2000mm").
struct LengthRule {
  double min_pt = 0, max_pt = 0;
  const char* unit = "pt";     // unit the bounds are shown in: "mm" or "pt"
  const char* example = "12pt";
  static LengthRule mm(double lo, double hi, const char* example);
  static LengthRule pt(double lo, double hi, const char* example);
};

// "integer 10", "string \"A5\"", "boolean true", "array", "table".
std::string describe_value(const toml::node& n);
// `parent.key`, quoting keys that are not bare TOML keys.
std::string child_path(std::string_view parent, std::string_view key);
// `parent[i]` with i shown 1-based: messages count the way people do.
std::string element_path(std::string_view parent, size_t zero_based);

// Node-level readers (for array elements and values already found).
std::optional<std::string> read_string(const Ctx& cx, const toml::node& n, const std::string& path);
std::optional<double> read_length(const Ctx& cx, const toml::node& n, const std::string& path, const LengthRule& rule);
std::optional<int64_t> read_integer(const Ctx& cx, const toml::node& n, const std::string& path, int64_t min, int64_t max);
std::optional<double> read_number(const Ctx& cx, const toml::node& n, const std::string& path, double min, double max);
std::optional<bool> read_bool(const Ctx& cx, const toml::node& n, const std::string& path);
std::optional<std::vector<std::string>> read_strings(const Ctx& cx, const toml::node& n, const std::string& path);
std::optional<std::string> read_choice(const Ctx& cx, const toml::node& n, const std::string& path,
                                       const std::vector<std::string>& choices);
const toml::table* read_table(const Ctx& cx, const toml::node& n, const std::string& path);
const toml::array* read_array(const Ctx& cx, const toml::node& n, const std::string& path);

// A table's entries in the order they are written (toml++ keeps them sorted
// by key; models keep the author's order so output follows the file).
std::vector<std::pair<const toml::key*, const toml::node*>> in_source_order(const toml::table& t);

class TableReader {
 public:
  // `path` prefixes key paths in messages ("styles.body"); `label` names the
  // table in "unknown key … in <label>" ("[styles.body]", "[[block]]").
  TableReader(const Ctx& cx, const toml::table& table, std::string path, std::string label);

  const Ctx& cx() const { return cx_; }
  const toml::table& table() const { return table_; }
  const std::string& path() const { return path_; }
  std::string key_path(std::string_view key) const { return child_path(path_, key); }
  SourceLocation at() const { return cx_.at(table_); }
  // Where the key is written; the table's position when absent.
  SourceLocation key_at(std::string_view key) const;
  // Where the value is written; the table's position when absent.
  SourceLocation value_at(std::string_view key) const;

  // Registers `key` as valid here and returns its value, or nullptr.
  const toml::node* get(std::string_view key);
  bool has(std::string_view key) const { return table_.contains(key); }
  // Reports "missing required key" unless present. `example` is the value
  // shown in the hint ("\"A5\"").
  bool require(std::string_view key, std::string_view example, std::string_view hint = {});

  std::optional<std::string> string(std::string_view key);
  std::optional<double> length(std::string_view key, const LengthRule& rule);
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max);
  std::optional<double> number(std::string_view key, double min, double max);
  std::optional<bool> boolean(std::string_view key);
  std::optional<std::vector<std::string>> strings(std::string_view key);
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& choices);
  const toml::table* subtable(std::string_view key);
  const toml::array* array(std::string_view key);

  // Adds keys that are valid without being read (handled elsewhere).
  void allow(std::string_view key);
  // Reports every key that no getter asked for. `hints` overrides the
  // suggestion for particular keys ("items" in a paragraph block: "'items'
  // belongs to list blocks").
  void finish(const std::map<std::string, std::string>& hints = {});
  // True when finish() would report a key (so that hints are worked out only then).
  bool has_unknown_keys() const;

 private:
  const Ctx& cx_;
  const toml::table& table_;
  std::string path_;
  std::string label_;
  std::vector<std::string> known_;
};

}  // namespace jan20::load
