// PNGs the PDF can take as they are keep their own compressed data (the
// IDAT stream behind /Predictor 15, src/pdf/png_stream.h): nothing decoded
// and compressed again. These tests build PNGs whose rows use every PNG
// filter type (none, Sub, Up, Average, Paeth), embed them, and check that
// the PDF carries the PNG's IDAT bytes unchanged and that every pixel
// poppler draws is the pixel the PNG describes.
#include <gtest/gtest.h>

#include <array>
#include <cstdlib>
#include <sstream>

#include "model/paged.h"
#include "pdf/haru.h"
#include "pdf/images.h"
#include "pdf/write_pdf.h"
#include "robust_support.h"

namespace jan20::robust {
namespace {

struct Kind {
  std::string name;
  int depth, color_type;
};
void PrintTo(const Kind& k, std::ostream* os) { *os << k.name; }

int samples_of(int color_type) { return color_type == 2 ? 3 : 1; }

// Unfiltered rows of sample bytes: a pattern that uses every bit.
std::vector<std::string> raw_rows(int w, int h, int depth, int color_type) {
  size_t row_bytes = (static_cast<size_t>(w) * samples_of(color_type) * depth + 7) / 8;
  std::vector<std::string> rows;
  for (int y = 0; y < h; ++y) {
    std::string row;
    for (size_t i = 0; i < row_bytes; ++i) row += static_cast<char>((i * 37 + y * 11 + (i * y) % 7) % 256);
    rows.push_back(row);
  }
  return rows;
}

int paeth(int a, int b, int c) {
  int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// Filters row y with filter type y % 5 (ISO/IEC 15948 §9.2).
std::string filtered_stream(const std::vector<std::string>& rows, int bytes_per_pixel) {
  std::string out;
  std::string previous(rows.empty() ? 0 : rows[0].size(), '\0');
  for (size_t y = 0; y < rows.size(); ++y) {
    int type = static_cast<int>(y % 5);
    out += static_cast<char>(type);
    const std::string& row = rows[y];
    for (size_t i = 0; i < row.size(); ++i) {
      int x = static_cast<unsigned char>(row[i]);
      int a = i >= size_t(bytes_per_pixel) ? static_cast<unsigned char>(row[i - bytes_per_pixel]) : 0;
      int b = static_cast<unsigned char>(previous[i]);
      int c = i >= size_t(bytes_per_pixel) ? static_cast<unsigned char>(previous[i - bytes_per_pixel]) : 0;
      int predicted = type == 0 ? 0 : type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : paeth(a, b, c);
      out += static_cast<char>((x - predicted) & 0xff);
    }
    previous = row;
  }
  return out;
}

std::string palette_bytes(int entries) {
  std::string rgb;
  for (int i = 0; i < entries; ++i) rgb += {static_cast<char>(i * 7), static_cast<char>(255 - i), static_cast<char>(i * 3 + 1)};
  return rgb;
}

// The sample at pixel x of a row (depth bits, most significant first).
int sample(const std::string& row, int index, int depth) {
  int bit = index * depth;
  int byte = static_cast<unsigned char>(row[bit / 8]);
  return (byte >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
}

// The RGB colour the PNG gives pixel (x, y).
std::array<int, 3> expected_pixel(const Kind& k, const std::vector<std::string>& rows, const std::string& palette, int x, int y) {
  const std::string& row = rows[y];
  if (k.color_type == 2) return {sample(row, 3 * x, 8), sample(row, 3 * x + 1, 8), sample(row, 3 * x + 2, 8)};
  int s = sample(row, x, k.depth);
  if (k.color_type == 3)
    return {static_cast<unsigned char>(palette[3 * s]), static_cast<unsigned char>(palette[3 * s + 1]),
            static_cast<unsigned char>(palette[3 * s + 2])};
  int grey = s * 255 / ((1 << k.depth) - 1);
  return {grey, grey, grey};
}

std::vector<Kind> kinds() {
  std::vector<Kind> out;
  for (int depth : {1, 2, 4, 8}) {
    out.push_back({"grey" + std::to_string(depth), depth, 0});
    out.push_back({"palette" + std::to_string(depth), depth, 3});
  }
  out.push_back({"rgb8", 8, 2});
  return out;
}

class PngPassThrough : public ::testing::TestWithParam<Kind> {};

TEST_P(PngPassThrough, KeepsTheStreamAndDrawsEveryPixel) {
  const Kind& k = GetParam();
  const int w = 37, h = 23;
  std::vector<std::string> rows = raw_rows(w, h, k.depth, k.color_type);
  int bpp = std::max(1, samples_of(k.color_type) * k.depth / 8);
  std::string idat = deflate(filtered_stream(rows, bpp));
  std::string palette = k.color_type == 3 ? palette_bytes(1 << k.depth) : "";
  std::string ihdr;
  for (int v : {w, h}) ihdr += {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  ihdr += {static_cast<char>(k.depth), static_cast<char>(k.color_type), 0, 0, 0};
  std::string png = "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", ihdr) + (palette.empty() ? "" : png_chunk("PLTE", palette)) +
                    png_chunk("IDAT", idat.substr(0, idat.size() / 2)) + png_chunk("IDAT", idat.substr(idat.size() / 2)) +
                    png_chunk("IEND", "");
  std::string dir = testing::make_temp_dir();
  put(dir, "image.png", png);

  model::PagedDocument doc;
  doc.info.date = "2026-01-20";
  model::Page page;
  page.width = w;  // one point per pixel: drawn at 288 dpi, 4 × 4 device pixels per image pixel
  page.height = h;
  page.items.push_back(model::Image{dir + "/image.png", 0, 0, double(w), double(h), w, h, -1});
  doc.pages.push_back(page);
  pdf::PdfOptions options;
  options.target = pdf::Target::Screen;
  DiagnosticSink sink;
  std::string pdf = dir + "/out.pdf";
  ASSERT_TRUE(pdf::write_pdf(doc, options, pdf, sink)) << sink.diagnostics().front().message;
  EXPECT_EQ(pdf_complaints(pdf), "");

  // The IDAT data, split over two chunks in the PNG, is one stream in the PDF.
  std::string bytes = testing::read_file(pdf);
  EXPECT_NE(bytes.find(idat), std::string::npos) << "the PNG's compressed data is not in the PDF unchanged";
  EXPECT_NE(bytes.find("/Predictor 15"), std::string::npos);

  testing::CommandResult drawn = testing::run({"pdftoppm", "-r", "288", "-aa", "no", "-aaVector", "no", pdf, dir + "/page"});
  ASSERT_EQ(drawn.exit_code, 0) << drawn.err;
  std::string ppm = testing::read_file(dir + "/page-1.ppm");
  std::istringstream header(ppm);
  std::string magic;
  int pw = 0, ph = 0, max = 0;
  header >> magic >> pw >> ph >> max;
  ASSERT_EQ(magic, "P6");
  ASSERT_EQ(pw, 4 * w);
  ASSERT_EQ(ph, 4 * h);
  size_t start = static_cast<size_t>(header.tellg()) + 1;
  int wrong = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      std::array<int, 3> want = expected_pixel(k, rows, palette, x, y);
      for (int c = 0; c < 3; ++c) {
        // The centre of the image pixel's 4 × 4 block.
        int got = static_cast<unsigned char>(ppm[start + 3 * (size_t(4 * y + 2) * pw + 4 * x + 2) + c]);
        if (std::abs(got - want[c]) > 1 && wrong++ < 5)
          ADD_FAILURE() << "pixel " << x << "," << y << " channel " << c << ": drawn " << got << ", PNG " << want[c];
      }
    }
  EXPECT_EQ(wrong, 0);
}

INSTANTIATE_TEST_SUITE_P(Kinds, PngPassThrough, ::testing::ValuesIn(kinds()),
                         [](const auto& info) { return info.param.name; });

// A palette image may not have more entries than its bit depth can index.
TEST(PngPassThrough, RefusesAPaletteLargerThanItsDepth) {
  std::string ihdr = std::string("\0\0\0\x10\0\0\0\x10", 8) + std::string("\x01\x03\0\0\0", 5);
  std::string rows;
  for (int y = 0; y < 16; ++y) rows += std::string(3, '\0');
  std::string png = "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", ihdr) + png_chunk("PLTE", palette_bytes(3)) +
                    png_chunk("IDAT", deflate(rows)) + png_chunk("IEND", "");
  std::string dir = testing::make_temp_dir();
  put(dir, "image.png", png);
  model::PagedDocument doc;
  doc.info.date = "2026-01-20";
  model::Page page;
  page.width = page.height = 100;
  page.items.push_back(model::Image{dir + "/image.png", 0, 0, 16, 16, 16, 16, -1});
  doc.pages.push_back(page);
  DiagnosticSink sink;
  std::string out;
  EXPECT_FALSE(pdf::render_pdf(doc, {}, &out, sink));
  ASSERT_FALSE(sink.diagnostics().empty());
  EXPECT_EQ(sink.diagnostics()[0].message, "damaged PNG (its palette does not fit its bit depth)");
}

// A PNG's data is not held until the PDF is saved: it is read from the file
// again while libharu writes the image. The PDF then carries exactly the data
// that was checked, or nothing: a file changed or removed in between fails the
// save with the file's name.
TEST(PngPassThrough, TheDataIsReadAgainWhenSavedAndAFileChangedMeanwhileFailsTheSave) {
  std::string ihdr = std::string("\0\0\0\x10\0\0\0\x10", 8) + std::string("\x08\x00\0\0\0", 5);  // 16 × 16 grey
  std::string rows, other_rows;
  for (int y = 0; y < 16; ++y) {
    rows += '\0' + std::string(16, static_cast<char>(y * 16));
    other_rows += '\0' + std::string(16, static_cast<char>(255 - y));
  }
  const std::string idat = deflate(rows);
  auto png = [&](const std::string& data) {
    return "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", ihdr) + png_chunk("IDAT", data) + png_chunk("IEND", "");
  };
  const std::string dir = testing::make_temp_dir();
  const std::string path = dir + "/image.png";
  for (const char* change : {"none", "other pixels", "removed"}) {
    SCOPED_TRACE(change);
    put(dir, "image.png", png(idat));
    pdf::HaruDoc doc(false);
    pdf::ImageCache images(doc);
    DiagnosticSink sink;
    ASSERT_NE(images.get(path, sink), nullptr);
    if (std::string(change) == "other pixels") put(dir, "image.png", png(deflate(other_rows)));
    if (std::string(change) == "removed") std::remove(path.c_str());
    std::string bytes;
    const bool saved = doc.save(&bytes, sink);
    if (std::string(change) == "none") {
      ASSERT_TRUE(saved);
      EXPECT_NE(bytes.find(idat), std::string::npos) << "the PNG's data is not in the PDF";
      continue;
    }
    EXPECT_FALSE(saved);
    ASSERT_FALSE(sink.diagnostics().empty());
    EXPECT_EQ(sink.diagnostics().back().where.file, path);
    EXPECT_NE(sink.diagnostics().back().message.find("the image file changed while the PDF was being written"),
              std::string::npos)
        << sink.diagnostics().back().message;
  }
}

}  // namespace
}  // namespace jan20::robust
