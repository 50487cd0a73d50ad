#pragma once
// `jan20-pdf fonts`: for each edition, the file each layout font resolves to
// and whether it (with its fallbacks) covers the characters the styles set in
// it, and per style the characters a fallback of another weight or style
// draws (style_faces.h). Returned as values; the command prints them.
#include <memory>
#include <string>
#include <vector>

#include "build/build.h"
#include "build/style_faces.h"

namespace jan20::build {

struct FontCoverage {
  enum class Status { Covers, Missing, Fallback, NotFound };
  std::string name;            // the layout's name for the font ("serif")
  std::string family, style;   // as the layout asks for it
  std::string path;            // the file it resolved to; "" when not found
  Status status = Status::Covers;
  std::vector<char32_t> missing;  // characters neither it nor its fallbacks have (Missing), in order
};

struct EditionFonts {
  std::string document, lang, content;
  std::vector<FontCoverage> fonts;    // in the layout's order
  std::vector<StyleFaceGap> style_gaps;  // per style: characters drawn by a fallback of another weight or style
  DiagnosticSink sink;                // problems with the content or the fonts
};

struct FontsResult {
  int exit_code = 0;                  // 0, 1 (a font not found or missing characters, a style drawn
                                      // from another weight, errors), 2 (usage)
  DiagnosticSink sink;                // project-level problems: the project file, the manifest, layouts
  std::vector<EditionFonts> editions;
};

FontsResult run_fonts(const BuildOptions& options);

}  // namespace jan20::build
