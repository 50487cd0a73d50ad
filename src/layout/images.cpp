#include "layout/images.h"

#include <cstdint>
#include <fstream>
#include <vector>

namespace jan20::layout {

namespace {
uint32_t be32(const unsigned char* p) { return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3]; }
uint16_t be16(const unsigned char* p) { return static_cast<uint16_t>((p[0] << 8) | p[1]); }
}  // namespace

ImageInfo read_image_info(const std::string& path) {
  ImageInfo info;
  info.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    info.error = "the file does not exist or cannot be read";
    return info;
  }
  std::vector<unsigned char> head(64 * 1024);
  in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  static const unsigned char kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (head.size() >= 24 && std::equal(kPng, kPng + 8, head.begin())) {
    if (head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
      info.error = "corrupt PNG: no IHDR chunk";
      return info;
    }
    info.format = "png";
    info.width = static_cast<int>(be32(&head[16]));
    info.height = static_cast<int>(be32(&head[20]));
  } else if (head.size() >= 4 && head[0] == 0xFF && head[1] == 0xD8) {
    size_t p = 2;
    while (p + 9 < head.size()) {
      if (head[p] != 0xFF) break;
      unsigned char marker = head[p + 1];
      if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        p += 2;
        continue;
      }
      uint16_t len = be16(&head[p + 2]);
      bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        info.format = "jpeg";
        info.height = be16(&head[p + 5]);
        info.width = be16(&head[p + 7]);
        break;
      }
      p += 2 + len;
    }
    if (info.format.empty()) {
      info.error = "corrupt or truncated JPEG: no frame header found";
      return info;
    }
  } else {
    info.error = "not a PNG or JPEG file";
    return info;
  }
  if (info.width <= 0 || info.height <= 0 || info.width > 20000 || info.height > 20000) {
    info.error = "image size " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                 " is out of range (1..20000 pixels per side)";
    return info;
  }
  info.ok = true;
  return info;
}

}  // namespace jan20::layout
