// [masters.<name>]: master pages with their running header and footer,
// ornaments drawn on every page that uses them, and (posters) placed frames.
#include <algorithm>
#include <set>

#include "core/json.h"
#include "core/units.h"
#include "load/design_sections.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

// Positions are measured from the trim box's top-left corner; an ornament may
// start in the bleed, so it may be a little negative.
const LengthRule kPosition = LengthRule::mm(-25, 2000, "10mm");
const LengthRule kExtent = LengthRule::mm(0, 2050, "50mm");
const LengthRule kLineWidth = LengthRule::pt(0, 20, "0.5pt");
const LengthRule kGutter = LengthRule::mm(0, 100, "5mm");

std::string mm(double pt) { return format_number(pt_to_mm(pt), 1) + "mm"; }

void read_template(TableReader& r, const char* key, std::string& out) {
  const toml::node* n = r.get(key);
  if (!n) return;
  auto text = read_string(r.cx(), *n, r.key_path(key));
  if (!text) return;
  std::string suggestion;
  std::string problem = check_placeholders(*text, {"page", "title", "section"}, &suggestion);
  if (!problem.empty()) {
    r.cx().error(*n, "'" + r.key_path(key) + "' has " + problem,
                 suggestion.empty() ? "use {page}, {title} or {section}" : "did you mean '" + suggestion + "'?");
    return;
  }
  out = to_nfc(*text);
}

void read_ornament(const Ctx& cx, const toml::node& node, const std::string& path, const model::Design& d,
                   model::MasterPage& master, NameRefs& refs) {
  const toml::table* t = read_table(cx, node, path);
  if (!t) return;
  TableReader r(cx, *t, path, "[[" + path.substr(0, path.rfind('[')) + "]]");
  model::Ornament o;
  o.where = r.at();
  r.require("kind", "\"rule\"");
  bool ok = true;
  if (auto kind = r.choice("kind", {"rule", "box", "flag", "ribbon", "carnation", "qr"})) o.kind = *kind; else ok = false;
  o.x = r.length("x", kPosition).value_or(0);
  o.y = r.length("y", kPosition).value_or(0);
  r.require("width", "\"50mm\"");
  if (auto w = r.length("width", kExtent)) o.width = *w; else ok = false;
  if (o.kind != "rule") r.require("height", "\"50mm\"");
  if (auto h = r.length("height", kExtent)) o.height = *h; else if (o.kind != "rule") ok = false;
  if (auto c = r.string("color")) {
    o.color = *c;
    refs.push_back({NameRef::Kind::Color, *c, r.key_path("color"), r.value_at("color")});
  }
  if (auto c = r.string("stroke")) {
    o.stroke = *c;
    refs.push_back({NameRef::Kind::Color, *c, r.key_path("stroke"), r.value_at("stroke")});
  }
  o.line_width = r.length("line-width", kLineWidth).value_or(o.line_width);
  r.finish({{"colour", "did you mean 'color'?"}, {"type", "did you mean 'kind'?"}});
  if (!ok) return;
  // The ornament must stay on the sheet: trim plus bleed on every side.
  // (Without a valid page size that was reported already.)
  if (d.page_width > 0 && d.page_height > 0 && (o.x < -d.bleed - 1e-6 || o.y < -d.bleed - 1e-6 || o.x + o.width > d.page_width + d.bleed + 1e-6 ||
      o.y + o.height > d.page_height + d.bleed + 1e-6))
    cx.sink.error(o.where, "the " + o.kind + " ornament (" + mm(o.x) + ", " + mm(o.y) + ", " + mm(o.width) + " × " +
                               mm(o.height) + ") reaches beyond the bleed of a " + mm(d.page_width) + " × " +
                               mm(d.page_height) + " page",
                  "keep x, y, width and height within the page plus " + mm(d.bleed) + " of bleed");
  master.ornaments.push_back(std::move(o));
}

void read_frame(const Ctx& cx, const toml::node& node, const std::string& path, const model::Design& d, NameRefs& refs,
                model::MasterPage& master, std::set<std::string>& names) {
  const toml::table* t = read_table(cx, node, path);
  if (!t) return;
  TableReader r(cx, *t, path, "[[" + path.substr(0, path.rfind('[')) + "]]");
  model::Frame f;
  f.where = r.at();
  bool ok = true;
  r.require("name", "\"headline\"");
  if (auto name = r.string("name")) {
    f.name = *name;
    if (!valid_name(*name)) {
      cx.sink.error(r.value_at("name"), "frame name '" + *name + "' is not a simple name",
                    "use letters, digits, '-' and '_'");
      ok = false;
    } else if (!names.insert(*name).second) {
      cx.sink.error(r.value_at("name"), "frame '" + *name + "' is defined twice in [masters." + master.name + "]",
                    "give each frame its own name");
      ok = false;
    }
  } else {
    ok = false;
  }
  for (const char* key : {"x", "y", "width", "height"}) r.require(key, "\"20mm\"");
  auto x = r.length("x", kPosition), y = r.length("y", kPosition);
  auto w = r.length("width", kExtent), h = r.length("height", kExtent);
  if (x && y && w && h) {
    f.x = *x, f.y = *y, f.width = *w, f.height = *h;
  } else {
    ok = false;
  }
  f.columns = static_cast<int>(r.integer("columns", 1, 12).value_or(1));
  f.gutter = r.length("gutter", kGutter).value_or(f.gutter);
  if (auto fit = r.choice("fit", {"overflow", "shrink", "fill"}))
    f.fit = *fit == "shrink" ? model::FitMode::Shrink : *fit == "fill" ? model::FitMode::Fill : model::FitMode::Overflow;
  if (auto a = r.choice("align-vertical", {"top", "center", "bottom"})) f.align_vertical = *a;
  if (auto style = r.string("style")) {
    f.style = *style;
    refs.push_back({NameRef::Kind::Style, *style, r.key_path("style"), r.value_at("style")});
  }
  if (auto follows = r.string("follows")) {
    if (!names.count(*follows) || *follows == f.name)
      cx.sink.error(r.value_at("follows"), "frame '" + f.name + "' follows '" + *follows +
                                               "', which is not a frame defined before it in [masters." + master.name + "]",
                    "name a frame listed above this one");
    else
      f.follows = *follows;
  }
  f.gap = r.length("gap", kGutter).value_or(f.gap);
  f.balance = r.boolean("balance").value_or(f.balance);
  r.finish({{"valign", "did you mean 'align-vertical'?"}, {"vertical-align", "did you mean 'align-vertical'?"},
            {"after", "did you mean 'follows'?"}});
  if (!ok) return;
  if (f.width <= 0 || f.height <= 0) {
    cx.sink.error(f.where, "frame '" + f.name + "' has no area (" + mm(f.width) + " × " + mm(f.height) + ")",
                  "give it a width and a height");
    return;
  }
  // Text may not run into the bleed: it would be trimmed away.
  if (d.page_width > 0 && d.page_height > 0 && (f.x < -1e-6 || f.y < -1e-6 || f.x + f.width > d.page_width + 1e-6 || f.y + f.height > d.page_height + 1e-6)) {
    cx.sink.error(f.where, "frame '" + f.name + "' (" + mm(f.x) + ", " + mm(f.y) + ", " + mm(f.width) + " × " +
                               mm(f.height) + ") does not fit on the " + mm(d.page_width) + " × " + mm(d.page_height) +
                               " page",
                  "text frames stay inside the trim box");
    return;
  }
  // Each column of a frame needs 10 mm, as the page's do (design_page.cpp).
  double column = (f.width - (f.columns - 1) * f.gutter) / f.columns;
  if (f.columns > 1 && column < mm_to_pt(10) - 1e-6) {
    int fit = static_cast<int>((f.width + f.gutter) / (mm_to_pt(10) + f.gutter) + 1e-9);
    cx.sink.error(r.value_at("columns"), std::to_string(f.columns) + " columns of " + mm(std::max(column, 0.0)) +
                                             " in frame '" + f.name + "' (" + mm(f.width) +
                                             " wide): each column needs at least 10mm",
                  fit >= 2 ? "use at most " + std::to_string(fit) + " columns, or a smaller gutter or a wider frame"
                           : "use one column, or make the frame wider");
  }
  master.frames.push_back(std::move(f));
}

void read_master(const Ctx& cx, const toml::key& key, const toml::node& node, const model::Design& d,
                 model::Design& out, NameRefs& refs) {
  std::string name(key.str());
  std::string path = child_path("masters", name);
  const toml::table* t = read_table(cx, node, path);
  if (!t || !check_name(cx, key, "master page")) return;
  TableReader r(cx, *t, path, "[" + path + "]");
  model::MasterPage m;
  m.name = name;
  m.where = cx.file.at(key.source().begin);
  if (auto bg = r.string("background")) {
    m.background = *bg;
    refs.push_back({NameRef::Kind::Color, *bg, r.key_path("background"), r.value_at("background")});
  }
  read_template(r, "header", m.header);
  read_template(r, "footer", m.footer);
  for (auto [key_name, field, text] : {std::tuple{"header-style", &m.header_style, &m.header},
                                       std::tuple{"footer-style", &m.footer_style, &m.footer}}) {
    if (auto s = r.string(key_name)) {
      *field = *s;
      refs.push_back({NameRef::Kind::Style, *s, r.key_path(key_name), r.value_at(key_name)});
    } else if (!text->empty() && !r.has(key_name)) {
      std::string which = key_name == std::string("header-style") ? "header" : "footer";
      cx.sink.error(r.key_at(which), "the " + which + " of [" + path + "] needs a paragraph style",
                    "add " + std::string(key_name) + " = \"<a [styles] name>\"");
    }
  }
  m.numbered = r.boolean("numbered").value_or(true);
  m.centre_on_trim = r.boolean("centre-on-trim").value_or(false);
  if (auto role = r.choice("role", {"body", "first", "last", "blank"}))
    m.role = *role == "first" ? model::MasterRole::First
             : *role == "last" ? model::MasterRole::Last
             : *role == "blank" ? model::MasterRole::Blank
                                : model::MasterRole::Body;
  m.running_head = r.boolean("running-head").value_or(m.running_head);
  m.folio = r.boolean("folio").value_or(m.folio);
  m.head_on_opening = r.boolean("running-head-on-opening").value_or(m.head_on_opening);
  m.head_on_contents = r.boolean("running-head-on-contents").value_or(m.head_on_contents);
  m.listed = r.boolean("listed").value_or(m.role == model::MasterRole::Body || m.role == model::MasterRole::Blank);
  if (const toml::array* ornaments = r.array("ornaments"))
    for (size_t i = 0; i < ornaments->size(); ++i)
      read_ornament(cx, *ornaments->get(i), element_path(r.key_path("ornaments"), i), d, m, refs);
  std::set<std::string> frame_names;
  if (const toml::array* frames = r.array("frames"))
    for (size_t i = 0; i < frames->size(); ++i)
      read_frame(cx, *frames->get(i), element_path(r.key_path("frames"), i), d, refs, m, frame_names);
  r.finish({{"ornament", "did you mean 'ornaments'? (write [[" + path + ".ornaments]])"},
            {"frame", "did you mean 'frames'? (write [[" + path + ".frames]])"},
            {"center-on-trim", "did you mean 'centre-on-trim'?"}});
  out.masters[name] = std::move(m);
}

}  // namespace

void read_masters(TableReader& root, model::Design& d, NameRefs& refs) {
  const toml::table* t = root.subtable("masters");
  if (!t) return;
  for (auto [key, node] : in_source_order(*t)) read_master(root.cx(), *key, *node, d, d, refs);
}

}  // namespace jan20::load
