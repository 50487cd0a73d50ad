#include "cli/report_json.h"

#include <set>

#include "core/json.h"

namespace jan20::cli {

namespace {

void append_fonts(std::string& out, const model::PagedDocument& paged) {
  std::set<int> used;
  for (const auto& page : paged.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<model::GlyphRun>(&item)) used.insert(run->font);
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

}  // namespace

std::string report_json(const std::vector<EditionReport>& editions) {
  std::string out = "{\"editions\":[";
  for (size_t e = 0; e < editions.size(); ++e) {
    const EditionReport& ed = editions[e];
    if (e) out += ',';
    out += "\n{\"document\":" + json_quote(ed.document) + ",\"lang\":" + json_quote(ed.lang) +
           ",\"output\":" + json_quote(ed.output) + ",\"pages\":" + std::to_string(ed.pages) +
           ",\"milliseconds\":" + format_number(ed.milliseconds, 1);
    if (ed.paged) {
      out += ',';
      append_fonts(out, *ed.paged);
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
               ",\"pass\":" + std::to_string(para.pass) +
               (para.pass == 3 ? ",\"note\":\"no set of breaks keeps every line within the tolerance (1.5): "
                                 "the emergency pass chose the least loose setting\"" : "") +
               ",\"lines\":[";
        for (size_t l = 0; l < para.lines.size(); ++l) {
          const auto& line = para.lines[l];
          if (l) out += ',';
          out += "{\"page\":" + std::to_string(line.page) + ",\"ratio\":" + format_number(line.ratio, 3) +
                 ",\"hyphenated\":" + (line.hyphenated ? "true" : "false") +
                 ",\"overfull\":" + (line.overfull ? "true" : "false") + ",\"last\":" +
                 (l + 1 == para.lines.size() ? "true" : "false") + ",\"text\":" + json_quote(line.text) + "}";
        }
        out += "]}";
      }
      out += "]";
    }
    out += "}";
  }
  out += "\n]}\n";
  return out;
}

}  // namespace jan20::cli
