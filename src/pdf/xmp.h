#pragma once
// XMP metadata (ISO 16684-1, embedded as ISO 32000-1 §14.3.2 describes) for
// the catalog's /Metadata stream: the title, author, subject, keywords,
// tools and dates of the Info dictionary, the document's language, and the
// claims the file makes: PDF/UA-1 (ISO 14289-1 §5, pdfuaid:part) and PDF/A
// (ISO 19005-2 §6.6, pdfaid:part and conformance).
//
// PDF/A requires the Info dictionary and the XMP to say the same things
// (ISO 19005-2 §6.6.3: Title = dc:title, Author = dc:creator, Subject =
// dc:description, Keywords = pdf:Keywords, Creator = xmp:CreatorTool,
// Producer = pdf:Producer, CreationDate = xmp:CreateDate, ModDate =
// xmp:ModifyDate), so both are written from one DocumentMetadata.
// Everything comes from the content: no clock, no random ids, so two builds
// of the same content give the same bytes.
#include <optional>
#include <string>

#include "model/paged.h"

namespace jan20::pdf {

struct DocumentWriter;

// What the Info dictionary and the XMP both say. Empty = left out of both.
struct DocumentMetadata {
  std::string title, author, subject, keywords, creator, producer;
  std::string lang;        // BCP-47, dc:language (the catalog's /Lang says it too)
  std::string pdf_date;    // "D:20260120000000Z": Info CreationDate and ModDate
  std::string xmp_date;    // "2026-01-20T00:00:00Z": xmp:CreateDate, ModifyDate, MetadataDate
};

// From the typeset document's info: Subject falls back to the subtitle,
// keywords are joined with ", ", Creator and Producer default to
// "jan20-pdf", the dates come from info.date (no date when it is not ISO 8601).
DocumentMetadata document_metadata(const model::DocumentInfo& info);

// "D:20250120093000+04'00'" -> "2025-01-20T09:30:00+04:00", "D:…Z" -> "…Z";
// nullopt for anything pdf_date() does not produce.
std::optional<std::string> xmp_date_from_pdf_date(const std::string& pdf_date);

struct XmpClaims {
  bool pdfua = false;             // pdfuaid:part 1
  int pdfa_part = 0;              // pdfaid:part (0 = no PDF/A claim)
  std::string pdfa_conformance;   // "B"
  // PDF/X-4 (ISO 15930-7 §6.2.2): pdfxid:GTS_PDFXVersion, pdf:Trapped False,
  // and xmpMM:DocumentID, VersionID "1" and RenditionClass "default".
  bool pdfx4 = false;
  std::string document_id;        // "uuid:…", derived from the metadata (pdfx_document_id)
};

// A document id that names the document, not the moment it was written:
// a name-based UUID from the metadata and the given distinguishing text
// (edition, page count), so two builds of the same content agree.
std::string pdfx_document_id(const DocumentMetadata& metadata, const std::string& distinguishing);

// The whole XMP packet, UTF-8, with its xpacket wrapper. When the file
// claims PDF/A and PDF/UA or PDF/X, the pdfuaid and pdfxid schemas (not
// among PDF/A's predefined schemas) are declared in a PDF/A extension schema.
std::string xmp_packet(const DocumentMetadata& metadata, const XmpClaims& claims);

// Text escaped for XML element content and attribute values.
std::string xml_escape(const std::string& utf8);

// Adds the XMP packet as the catalog's /Metadata stream (uncompressed, as
// PDF/A asks, so that archive tools read it without a PDF parser). Claims
// PDF/UA-1 when the document is tagged and options.accessible, PDF/A-2b
// when options.pdfa (not on imposed sheets), PDF/X-4 when claims_pdfx4.
bool write_metadata(DocumentWriter& w);

}  // namespace jan20::pdf
