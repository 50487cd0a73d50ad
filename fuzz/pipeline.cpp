#include "pipeline.h"

#include <cstdio>
#include <cstdlib>

#include "build/edition.h"

namespace jan20::fuzz {

namespace {

[[noreturn]] void broken_promise(const char* what) {
  std::fprintf(stderr, "fuzz pipeline: %s\n", what);
  std::abort();
}

// The build options the flags byte chooses (README.md): what `jan20-pdf
// check` would be run with, plus in-memory imposition.
build::BuildOptions options_from(const Pipeline::Parts& parts) {
  build::BuildOptions o;
  o.write = false;
  o.target = (parts.flags & 1) ? "screen" : "print";
  o.marks = (parts.flags & 2) != 0;
  o.tagged = (parts.flags & 4) == 0;
  o.pdfa = (parts.flags & 8) != 0;
  o.accessible = (parts.flags & 32) == 0;
  if ((parts.flags & 64) != 0) o.icc_profile.clear();
  if ((parts.flags & 16) != 0) {
    o.impose = "saddle";  // printer sheets too
    o.creep_mm = parts.creep_pt * 25.4 / 72;
  }
  return o;
}

}  // namespace

Pipeline::Pipeline(std::string project_root, const std::string& manifest) {
  load::LoadOptions load_options;
  load_options.root = std::move(project_root);
  // The manifest names system fonts by absolute path and lives outside the
  // fuzz project: read it as the project file of its own directory.
  size_t slash = manifest.rfind('/');
  load::LoadOptions manifest_options{manifest.substr(0, slash), {}};
  DiagnosticSink sink;
  model::FontManifest fonts = load::load_font_manifest(manifest.substr(slash + 1), manifest_options, sink);
  if (sink.has_errors() || fonts.fonts.empty()) broken_promise("cannot read the font manifest");
  workspace_ = std::make_unique<build::Workspace>(std::move(load_options), std::move(fonts));
}

Pipeline::Parts Pipeline::split(std::string_view input) {
  Parts parts;
  size_t first = input.find('\0');
  parts.content = std::string(input.substr(0, first));
  if (first == std::string_view::npos) return parts;
  std::string_view rest = input.substr(first + 1);
  size_t second = rest.find('\0');
  parts.layout = std::string(rest.substr(0, second));
  if (second != std::string_view::npos && second + 1 < rest.size())
    parts.flags = static_cast<unsigned char>(rest[second + 1]);
  if (second != std::string_view::npos && second + 2 < rest.size())
    parts.creep_pt = static_cast<unsigned char>(rest[second + 2]) / 100.0;
  return parts;
}

Outcome Pipeline::run(std::string_view input) {
  Parts parts = split(input);
  build::BuildOptions options = options_from(parts);
  Outcome out;
  DiagnosticSink& sink = out.sink;
  auto stop = [&](Stage stage) {
    if (!sink.has_errors()) broken_promise("a stage failed without reporting an error");
    out.stopped_at = stage;
    // Every message must format; a bad location or an invalid string would show here.
    for (const Diagnostic& d : sink.diagnostics()) (void)format_diagnostic_json(d);
    return std::move(out);
  };
  build::Workspace& ws = *workspace_;
  ws.cache = std::make_unique<text::ShapeCache>();  // nothing shaped for one input carries over to the next

  std::optional<model::Design> design = load::load_design_text("layouts/fuzz.toml", parts.layout, ws.load, sink);
  if (!design || !build::check_layout(*design, options, sink)) return stop(Stage::Layout);
  // The language is left unchecked (the project file is not fuzzed); the
  // content is checked against the layout as in a build.
  std::optional<model::Document> doc =
      load::load_document_text("content/fuzz.toml", parts.content, ws.load, sink, {"", &*design});
  if (!doc) return stop(Stage::Content);
  load::check_scripts(*doc, sink);
  if (sink.has_errors()) return stop(Stage::Content);

  build::Edition edition;
  edition.document = "fuzz";
  build::make_edition(ws, options, *design, *doc, edition, build::threads_per_edition(options.jobs, 1));
  sink.append(edition.sink);
  switch (edition.stopped_at) {
    case build::Stage::Layout: return stop(Stage::Layout);
    case build::Stage::Content: return stop(Stage::Content);
    case build::Stage::Typeset: return stop(Stage::Typeset);
    case build::Stage::Pdf: return stop(Stage::Pdf);
    case build::Stage::Done: break;
  }
  out.pdf = edition.rendered_imposed.empty() ? std::move(edition.rendered) : std::move(edition.rendered_imposed);
  const std::string& pdf = out.pdf;
  if (pdf.rfind("%PDF-1.", 0) != 0 || pdf.size() < 64 || pdf.find("%%EOF", pdf.size() - 8) == std::string::npos)
    broken_promise("make_edition succeeded but its bytes are not a whole PDF file");
  return out;
}

}  // namespace jan20::fuzz
