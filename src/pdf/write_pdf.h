#pragma once
// PDF output: writes a paged document through libharu, with our own glyph
// fonts (Type0/Identity-H over a subset CIDFont, ToUnicode from the glyphs'
// text) for shaped text. Output is byte-reproducible and written atomically.
#include <string>

#include "core/diagnostic.h"
#include "model/paged.h"

namespace jan20::pdf {

enum class Target { Print, Screen };

struct PdfOptions {
  Target target = Target::Print;   // print: CMYK, bleed, boxes; screen: RGB, trim size only
  bool marks = false;              // crop and registration marks outside the bleed
  bool tagged = true;              // structure tree and marked content
  bool pdfa = false;
  std::string icc_profile;         // CMYK output intent profile (print), absolute path; empty = none
};

// Renders the document into PDF bytes. Returns false (after reporting) on failure.
bool render_pdf(const model::PagedDocument& doc, const PdfOptions& options, std::string* bytes,
                DiagnosticSink& sink);

// Renders and writes atomically: a temporary file in the target's directory,
// flushed, then renamed over `path`. On failure the old file is untouched.
bool write_pdf(const model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
               DiagnosticSink& sink);

}  // namespace jan20::pdf
