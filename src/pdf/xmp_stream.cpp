// The catalog's /Metadata stream (see xmp.h).
#include "pdf/page_writer.h"
#include "pdf/xmp.h"

namespace jan20::pdf {

bool write_metadata(DocumentWriter& w) {
  XmpClaims claims;
  claims.pdfua = w.tagged && w.options.accessible;
  if (w.options.pdfa) {
    claims.pdfa_part = 2;
    claims.pdfa_conformance = "B";
  }
  std::string xmp = xmp_packet(document_metadata(w.source.info), claims);
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
