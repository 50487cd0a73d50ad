#pragma once
// PDF/A-2b (ISO 19005-2, level B: the look of every page is preserved) as
// far as libharu 2.3.0 lets us, with objects of our own where it does not.
//
// Why part 2 and not part 1: PDF/A-1 is PDF 1.4, and our files need PDF 1.5+
// (/ActualText spans, CFF fonts as FontFile3) and may hold PNGs with alpha
// (soft masks, forbidden in PDF/A-1). libharu's own helper
// (HPDF_PDFA_SetPDFAConformance) only knows PDF/A-1 and writes an XMP
// without the document's title or dates; HPDF_PDFA_AppendOutputIntents
// writes its profile under a misspelt key. So the XMP (xmp.h) and the output
// intent (document_meta.h) are our own objects.
//
// What makes a file PDF/A-2b here, and where:
//   all fonts embedded                 glyph_font (always; unused fonts are not referenced)
//   no encryption, no JavaScript       never written
//   /ID derived from the content       document_meta (add_placeholder_id, patch_document_id)
//   XMP with pdfaid:part 2, B; Info    xmp (one DocumentMetadata for both)
//     and XMP agree
//   a GTS_PDFA1 output intent          document_meta (write_output_intent): the print
//                                      target's CMYK profile (shared with its GTS_PDFX
//                                      intent), the screen target's RGB profile
//   device colours match the intent   here: an RGB image in CMYK output gets
//                                      /DefaultRGB, a CMYK image in RGB output
//                                      /DefaultCMYK (ICCBased), per page
//   annotations printable             here: /F 4 (Print) on every annotation
// libharu writes the header's binary comment, "stream\r\n", EOL before
// "endstream" and a classic xref table, as PDF/A asks.
#include <string>

#include "pdf/page_writer.h"

namespace jan20::pdf {

// Embeds an ICC profile file as an ICCBased stream (/N from the profile).
// `space` is the profile's colour space as the ICC header spells it ("CMYK",
// "RGB "). Null after reporting when the file is missing, not an ICC profile
// or for another colour space.
HPDF_Dict embed_icc_profile(DocumentWriter& w, const std::string& path, const std::string& space);

// The PDF/A pass, after every page is written: annotation flags and default
// colour spaces. Returns false after reporting.
bool apply_pdfa(DocumentWriter& w);

}  // namespace jan20::pdf
