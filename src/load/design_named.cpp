// [colors.<name>] and [fonts.<name>] of a layout file, and the check of every
// name a layout uses against what it defines.
#include <algorithm>
#include <set>

#include "core/json.h"
#include "load/design_sections.h"
#include "load/text_util.h"

namespace jan20::load {

bool valid_name(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

bool check_name(const Ctx& cx, const toml::key& key, std::string_view what) {
  if (valid_name(key.str())) return true;
  cx.sink.error(cx.file.at(key.source().begin),
                std::string(what) + " name '" + std::string(key.str()) + "' is not a simple name",
                "use letters, digits, '-' and '_'");
  return false;
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Color> read_rgb(const Ctx& cx, const toml::node& n, const std::string& path) {
  auto s = read_string(cx, n, path);
  if (!s) return std::nullopt;
  bool ok = s->size() == 7 && (*s)[0] == '#';
  for (size_t i = 1; ok && i < 7; ++i) ok = hex_digit((*s)[i]) >= 0;
  if (!ok) {
    cx.error(n, "'" + path + "' is not a colour like \"#rrggbb\": \"" + shorten(*s) + "\"",
             "write six hexadecimal digits after '#', e.g. \"#c8102e\"");
    return std::nullopt;
  }
  auto byte = [&](size_t i) { return (hex_digit((*s)[i]) * 16 + hex_digit((*s)[i + 1])) / 255.0; };
  return Color::rgb(byte(1), byte(3), byte(5));
}

std::optional<Color> read_cmyk(const Ctx& cx, const toml::node& n, const std::string& path) {
  const toml::array* a = n.as_array();
  if (!a || a->size() != 4) {
    cx.error(n, "'" + path + "' must be four percentages [c, m, y, k], found " +
                    (a ? "an array of " + std::to_string(a->size()) : describe_value(n)),
             "e.g. cmyk = [0, 100, 80, 20]");
    return std::nullopt;
  }
  double v[4];
  for (size_t i = 0; i < 4; ++i) {
    auto x = read_number(cx, *a->get(i), element_path(path, i), 0, 100);
    if (!x) return std::nullopt;
    v[i] = *x / 100.0;
  }
  return Color::cmyk(v[0], v[1], v[2], v[3]);
}

void read_color(const Ctx& cx, const toml::key& key, const toml::node& node, model::Design& d) {
  std::string path = child_path("colors", key.str());
  const toml::table* t = read_table(cx, node, path);
  if (!t || !check_name(cx, key, "colour")) return;
  TableReader c(cx, *t, path, "[" + path + "]");
  std::optional<Color> color;
  const char* spaces[] = {"cmyk", "rgb", "gray"};
  int given = 0;
  for (const char* space : spaces) {
    const toml::node* n = c.get(space);
    if (!n) continue;
    if (++given > 1) {
      cx.error(*n, "colour '" + std::string(key.str()) + "' is given twice", "give one of cmyk, rgb or gray");
      continue;
    }
    std::string vpath = c.key_path(space);
    d.color_where[std::string(key.str())] = cx.at(*n);
    if (space == spaces[0]) {
      color = read_cmyk(cx, *n, vpath);
      if (color && color->total_ink_percent() > d.ink_limit + 1e-9)
        cx.error(*n, "colour '" + std::string(key.str()) + "' uses " + format_number(color->total_ink_percent(), 1) +
                         "% ink, over the page's ink-limit of " + format_number(d.ink_limit, 1) + "%",
                 "lower C, M or Y; a rich black is [40, 30, 30, 100]");
    } else if (space == spaces[1]) {
      color = read_rgb(cx, *n, vpath);
    } else if (auto g = read_number(cx, *n, vpath, 0, 100)) {
      color = Color::gray((100.0 - *g) / 100.0);  // gray = percent of black ink, like a K tint
    }
  }
  if (given == 0)
    cx.sink.error(c.at(), "colour '" + std::string(key.str()) + "' needs one of cmyk, rgb or gray",
                  "e.g. cmyk = [0, 100, 80, 20]");
  c.finish();
  if (color) d.colors[std::string(key.str())] = *color;
}

void read_font(const Ctx& cx, const toml::key& key, const toml::node& node, model::Design& d,
               const LoadOptions& options, NameRefs& refs) {
  std::string name(key.str());
  std::string path = child_path("fonts", name);
  const toml::table* t = read_table(cx, node, path);
  if (!t || !check_name(cx, key, "font")) return;
  TableReader f(cx, *t, path, "[" + path + "]");
  model::FontSpec spec;
  spec.where = cx.file.at(key.source().begin);
  if (!f.has("path")) f.require("family", "\"Noto Serif\"");
  spec.family = f.string("family").value_or("");
  spec.style = f.string("style").value_or("Regular");
  if (auto p = f.string("path")) {
    if (!resolve_project_path(*p, options, f.value_at("path"), cx.sink).empty()) spec.path = *p;
  }
  spec.index = static_cast<int>(f.integer("index", 0, 1000).value_or(0));
  if (const toml::node* n = f.get("fallback")) {
    std::string fpath = f.key_path("fallback");
    if (auto names = read_strings(cx, *n, fpath)) {
      for (size_t i = 0; i < names->size(); ++i) {
        const std::string& other = (*names)[i];
        const toml::node& at = *n->as_array()->get(i);
        if (other == name) {
          cx.error(at, "font '" + name + "' names itself as its fallback", "name another [fonts] entry");
          continue;
        }
        refs.push_back({NameRef::Kind::Font, other, element_path(fpath, i), cx.at(at)});
        spec.fallback.push_back(other);
      }
    }
  }
  f.finish();
  d.fonts[name] = std::move(spec);
}

}  // namespace

void read_colors(TableReader& root, model::Design& d) {
  if (const toml::table* t = root.subtable("colors"))
    for (auto [key, node] : in_source_order(*t)) read_color(root.cx(), *key, *node, d);
  // Styles default to the colour "text"; without a definition it is 100 % K,
  // the only black a print shop wants under small type.
  if (!d.colors.count("text")) d.colors["text"] = Color::black_k();
}

void read_fonts(TableReader& root, model::Design& d, const LoadOptions& options, NameRefs& refs) {
  if (const toml::table* t = root.subtable("fonts"))
    for (auto [key, node] : in_source_order(*t)) read_font(root.cx(), *key, *node, d, options, refs);
}

void check_names(const Ctx& cx, const model::Design& d, const NameRefs& refs) {
  auto keys = [](const auto& map) {
    std::vector<std::string> out;
    for (const auto& [k, v] : map) out.push_back(k);
    return out;
  };
  for (const auto& ref : refs) {
    std::vector<std::string> defined;
    const char* what = "";
    const char* table = "";
    switch (ref.kind) {
      case NameRef::Kind::Color: defined = keys(d.colors); what = "colour"; table = "colors"; break;
      case NameRef::Kind::Font: defined = keys(d.fonts); what = "font"; table = "fonts"; break;
      case NameRef::Kind::Style: defined = keys(d.styles); what = "style"; table = "styles"; break;
    }
    if (std::find(defined.begin(), defined.end(), ref.name) != defined.end()) continue;
    std::string close = nearest(ref.name, defined);
    std::string hint = !close.empty() ? "did you mean '" + close + "'?"
                       : defined.empty()
                           ? "define it as [" + std::string(table) + "." + ref.name + "]"
                           : "define it as [" + std::string(table) + "." + ref.name + "] or use one of " +
                                 join_names(defined);
    cx.sink.error(ref.where, "'" + ref.path + "' names unknown " + what + " '" + ref.name + "'", hint);
  }

  // A fallback chain that comes back to where it started would send the
  // font stage round in circles.
  for (const auto& [name, spec] : d.fonts) {
    std::set<std::string> seen{name};
    std::vector<std::string> todo = spec.fallback;
    bool loops = false;
    while (!todo.empty() && !loops) {
      std::string next = todo.back();
      todo.pop_back();
      if (next == name) loops = true;
      if (!seen.insert(next).second) continue;
      if (auto it = d.fonts.find(next); it != d.fonts.end())
        todo.insert(todo.end(), it->second.fallback.begin(), it->second.fallback.end());
    }
    if (loops)
      cx.sink.error(spec.where, "the fallback chain of font '" + name + "' leads back to '" + name + "'",
                    "fallbacks are tried in order; remove the loop");
  }
}

}  // namespace jan20::load
