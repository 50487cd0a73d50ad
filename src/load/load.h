#pragma once
// TOML in, model out. Every problem is reported at file:line:column with the
// key path, what was expected and what was found; unknown keys suggest the
// nearest valid one; all problems of a file are reported in one run.
// Paths inside the files are relative to the project root and may not leave
// it (no "..", no absolute paths, no symlink escape) unless allowed.
// The file formats are documented key by key in docs/toml-reference.md.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "model/design.h"
#include "model/document.h"
#include "model/project.h"

namespace jan20::load {

struct LoadOptions {
  std::string root;                      // project directory, absolute
  std::vector<std::string> allow_paths;  // extra directories files may be read from (--allow-path)
  int threads = 1;                       // a large content file is parsed on up to this many (toml_pieces.h)
};

// What an edition's content must agree with. Checked while the content is
// read, so each problem points at the content key that causes it.
struct ContentContext {
  std::string language;                   // the edition's language: meta.language must equal it; empty = unchecked
  const model::Design* design = nullptr;  // styles, frames and masters blocks may name; null = unchecked
  // The date of an edition whose [meta] has none ("2026-01-20T10:00:00Z",
  // from SOURCE_DATE_EPOCH); empty = [meta] date is required.
  std::string default_date;
};

// Reads <root>/jan20.toml. Checks that every layout and every content file
// (each language) exists inside the project.
std::optional<model::Project> load_project(const LoadOptions& options, DiagnosticSink& sink);
// `path` relative to the root, as the project file names it.
std::optional<model::Design> load_design(const std::string& path, const LoadOptions& options, DiagnosticSink& sink);
std::optional<model::Document> load_document(const std::string& path, const LoadOptions& options, DiagnosticSink& sink);
std::optional<model::Document> load_document(const std::string& path, const LoadOptions& options, DiagnosticSink& sink,
                                             const ContentContext& context);
// The same from text already in memory (the fuzzer; tools that generate a
// layout or content): `path` is only the name diagnostics show, relative to
// the root; files the text names (images, fonts, hyphenation lists) are
// still read from the project directory with the same checks.
std::optional<model::Design> load_design_text(const std::string& path, std::string text, const LoadOptions& options,
                                              DiagnosticSink& sink);
std::optional<model::Document> load_document_text(const std::string& path, std::string text,
                                                  const LoadOptions& options, DiagnosticSink& sink,
                                                  const ContentContext& context = {});
model::FontManifest load_font_manifest(const std::string& path, const LoadOptions& options, DiagnosticSink& sink);

// Resolves `relative` against the root, refusing escapes. Returns the absolute
// path, or empty after reporting at `where`.
std::string resolve_project_path(const std::string& relative, const LoadOptions& options,
                                 const SourceLocation& where, DiagnosticSink& sink);

// A number as an edition's text writes it, for comparing editions: the
// digits of any script as ASCII, grouping separators ("1,000", "1 000") and
// leading zeros dropped ("744", "1990", "1000").
struct NumberUse {
  std::string value;
  SourceLocation where;  // its first digit (the block's position when the text's own is not known)
};
// Every number in the text an edition sets (its title, subtitle, source and
// blocks; not what the layout adds), in reading order.
std::vector<NumberUse> numbers_in(const model::Document& doc);

// Editions of one document carry the same facts: each number one edition
// writes and another does not is a warning at its first use, reported into
// the sink of the edition that writes it.
struct EditionNumbers {
  std::string lang;      // "en"
  std::string content;   // its content file, as diagnostics name it
  std::vector<NumberUse> numbers;
  DiagnosticSink* sink;
};
void check_edition_numbers(const std::vector<EditionNumbers>& editions);

// Content checks that eyes miss: words mixing Latin and Cyrillic, schwa
// look-alikes (ǝ U+01DD, Ǝ U+018E). Warnings at file:line:col with the fix.
void check_scripts(const model::Document& doc, DiagnosticSink& sink);

// A project pattern with {name} and {lang} replaced:
// ("content/{name}/{lang}.toml", booklet, "az") -> "content/booklet/az.toml".
std::string expand_pattern(std::string_view pattern, std::string_view name, std::string_view lang);

// Which editions to make: documents by name, languages by code; empty = all.
// A named document the project lacks, or a language no selected document is
// written in, is an error (with the nearest name or the languages there are).
struct Selection {
  std::vector<std::string> documents;
  std::vector<std::string> languages;
  Selection() = default;
  Selection(std::vector<std::string> documents_, std::vector<std::string> languages_)
      : documents(std::move(documents_)), languages(std::move(languages_)) {}
  // One document and/or one language; "" = all.
  Selection(const std::string& document, const std::string& language) {
    if (!document.empty()) documents.push_back(document);
    if (!language.empty()) languages.push_back(language);
  }
};

// The editions a selection asks for, in the project's order, their file
// names worked out from the project's patterns (expand_pattern). The one
// planner behind load_all, `jan20-pdf build`, `check` and `fonts`.
struct PlannedEdition {
  std::string lang;              // "az"
  std::string content;           // content file, relative to the root
  std::string output;            // output file name from the project's pattern ("booklet.az.pdf")
};
struct PlannedDocument {
  const model::DocumentSpec* spec = nullptr;  // points into the Project
  std::vector<PlannedEdition> editions;
};
// Returns nullopt after reporting an unknown document or language.
std::optional<std::vector<PlannedDocument>> plan_editions(const model::Project& project, const Selection& selection,
                                                          DiagnosticSink& sink);

// One edition's content, read and checked as every command reads it: against
// the edition's language and its layout's styles, frames and masters, then
// by check_scripts, unless the caller runs that itself (it only warns: the
// build runs it beside its other warnings-only check). Returns nullopt when
// an error was reported.
enum class ScriptCheck { Now, Caller };
std::optional<model::Document> load_edition_content(const PlannedEdition& edition, const model::Design& design,
                                                    const LoadOptions& options, DiagnosticSink& sink,
                                                    const std::string& default_date = {},
                                                    ScriptCheck scripts = ScriptCheck::Now);

// Everything one build or `jan20-pdf check` needs, loaded and cross-checked
// once: the project, the font manifest, each document's layout (once, shared
// by its languages) and each edition's content (load_edition_content).
struct LoadedEdition {
  std::string lang;              // "az"
  std::string content;           // content file, relative to the root
  std::string output;            // output file name from the project's pattern ("booklet.az.pdf")
  model::Document document;
};
struct LoadedDocument {
  model::DocumentSpec spec;
  model::Design design;
  std::vector<LoadedEdition> editions;
};
struct LoadedProject {
  model::Project project;
  model::FontManifest fonts;
  std::vector<LoadedDocument> documents;
};
// Returns nullopt when any error was reported (warnings do not count).
std::optional<LoadedProject> load_all(const LoadOptions& options, DiagnosticSink& sink,
                                      const Selection& selection = {});

}  // namespace jan20::load
