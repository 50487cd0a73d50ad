#include "print_support.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

namespace jan20::testing {

std::vector<int> page_object_ids(const std::string& pdf) {
  CommandResult r = run({"qpdf", "--json", "--json-key=pages", pdf});
  std::vector<int> ids;
  // The page entries' own "object" (outline entries inside them have one too).
  std::regex re("\"object\": \"(\\d+) 0 R\",\\s*\"outlines\"");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), re), end; it != end; ++it) ids.push_back(std::stoi((*it)[1]));
  return ids;
}

std::string object_json(const std::string& pdf, int id) {
  CommandResult r = run({"qpdf", "--json", "--json-key=qpdf", "--json-object=" + std::to_string(id) + " 0 R", pdf});
  size_t at = r.out.find("\"obj:" + std::to_string(id) + " 0 R\"");
  return at == std::string::npos ? std::string() : r.out.substr(at);
}

std::optional<PdfBox> box_key(const std::string& dict_json, const std::string& key) {
  std::smatch m;
  std::string n = "\\s*(-?[0-9.]+)\\s*";
  std::regex re("\"" + key + "\": \\[" + n + "," + n + "," + n + "," + n + "\\]");
  if (!std::regex_search(dict_json, m, re)) return std::nullopt;
  return PdfBox{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}

std::string qdf_text(const std::string& pdf) {
  std::string out = make_temp_dir() + "/qdf.pdf";
  run({"qpdf", "--qdf", "--object-streams=disable", pdf, out});
  return read_file(out);
}

namespace {

// The stream data of the object that follows `marker` in a QDF file.
std::string stream_after(const std::string& qdf, size_t marker) {
  size_t start = qdf.find("stream\n", marker);
  size_t end = qdf.find("endstream", start);
  if (start == std::string::npos || end == std::string::npos) return {};
  return qdf.substr(start + 7, end - start - 7);
}

}  // namespace

std::vector<std::string> page_contents(const std::string& pdf) {
  std::string qdf = qdf_text(pdf);
  std::vector<std::string> out;
  for (size_t at = qdf.find("%% Contents for page "); at != std::string::npos;
       at = qdf.find("%% Contents for page ", at + 1))
    out.push_back(stream_after(qdf, at));
  return out;
}

std::vector<std::string> form_contents(const std::string& pdf) {
  std::string qdf = qdf_text(pdf);
  std::vector<std::string> out;
  for (size_t at = qdf.find("/Subtype /Form"); at != std::string::npos; at = qdf.find("/Subtype /Form", at + 1))
    out.push_back(stream_after(qdf, at));
  return out;
}

namespace {

// Netpbm header: magic, then fields up to the raster.
size_t pam_header_end(const std::string& data) {
  size_t at = data.find("ENDHDR\n");
  return at == std::string::npos ? std::string::npos : at + 7;
}

int header_number(const std::string& header, const std::string& key) {
  std::smatch m;
  return std::regex_search(header, m, std::regex(key + " (\\d+)")) ? std::stoi(m[1]) : 0;
}

}  // namespace

std::vector<CmykRaster> render_cmyk(const std::string& pdf, int dpi) {
  std::string dir = make_temp_dir();
  run({"gs", "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pamcmyk32", "-r" + std::to_string(dpi), "-o",
       dir + "/page-%03d.pam", pdf});
  std::vector<CmykRaster> pages;
  for (int i = 1;; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "/page-%03d.pam", i);
    if (!file_exists(dir + name)) break;
    std::string data = read_file(dir + name);
    CmykRaster r;
    size_t end = pam_header_end(data);
    if (end != std::string::npos) {
      std::string header = data.substr(0, end);
      r.width = header_number(header, "WIDTH");
      r.height = header_number(header, "HEIGHT");
      r.pixels.assign(data.begin() + static_cast<long>(end), data.end());
      if (r.pixels.size() != static_cast<size_t>(r.width) * r.height * 4) r = {};
    }
    pages.push_back(std::move(r));
  }
  return pages;
}

GrayRaster render_gray(const std::string& pdf, int page, int dpi) {
  std::string base = make_temp_dir() + "/page";
  run({"pdftoppm", "-gray", "-singlefile", "-r", std::to_string(dpi), "-f", std::to_string(page), "-l",
       std::to_string(page), pdf, base});
  std::string data = read_file(base + ".pgm");
  GrayRaster r;
  // "P5\n<w> <h>\n255\n" then the raster.
  std::istringstream in(data);
  std::string magic;
  int maxval = 0;
  in >> magic >> r.width >> r.height >> maxval;
  in.get();
  if (magic != "P5" || maxval != 255) return {};
  size_t start = static_cast<size_t>(in.tellg());
  r.pixels.assign(data.begin() + static_cast<long>(start), data.end());
  if (r.pixels.size() != static_cast<size_t>(r.width) * r.height) r = {};
  return r;
}

std::vector<std::array<double, 4>> ink_coverage(const std::string& pdf, const std::string& device) {
  CommandResult r = run({"gs", "-q", "-dSAFER", "-o", "-", "-sDEVICE=" + device, pdf});
  std::vector<std::array<double, 4>> pages;
  std::regex re("([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+CMYK OK");
  for (std::sregex_iterator it(r.out.begin(), r.out.end(), re), end; it != end; ++it)
    pages.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  return pages;
}

std::string built_edition(const std::string& document, const std::string& lang) {
  static std::map<std::string, std::string> built;
  const std::string key = document + "." + lang;
  auto it = built.find(key);
  if (it != built.end()) return it->second;
  std::string out = make_temp_dir();
  CommandResult b = jan20({"-C", source_dir(), "build", document, "--lang", lang, "--out", out, "--quiet"});
  EXPECT_EQ(b.exit_code, 0) << b.err;
  return built[key] = out + "/" + key + ".pdf";
}

CommandResult jan20(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {jan20_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

int line_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return 0;
  int line = 1;
  for (size_t i = 0; i < at; ++i) line += text[i] == '\n';
  return line;
}

namespace {

void put32(std::string& out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xFF);
}

void chunk(std::string& png, const char* type, const std::string& data) {
  put32(png, static_cast<uint32_t>(data.size()));
  std::string body = std::string(type, 4) + data;
  png += body;
  put32(png, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace

void write_gray_png(const std::string& path, int width, int height) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  put32(ihdr, static_cast<uint32_t>(width));
  put32(ihdr, static_cast<uint32_t>(height));
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit, colour type 0 (gray), deflate, no filter, no interlace
  chunk(png, "IHDR", ihdr);
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < width; ++x) raw += static_cast<char>((x * 255) / std::max(1, width - 1));
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string z(size, '\0');
  compress(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()));
  z.resize(size);
  chunk(png, "IDAT", z);
  chunk(png, "IEND", "");
  write_file(path, png);
}

}  // namespace jan20::testing
