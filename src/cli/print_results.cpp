#include "cli/print_results.h"

#include <cstdio>
#include <filesystem>

#include "core/utf.h"

namespace jan20::cli {

namespace fs = std::filesystem;

namespace {

void print_diagnostics(const DiagnosticSink& sink, const PrintOptions& print) {
  for (const Diagnostic& d : sink.diagnostics()) {
    if (print.quiet && d.severity == Severity::Note) continue;
    if (print.diagnostics == DiagnosticsFormat::Json)
      std::fprintf(stdout, "%s\n", format_diagnostic_json(d).c_str());
    else
      std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
}

// Inside the project, the path relative to it; elsewhere, as given.
fs::path shown_path(const std::string& path, const std::string& root) {
  std::string rel = fs::path(path).lexically_relative(root).string();
  return rel.empty() || rel.rfind("..", 0) == 0 ? fs::path(path) : fs::path(rel);
}

void print_progress(const build::Edition& ed, const build::BuildResult& result, const build::BuildOptions& options) {
  const char* name = ed.document.c_str();
  const char* lang = ed.lang.c_str();
  int pages = ed.paged ? static_cast<int>(ed.paged->pages.size()) : 0;
  const char* plural = pages == 1 ? "" : "s";
  if (options.verify && ed.verdict != build::Edition::Verdict::NotVerified)
    std::fprintf(stderr, "%s %s: %s\n", name, lang,
                 ed.verdict == build::Edition::Verdict::Current ? "the PDF is current"
                 : ed.verdict == build::Edition::Verdict::Missing ? "the PDF is missing"
                                                                 : "the PDF is OUT OF DATE");
  else if (build::succeeded(ed, options) && options.write)
    std::fprintf(stderr, "%s %s: %d page%s in %.0f ms -> %s%s\n", name, lang, pages, plural, ed.milliseconds,
                 shown_path(ed.output, result.root).c_str(),
                 ed.imposed_output.empty()
                     ? ""
                     : (", sheets -> " + shown_path(ed.imposed_output, result.root).string()).c_str());
  else if (build::succeeded(ed, options)) {
    int warnings = 0;
    for (const Diagnostic& d : ed.sink.diagnostics()) warnings += d.severity == Severity::Warning;
    if (warnings == 0)
      std::fprintf(stderr, "%s %s: %d page%s, no problems\n", name, lang, pages, plural);
    else
      std::fprintf(stderr, "%s %s: %d page%s, %d warning%s\n", name, lang, pages, plural, warnings,
                   warnings == 1 ? "" : "s");
  }
  else if (ed.stopped_at == build::Stage::Layout)
    std::fprintf(stderr, "%s %s: %s (its layout %s has errors)\n", name, lang,
                 options.write ? "not written" : "not checked", ed.layout.c_str());
  else {
    // Under --strict the warnings count as errors.
    int errors = ed.sink.error_count();
    if (options.strict)
      for (const Diagnostic& d : ed.sink.diagnostics()) errors += d.severity == Severity::Warning;
    std::fprintf(stderr, "%s %s: %s (%d error%s)\n", name, lang, options.write ? "not written" : "has problems",
                 errors, errors == 1 ? "" : "s");
  }
}

const char* status_text(build::FontCoverage::Status status) {
  switch (status) {
    case build::FontCoverage::Status::Covers: return "covers the content";
    case build::FontCoverage::Status::Missing: return "missing";
    case build::FontCoverage::Status::Fallback: return "fallback";
    case build::FontCoverage::Status::NotFound: return "NOT FOUND";
  }
  return "";
}

void print_font_line(const build::FontCoverage& f) {
  const char* head = f.name.c_str();
  if (f.status == build::FontCoverage::Status::NotFound) {
    std::printf("  %-12s %s %s: %s\n", head, f.family.c_str(), f.style.c_str(), status_text(f.status));
    return;
  }
  std::string status = status_text(f.status);
  // At most twelve missing characters are named.
  for (size_t i = 0; i < f.missing.size() && i < 12; ++i) status += " " + codepoint_label(f.missing[i]);
  std::printf("  %-12s %s %s -> %s [%s]\n", head, f.family.c_str(), f.style.c_str(), f.path.c_str(), status.c_str());
}

}  // namespace

int print_build(const build::BuildResult& result, const build::BuildOptions& options, const PrintOptions& print) {
  print_diagnostics(result.sink, print);
  for (const auto& ed : result.editions) {
    print_diagnostics(ed->sink, print);
    if (!print.quiet) print_progress(*ed, result, options);
  }
  return result.exit_code;
}

int print_fonts(const build::FontsResult& result, const PrintOptions& print) {
  for (const build::EditionFonts& ed : result.editions) {
    std::printf("%s %s (%s):\n", ed.document.c_str(), ed.lang.c_str(), ed.content.c_str());
    for (const build::FontCoverage& f : ed.fonts) print_font_line(f);
    for (const build::StyleFaceGap& g : ed.style_gaps)
      std::printf("  style %s%s: %s [fonts.%s] lacks %s -> drawn from %s, ANOTHER WEIGHT OR STYLE\n", g.style.c_str(),
                  g.variant == "regular" ? "" : (" (" + g.variant + ")").c_str(), g.face.c_str(), g.font.c_str(),
                  build::describe_characters(g.characters).c_str(), g.drawn_from.c_str());
    print_diagnostics(ed.sink, print);
  }
  print_diagnostics(result.sink, print);
  return result.exit_code;
}

}  // namespace jan20::cli
