#include "png_writer.h"

#include <zlib.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace jan20::bench {

namespace {

// SplitMix64, as bench/azwords.py: the same numbers everywhere.
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
};

void put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void chunk(std::string& out, const char* kind, const std::string& data) {
  put32(out, static_cast<uint32_t>(data.size()));
  std::string body = std::string(kind, 4) + data;
  out += body;
  put32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

uint8_t clamp(int v) { return static_cast<uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v); }

}  // namespace

bool write_png_figure(const std::string& path, int width, int height, uint32_t seed, std::string* error) {
  Rng rng{seed};
  const int sky_top[3] = {40 + rng.below(60), 90 + rng.below(80), 160 + rng.below(80)};
  const int horizon[3] = {200 + rng.below(50), 190 + rng.below(50), 170 + rng.below(70)};
  const double amplitude = 20 + rng.below(20), frequency = 1 + rng.below(4), phase = rng.below(628) / 100.0;
  const int hill[3] = {40 + rng.below(30), 110 + rng.below(60), 30 + rng.below(30)};

  std::string raw;
  raw.reserve(static_cast<size_t>(height) * (1 + 3 * static_cast<size_t>(width)));
  for (int y = 0; y < height; ++y) {
    raw.push_back(0);  // filter: none
    const double t = static_cast<double>(y) / height;
    for (int x = 0; x < width; ++x) {
      const double top = height * 0.5 - amplitude * std::sin(frequency * x * M_PI / width + phase);
      const int grain = static_cast<int>(rng.next() & 7) - 4;  // texture: what makes a figure cost bytes
      for (int c = 0; c < 3; ++c) {
        int v = y < top ? static_cast<int>(sky_top[c] + (horizon[c] - sky_top[c]) * t) : hill[c] + grain + y / 8;
        raw.push_back(static_cast<char>(clamp(v)));
      }
    }
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<Bytef> packed(size);
  if (compress2(packed.data(), &size, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9) != Z_OK) {
    *error = "zlib could not compress the figure";
    return false;
  }
  std::string png = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<uint32_t>(width));
  put32(header, static_cast<uint32_t>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter variants, no interlace
  chunk(png, "IHDR", header);
  chunk(png, "IDAT", std::string(reinterpret_cast<const char*>(packed.data()), size));
  chunk(png, "IEND", "");

  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file || std::fwrite(png.data(), 1, png.size(), file.get()) != png.size()) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace jan20::bench
