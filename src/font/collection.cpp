#include "font/collection.h"

#include <filesystem>
#include <system_error>

#include "font/fontconfig_index.h"
#include "font/names.h"

namespace jan20::font {

FontCollection::FontCollection(std::string project_root, model::FontManifest manifest)
    : root_(std::move(project_root)), manifest_(std::move(manifest)) {}

FontCollection::~FontCollection() = default;

std::string FontCollection::absolute(const std::string& path) const {
  auto known = absolute_paths_.find(path);
  if (known != absolute_paths_.end()) return known->second;
  std::filesystem::path p(path);
  if (p.is_relative() && !root_.empty()) p = std::filesystem::path(root_) / p;
  std::error_code ec;
  // Canonical so that one file reached by two spellings is loaded once.
  std::filesystem::path canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec);
  return absolute_paths_[path] = ec ? p.lexically_normal().string() : canonical.string();
}

const Face* FontCollection::load_locked(const std::string& absolute_path, int index, std::string* error) {
  for (const auto& f : faces_)
    if (f->path() == absolute_path && f->index() == index) return f.get();
  auto face = Face::load(absolute_path, index, static_cast<int>(faces_.size()), error);
  if (!face) return nullptr;
  faces_.push_back(std::move(face));
  return faces_.back().get();
}

FontconfigIndex* FontCollection::fontconfig_locked(std::string* error) {
  if (!fontconfig_ready_) {
    fontconfig_ready_ = true;  // tried once; a failure is not retried
    fontconfig_ = FontconfigIndex::create(error);
  }
  if (!fontconfig_ && error && error->empty()) *error = "fontconfig is not available";
  return fontconfig_.get();
}

FontCollection::Location FontCollection::locate(const std::string& family, const std::string& style,
                                                std::string* error, std::string* hint) {
  bool family_in_manifest = false;
  std::vector<std::string> styles;  // what exists of this family, for the hint
  for (const auto& e : manifest_.fonts) {
    if (!same_family(e.family, family)) continue;
    family_in_manifest = true;
    if (same_style(e.style, style)) return {absolute(e.path), e.index};
    styles.push_back(e.style);
  }
  // Not in the manifest (or not in this style): ask fontconfig, once.
  std::string fc_error;
  FontconfigIndex* fc = fontconfig_locked(&fc_error);
  std::vector<InstalledFace> installed;
  if (fc) installed = fc->faces_of(family);
  for (const auto& f : installed) {
    if (same_style(f.style, style)) return {f.path, f.index};
    styles.push_back(f.style);
  }
  if (family_in_manifest || !installed.empty()) {
    *error = "font '" + family + "' has no style '" + style + "'";
    std::vector<std::string> unique;
    for (const auto& s : styles) {
      bool seen = false;
      for (const auto& u : unique) seen = seen || same_style(u, s);
      if (!seen) unique.push_back(s);
    }
    *hint = "its installed styles are " + join_alternatives(unique);
    return {};
  }
  std::vector<std::string> candidates;
  for (const auto& e : manifest_.fonts) candidates.push_back(e.family);
  if (fc) {
    auto all = fc->families();
    candidates.insert(candidates.end(), all.begin(), all.end());
  }
  *error = "font '" + family + "' (" + style + ") not found";
  auto close = close_names(family, candidates);
  if (!close.empty())
    *hint = "installed families with a close name: " + join_alternatives(close);
  else
    *hint = "no installed family has a close name; install the font's package, add it to fonts/manifest.toml, "
            "or give its file with path = \"…\"";
  if (!fc) *hint += " (" + fc_error + ")";
  return {};
}

const Face* FontCollection::resolve(const model::FontSpec& spec, DiagnosticSink& sink) {
  std::lock_guard lock(mutex_);
  std::string error, hint;
  if (!spec.path.empty()) {
    const Face* face = load_locked(absolute(spec.path), spec.index, &error);
    if (!face) sink.error(spec.where, "font file: " + error, "check the path (relative to the project) and that it is a .ttf, .otf or .ttc file");
    return face;
  }
  if (spec.family.empty()) {
    sink.error(spec.where, "font has neither a family nor a path", "write family = \"Noto Serif\" or path = \"fonts/…\"");
    return nullptr;
  }
  Location where = locate(spec.family, spec.style, &error, &hint);
  if (where.path.empty()) {
    sink.error(spec.where, error, hint);
    return nullptr;
  }
  const Face* face = load_locked(where.path, where.index, &error);
  if (!face) sink.error(spec.where, "font '" + spec.family + "' (" + spec.style + "): " + error,
                        "reinstall the font's package, or name another font");
  return face;
}

const Face* FontCollection::load_path(const std::string& path, int index, std::string* error) {
  std::lock_guard lock(mutex_);
  return load_locked(absolute(path), index, error);
}

const Face* FontCollection::load_family(const std::string& family, const std::string& style, std::string* error,
                                        std::string* hint) {
  std::lock_guard lock(mutex_);
  std::string ignored_hint;
  Location where = locate(family, style, error, hint ? hint : &ignored_hint);
  if (where.path.empty()) return nullptr;
  return load_locked(where.path, where.index, error);
}

const Face* FontCollection::face(int id) const {
  std::lock_guard lock(mutex_);
  if (id < 0 || id >= static_cast<int>(faces_.size())) return nullptr;
  return faces_[static_cast<size_t>(id)].get();
}

int FontCollection::face_count() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(faces_.size());
}

std::vector<model::FontResource> FontCollection::resources() const {
  std::lock_guard lock(mutex_);
  std::vector<model::FontResource> out;
  for (const auto& f : faces_) {
    model::FontResource r;
    r.path = f->path();
    r.index = f->index();
    r.postscript_name = f->postscript_name();
    r.units_per_em = f->units_per_em();
    r.subsetting_allowed = f->subsetting_allowed();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> FontCollection::files() const {
  std::lock_guard lock(mutex_);
  std::vector<std::string> out;
  for (const auto& f : faces_) {
    bool seen = false;
    for (const auto& p : out) seen = seen || p == f->path();
    if (!seen) out.push_back(f->path());
  }
  return out;
}

bool FontCollection::fontconfig_used() const {
  std::lock_guard lock(mutex_);
  return fontconfig_ready_;
}

}  // namespace jan20::font
