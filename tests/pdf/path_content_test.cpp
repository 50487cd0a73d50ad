// PathContent writes path operators as libharu does. The oracle is libharu
// itself: the same operators with the same numbers drawn through its page
// API onto a page, whose content stream is then read back.
#include "pdf/path_content.h"

#include <gtest/gtest.h>
#include <hpdf.h>

#include <random>
#include <string>
#include <vector>

#include "pdf/haru.h"

namespace jan20::pdf {
namespace {

std::string content_of(HPDF_Page page) {
  HPDF_Stream stream = page_content_stream(page);
  std::string bytes(HPDF_Stream_Size(stream), '\0');
  HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET);
  HPDF_UINT size = static_cast<HPDF_UINT>(bytes.size());
  EXPECT_EQ(HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size), HPDF_OK);
  bytes.resize(size);
  return bytes;
}

TEST(PathContent, WritesEachOperatorAsLibharuDoes) {
  // Whole points, halves, numbers with more decimals than libharu keeps,
  // tiny ones, negative ones and ones beyond its ±32767 limit.
  std::vector<HPDF_REAL> values = {0.0f, 1.0f, -1.0f, 0.5f, 12.25f, 595.2756f, 841.8898f, 0.000004f, 0.000006f,
                                   -0.3f, 32767.0f, 40000.0f, -40000.0f, 1e-7f, 99999.5f, 8.503937f};
  std::mt19937 random(20);
  std::uniform_real_distribution<float> page(-50.0f, 900.0f);
  for (int i = 0; i < 400; ++i) values.push_back(page(random));

  HaruDoc doc;
  HPDF_Page page_a = HPDF_AddPage(doc.get());
  PathContent ours;
  const std::vector<std::string> paints = {"S", "f", "f*", "B", "B*"};
  for (size_t i = 0; i + 6 <= values.size(); i += 6) {
    const HPDF_REAL* v = values.data() + i;
    HPDF_Page_MoveTo(page_a, v[0], v[1]);
    ours.move_to(v[0], v[1]);
    HPDF_Page_LineTo(page_a, v[2], v[3]);
    ours.line_to(v[2], v[3]);
    HPDF_Page_CurveTo(page_a, v[0], v[1], v[2], v[3], v[4], v[5]);
    ours.curve_to(v[0], v[1], v[2], v[3], v[4], v[5]);
    HPDF_Page_ClosePath(page_a);
    ours.close();
    const std::string& paint = paints[(i / 6) % paints.size()];
    if (paint == "S") HPDF_Page_Stroke(page_a);
    if (paint == "f") HPDF_Page_Fill(page_a);
    if (paint == "f*") HPDF_Page_Eofill(page_a);
    if (paint == "B") HPDF_Page_FillStroke(page_a);
    if (paint == "B*") HPDF_Page_EofillStroke(page_a);
    ours.paint(paint);
  }
  ASSERT_EQ(HPDF_GetError(doc.get()), HPDF_OK);
  const std::string theirs = content_of(page_a);
  EXPECT_GT(theirs.size(), 5000u);  // 69 paths were written
  EXPECT_EQ(ours.bytes(), theirs);

  // Written onto a page with write_content, the bytes are the same stream.
  HPDF_Page page_b = HPDF_AddPage(doc.get());
  write_content(page_b, ours.bytes());
  EXPECT_EQ(content_of(page_b), theirs);
}

}  // namespace
}  // namespace jan20::pdf
