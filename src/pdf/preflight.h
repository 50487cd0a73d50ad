#pragma once
// Preflight: the questions a print shop asks about a PDF, answered before it
// is sent. Per page: the boxes, the colour spaces used, the highest total
// ink of any fill, each image's effective resolution; for the document: the
// fonts (embedded, subset) and the output intent.
//
// The answers are computed from the paged document with the very rules the
// writer applies (page_geometry for the boxes, device_color for every colour,
// the writer's font embedding rules), so they describe the file as written;
// tests/print compares them with what qpdf, pdffonts and Ghostscript read
// back from the PDF itself.
//
// check_print_rules then reports what would make a print shop send the file
// back: ink over the layout's limit (error), rich-black text (warning),
// images under 300 ppi at their printed size (warning; --strict makes it an
// error), RGB images on the print target (warning). Small or reversed type in
// several inks is pdf/registration.h's.
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/design.h"
#include "model/paged.h"
#include "pdf/page_geometry.h"
#include "pdf/write_pdf.h"

namespace jan20::pdf {

struct PreflightImage {
  std::string path;
  int pixel_width = 0, pixel_height = 0;
  double width = 0, height = 0;  // printed size, pt
  double ppi = 0;                // effective resolution: the lower of both directions
  std::string color_space;       // "DeviceGray", "DeviceRGB", "DeviceCMYK", "Indexed"; "" when unreadable
  bool alpha = false;            // an alpha channel: written as a soft mask (transparency)
};

struct PreflightPage {
  int number = 0;                // 1-based
  std::string label;
  PageGeometry boxes;            // MediaBox, BleedBox, TrimBox (the last two written when boxes.print)
  std::vector<std::string> color_spaces;  // sorted: "DeviceCMYK", "DeviceGray", "DeviceRGB", "Indexed"
  double max_fill_ink = 0;       // percent C+M+Y+K of the inkiest fill (text and shapes); 0 on screen
  double max_stroke_ink = 0;     // the same for strokes
  bool rich_black_text = false;  // some text is black in more than K
  bool marks = false;            // printer's marks in registration colour (outside the bleed, not counted)
  bool transparency = false;     // an image with an alpha channel
  std::vector<PreflightImage> images;
};

struct PreflightFont {
  std::string postscript_name;
  std::string path;
  bool embedded = true;          // the writer embeds every font it uses, or fails
  bool subset = true;            // false when the licence asks for the whole font
};

struct Preflight {
  Target target = Target::Print;
  std::string output_intent;     // the profile's file name; empty = none
  std::vector<PreflightFont> fonts;  // fonts the pages use
  std::vector<PreflightPage> pages;
};

Preflight preflight(const model::PagedDocument& doc, const PdfOptions& options);

struct PrintRules {
  double ink_limit = 300;        // percent (model::Design::ink_limit)
  double min_ppi = 300;
};

// Where an image comes from (its figure in the content), for diagnostics.
using ImageLocator = std::function<SourceLocation(const std::string& image_path)>;

// Reports what breaks the print rules (see the top of this file). The ink
// and RGB rules apply to the print target only.
void check_print_rules(const Preflight& p, const PrintRules& rules, const ImageLocator& where, DiagnosticSink& sink);

// A layout colour defined in RGB or gray is printed through
// Color::to_cmyk; error when that comes out over the layout's ink limit.
// (CMYK definitions are checked where they are read, at their line.)
void check_layout_inks(const model::Design& design, DiagnosticSink& sink);

}  // namespace jan20::pdf
