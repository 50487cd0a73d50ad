// jan20-pdf: the command people run. Parses arguments (CLI11) and hands over
// to one function per subcommand. Exit codes: 0 success, 1 the documents
// have errors, 2 usage errors.
#include <CLI/CLI.hpp>

#include <malloc.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "build/build.h"
#include "build/font_coverage.h"
#include "cli/init_command.h"
#include "cli/print_results.h"
#include "cli/tools.h"
#include "cli/watch_command.h"
#include "core/json.h"

namespace {

void add_build_options(CLI::App* cmd, jan20::build::BuildOptions& o, std::string& diagnostics) {
  cmd->add_option("documents", o.documents, "Documents to build (default: all in jan20.toml)");
  cmd->add_option("--lang", o.languages, "Only these languages (repeatable, e.g. --lang az)")->delimiter(',');
  cmd->add_option("--diagnostics", diagnostics, "How problems are printed: text or json (JSON lines on stdout)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--strict", o.strict, "Treat warnings as errors");
  cmd->add_option("--report", o.report_file, "Write a JSON report of the typesetting (lines, ratios, pages)");
  cmd->add_option("--target", o.target, "print (CMYK, bleed) or screen (RGB, trim size)")
      ->check(CLI::IsMember({"print", "screen"}));
  cmd->add_option("--allow-path", o.allow_paths, "Also allow reading files from this directory");
}

// CLI::Range lets nan through (every comparison with it is false) and
// prints inf as a number; this names them.
CLI::Validator finite_between(double lo, double hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        char* end = nullptr;
        double v = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0') return "'" + text + "' is not a number";
        if (std::isnan(v)) return "'" + text + "' is not a number (nan)";
        if (std::isinf(v)) return "'" + text + "' is infinite";
        if (v < lo || v > hi)
          return "'" + text + "' is out of range; it must be between " + jan20::format_number(lo, 6) + " and " +
                 jan20::format_number(hi, 6);
        return {};
      },
      "NUMBER in [" + jan20::format_number(lo, 6) + ", " + jan20::format_number(hi, 6) + "]");
}

// Under a sanitizer every block must be freed (LeakSanitizer checks at exit).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer) || \
    __has_feature(leak_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// `build` is the process's last work: once its result is printed, the
// process ends without freeing what the build made (BuildOptions::
// free_memory: at 2,400 pages that freeing took some 35 ms after the last
// byte was written). Every output file is complete, synced and in place
// before run_build returns.
int build_and_exit(jan20::build::BuildOptions options, const jan20::cli::PrintOptions& print) {
  if (kSanitized) return jan20::cli::print_build(jan20::build::run_build(options), options, print);
  options.free_memory = false;
  const auto* result = new jan20::build::BuildResult(jan20::build::run_build(options));  // left to the system
  const int code = jan20::cli::print_build(*result, options, print);
  const bool flushed = std::fflush(nullptr) == 0;  // what was printed, all of it, or exit 1
  std::_Exit(flushed ? code : std::max(code, 1));
}

}  // namespace

namespace {
int run(int argc, char** argv) {
#ifdef __GLIBC__
  // A build frees large structures between its stages (the paragraphs' lines
  // once paginated, each page's glyph runs once drawn). Give memory back to
  // the system when more than 1 MiB is free at the top of the heap, instead
  // of glibc's adaptive threshold, which grows to 32 MiB after large frees:
  // 2,400 pages peak at 291 MiB instead of 306 (bench/, docs/performance.md).
  mallopt(M_TRIM_THRESHOLD, 1 << 20);
  // Setting the trim threshold also fixes glibc's mmap threshold at 128 KiB:
  // every larger block (a long paragraph's break nodes, a page's content, a
  // font's subset, the ICC profile) would be mapped fresh and unmapped when
  // freed, and each of its pages faulted in again by the next one. Up to the
  // trim threshold they come from the heap and are reused: a sixth fewer page
  // faults (240 pages 5,500 -> 4,550; the four editions 1,970 -> 1,820), the
  // same peak memory.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
  CLI::App app{"jan20-pdf: typesets the 20 January commemorative booklet and poster as print-ready PDFs"};
  app.set_version_flag("--version", std::string("jan20-pdf ") + JAN20_VERSION);
  app.require_subcommand(1);
  jan20::build::BuildOptions options;
  jan20::cli::PrintOptions print;
  std::string diagnostics = "text";
  app.add_option("-C", options.project_dir, "Run on the project in this directory (default: .)");
  app.add_flag("--quiet,-q", print.quiet, "No progress lines")->configurable();

  CLI::App* build = app.add_subcommand("build", "Build documents into PDFs (out/<document>.<lang>.pdf)");
  add_build_options(build, options, diagnostics);
  build->add_option("--out", options.out_dir, "Output directory, relative to the project (default: out)");
  build->add_flag("--verify", options.verify,
                  "Write nothing: build in memory and exit 1, naming each edition, when a PDF in the output "
                  "directory differs from what the sources give (for CI)");
  build->add_option("--deps", options.deps_file, "Write a Make-style dependency file of everything the build read");
  build->add_flag("--marks", options.marks, "Crop and registration marks outside the bleed (print target)");
  build->add_flag("--pdfa", options.pdfa,
                  "PDF/A-2b output: XMP identification, an output intent (CMYK for print, sRGB for screen)");
  bool accessible = false;
  build->add_flag("--accessible", accessible,
                  "Accessible PDF (PDF/UA-1): structure tree, languages, alt text; the default, kept for scripts");
  build->add_option("--impose", options.impose, "Also write printer sheets: saddle (booklets)")
      ->check(CLI::IsMember({"saddle"}));
  build->add_option("--creep", options.creep_mm,
                    "Creep compensation for --impose saddle: mm each sheet's pages move towards the spine, "
                    "about the paper's thickness (e.g. 0.1)")
      ->check(finite_between(0.0, 5.0));
  build->add_option("--sheet", options.sheet,
                    "Printer sheet for --impose saddle: SRA4, SRA3, A4, A3 or WIDTHxHEIGHT in mm (default: the "
                    "smallest SRA sheet with room for bleed and marks, SRA4 for A5 pages; A4 for an office duplex "
                    "printer)");
  CLI::Option* icc = build->add_option("--icc", options.icc_profile,
                                       "CMYK ICC profile of the printing condition, declared as the print output "
                                       "intent (default: Ghostscript's default_cmyk.icc)");
  bool untagged = false;
  build->add_flag("--untagged", untagged, "Do not write the structure tree (tagged PDF is the default)");
  build->add_option("-j,--jobs", options.jobs, "Threads: editions built at once, and paragraphs set at once within an edition (default 2)")
      ->check(CLI::Range(0, 64));
  build->add_flag("--quiet,-q", print.quiet, "No progress lines");

  CLI::App* check = app.add_subcommand("check", "Validate content, layouts, fonts, images and fit without writing");
  add_build_options(check, options, diagnostics);
  check->add_flag("--quiet,-q", print.quiet, "No progress lines");

  CLI::App* fonts = app.add_subcommand("fonts", "List the fonts each layout resolves to and their coverage");
  fonts->add_option("documents", options.documents, "Documents (default: all)");
  fonts->add_option("--lang", options.languages, "Only these languages")->delimiter(',');

  jan20::cli::ShapeToolArgs shape_args;
  CLI::App* shape = app.add_subcommand("shape", "Shape text like hb-shape, exactly as the PDF writer places it");
  jan20::cli::add_shape_options(shape, shape_args);

  jan20::cli::HyphenateToolArgs hyphen_args;
  CLI::App* hyphenate = app.add_subcommand("hyphenate", "Print words with their hyphenation points");
  jan20::cli::add_hyphenate_options(hyphenate, hyphen_args);

  jan20::cli::WatchArgs watch_args;
  CLI::App* watch = app.add_subcommand("watch", "Build, then rebuild whenever a file the build read changes (Ctrl-C stops)");
  add_build_options(watch, options, diagnostics);
  watch->add_option("--out", options.out_dir, "Output directory, relative to the project (default: out)");
  watch->add_flag("--quiet,-q", print.quiet, "No progress lines");
  jan20::cli::add_watch_options(watch, watch_args);

  jan20::cli::InitArgs init_args;
  CLI::App* init = app.add_subcommand("init", "Write a starter project (jan20.toml, a layout, content, fonts) that builds at once");
  jan20::cli::add_init_options(init, init_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  print.diagnostics = diagnostics == "json" ? jan20::cli::DiagnosticsFormat::Json : jan20::cli::DiagnosticsFormat::Text;
  options.tagged = !untagged;
  options.accessible = !untagged;
  if (accessible && untagged) {
    std::fprintf(stderr, "jan20-pdf: --accessible needs the structure tree; drop --untagged\n");
    return 2;
  }
  options.icc_explicit = icc->count() > 0;
  // Like make -C and git -C: with -C DIR every relative path is relative to DIR.
  for (std::string* path : {&options.report_file, &options.deps_file, &options.icc_profile})
    if (!path->empty() && *path != "-" && std::filesystem::path(*path).is_relative())
      *path = (std::filesystem::path(options.project_dir) / *path).string();

  // Options that have no effect in this combination: said, not refused.
  if (*build && !print.quiet) {
    if (options.jobs < 1) std::fprintf(stderr, "jan20-pdf: note: -j %d builds with one thread\n", options.jobs);
    if (options.creep_mm != 0 && options.impose.empty())
      std::fprintf(stderr, "jan20-pdf: note: --creep applies to --impose saddle; no printer sheets are written\n");
    if (!options.sheet.empty() && options.impose.empty())
      std::fprintf(stderr, "jan20-pdf: note: --sheet applies to --impose saddle; no printer sheets are written\n");
    if (options.marks && options.target == "screen")
      std::fprintf(stderr, "jan20-pdf: note: --marks applies to the print target; screen editions have no marks\n");
  }
  if (options.verify) {
    options.write = false;
    options.deps_file.clear();
    options.report_file.clear();
  }
  if (*watch) return jan20::cli::run_watch(options, print, watch_args);
  if (*init) return jan20::cli::run_init(init_args, options.project_dir);
  if (*build) return build_and_exit(options, print);
  if (*check) {
    options.write = false;
    return jan20::cli::print_build(jan20::build::run_build(options), options, print);
  }
  if (*fonts) return jan20::cli::print_fonts(jan20::build::run_fonts(options), print);
  if (*shape) return jan20::cli::run_shape(shape_args, options.project_dir);
  if (*hyphenate) return jan20::cli::run_hyphenate(hyphen_args, options.project_dir);
  return 2;
}
}  // namespace

// The edge: whatever escapes (a file-system call that throws, memory) is a
// diagnostic and exit 1, never an abort with a core dump.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "jan20-pdf: error: %s\n", e.what());
    return 1;
  }
}
