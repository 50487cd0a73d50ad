// jan20.toml (the documents of a project) and fonts/manifest.toml (the font
// files they use).
#include <sys/stat.h>

#include <algorithm>

#include "load/load.h"
#include "load/project_paths.h"
#include "load/source_file.h"
#include "load/table_reader.h"
#include "load/text_util.h"

namespace jan20::load {

namespace {

constexpr const char* kProjectFile = "jan20.toml";

bool valid_document_name(std::string_view name) {
  if (name.empty() || !((name[0] >= 'a' && name[0] <= 'z') || (name[0] >= '0' && name[0] <= '9'))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
}

// Checks an {name}/{lang} pattern; reports at the value.
bool check_pattern(const Ctx& cx, const toml::node& n, const std::string& path, const std::string& pattern) {
  std::string suggestion;
  std::string problem = check_placeholders(pattern, {"name", "lang"}, &suggestion);
  if (problem.empty()) return true;
  cx.error(n, "'" + path + "' has " + problem,
           suggestion.empty() ? "use {name} and {lang}" : "did you mean '" + suggestion + "'?");
  return false;
}

std::optional<model::DocumentSpec> read_document_spec(const Ctx& cx, const LoadOptions& options,
                                                      const toml::key& name, const toml::node& node) {
  std::string path = child_path("documents", name.str());
  const toml::table* table = read_table(cx, node, path);
  if (!table) return std::nullopt;
  int errors = cx.sink.error_count();
  TableReader r(cx, *table, path, "[" + path + "]");
  model::DocumentSpec spec;
  spec.name = std::string(name.str());
  spec.where = cx.file.at(name.source().begin);
  if (!valid_document_name(spec.name))
    cx.sink.error(spec.where, "document name '" + spec.name + "' is not a simple name",
                  "use lower-case letters, digits, '-' and '_' (it becomes part of file names)");

  r.require("layout", "\"layouts/" + spec.name + ".toml\"");
  if (auto layout = r.string("layout")) {
    spec.layout = *layout;
    resolve_project_path(spec.layout, options, r.value_at("layout"), cx.sink);
  }

  r.require("languages", "[\"az\", \"en\"]");
  if (auto langs = r.strings("languages")) {
    const toml::array& array = *r.table().get("languages")->as_array();
    if (langs->empty())
      cx.sink.error(r.value_at("languages"), "'" + r.key_path("languages") + "' is empty",
                    "list the edition languages: [\"az\", \"en\"]");
    for (size_t i = 0; i < langs->size(); ++i) {
      const std::string& lang = (*langs)[i];
      if (!valid_language_tag(lang)) {
        cx.error(*array.get(i), "'" + element_path(r.key_path("languages"), i) + "' is not a language tag: \"" +
                                    shorten(lang) + "\"",
                 "write a BCP 47 tag such as \"az\", \"en\" or \"az-Cyrl\"");
      } else if (std::find(spec.languages.begin(), spec.languages.end(), lang) != spec.languages.end()) {
        cx.error(*array.get(i), "language \"" + lang + "\" is listed twice in '" + r.key_path("languages") + "'");
      } else {
        spec.languages.push_back(lang);
      }
    }
  }

  r.require("content", "\"content/" + spec.name + "/{lang}.toml\"");
  if (auto content = r.string("content")) {
    spec.content = *content;
    const toml::node& n = *r.get("content");
    if (check_pattern(cx, n, r.key_path("content"), spec.content)) {
      if (spec.languages.size() > 1 && spec.content.find("{lang}") == std::string::npos) {
        cx.error(n, "'" + r.key_path("content") + "' names one file for " + std::to_string(spec.languages.size()) +
                        " languages",
                 "put {lang} in the pattern: \"content/" + spec.name + "/{lang}.toml\"");
      } else {
        for (const auto& lang : spec.languages)
          resolve_project_path(expand_pattern(spec.content, spec.name, lang), options, cx.at(n), cx.sink);
      }
    }
  }

  if (auto output = r.string("output")) {
    spec.output = *output;
    const toml::node& n = *r.get("output");
    if (check_pattern(cx, n, r.key_path("output"), spec.output)) {
      if (spec.languages.size() > 1 && spec.output.find("{lang}") == std::string::npos)
        cx.error(n, "'" + r.key_path("output") + "' gives every language the same file name",
                 "put {lang} in the pattern: \"{name}.{lang}.pdf\"");
      else if (spec.output.front() == '/' || normalize_path(spec.output).rfind("..", 0) == 0)
        cx.error(n, "'" + r.key_path("output") + "' must stay inside the output directory",
                 "write a file name such as \"{name}.{lang}.pdf\"");
      else if (spec.output.size() < 4 || spec.output.compare(spec.output.size() - 4, 4, ".pdf") != 0)
        cx.error(n, "'" + r.key_path("output") + "' must end in .pdf", "write \"" + spec.output + ".pdf\"");
    }
  }
  r.finish();
  if (cx.sink.error_count() != errors) return std::nullopt;
  return spec;
}

}  // namespace

std::string expand_pattern(std::string_view pattern, std::string_view name, std::string_view lang) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.substr(i, 6) == "{name}") {
      out += name;
      i += 6;
    } else if (pattern.substr(i, 6) == "{lang}") {
      out += lang;
      i += 6;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

std::optional<model::Project> load_project(const LoadOptions& options, DiagnosticSink& sink) {
  int errors = sink.error_count();
  std::string absolute = join_path(options.root, kProjectFile);
  auto file = read_source_file(kProjectFile, absolute, {kProjectFile, 0, 0}, sink);
  if (!file) return std::nullopt;
  auto root = parse_toml(*file, sink);
  if (!root) return std::nullopt;
  Ctx cx{*file, sink};
  TableReader r(cx, *root, "", "the project file");
  model::Project project;
  project.root = options.root;
  project.path = absolute;
  if (auto fonts = r.string("fonts")) {
    project.fonts_manifest = *fonts;
    resolve_project_path(*fonts, options, r.value_at("fonts"), sink);
  }
  r.require("documents", {}, "add a [documents.<name>] table with layout, content and languages");
  if (const toml::table* docs = r.subtable("documents")) {
    if (docs->empty())
      sink.error(r.value_at("documents"), "no documents in [documents]",
                 "add a [documents.<name>] table with layout, content and languages");
    for (auto [key, node] : in_source_order(*docs)) {
      if (auto spec = read_document_spec(cx, options, *key, *node)) project.documents.push_back(std::move(*spec));
    }
  }
  r.finish();
  if (sink.error_count() != errors) return std::nullopt;
  return project;
}

model::FontManifest load_font_manifest(const std::string& path, const LoadOptions& options, DiagnosticSink& sink) {
  model::FontManifest manifest;
  std::string absolute = resolve_project_path(path, options, {path, 0, 0}, sink);
  if (absolute.empty()) return manifest;
  auto file = read_source_file(path, absolute, {path, 0, 0}, sink);
  if (!file) return manifest;
  auto root = parse_toml(*file, sink);
  if (!root) return manifest;
  Ctx cx{*file, sink};
  TableReader r(cx, *root, "", "the font manifest");
  if (const toml::array* fonts = r.array("font")) {
    for (size_t i = 0; i < fonts->size(); ++i) {
      std::string fpath = element_path("font", i);
      const toml::table* t = read_table(cx, *fonts->get(i), fpath);
      if (!t) continue;
      TableReader f(cx, *t, fpath, "[[font]]");
      model::FontManifestEntry e;
      f.require("family", "\"Noto Serif\"");
      f.require("path", "\"/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf\"");
      bool ok = true;
      if (auto v = f.string("family")) e.family = *v; else ok = false;
      e.style = f.string("style").value_or("Regular");
      if (auto v = f.string("path")) e.path = *v; else ok = false;
      e.index = static_cast<int>(f.integer("index", 0, 1000).value_or(0));
      e.package = f.string("package").value_or("");
      e.license = f.string("license").value_or("");
      f.finish();
      if (!ok) continue;
      // A manifest may name system fonts by absolute path. A missing file is
      // only a warning here: the font stage reports it where a layout uses it.
      if (!e.path.empty() && e.path.front() == '/') {
        struct stat st;
        if (stat(e.path.c_str(), &st) != 0)
          sink.warning(f.value_at("path"), "font file '" + e.path + "' is not installed",
                       e.package.empty() ? "install it or correct the path"
                                         : "install the Debian package " + e.package);
      } else {
        if (resolve_project_path(e.path, options, f.value_at("path"), sink).empty()) continue;
      }
      manifest.fonts.push_back(std::move(e));
    }
  }
  r.finish();
  return manifest;
}

}  // namespace jan20::load
