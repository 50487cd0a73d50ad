#pragma once
// Reads an image's pixel size from its structure (PNG IHDR, JPEG SOFn, found
// by core/image_file.h walking the whole file) without decoding the pixels:
// layout needs the aspect ratio and the effective resolution.
#include <string>

namespace jan20::layout {

struct ImageInfo {
  bool ok = false;
  std::string path;   // absolute
  std::string format; // "png" or "jpeg"
  int width = 0, height = 0;
  std::string error;
};

ImageInfo read_image_info(const std::string& path);

}  // namespace jan20::layout
