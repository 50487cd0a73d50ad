// [styles.<name>]: paragraph styles. A style may start from another with
// based-on = "<style>" and change only what differs; the chain is resolved
// here, so model::ParagraphStyle holds complete values.
#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/utf.h"
#include "load/design_sections.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

const LengthRule kFontSize = LengthRule::pt(1, 500, "10.5pt");
const LengthRule kLeading = LengthRule::pt(1, 1000, "13.5pt");
const LengthRule kSpace = LengthRule::mm(0, 200, "6pt");
const LengthRule kIndent = LengthRule::mm(-100, 200, "4mm");
const LengthRule kSideIndent = LengthRule::mm(0, 500, "6mm");
constexpr double kDefaultLeadingRatio = 1.2;

// An OpenType feature as HarfBuzz's hb_feature_from_string reads it, in the
// forms a layout needs: "smcp", "-liga", "+kern", "ss01=1".
bool valid_feature(std::string_view f) {
  if (!f.empty() && (f[0] == '+' || f[0] == '-')) f.remove_prefix(1);
  size_t eq = f.find('=');
  std::string_view tag = f.substr(0, eq);
  if (tag.size() != 4) return false;
  for (char c : tag)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ')) return false;
  if (eq == std::string_view::npos) return true;
  std::string_view value = f.substr(eq + 1);
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct StyleReader {
  const Ctx& cx;
  const toml::table& styles;
  model::Design& design;
  NameRefs& refs;
  std::map<std::string, const toml::key*> keys;  // style name -> its key in the file
  std::set<std::string> visiting;                  // based-on cycle detection
  std::set<std::string> failed;      // reported: children should not repeat the problem

  // Resolves `name` (and its based-on chain first). Returns false when it
  // could not be read completely; the problem has been reported.
  bool resolve(const std::string& name) {
    if (failed.count(name)) return false;
    if (design.styles.count(name)) return true;
    const toml::key* key = keys.at(name);
    std::string path = child_path("styles", name);
    const toml::table* t = read_table(cx, *styles.get(name), path);
    if (!t || !check_name(cx, *key, "style")) {
      failed.insert(name);
      return false;
    }
    TableReader r(cx, *t, path, "[" + path + "]");
    model::ParagraphStyle style;
    bool parent_ok = true;
    double parent_ratio = kDefaultLeadingRatio;
    if (auto base = r.string("based-on")) {
      const toml::node& at = *r.get("based-on");
      if (*base == name) {
        cx.error(at, "style '" + name + "' is based on itself", "name another style, or remove based-on");
        parent_ok = false;
      } else if (!keys.count(*base)) {
        refs.push_back({NameRef::Kind::Style, *base, r.key_path("based-on"), cx.at(at)});
        parent_ok = false;
      } else if (visiting.count(*base)) {
        cx.error(at, "styles based on each other: '" + name + "' and '" + *base + "'", "one of them must not use based-on");
        parent_ok = false;
      } else {
        visiting.insert(name);
        parent_ok = resolve(*base);
        visiting.erase(name);
        if (parent_ok) {
          style = design.styles.at(*base);
          parent_ratio = style.leading / style.size;
        }
      }
    }
    if (auto font = r.string("font")) {
      style.font = *font;
      refs.push_back({NameRef::Kind::Font, *font, r.key_path("font"), r.value_at("font")});
    }
    if (auto size = r.length("size", kFontSize)) style.size = *size;
    if (auto leading = r.length("leading", kLeading)) {
      style.leading = *leading;
    } else if (r.has("size") || !r.has("based-on")) {
      // Leading follows the size at the parent's ratio (1.2 without one).
      style.leading = style.size * parent_ratio;
    }
    if (auto tracking = r.number("tracking", -200, 1000)) style.tracking = *tracking;
    if (auto color = r.string("color")) {
      style.color = *color;
      refs.push_back({NameRef::Kind::Color, *color, r.key_path("color"), r.value_at("color")});
    }
    if (auto align = r.choice("align", {"justify", "left", "right", "center"})) {
      style.align = *align == "justify" ? model::Align::Justify
                    : *align == "left"  ? model::Align::Left
                    : *align == "right" ? model::Align::Right
                                        : model::Align::Center;
    }
    // Hyphenation follows the alignment unless the style says otherwise:
    // justified text is hyphenated, ragged and centred text is not.
    if (auto h = r.boolean("hyphenate"))
      style.hyphenate = *h;
    else if (r.has("align") || !r.has("based-on"))
      style.hyphenate = style.align == model::Align::Justify;
    // So does balancing: centred text is balanced.
    if (auto b = r.boolean("balance"))
      style.balance = *b;
    else if (r.has("align") || !r.has("based-on"))
      style.balance = style.align == model::Align::Center;
    if (const toml::node* n = r.get("features")) {
      if (auto features = read_strings(cx, *n, r.key_path("features"))) {
        style.features.clear();
        for (size_t i = 0; i < features->size(); ++i) {
          if (valid_feature((*features)[i]))
            style.features.push_back((*features)[i]);
          else
            cx.error(*n->as_array()->get(i),
                     "'" + element_path(r.key_path("features"), i) + "' is not an OpenType feature: \"" +
                         shorten((*features)[i]) + "\"",
                     "write a four-letter tag, '-' to turn it off: \"smcp\", \"-liga\", \"ss01=1\"");
        }
      }
    }
    if (auto tr = r.choice("transform", {"none", "upper", "lower", "small-caps"})) {
      style.transform = *tr == "upper"        ? model::CaseTransform::Upper
                        : *tr == "lower"      ? model::CaseTransform::Lower
                        : *tr == "small-caps" ? model::CaseTransform::SmallCaps
                                              : model::CaseTransform::None;
    }
    if (auto v = r.length("space-before", kSpace)) style.space_before = *v;
    if (auto v = r.length("space-after", kSpace)) style.space_after = *v;
    if (auto v = r.boolean("keep-with-next")) style.keep_with_next = *v;
    if (auto v = r.length("indent", kIndent)) style.indent = *v;
    if (auto v = r.boolean("indent-first")) style.indent_first = *v;
    if (auto v = r.length("left-indent", kSideIndent)) style.left_indent = *v;
    if (auto v = r.length("right-indent", kSideIndent)) style.right_indent = *v;
    if (auto f = r.string("emphasis-font")) {
      style.emphasis_font = *f;
      refs.push_back({NameRef::Kind::Font, *f, r.key_path("emphasis-font"), r.value_at("emphasis-font")});
    }
    if (auto f = r.string("strong-font")) {
      style.strong_font = *f;
      refs.push_back({NameRef::Kind::Font, *f, r.key_path("strong-font"), r.value_at("strong-font")});
    }
    if (auto leader = r.string("leader")) {
      std::u32string u = utf8_to_u32(*leader);
      if (u.size() == 1 && u_isgraph(static_cast<UChar32>(u[0])))
        style.leader = *leader;
      else
        cx.error(*r.get("leader"),
                 "'" + r.key_path("leader") + "' must be one visible character: \"" + shorten(*leader) + "\"",
                 "write leader = \".\" for dot leaders, or leave the key out for none");
    }
    r.finish({{"colour", "did you mean 'color'?"},
              {"line-height", "did you mean 'leading'?"},
              {"font-size", "did you mean 'size'?"},
              {"letter-spacing", "did you mean 'tracking'?"},
              {"text-transform", "did you mean 'transform'?"},
              {"inherit", "did you mean 'based-on'?"},
              {"parent", "did you mean 'based-on'?"}});
    bool complete = parent_ok;
    if (style.font.empty() && parent_ok) {
      cx.sink.error(r.at(), "style '" + name + "' has no font",
                    "add font = \"<a [fonts] name>\", or based-on = \"<another style>\"");
      complete = false;
    }
    style.where = cx.file.at(key->source().begin);
    design.styles[name] = std::move(style);
    if (!complete) failed.insert(name);
    return complete;
  }
};

}  // namespace

void read_styles(TableReader& root, model::Design& d, NameRefs& refs) {
  const toml::table* t = root.subtable("styles");
  if (!t) return;
  StyleReader reader{root.cx(), *t, d, refs, {}, {}, {}};
  auto ordered = in_source_order(*t);
  for (auto [key, node] : ordered) reader.keys[std::string(key->str())] = key;
  for (auto [key, node] : ordered) reader.resolve(std::string(key->str()));
}

}  // namespace jan20::load
