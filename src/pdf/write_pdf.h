#pragma once
// PDF output: writes a paged document through libharu, with our own glyph
// fonts (Type0/Identity-H over a subset CIDFont, ToUnicode from the glyphs'
// text) for shaped text. Output is byte-reproducible and written atomically.
//
// The pipeline inside (one file per job):
//   font_program   the font file: metrics, advances, cmap, hb-subset
//   glyph_run      glyph runs -> per-glyph text, clusters, positions, spans
//   glyph_font     Type0 + CIDFont + FontDescriptor + FontFile + W + ToUnicode
//   to_unicode     the ToUnicode CMap text            (pure)
//   content        Tf/Tm/Ts/TJ, ActualText, BDC/EMC   (pure)
//   page_geometry  Media/Bleed/TrimBox, printer's marks (pure)
//   page_writer    one page's items, in painting order
//   document_meta  Info, Lang, ViewerPreferences, PageLabels, Outlines,
//                  OutputIntent, /ID
//   structure      StructTreeRoot, ParentTree, MarkInfo (tagged PDF)
//   xmp            the XMP metadata: Info's values, PDF/UA and PDF/A claims
//   pdfa           PDF/A-2b: ICC profiles, annotation flags, default colour spaces
//   impose         saddle-stitched printer sheets, pages as form XObjects
//   sheet_plan     which sheet, and what bleed and marks fit on it (pure)
//   preflight      what a print shop asks about a PDF, from the same rules
//   haru           the only code that reaches into libharu's structs
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "model/paged.h"

struct hb_face_t;

namespace jan20::pdf {

enum class Target { Print, Screen };
enum class Imposition { None, Saddle };

struct PdfOptions {
  // Print: every colour DeviceCMYK (text black 0 0 0 1 k), MediaBox = trim +
  // bleed, BleedBox and TrimBox on every page. Screen: DeviceRGB, MediaBox =
  // trim box, no bleed.
  Target target = Target::Print;
  bool marks = false;              // print: crop and registration marks outside the bleed
  bool tagged = true;              // structure tree and marked content (when the document has tags)
  // PDF/UA-1: the XMP claims it when the document is tagged (structure.h
  // says what the tree holds; the catalog has /Lang and DisplayDocTitle).
  bool accessible = true;
  // PDF/A-2b (pdfa.h): XMP identification, a GTS_PDFA1 output intent
  // (icc_profile for print, rgb_profile for screen: required), printable
  // annotations, default colour spaces for images in the other device space.
  bool pdfa = false;
  std::string icc_profile;         // CMYK output intent profile (print), absolute path; empty = none
  std::string rgb_profile;         // RGB profile (sRGB): the screen PDF/A intent, and DefaultRGB in PDF/A print
  // Saddle: instead of the pages, printer sheets with two pages per side in
  // stitch order (impose.h); untagged, no links or outline. The sheet
  // (sheet_plan.h) carries its own trim and fold marks where it has room;
  // the pages on it have none.
  Imposition impose = Imposition::None;
  double creep = 0;                // pt per sheet towards the spine (Saddle)
  std::string sheet;               // Saddle: SRA4, A4, 330x240 (mm) …; "" = the default for the target
  bool sheet_marks = false;        // Saddle: marks were asked for; a sheet without room for them is an error
  bool free_document = true;       // false (and threads > 1): nobody waits for the document to be freed (free_unwaited)
  int threads = 1;                 // 2 or more: page content is compressed on a helper thread
  // The font stage's faces, by PagedDocument::fonts index (borrowed: they
  // outlive the render), so that no font file is read twice in a run. A font
  // without one (or all, when empty) is opened from its path.
  std::vector<hb_face_t*> faces;
};

// PDF/X-4 (ISO 15930-7): a print file with a CMYK output intent claims it:
// GTS_PDFXVersion and /Trapped in the Info dictionary and the XMP, with the
// xmpMM document and version ids (xmp.h). Print files carry no annotations
// (page_writer.h) and every page has its TrimBox and BleedBox.
inline bool claims_pdfx4(const PdfOptions& o) { return o.target == Target::Print && !o.icc_profile.empty(); }

// Renders the document into PDF bytes. Returns false (after reporting) on
// failure: a font or image that cannot be read, a font whose licence forbids
// embedding, an ICC profile that is not CMYK, a libharu error. Nothing is
// written anywhere. The same document and options always give the same bytes.
bool render_pdf(const model::PagedDocument& doc, const PdfOptions& options, std::string* bytes,
                DiagnosticSink& sink);

// Renders and writes atomically: the document is rendered completely first,
// then written to a temporary file in the target's directory
// (".<name>.tmp-<pid>-XXXXXX"), flushed (fsync) and renamed over `path`. On
// any failure the old file is untouched and no temporary file is left
// behind. A process killed before the rename leaves its temporary file; the
// next write of the same target removes it once that process is gone.
bool write_pdf(const model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
               DiagnosticSink& sink);

// The same, freeing each page's items as soon as the page is drawn, so that a
// long document is not held twice (as glyph runs and as PDF objects): the
// pages stay, empty. Also for printer sheets (each page is drawn once); not
// for PDF/A, which reads the pages again. Otherwise exactly write_pdf.
bool write_pdf_releasing_pages(model::PagedDocument& doc, const PdfOptions& options, const std::string& path,
                               DiagnosticSink& sink);

}  // namespace jan20::pdf
