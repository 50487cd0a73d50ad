#include "fixture.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/units.h"
#include "build/edition.h"
#include "png_writer.h"

namespace jan20::bench {

namespace {

[[noreturn]] void fail(const DiagnosticSink& sink, const std::string& what) {
  std::fprintf(stderr, "jan20_bench_micro: %s\n", what.c_str());
  for (const Diagnostic& d : sink.diagnostics()) std::fprintf(stderr, "  %s\n", format_diagnostic(d).c_str());
  std::exit(1);
}

Booklet load_booklet() {
  Booklet b;
  b.root = JAN20_SOURCE_DIR;
  DiagnosticSink sink;
  load::LoadOptions options;
  options.root = b.root;
  auto project = load::load_all(options, sink, {"booklet", "az"});
  if (!project || project->documents.empty() || project->documents[0].editions.empty())
    fail(sink, "cannot load the booklet from " + b.root);
  b.project = std::move(*project);
  b.design = &b.project.documents[0].design;
  b.document = &b.project.documents[0].editions[0].document;
  b.workspace = std::make_unique<build::Workspace>(options, b.project.fonts);
  auto body = b.design->styles.find("body");
  if (body == b.design->styles.end()) fail(sink, "the booklet's layout has no body style");
  auto font = b.design->fonts.find(body->second.font);
  if (font == b.design->fonts.end()) fail(sink, "the body style's font is not in the layout");
  b.serif = b.workspace->fonts->resolve(font->second, sink);
  if (!b.serif) fail(sink, "cannot load the body font");
  for (const model::Block& block : b.document->blocks) {
    const model::Paragraph* paragraph = block.as<model::Paragraph>();
    if (!paragraph || !block.style.empty()) continue;
    std::string text;
    for (const model::Span& span : paragraph->text) text += span.text;
    size_t words = 1;
    for (char c : text) words += c == ' ';
    b.words += words;
    b.paragraphs.push_back(std::move(text));
  }
  if (b.paragraphs.empty()) fail(sink, "the booklet has no body paragraphs");
  return b;
}

class ScratchFolder {
 public:
  ScratchFolder() {
    path_ = std::filesystem::temp_directory_path() / ("jan20-bench-micro-" + std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

const Booklet& booklet() {
  static const Booklet b = load_booklet();
  return b;
}

text::ParagraphInput body_paragraph(const Booklet& b, const std::string& text) {
  const model::ParagraphStyle& body = b.design->styles.at("body");
  text::ParagraphInput in;
  in.text = text;
  text::StyledSpan span;
  span.begin = 0;
  span.end = text.size();
  span.style.face = b.serif;
  span.style.size = body.size;
  in.spans.push_back(span);
  in.lang = "az";
  in.align = body.align;
  in.measure = b.design->page_width - b.design->margin_inner - b.design->margin_outer;
  in.first_indent = body.indent;
  in.hyphenate = body.hyphenate;
  in.hyphenation.min_word = b.design->hyphen_min_word;
  in.hyphenation.min_left = b.design->hyphen_min_left;
  in.hyphenation.min_right = b.design->hyphen_min_right;
  in.hyphenation.exceptions = b.design->hyphenation_exceptions;
  in.params.max_consecutive_hyphens = b.design->max_consecutive_hyphens;
  return in;
}

const model::PagedDocument& typeset_booklet() {
  static const model::PagedDocument doc = [] {
    const Booklet& b = booklet();
    build::Edition edition;
    build::BuildOptions options;
    options.write = false;
    build::make_edition(*b.workspace, options, *b.design, *b.document, edition,
                        build::threads_per_edition(options.jobs, 1));
    if (edition.stopped_at != build::Stage::Done || edition.paged->pages.empty())
      fail(edition.sink, "cannot make the booklet's edition");
    return std::move(*edition.paged);
  }();
  return doc;
}

const std::vector<std::string>& figure_files(int count) {
  static ScratchFolder folder;
  static std::map<int, std::vector<std::string>> written;
  std::vector<std::string>& files = written[count];
  if (!files.empty()) return files;
  for (int i = 0; i < count; ++i) {
    std::filesystem::path path = folder.path() / ("fig-" + std::to_string(count) + "-" + std::to_string(i) + ".png");
    std::string error;
    if (!write_png_figure(path.string(), 600, 360, static_cast<uint32_t>(i + 1), &error)) {
      std::fprintf(stderr, "jan20_bench_micro: %s\n", error.c_str());
      std::exit(1);
    }
    files.push_back(path.string());
  }
  return files;
}

}  // namespace jan20::bench
