#include "pdf/xmp.h"

#include <vector>

#include "pdf/digest.h"
#include "pdf/document_meta.h"

namespace jan20::pdf {
namespace {

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& s : items) {
    if (s.empty()) continue;
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// One property per line, two spaces per level: readable in `pdfinfo -meta`.
class XmlWriter {
 public:
  void open(const std::string& tag, const std::string& attributes = {}) {
    line("<" + tag + (attributes.empty() ? "" : " " + attributes) + ">");
    ++depth_;
  }
  void close(const std::string& tag) {
    --depth_;
    line("</" + tag + ">");
  }
  void element(const std::string& tag, const std::string& text, const std::string& attributes = {}) {
    line("<" + tag + (attributes.empty() ? "" : " " + attributes) + ">" + xml_escape(text) + "</" + tag + ">");
  }
  // rdf:Alt with one x-default entry, rdf:Seq or rdf:Bag of entries.
  void alt(const std::string& property, const std::string& text) {
    open(property);
    open("rdf:Alt");
    element("rdf:li", text, "xml:lang=\"x-default\"");
    close("rdf:Alt");
    close(property);
  }
  void list(const std::string& property, const std::string& kind, const std::vector<std::string>& items) {
    open(property);
    open("rdf:" + kind);
    for (const std::string& item : items) element("rdf:li", item);
    close("rdf:" + kind);
    close(property);
  }
  void line(const std::string& text) { out_ += std::string(2 * static_cast<size_t>(depth_), ' ') + text + "\n"; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  int depth_ = 0;
};

struct SchemaProperty {
  const char* name;
  const char* value_type;
  const char* description;
};
struct ExtensionSchema {
  const char* schema;
  const char* namespace_uri;
  const char* prefix;
  SchemaProperty property;
};

const ExtensionSchema kPdfUaSchema{"PDF/UA Universal Accessibility Schema", "http://www.aiim.org/pdfua/ns/id/",
                                   "pdfuaid", {"part", "Integer", "Part of ISO 14289 the document conforms to"}};
const ExtensionSchema kPdfXSchema{"PDF/X ID Schema", "http://www.npes.org/pdfx/ns/id/", "pdfxid",
                                  {"GTS_PDFXVersion", "Text", "ID of PDF/X standard"}};

// ISO 19005-2 §6.6.2.3.1: a property outside PDF/A's predefined schemas is
// declared with the PDF/A extension schema (pdfuaid:part, pdfxid:GTS_PDFXVersion).
void pdfa_extension_schemas(XmlWriter& x, const std::vector<const ExtensionSchema*>& schemas) {
  if (schemas.empty()) return;
  x.open("rdf:Description",
         "rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
         "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
         "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"");
  x.open("pdfaExtension:schemas");
  x.open("rdf:Bag");
  for (const ExtensionSchema* s : schemas) {
    x.open("rdf:li", "rdf:parseType=\"Resource\"");
    x.element("pdfaSchema:schema", s->schema);
    x.element("pdfaSchema:namespaceURI", s->namespace_uri);
    x.element("pdfaSchema:prefix", s->prefix);
    x.open("pdfaSchema:property");
    x.open("rdf:Seq");
    x.open("rdf:li", "rdf:parseType=\"Resource\"");
    x.element("pdfaProperty:name", s->property.name);
    x.element("pdfaProperty:valueType", s->property.value_type);
    x.element("pdfaProperty:category", "internal");
    x.element("pdfaProperty:description", s->property.description);
    x.close("rdf:li");
    x.close("rdf:Seq");
    x.close("pdfaSchema:property");
    x.close("rdf:li");
  }
  x.close("rdf:Bag");
  x.close("pdfaExtension:schemas");
  x.close("rdf:Description");
}

}  // namespace

std::string xml_escape(const std::string& utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (char c : utf8) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

DocumentMetadata document_metadata(const model::DocumentInfo& info) {
  DocumentMetadata m;
  m.title = info.title;
  m.author = info.author;
  m.subject = !info.subject.empty() ? info.subject : info.subtitle;
  m.keywords = join(info.keywords, ", ");
  m.creator = !info.creator.empty() ? info.creator : "jan20-pdf";
  m.producer = !info.producer.empty() ? info.producer : "jan20-pdf";
  m.lang = info.lang;
  if (std::optional<std::string> date = pdf_date(info.date)) {
    m.pdf_date = *date;
    m.xmp_date = xmp_date_from_pdf_date(*date).value_or("");
  }
  return m;
}

std::optional<std::string> xmp_date_from_pdf_date(const std::string& d) {
  // D:YYYYMMDDHHmmSS then Z or ±HH'mm'
  if (d.size() < 17 || d.compare(0, 2, "D:") != 0) return std::nullopt;
  for (size_t i = 2; i < 16; ++i)
    if (d[i] < '0' || d[i] > '9') return std::nullopt;
  std::string out = d.substr(2, 4) + "-" + d.substr(6, 2) + "-" + d.substr(8, 2) + "T" + d.substr(10, 2) + ":" +
                    d.substr(12, 2) + ":" + d.substr(14, 2);
  std::string zone = d.substr(16);
  if (zone == "Z") return out + "Z";
  if (zone.size() == 7 && (zone[0] == '+' || zone[0] == '-') && zone[3] == '\'' && zone[6] == '\'')
    return out + zone.substr(0, 3) + ":" + zone.substr(4, 2);
  return std::nullopt;
}

std::string pdfx_document_id(const DocumentMetadata& m, const std::string& distinguishing) {
  Md5 md5;
  for (const std::string* field : {&m.title, &m.author, &m.lang, &m.pdf_date, &distinguishing}) {
    md5.update(*field);
    md5.update(std::string_view("\0", 1));
  }
  Digest d = md5.finish();
  d[6] = static_cast<uint8_t>((d[6] & 0x0F) | 0x30);  // RFC 4122 version 3 (name-based, MD5)
  d[8] = static_cast<uint8_t>((d[8] & 0x3F) | 0x80);  // and its variant
  static const char* hex = "0123456789abcdef";
  std::string out = "uuid:";
  for (size_t i = 0; i < d.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[d[i] >> 4];
    out += hex[d[i] & 15];
  }
  return out;
}

std::string xmp_packet(const DocumentMetadata& m, const XmpClaims& claims) {
  XmlWriter x;
  // The begin attribute is U+FEFF in the packet's encoding (UTF-8); PDF/A
  // forbids the bytes and encoding attributes.
  x.line("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>");
  x.open("x:xmpmeta", "xmlns:x=\"adobe:ns:meta/\"");
  x.open("rdf:RDF", "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"");

  x.open("rdf:Description", "rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
  x.element("dc:format", "application/pdf");
  if (!m.title.empty()) x.alt("dc:title", m.title);
  if (!m.author.empty()) x.list("dc:creator", "Seq", {m.author});
  if (!m.subject.empty()) x.alt("dc:description", m.subject);
  if (!m.lang.empty()) x.list("dc:language", "Bag", {m.lang});
  x.close("rdf:Description");

  x.open("rdf:Description", "rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
  if (!m.creator.empty()) x.element("xmp:CreatorTool", m.creator);
  if (!m.xmp_date.empty()) {
    x.element("xmp:CreateDate", m.xmp_date);
    x.element("xmp:ModifyDate", m.xmp_date);
    x.element("xmp:MetadataDate", m.xmp_date);
  }
  x.close("rdf:Description");

  x.open("rdf:Description", "rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
  if (!m.producer.empty()) x.element("pdf:Producer", m.producer);
  if (!m.keywords.empty()) x.element("pdf:Keywords", m.keywords);
  if (claims.pdfx4) x.element("pdf:Trapped", "False");
  x.close("rdf:Description");

  if (claims.pdfx4) {
    x.open("rdf:Description", "rdf:about=\"\" xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"");
    x.element("xmpMM:DocumentID", claims.document_id);
    x.element("xmpMM:VersionID", "1");
    x.element("xmpMM:RenditionClass", "default");
    x.close("rdf:Description");
    x.open("rdf:Description", "rdf:about=\"\" xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"");
    x.element("pdfxid:GTS_PDFXVersion", "PDF/X-4");
    x.close("rdf:Description");
  }

  if (claims.pdfua) {
    x.open("rdf:Description", "rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
    x.element("pdfuaid:part", "1");
    x.close("rdf:Description");
  }
  if (claims.pdfa_part > 0) {
    x.open("rdf:Description", "rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    x.element("pdfaid:part", std::to_string(claims.pdfa_part));
    x.element("pdfaid:conformance", claims.pdfa_conformance);
    x.close("rdf:Description");
    std::vector<const ExtensionSchema*> extensions;
    if (claims.pdfua) extensions.push_back(&kPdfUaSchema);
    if (claims.pdfx4) extensions.push_back(&kPdfXSchema);
    pdfa_extension_schemas(x, extensions);
  }

  x.close("rdf:RDF");
  x.close("x:xmpmeta");
  x.line("<?xpacket end=\"w\"?>");
  return x.take();
}

}  // namespace jan20::pdf
