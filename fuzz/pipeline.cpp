#include "pipeline.h"

#include <cstdio>
#include <cstdlib>

#include "layout/typeset.h"
#include "pdf/preflight.h"
#include "pdf/write_pdf.h"
#include "text/shape_cache.h"

namespace jan20::fuzz {

namespace {

[[noreturn]] void broken_promise(const char* what) {
  std::fprintf(stderr, "fuzz pipeline: %s\n", what);
  std::abort();
}

}  // namespace

Pipeline::Pipeline(std::string project_root, const std::string& manifest) {
  load_.root = std::move(project_root);
  // The manifest names system fonts by absolute path and lives outside the
  // fuzz project: read it as the project file of its own directory.
  size_t slash = manifest.rfind('/');
  load::LoadOptions manifest_options{manifest.substr(0, slash), {}};
  DiagnosticSink sink;
  model::FontManifest fonts = load::load_font_manifest(manifest.substr(slash + 1), manifest_options, sink);
  if (sink.has_errors() || fonts.fonts.empty()) broken_promise("cannot read the font manifest");
  fonts_ = std::make_unique<font::FontCollection>(load_.root, std::move(fonts));
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
  Outcome out;
  DiagnosticSink& sink = out.sink;
  auto stop = [&](Stage stage) {
    if (!sink.has_errors()) broken_promise("a stage failed without reporting an error");
    out.stopped_at = stage;
    // Every message must format; a bad location or an invalid string would show here.
    for (const Diagnostic& d : sink.diagnostics()) (void)format_diagnostic_json(d);
    return std::move(out);
  };

  std::optional<model::Design> design = load::load_design_text("layouts/fuzz.toml", parts.layout, load_, sink);
  if (!design) return stop(Stage::Layout);
  // The language is left unchecked (the project file is not fuzzed); the
  // content is checked against the layout as in a build.
  std::optional<model::Document> doc =
      load::load_document_text("content/fuzz.toml", parts.content, load_, sink, {"", &*design});
  if (!doc) return stop(Stage::Content);
  load::check_scripts(*doc, sink);
  if (sink.has_errors()) return stop(Stage::Content);

  text::ShapeCache cache;
  layout::TypesetOptions topts;
  topts.root = load_.root;
  topts.producer = "jan20-pdf fuzz";
  layout::TypesetReport report;
  model::PagedDocument paged = layout::typeset(*doc, *design, *fonts_, cache, topts, sink, &report);
  if (sink.has_errors()) return stop(Stage::Typeset);

  // The PDF options as `jan20-pdf build` sets them (build_command.cpp), the
  // flags byte choosing which.
  pdf::PdfOptions popts;
  popts.target = (parts.flags & 1) ? pdf::Target::Screen : pdf::Target::Print;
  popts.marks = (parts.flags & 2) != 0 && popts.target == pdf::Target::Print;
  popts.tagged = (parts.flags & 4) == 0;
  popts.pdfa = (parts.flags & 8) != 0;
  popts.accessible = (parts.flags & 32) == 0;
  if (popts.pdfa) popts.rgb_profile = "/usr/share/color/icc/ghostscript/srgb.icc";
  if ((parts.flags & 64) == 0) popts.icc_profile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
  pdf::Preflight preflight = pdf::preflight(paged, popts);
  pdf::check_print_rules(preflight, {design->ink_limit, 300}, [](const std::string& image) { return SourceLocation{image}; },
                         sink);
  if (sink.has_errors()) return stop(Stage::Pdf);
  if ((parts.flags & 16) != 0 && paged.pages.size() >= 2) {
    popts.impose = pdf::Imposition::Saddle;  // printer sheets instead of pages
    popts.creep = parts.creep_pt;
  }
  if (!pdf::render_pdf(paged, popts, &out.pdf, sink)) return stop(Stage::Pdf);
  const std::string& pdf = out.pdf;
  if (pdf.rfind("%PDF-1.", 0) != 0 || pdf.size() < 64 || pdf.find("%%EOF", pdf.size() - 8) == std::string::npos)
    broken_promise("render_pdf succeeded but its bytes are not a whole PDF file");
  return out;
}

}  // namespace jan20::fuzz
