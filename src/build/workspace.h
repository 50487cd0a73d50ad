#pragma once
// What the editions of one run share: where files are read from, the fonts
// (each loaded once), the shaping cache, and the date of an edition whose
// content gives none. Everything else belongs to one edition.
#include <memory>
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "font/collection.h"
#include "load/load.h"
#include "model/project.h"
#include "text/shape_cache.h"

namespace jan20::build {

struct Workspace {
  Workspace(load::LoadOptions load_options, model::FontManifest manifest, std::string source_date = {});

  load::LoadOptions load;
  std::string source_date;             // from SOURCE_DATE_EPOCH; "" = unset
  std::unique_ptr<font::FontCollection> fonts;
  // The faces the style checks open (style_faces.h): a collection of their
  // own, because a face's id is the order it was first loaded in, and the
  // PDFs' bytes depend on the ids of the faces they use.
  std::unique_ptr<font::FontCollection> style_fonts;
  std::unique_ptr<text::ShapeCache> cache = std::make_unique<text::ShapeCache>();  // words shaped once per run
};

// SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/):
// seconds since 1970-01-01 UTC, the date of an edition whose content gives
// none. Returns "" when unset; reports and returns nullopt when malformed.
std::optional<std::string> source_date_epoch(DiagnosticSink& sink);

// A project opened for a run: its project file read, its font manifest
// opened as the shared fonts.
struct OpenProject {
  model::Project project;
  std::unique_ptr<Workspace> workspace;
};
// Reports and returns nullopt when the directory, the project file, the
// manifest or SOURCE_DATE_EPOCH is wrong.
std::optional<OpenProject> open_project(const std::string& project_dir, const std::vector<std::string>& allow_paths,
                                        DiagnosticSink& sink);

}  // namespace jan20::build
