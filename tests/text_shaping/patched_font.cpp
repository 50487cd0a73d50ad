#include "patched_font.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace jan20::testing {
namespace {

uint32_t be32(const std::string& s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

}  // namespace

std::string font_with_renamed_tags(const std::string& font,
                                   const std::vector<std::pair<std::string, std::string>>& renames) {
  std::string data = read_file(font);
  size_t tables = static_cast<size_t>(static_cast<unsigned char>(data[4]) << 8 | static_cast<unsigned char>(data[5]));
  int replaced = 0;
  for (size_t i = 0; i < tables; ++i) {
    size_t rec = 12 + 16 * i;
    std::string tag = data.substr(rec, 4);
    if (tag != "GSUB" && tag != "GPOS") continue;
    size_t offset = be32(data, rec + 8), length = be32(data, rec + 12);
    for (const auto& [from, to] : renames) {
      for (size_t at = data.find(from, offset); at != std::string::npos && at + 4 <= offset + length;
           at = data.find(from, at + 4)) {
        data.replace(at, 4, to);
        ++replaced;
      }
    }
  }
  EXPECT_GT(replaced, 0) << "no tag renamed in " << font;
  std::string path = make_temp_dir() + "/patched" + font.substr(font.rfind('.'));
  write_file(path, data);
  return path;
}

}  // namespace jan20::testing
