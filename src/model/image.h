#pragma once
// An image file as the loader found it: where it is (resolved and checked
// once, inside the project or an --allow-path directory) and what its header
// says. Layout sizes figures from it and the print checks read its colour
// from it; nothing after the loader opens the file again except the PDF
// writer, which embeds its bytes.
#include <string>

namespace jan20::model {

enum class ImageColor { Unknown, Gray, Rgb, Cmyk, Palette };

struct ImageFile {
  std::string path;           // absolute
  std::string format;         // "png" or "jpeg"
  int width = 0, height = 0;  // pixels, as shown upright (a JPEG's Exif orientation applied)
  ImageColor color = ImageColor::Unknown;
  bool alpha = false;         // an alpha channel (PNG colour types 4 and 6)
};

}  // namespace jan20::model
