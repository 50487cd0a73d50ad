#include "pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <toml++/toml.h>

#include "build/build.h"
#include "build/edition.h"
#include "core/regular_file.h"
#include "load/source_file.h"
#include "load/toml_limits.h"
#include "load/toml_pieces.h"

namespace jan20::fuzz {

namespace {

[[noreturn]] void broken_promise(const char* what) {
  std::fprintf(stderr, "fuzz pipeline: %s\n", what);
  std::abort();
}

// The same nodes read at the same places; where the root table and the block
// array end may differ (toml_pieces.h).
bool same_places(const toml::node& a, const toml::node& b, bool end_may_differ) {
  if (a.type() != b.type() || a.source().begin != b.source().begin) return false;
  if (!end_may_differ && a.source().end != b.source().end) return false;
  if (const toml::table* ta = a.as_table()) {
    const toml::table* tb = b.as_table();
    if (ta->size() != tb->size() || ta->is_inline() != tb->is_inline()) return false;
    for (const auto& [key, value] : *ta) {
      const toml::node* other = tb->get(key.str());
      if (!other || !same_places(value, *other, !tb->is_inline() && key.str() == "block" && end_may_differ))
        return false;
    }
  } else if (const toml::array* aa = a.as_array()) {
    const toml::array* ab = b.as_array();
    if (aa->size() != ab->size()) return false;
    for (size_t i = 0; i < aa->size(); ++i)
      if (!same_places(*aa->get(i), *ab->get(i), false)) return false;
  }
  return true;
}

std::string formatted(const toml::table& t) {
  std::ostringstream out;
  out << toml::toml_formatter{t};
  return out.str();
}

// A content file parsed in pieces (load/toml_pieces.h, what a build does with
// a large one on two threads) is the whole file's table or nothing: every
// input's content is cut in three, whatever its size, and compared.
void check_pieces(const std::string& content) {
  DiagnosticSink quiet;
  if (!load::check_nesting(load::SourceFile{"content/fuzz.toml", "content/fuzz.toml", content}, quiet)) return;
  std::optional<toml::table> pieces = load::parse_in_pieces(content, "content/fuzz.toml", {"block", 3, 0});
  if (!pieces) return;
  std::optional<toml::table> whole;
  try {
    whole = toml::parse(content, std::string_view("content/fuzz.toml"));
  } catch (const toml::parse_error&) {
    broken_promise("the content parsed in pieces but not whole");
  }
  if (formatted(*pieces) != formatted(*whole) || !same_places(*pieces, *whole, true))
    broken_promise("the content parsed in pieces differs from the whole file's parse");
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

namespace fs = std::filesystem;

// The language a content file declares ([meta] language = "az"), for the
// project a run without its own project file builds it in; "az" when none
// is found. A scan, not a parse: the content is the loader's to judge.
std::string declared_language(std::string_view content) {
  for (size_t at = content.find("language"); at != std::string_view::npos; at = content.find("language", at + 1)) {
    size_t p = at + 8;
    while (p < content.size() && (content[p] == ' ' || content[p] == '\t')) ++p;
    if (p >= content.size() || content[p] != '=') continue;
    ++p;
    while (p < content.size() && (content[p] == ' ' || content[p] == '\t')) ++p;
    if (p >= content.size() || content[p] != '"') continue;
    size_t end = content.find('"', p + 1);
    if (end == std::string_view::npos || end == p + 1 || end - p - 1 > 35) continue;
    std::string_view tag = content.substr(p + 1, end - p - 1);
    bool plain = true;
    for (char c : tag) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-');
    if (plain) return std::string(tag);
  }
  return "az";
}

// Two documents of the same layout and content: the run builds both
// editions at once (-j 2), sharing the fonts and the shaping cache.
std::string project_file(const std::string& lang) {
  std::string text = "fonts = \"fonts/manifest.toml\"\n";
  for (const char* name : {"fuzz", "twin"})
    text += std::string("\n[documents.") + name + "]\nlayout = \"layouts/fuzz.toml\"\n" +
            "content = \"content/fuzz/{lang}.toml\"\nlanguages = [\"" + lang + "\"]\noutput = \"{name}.{lang}.pdf\"\n";
  return text;
}

void write(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) broken_promise("cannot write the temporary project");
}

bool whole_pdf(const std::string& pdf) {
  return pdf.rfind("%PDF-1.", 0) == 0 && pdf.size() >= 64 && pdf.find("%%EOF", pdf.size() - 8) != std::string::npos;
}

}  // namespace

Pipeline::~Pipeline() {
  std::error_code ec;
  if (!directory_.empty()) fs::remove_all(directory_, ec);
}

Pipeline::Pipeline(std::string project_root, const std::string& manifest) {
  load::LoadOptions load_options;
  load_options.root = std::move(project_root);
  // The manifest names system fonts by absolute path and lives outside the
  // fuzz project: read it as the project file of its own directory.
  size_t slash = manifest.rfind('/');
  load::LoadOptions manifest_options{manifest.substr(0, slash), {}};
  DiagnosticSink sink;
  project_root_ = load_options.root;
  FileProblem problem;
  if (!read_regular_file(manifest, kMaxTomlFileBytes, &manifest_text_, &problem))
    broken_promise("cannot read the font manifest");
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
  parts.through_project = (parts.flags & 128) != 0;
  if (parts.through_project && second + 3 < rest.size()) {
    std::string_view files = rest.substr(second + 3);
    size_t third = files.find('\0');
    parts.project = std::string(files.substr(0, third));
    if (third != std::string_view::npos) parts.manifest = std::string(files.substr(third + 1));
  }
  return parts;
}

Outcome Pipeline::run_project(const Parts& parts) {
  if (directory_.empty()) {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/jan20-fuzz-XXXXXX";
    if (!::mkdtemp(pattern.data())) broken_promise("cannot make a temporary project directory");
    directory_ = pattern;
    fs::copy(project_root_, directory_, fs::copy_options::recursive);  // images and hyphenation lists
  }
  // The files of this input, and nothing left from the one before.
  const fs::path dir(directory_);
  std::error_code ec;
  fs::remove_all(dir / "content/fuzz", ec);
  const std::string lang = declared_language(parts.content);
  write(dir / "jan20.toml", parts.project.empty() ? project_file(lang) : parts.project);
  write(dir / "fonts/manifest.toml", parts.manifest.empty() ? manifest_text_ : parts.manifest);
  write(dir / "layouts/fuzz.toml", parts.layout);
  write(dir / ("content/fuzz/" + lang + ".toml"), parts.content);

  build::BuildOptions options = options_from(parts);
  options.project_dir = directory_;
  options.jobs = 2;
  build::BuildResult result = build::run_build(options);

  Outcome out;
  out.sink.append(result.sink);
  bool any_error = result.sink.has_errors();
  Stage stopped = result.editions.empty() ? Stage::Project : Stage::Done;
  for (const auto& ed : result.editions) {
    out.sink.append(ed->sink);
    any_error = any_error || ed->sink.has_errors();
    Stage s = ed->stopped_at == build::Stage::Layout    ? Stage::Layout
              : ed->stopped_at == build::Stage::Content ? Stage::Content
              : ed->stopped_at == build::Stage::Typeset ? Stage::Typeset
              : ed->stopped_at == build::Stage::Pdf     ? Stage::Pdf
                                                        : Stage::Done;
    stopped = std::min(stopped, s);
  }
  for (const Diagnostic& d : out.sink.diagnostics()) (void)format_diagnostic_json(d);
  if (result.exit_code != 0) {
    if (!any_error) broken_promise("the build failed without reporting an error");
    out.stopped_at = stopped == Stage::Done ? Stage::Project : stopped;
    return out;
  }
  if (any_error || stopped != Stage::Done) broken_promise("the build succeeded with an error or an edition unmade");
  for (const auto& ed : result.editions) {
    const std::string& pdf = ed->rendered_imposed.empty() ? ed->rendered : ed->rendered_imposed;
    if (!whole_pdf(pdf)) broken_promise("the build succeeded but an edition's bytes are not a whole PDF file");
  }
  // The two documents of the default project are the same sources, built at
  // the same time on different threads: the same bytes.
  if (parts.project.empty() && result.editions.size() == 2 &&
      (result.editions[0]->rendered != result.editions[1]->rendered ||
       result.editions[0]->rendered_imposed != result.editions[1]->rendered_imposed))
    broken_promise("two editions of the same sources built at once differ");
  out.stopped_at = Stage::Done;
  const build::Edition& first = *result.editions.front();
  out.pdf = first.rendered_imposed.empty() ? first.rendered : first.rendered_imposed;
  return out;
}

Outcome Pipeline::run(std::string_view input) {
  Parts parts = split(input);
  check_pieces(parts.content);
  if (parts.through_project) return run_project(parts);
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
  if (!whole_pdf(pdf))
    broken_promise("make_edition succeeded but its bytes are not a whole PDF file");
  return out;
}

}  // namespace jan20::fuzz
