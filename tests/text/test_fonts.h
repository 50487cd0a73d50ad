#pragma once
// The Noto faces the text tests set paragraphs in, loaded straight from
// Debian's files (no project, no manifest), and a loader that fails the test
// when one is missing.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "font/face.h"

namespace jan20::text::test {

inline const char* const kSerif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
inline const char* const kSerifBold = "/usr/share/fonts/truetype/noto/NotoSerif-Bold.ttf";
inline const char* const kNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";

inline std::unique_ptr<font::Face> load(const char* path, int id = 0) {
  std::string error;
  auto face = font::Face::load(path, 0, id, &error);
  EXPECT_TRUE(face) << path << ": " << error;
  return face;
}

}  // namespace jan20::text::test
