// A layout file -> model::Design. Sections are read in dependency order
// (page before colours, for the ink limit; page before masters, for the
// bounds), names are checked last.
#include "load/design_sections.h"
#include "load/load.h"
#include "load/project_paths.h"
#include "load/source_file.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

std::optional<model::Design> read_design(const SourceFile& file, const std::string& path, const LoadOptions& options,
                                         DiagnosticSink& sink) {
  int errors = sink.error_count();
  auto table = parse_toml(file, sink);
  if (!table) return std::nullopt;

  Ctx cx{file, sink};
  TableReader root(cx, *table, "", "the layout file");
  model::Design design;
  design.path = path;
  design.where = file.at(1, 1);
  NameRefs refs;
  read_page(root, design);
  read_hyphenation(root, design, options);
  read_justification(root, design);
  read_flow(root, design);
  read_colors(root, design);
  read_fonts(root, design, options, refs);
  read_styles(root, design, refs);
  read_masters(root, design, refs);
  root.finish({{"colours", "did you mean 'colors'?"}, {"style", "did you mean 'styles'?"},
               {"master", "did you mean 'masters'?"}, {"font", "did you mean 'fonts'?"}});
  check_names(cx, design, refs);

  // The layout stage falls back to "body" for every style it does not find,
  // and pages without a page-break master use [masters.body].
  auto defines = [&](const char* section, const char* name) {
    const toml::table* t = table->get(section) ? table->get(section)->as_table() : nullptr;
    return !t || t->contains(name);  // a wrong type was reported already
  };
  auto at_section = [&](const char* section) { return table->get(section) ? root.key_at(section) : design.where; };
  if (!table->get("styles") || !defines("styles", "body"))
    sink.error(at_section("styles"), "the layout has no [styles.body]",
               "every layout needs a body style; the others fall back to it");
  if (!table->get("masters") || !defines("masters", "body"))
    sink.error(at_section("masters"), "the layout has no [masters.body]",
               "pages use the body master unless a page-break names another");

  if (sink.error_count() != errors) return std::nullopt;
  return design;
}

}  // namespace

std::optional<model::Design> load_design(const std::string& path, const LoadOptions& options, DiagnosticSink& sink) {
  std::string absolute = resolve_project_path(path, options, {path, 0, 0}, sink);
  if (absolute.empty()) return std::nullopt;
  auto file = read_source_file(path, absolute, {path, 0, 0}, sink);
  if (!file) return std::nullopt;
  return read_design(*file, path, options, sink);
}

std::optional<model::Design> load_design_text(const std::string& path, std::string text, const LoadOptions& options,
                                              DiagnosticSink& sink) {
  auto file = source_from_text(path, join_path(options.root, path), std::move(text), sink);
  if (!file) return std::nullopt;
  return read_design(*file, path, options, sink);
}

}  // namespace jan20::load
