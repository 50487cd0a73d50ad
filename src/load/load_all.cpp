// Loads a whole project once: what `jan20-pdf check` verifies and what a
// build starts from.
#include <algorithm>

#include "load/load.h"
#include "load/text_util.h"

namespace jan20::load {

std::optional<LoadedProject> load_all(const LoadOptions& options, DiagnosticSink& sink, const Selection& selection) {
  int errors = sink.error_count();
  auto project = load_project(options, sink);
  if (!project) return std::nullopt;
  LoadedProject loaded;
  loaded.project = *project;
  loaded.fonts = load_font_manifest(project->fonts_manifest, options, sink);

  std::vector<std::string> names;
  for (const auto& spec : project->documents) names.push_back(spec.name);
  if (!selection.document.empty() &&
      std::find(names.begin(), names.end(), selection.document) == names.end()) {
    std::string close = nearest(selection.document, names);
    sink.error({"jan20.toml", 0, 0}, "the project has no document '" + selection.document + "'",
               close.empty() ? "its documents: " + join_names(names) : "did you mean '" + close + "'?");
    return std::nullopt;
  }
  for (const auto& spec : project->documents) {
    if (!selection.document.empty() && spec.name != selection.document) continue;
    if (!selection.language.empty() &&
        std::find(spec.languages.begin(), spec.languages.end(), selection.language) == spec.languages.end()) {
      sink.error(spec.where, "document '" + spec.name + "' has no '" + selection.language + "' edition",
                 "its languages: " + join_names(spec.languages));
      continue;
    }
    auto design = load_design(spec.layout, options, sink);
    if (!design) continue;
    LoadedDocument doc{spec, std::move(*design), {}};
    for (const auto& lang : spec.languages) {
      if (!selection.language.empty() && lang != selection.language) continue;
      std::string content = expand_pattern(spec.content, spec.name, lang);
      auto document = load_document(content, options, sink, ContentContext{lang, &doc.design});
      if (!document) continue;
      check_scripts(*document, sink);
      doc.editions.push_back({lang, content, expand_pattern(spec.output, spec.name, lang), std::move(*document)});
    }
    loaded.documents.push_back(std::move(doc));
  }
  if (sink.error_count() != errors) return std::nullopt;
  return loaded;
}

}  // namespace jan20::load
