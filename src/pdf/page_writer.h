#pragma once
// Writes one page's items in painting order: glyph runs with our content
// encoder, paths, images and links through libharu's public API, and the
// printer's marks. Each item can be wrapped in marked content for tagged PDF:
// /<Role> <</MCID n>> BDC … EMC for structure content, /Artifact BMC … EMC
// for the rest (running heads, folios, backgrounds, marks).
#include <hpdf.h>

#include <functional>
#include <map>
#include <set>
#include <vector>

#include "core/diagnostic.h"
#include "model/paged.h"
#include "pdf/glyph_font.h"
#include "pdf/haru.h"
#include "pdf/images.h"
#include "pdf/page_geometry.h"
#include "pdf/write_pdf.h"

namespace jan20::pdf {

// A piece of page content that belongs to a structure element.
struct MarkedContent {
  int page = 0;
  int mcid = 0;
  int tag = 0;
};
// A link annotation that belongs to a structure element (a Link's OBJR).
struct TaggedAnnotation {
  int page = 0;
  HPDF_Annotation annot = nullptr;
  int tag = 0;
  size_t position = 0;  // reading order: after the first `position` marked contents
};

// Everything the page and document writers share while one PDF is built.
struct DocumentWriter {
  DocumentWriter(HaruDoc& d, const model::PagedDocument& s, const PdfOptions& o, std::vector<EmbeddedFont>& f,
                 const TextPlan& t, const RunJoins& j, DiagnosticSink& k)
      : doc(d), source(s), options(o), tagged(o.tagged && !s.tags.empty()), links(o.target == Target::Screen && o.impose == Imposition::None),
        fonts(f), text(t), joins(j),
        images(d), sink(k) {}

  HaruDoc& doc;
  const model::PagedDocument& source;
  const PdfOptions& options;
  bool tagged;                          // options.tagged and the document has tags
  // Link annotations are for reading on screen. PDF/X forbids annotations
  // inside the bleed box, so a print file has none; its Link elements are
  // written as Reference (structure.cpp). Printer sheets have none either.
  bool links;
  std::vector<EmbeddedFont>& fonts;     // one per source.fonts entry
  const TextPlan& text;                 // each run's (glyph, text) pair numbers
  const RunJoins& joins;                // hyphenated words, word-break spaces
  std::vector<HPDF_Page> pages;         // reserved before any content, for links; made when drawn
  std::vector<PageGeometry> geometry;
  ImageCache images;
  std::vector<MarkedContent> marked;    // filled when options.tagged
  std::vector<TaggedAnnotation> annotations;
  std::set<int> warned_notdef;          // fonts already warned about missing glyphs
  size_t last_content_size = 0;         // bytes of the last page's content (room for the next)
  // Called once a page's content is written (and, for the reading PDF,
  // handed to the compressor): the page is not read again.
  std::function<void(size_t)> page_written;
  DiagnosticSink& sink;
};

// Reserves every page (HaruDoc::reserve_page), so that links can point at
// any page; each is made, with its boxes (MediaBox, and for print BleedBox
// and TrimBox), when it is drawn.
bool create_pages(DocumentWriter& w);

// Writes the content of page `index`, making it first if it is reserved.
// Returns false after reporting.
bool write_page(DocumentWriter& w, size_t index);

// A destination [page /XYZ null top null] showing model y `y` of `page` at
// the top of the window.
HPDF_Destination xyz_destination(DocumentWriter& w, size_t page, double y);

}  // namespace jan20::pdf
