// The [[block]] array of a content file: one model::Block per table, in
// reading order, each checked for the keys its type takes.
#include <unicode/uchar.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

#include "core/image_file.h"
#include "core/utf.h"
#include "load/document_sections.h"
#include "load/inline_markdown.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

struct BlockType {
  const char* name;
  model::BlockContent empty;      // the kind, with nothing read yet
  std::vector<const char*> keys;  // keys besides type, id, style, lang, frame
};

const std::vector<BlockType>& block_types() {
  static const std::vector<BlockType> kTypes = {
      {"heading", model::Heading{}, {"level", "text"}},
      {"paragraph", model::Paragraph{}, {"text"}},
      {"quote", model::Quote{}, {"text", "attribution"}},
      {"list", model::List{}, {"items", "numbered"}},
      {"figure", model::Figure{}, {"image", "ornament", "caption", "credit", "alt"}},
      {"facts", model::Facts{}, {"facts"}},
      {"timeline", model::Timeline{}, {"entries"}},
      {"page-break", model::PageBreak{}, {"master"}},
      {"contents", model::Contents{}, {}},
      {"names", model::Names{}, {"rows", "header"}},
  };
  return kTypes;
}

// "'items' belongs to list blocks, not paragraph blocks".
std::map<std::string, std::string> foreign_key_hints(const BlockType& type) {
  std::map<std::string, std::vector<std::string>> owners;
  for (const auto& t : block_types())
    for (const char* k : t.keys) owners[k].push_back(t.name);
  std::map<std::string, std::string> hints;
  for (const auto& [key, types] : owners) {
    if (std::find(types.begin(), types.end(), type.name) != types.end()) continue;
    std::string list;
    for (size_t i = 0; i < types.size(); ++i) list += (i ? (i + 1 == types.size() ? " and " : ", ") : "") + types[i];
    hints[key] = "'" + key + "' belongs to " + list + " blocks, not " + type.name + " blocks";
  }
  return hints;
}

bool valid_id(std::string_view id) {
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// An anchor from a heading's text: lower case, letters and digits kept (also
// ə, ş, ...), everything else folded to single '-'. "Nə baş verdi" -> "nə-baş-verdi".
std::string slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (size_t pos = 0; pos < text.size();) {
    UChar32 cp = static_cast<UChar32>(utf8_next(text, pos));
    if (u_isalnum(cp)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      utf8_append(out, static_cast<char32_t>(u_tolower(cp)));
    } else {
      dash = true;
    }
  }
  return out.empty() ? "section" : out;
}

// Reads inline text: a string, non-empty, Markdown inline syntax.
std::optional<model::Inline> read_inline(ContentState& st, const toml::node& n, const std::string& path) {
  if (!n.is_string()) {
    read_string(st.cx, n, path);  // reports the type
    return std::nullopt;
  }
  if (!check_text_length(st.cx, n, path, *n.value<std::string_view>())) return std::nullopt;
  model::Inline text = parse_inline(st.cx, n, path);
  if (text.empty()) {
    st.cx.error(n, "'" + path + "' is empty", "write the text, or remove the block");
    return std::nullopt;
  }
  for (const auto& span : text)
    if (!span.link.empty() && span.link[0] == '#') st.anchor_links.push_back({span.link.substr(1), span.where, path});
  return text;
}

std::optional<model::Inline> read_inline_key(ContentState& st, TableReader& r, const char* key) {
  const toml::node* n = r.get(key);
  return n ? read_inline(st, *n, r.key_path(key)) : std::nullopt;
}

// The whole file's structure (core/image_file.h): a damaged or oversized
// image is reported here, at its `image` key, rather than when the PDF is
// written.
ImageFileInfo inspect_image_file(const std::string& absolute, FileProblem* problem) {
  std::string bytes;
  if (!read_image_bytes(absolute, &bytes, problem)) return {};
  return inspect_image(bytes);
}

// What the layout and the print checks need of the file, from the structure
// inspect_image found: nothing after the loader parses it again.
model::ImageFile image_file_of(const std::string& absolute, const ImageFileInfo& info) {
  model::ImageFile file{absolute, info.format, info.width, info.height, model::ImageColor::Unknown, false};
  // A photo's Exif orientation: the figure is set upright, as viewers show it
  // (the PDF writer turns the pixels, pdf/page_writer.cpp).
  if (orientation_swaps_sides(info.orientation)) std::swap(file.width, file.height);
  if (info.format == "jpeg") {
    file.color = info.components == 1   ? model::ImageColor::Gray
                 : info.components == 4 ? model::ImageColor::Cmyk
                                        : model::ImageColor::Rgb;
    return file;
  }
  // PNG IHDR colour type (PNG spec §11.2.2): 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGB+alpha.
  switch (info.color_type) {
    case 0: file.color = model::ImageColor::Gray; break;
    case 2: file.color = model::ImageColor::Rgb; break;
    case 3: file.color = model::ImageColor::Palette; break;
    case 4: file.color = model::ImageColor::Gray; file.alpha = true; break;
    case 6: file.color = model::ImageColor::Rgb; file.alpha = true; break;
    default: break;
  }
  return file;
}

void read_figure(ContentState& st, TableReader& r, model::Figure& figure) {
  const Ctx& cx = st.cx;
  bool has_image = r.has("image"), has_ornament = r.has("ornament");
  if (has_image && has_ornament)
    cx.sink.error(r.key_at("ornament"), "a figure has an image or an ornament, not both", "remove one of them");
  else if (!has_image && !has_ornament)
    cx.sink.error(r.at(), "missing required key 'image' in [[block]]",
                  "add image = \"content/images/….png\", or ornament = \"carnation\", \"ribbon\" or \"flag\"");
  if (auto image = r.string("image")) {
    std::string absolute = resolve_project_path(*image, st.options, r.value_at("image"), cx.sink);
    if (!absolute.empty()) {
      FileProblem problem;
      ImageFileInfo info = inspect_image_file(absolute, &problem);
      if (problem)
        cx.sink.error(r.value_at("image"), "'" + r.key_path("image") + "': file '" + *image + "' " + problem.phrase,
                      problem.kind == FileProblem::too_large ? "scale it down: 300 pixels per inch of its printed size is enough"
                                                             : "name a PNG or JPEG file");
      else if (info.format.empty())
        cx.sink.error(r.value_at("image"), "'" + r.key_path("image") + "' is not a PNG or JPEG file",
                      "convert the image to PNG or JPEG");
      else if (!info.problem.empty())
        cx.sink.error(r.value_at("image"), "'" + r.key_path("image") + "' cannot be used: " + info.problem,
                      info.oversized ? "scale it down: 300 pixels per inch of its printed size is enough"
                                : "export the image again as an 8-bit PNG or a baseline JPEG");
      else {
        figure.image = *image;
        figure.file = image_file_of(absolute, info);
      }
    }
  }
  if (auto o = r.choice("ornament", {"carnation", "ribbon", "flag"})) figure.ornament = *o;
  if (auto caption = read_inline_key(st, r, "caption")) figure.caption = *caption;
  if (const toml::node* n = r.get("credit"))
    if (auto s = read_text(cx, *n, r.key_path("credit"))) figure.credit = *s;
  r.require("alt", "\"…\" (what the figure shows, for readers who cannot see it)");
  if (const toml::node* n = r.get("alt")) {
    if (auto s = read_text(cx, *n, r.key_path("alt"))) {
      if (s->find_first_not_of(" \t\n") == std::string::npos)
        cx.error(*n, "'" + r.key_path("alt") + "' is empty", "describe what the figure shows");
      else
        figure.alt = *s;
    }
  }
}

// Array of inline tables, each read by `each`.
template <typename Each>
void read_entries(ContentState& st, TableReader& r, const char* key, const char* example, Each each) {
  r.require(key, example);
  const toml::array* a = r.array(key);
  if (!a) return;
  std::string path = r.key_path(key);
  if (a->empty()) st.cx.sink.error(r.value_at(key), "'" + path + "' is empty", std::string("write ") + key + " = " + example);
  for (size_t i = 0; i < a->size(); ++i) {
    std::string epath = element_path(path, i);
    if (const toml::table* t = read_table(st.cx, *a->get(i), epath)) {
      TableReader e(st.cx, *t, epath, epath);
      each(e);
      e.finish();
    }
  }
}

void read_names(ContentState& st, TableReader& r, model::Names& names) {
  const Ctx& cx = st.cx;
  size_t columns = 0;
  if (auto header = r.strings("header")) {
    for (auto& h : *header) h = to_nfc(h);
    columns = header->size();
    names.header = std::move(*header);  // set as a header row (TH cells in the structure)
  }
  bool has_header = !names.header.empty();
  r.require("rows", "[ [ { text = \"Azərbaycan\", lang = \"az\" }, … ], … ]");
  const toml::array* rows = r.array("rows");
  if (!rows) return;
  std::string path = r.key_path("rows");
  if (rows->empty()) cx.sink.error(r.value_at("rows"), "'" + path + "' is empty", "add at least one row");
  for (size_t i = 0; i < rows->size(); ++i) {
    std::string rpath = element_path(path, i);
    const toml::array* row = read_array(cx, *rows->get(i), rpath);
    if (!row) continue;
    if (columns == 0) columns = row->size();
    if (row->size() != columns)
      cx.error(*rows->get(i), "'" + rpath + "' has " + std::to_string(row->size()) + (row->size() == 1 ? " cell, " : " cells, ") +
                                  (has_header ? "the header has " : "the first row has ") + std::to_string(columns),
               "every row has the same columns; leave a cell empty with { text = \"\" }");
    std::vector<model::NameCell> cells;
    for (size_t j = 0; j < row->size(); ++j) {
      std::string cpath = element_path(rpath, j);
      const toml::table* t = read_table(cx, *row->get(j), cpath);
      if (!t) continue;
      TableReader c(cx, *t, cpath, cpath);
      model::NameCell cell;
      if (const toml::node* n = c.get("text"))
        if (auto s = read_text(cx, *n, c.key_path("text"))) cell.text = *s;
      if (auto lang = c.string("lang")) {
        if (valid_language_tag(*lang)) cell.lang = *lang;
        else cx.sink.error(c.value_at("lang"), "'" + c.key_path("lang") + "' is not a language tag: \"" + shorten(*lang) + "\"",
                           "write a BCP 47 tag such as \"az\", \"az-Cyrl\" or \"az-Arab\"");
      }
      c.finish();
      cells.push_back(std::move(cell));
    }
    names.rows.push_back(std::move(cells));
  }
}

// The required `text` of a paragraph, heading or quote.
model::Inline read_text_key(ContentState& st, TableReader& r) {
  r.require("text", "\"…\"");
  return read_inline_key(st, r, "text").value_or(model::Inline{});
}

void read_list(ContentState& st, TableReader& r, model::List& list) {
  r.require("items", "[\"…\", \"…\"]");
  if (const toml::array* items = r.array("items")) {
    if (items->empty()) st.cx.sink.error(r.value_at("items"), "'" + r.key_path("items") + "' is empty", "add the list's items");
    for (size_t i = 0; i < items->size(); ++i)
      if (auto item = read_inline(st, *items->get(i), element_path(r.key_path("items"), i))) list.items.push_back(*item);
  }
  list.numbered = r.boolean("numbered").value_or(false);
}

void read_facts(ContentState& st, TableReader& r, model::Facts& facts) {
  const Ctx& cx = st.cx;
  read_entries(st, r, "facts", "[ { value = \"150\", label = \"…\" } ]", [&](TableReader& e) {
    e.require("value", "\"150\"");
    e.require("label", "\"…\"");
    model::FactFigure f;
    if (const toml::node* n = e.get("value")) f.value = read_text(cx, *n, e.key_path("value")).value_or("");
    if (const toml::node* n = e.get("label")) f.label = read_text(cx, *n, e.key_path("label")).value_or("");
    facts.figures.push_back(std::move(f));
  });
}

void read_timeline(ContentState& st, TableReader& r, model::Timeline& timeline) {
  const Ctx& cx = st.cx;
  read_entries(st, r, "entries", "[ { date = \"19–20 January 1990\", event = \"…\" } ]", [&](TableReader& e) {
    e.require("date", "\"19–20 January 1990\"");
    e.require("event", "\"…\"");
    model::TimelineEntry entry;
    if (const toml::node* n = e.get("date")) entry.date = read_text(cx, *n, e.key_path("date")).value_or("");
    if (auto event = read_inline_key(st, e, "event")) entry.event = *event;
    timeline.entries.push_back(std::move(entry));
  });
}

void check_layout_name(ContentState& st, TableReader& r, const char* key, const std::string& value,
                       const std::vector<std::string>& defined, const char* what) {
  if (!st.context.design || std::find(defined.begin(), defined.end(), value) != defined.end()) return;
  std::string close = nearest(value, defined);
  std::string layout = st.context.design->path;
  st.cx.sink.error(r.value_at(key), "'" + r.key_path(key) + "' names unknown " + what + " '" + value + "'",
                   !close.empty()    ? "did you mean '" + close + "'?"
                   : defined.empty() ? "the layout " + layout + " defines no " + what + "s"
                                     : "the layout " + layout + " defines " + join_names(defined));
}

void read_block(ContentState& st, const toml::table& t, const std::string& path, std::vector<model::Block>& out) {
  const Ctx& cx = st.cx;
  TableReader r(cx, t, path, "[[block]]");
  model::Block b;
  b.where = r.at();
  r.require("type", "\"paragraph\"");
  std::vector<std::string> names;
  for (const auto& bt : block_types()) names.push_back(bt.name);
  auto type_name = r.choice("type", names);
  const BlockType* type = nullptr;
  for (const auto& bt : block_types())
    if (type_name && *type_name == bt.name) type = &bt;
  if (!type) {  // without a type the other keys cannot be judged
    for (const auto& bt : block_types())
      for (const char* k : bt.keys) r.allow(k);
    for (const char* k : {"id", "style", "lang", "frame"}) r.allow(k);
    r.finish();
    return;
  }
  b.content = type->empty;
  const model::Design* design = st.context.design;

  if (auto id = r.string("id")) {
    if (!valid_id(*id)) cx.sink.error(r.value_at("id"), "'" + r.key_path("id") + "' is not a valid id: \"" + shorten(*id) + "\"",
                                      "start with a letter; use letters, digits, '-' and '_'");
    else b.id = *id;
  }
  if (auto style = r.string("style")) {
    std::vector<std::string> defined;
    if (design) for (const auto& [k, v] : design->styles) defined.push_back(k);
    check_layout_name(st, r, "style", *style, defined, "style");
    b.style = *style;
  }
  if (auto lang = r.string("lang")) {
    if (valid_language_tag(*lang)) b.lang = *lang;
    else cx.sink.error(r.value_at("lang"), "'" + r.key_path("lang") + "' is not a language tag: \"" + shorten(*lang) + "\"",
                       "write a BCP 47 tag such as \"en\" or \"az-Cyrl\"");
  }
  if (auto frame = r.string("frame")) {
    std::vector<std::string> defined;
    if (design)
      for (const auto& [k, m] : design->masters)
        for (const auto& f : m.frames)
          if (std::find(defined.begin(), defined.end(), f.name) == defined.end()) defined.push_back(f.name);
    check_layout_name(st, r, "frame", *frame, defined, "frame");
    b.frame = *frame;
  }

  std::visit(model::Overloaded{
                 [&](model::Heading& h) {
                   h.level = static_cast<int>(r.integer("level", 1, 3).value_or(1));
                   h.text = read_text_key(st, r);
                 },
                 [&](model::Paragraph& p) { p.text = read_text_key(st, r); },
                 [&](model::Quote& q) {
                   q.text = read_text_key(st, r);
                   if (const toml::node* n = r.get("attribution"))
                     if (auto s = read_text(cx, *n, r.key_path("attribution"))) q.attribution = *s;
                 },
                 [&](model::List& l) { read_list(st, r, l); },
                 [&](model::Figure& f) { read_figure(st, r, f); },
                 [&](model::Facts& f) { read_facts(st, r, f); },
                 [&](model::Timeline& t) { read_timeline(st, r, t); },
                 [&](model::PageBreak& p) {
                   if (auto master = r.string("master")) {
                     std::vector<std::string> defined;
                     if (design) for (const auto& [k, v] : design->masters) defined.push_back(k);
                     check_layout_name(st, r, "master", *master, defined, "master page");
                     p.master = *master;
                   }
                 },
                 [&](model::Contents&) {},
                 [&](model::Names& n) { read_names(st, r, n); },
             },
             b.content);
  r.finish(r.has_unknown_keys() ? foreign_key_hints(*type) : std::map<std::string, std::string>{});  // hints only when needed

  // Headings get an anchor for the table of contents and for links.
  const model::Heading* heading = b.as<model::Heading>();
  if (heading && b.id.empty() && !heading->text.empty()) {
    std::string base = slug(inline_text(heading->text)), id = base;
    for (int n = 2; st.ids.count(id); ++n) id = base + "-" + std::to_string(n);
    b.id = id;
  } else if (!b.id.empty()) {
    if (auto first = st.ids.find(b.id); first != st.ids.end())
      cx.sink.error(r.value_at("id"), "id '" + b.id + "' is used twice",
                    "the first is at line " + std::to_string(first->second.line) + "; ids must be unique");
  }
  if (!b.id.empty()) st.ids.emplace(b.id, r.has("id") ? r.value_at("id") : b.where);
  out.push_back(std::move(b));
}

}  // namespace

void read_blocks(TableReader& root, std::vector<model::Block>& blocks, ContentState& st) {
  const Ctx& cx = st.cx;
  const toml::node* n = root.get("block");
  if (!n) {
    cx.sink.error(cx.file.at(1, 1), "the content has no [[block]]", "add the text as [[block]] tables");
    return;
  }
  const toml::array* a = n->as_array();
  if (!a) {
    cx.error(*n, "'block' must be an array of tables, found " + describe_value(*n),
             "write [[block]] with two brackets for each block");
    return;
  }
  blocks.reserve(blocks.size() + a->size());  // a block a table: allocated once (they live until the PDF is made)
  for (size_t i = 0; i < a->size(); ++i) {
    std::string path = element_path("block", i);
    if (const toml::table* t = read_table(cx, *a->get(i), path)) read_block(st, *t, path, blocks);
  }
  for (const auto& link : st.anchor_links)
    if (!st.ids.count(link.id)) {
      std::vector<std::string> ids;
      for (const auto& [id, where] : st.ids) ids.push_back(id);
      std::string close = nearest(link.id, ids);
      cx.sink.error(link.where, "link in '" + link.path + "' points to '#" + link.id + "', which no block has as its id",
                    close.empty() ? "give the target block id = \"" + link.id + "\"" : "did you mean '#" + close + "'?");
    }
}

}  // namespace jan20::load
