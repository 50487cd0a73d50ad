#include "build/font_coverage.h"

#include <algorithm>
#include <optional>
#include <set>

#include "build/workspace.h"
#include "core/utf.h"
#include "load/load.h"
#include "model/block_texts.h"

namespace jan20::build {

namespace {

// Every character set in type: the content's texts and what the layout adds
// around them (model/block_texts.h), the title and subtitle.
std::set<char32_t> characters_used(const model::Document& doc) {
  std::set<char32_t> used;
  auto add = [&](std::string_view t) {
    for (size_t pos = 0; pos < t.size();) used.insert(utf8_next(t, pos));
  };
  for (const auto& b : doc.blocks)
    model::for_each_text(b, [&](const model::BlockText& t) {
      if (t.kind != model::BlockText::Kind::Alt) add(t.text);
    });
  add(doc.meta.title + doc.meta.subtitle);
  return used;
}

bool needs_glyph(char32_t cp) { return !(cp < 0x20 || cp == 0x200B || cp == 0xA0 || cp == 0x2009 || cp == 0x202F); }

// Fonts that a style sets text in; the others only serve as fallbacks.
std::set<std::string> primary_fonts(const model::Design& design) {
  std::set<std::string> primary;
  for (const auto& [style_name, style] : design.styles)
    for (const std::string* f : {&style.font, &style.emphasis_font, &style.strong_font})
      if (!f->empty()) primary.insert(*f);
  return primary;
}

// The font and its fallbacks, as far as they resolve.
std::vector<const font::Face*> fallback_chain(const font::Face* face, const model::FontSpec& spec,
                                              const model::Design& design, font::FontCollection& fonts,
                                              DiagnosticSink& sink) {
  std::vector<const font::Face*> chain{face};
  for (const auto& fb : spec.fallback) {
    auto it = design.fonts.find(fb);
    if (it != design.fonts.end())
      if (const font::Face* f = fonts.resolve(it->second, sink)) chain.push_back(f);
  }
  return chain;
}

// A primary font is checked with its fallbacks against the content; a font
// that only serves as a fallback covers what the others lack.
FontCoverage cover(const std::string& name, const model::FontSpec& spec, bool primary, const model::Design& design,
                   const std::set<char32_t>& used, font::FontCollection& fonts, DiagnosticSink& sink) {
  FontCoverage line{name, spec.family, spec.style, {}, FontCoverage::Status::Covers, {}};
  const font::Face* face = fonts.resolve(spec, sink);
  if (!face) {
    line.status = FontCoverage::Status::NotFound;
    return line;
  }
  line.path = face->path();
  if (!primary) {
    line.status = FontCoverage::Status::Fallback;
    return line;
  }
  std::vector<const font::Face*> chain = fallback_chain(face, spec, design, fonts, sink);
  for (char32_t cp : used)
    if (needs_glyph(cp) &&
        std::none_of(chain.begin(), chain.end(), [&](const font::Face* f) { return f->has_glyph(cp); }))
      line.missing.push_back(cp);
  if (!line.missing.empty()) line.status = FontCoverage::Status::Missing;
  return line;
}

EditionFonts edition_fonts(Workspace& ws, const load::PlannedDocument& doc, const load::PlannedEdition& planned,
                           const model::Design& design) {
  EditionFonts ed{doc.spec->name, planned.lang, planned.content, {}, {}};
  std::optional<model::Document> content = load::load_edition_content(planned, design, ws.load, ed.sink, ws.source_date);
  std::set<char32_t> used = content ? characters_used(*content) : std::set<char32_t>{};
  std::set<std::string> primary = primary_fonts(design);
  for (const auto& [name, spec] : design.fonts)
    ed.fonts.push_back(cover(name, spec, primary.count(name) > 0, design, used, *ws.fonts, ed.sink));
  return ed;
}

}  // namespace

FontsResult run_fonts(const BuildOptions& options) {
  FontsResult result;
  std::optional<OpenProject> open = open_project(options.project_dir, options.allow_paths, result.sink);
  if (!open) {
    result.exit_code = 1;
    return result;
  }
  Workspace& ws = *open->workspace;
  auto plan = load::plan_editions(open->project, {options.documents, options.languages}, result.sink);
  if (!plan) {
    result.exit_code = 2;
    return result;
  }
  bool failed = false;
  for (const load::PlannedDocument& doc : *plan) {
    std::optional<model::Design> design = load::load_design(doc.spec->layout, ws.load, result.sink);
    if (!design) continue;
    for (const load::PlannedEdition& planned : doc.editions) {
      EditionFonts& ed = result.editions.emplace_back(edition_fonts(ws, doc, planned, *design));
      failed |= ed.sink.has_errors() || std::any_of(ed.fonts.begin(), ed.fonts.end(), [](const FontCoverage& f) {
                  return f.status == FontCoverage::Status::NotFound;
                });
    }
  }
  result.exit_code = failed || result.sink.has_errors() ? 1 : 0;
  return result;
}

}  // namespace jan20::build
