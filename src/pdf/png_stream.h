#pragma once
// A PNG's compressed pixel data, taken as it is for the PDF.
//
// PDF's FlateDecode filter with PNG predictors (ISO 32000-1 §7.4.4.4,
// /Predictor 15) reads exactly what a PNG's IDAT chunks hold: a zlib stream
// of rows, each behind its filter-type byte. So for the PNGs whose pixels
// PDF can take without conversion — grey or RGB at 8 bits, grey or a palette
// at 1, 2, 4 or 8 bits, not interlaced, no transparency — the IDAT data goes
// into the file unchanged: nothing decoded, nothing compressed again, the
// image no larger than the PNG itself.
//
// The data is still checked before it is trusted: it must inflate to exactly
// one filter byte (0 to 4) and one row of samples per line. A PNG whose
// chunks are whole (core/image_file.h checks every CRC) but whose stream is
// damaged is refused here, as libpng would refuse it.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/image_file.h"

namespace jan20::pdf {

struct PngStream {
  int width = 0, height = 0;
  int bit_depth = 0;
  int colors = 0;       // 1 grey or palette index, 3 RGB
  std::string palette;  // PLTE's RGB triples for a palette image, else empty
  std::string idat;     // the IDAT chunks' data, concatenated: one zlib stream
};

// Whether the PNG described by `info` (a whole file, inspect_image) can be
// passed through: colour type 0, 2 or 3 without tRNS, not interlaced, and
// 8 bits for RGB.
bool png_can_pass_through(const ImageFileInfo& info);

// Memory the check inflates into, kept from one image to the next by whoever
// checks several (the image helper thread): a fresh image-sized buffer for
// every PNG cost more than inflating it (zeroed, then faulted in page by page).
class InflateScratch {
 public:
  // At least `size` bytes, not cleared; valid until the next call.
  unsigned char* bytes(size_t size);

 private:
  std::unique_ptr<unsigned char[]> bytes_;
  size_t capacity_ = 0;
};

// Collects the IDAT data (and the palette) of `png`, where inspect_image
// found them, and checks the stream, inflating into `scratch`.
// Returns what is wrong, or an empty string and fills `out`.
std::string read_png_stream(std::string_view png, const ImageFileInfo& info, PngStream* out, InflateScratch& scratch);

}  // namespace jan20::pdf
