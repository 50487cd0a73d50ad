#pragma once
// The structure of a PNG or JPEG file, read from its bytes without decoding
// the pixels: its format and pixel size, or what is wrong with it. Shared by
// the loader (which reports a damaged image at the content's `image` key)
// and the PDF writer (which must never hand a damaged file to libharu).
#include <string>
#include <string_view>
#include <vector>

#include "core/regular_file.h"

namespace jan20 {

// Images may have at most this many pixels: an A1 poster at 300 dpi is 70
// million. A larger one would take gigabytes to decode and embed.
inline constexpr double kMaxImagePixels = 80e6;

struct ImageFileInfo {
  std::string format;   // "png", "jpeg"; empty when neither
  int width = 0, height = 0;
  // PNG only: IHDR's bit depth, colour type (0 grey, 2 RGB, 3 palette,
  // 4 grey+alpha, 6 RGBA) and interlace method, and whether a tRNS chunk is present.
  int bit_depth = 0;
  int color_type = -1;
  bool interlaced = false;
  bool transparency = false;
  // PNG only: where the data of each IDAT chunk (in file order) and of the
  // PLTE chunk lie in the file, as (offset, size); size 0 without a palette.
  struct Range {
    size_t offset = 0, size = 0;
  };
  std::vector<Range> data_chunks;
  int components = 0;   // JPEG only: the frame header's component count (1 grey, 3 colour, 4 CMYK)
  // JPEG only: the Exif Orientation tag (CIPA DC-008, tag 0x0112) of the first
  // APP1 Exif segment, 1..8: how the stored pixels are turned to be shown
  // upright. 1 (as stored) when absent or out of range, as viewers take it.
  // width and height above are the stored pixels' (before turning).
  int orientation = 1;
  Range palette;
  std::string problem;  // empty when the file is whole and within the limits
  bool oversized = false;  // the problem is the pixel count (kMaxImagePixels), not damage
};

// PNG (ISO/IEC 15948): the signature, then chunks each inside the file with a
// correct CRC, IHDR first and valid, PLTE before IDAT for palette images, at
// least one IDAT, IEND last.
// JPEG (ISO/IEC 10918-1 Annex B): SOI, marker segments inside the file, a
// frame header (SOFn) before the first scan, entropy-coded data ending in EOI.
// `problem` is a phrase such as "truncated PNG (chunk IDAT runs past the end
// of the file)" or "not a PNG or JPEG file".
ImageFileInfo inspect_image(std::string_view bytes);

// Whether an Exif orientation turns the image by a quarter (5 to 8): shown
// upright, it is `height` pixels wide and `width` pixels high.
inline bool orientation_swaps_sides(int orientation) { return orientation >= 5 && orientation <= 8; }

// Reads an image file (core/regular_file.h: a regular file, at most
// kMaxImageFileBytes) up to its end: a PNG's IEND chunk, a JPEG's EOI marker.
// What follows the end is not read (a file with gigabytes of trailing data
// costs what the image costs); a file that is neither format is read whole,
// and inspect_image says what it is. False with `problem` when the file
// cannot be read.
bool read_image_bytes(const std::string& path, std::string* bytes, FileProblem* problem);

}  // namespace jan20
