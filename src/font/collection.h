#pragma once
// Finds and owns the faces of a build. A font is named by family + style
// (looked up in the project's font manifest, then, once and only if needed,
// through fontconfig) or by a path relative to the project. Every face is
// loaded once per process and shared by all editions built in one run.
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "font/face.h"
#include "model/design.h"
#include "model/paged.h"
#include "model/project.h"

namespace jan20::font {

class FontCollection {
 public:
  FontCollection(std::string project_root, model::FontManifest manifest);
  ~FontCollection();

  // Resolves a layout font to a face, reporting at spec.where when it cannot
  // ("font 'Noto Sarif' (Regular) not found — installed families with a close
  // name: Noto Serif"). Returns nullptr after reporting.
  const Face* resolve(const model::FontSpec& spec, DiagnosticSink& sink);
  // Loads a file directly (the `shape` command's --font PATH).
  const Face* load_path(const std::string& path, int index, std::string* error);

  const Face* face(int id) const;
  // The fonts table of a paged document: entry i describes face id i.
  std::vector<model::FontResource> resources() const;
  // Every file read so far (for --deps).
  std::vector<std::string> files() const;

 private:
  std::string locate(const std::string& family, const std::string& style, std::string* error);
  std::string root_;
  model::FontManifest manifest_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Face>> faces_;
  bool fontconfig_ready_ = false;
};

}  // namespace jan20::font
