#include "layout/images.h"

#include <string>

#include "core/image_file.h"

namespace jan20::layout {

ImageInfo read_image_info(const std::string& path) {
  ImageInfo info;
  info.path = path;
  // The whole image: a photo's EXIF and ICC profile segments can put its
  // frame header hundreds of kilobytes in (core/image_file.h walks them).
  std::string bytes;
  FileProblem problem;
  if (!read_image_bytes(path, &bytes, &problem)) {
    info.error = "the file " + problem.phrase;
    return info;
  }
  ImageFileInfo file = inspect_image(bytes);
  if (!file.problem.empty()) {
    info.error = file.problem;
    return info;
  }
  info.format = file.format;
  info.width = file.width;
  info.height = file.height;
  if (info.width <= 0 || info.height <= 0 || info.width > 20000 || info.height > 20000) {
    info.error = "image size " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                 " is out of range (1..20000 pixels per side)";
    return info;
  }
  info.ok = true;
  return info;
}

}  // namespace jan20::layout
