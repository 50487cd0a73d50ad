#include "build/report_json.h"

#include <set>

#include "core/json.h"

namespace jan20::build {

namespace {

void append_fonts(std::string& out, const model::PagedDocument& paged, const std::vector<int>& used) {
  out += "\"fonts\":[";
  bool first = true;
  for (int id : used) {
    if (id < 0 || static_cast<size_t>(id) >= paged.fonts.size()) continue;
    if (!first) out += ',';
    first = false;
    out += "{\"postscript_name\":" + json_quote(paged.fonts[static_cast<size_t>(id)].postscript_name) +
           ",\"path\":" + json_quote(paged.fonts[static_cast<size_t>(id)].path) + "}";
  }
  out += "]";
}

std::string json_box(const pdf::Box& b) {
  return "[" + json_number(b.left, 3) + "," + json_number(b.bottom, 3) + "," + json_number(b.right, 3) + "," +
         json_number(b.top, 3) + "]";
}

// "preflight": the print shop's questions, per page and for the document.
void append_preflight(std::string& out, const pdf::Preflight& p) {
  out += "\"preflight\":{\"target\":" + std::string(p.target == pdf::Target::Print ? "\"print\"" : "\"screen\"") +
         ",\"output_intent\":" + (p.output_intent.empty() ? "null" : json_quote(p.output_intent)) + ",\"fonts\":[";
  for (size_t i = 0; i < p.fonts.size(); ++i) {
    const pdf::PreflightFont& f = p.fonts[i];
    out += (i ? "," : "") + std::string("{\"postscript_name\":") + json_quote(f.postscript_name) +
           ",\"embedded\":" + (f.embedded ? "true" : "false") + ",\"subset\":" + (f.subset ? "true" : "false") + "}";
  }
  out += "],\"pages\":[";
  for (size_t i = 0; i < p.pages.size(); ++i) {
    const pdf::PreflightPage& page = p.pages[i];
    out += std::string(i ? "," : "") + "\n {\"page\":" + std::to_string(page.number) + ",\"label\":" +
           json_quote(page.label) + ",\"media_box\":" + json_box(page.boxes.media);
    if (page.boxes.print)
      out += ",\"bleed_box\":" + json_box(page.boxes.bleed) + ",\"trim_box\":" + json_box(page.boxes.trim);
    out += ",\"color_spaces\":[";
    for (size_t c = 0; c < page.color_spaces.size(); ++c) out += (c ? "," : "") + json_quote(page.color_spaces[c]);
    out += "],\"max_fill_ink\":" + json_number(page.max_fill_ink, 1) +
           ",\"max_stroke_ink\":" + json_number(page.max_stroke_ink, 1) +
           ",\"rich_black_text\":" + (page.rich_black_text ? "true" : "false") +
           ",\"marks\":" + (page.marks ? "true" : "false") +
           ",\"transparency\":" + (page.transparency ? "true" : "false") + ",\"images\":[";
    for (size_t m = 0; m < page.images.size(); ++m) {
      const pdf::PreflightImage& img = page.images[m];
      out += (m ? "," : "") + std::string("{\"path\":") + json_quote(img.path) +
             ",\"pixels\":[" + std::to_string(img.pixel_width) + "," + std::to_string(img.pixel_height) +
             "],\"size_pt\":[" + json_number(img.width, 2) + "," + json_number(img.height, 2) +
             "],\"ppi\":" + json_number(img.ppi, 1) + ",\"color_space\":" + json_quote(img.color_space) +
             ",\"alpha\":" + (img.alpha ? "true" : "false") + "}";
    }
    out += "]}";
  }
  out += "]}";
}

}  // namespace

std::vector<int> drawn_fonts(const model::PagedDocument& paged) {
  std::set<int> used;
  for (const auto& page : paged.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item)) used.insert(run->font);
  return {used.begin(), used.end()};
}

std::string report_json(const std::vector<EditionReport>& editions) {
  std::string out = "{\"editions\":[";
  for (size_t e = 0; e < editions.size(); ++e) {
    const EditionReport& ed = editions[e];
    if (e) out += ',';
    out += "\n{\"document\":" + json_quote(ed.document) + ",\"lang\":" + json_quote(ed.lang) +
           ",\"output\":" + json_quote(ed.output) + ",\"pages\":" + std::to_string(ed.pages) +
           ",\"milliseconds\":" + json_number(ed.milliseconds, 1);
    if (ed.paged) {
      out += ',';
      // Noted before writing freed the items; an edition stopped earlier still has them.
      const bool noted = ed.drawn_fonts && !ed.drawn_fonts->empty();
      append_fonts(out, *ed.paged, noted ? *ed.drawn_fonts : drawn_fonts(*ed.paged));
    }
    if (const layout::TypesetReport* r = ed.typeset) {
      out += ",\"overfull_lines\":" + std::to_string(r->overfull_lines) +
             ",\"widows\":" + std::to_string(r->widows) + ",\"orphans\":" + std::to_string(r->orphans) +
             ",\"max_consecutive_hyphens\":" + std::to_string(r->max_consecutive_hyphens) + ",\"paragraphs\":[";
      for (size_t p = 0; p < r->paragraphs.size(); ++p) {
        const auto& para = r->paragraphs[p];
        if (p) out += ',';
        out += "\n {\"file\":" + json_quote(para.where.file) + ",\"line\":" + std::to_string(para.where.line) +
               ",\"column\":" + std::to_string(para.where.column) + ",\"align\":" + json_quote(para.align) +
               ",\"kind\":" + json_quote(para.kind) +
               ",\"pass\":" + std::to_string(para.pass) +
               ",\"impossible\":" + (para.pass >= 3 ? "true" : "false") +
               (para.pass >= 3 ? ",\"note\":\"no set of breaks keeps every line within the layout's tolerance under its "
                                 "hyphenation rules: an emergency pass chose the least loose setting\"" : "") +
               ",\"lines\":[";
        for (size_t l = 0; l < para.lines.size(); ++l) {
          const auto& line = para.lines[l];
          if (l) out += ',';
          out += "{\"page\":" + std::to_string(line.page) + ",\"ratio\":" + json_number(line.ratio, 3) +
                 ",\"expansion\":" + json_number(line.expansion, 4) + ",\"loose\":" + (line.loose ? "true" : "false") +
                 ",\"hyphenated\":" + (line.hyphenated ? "true" : "false") +
                 ",\"overfull\":" + (line.overfull ? "true" : "false") + ",\"last\":" +
                 (l + 1 == para.lines.size() ? "true" : "false") + ",\"text\":" + json_quote(line.text) + "}";
        }
        out += "]}";
      }
      out += "]";
    }
    // Last: its pages take one line each, after the edition's summary line.
    if (ed.preflight) {
      out += ',';
      append_preflight(out, *ed.preflight);
    }
    out += "}";
  }
  out += "\n]}\n";
  return out;
}

}  // namespace jan20::build
