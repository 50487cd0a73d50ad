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

#include <zlib.h>

namespace jan20::testing {
namespace {

void put_u32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void put_chunk(std::string& out, const char* type, const std::string& data) {
  put_u32(out, static_cast<uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  out += body;
  put_u32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace

std::string write_png(const std::string& dir, const std::string& name, int w, int h, uint8_t r, uint8_t g, uint8_t b) {
  std::string raw;
  for (int y = 0; y < h; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < w; ++x) {
      raw += static_cast<char>(r);
      raw += static_cast<char>(g);
      raw += static_cast<char>(b);
    }
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(size, '\0');
  compress(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  packed.resize(size);
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string ihdr;
  put_u32(ihdr, static_cast<uint32_t>(w));
  put_u32(ihdr, static_cast<uint32_t>(h));
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  put_chunk(png, "IHDR", ihdr);
  put_chunk(png, "IDAT", packed);
  put_chunk(png, "IEND", "");
  std::string path = dir + "/" + name;
  write_file(path, png);
  return path;
}

std::vector<double> json_array(const std::string& json, const std::string& key) {
  std::vector<double> out;
  size_t at = json.find("\"/" + key + "\": [");
  if (at == std::string::npos) return out;
  size_t end = json.find(']', at);
  std::string body = json.substr(json.find('[', at) + 1, end - json.find('[', at) - 1);
  static const std::regex kNumber(R"(-?[0-9]+(\.[0-9]+)?)");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kNumber); it != std::sregex_iterator(); ++it)
    out.push_back(std::stod(it->str()));
  return out;
}

std::string uncompressed(const std::string& pdf) {
  std::string out = pdf + ".qdf";
  run({"qpdf", "--qdf", "--object-streams=disable", pdf, out});
  return read_file(out);
}

}  // namespace jan20::testing
