#include "cli/tools.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>

#include "cli/layout_font.h"
#include "core/diagnostic.h"
#include "font/collection.h"
#include "load/load.h"
#include "text/hyphenate.h"
#include "text/hyphenate_tool.h"
#include "text/shape_tool.h"

namespace jan20::cli {

namespace fs = std::filesystem;

namespace {

// Each line of a tool's messages escaped (core/diagnostic.h), its newlines kept.
std::string escape_nonprinting_lines(const std::string& text) {
  std::string out;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    out += escape_nonprinting(std::string_view(text).substr(pos, end - pos));
    if (end < text.size()) out += '\n';
    pos = end + 1;
  }
  return out;
}

}  // namespace

void add_shape_options(CLI::App* cmd, ShapeToolArgs& a) {
  cmd->add_option("--font", a.font,
                  "A layout's font name (serif-bold, resolved as the build does), a family (\"Noto Serif\", "
                  "\"Noto Serif:Bold\") or a font file")
      ->required();
  cmd->add_option("--layout", a.layout,
                  "Look the font name up in this layout (a name in layouts/ or a .toml file); default: the layouts "
                  "of the project's documents, in order");
  cmd->add_option("--lang", a.lang, "BCP-47 language (default az)");
  cmd->add_option("--script", a.script, "ISO 15924 script (Latn, Cyrl, Arab); default: from the text");
  cmd->add_option("--features", a.features, "OpenType features: smcp, -liga, kern=0 (comma separated)")->delimiter(',');
  cmd->add_flag("--explain", a.explain, "Also print the font file, language system, features and the dotted-i guard");
  cmd->add_option("text", a.text, "The text to shape")->required();
}

void add_hyphenate_options(CLI::App* cmd, HyphenateToolArgs& a) {
  cmd->footer("Languages: az (Latin and Cyrillic, by Azerbaijani syllable rules), tr (the same rules), en and ru "
              "(libhyphen with Debian's patterns). Other languages are not hyphenated.");
  cmd->add_option("--lang", a.lang, "Language: az (Latin or Cyrillic), tr, en, ru (default az)");
  cmd->add_option("--layout", a.layout,
                  "Use this layout's [hyphenation] min-word, min-left, min-right and exceptions (a name in layouts/ "
                  "or a .toml file, relative to -C); options given here override them");
  cmd->add_option("--min-left", a.min_left, "Letters kept before a hyphen (default 2)")
      ->check(CLI::Range(1, 20))
      ->each([&a](const std::string&) { a.left_given = true; });
  cmd->add_option("--min-right", a.min_right, "Letters carried after a hyphen (default 2)")
      ->check(CLI::Range(1, 20))
      ->each([&a](const std::string&) { a.right_given = true; });
  cmd->add_option("--min-word", a.min_word, "Shorter words are never hyphenated (default min-left + min-right)")
      ->check(CLI::Range(1, 40))
      ->each([&a](const std::string&) { a.word_given = true; });
  cmd->add_option("--exceptions", a.exceptions_file, "A file of exceptions, one word per line with '-' at its breaks");
  cmd->add_option("words", a.words, "Words to hyphenate")->required();
}

int run_shape(const ShapeToolArgs& a, const std::string& project_dir) {
  // Families resolve through the project's font manifest when there is one,
  // then fontconfig; a path is used as it is.
  std::error_code ec;
  std::string root = fs::absolute(project_dir.empty() ? "." : project_dir, ec).lexically_normal().string();
  model::FontManifest manifest;
  if (fs::exists(fs::path(root) / "fonts/manifest.toml", ec)) {
    load::LoadOptions lo;
    lo.root = root;
    DiagnosticSink sink;
    manifest = load::load_font_manifest("fonts/manifest.toml", lo, sink);
  }
  font::FontCollection fonts(root, std::move(manifest));
  text::ShapeToolOptions o;
  o.font = a.font;
  // A layout's font name first ([fonts.serif-bold]), through the build's own resolver.
  LayoutFont named = find_layout_font(a.font, a.layout, root, fonts);
  if (!named.error.empty()) {
    std::fprintf(stderr, "jan20-pdf: shape: %s: [fonts.%s]: %s\n", escape_nonprinting(named.layout).c_str(),
                 escape_nonprinting(a.font).c_str(), escape_nonprinting(named.error).c_str());
    return 1;
  }
  o.face = named.face;
  o.lang = a.lang;
  o.script = a.script;
  o.features = a.features;
  o.explain = a.explain;
  o.text = a.text;
  std::string out, err;
  int code = text::run_shape_tool(o, fonts, &out, &err);
  if (code == 0 && a.explain && named.face) out += "layout font: [fonts." + a.font + "] in " + named.layout + "\n";
  std::fputs(out.c_str(), stdout);
  std::fputs(escape_nonprinting_lines(err).c_str(), stderr);
  return code;
}

namespace {

// --layout booklet: the layout's hyphenation rules, as the build applies them.
bool layout_rules(const std::string& layout, const std::string& project_dir, text::HyphenationRules* rules) {
  std::error_code ec;
  load::LoadOptions lo;
  lo.root = fs::absolute(project_dir.empty() ? "." : project_dir, ec).lexically_normal().string();
  std::string path = layout;
  if (fs::path(path).extension() != ".toml") path = "layouts/" + layout + ".toml";
  DiagnosticSink sink;
  std::optional<model::Design> design = load::load_design(path, lo, sink);
  for (const Diagnostic& d : sink.diagnostics())
    if (d.severity == Severity::Error) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
  if (!design) return false;
  rules->min_word = design->hyphen_min_word;
  rules->min_left = design->hyphen_min_left;
  rules->min_right = design->hyphen_min_right;
  rules->exceptions = design->hyphenation_exceptions;
  if (!design->hyphenation_file.empty()) {
    std::string error;
    if (!text::read_exception_file(lo.root + "/" + design->hyphenation_file, &rules->exceptions, &error)) {
      std::fprintf(stderr, "jan20-pdf: %s: %s\n", design->hyphenation_file.c_str(), error.c_str());
      return false;
    }
  }
  return true;
}

}  // namespace

int run_hyphenate(const HyphenateToolArgs& a, const std::string& project_dir) {
  text::HyphenateRequest request;
  request.lang = a.lang;
  request.words = a.words;
  request.rules.min_left = a.min_left;
  request.rules.min_right = a.min_right;
  request.rules.min_word = a.min_left + a.min_right;
  if (!a.layout.empty() && !layout_rules(a.layout, project_dir, &request.rules)) return 1;
  if (a.left_given) request.rules.min_left = a.min_left;
  if (a.right_given) request.rules.min_right = a.min_right;
  if (a.word_given) request.rules.min_word = a.min_word;
  else if (a.layout.empty()) request.rules.min_word = request.rules.min_left + request.rules.min_right;
  if (!a.exceptions_file.empty()) {
    std::string error;
    if (!text::read_exception_file(a.exceptions_file, &request.rules.exceptions, &error)) {
      std::fprintf(stderr, "jan20-pdf: %s: %s\n", escape_nonprinting(a.exceptions_file).c_str(),
                   escape_nonprinting(error).c_str());
      return 1;
    }
  }
  text::HyphenateOutput out = text::hyphenate_words(request);
  for (const std::string& w : out.warnings) std::fprintf(stderr, "jan20-pdf: warning: %s\n", w.c_str());
  std::fputs(out.text.c_str(), stdout);
  return 0;
}

}  // namespace jan20::cli
