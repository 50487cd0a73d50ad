#include "pdf/png_stream.h"

#include <libdeflate.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/c_handle.h"

namespace jan20::pdf {

namespace {

// Inflates the stream in slices and checks that it holds `rows` rows of
// `row_bytes` bytes (the filter byte included), each starting with a PNG
// filter type. Nothing is kept.
std::string check_rows(const std::string& idat, uint64_t rows, uint64_t row_bytes) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return "cannot start zlib";
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(idat.data()));
  z.avail_in = static_cast<uInt>(idat.size());
  std::vector<unsigned char> slice(64 * 1024);
  const uint64_t expected = rows * row_bytes;
  uint64_t produced = 0;
  std::string problem;
  int status = Z_OK;
  while (status == Z_OK && problem.empty()) {
    z.next_out = slice.data();
    z.avail_out = static_cast<uInt>(slice.size());
    status = inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      problem = std::string("damaged PNG (its pixel data does not decompress: ") + (z.msg ? z.msg : "zlib error") + ")";
      break;
    }
    uint64_t got = slice.size() - z.avail_out;
    // The first byte of every row in this slice is a filter type (0 to 4).
    uint64_t next_row = (produced + row_bytes - 1) / row_bytes * row_bytes;
    for (; next_row < produced + got && next_row < expected; next_row += row_bytes)
      if (slice[next_row - produced] > 4 && problem.empty())
        problem = "damaged PNG (row " + std::to_string(next_row / row_bytes + 1) + " has an unknown filter type, " +
                  std::to_string(slice[next_row - produced]) + ")";
    produced += got;
    if (produced > expected) problem = "damaged PNG (more pixel data than its size says)";
    if (status == Z_OK && got == 0 && z.avail_in == 0) break;  // the stream ends early
  }
  inflateEnd(&z);
  if (problem.empty() && (status != Z_STREAM_END || produced != expected))
    problem = "damaged PNG (its pixel data ends before the last row)";
  return problem;
}

// The same check in one call, for the common case of a sound stream:
// libdeflate inflates about three times faster than zlib, but into one buffer
// of the whole image, and says only "bad data". So it is used only to accept:
// a stream is taken as sound when libdeflate inflates it completely (header
// and Adler-32 checked, as zlib checks them) to exactly `rows` rows whose
// filter bytes are all 0 to 4: then zlib inflates it to the same bytes, which
// check_rows accepts. Everything else — refused, too long, too short, a bad filter byte, an
// image over kMaxFastBytes — goes to check_rows, which gives the verdict and
// its words. So both accept exactly the same streams.
constexpr uint64_t kMaxFastBytes = 16u << 20;

bool quickly_sound(const std::string& idat, uint64_t rows, uint64_t row_bytes, InflateScratch& scratch) {
  const uint64_t expected = rows * row_bytes;
  if (expected == 0 || expected > kMaxFastBytes) return false;
  CHandle<libdeflate_decompressor, libdeflate_free_decompressor> d(libdeflate_alloc_decompressor());
  if (!d) return false;
  unsigned char* pixels = scratch.bytes(expected);
  size_t got = 0;
  if (libdeflate_zlib_decompress(d.get(), idat.data(), idat.size(), pixels, expected, &got) != LIBDEFLATE_SUCCESS ||
      got != expected)
    return false;
  for (uint64_t row = 0; row < expected; row += row_bytes)
    if (pixels[row] > 4) return false;
  return true;
}

}  // namespace

unsigned char* InflateScratch::bytes(size_t size) {
  if (size > capacity_) {
    bytes_.reset();  // the old block goes before the new one comes
    bytes_.reset(new unsigned char[size]);
    capacity_ = size;
  }
  return bytes_.get();
}

bool png_can_pass_through(const ImageFileInfo& info) {
  if (info.format != "png" || info.interlaced || info.transparency) return false;
  switch (info.color_type) {
    case 0:  // grey
    case 3:  // palette
      return info.bit_depth == 1 || info.bit_depth == 2 || info.bit_depth == 4 || info.bit_depth == 8;
    case 2:  // RGB
      return info.bit_depth == 8;
    default:  // with alpha: the alpha goes into a soft mask, which needs the pixels
      return false;
  }
}

std::string read_png_stream(std::string_view png, const ImageFileInfo& info, PngStream* out, InflateScratch& scratch) {
  PngStream stream;
  stream.width = info.width;
  stream.height = info.height;
  stream.bit_depth = info.bit_depth;
  stream.colors = info.color_type == 2 ? 3 : 1;
  // inspect_image found the chunks whole and noted where their data lies.
  for (const ImageFileInfo::Range& chunk : info.data_chunks) stream.idat.append(png.substr(chunk.offset, chunk.size));
  stream.palette.assign(png.substr(info.palette.offset, info.palette.size));
  if (info.color_type == 3 && (stream.palette.empty() || stream.palette.size() % 3 != 0 ||
                               stream.palette.size() / 3 > (size_t{1} << info.bit_depth)))
    return "damaged PNG (its palette does not fit its bit depth)";
  uint64_t row_bits = uint64_t(stream.width) * uint64_t(stream.colors) * uint64_t(stream.bit_depth);
  const uint64_t rows = uint64_t(stream.height), row_bytes = 1 + (row_bits + 7) / 8;
  std::string problem = quickly_sound(stream.idat, rows, row_bytes, scratch) ? std::string() : check_rows(stream.idat, rows, row_bytes);
  if (problem.empty()) *out = std::move(stream);
  return problem;
}

}  // namespace jan20::pdf
