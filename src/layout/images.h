#pragma once
// Reads an image's pixel size from its header (PNG IHDR, JPEG SOFn) without
// decoding it: layout needs the aspect ratio and the effective resolution.
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
