#pragma once
// Reading print properties back from produced PDFs: page dictionaries
// through `qpdf --json`, rasters and ink through Ghostscript, and small
// test inputs (a grayscale PNG, a copy of the project to edit).
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace jan20::testing {

using PdfBox = std::array<double, 4>;  // left, bottom, right, top

// The page objects' ids in page order ("49 0 R" -> 49).
std::vector<int> page_object_ids(const std::string& pdf);
// The JSON text of one object's value, as `qpdf --json --json-object` prints it.
std::string object_json(const std::string& pdf, int id);
// A box array (/MediaBox, /TrimBox, …) given directly in a page dictionary's
// JSON; nullopt when the key is absent (not inherited, not filled in).
std::optional<PdfBox> box_key(const std::string& dict_json, const std::string& key);
// The whole file decompressed and uncompressed (qpdf --qdf), to grep operators.
std::string qdf_text(const std::string& pdf);
// The decompressed content streams of the pages, in page order (from the
// QDF file's "%% Contents for page N" objects).
std::vector<std::string> page_contents(const std::string& pdf);
// Form XObject streams of the file, decompressed.
std::vector<std::string> form_contents(const std::string& pdf);

// One page rendered by Ghostscript's pamcmyk32 device at `dpi`: 4 bytes
// (C, M, Y, K, 0..255) per pixel, no anti-aliasing, so pixels carry the
// exact colours the PDF sets.
struct CmykRaster {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  const unsigned char* at(int x, int y) const { return &pixels[(static_cast<size_t>(y) * width + x) * 4]; }
};
std::vector<CmykRaster> render_cmyk(const std::string& pdf, int dpi);  // every page
// A page as 8-bit gray (pdftoppm -gray), 255 = white.
struct GrayRaster {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  unsigned char at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};
GrayRaster render_gray(const std::string& pdf, int page, int dpi);

// Ghostscript's ink per page: `device` "inkcov" (share of the page each ink
// touches, 0..1) or "ink_cov" (average ink, percent).
std::vector<std::array<double, 4>> ink_coverage(const std::string& pdf, const std::string& device);

// The repository's `document` edition in `lang` ("booklet", "az"), built once
// per test process (later calls return the same file).
std::string built_edition(const std::string& document, const std::string& lang);
// `jan20-pdf args…`
CommandResult jan20(const std::vector<std::string>& args);
// 1-based line of the first line of `text` that contains `needle`; 0 if none.
int line_of(const std::string& text, const std::string& needle);

// An 8-bit grayscale PNG of width × height pixels (a gradient).
void write_gray_png(const std::string& path, int width, int height);

}  // namespace jan20::testing
