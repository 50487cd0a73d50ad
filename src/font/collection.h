#pragma once
// Finds and owns the faces of a build. A font is named by family + style
// (looked up in the project's font manifest, then, once and only if needed,
// through fontconfig) or by a path relative to the project. Every face is
// loaded once per process and shared by all editions built in one run.
//
// Thread-safe: editions built on several threads may resolve fonts at the
// same time. Faces are never unloaded, so a `const Face*` stays valid as long
// as the collection lives.
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "font/face.h"
#include "model/design.h"
#include "model/paged.h"
#include "model/project.h"

namespace jan20::font {

class FontconfigIndex;

class FontCollection {
 public:
  FontCollection(std::string project_root, model::FontManifest manifest);
  ~FontCollection();

  // Resolves a layout font to a face, reporting at spec.where when it cannot
  // ("font 'Noto Sarif' (Regular) not found — installed families with a close
  // name: Noto Serif"). Returns nullptr after reporting.
  const Face* resolve(const model::FontSpec& spec, DiagnosticSink& sink);
  // Loads a file directly (the `shape` command's --font PATH). A relative
  // path is taken relative to the project root (the current directory when
  // the root is empty).
  const Face* load_path(const std::string& path, int index, std::string* error);
  // Family + style without a layout (the `shape` command's --font FAMILY).
  const Face* load_family(const std::string& family, const std::string& style, std::string* error,
                          std::string* hint = nullptr);

  const Face* face(int id) const;
  int face_count() const;
  // The fonts table of a paged document: entry i describes face id i.
  std::vector<model::FontResource> resources() const;
  // Every file read so far (for --deps).
  std::vector<std::string> files() const;
  // Whether fontconfig was needed (and initialised) so far.
  bool fontconfig_used() const;

 private:
  struct Location {
    std::string path;
    int index = 0;
  };
  // Manifest first, then fontconfig. On failure: empty path, `error` the
  // message and `hint` what to do (close family names, installed styles).
  Location locate(const std::string& family, const std::string& style, std::string* error, std::string* hint);
  // Callers hold mutex_.
  const Face* load_locked(const std::string& absolute_path, int index, std::string* error);
  FontconfigIndex* fontconfig_locked(std::string* error);
  std::string absolute(const std::string& path) const;  // once per path (absolute_paths_)

  std::string root_;
  model::FontManifest manifest_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Face>> faces_;
  // absolute()'s answers: each path is resolved on the file system once (a
  // style's fonts are resolved for every style and edition that uses them).
  mutable std::unordered_map<std::string, std::string> absolute_paths_;
  bool fontconfig_ready_ = false;
  std::unique_ptr<FontconfigIndex> fontconfig_;
};

}  // namespace jan20::font
