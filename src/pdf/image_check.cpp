#include "pdf/image_check.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace jan20::pdf {

namespace {

// libpng reports errors by calling this and expects it never to return:
// png_longjmp goes back to the setjmp in decode_png.
void png_error_handler(png_structp png, png_const_charp message) {
  auto* buffer = static_cast<char*>(png_get_error_ptr(png));
  std::snprintf(buffer, 256, "%s", message);
  png_longjmp(png, 1);
}
void png_warning_handler(png_structp, png_const_charp) {}  // warnings are not problems; keep stderr quiet

// The file's bytes as libpng reads them (png_set_read_fn): the file was read
// once, bounded (core/image_file.h), and is not opened again.
struct MemoryInput {
  const unsigned char* data;
  size_t size, pos;
};
void read_from_memory(png_structp png, png_bytep out, png_size_t length) {
  auto* in = static_cast<MemoryInput*>(png_get_io_ptr(png));
  if (length > in->size - in->pos) png_error(png, "the file ends too early");
  std::memcpy(out, in->data + in->pos, length);
  in->pos += length;
}

// What decode_png hands back: a malloc'ed image (or null when only checking).
struct RawImage {
  unsigned char* data;
  unsigned width, height, channels;  // channels: 1 grey, 2 grey+alpha, 3 RGB, 4 RGBA
};

// Plain C on purpose: nothing with a destructor may live between setjmp and
// the longjmp out of png_error_handler. With `keep` null every row is decoded
// and dropped; otherwise the image is transformed to 8-bit, non-interlaced
// grey or RGB with an optional alpha channel and kept in keep->data.
bool decode_png(MemoryInput* input, char* message, RawImage* keep) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, message, png_error_handler, png_warning_handler);
  if (!png) {
    std::snprintf(message, 256, "out of memory");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  unsigned char* volatile image = nullptr;
  if (!info || setjmp(png_jmpbuf(png))) {
    if (!info) std::snprintf(message, 256, "out of memory");
    std::free(image);
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    return false;
  }
  png_set_read_fn(png, input, read_from_memory);
  png_read_info(png, info);
  if (keep) {
    png_set_strip_16(png);
    png_set_packing(png);
    png_set_palette_to_rgb(png);
    png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  }
  int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  png_size_t rowbytes = png_get_rowbytes(png, info);
  png_uint_32 height = png_get_image_height(png, info);
  // Checking needs one row; keeping needs them all (the passes of an
  // interlaced image fill in every row several times).
  image = static_cast<unsigned char*>(std::malloc(keep ? rowbytes * height : rowbytes));
  if (!image) png_error(png, "out of memory");
  for (int pass = 0; pass < passes; ++pass)
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, image + (keep ? rowbytes * y : 0), nullptr);
  png_read_end(png, nullptr);
  if (keep) {
    keep->data = image;
    keep->width = png_get_image_width(png, info);
    keep->height = height;
    keep->channels = png_get_channels(png, info);
  } else {
    std::free(image);
  }
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

std::string run_decoder(std::string_view bytes, RawImage* keep) {
  MemoryInput input{reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), 0};
  char message[256] = {};
  bool ok = decode_png(&input, message, keep);
  return ok ? std::string() : "damaged PNG (" + std::string(message) + ")";
}

}  // namespace

std::string png_decode_problem(std::string_view bytes) { return run_decoder(bytes, nullptr); }

std::string decode_png_8bit(std::string_view bytes, DecodedImage* out) {
  RawImage raw{nullptr, 0, 0, 0};
  if (std::string problem = run_decoder(bytes, &raw); !problem.empty()) return problem;
  bool has_alpha = raw.channels == 2 || raw.channels == 4;
  out->width = static_cast<int>(raw.width);
  out->height = static_cast<int>(raw.height);
  out->channels = has_alpha ? static_cast<int>(raw.channels) - 1 : static_cast<int>(raw.channels);
  size_t pixels = size_t(raw.width) * raw.height;
  out->pixels.resize(pixels * static_cast<size_t>(out->channels));
  out->alpha.clear();
  if (has_alpha) out->alpha.resize(pixels);
  for (size_t i = 0; i < pixels; ++i) {
    const unsigned char* p = raw.data + i * raw.channels;
    std::memcpy(&out->pixels[i * static_cast<size_t>(out->channels)], p, static_cast<size_t>(out->channels));
    if (has_alpha) out->alpha[i] = p[out->channels];
  }
  std::free(raw.data);
  return {};
}

}  // namespace jan20::pdf
