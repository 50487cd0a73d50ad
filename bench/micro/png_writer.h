#pragma once
// A deterministic RGB PNG for the image-embedding benchmark: a sky gradient
// over textured hills, like bench/png.py's figures, written with zlib.
#include <cstdint>
#include <string>

namespace jan20::bench {

bool write_png_figure(const std::string& path, int width, int height, uint32_t seed, std::string* error);

}  // namespace jan20::bench
