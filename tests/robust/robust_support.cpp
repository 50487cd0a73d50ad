#include "robust_support.h"

#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

namespace jan20::robust {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::run;

namespace {
void put_u32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}
}  // namespace

std::string png_chunk(std::string_view type, std::string_view body) {
  std::string out;
  put_u32(out, static_cast<uint32_t>(body.size()));
  std::string typed = std::string(type) + std::string(body);
  out += typed;
  put_u32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size()))));
  return out;
}

std::string deflate(std::string_view raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(size, '\0');
  compress(reinterpret_cast<Bytef*>(packed.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  packed.resize(size);
  return packed;
}

static std::string ihdr(uint32_t w, uint32_t h) {
  std::string body;
  put_u32(body, w);
  put_u32(body, h);
  body += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  return png_chunk("IHDR", body);
}

std::string png_file(int w, int h, const std::string* idat) {
  std::string raw;
  for (int y = 0; y < h; ++y) {
    raw += '\0';  // filter: none
    for (int x = 0; x < w; ++x) {
      raw += static_cast<char>(x * 255 / std::max(1, w - 1));
      raw += static_cast<char>(y * 255 / std::max(1, h - 1));
      raw += static_cast<char>(128);
    }
  }
  return "\x89PNG\r\n\x1a\n" + ihdr(static_cast<uint32_t>(w), static_cast<uint32_t>(h)) +
         png_chunk("IDAT", idat ? *idat : deflate(raw)) + png_chunk("IEND", "");
}

std::string png_variant(int w, int h, int depth, int color_type, bool interlaced, const std::string& extra) {
  int samples = color_type == 2 ? 3 : color_type == 4 ? 2 : color_type == 6 ? 4 : 1;
  auto rows = [&](int pw, int ph) {
    std::string out;
    size_t rowbytes = (static_cast<size_t>(pw) * samples * depth + 7) / 8;
    for (int y = 0; y < ph; ++y) {
      out += '\0';  // filter: none
      for (size_t i = 0; i < rowbytes; ++i)
        out += static_cast<char>((i * 37 + y * 11) % 256);  // palette images need 2^depth entries
    }
    return out;
  };
  std::string raw;
  if (!interlaced) {
    raw = rows(w, h);
  } else {
    // Adam7 (ISO/IEC 15948 §8.2): seven passes over sub-grids of the image.
    const int pass[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    for (const auto& p : pass) {
      int pw = w > p[0] ? (w - p[0] + p[2] - 1) / p[2] : 0, ph = h > p[1] ? (h - p[1] + p[3] - 1) / p[3] : 0;
      if (pw && ph) raw += rows(pw, ph);
    }
  }
  std::string body;
  put_u32(body, static_cast<uint32_t>(w));
  put_u32(body, static_cast<uint32_t>(h));
  body += static_cast<char>(depth);
  body += static_cast<char>(color_type);
  body += std::string("\x00\x00", 2);
  body += static_cast<char>(interlaced ? 1 : 0);
  return "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", body) + extra + png_chunk("IDAT", deflate(raw)) + png_chunk("IEND", "");
}

std::string png_header_only(uint32_t w, uint32_t h) {
  return "\x89PNG\r\n\x1a\n" + ihdr(w, h) + png_chunk("IDAT", deflate(std::string(4, '\0'))) + png_chunk("IEND", "");
}

std::string jpeg_file() { return testing::read_file(testing::source_dir() + "/fuzz/project/content/images/photo.jpg"); }

std::string jpeg_with_exif_orientation(const std::string& jpeg, int orientation, bool little_endian) {
  auto u16 = [&](unsigned v) {
    return little_endian ? std::string{char(v & 0xFF), char(v >> 8)} : std::string{char(v >> 8), char(v & 0xFF)};
  };
  auto u32 = [&](uint32_t v) { return little_endian ? u16(v & 0xFFFF) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xFFFF); };
  // CIPA DC-008: "Exif\0\0", a TIFF header (byte order, 42, IFD0 at 8), IFD0
  // with one entry: tag 0x0112, type SHORT (3), count 1, the value left-aligned.
  std::string body = std::string("Exif\0\0", 6) + (little_endian ? "II" : "MM") + u16(42) + u32(8) + u16(1) +
                     u16(0x0112) + u16(3) + u32(1) + u16(static_cast<unsigned>(orientation)) + u16(0) + u32(0);
  size_t length = body.size() + 2;
  std::string segment = std::string("\xFF\xE1") + char(length >> 8) + char(length & 0xFF) + body;
  size_t at = 2;
  if (jpeg.compare(2, 2, "\xFF\xE0") == 0)
    at = 4 + ((size_t(uint8_t(jpeg[4])) << 8) | uint8_t(jpeg[5]));
  return jpeg.substr(0, at) + segment + jpeg.substr(at);
}

std::array<int, 3> Raster::at(int x, int y) const {
  size_t i = 3 * (size_t(y) * size_t(width) + size_t(x));
  return {uint8_t(rgb[i]), uint8_t(rgb[i + 1]), uint8_t(rgb[i + 2])};
}

Raster read_ppm(const std::string& path) {
  std::string bytes = testing::read_file(path);
  std::istringstream header(bytes);
  std::string magic;
  Raster r;
  int max = 0;
  header >> magic >> r.width >> r.height >> max;
  if (magic != "P6" || max != 255 || r.width <= 0 || r.height <= 0) return {};
  size_t start = static_cast<size_t>(header.tellg()) + 1;
  if (bytes.size() - start < size_t(r.width) * size_t(r.height) * 3) return {};
  r.rgb = bytes.substr(start, size_t(r.width) * size_t(r.height) * 3);
  return r;
}

void put(const std::string& dir, const std::string& relative, std::string_view text) {
  fs::path p = fs::path(dir) / relative;
  fs::create_directories(p.parent_path());
  testing::write_file(p.string(), std::string(text));
}

std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string buildable_project() {
  std::string dir = testing::make_temp_dir();
  fs::copy(fs::path(testing::source_dir()) / "tests/load/minimal_project", dir,
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::string content = testing::read_file(dir + "/content/test/az.toml");
  for (size_t at = 0; (at = content.find("[[block]]\n", at)) != std::string::npos; at += 10)
    content.insert(at + 10, "frame = \"headline\"\n");
  put(dir, "content/test/az.toml", content);
  return dir;
}

std::string paged_project() {
  std::string dir = testing::make_temp_dir();
  fs::copy(fs::path(testing::source_dir()) / "tests/load/minimal_project", dir,
           fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::string layout = testing::read_file(dir + "/layouts/test.toml");
  size_t frame = layout.find("[[masters.body.frames]]");
  if (frame != std::string::npos) layout.erase(frame, layout.find("\n\n", frame) - frame);
  put(dir, "layouts/test.toml", layout);
  return dir;
}

CommandResult jan20(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {testing::jan20_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

std::string pdf_complaints(const std::string& pdf) {
  std::string said;
  std::string qpdf;
  if (!testing::qpdf_check_clean(pdf, &qpdf)) said += "qpdf --check:\n" + qpdf;
  std::string dir = testing::make_temp_dir();
  CommandResult p = run({"pdftoppm", "-r", "12", "-png", pdf, dir + "/p"});
  if (p.exit_code != 0 || !p.err.empty()) said += "pdftoppm (exit " + std::to_string(p.exit_code) + "):\n" + p.err;
  CommandResult m = run({"mutool", "draw", "-q", "-r", "12", "-o", dir + "/m%d.png", pdf});
  std::string mupdf = std::regex_replace(m.err, std::regex("warning: ICC support is not available\n"), "");
  if (m.exit_code != 0 || !mupdf.empty()) said += "mutool draw (exit " + std::to_string(m.exit_code) + "):\n" + mupdf;
  CommandResult g = run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", pdf});
  if (g.exit_code != 0 || !(g.out + g.err).empty())
    said += "gs (exit " + std::to_string(g.exit_code) + "):\n" + g.out + g.err;
  return said;
}

}  // namespace jan20::robust
