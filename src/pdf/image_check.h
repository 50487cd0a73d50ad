#pragma once
// PNG files read with libpng under our own error handling, before (or
// instead of) libharu.
//
// libharu 2.3.0 hands PNG files to libpng without a recovery point, so
// libpng's error handler aborts the whole process on a damaged file (a
// corrupt IDAT stream, a bad filter byte) — even one whose chunks are whole
// (core/image_file.h checks those). And it mishandles valid variants: an
// RGB image with a tRNS chunk crashes it (SIGSEGV), an interlaced RGBA image
// makes it free memory twice (SIGABRT), an interlaced RGB one is refused, and
// 16-bit images are embedded with truncated data that every viewer warns
// about. Those variants are decoded here instead and embedded as raw 8-bit
// pixels (images.cpp).
#include <string>
#include <string_view>
#include <vector>

namespace jan20::pdf {

// Both read the PNG file's bytes, already read (core/image_file.h).
// Decodes every row (every pass of an interlaced image) and keeps nothing.
// Returns what is wrong, or an empty string when the whole image decodes.
std::string png_decode_problem(std::string_view bytes);

// An image decoded to 8 bits per component, not interlaced, the palette and
// tRNS expanded: `pixels` holds `channels` (1 grey, 3 RGB) bytes per pixel,
// row by row; `alpha` one byte per pixel, or is empty when opaque.
struct DecodedImage {
  int width = 0, height = 0;
  int channels = 0;
  std::vector<unsigned char> pixels;
  std::vector<unsigned char> alpha;
};
// Returns what is wrong, or an empty string and fills `out`.
std::string decode_png_8bit(std::string_view bytes, DecodedImage* out);

}  // namespace jan20::pdf
