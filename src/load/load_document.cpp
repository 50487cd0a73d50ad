// A content file -> model::Document.
#include "load/document_sections.h"
#include "load/load.h"
#include "load/project_paths.h"
#include "load/source_file.h"

namespace jan20::load {

namespace {

std::optional<model::Document> read_document(const SourceFile& file, const std::string& path,
                                             const LoadOptions& options, DiagnosticSink& sink,
                                             const ContentContext& context) {
  int errors = sink.error_count();
  auto table = parse_toml(file, sink, TomlPieces{"block", options.threads});
  if (!table) return std::nullopt;

  Ctx cx{file, sink};
  ContentState state{cx, options, context, {}, {}};
  TableReader root(cx, *table, "", "the content file");
  model::Document doc;
  doc.path = path;
  read_meta(root, doc.meta, state);
  read_blocks(root, doc.blocks, state);
  root.finish({{"blocks", "write [[block]] (singular) for each block"}, {"metadata", "did you mean 'meta'?"}});
  if (sink.error_count() != errors) return std::nullopt;
  return doc;
}

}  // namespace

std::optional<model::Document> load_document(const std::string& path, const LoadOptions& options,
                                             DiagnosticSink& sink, const ContentContext& context) {
  std::string absolute = resolve_project_path(path, options, {path, 0, 0}, sink);
  if (absolute.empty()) return std::nullopt;
  auto file = read_source_file(path, absolute, {path, 0, 0}, sink);
  if (!file) return std::nullopt;
  return read_document(*file, path, options, sink, context);
}

std::optional<model::Document> load_document_text(const std::string& path, std::string text,
                                                  const LoadOptions& options, DiagnosticSink& sink,
                                                  const ContentContext& context) {
  auto file = source_from_text(path, join_path(options.root, path), std::move(text), sink);
  if (!file) return std::nullopt;
  return read_document(*file, path, options, sink, context);
}

std::optional<model::Document> load_document(const std::string& path, const LoadOptions& options,
                                             DiagnosticSink& sink) {
  return load_document(path, options, sink, ContentContext{});
}

}  // namespace jan20::load
