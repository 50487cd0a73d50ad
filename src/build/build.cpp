#include "build/build.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <malloc.h>
#include <optional>
#include <sstream>

#include "build/edition.h"
#include "build/layout_sources.h"
#include "build/output_file.h"
#include "build/outputs.h"
#include "build/report_json.h"
#include "build/style_faces.h"
#include "build/workspace.h"
#include "core/parallel.h"
#include "core/units.h"
#include "load/load.h"
#include "model/block_texts.h"
#include "pdf/impose.h"
#include "pdf/write_pdf.h"
#include "text/hyphenate.h"

#ifndef JAN20_VERSION
#define JAN20_VERSION "dev"
#endif

namespace jan20::build {

namespace fs = std::filesystem;

namespace {

bool has_errors(const DiagnosticSink& sink, bool strict) {
  if (sink.has_errors()) return true;
  if (!strict) return false;
  return std::any_of(sink.diagnostics().begin(), sink.diagnostics().end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

void collect_images(const model::Document& doc, std::set<std::string>* files) {
  for (const model::Block& b : doc.blocks)
    model::for_each_image(b, [&](const model::ImageFile& image) { files->insert(image.path); });
}

// The libhyphen pattern files the edition's languages are hyphenated with
// (English, Russian), so that --deps names them too.
void collect_pattern_files(const model::Document& doc, const std::string& lang, std::set<std::string>* files) {
  std::set<std::string> languages = {lang, doc.meta.language};
  for (const model::Block& b : doc.blocks)
    if (!b.lang.empty()) languages.insert(b.lang);
  for (const std::string& l : languages) {
    std::string file = text::pattern_file(l);
    if (!file.empty() && fs::exists(file)) files->insert(file);
  }
}

// The PDF options a build's options ask for.
pdf::PdfOptions pdf_options(const BuildOptions& options, int threads) {
  pdf::PdfOptions popts;
  popts.target = options.target == "screen" ? pdf::Target::Screen : pdf::Target::Print;
  popts.accessible = options.accessible;
  popts.threads = threads;
  popts.free_document = options.free_memory;
  // PDF/A declares an output intent: the print target's CMYK profile (--icc,
  // below), the screen target's sRGB, which comes with Ghostscript (Debian's
  // libgs-common) like the default CMYK profile.
  if (options.pdfa) popts.rgb_profile = "/usr/share/color/icc/ghostscript/srgb.icc";
  popts.marks = options.marks && popts.target == pdf::Target::Print;
  popts.tagged = options.tagged;
  popts.pdfa = options.pdfa;
  popts.icc_profile = options.icc_profile;
  return popts;
}

// The print target's output intent profile must exist: an error when it was
// asked for (--icc), a warning and no intent when it is the default.
void check_output_intent(pdf::PdfOptions& popts, const BuildOptions& options, DiagnosticSink& sink) {
  if (popts.target != pdf::Target::Print || popts.icc_profile.empty()) return;
  if (std::error_code ec; fs::exists(popts.icc_profile, ec)) return;
  // The default profile comes with Ghostscript (Debian's libgs-common);
  // without it the PDF is still CMYK, only without a declared intent.
  if (options.icc_explicit)
    sink.error({popts.icc_profile}, "the ICC output profile does not exist",
               "pass a CMYK .icc file to --icc, e.g. /usr/share/color/icc/ghostscript/default_cmyk.icc");
  else
    sink.warning({popts.icc_profile}, "the default CMYK output profile is not installed; the PDF has no output intent",
                 "install Debian's libgs-common (it comes with ghostscript) or pass --icc FILE");
  popts.icc_profile.clear();
}

// Writes the PDF and, with --impose saddle, the printer sheets, atomically;
// or, for `check`, renders them in memory.
void write_outputs(model::PagedDocument& paged, const pdf::PdfOptions& popts, const BuildOptions& options,
                   Edition& ed) {
  bool impose = options.impose == "saddle";
  if (impose && paged.pages.size() < 2) {
    ed.sink.note({}, ed.document + " " + ed.lang + ": not imposed, the document has one page");
    impose = false;
  }
  pdf::PdfOptions sheets = popts;
  sheets.impose = pdf::Imposition::Saddle;
  sheets.creep = mm_to_pt(options.creep_mm);
  sheets.sheet = options.sheet;
  if (impose) {
    // The sheet is planned before anything is written: a sheet too small
    // for the pages (or for the marks asked for) writes no file at all.
    const model::Page& first = paged.pages.front();
    pdf::SheetPlan plan;
    std::string error, hint;
    if (!pdf::plan_sheet_for(first, sheets, &plan, &error, &hint)) {
      ed.sink.error({}, ed.document + " " + ed.lang + ": cannot impose: " + error, hint);
      return;
    }
    if (!plan.note.empty()) ed.sink.note({}, ed.document + " " + ed.lang + ": printer sheets: " + plan.note);
  }
  if (!options.write) {
    // `check` renders in memory: a PDF problem is found without writing.
    if (!pdf::render_pdf(paged, popts, &ed.rendered, ed.sink)) return;
    if (impose && !pdf::render_pdf(paged, sheets, &ed.rendered_imposed, ed.sink)) return;
    ed.stopped_at = Stage::Done;
    return;
  }
  std::error_code ec;
  fs::create_directories(fs::path(ed.output).parent_path(), ec);
  // The pages' glyph runs are freed as they are drawn, unless the
  // imposition reads them afterwards; the report needs only which fonts
  // they use, noted first.
  ed.drawn_fonts = drawn_fonts(paged);
  if (options.impose == "saddle")
    ed.written = pdf::write_pdf(paged, popts, ed.output, ed.sink);
  else
    ed.written = pdf::write_pdf_releasing_pages(paged, popts, ed.output, ed.sink);
  if (ed.written && impose) {
    ed.imposed_output = imposed_path(ed.output);
    ed.written = pdf::write_pdf_releasing_pages(paged, sheets, ed.imposed_output, ed.sink);
  }
  if (ed.written) ed.stopped_at = Stage::Done;
}

}  // namespace

bool check_layout(const model::Design& design, const BuildOptions& options, DiagnosticSink& sink) {
  if (options.target == "screen") return true;
  DiagnosticSink inks;  // a colour over the ink limit: nothing is built with this layout
  pdf::check_layout_inks(design, inks);
  sink.append(inks);
  return !inks.has_errors();
}

int editions_at_once(int jobs, size_t editions) {
  return std::max(1, std::min<int>(jobs, static_cast<int>(editions)));
}

int threads_per_edition(int jobs, size_t editions) { return std::max(1, jobs / editions_at_once(jobs, editions)); }

void make_edition(Workspace& ws, const BuildOptions& options, const model::Design& design,
                  const model::Document& doc, Edition& ed, int threads, model::Document* release) {
  ed.stopped_at = Stage::Typeset;
  layout::TypesetOptions topts;
  topts.root = ws.load.root;
  topts.producer = std::string("jan20-pdf ") + JAN20_VERSION;
  topts.threads = threads;
  // The report of every line (its text, ratio, page) only when --report asks
  // for it: at 2,400 pages it is 12 MB and a string per line.
  layout::TypesetReport* report = options.report_file.empty() ? nullptr : &ed.report;
  ed.paged = std::make_unique<model::PagedDocument>(
      layout::typeset(doc, design, *ws.fonts, *ws.cache, topts, ed.sink, report));
  for (const auto& f : ed.paged->fonts) ed.files.insert(f.path);
  if (has_errors(ed.sink, options.strict)) return;

  ed.stopped_at = Stage::Pdf;
  pdf::PdfOptions popts = pdf_options(options, threads);
  // The writer embeds the faces the font stage loaded, without reading their files again.
  for (size_t i = 0; i < ed.paged->fonts.size(); ++i) {
    const font::Face* face = ws.fonts->face(static_cast<int>(i));
    bool same = face && face->path() == ed.paged->fonts[i].path && face->index() == ed.paged->fonts[i].index;
    popts.faces.push_back(same ? face->hb_face() : nullptr);
  }
  check_output_intent(popts, options, ed.sink);
  if (has_errors(ed.sink, options.strict)) return;
  // The profiles embedded as output intents are inputs too (--deps).
  for (const std::string* profile : {&popts.icc_profile, &popts.rgb_profile})
    if (!profile->empty() && fs::exists(*profile)) ed.files.insert(*profile);
  // Preflight before writing: what the print shop would ask, and the rules
  // (ink limit, 300 ppi) that stop the build when broken.
  ed.preflight = std::make_unique<pdf::Preflight>(pdf::preflight(*ed.paged, popts));
  pdf::ImageLocator figure_at = [&](const std::string& image) {
    for (const model::Block& b : doc.blocks) {
      bool shows = false;
      model::for_each_image(b, [&](const model::ImageFile& file) { shows = shows || file.path == image; });
      if (shows) return b.where;
    }
    return SourceLocation{image};
  };
  pdf::check_print_rules(*ed.preflight, {design.ink_limit, 300}, figure_at, ed.sink);
  // Small or reversed type in several inks (pdf/registration.h): print only.
  if (popts.target == pdf::Target::Print) pdf::check_registration(*ed.paged, layout_sources(design), ed.sink);
  if (has_errors(ed.sink, options.strict)) return;
  if (release) std::vector<model::Block>().swap(release->blocks);  // the pages hold what the PDF needs
  write_outputs(*ed.paged, popts, options, ed);
}

void build_edition(Workspace& ws, const BuildOptions& options, const model::Design& design,
                   const load::PlannedEdition& planned, Edition& ed, int threads) {
  auto start = std::chrono::steady_clock::now();
  ed.stopped_at = Stage::Content;
  // The content is checked against its edition's language and its layout's
  // styles, frames and masters.
  load::LoadOptions load = ws.load;
  load.threads = threads;  // an edition's threads parse its content file too
  std::optional<model::Document> doc = load::load_edition_content(planned, design, load, ed.sink, ws.source_date,
                                                                  load::ScriptCheck::Caller);
  if (doc) {
    collect_images(*doc, &ed.files);
    collect_pattern_files(*doc, ed.lang, &ed.files);
    if (!options.write) ed.numbers = load::numbers_in(*doc);
  }
  if (!doc || ed.sink.has_errors()) return;
  // Two checks that only warn, each a pass over every text of the content:
  // mixed scripts (load_edition_content's last check) and bold or italic text
  // drawn from a fallback of another weight. With a second thread they run
  // at once; their warnings come in that order either way.
  DiagnosticSink scripts;
  std::vector<StyleFaceGap> gaps;
  run_jobs(2, threads, [&](size_t job) {
    if (job == 0)
      load::check_scripts(*doc, scripts);
    else
      gaps = style_face_gaps(design, *doc, *ws.style_fonts);
  });
  ed.sink.append(scripts);
  warn_style_face_gaps(gaps, ed.sink);
  make_edition(ws, options, design, *doc, ed, threads, &*doc);
  ed.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

bool succeeded(const Edition& ed, const BuildOptions& options) {
  return ed.stopped_at == Stage::Done && ed.paged && !has_errors(ed.sink, options.strict) &&
         (ed.written || !options.write);
}

namespace {

std::optional<std::string> read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return text.str();
}

// The editions of the plan, each knowing its files; the layouts loaded once
// per document into `designs` (nullopt: the layout has errors).
struct Plan {
  std::vector<load::PlannedDocument> documents;
  std::vector<std::optional<model::Design>> designs;  // one per document
  std::vector<std::pair<size_t, const load::PlannedEdition*>> editions;  // document index, edition
};

// A file the project names, as an absolute path: relative to the root, or
// as given when absolute (allowed by --allow-path).
std::string in_project(const std::string& root, const std::string& path) {
  return !path.empty() && path.front() == '/' ? path : root + "/" + path;
}

std::unique_ptr<Edition> new_edition(const load::PlannedDocument& doc, const load::PlannedEdition& planned,
                                     const OpenProject& open, const fs::path& out_dir) {
  auto ed = std::make_unique<Edition>();
  const std::string& root = open.workspace->load.root;
  ed->document = doc.spec->name;
  ed->lang = planned.lang;
  ed->layout = doc.spec->layout;
  ed->content = planned.content;
  ed->output = (out_dir / planned.output).string();
  ed->files.insert(open.project.path);
  ed->files.insert(in_project(root, open.project.fonts_manifest));
  ed->files.insert(in_project(root, doc.spec->layout));
  ed->files.insert(in_project(root, planned.content));
  return ed;
}

}  // namespace

// --verify: the edition's PDF (and printer sheets) on disk against the bytes
// its sources give now; the builds are reproducible, so any difference means
// the committed PDF is out of date.
static void verify_edition(Edition& ed, const BuildOptions& options, const std::string& root) {
  if (!succeeded(ed, options)) return;
  std::vector<std::pair<std::string, const std::string*>> files = {{ed.output, &ed.rendered}};
  if (options.impose == "saddle" && !ed.rendered_imposed.empty())
    files.emplace_back(imposed_path(ed.output), &ed.rendered_imposed);
  ed.verdict = Edition::Verdict::Current;
  std::string command = "jan20-pdf build " + ed.document + " --lang " + ed.lang;
  for (const auto& [path, rendered] : files) {
    std::string shown = fs::path(path).lexically_relative(root).string();
    if (shown.empty() || shown.rfind("..", 0) == 0) shown = path;
    std::optional<std::string> on_disk = read_whole_file(path);
    if (!on_disk) {
      ed.verdict = Edition::Verdict::Missing;
      ed.sink.error({shown}, ed.document + " " + ed.lang + ": the PDF is missing", "run '" + command + "' and commit it");
    } else if (*on_disk != *rendered) {
      if (ed.verdict == Edition::Verdict::Current) ed.verdict = Edition::Verdict::Differs;
      ed.sink.error({shown}, ed.document + " " + ed.lang + ": the PDF differs from what the sources give",
                    "run '" + command + "' and commit it");
    }
  }
}

// `check`: the editions of each document against each other (the numbers
// they write), once all of them are loaded.
static void check_numbers_across_editions(const std::vector<std::unique_ptr<Edition>>& editions) {
  std::map<std::string, std::vector<load::EditionNumbers>> by_document;
  for (const auto& ed : editions)
    if (ed->numbers) by_document[ed->document].push_back({ed->lang, ed->content, *ed->numbers, &ed->sink});
  for (const auto& [document, numbers] : by_document)
    if (numbers.size() > 1) load::check_edition_numbers(numbers);
}

BuildResult run_build(const BuildOptions& options) {
  BuildResult result;
  // As many malloc arenas as editions are built at once (-j), not glibc's
  // eight per core. Each thread that allocates gets an arena of its own by
  // default, and memory freed in one (the compressor's pages, a helper's
  // plans) is not reused by the others: at -j 2 the 2,400-page booklet's peak
  // RSS was 162 MiB; it is 156 MiB with two arenas. One arena for all threads
  // (149 MiB) made them wait for its lock: at -j 2 the four editions took 90
  // ms of wall time instead of 62, and the 2,400-page booklet 2.8 s instead
  // of 2.35. Set before any thread is started.
  ::mallopt(M_ARENA_MAX, std::max(1, options.jobs));
  // An output path that cannot be written is known before anything is built:
  // no PDF is written for a build whose report could not be.
  bool paths_ok = options.report_file.empty() || check_output_path(options.report_file, "report", result.sink);
  paths_ok &= options.deps_file.empty() || check_output_path(options.deps_file, "deps file", result.sink);
  if (!paths_ok) {
    result.exit_code = 1;
    return result;
  }
  std::optional<OpenProject> open = open_project(options.project_dir, options.allow_paths, result.sink);
  if (!open) {
    result.exit_code = 1;
    return result;
  }
  Workspace& ws = *open->workspace;
  result.root = ws.load.root;
  std::optional<std::vector<load::PlannedDocument>> planned =
      load::plan_editions(open->project, {options.documents, options.languages}, result.sink);
  if (!planned || planned->empty()) {
    if (planned) result.sink.error({open->project.path}, "nothing to build: the project lists no document");
    result.exit_code = 2;
    return result;
  }
  fs::path out_dir = fs::path(options.out_dir).is_absolute() ? fs::path(options.out_dir)
                                                              : fs::path(ws.load.root) / options.out_dir;
  // Layouts are loaded once per document, before the parallel part.
  Plan plan;
  plan.documents = std::move(*planned);
  for (size_t d = 0; d < plan.documents.size(); ++d) {
    const load::PlannedDocument& doc = plan.documents[d];
    auto& design = plan.designs.emplace_back(load::load_design(doc.spec->layout, ws.load, result.sink));
    if (design && !check_layout(*design, options, result.sink)) design.reset();
    for (const load::PlannedEdition& ed : doc.editions) {
      plan.editions.emplace_back(d, &ed);
      result.editions.push_back(new_edition(doc, ed, *open, out_dir));
      if (design && !design->hyphenation_file.empty())
        result.editions.back()->files.insert(in_project(ws.load.root, design->hyphenation_file));
    }
  }

  // Independent editions are built two at a time: fonts and the shaping cache
  // are shared, everything else belongs to one edition. Threads the editions
  // leave idle set paragraphs (one edition with -j2: two threads for it).
  int jobs = editions_at_once(options.jobs, plan.editions.size());
  int threads = threads_per_edition(options.jobs, plan.editions.size());
  // An edition that throws (no memory) leaves the others to finish; the
  // exception then reaches main, which reports it (core/parallel.h).
  run_jobs(plan.editions.size(), jobs, [&](size_t i) {
    const auto& [d, planned_edition] = plan.editions[i];
    const std::optional<model::Design>& design = plan.designs[d];
    if (design) build_edition(ws, options, *design, *planned_edition, *result.editions[i], threads);
  });

  if (!options.write) check_numbers_across_editions(result.editions);
  if (options.verify)
    for (const auto& ed : result.editions) verify_edition(*ed, options, ws.load.root);
  bool failed = result.sink.has_errors();
  for (const auto& ed : result.editions) failed |= !succeeded(*ed, options);
  // The report and the deps file describe a build that succeeded: after a
  // failed one the previous files stay as they were.
  if (!failed && !options.report_file.empty()) failed |= !write_report(options.report_file, result.editions, result.sink);
  if (!failed && !options.deps_file.empty()) failed |= !write_deps(options.deps_file, result.editions, {result.root, options.project_dir}, result.sink);
  result.exit_code = failed ? 1 : 0;
  // Fonts, the shaping cache and the patterns are left to the system when
  // the process ends next (BuildOptions::free_memory).
  if (!options.free_memory) (void)open->workspace.release();
  return result;
}

}  // namespace jan20::build
