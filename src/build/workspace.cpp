#include "build/workspace.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace jan20::build {

namespace fs = std::filesystem;

Workspace::Workspace(load::LoadOptions load_options, model::FontManifest manifest, std::string source_date_)
    : load(std::move(load_options)),
      source_date(std::move(source_date_)),
      fonts(std::make_unique<font::FontCollection>(load.root, manifest)),
      style_fonts(std::make_unique<font::FontCollection>(load.root, std::move(manifest))) {}

std::optional<std::string> source_date_epoch(DiagnosticSink& sink) {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::string();
  std::string text = value;
  bool digits = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  bool in_range = digits && text.size() <= 12 && std::stoll(text) <= 253402300799LL;
  std::tm utc{};
  time_t t = in_range ? static_cast<time_t>(std::stoll(text)) : 0;
  // Only content without a date uses it (the content's date always wins), so
  // a bad value is a warning here, and an edition without a date then says
  // that it has none.
  if (!digits) {
    sink.warning({"SOURCE_DATE_EPOCH", 0, 0}, "'" + escape_nonprinting(text) + "' is not a number of seconds since 1970-01-01; it is ignored",
                 "set it to a Unix time such as 1768860000, or unset it");
    return std::string();
  }
  if (!in_range || !gmtime_r(&t, &utc)) {
    sink.warning({"SOURCE_DATE_EPOCH", 0, 0}, "'" + text + "' seconds is out of range (after 9999-12-31T23:59:59Z); it is ignored",
                 "set it to a Unix time such as 1768860000, or unset it");
    return std::string();
  }
  char iso[64];  // room for any int year, so that the compiler sees no truncation
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                utc.tm_hour, utc.tm_min, utc.tm_sec);
  return std::string(iso);
}

namespace {

// No jan20.toml where the command looked: say where that was, and point to
// the nearest folder above that has one (the user ran in a subfolder).
void report_no_project_file(const std::string& project_dir, const fs::path& root, DiagnosticSink& sink) {
  std::error_code ec;
  fs::path found;
  for (fs::path dir = root.parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / "jan20.toml", ec)) {
      found = dir;
      break;
    }
    if (dir == dir.root_path()) break;
  }
  std::string where = project_dir == "." ? "the current directory (" + root.string() + ")" : root.string();
  std::string hint;
  if (!found.empty()) {
    fs::path cwd = fs::current_path(ec);
    fs::path shown = ec ? found : found.lexically_relative(cwd);
    if (shown.empty()) shown = found;
    hint = "the nearest project above is " + found.string() + ": run there, or pass -C " + shown.string();
  } else {
    hint = "run in the folder holding jan20.toml, or pass it with -C DIR";
  }
  sink.error({(root / "jan20.toml").string()}, "no jan20.toml in " + where, hint);
}

}  // namespace

std::optional<OpenProject> open_project(const std::string& project_dir, const std::vector<std::string>& allow_paths,
                                        DiagnosticSink& sink) {
  if (project_dir.empty()) {
    sink.error({"-C"}, "the project directory is empty (-C \"\")",
               "pass the folder holding jan20.toml, or leave -C out for the current directory");
    return std::nullopt;
  }
  std::error_code ec;
  fs::path absolute = fs::absolute(project_dir, ec);
  fs::path root = ec ? absolute : fs::weakly_canonical(absolute, ec);
  if (ec || !fs::is_directory(root, ec)) {
    sink.error({project_dir, 0, 0}, "project directory not found", "pass an existing directory to -C");
    return std::nullopt;
  }
  if (!fs::exists(root / "jan20.toml", ec)) {
    report_no_project_file(project_dir, root, sink);
    return std::nullopt;
  }
  std::optional<std::string> source_date = source_date_epoch(sink);
  if (!source_date) return std::nullopt;
  load::LoadOptions load_options;
  load_options.root = root.string();
  load_options.allow_paths = allow_paths;
  std::optional<model::Project> project = load::load_project(load_options, sink);
  if (!project) return std::nullopt;
  model::FontManifest manifest = load::load_font_manifest(project->fonts_manifest, load_options, sink);
  if (sink.has_errors()) return std::nullopt;
  OpenProject open;
  open.project = std::move(*project);
  open.workspace = std::make_unique<Workspace>(std::move(load_options), std::move(manifest), std::move(*source_date));
  return open;
}

}  // namespace jan20::build
