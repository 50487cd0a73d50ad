#pragma once
// Building small documents and reading back what the PDF writer produced.
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/paged.h"
#include "pdf/write_pdf.h"
#include "shaping.h"

namespace jan20::testing {

// An A5 document with one page and no items; fonts Noto Serif (0), Noto
// Naskh Arabic (1), EB Garamond (2), Noto Sans (3).
model::PagedDocument a5_document();

// Renders `doc` into a fresh temporary directory; returns the PDF's path, or
// "" (with the diagnostics in `sink`) on failure.
std::string render(const model::PagedDocument& doc, DiagnosticSink& sink, const pdf::PdfOptions& options = {});

// Characters from `mutool draw -F stext`: the drawn character and its
// origin (x, y in points from the MediaBox's top-left corner).
struct StextChar {
  std::string c;
  double x = 0, y = 0;
};
std::vector<StextChar> stext_chars(const std::string& pdf);

// Removes the U+202B/U+202C embedding marks poppler puts around RTL text.
std::string strip_bidi_marks(const std::string& s);

// `qpdf --json` of the file.
std::string qpdf_json(const std::string& pdf);

}  // namespace jan20::testing

namespace jan20::testing {

// Writes a small RGB PNG (w x h, one colour) with zlib; returns its path.
std::string write_png(const std::string& dir, const std::string& name, int w, int h, uint8_t r, uint8_t g, uint8_t b);

// The numbers of the first "/<key>": [ … ] array in `qpdf --json` output.
std::vector<double> json_array(const std::string& json, const std::string& key);

// The PDF rewritten by qpdf with uncompressed streams (--qdf), as text.
std::string uncompressed(const std::string& pdf);

}  // namespace jan20::testing
