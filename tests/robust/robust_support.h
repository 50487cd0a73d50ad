#pragma once
// What the robustness tests share: image files built byte by byte (whole or
// damaged on purpose), scratch projects that build, and the rule for what a
// test-produced PDF must pass (qpdf, poppler, MuPDF, Ghostscript).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/test_support.h"

namespace jan20::robust {

// PNG chunks, with their CRC computed (zlib's crc32).
std::string png_chunk(std::string_view type, std::string_view body);
// An 8-bit RGB PNG of w × h pixels in a gradient. `idat` replaces the
// compressed pixel data when given (to damage the stream but keep the CRC).
std::string png_file(int w, int h, const std::string* idat = nullptr);
// An IHDR claiming w × h pixels with one tiny IDAT: the pixel-count limit
// rejects it from the header alone.
std::string png_header_only(uint32_t w, uint32_t h);
// A valid PNG of any kind: bit depth, colour type (0 grey, 2 RGB, 3 palette,
// 4 grey+alpha, 6 RGBA), Adam7 interlacing or not, and extra chunks (PLTE,
// tRNS) placed before IDAT. The pixels are a byte pattern, so a palette
// image needs a PLTE of 2^depth entries.
std::string png_variant(int w, int h, int depth, int color_type, bool interlaced, const std::string& extra = {});
// zlib's compress() of `raw`.
std::string deflate(std::string_view raw);
// A small baseline JPEG (fuzz/project/content/images/photo.jpg, made by
// pdftoppm from one of our PDFs).
std::string jpeg_file();
// `jpeg` with an APP1 Exif segment holding only the Orientation tag (value
// `orientation`, byte order II or MM), after SOI and any JFIF APP0.
std::string jpeg_with_exif_orientation(const std::string& jpeg, int orientation, bool little_endian);

// A picture as pdftoppm or ImageMagick writes it in binary PPM (P6, 8 bits).
struct Raster {
  int width = 0, height = 0;
  std::string rgb;  // width × height × 3 bytes, rows from the top
  std::array<int, 3> at(int x, int y) const;
};
// Empty (width 0) when the file is not a P6 PPM.
Raster read_ppm(const std::string& path);

// The loader's minimal project (tests/load/minimal_project) copied into a
// fresh directory, with every content block placed in the layout's poster
// frame so that it builds to a PDF. Returns the directory.
std::string buildable_project();
// The loader's minimal project copied into a fresh directory without its
// poster frame: its blocks flow into the text area of A5 pages.
std::string paged_project();
// Writes `text` to dir/relative, creating folders.
void put(const std::string& dir, const std::string& relative, std::string_view text);
// The files in a directory, sorted ("." and ".." left out); empty when it does not exist.
std::vector<std::string> entries(const std::string& dir);

// Runs jan20-pdf with `args`.
testing::CommandResult jan20(const std::vector<std::string>& args);

// Everything a produced PDF must pass: qpdf --check, and pdftoppm, mutool
// draw and gs render it without a word on stderr (MuPDF's "ICC support is
// not available", which Debian's build prints for every file, excepted).
// Returns "" when clean, otherwise what each tool said.
std::string pdf_complaints(const std::string& pdf);

}  // namespace jan20::robust
