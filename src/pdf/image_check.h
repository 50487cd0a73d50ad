#pragma once
// Decodes a PNG file completely before libharu reads it. libharu 2.3.0 hands
// PNG files to libpng without a recovery point, so libpng's error handler
// aborts the whole process on a damaged file (a corrupt IDAT stream, a bad
// filter byte) — even one whose chunks are whole (core/image_file.h checks
// those). Returns what is wrong, or an empty string when every row decodes.
#include <string>

namespace jan20::pdf {

std::string png_decode_problem(const std::string& path);

}  // namespace jan20::pdf
