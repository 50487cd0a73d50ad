#include "pdf/image_check.h"

#include <png.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
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

// Plain C on purpose: nothing with a destructor may live between setjmp and
// the longjmp out of png_error_handler. Returns true when every row decodes.
bool decode_png(FILE* file, char* message) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, message, png_error_handler, png_warning_handler);
  if (!png) {
    std::snprintf(message, 256, "out of memory");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  png_bytep volatile row = nullptr;
  if (!info || setjmp(png_jmpbuf(png))) {
    if (!info) std::snprintf(message, 256, "out of memory");
    png_free(png, row);
    png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
    return false;
  }
  png_init_io(png, file);
  png_read_info(png, info);
  int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  row = static_cast<png_bytep>(png_malloc(png, png_get_rowbytes(png, info)));
  png_uint_32 height = png_get_image_height(png, info);
  for (int pass = 0; pass < passes; ++pass)
    for (png_uint_32 y = 0; y < height; ++y) png_read_row(png, row, nullptr);
  png_read_end(png, nullptr);
  png_free(png, row);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

}  // namespace

std::string png_decode_problem(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) return "cannot open the file: " + std::string(std::strerror(errno));
  char message[256] = {};
  bool ok = decode_png(file, message);
  std::fclose(file);
  if (ok) return {};
  return "damaged PNG (" + std::string(message) + ")";
}

}  // namespace jan20::pdf
