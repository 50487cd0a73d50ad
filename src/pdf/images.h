#pragma once
// Images embedded once per file however often they are placed, by the
// file's signature rather than its name. Every file is checked first
// (core/image_file.h). PNGs PDF can take as they are (grey, RGB or palette,
// no alpha, not interlaced) keep their own compressed data (png_stream.h);
// the PNG variants libharu mishandles (16-bit, interlaced, tRNS outside a
// palette) are decoded with libpng and embedded as raw 8-bit pixels
// (image_check.h); other PNGs (with alpha) go through
// HPDF_LoadPngImageFromFile, JPEGs through HPDF_LoadJpegImageFromFile, which
// copies the JPEG data unchanged.
#include <hpdf.h>

#include <map>
#include <string>

#include "core/diagnostic.h"
#include "pdf/haru.h"
#include "pdf/image_check.h"
#include "pdf/png_stream.h"

namespace jan20::pdf {

class ImageCache {
 public:
  explicit ImageCache(HaruDoc& doc) : doc_(doc) {}
  // The image XObject for `path`, loading it on first use. Null (after
  // reporting) when the file is missing, unreadable or not PNG/JPEG.
  HPDF_Image get(const std::string& path, DiagnosticSink& sink);
  size_t size() const { return images_.size(); }

 private:
  // An image decoded by image_check.h, with its alpha as an SMask.
  HPDF_Image load_decoded(const DecodedImage& decoded);
  // A PNG's own compressed data behind PNG predictors (png_stream.h).
  HPDF_Image load_png_stream(const PngStream& png);
  HaruDoc& doc_;
  std::map<std::string, HPDF_Image> images_;
};

}  // namespace jan20::pdf
