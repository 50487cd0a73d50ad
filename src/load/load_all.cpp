// Plans the editions a selection asks for and loads a whole project once:
// what `jan20-pdf check` verifies and what a build starts from.
#include <algorithm>

#include "load/load.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Every selected document name must exist in the project.
bool check_documents(const model::Project& project, const Selection& selection, DiagnosticSink& sink) {
  std::vector<std::string> names;
  for (const auto& spec : project.documents) names.push_back(spec.name);
  bool ok = true;
  for (const std::string& wanted : selection.documents) {
    if (contains(names, wanted)) continue;
    std::string close = nearest(wanted, names);
    sink.error({"jan20.toml", 0, 0}, "the project has no document '" + wanted + "'",
               close.empty() ? "its documents: " + join_names(names) : "did you mean '" + close + "'?");
    ok = false;
  }
  return ok;
}

// Every selected language must be one of some selected document's.
bool check_languages(const std::vector<const model::DocumentSpec*>& specs, const Selection& selection,
                     DiagnosticSink& sink) {
  bool ok = true;
  for (const std::string& lang : selection.languages) {
    if (std::any_of(specs.begin(), specs.end(), [&](const auto* spec) { return contains(spec->languages, lang); }))
      continue;
    ok = false;
    if (specs.size() == 1)
      sink.error(specs[0]->where, "document '" + specs[0]->name + "' has no '" + lang + "' edition",
                 "its languages: " + join_names(specs[0]->languages));
    else
      sink.error({"jan20.toml", 0, 0}, "no document has a '" + lang + "' edition",
                 "the languages are set per document in jan20.toml");
  }
  return ok;
}

}  // namespace

std::optional<std::vector<PlannedDocument>> plan_editions(const model::Project& project, const Selection& selection,
                                                          DiagnosticSink& sink) {
  if (!check_documents(project, selection, sink)) return std::nullopt;
  std::vector<const model::DocumentSpec*> specs;
  for (const auto& spec : project.documents)
    if (selection.documents.empty() || contains(selection.documents, spec.name)) specs.push_back(&spec);
  if (!check_languages(specs, selection, sink)) return std::nullopt;
  std::vector<PlannedDocument> plan;
  for (const model::DocumentSpec* spec : specs) {
    PlannedDocument doc{spec, {}};
    for (const std::string& lang : spec->languages)
      if (selection.languages.empty() || contains(selection.languages, lang))
        doc.editions.push_back({lang, expand_pattern(spec->content, spec->name, lang),
                                expand_pattern(spec->output, spec->name, lang)});
    if (!doc.editions.empty()) plan.push_back(std::move(doc));
  }
  return plan;
}

std::optional<model::Document> load_edition_content(const PlannedEdition& edition, const model::Design& design,
                                                    const LoadOptions& options, DiagnosticSink& sink,
                                                    const std::string& default_date, ScriptCheck scripts) {
  int errors = sink.error_count();
  auto document = load_document(edition.content, options, sink, ContentContext{edition.lang, &design, default_date});
  if (!document) return std::nullopt;
  if (scripts == ScriptCheck::Now) check_scripts(*document, sink);
  if (sink.error_count() != errors) return std::nullopt;
  return document;
}

std::optional<LoadedProject> load_all(const LoadOptions& options, DiagnosticSink& sink, const Selection& selection) {
  int errors = sink.error_count();
  auto project = load_project(options, sink);
  if (!project) return std::nullopt;
  LoadedProject loaded;
  loaded.project = *project;
  loaded.fonts = load_font_manifest(project->fonts_manifest, options, sink);
  auto plan = plan_editions(*project, selection, sink);
  if (!plan) return std::nullopt;
  for (const PlannedDocument& planned : *plan) {
    auto design = load_design(planned.spec->layout, options, sink);
    if (!design) continue;
    LoadedDocument doc{*planned.spec, std::move(*design), {}};
    for (const PlannedEdition& edition : planned.editions) {
      auto document = load_edition_content(edition, doc.design, options, sink);
      if (!document) continue;
      doc.editions.push_back({edition.lang, edition.content, edition.output, std::move(*document)});
    }
    std::vector<EditionNumbers> numbers;
    for (const LoadedEdition& e : doc.editions) numbers.push_back({e.lang, e.content, numbers_in(e.document), &sink});
    check_edition_numbers(numbers);
    loaded.documents.push_back(std::move(doc));
  }
  if (sink.error_count() != errors) return std::nullopt;
  return loaded;
}

}  // namespace jan20::load
