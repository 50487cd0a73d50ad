#pragma once
// The Noto faces the text tests set paragraphs in, loaded straight from
// Debian's files (no project, no manifest), a loader that fails the test
// when one is missing, and a paragraph of one span in one of them.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "font/face.h"
#include "text/paragraph.h"

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

// `text` in `face` at 10.5 pt, justified to `measure` pt.
inline ParagraphInput one_span_paragraph(const std::string& text, const font::Face* face, double measure,
                                         const std::string& lang) {
  ParagraphInput in;
  in.text = text;
  StyledSpan span;
  span.begin = 0;
  span.end = text.size();
  span.style.face = face;
  span.style.size = 10.5;
  in.spans.push_back(span);
  in.lang = lang;
  in.measure = measure;
  return in;
}

}  // namespace jan20::text::test
