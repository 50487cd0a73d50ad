#pragma once
// TOML in, model out. Every problem is reported at file:line:column with the
// key path, what was expected and what was found; unknown keys suggest the
// nearest valid one; all problems of a file are reported in one run.
// Paths inside the files are relative to the project root and may not leave
// it (no "..", no absolute paths, no symlink escape) unless allowed.
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/design.h"
#include "model/document.h"
#include "model/project.h"

namespace jan20::load {

struct LoadOptions {
  std::string root;                      // project directory, absolute
  std::vector<std::string> allow_paths;  // extra directories files may be read from (--allow-path)
};

// Reads <root>/jan20.toml.
std::optional<model::Project> load_project(const LoadOptions& options, DiagnosticSink& sink);
// `path` relative to the root, as the project file names it.
std::optional<model::Design> load_design(const std::string& path, const LoadOptions& options, DiagnosticSink& sink);
std::optional<model::Document> load_document(const std::string& path, const LoadOptions& options, DiagnosticSink& sink);
model::FontManifest load_font_manifest(const std::string& path, const LoadOptions& options, DiagnosticSink& sink);

// Resolves `relative` against the root, refusing escapes. Returns the absolute
// path, or empty after reporting at `where`.
std::string resolve_project_path(const std::string& relative, const LoadOptions& options,
                                 const SourceLocation& where, DiagnosticSink& sink);

// Content checks that eyes miss: words mixing Latin and Cyrillic, schwa
// look-alikes (ǝ U+01DD, Ǝ U+018E). Warnings at file:line:col with the fix.
void check_scripts(const model::Document& doc, DiagnosticSink& sink);

}  // namespace jan20::load
