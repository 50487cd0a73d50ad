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

// Fonts that a style sets text in; the others only serve as fallbacks.
std::set<std::string> primary_fonts(const model::Design& design) {
  std::set<std::string> primary;
  for (const auto& [style_name, style] : design.styles)
    for (const std::string* f : {&style.font, &style.emphasis_font, &style.strong_font})
      if (!f->empty()) primary.insert(*f);
  return primary;
}

// A font with the characters that the styles set in it need and that
// neither it nor its fallbacks have (style_faces.h: per style, the text
// actually set in it); a font that only serves as a fallback covers what
// the others lack.
FontCoverage cover(const std::string& name, const model::FontSpec& spec, bool primary,
                   const std::vector<StyleFaceGap>& gaps, font::FontCollection& fonts, DiagnosticSink& sink) {
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
  std::set<char32_t> missing;
  for (const StyleFaceGap& g : gaps)
    if (g.font == name && g.drawn_from.empty()) missing.insert(g.characters.begin(), g.characters.end());
  line.missing.assign(missing.begin(), missing.end());
  if (!line.missing.empty()) line.status = FontCoverage::Status::Missing;
  return line;
}

EditionFonts edition_fonts(Workspace& ws, const load::PlannedDocument& doc, const load::PlannedEdition& planned,
                           const model::Design& design) {
  EditionFonts ed{doc.spec->name, planned.lang, planned.content, {}, {}};
  std::optional<model::Document> content = load::load_edition_content(planned, design, ws.load, ed.sink, ws.source_date);
  std::vector<StyleFaceGap> gaps;
  if (content) gaps = style_face_gaps(design, *content, *ws.fonts);
  std::set<std::string> primary = primary_fonts(design);
  for (const auto& [name, spec] : design.fonts)
    ed.fonts.push_back(cover(name, spec, primary.count(name) > 0, gaps, *ws.fonts, ed.sink));
  for (StyleFaceGap& g : gaps)
    if (!g.drawn_from.empty()) ed.style_gaps.push_back(std::move(g));
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
                  return f.status == FontCoverage::Status::NotFound || f.status == FontCoverage::Status::Missing;
                }) || !ed.style_gaps.empty();
    }
  }
  result.exit_code = failed || result.sink.has_errors() ? 1 : 0;
  return result;
}

}  // namespace jan20::build
