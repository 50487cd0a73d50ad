// The catalog's /Metadata stream (see xmp.h).
#include "pdf/page_writer.h"
#include "pdf/xmp.h"

namespace jan20::pdf {

bool write_metadata(DocumentWriter& w) {
  XmpClaims claims;
  claims.pdfua = w.tagged && w.options.accessible;
  if (w.options.pdfa && w.options.impose == Imposition::None) {
    claims.pdfa_part = 2;
    claims.pdfa_conformance = "B";
  }
  const DocumentMetadata metadata = document_metadata(w.source.info);
  if (claims_pdfx4(w.options)) {
    claims.pdfx4 = true;
    claims.document_id = pdfx_document_id(
        metadata, std::string(w.options.impose == Imposition::None ? "pages " : "sheets ") +
                      std::to_string(w.source.pages.size()));
  }
  std::string xmp = xmp_packet(metadata, claims);
  HPDF_Dict stream = HPDF_DictStream_New(w.doc.mmgr(), w.doc.xref());
  if (!stream) return w.doc.check(w.sink, "writing the XMP metadata");
  stream->filter = HPDF_STREAM_FILTER_NONE;
  HPDF_Dict_AddName(stream, "Type", "Metadata");
  HPDF_Dict_AddName(stream, "Subtype", "XML");
  HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()), static_cast<HPDF_UINT>(xmp.size()));
  HPDF_Dict_Add(w.doc.catalog(), "Metadata", stream);
  return w.doc.check(w.sink, "writing the XMP metadata");
}

}  // namespace jan20::pdf
