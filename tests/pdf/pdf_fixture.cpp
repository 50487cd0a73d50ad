#include "pdf_fixture.h"

#include <regex>

#include "support/test_support.h"

namespace jan20::testing {

model::PagedDocument a5_document() {
  model::PagedDocument doc;
  doc.fonts = {font_resource(kNotoSerif), font_resource(kNotoNaskh), font_resource(kEbGaramond),
               font_resource(kNotoSans)};
  doc.info.title = "20 Yanvar";
  doc.info.lang = "az";
  doc.info.date = "2025-01-20";
  model::Page page;
  page.width = 419.53;   // A5: 148 x 210 mm
  page.height = 595.28;
  page.bleed = 8.5;      // 3 mm
  page.label = "1";
  doc.pages.push_back(page);
  return doc;
}

std::string render(const model::PagedDocument& doc, DiagnosticSink& sink, const pdf::PdfOptions& options) {
  std::string path = make_temp_dir() + "/out.pdf";
  if (!pdf::write_pdf(doc, options, path, sink)) return "";
  return path;
}

std::vector<StextChar> stext_chars(const std::string& pdf) {
  std::string xml = run({"mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf}).out;
  std::vector<StextChar> out;
  static const std::regex kChar(R"re(<char [^>]*x="([-0-9.]+)" y="([-0-9.]+)"[^>]* c="([^"]*)"/>)re");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), kChar); it != std::sregex_iterator(); ++it) {
    std::string c = (*it)[3];
    if (c == "&lt;") c = "<";
    if (c == "&gt;") c = ">";
    if (c == "&amp;") c = "&";
    if (c == "&quot;") c = "\"";
    out.push_back({c, std::stod((*it)[1]), std::stod((*it)[2])});
  }
  return out;
}

std::string strip_bidi_marks(const std::string& s) {
  std::string out = s;
  for (const char* mark : {"\u202B", "\u202C", "\u202A", "\u200F", "\u200E"}) {
    for (size_t p = out.find(mark); p != std::string::npos; p = out.find(mark)) out.erase(p, 3);
  }
  return out;
}

std::string qpdf_json(const std::string& pdf) { return run({"qpdf", "--json", pdf}).out; }

}  // namespace jan20::testing
