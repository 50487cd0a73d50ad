#include "pdf/images.h"

#include <fstream>

namespace jan20::pdf {

HPDF_Image ImageCache::get(const std::string& path, DiagnosticSink& sink) {
  auto found = images_.find(path);
  if (found != images_.end()) return found->second;
  SourceLocation where{path};
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.error(where, "image file not found or not readable",
               "check the image path in the content file (paths are relative to the project)");
    return nullptr;
  }
  char sig[8] = {};
  in.read(sig, sizeof sig);
  std::string head(sig, static_cast<size_t>(in.gcount()));
  HPDF_Image image = nullptr;
  if (head.size() == 8 && head == std::string("\x89PNG\r\n\x1a\n", 8)) {
    image = HPDF_LoadPngImageFromFile(doc_.get(), path.c_str());
  } else if (head.size() >= 3 && head.compare(0, 3, "\xFF\xD8\xFF") == 0) {
    image = HPDF_LoadJpegImageFromFile(doc_.get(), path.c_str());
  } else {
    sink.error(where, "not a PNG or JPEG image", "convert the image to PNG (graphics) or JPEG (photographs)");
    return nullptr;
  }
  if (!image || doc_.failed()) {
    doc_.check(sink, "cannot load the image", where,
               "the file may be damaged or use a variant libharu cannot read (16-bit or interlaced PNG, "
               "CMYK or progressive JPEG); re-export it as an 8-bit PNG or a baseline JPEG");
    return nullptr;
  }
  images_[path] = image;
  return image;
}

}  // namespace jan20::pdf
