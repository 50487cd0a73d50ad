#include "pdf/images.h"

#include <fstream>
#include <iterator>

#include "core/image_file.h"
#include "pdf/image_check.h"

namespace jan20::pdf {

HPDF_Image ImageCache::load_decoded(const DecodedImage& d) {
  HPDF_ColorSpace space = d.channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB;
  HPDF_Image image = HPDF_LoadRawImageFromMem(doc_.get(), d.pixels.data(), static_cast<HPDF_UINT>(d.width),
                                              static_cast<HPDF_UINT>(d.height), space, 8);
  if (!image || d.alpha.empty()) return image;
  // Transparency as a soft mask (ISO 32000-1 §11.6.5.3), as libharu does for
  // the PNGs it reads itself.
  HPDF_Image mask = HPDF_LoadRawImageFromMem(doc_.get(), d.alpha.data(), static_cast<HPDF_UINT>(d.width),
                                             static_cast<HPDF_UINT>(d.height), HPDF_CS_DEVICE_GRAY, 8);
  if (!mask || HPDF_Dict_Add(image, "SMask", mask) != HPDF_OK) return nullptr;
  return image;
}

HPDF_Image ImageCache::load_png_stream(const PngStream& png) {
  HPDF_Image image = new_deflated_image(doc_, png.idat);
  if (!image) return nullptr;
  HPDF_MMgr mmgr = doc_.mmgr();
  HPDF_Dict_AddNumber(image, "Width", png.width);
  HPDF_Dict_AddNumber(image, "Height", png.height);
  HPDF_Dict_AddNumber(image, "BitsPerComponent", png.bit_depth);
  if (!png.palette.empty()) {
    HPDF_Array indexed = HPDF_Array_New(mmgr);
    HPDF_Dict_Add(image, "ColorSpace", indexed);
    HPDF_Array_AddName(indexed, "Indexed");
    HPDF_Array_AddName(indexed, "DeviceRGB");
    HPDF_Array_AddNumber(indexed, static_cast<HPDF_INT32>(png.palette.size() / 3 - 1));
    HPDF_Array_Add(indexed, new_byte_string(mmgr, png.palette));
  } else {
    HPDF_Dict_AddName(image, "ColorSpace", png.colors == 3 ? "DeviceRGB" : "DeviceGray");
  }
  // The rows as PNG filters them (ISO 32000-1 §7.4.4.4, Table 10).
  HPDF_Dict parms = HPDF_Dict_New(mmgr);
  HPDF_Dict_Add(image, "DecodeParms", parms);
  HPDF_Dict_AddNumber(parms, "Predictor", 15);
  HPDF_Dict_AddNumber(parms, "Colors", png.colors);
  HPDF_Dict_AddNumber(parms, "BitsPerComponent", png.bit_depth);
  HPDF_Dict_AddNumber(parms, "Columns", png.width);
  return doc_.failed() ? nullptr : image;
}

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
  // The PNG variants libharu mishandles (image_check.h) are decoded here and
  // embedded as raw 8-bit pixels; the others go through libharu's reader.
  bool decode_here = info.format == "png" && (info.bit_depth == 16 || info.interlaced ||
                                               (info.transparency && info.color_type != 3));
  bool pass_through = png_can_pass_through(info);
  DecodedImage decoded;
  PngStream png;
  if (info.problem.empty() && pass_through)
    info.problem = read_png_stream(bytes, info, &png);
  else if (info.problem.empty() && info.format == "png")
    info.problem = decode_here ? decode_png_8bit(path, &decoded) : png_decode_problem(path);
  if (!info.problem.empty()) {
    sink.error(where, info.problem, "export the image again as an 8-bit PNG or a baseline JPEG");
    return nullptr;
  }
  HPDF_Image image = nullptr;
  if (pass_through)
    image = load_png_stream(png);
  else if (decode_here)
    image = load_decoded(decoded);
  else
    image = info.format == "png" ? HPDF_LoadPngImageFromFile(doc_.get(), path.c_str())
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
