#include "core/image_file.h"

#include <libdeflate.h>

#include <array>
#include <cstdint>

#include "core/json.h"

namespace jan20 {

namespace {

uint32_t be32(std::string_view b, size_t p) {
  return (uint32_t(uint8_t(b[p])) << 24) | (uint32_t(uint8_t(b[p + 1])) << 16) | (uint32_t(uint8_t(b[p + 2])) << 8) |
         uint8_t(b[p + 3]);
}
unsigned be16(std::string_view b, size_t p) { return (unsigned(uint8_t(b[p])) << 8) | uint8_t(b[p + 1]); }

// CRC-32 of PNG chunks (ISO/IEC 15948 Annex D), the CRC zlib's crc32 gives:
// libdeflate's, which folds with carry-less multiplication where the CPU has
// it (zlib's braided tables were 14 M instructions of a 240-page build with 44
// figures, each file's chunks checked when read).
uint32_t crc32(std::string_view bytes) { return libdeflate_crc32(0, bytes.data(), bytes.size()); }

// A chunk type for messages: four letters, or hex when they are not letters.
std::string chunk_name(std::string_view type) {
  std::string out;
  for (char c : type) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
      out += c;
    } else {
      static const char* hex = "0123456789ABCDEF";
      out += "\\x";
      out += hex[uint8_t(c) >> 4];
      out += hex[uint8_t(c) & 15];
    }
  }
  return out;
}

void inspect_png(std::string_view b, ImageFileInfo& info) {
  info.format = "png";
  size_t p = 8;
  bool header = false, palette = false, data = false;
  int color_type = -1;
  for (;;) {
    if (p == b.size()) {
      info.problem = "truncated PNG (it ends without an IEND chunk)";
      return;
    }
    if (p + 12 > b.size()) {
      info.problem = "truncated PNG (it ends inside a chunk header)";
      return;
    }
    uint32_t length = be32(b, p);
    std::string_view type = b.substr(p + 4, 4);
    std::string name = chunk_name(type);
    if (length > 0x7FFFFFFFu || length > b.size() - p - 12) {
      info.problem = "truncated PNG (chunk " + name + " runs past the end of the file)";
      return;
    }
    if (crc32(b.substr(p + 4, 4 + length)) != be32(b, p + 8 + length)) {
      info.problem = "damaged PNG (chunk " + name + " fails its CRC check)";
      return;
    }
    std::string_view body = b.substr(p + 8, length);
    if (!header && type != "IHDR") {
      info.problem = "damaged PNG (the first chunk is " + name + ", not IHDR)";
      return;
    }
    if (type == "IHDR") {
      if (header || length != 13) {
        info.problem = "damaged PNG (bad IHDR chunk)";
        return;
      }
      header = true;
      uint32_t w = be32(body, 0), h = be32(body, 4);
      unsigned depth = uint8_t(body[8]);
      color_type = uint8_t(body[9]);
      bool depth_ok = (color_type == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
                      (color_type == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
                      ((color_type == 2 || color_type == 4 || color_type == 6) && (depth == 8 || depth == 16));
      if (w == 0 || h == 0 || w > 0x7FFFFFFFu || h > 0x7FFFFFFFu || !depth_ok || body[10] != 0 || body[11] != 0 ||
          uint8_t(body[12]) > 1) {
        info.problem = "damaged PNG (invalid IHDR: size, bit depth or colour type)";
        return;
      }
      info.width = static_cast<int>(w);
      info.height = static_cast<int>(h);
      info.bit_depth = static_cast<int>(depth);
      info.color_type = color_type;
      info.interlaced = uint8_t(body[12]) == 1;
    } else if (type == "PLTE") {
      palette = true;
      info.palette = {p + 8, length};
    } else if (type == "tRNS") {
      info.transparency = true;
    } else if (type == "IDAT") {
      if (color_type == 3 && !palette) {
        info.problem = "damaged PNG (a palette image without its PLTE chunk)";
        return;
      }
      data = true;
      info.data_chunks.push_back({p + 8, length});
    } else if (type == "IEND") {
      if (!data) info.problem = "damaged PNG (no IDAT chunk: the file has no pixels)";
      return;
    }
    p += 12 + length;
  }
}

// The Orientation tag of an APP1 segment's body when it is Exif (CIPA
// DC-008 §4.5: "Exif\0\0", then a TIFF header, II or MM, and IFD0), or 0.
// Every offset is checked against the segment: the body is untrusted.
int exif_orientation(std::string_view body) {
  if (body.size() < 14 || body.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 0;
  std::string_view tiff = body.substr(6);
  bool little = tiff.substr(0, 2) == "II";
  if (!little && tiff.substr(0, 2) != "MM") return 0;
  auto u16 = [&](size_t p) { return little ? unsigned(uint8_t(tiff[p])) | (unsigned(uint8_t(tiff[p + 1])) << 8) : be16(tiff, p); };
  auto u32 = [&](size_t p) {
    return little ? uint32_t(u16(p)) | (uint32_t(u16(p + 2)) << 16) : be32(tiff, p);
  };
  if (u16(2) != 42) return 0;
  size_t ifd = u32(4);
  if (ifd > tiff.size() || tiff.size() - ifd < 2) return 0;
  size_t entries = u16(ifd);
  for (size_t i = 0; i < entries; ++i) {
    size_t e = ifd + 2 + 12 * i;
    if (e > tiff.size() || tiff.size() - e < 12) return 0;
    if (u16(e) != 0x0112) continue;
    if (u16(e + 2) != 3 || u32(e + 4) != 1) return 0;  // one SHORT
    return static_cast<int>(u16(e + 8));
  }
  return 0;
}

void inspect_jpeg(std::string_view b, ImageFileInfo& info) {
  info.format = "jpeg";
  size_t p = 2;
  bool frame = false;
  bool exif_seen = false;  // the first Exif segment with an Orientation tag counts
  for (;;) {
    if (p >= b.size()) {
      info.problem = "truncated JPEG (it ends before its end marker)";
      return;
    }
    if (uint8_t(b[p]) != 0xFF) {
      info.problem = "damaged JPEG (a marker was expected at byte " + std::to_string(p) + ")";
      return;
    }
    while (p < b.size() && uint8_t(b[p]) == 0xFF) ++p;  // fill bytes
    if (p >= b.size()) {
      info.problem = "truncated JPEG (it ends inside a marker)";
      return;
    }
    unsigned marker = uint8_t(b[p++]);
    if (marker == 0xD9) {
      info.problem = "damaged JPEG (it ends before its first scan)";
      return;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;  // markers without a length
    if (p + 2 > b.size()) {
      info.problem = "truncated JPEG (it ends inside a marker segment)";
      return;
    }
    size_t length = be16(b, p);
    if (length < 2 || length > b.size() - p) {
      info.problem = "truncated JPEG (a marker segment runs past the end of the file)";
      return;
    }
    if (marker == 0xE1 && !exif_seen) {
      int orientation = exif_orientation(b.substr(p + 2, length - 2));
      exif_seen = orientation != 0;
      if (orientation >= 1 && orientation <= 8) info.orientation = orientation;
    }
    bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (length < 8) {
        info.problem = "damaged JPEG (a frame header is too short)";
        return;
      }
      frame = true;
      info.height = static_cast<int>(be16(b, p + 3));
      info.width = static_cast<int>(be16(b, p + 5));
      info.components = uint8_t(b[p + 7]);
      if (info.width == 0 || info.height == 0) {
        info.problem = "damaged JPEG (its frame header gives no size)";
        return;
      }
    }
    p += length;
    if (marker != 0xDA) continue;
    if (!frame) {
      info.problem = "damaged JPEG (a scan comes before the frame header)";
      return;
    }
    // Entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte), a
    // restart marker or more fill; anything else is the next marker (more
    // tables and scans in a progressive JPEG, or EOI).
    for (;;) {
      while (p < b.size() && uint8_t(b[p]) != 0xFF) ++p;
      if (p + 1 >= b.size()) {
        info.problem = "truncated JPEG (the image data has no end marker)";
        return;
      }
      unsigned next = uint8_t(b[p + 1]);
      if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
        p += 2;
      } else if (next == 0xFF) {
        p += 1;
      } else {
        break;
      }
    }
    if (uint8_t(b[p + 1]) == 0xD9) return;
  }
}

// Where an image's data ends, found while the file is read: a resumable walk
// over what has been read so far. `end` is set once the end is known; until
// then `want` is how many bytes (in all) the next step needs.
struct EndScan {
  enum Format { unknown, png, jpeg, other } format = unknown;
  size_t pos = 0;          // PNG: the next chunk; JPEG: the next marker or entropy byte
  bool in_scan = false;    // JPEG: inside entropy-coded data
  size_t end = std::string_view::npos;
  size_t want = 8;

  void step(std::string_view b) {
    if (format == unknown) {
      if (b.size() < 8) return;
      if (b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) {
        format = png;
        pos = 8;
      } else if (uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xD8 && uint8_t(b[2]) == 0xFF) {
        format = jpeg;
        pos = 2;
      } else {
        format = other;
      }
    }
    if (format == png) step_png(b);
    if (format == jpeg) step_jpeg(b);
    if (format == other) want = b.size() + 64 * 1024;
  }

  void step_png(std::string_view b) {
    while (pos + 8 <= b.size()) {
      uint32_t length = be32(b, pos);
      if (length > 0x7FFFFFFFu) {  // damaged: read no further, inspect_png reports it
        end = b.size();
        return;
      }
      size_t next = pos + 12 + length;
      if (b.substr(pos + 4, 4) == "IEND") {
        if (next <= b.size()) {
          end = next;
          return;
        }
        want = next;
        return;
      }
      pos = next;
    }
    want = pos + 8;
  }

  void step_jpeg(std::string_view b) {
    for (;;) {
      if (in_scan) {
        while (pos < b.size() && uint8_t(b[pos]) != 0xFF) ++pos;
        if (pos + 1 >= b.size()) break;
        unsigned next = uint8_t(b[pos + 1]);
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
          pos += 2;
        } else if (next == 0xFF) {
          pos += 1;
        } else {
          in_scan = false;  // a marker: pos is at its 0xFF
        }
        continue;
      }
      if (pos >= b.size()) break;
      if (uint8_t(b[pos]) != 0xFF) {  // damaged: inspect_jpeg reports it
        end = b.size();
        return;
      }
      size_t p = pos;
      while (p < b.size() && uint8_t(b[p]) == 0xFF) ++p;
      if (p >= b.size()) break;
      unsigned marker = uint8_t(b[p]);
      if (marker == 0xD9) {
        end = p + 1;
        return;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        pos = p + 1;
        continue;
      }
      if (p + 3 > b.size()) break;
      size_t length = be16(b, p + 1);
      if (length < 2) {
        end = b.size();
        return;
      }
      pos = p + 1 + length;
      if (marker == 0xDA) in_scan = true;
      if (pos > b.size()) {
        want = pos;
        return;
      }
    }
    want = b.size() + 64 * 1024;
  }
};

}  // namespace

bool read_image_bytes(const std::string& path, std::string* bytes, FileProblem* problem) {
  RegularFile file = RegularFile::open(path, kMaxImageFileBytes, problem, /*whole_file=*/false);
  if (!file.is_open()) return false;
  bytes->clear();
  EndScan scan;
  for (;;) {
    size_t before = bytes->size();
    if (!file.read_more(bytes, scan.want > before ? scan.want - before : 1, problem)) return false;
    if (bytes->size() == before) return true;  // the end of the file
    scan.step(*bytes);
    if (scan.end != std::string_view::npos) {
      bytes->resize(scan.end);
      return true;
    }
  }
}

ImageFileInfo inspect_image(std::string_view bytes) {
  ImageFileInfo info;
  static constexpr std::string_view kPng("\x89PNG\r\n\x1A\n", 8);
  if (bytes.substr(0, 8) == kPng) {
    inspect_png(bytes, info);
  } else if (bytes.size() >= 3 && uint8_t(bytes[0]) == 0xFF && uint8_t(bytes[1]) == 0xD8 && uint8_t(bytes[2]) == 0xFF) {
    inspect_jpeg(bytes, info);
  } else {
    info.problem = "not a PNG or JPEG file";
    return info;
  }
  if (info.problem.empty() && double(info.width) * double(info.height) > kMaxImagePixels) {
    info.oversized = true;
    info.problem = "the image is " + std::to_string(info.width) + " × " + std::to_string(info.height) + " pixels (" +
                   format_number(double(info.width) * info.height / 1e6, 1) +
                   " megapixels); images may have at most 80 megapixels";
  }
  return info;
}

}  // namespace jan20
