#include "pdf/images.h"

#include <system_error>

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

HPDF_Image ImageCache::load_png_stream(const std::string& path, const ImageFile& file) {
  const PngStream& png = file.png;
  HaruDoc::FileSlices slices{path, {}, file.idat_size, file.idat_hash};
  for (const ImageFileInfo::Range& chunk : file.info.data_chunks) slices.ranges.emplace_back(chunk.offset, chunk.size);
  HPDF_Image image = new_image_dict(doc_);
  if (!image || !doc_.set_stream_from_file(image, std::move(slices))) return nullptr;
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

ImageFile read_image_file(const std::string& path, InflateScratch& scratch) {
  ImageFile file;
  std::string bytes;
  if (!read_image_bytes(path, &bytes, &file.read_problem)) return file;
  file.readable = true;
  // libharu must only see whole files: it lets libpng abort the process on a
  // damaged PNG and copies JPEG data unread (core/image_file.h, image_check.h).
  ImageFileInfo& info = file.info;
  info = inspect_image(bytes);
  if (info.format.empty()) return file;
  // A PNG either keeps its compressed data or is decoded here and embedded as
  // 8-bit pixels with a compressed soft mask: the variants libharu mishandles
  // and every PNG with transparency (libharu's own reader stores the mask
  // uncompressed).
  file.decode_here = info.format == "png" && (info.bit_depth == 16 || info.interlaced || info.transparency ||
                                                info.color_type == 4 || info.color_type == 6);
  file.pass_through = png_can_pass_through(info);
  if (info.problem.empty() && file.pass_through) {
    info.problem = read_png_stream(bytes, info, &file.png, scratch);
    if (info.problem.empty()) {  // checked: what the PDF needs of the data is read again when it is saved
      file.idat_size = file.png.idat.size();
      file.idat_hash = HaruDoc::FileSlices::hash_of(file.png.idat);
      std::string().swap(file.png.idat);
    }
  } else if (info.problem.empty() && info.format == "png")
    info.problem = file.decode_here ? decode_png_8bit(bytes, &file.decoded) : png_decode_problem(bytes);
  if (info.problem.empty() && info.format == "jpeg") file.bytes = std::move(bytes);
  return file;
}

ImageCache::~ImageCache() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  done_.notify_all();
  if (helper_.joinable()) helper_.join();
}

void ImageCache::prepare(const std::vector<std::string>& paths) {
  for (const std::string& path : paths)
    if (prepared_.emplace(path, prepared_.size()).second) files_.emplace_back();
  ready_.assign(files_.size(), false);
  if (files_.empty()) return;
  std::vector<std::string> order(files_.size());
  for (const auto& [path, index] : prepared_) order[index] = path;
  try {
    helper_ = std::thread([this, order = std::move(order)] {
      InflateScratch scratch;
      for (size_t i = 0; i < order.size(); ++i) {
        {
          std::unique_lock lock(mutex_);
          done_.wait(lock, [&] { return stopping_ || waiting_ < kAhead; });
          if (stopping_) return;
        }
        ImageFile file = read_image_file(order[i], scratch);
        std::lock_guard lock(mutex_);
        files_[i] = std::move(file);
        ready_[i] = true;
        ++waiting_;
        done_.notify_all();
      }
    });
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): each image is read when it is drawn.
    prepared_.clear();
    files_.clear();
    ready_.clear();
  }
}

ImageFile ImageCache::take_file(const std::string& path) {
  auto it = prepared_.find(path);
  if (it == prepared_.end()) return read_image_file(path, scratch_);
  std::unique_lock lock(mutex_);
  done_.wait(lock, [&] { return ready_[it->second]; });
  ImageFile file = std::move(files_[it->second]);
  --waiting_;
  lock.unlock();
  done_.notify_all();
  prepared_.erase(it);  // taken once: a failed file asked for again is read again
  return file;
}

HPDF_Image ImageCache::get(const std::string& path, DiagnosticSink& sink) {
  auto found = images_.find(path);
  if (found != images_.end()) return found->second;
  SourceLocation where{path};
  ImageFile file = take_file(path);
  const ImageFileInfo& info = file.info;
  if (!file.readable) {
    sink.error(where,
               file.read_problem.kind == FileProblem::missing ? std::string("image file not found or not readable")
                                                              : "image file '" + path + "' " + file.read_problem.phrase,
               "check the image path in the content file (paths are relative to the project)");
    return nullptr;
  }
  if (info.format.empty()) {
    sink.error(where, "not a PNG or JPEG image", "convert the image to PNG (graphics) or JPEG (photographs)");
    return nullptr;
  }
  if (!info.problem.empty()) {
    sink.error(where, info.problem, "export the image again as an 8-bit PNG or a baseline JPEG");
    return nullptr;
  }
  HPDF_Image image = nullptr;
  if (file.pass_through)
    image = load_png_stream(path, file);
  else if (file.decode_here)
    image = load_decoded(file.decoded);
  else
    image = HPDF_LoadJpegImageFromMem(doc_.get(), reinterpret_cast<const HPDF_BYTE*>(file.bytes.data()),
                                      static_cast<HPDF_UINT>(file.bytes.size()));
  if (!image || doc_.failed()) {
    doc_.check(sink, "cannot load the image", where,
               "the file may be damaged or use a variant libharu cannot read (16-bit or interlaced PNG, "
               "CMYK or progressive JPEG); re-export it as an 8-bit PNG or a baseline JPEG");
    return nullptr;
  }
  images_[path] = image;
  if (info.orientation != 1) orientations_[path] = info.orientation;
  return image;
}

int ImageCache::orientation(const std::string& path) const {
  auto it = orientations_.find(path);
  return it == orientations_.end() ? 1 : it->second;
}

}  // namespace jan20::pdf
