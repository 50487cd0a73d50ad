#pragma once
// Images embedded once per file however often they are placed, by the
// file's signature rather than its name. Every file is checked first
// (core/image_file.h). PNGs PDF can take as they are (grey, RGB or palette,
// no alpha, not interlaced) keep their own compressed data (png_stream.h);
// the PNG variants libharu mishandles (16-bit, interlaced, tRNS outside a
// palette) and every PNG with transparency are decoded with libpng and
// embedded as 8-bit pixels with a compressed soft mask (image_check.h);
// JPEGs go through HPDF_LoadJpegImageFromMem, which copies the JPEG data
// unchanged. Files are read once, bounded (core/image_file.h).
#include <hpdf.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostic.h"
#include "core/image_file.h"
#include "pdf/haru.h"
#include "pdf/image_check.h"
#include "pdf/png_stream.h"

namespace jan20::pdf {

// What can be done with an image file without libharu, on any thread: read,
// checked, and its PNG stream taken (or its pixels decoded).
struct ImageFile {
  bool readable = false;
  FileProblem read_problem;  // why not readable
  ImageFileInfo info;    // info.problem: what is wrong, if anything
  bool pass_through = false;
  bool decode_here = false;
  PngStream png;         // pass_through; its idat read again from the file when the PDF is saved:
  size_t idat_size = 0;  //   what it held when checked (then emptied),
  size_t idat_hash = 0;  //   and its std::hash
  DecodedImage decoded;  // decode_here
  std::string bytes;     // a JPEG file, which libharu copies
};
// Reads and checks one image file; `scratch` is reused memory for the PNG check.
ImageFile read_image_file(const std::string& path, InflateScratch& scratch);

class ImageCache {
 public:
  explicit ImageCache(HaruDoc& doc) : doc_(doc) {}
  ~ImageCache();
  ImageCache(const ImageCache&) = delete;
  ImageCache& operator=(const ImageCache&) = delete;
  // Reads and checks `paths` (in the order they will be asked for) on a
  // helper thread while pages are drawn, at most kAhead files ahead of the
  // ones taken (a decoded image can be large); get() waits for its file.
  void prepare(const std::vector<std::string>& paths);
  static constexpr size_t kAhead = 4;
  // The image XObject for `path`, loading it on first use. Null (after
  // reporting) when the file is missing, unreadable or not PNG/JPEG.
  HPDF_Image get(const std::string& path, DiagnosticSink& sink);
  // The Exif orientation (1..8, core/image_file.h) of an image get() loaded; 1 otherwise.
  int orientation(const std::string& path) const;
  size_t size() const { return images_.size(); }

 private:
  // An image decoded by image_check.h, with its alpha as an SMask.
  HPDF_Image load_decoded(const DecodedImage& decoded);
  // A PNG's own compressed data behind PNG predictors (png_stream.h).
  // Its data is read from the file again when the PDF is saved (HaruDoc::set_stream_from_file).
  HPDF_Image load_png_stream(const std::string& path, const ImageFile& file);
  // The prepared file for `path`, or one read now.
  ImageFile take_file(const std::string& path);
  HaruDoc& doc_;
  std::map<std::string, HPDF_Image> images_;
  std::map<std::string, int> orientations_;  // JPEGs whose orientation is not 1
  InflateScratch scratch_;  // for files read on this thread (the helper has its own)
  // prepare(): files read by the helper; ready_[i] once files_[i] is.
  std::map<std::string, size_t> prepared_;
  std::vector<ImageFile> files_;
  std::vector<bool> ready_;
  size_t waiting_ = 0;     // files read and not taken yet
  bool stopping_ = false;  // the cache is going away: the helper stops
  std::mutex mutex_;
  std::condition_variable done_;
  std::thread helper_;
};

}  // namespace jan20::pdf
