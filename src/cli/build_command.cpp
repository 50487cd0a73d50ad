#include "cli/build_command.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "cli/report_json.h"
#include "core/diagnostic.h"
#include "core/units.h"
#include "core/utf.h"
#include "font/collection.h"
#include "layout/typeset.h"
#include "load/load.h"
#include "pdf/preflight.h"
#include "pdf/write_pdf.h"
#include "text/shape_cache.h"

namespace jan20::cli {

namespace fs = std::filesystem;

namespace {

std::string replace_all(std::string s, const std::string& key, const std::string& value) {
  for (size_t pos = 0; (pos = s.find(key, pos)) != std::string::npos; pos += value.size()) s.replace(pos, key.size(), value);
  return s;
}

struct Edition {
  const model::DocumentSpec* spec = nullptr;
  std::string lang;
  std::string content;   // relative to the root
  std::string output;    // absolute
  // Results
  DiagnosticSink sink;
  std::unique_ptr<model::PagedDocument> paged;
  layout::TypesetReport report;
  double milliseconds = 0;
  std::set<std::string> files;  // read by this edition (for --deps)
  bool written = false;
  std::string imposed_output;  // --impose saddle: the printer sheets
  std::unique_ptr<pdf::Preflight> preflight;  // for --report
};

// out/booklet.az.pdf -> out/booklet.az.imposed.pdf
std::string imposed_path(const std::string& output) {
  std::string base = output.size() > 4 && output.compare(output.size() - 4, 4, ".pdf") == 0
                         ? output.substr(0, output.size() - 4)
                         : output;
  return base + ".imposed.pdf";
}

void print_diagnostics(const DiagnosticSink& sink, const BuildOptions& options) {
  for (const Diagnostic& d : sink.diagnostics()) {
    if (options.quiet && d.severity == Severity::Note) continue;
    if (options.diagnostics == DiagnosticsFormat::Json)
      std::fprintf(stdout, "%s\n", format_diagnostic_json(d).c_str());
    else
      std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  }
}

void collect_images(const model::Document& doc, const std::string& root, std::set<std::string>* files) {
  for (const model::Block& b : doc.blocks)
    if (b.kind == model::BlockKind::Figure && !b.figure.image.empty()) files->insert(root + "/" + b.figure.image);
}

bool has_errors(const DiagnosticSink& sink, bool strict) {
  if (sink.has_errors()) return true;
  if (!strict) return false;
  return std::any_of(sink.diagnostics().begin(), sink.diagnostics().end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

}  // namespace

// SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/):
// seconds since 1970-01-01 UTC, the date of an edition whose content gives
// none. Returns "" when unset; reports and returns nullopt when malformed.
std::optional<std::string> source_date_epoch(DiagnosticSink& sink) {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::string();
  std::string text = value;
  bool digits = text.size() <= 12 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  long long seconds = digits ? std::stoll(text) : -1;
  std::tm utc{};
  time_t t = static_cast<time_t>(seconds);
  if (!digits || seconds > 253402300799LL || !gmtime_r(&t, &utc)) {
    sink.error({"SOURCE_DATE_EPOCH", 0, 0}, "'" + text + "' is not a number of seconds since 1970-01-01",
               "set it to a Unix time such as 1768860000, or unset it");
    return std::nullopt;
  }
  char iso[64];  // room for any int year, so that the compiler sees no truncation
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                utc.tm_hour, utc.tm_min, utc.tm_sec);
  return std::string(iso);
}

struct Session {
  load::LoadOptions load;
  std::string source_date;  // from SOURCE_DATE_EPOCH; "" = unset
  model::Project project;
  std::unique_ptr<font::FontCollection> fonts;
  text::ShapeCache cache;
  std::map<std::string, std::optional<model::Design>> designs;  // by layout path
  DiagnosticSink sink;  // project-level problems
};

// Loads the project file and the font manifest; returns false on errors.
static bool open_session(const BuildOptions& options, Session& s) {
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(options.project_dir), ec);
  if (ec || !fs::is_directory(root)) {
    s.sink.error({options.project_dir, 0, 0}, "project directory not found", "pass an existing directory to -C");
    return false;
  }
  std::optional<std::string> source_date = source_date_epoch(s.sink);
  if (!source_date) return false;
  s.source_date = *source_date;
  s.load.root = root.string();
  s.load.allow_paths = options.allow_paths;
  std::optional<model::Project> project = load::load_project(s.load, s.sink);
  if (!project) return false;
  s.project = std::move(*project);
  model::FontManifest manifest = load::load_font_manifest(s.project.fonts_manifest, s.load, s.sink);
  s.fonts = std::make_unique<font::FontCollection>(s.load.root, std::move(manifest));
  return !s.sink.has_errors();
}

static void build_edition(const BuildOptions& options, Session& s, const model::Design& design, Edition& ed,
                          int paragraph_threads) {
  auto start = std::chrono::steady_clock::now();
  ed.files.insert(s.project.path);
  ed.files.insert(s.load.root + "/" + s.project.fonts_manifest);
  ed.files.insert(s.load.root + "/" + ed.spec->layout);
  ed.files.insert(s.load.root + "/" + ed.content);
  if (!design.hyphenation_file.empty()) ed.files.insert(s.load.root + "/" + design.hyphenation_file);
  // The content is checked against its edition's language and its layout's
  // styles, frames and masters.
  std::optional<model::Document> doc = load::load_document(ed.content, s.load, ed.sink, {ed.lang, &design, s.source_date});
  if (!doc) return;
  load::check_scripts(*doc, ed.sink);
  collect_images(*doc, s.load.root, &ed.files);
  if (ed.sink.has_errors()) return;

  layout::TypesetOptions topts;
  topts.root = s.load.root;
  topts.producer = std::string("jan20-pdf ") + JAN20_VERSION;
  topts.threads = paragraph_threads;
  ed.paged = std::make_unique<model::PagedDocument>(
      layout::typeset(*doc, design, *s.fonts, s.cache, topts, ed.sink, &ed.report));
  for (const auto& f : ed.paged->fonts) ed.files.insert(f.path);
  if (has_errors(ed.sink, options.strict)) return;

  pdf::PdfOptions popts;
  popts.target = options.target == "screen" ? pdf::Target::Screen : pdf::Target::Print;
  popts.accessible = options.accessible;
  popts.threads = paragraph_threads;
  // PDF/A declares an output intent: the print target's CMYK profile (--icc,
  // below), the screen target's sRGB, which comes with Ghostscript (Debian's
  // libgs-common) like the default CMYK profile.
  if (options.pdfa) popts.rgb_profile = "/usr/share/color/icc/ghostscript/srgb.icc";
  popts.marks = options.marks && popts.target == pdf::Target::Print;
  popts.tagged = options.tagged;
  popts.pdfa = options.pdfa;
  popts.icc_profile = options.icc_profile;
  if (popts.target == pdf::Target::Print && !popts.icc_profile.empty() && !fs::exists(popts.icc_profile)) {
    // The default profile comes with Ghostscript (Debian's libgs-common);
    // without it the PDF is still CMYK, only without a declared intent.
    if (options.icc_explicit)
      ed.sink.error({popts.icc_profile}, "the ICC output profile does not exist",
                    "pass a CMYK .icc file to --icc, e.g. /usr/share/color/icc/ghostscript/default_cmyk.icc");
    else
      ed.sink.warning({popts.icc_profile}, "the default CMYK output profile is not installed; the PDF has no output intent",
                      "install Debian's libgs-common (it comes with ghostscript) or pass --icc FILE");
    popts.icc_profile.clear();
    if (has_errors(ed.sink, options.strict)) return;
  }
  // Preflight before writing: what the print shop would ask, and the rules
  // (ink limit, 300 ppi) that stop the build when broken.
  ed.preflight = std::make_unique<pdf::Preflight>(pdf::preflight(*ed.paged, popts));
  pdf::ImageLocator figure_at = [&](const std::string& image) {
    for (const model::Block& b : doc->blocks)
      if (b.kind == model::BlockKind::Figure && !b.figure.image.empty() && s.load.root + "/" + b.figure.image == image)
        return b.where;
    return SourceLocation{image};
  };
  pdf::check_print_rules(*ed.preflight, {design.ink_limit, 300}, figure_at, ed.sink);
  if (has_errors(ed.sink, options.strict)) return;
  if (options.write) {
    std::error_code ec;
    fs::create_directories(fs::path(ed.output).parent_path(), ec);
    // The pages' glyph runs are freed as they are drawn, unless the
    // imposition or the report reads them afterwards.
    if (options.impose == "saddle" || !options.report_file.empty())
      ed.written = pdf::write_pdf(*ed.paged, popts, ed.output, ed.sink);
    else
      ed.written = pdf::write_pdf_releasing_pages(*ed.paged, popts, ed.output, ed.sink);
    if (ed.written && options.impose == "saddle") {
      if (ed.paged->pages.size() < 2) {
        ed.sink.note({}, ed.spec->name + " " + ed.lang + ": not imposed, the document has one page");
      } else {
        pdf::PdfOptions sheets = popts;
        sheets.impose = pdf::Imposition::Saddle;
        sheets.creep = mm_to_pt(options.creep_mm);
        ed.imposed_output = imposed_path(ed.output);
        ed.written = pdf::write_pdf(*ed.paged, sheets, ed.imposed_output, ed.sink);
      }
    }
  } else {
    std::string bytes;  // `check` renders in memory: a PDF problem is found without writing
    pdf::render_pdf(*ed.paged, popts, &bytes, ed.sink);
  }
  ed.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

static std::vector<std::unique_ptr<Edition>> plan_editions(const BuildOptions& options, Session& s, int* usage_error) {
  std::vector<std::unique_ptr<Edition>> editions;
  for (const std::string& name : options.documents) {
    bool known = std::any_of(s.project.documents.begin(), s.project.documents.end(),
                             [&](const model::DocumentSpec& d) { return d.name == name; });
    if (!known) {
      std::string names;
      for (const auto& d : s.project.documents) names += (names.empty() ? "" : ", ") + d.name;
      std::fprintf(stderr, "jan20-pdf: no document '%s' in %s (documents: %s)\n", name.c_str(),
                   s.project.path.c_str(), names.c_str());
      *usage_error = 2;
    }
  }
  fs::path out_dir = fs::path(options.out_dir).is_absolute() ? fs::path(options.out_dir)
                                                              : fs::path(s.load.root) / options.out_dir;
  for (const model::DocumentSpec& spec : s.project.documents) {
    if (!options.documents.empty() &&
        std::find(options.documents.begin(), options.documents.end(), spec.name) == options.documents.end())
      continue;
    for (const std::string& lang : spec.languages) {
      if (!options.languages.empty() &&
          std::find(options.languages.begin(), options.languages.end(), lang) == options.languages.end())
        continue;
      auto ed = std::make_unique<Edition>();
      ed->spec = &spec;
      ed->lang = lang;
      ed->content = replace_all(spec.content, "{lang}", lang);
      ed->output = (out_dir / replace_all(replace_all(spec.output, "{name}", spec.name), "{lang}", lang)).string();
      editions.push_back(std::move(ed));
    }
  }
  return editions;
}

static void write_deps(const BuildOptions& options, const std::vector<std::unique_ptr<Edition>>& editions) {
  std::string text;
  auto escape = [](const std::string& p) { return replace_all(p, " ", "\\ "); };
  for (const auto& ed : editions) {
    if (!ed->written) continue;
    text += escape(ed->output) + ":";
    for (const std::string& f : ed->files) text += " \\\n  " + escape(f);
    text += "\n";
  }
  std::string tmp = options.deps_file + ".tmp";
  std::ofstream(tmp) << text;
  fs::rename(tmp, options.deps_file);
}

// Opens the project and plans the editions asked for. Returns 0, or the
// exit code when there is nothing to do.
static int open_and_plan(const BuildOptions& options, Session& s, std::vector<std::unique_ptr<Edition>>* editions) {
  if (!open_session(options, s)) {
    print_diagnostics(s.sink, options);
    return 1;
  }
  int usage_error = 0;
  *editions = plan_editions(options, s, &usage_error);
  return usage_error;
}

int run_build(const BuildOptions& options) {
  Session s;
  std::vector<std::unique_ptr<Edition>> editions;
  if (int code = open_and_plan(options, s, &editions)) return code;
  if (editions.empty()) {
    std::fprintf(stderr, "jan20-pdf: nothing to build (no document has the language asked for)\n");
    return 2;
  }
  // Layouts are loaded once per document, before the parallel part.
  for (const auto& ed : editions)
    if (!s.designs.count(ed->spec->layout)) {
      auto& design = s.designs[ed->spec->layout] = load::load_design(ed->spec->layout, s.load, s.sink);
      if (design && options.target != "screen") {
        DiagnosticSink inks;  // a colour over the ink limit: nothing is built with this layout
        pdf::check_layout_inks(*design, inks);
        if (inks.has_errors()) design.reset();
        s.sink.append(inks);
      }
    }
  print_diagnostics(s.sink, options);

  // Independent editions are built two at a time: fonts and the shaping cache
  // are shared, everything else belongs to one edition. Threads the editions
  // leave idle set paragraphs (one edition with -j2: two threads for it).
  int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(editions.size())));
  int paragraph_threads = std::max(1, options.jobs / jobs);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next++) < editions.size();) {
      Edition& ed = *editions[i];
      const auto& design = s.designs[ed.spec->layout];
      if (!design) continue;
      build_edition(options, s, *design, ed, paragraph_threads);
    }
  };
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();

  bool failed = s.sink.has_errors();
  std::vector<EditionReport> reports;
  for (const auto& ed : editions) {
    print_diagnostics(ed->sink, options);
    bool ok = s.designs[ed->spec->layout].has_value() && ed->paged && !has_errors(ed->sink, options.strict) &&
              (ed->written || !options.write);
    failed |= !ok;
    int pages = ed->paged ? static_cast<int>(ed->paged->pages.size()) : 0;
    if (!options.quiet) {
      // Inside the project, the path relative to it; elsewhere, as given.
      std::string rel = fs::path(ed->output).lexically_relative(s.load.root).string();
      fs::path shown = rel.empty() || rel.rfind("..", 0) == 0 ? fs::path(ed->output) : fs::path(rel);
      if (ok && options.write)
        std::fprintf(stderr, "%s %s: %d page%s in %.0f ms -> %s%s\n", ed->spec->name.c_str(), ed->lang.c_str(), pages,
                     pages == 1 ? "" : "s", ed->milliseconds, shown.c_str(),
                     ed->imposed_output.empty()
                         ? ""
                         : (", sheets -> " + fs::proximate(ed->imposed_output, s.load.root).string()).c_str());
      else if (ok)
        std::fprintf(stderr, "%s %s: %d page%s, no problems\n", ed->spec->name.c_str(), ed->lang.c_str(), pages,
                     pages == 1 ? "" : "s");
      else if (!s.designs[ed->spec->layout].has_value())
        std::fprintf(stderr, "%s %s: %s (its layout %s has errors)\n", ed->spec->name.c_str(), ed->lang.c_str(),
                     options.write ? "not written" : "not checked", ed->spec->layout.c_str());
      else
        std::fprintf(stderr, "%s %s: %s (%d error%s)\n", ed->spec->name.c_str(), ed->lang.c_str(),
                     options.write ? "not written" : "has problems", ed->sink.error_count(),
                     ed->sink.error_count() == 1 ? "" : "s");
    }
    reports.push_back({ed->spec->name, ed->lang, ed->output, pages, ed->milliseconds, &ed->report, ed->paged.get(),
                       ed->preflight.get()});
  }
  if (!options.report_file.empty()) {
    std::string tmp = options.report_file + ".tmp";
    std::ofstream(tmp) << report_json(reports);
    fs::rename(tmp, options.report_file);
  }
  if (!options.deps_file.empty()) write_deps(options, editions);
  return failed ? 1 : 0;
}

int run_fonts(const BuildOptions& options) {
  Session s;
  std::vector<std::unique_ptr<Edition>> editions;
  if (int code = open_and_plan(options, s, &editions)) return code;
  bool failed = false;
  std::set<std::string> listed_layouts;
  for (const auto& ed : editions) {
    auto& design = s.designs[ed->spec->layout];
    if (!design && !listed_layouts.count(ed->spec->layout)) design = load::load_design(ed->spec->layout, s.load, s.sink);
    if (!design) continue;
    std::optional<model::Document> doc = load::load_document(ed->content, s.load, ed->sink);
    std::set<char32_t> used;
    if (doc) {
      auto add = [&](const std::string& t) {
        for (size_t pos = 0; pos < t.size();) used.insert(utf8_next(t, pos));
      };
      for (const auto& b : doc->blocks) {
        for (const auto& span : b.text) add(span.text);
        for (const auto& item : b.items) for (const auto& span : item) add(span.text);
        for (const auto& f : b.facts) add(f.value + f.label);
        for (const auto& t : b.timeline) { add(t.date); for (const auto& span : t.event) add(span.text); }
        for (const auto& row : b.names) for (const auto& c : row) add(c.text);
        for (const auto& span : b.figure.caption) add(span.text);
      }
      add(doc->meta.title + doc->meta.subtitle);
    }
    std::printf("%s %s (%s):\n", ed->spec->name.c_str(), ed->lang.c_str(), ed->content.c_str());
    // Fonts that a style sets text in are checked with their fallbacks; a
    // font that only serves as a fallback covers what the others lack.
    std::set<std::string> primary;
    for (const auto& [style_name, style] : design->styles)
      for (const std::string* f : {&style.font, &style.emphasis_font, &style.strong_font})
        if (!f->empty()) primary.insert(*f);
    for (const auto& [name, spec] : design->fonts) {
      const font::Face* face = s.fonts->resolve(spec, ed->sink);
      if (face && !primary.count(name)) {
        std::printf("  %-12s %s %s -> %s [fallback]\n", name.c_str(), spec.family.c_str(), spec.style.c_str(),
                    face->path().c_str());
        continue;
      }
      if (!face) {
        std::printf("  %-12s %s %s: NOT FOUND\n", name.c_str(), spec.family.c_str(), spec.style.c_str());
        failed = true;
        continue;
      }
      std::vector<const font::Face*> chain{face};
      for (const auto& fb : spec.fallback) {
        auto it = design->fonts.find(fb);
        if (it != design->fonts.end())
          if (const font::Face* f = s.fonts->resolve(it->second, ed->sink)) chain.push_back(f);
      }
      std::string missing;
      int missing_count = 0;
      for (char32_t cp : used) {
        if (cp < 0x20 || cp == 0x200B || cp == 0xA0 || cp == 0x2009 || cp == 0x202F) continue;
        bool covered = std::any_of(chain.begin(), chain.end(), [&](const font::Face* f) { return f->has_glyph(cp); });
        if (!covered && ++missing_count <= 12) missing += " " + codepoint_label(cp);
      }
      std::printf("  %-12s %s %s -> %s [%s]\n", name.c_str(), spec.family.c_str(), spec.style.c_str(),
                  face->path().c_str(), missing_count ? ("missing" + missing).c_str() : "covers the content");
    }
    print_diagnostics(ed->sink, options);
    failed |= ed->sink.has_errors();
  }
  print_diagnostics(s.sink, options);
  return failed || s.sink.has_errors() ? 1 : 0;
}

}  // namespace jan20::cli
