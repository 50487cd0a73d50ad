// [page], [hyphenation] and [flow] of a layout file.
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "core/json.h"
#include "core/units.h"
#include "core/utf.h"
#include "load/design_sections.h"
#include "load/source_file.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

// Bounds. A page from a bookmark (10 mm) to a large poster (2 m); margins and
// bleeds as a print shop would accept.
const LengthRule kPageSide = LengthRule::mm(10, 2000, "148mm");
const LengthRule kMargin = LengthRule::mm(0, 500, "15mm");
const LengthRule kGutter = LengthRule::mm(0, 100, "5mm");
const LengthRule kBleed = LengthRule::mm(0, 25, "3mm");
const LengthRule kBaselineGrid = LengthRule::pt(0, 100, "13pt");
const LengthRule kSectionSpace = LengthRule::pt(0, 200, "13pt");

void read_margins(TableReader& page, model::Design& d) {
  const char* sides[] = {"top", "bottom", "inner", "outer"};
  double* fields[] = {&d.margin_top, &d.margin_bottom, &d.margin_inner, &d.margin_outer};
  for (double* f : fields) *f = mm_to_pt(15);
  const toml::node* n = page.get("margins");
  if (!n) return;
  std::string path = page.key_path("margins");
  if (n->is_string()) {  // margins = "15mm": the same on every side
    if (auto v = read_length(page.cx(), *n, path, kMargin))
      for (double* f : fields) *f = *v;
    return;
  }
  const toml::table* t = read_table(page.cx(), *n, path);
  if (!t) return;
  TableReader m(page.cx(), *t, path, "[" + path + "]");
  for (int i = 0; i < 4; ++i)
    if (auto v = m.length(sides[i], kMargin)) *fields[i] = *v;
  m.finish({{"left", "use 'inner': the binding side (the left margin of a single page)"},
            {"right", "use 'outer': the side away from the binding (the right margin of a single page)"}});
}

}  // namespace

void read_page(TableReader& root, model::Design& d) {
  if (!root.require("page", {}, "add a [page] table with size = \"A5\" and margins")) return;
  const toml::table* t = root.subtable("page");
  if (!t) return;
  TableReader page(root.cx(), *t, "page", "[page]");
  const Ctx& cx = page.cx();

  bool has_size = page.has("size"), has_w = page.has("width"), has_h = page.has("height");
  if (has_size && (has_w || has_h)) {
    cx.sink.error(page.key_at(has_w ? "width" : "height"), "give either 'size' or 'width' and 'height' in [page], not both",
                  "remove one of them");
  } else if (!has_size && !(has_w && has_h)) {
    if (has_w || has_h)
      cx.sink.error(page.at(), std::string("missing required key '") + (has_w ? "height" : "width") + "' in [page]",
                    "give both width and height, or a size such as \"A5\"");
    else
      page.require("size", "\"A5\" (or width and height)");
  }
  if (auto size = page.get("size")) {
    if (auto name = read_string(cx, *size, "page.size")) {
      if (!paper_size(*name, &d.page_width, &d.page_height)) {
        // Edit distance would offer "A0" for "A7"; only a slip of case is
        // worth a suggestion here.
        std::string close;
        auto lower = [](std::string t) {
          for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          return t;
        };
        for (const char* known : {"A0", "A1", "A2", "A3", "A4", "A5", "A6", "Letter"})
          if (lower(*name) == lower(known)) close = known;
        cx.error(*size, "'page.size' is not a known paper size: \"" + shorten(*name) + "\"",
                 close.empty() ? "use A0 to A6 or Letter, or give width and height" : "did you mean \"" + close + "\"?");
      }
    }
  }
  if (auto w = page.length("width", kPageSide)) d.page_width = *w;
  if (auto h = page.length("height", kPageSide)) d.page_height = *h;
  if (auto o = page.choice("orientation", {"portrait", "landscape"})) {
    bool landscape = *o == "landscape";
    if (landscape != (d.page_width > d.page_height)) std::swap(d.page_width, d.page_height);
  }

  read_margins(page, d);
  d.facing = page.boolean("facing").value_or(false);
  d.columns = static_cast<int>(page.integer("columns", 1, 12).value_or(1));
  d.gutter = page.length("gutter", kGutter).value_or(d.gutter);
  d.bleed = page.length("bleed", kBleed).value_or(mm_to_pt(3));
  d.page_multiple = static_cast<int>(page.integer("page-multiple", 1, 64).value_or(1));
  d.ink_limit = page.number("ink-limit", 100, 400).value_or(300);
  page.finish();

  // The text area must hold a line and every column some words: at least
  // kMinText high, and each column at least kMinText wide (a page of 1 mm of
  // text height set one line per page; 12 columns of 4 pt built).
  if (d.page_width > 0 && d.page_height > 0) {
    const double kMinText = mm_to_pt(10);
    auto mm = [](double pt) { return format_number(pt_to_mm(pt), 1) + "mm"; };
    double height = d.page_height - d.margin_top - d.margin_bottom;
    if (height < kMinText - 1e-6)
      cx.sink.error(page.value_at("margins"), "the top and bottom margins (" + mm(d.margin_top + d.margin_bottom) +
                                                  ") leave " + mm(std::max(height, 0.0)) + " for text on a page " +
                                                  mm(d.page_height) + " high; text needs at least 10mm",
                    "make the top or bottom margin smaller");
    double measure = d.page_width - d.margin_inner - d.margin_outer - (d.columns - 1) * d.gutter;
    if (measure < kMinText - 1e-6) {
      cx.sink.error(page.value_at("margins"), "the margins, columns and gutters leave " + mm(std::max(measure, 0.0)) +
                                                  " for text on a page " + mm(d.page_width) + " wide",
                    "make the margins or the gutter smaller, or use fewer columns");
    } else if (measure / d.columns < kMinText - 1e-6) {
      int fit = static_cast<int>((measure + d.gutter * d.columns) / (kMinText + d.gutter) + 1e-9);
      cx.sink.error(page.value_at("columns"), std::to_string(d.columns) + " columns of " + mm(measure / d.columns) +
                                                  " on a page " + mm(d.page_width) +
                                                  " wide: each column needs at least 10mm",
                    fit >= 1 ? "use at most " + std::to_string(fit) + " columns, or make the margins or the gutter smaller"
                             : "use fewer columns, or make the margins or the gutter smaller");
    }
  }
}

namespace {

// Checks the exception file's words now, at their lines, instead of when the
// text stage first reads it in the middle of a build.
void check_exception_file(const Ctx& cx, const std::string& relative, const std::string& absolute,
                          const SourceLocation& named_at) {
  auto file = read_source_file(relative, absolute, named_at, cx.sink);
  if (!file) return;
  std::istringstream in(file->text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    size_t end = line.find_last_not_of(" \t");
    std::string word = line.substr(start, end - start + 1);
    SourceLocation at = file->at(number, 1 + static_cast<int>(utf8_length(std::string_view(line).substr(0, start))));
    if (word.find_first_of(" \t") != std::string::npos) {
      cx.sink.error(at, "one word per line in a hyphenation file, found \"" + shorten(word) + "\"",
                    "put each word on its own line");
    } else if (std::string problem = check_hyphenation_word(word); !problem.empty()) {
      cx.sink.error(at, "\"" + shorten(word) + "\" is not a hyphenation exception: " + problem,
                    "write the word with '-' at its break points: xal-qı-mı-zın");
    }
  }
}

}  // namespace

void read_hyphenation(TableReader& root, model::Design& d, const LoadOptions& options) {
  const toml::table* t = root.subtable("hyphenation");
  if (!t) return;
  TableReader h(root.cx(), *t, "hyphenation", "[hyphenation]");
  const Ctx& cx = h.cx();
  d.hyphen_min_word = static_cast<int>(h.integer("min-word", 2, 50).value_or(d.hyphen_min_word));
  d.hyphen_min_left = static_cast<int>(h.integer("min-left", 1, 20).value_or(d.hyphen_min_left));
  d.hyphen_min_right = static_cast<int>(h.integer("min-right", 1, 20).value_or(d.hyphen_min_right));
  d.max_consecutive_hyphens =
      static_cast<int>(h.integer("max-consecutive", 0, 20).value_or(d.max_consecutive_hyphens));
  d.hyphen_penalty = h.number("hyphen-penalty", -10000, 10000).value_or(d.hyphen_penalty);
  d.double_hyphen_demerits = h.number("double-hyphen-demerits", 0, 1e7).value_or(d.double_hyphen_demerits);
  d.final_hyphen_demerits = h.number("final-hyphen-demerits", 0, 1e7).value_or(d.final_hyphen_demerits);
  d.uchyph = h.boolean("uchyph").value_or(d.uchyph);
  d.penultimate_hyphen = h.boolean("penultimate-hyphen").value_or(d.penultimate_hyphen);
  // [hyphenation.<lang>]: the minimums for one language.
  for (const auto& [key, node] : h.table()) {
    const toml::table* lang = node.as_table();
    if (!lang) continue;
    const std::string name(key.str());
    h.allow(name);
    TableReader l(cx, *lang, "hyphenation." + name, "[hyphenation." + name + "]");
    model::Design::HyphenMinimums m{d.hyphen_min_word, d.hyphen_min_left, d.hyphen_min_right};
    m.min_word = static_cast<int>(l.integer("min-word", 2, 50).value_or(m.min_word));
    m.min_left = static_cast<int>(l.integer("min-left", 1, 20).value_or(m.min_left));
    m.min_right = static_cast<int>(l.integer("min-right", 1, 20).value_or(m.min_right));
    d.hyphen_languages[name] = m;
    l.finish();
  }
  if (const toml::array* array = h.array("exceptions")) {
    // Every element is checked (all problems of a file in one run), and the
    // same word twice with other break points is a contradiction.
    std::map<std::string, std::pair<size_t, std::string>> seen;  // letters, lowercased -> element, word
    for (size_t i = 0; i < array->size(); ++i) {
      std::string path = element_path("hyphenation.exceptions", i);
      auto s = read_string(cx, *array->get(i), path);
      if (!s) continue;
      std::string word = to_nfc(*s);
      if (std::string problem = check_hyphenation_word(word); !problem.empty()) {
        cx.error(*array->get(i), "'" + path + "' is not a hyphenation exception: " + problem,
                 "write the word with '-' at its break points: \"xal-qı-mı-zın\"");
        continue;
      }
      std::string letters;
      for (size_t pos = 0; pos < word.size();) {
        char32_t cp = utf8_next(word, pos);
        if (cp != U'-') utf8_append(letters, static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))));
      }
      auto [it, fresh] = seen.emplace(letters, std::make_pair(i, word));
      const auto& [first_index, first] = it->second;
      if (!fresh && first != word)
        cx.error(*array->get(i),
                 "'" + path + "' \"" + shorten(word) + "\" gives other break points than '" +
                     element_path("hyphenation.exceptions", first_index) + "' \"" + shorten(first) + "\"",
                 "keep one of them");
      else if (fresh)
        d.hyphenation_exceptions.push_back(word);
    }
  }
  if (auto file = h.string("file")) {
    std::string absolute = resolve_project_path(*file, options, h.value_at("file"), cx.sink);
    if (!absolute.empty()) {
      d.hyphenation_file = *file;
      check_exception_file(cx, *file, absolute, h.value_at("file"));
    }
  }
  h.finish();
}

void read_justification(TableReader& root, model::Design& d) {
  const toml::table* t = root.subtable("justification");
  if (!t) return;
  TableReader j(root.cx(), *t, "justification", "[justification]");
  d.tolerance = j.number("tolerance", 0.1, 100).value_or(d.tolerance);
  d.pretolerance = j.number("pretolerance", -1, 100).value_or(d.pretolerance);
  d.emergency_tolerance = j.number("emergency-tolerance", 0.1, 100).value_or(d.emergency_tolerance);
  // Percent in the file, a fraction in the model.
  d.expansion = j.number("expansion", 0, 5).value_or(d.expansion * 100) / 100;
  d.expansion_step = j.number("expansion-step", 0.1, 5).value_or(d.expansion_step * 100) / 100;
  d.protrusion = j.boolean("protrusion").value_or(d.protrusion);
  j.finish();
}

void read_flow(TableReader& root, model::Design& d) {
  const toml::table* t = root.subtable("flow");
  if (!t) return;
  TableReader f(root.cx(), *t, "flow", "[flow]");
  d.widows = static_cast<int>(f.integer("widows", 1, 10).value_or(d.widows));
  d.orphans = static_cast<int>(f.integer("orphans", 1, 10).value_or(d.orphans));
  d.baseline_grid = f.length("baseline-grid", kBaselineGrid).value_or(d.baseline_grid);
  if (auto sections = f.choice("sections", {"new-page", "run-on"})) d.sections_run_on = *sections == "run-on";
  d.section_space = f.length("section-space", kSectionSpace).value_or(d.section_space);
  f.finish();
}

}  // namespace jan20::load
