#include "pdf/images.h"

#include <fstream>
#include <iterator>

#include "core/image_file.h"
#include "pdf/image_check.h"

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
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // libharu must only see whole files: it lets libpng abort the process on a
  // damaged PNG and copies JPEG data unread (core/image_file.h, image_check.h).
  ImageFileInfo info = inspect_image(bytes);
  if (info.format.empty()) {
    sink.error(where, "not a PNG or JPEG image", "convert the image to PNG (graphics) or JPEG (photographs)");
    return nullptr;
  }
  if (info.problem.empty() && info.format == "png") info.problem = png_decode_problem(path);
  if (!info.problem.empty()) {
    sink.error(where, info.problem, "export the image again as an 8-bit PNG or a baseline JPEG");
    return nullptr;
  }
  HPDF_Image image = info.format == "png" ? HPDF_LoadPngImageFromFile(doc_.get(), path.c_str())
                                          : HPDF_LoadJpegImageFromFile(doc_.get(), path.c_str());
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
