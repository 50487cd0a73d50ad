// Damaged and oversized inputs at each stage that reads files: an image or a
// font cut short or corrupted, TOML nested thousands deep, a text far too
// long. Each must be an error saying what is wrong — never a crash, never a
// PDF that viewers complain about.
#include <gtest/gtest.h>

#include <string>

#include "core/image_file.h"
#include "font/face.h"
#include "load/load.h"
#include "model/paged.h"
#include "pdf/write_pdf.h"
#include "robust_support.h"

namespace jan20::robust {
namespace {

using testing::make_temp_dir;
using testing::write_file;

// --- images: the file's structure (core/image_file.h) ---

TEST(InspectImage, WholeFilesPassWithTheirSize) {
  ImageFileInfo png = inspect_image(png_file(64, 48));
  EXPECT_EQ(png.format, "png");
  EXPECT_EQ(png.problem, "");
  EXPECT_EQ(png.width, 64);
  EXPECT_EQ(png.height, 48);
  ImageFileInfo jpeg = inspect_image(jpeg_file());
  EXPECT_EQ(jpeg.format, "jpeg");
  EXPECT_EQ(jpeg.problem, "");
  EXPECT_GT(jpeg.width, 0);
  EXPECT_GT(jpeg.height, 0);
}

TEST(InspectImage, EveryTruncationOfAPngIsFound) {
  std::string png = png_file(64, 48);
  for (size_t n = 8; n < png.size(); ++n) {
    ImageFileInfo info = inspect_image(std::string_view(png).substr(0, n));
    EXPECT_EQ(info.format, "png") << n;
    EXPECT_EQ(info.problem.rfind("truncated PNG (", 0), 0u) << n << ": " << info.problem;
  }
  EXPECT_EQ(inspect_image(png.substr(0, 60)).problem, "truncated PNG (chunk IDAT runs past the end of the file)");
  EXPECT_EQ(inspect_image(png.substr(0, 8)).problem, "truncated PNG (it ends without an IEND chunk)");
}

TEST(InspectImage, EveryTruncationOfAJpegIsFound) {
  std::string jpeg = jpeg_file();
  for (size_t n = 3; n < jpeg.size() - 1; ++n) {
    ImageFileInfo info = inspect_image(std::string_view(jpeg).substr(0, n));
    EXPECT_EQ(info.format, "jpeg") << n;
    EXPECT_EQ(info.problem.rfind("truncated JPEG (", 0), 0u) << n << ": " << info.problem;
  }
}

TEST(InspectImage, FlippedBitsFailTheChunkCrc) {
  std::string png = png_file(16, 16);
  png[45] = static_cast<char>(png[45] ^ 0x10);  // inside the IDAT data
  EXPECT_EQ(inspect_image(png).problem, "damaged PNG (chunk IDAT fails its CRC check)");
}

TEST(InspectImage, PaletteImageWithoutPalette) {
  std::string png = png_file(4, 4);
  std::string body = png.substr(16, 13);
  body[9] = 3;  // colour type: palette
  std::string bad = "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", body) + png_chunk("IDAT", deflate(std::string(20, '\0'))) +
                    png_chunk("IEND", "");
  EXPECT_EQ(inspect_image(bad).problem, "damaged PNG (a palette image without its PLTE chunk)");
}

TEST(InspectImage, TooManyPixelsIsRefusedFromTheHeader) {
  ImageFileInfo info = inspect_image(png_header_only(20000, 20000));
  EXPECT_TRUE(info.oversized);
  EXPECT_EQ(info.problem,
            "the image is 20000 × 20000 pixels (400 megapixels); images may have at most 80 megapixels");
  EXPECT_EQ(inspect_image(png_header_only(8000, 10000)).problem, "");  // A1 at 300 dpi fits
}

TEST(InspectImage, NeitherPngNorJpeg) {
  EXPECT_EQ(inspect_image("GIF89a").problem, "not a PNG or JPEG file");
  EXPECT_EQ(inspect_image("").format, "");
}

// --- images: the PDF writer never hands libharu a damaged file ---

// Before the check, libpng's error handler aborted the process inside
// libharu (SIGABRT: "libpng error: IDAT: incorrect header check"). These
// files have whole chunks and correct CRCs; only decoding finds the damage.
class DamagedImageInPdf : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

std::string render_with_image(const std::string& bytes, DiagnosticSink& sink) {
  std::string dir = make_temp_dir();
  write_file(dir + "/image", bytes);
  model::PagedDocument doc;
  doc.info.date = "2026-01-20";
  model::Page page;
  page.width = 420;
  page.height = 595;
  page.items.push_back(model::Image{dir + "/image", 40, 40, 100, 100, 16, 16, -1});
  doc.pages.push_back(page);
  std::string pdf;
  if (!pdf::render_pdf(doc, {}, &pdf, sink)) return {};
  return pdf;
}

TEST_P(DamagedImageInPdf, IsAnErrorNotACrash) {
  DiagnosticSink sink;
  std::string pdf = render_with_image(GetParam().first, sink);
  EXPECT_EQ(pdf, "");
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].message, GetParam().second);
  EXPECT_EQ(sink.diagnostics()[0].hint, "export the image again as an 8-bit PNG or a baseline JPEG");
}

std::string bad_filter_png() {
  std::string raw;
  for (int y = 0; y < 16; ++y) raw += '\x07' + std::string(48, '\0');  // filter type 7 does not exist
  std::string idat = deflate(raw);
  return png_file(16, 16, &idat);
}
std::string short_data_png() {
  std::string idat = deflate(std::string(49 * 8, '\0'));  // 8 rows of 16
  return png_file(16, 16, &idat);
}
std::string long_data_png() {
  std::string idat = deflate(std::string(49 * 17, '\0'));  // 17 rows of 16
  return png_file(16, 16, &idat);
}
std::string not_zlib_png() {
  std::string idat = "these bytes are not a zlib stream";
  return png_file(16, 16, &idat);
}

INSTANTIATE_TEST_SUITE_P(
    Files, DamagedImageInPdf,
    ::testing::Values(std::pair{not_zlib_png(), "damaged PNG (its pixel data does not decompress: incorrect header check)"},
                      std::pair{bad_filter_png(), "damaged PNG (row 1 has an unknown filter type, 7)"},
                      std::pair{short_data_png(), "damaged PNG (its pixel data ends before the last row)"},
                      std::pair{long_data_png(), "damaged PNG (more pixel data than its size says)"},
                      std::pair{png_file(16, 16).substr(0, 60), "truncated PNG (chunk IDAT runs past the end of the file)"},
                      std::pair{jpeg_file().substr(0, jpeg_file().size() - 2),
                                "truncated JPEG (the image data has no end marker)"},
                      std::pair{png_header_only(10000, 10000),
                                "the image is 10000 × 10000 pixels (100 megapixels); images may have at most 80 megapixels"}));

TEST(DamagedImageInPdf, WholeImagesStillRender) {
  for (const std::string& bytes : {png_file(16, 16), jpeg_file()}) {
    DiagnosticSink sink;
    std::string pdf = render_with_image(bytes, sink);
    EXPECT_FALSE(pdf.empty()) << (sink.diagnostics().empty() ? "" : sink.diagnostics()[0].message);
  }
}

// --- fonts ---

// A font cut short used to load (FreeType and HarfBuzz read tables lazily),
// typeset with missing glyphs and fail in hb-subset, or at some lengths be
// embedded broken into a PDF that built "successfully".
TEST(TruncatedFont, EveryCutIsAnErrorWhenLoaded) {
  const std::string source = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
  std::string bytes = testing::read_file(source);
  ASSERT_GT(bytes.size(), 100000u);
  std::string dir = make_temp_dir();
  for (size_t n : {size_t{0}, size_t{4}, size_t{12}, size_t{100}, size_t{1000}, size_t{20000}, size_t{100000},
                   bytes.size() / 2, bytes.size() - 1000, bytes.size() - 1}) {
    std::string path = dir + "/cut-" + std::to_string(n) + ".ttf";
    write_file(path, bytes.substr(0, n));
    std::string error;
    EXPECT_EQ(font::Face::load(path, 0, 0, &error), nullptr) << n;
    EXPECT_FALSE(error.empty()) << n;
    if (n >= 12) {
      EXPECT_NE(error.find("the file is truncated"), std::string::npos) << n << ": " << error;
    }
  }
  std::string error;
  EXPECT_NE(font::Face::load(source, 0, 0, &error), nullptr) << error;
}

TEST(TruncatedFont, CollectionFaceBeyondTheEnd) {
  // A 'ttcf' header naming one face whose table directory lies past the end.
  std::string ttc("ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x10\x00", 16);
  std::string dir = make_temp_dir();
  write_file(dir + "/cut.ttc", ttc);
  std::string error;
  EXPECT_EQ(font::Face::load(dir + "/cut.ttc", 0, 0, &error), nullptr);
  EXPECT_FALSE(error.empty());
}

// --- TOML nesting and text length (load) ---

load::LoadOptions options_for(const std::string& root) { return load::LoadOptions{root, {}}; }

const char* kMeta = "[meta]\ntitle = \"T\"\nlanguage = \"az\"\ndate = \"2026-01-20\"\n";

// 100 000 dotted parts (200 kB) overflowed the stack inside toml++ (SIGSEGV).
TEST(TomlNesting, ThousandsOfDottedPartsAreRefusedBeforeParsing) {
  std::string text = std::string(kMeta) + "[a";
  for (int i = 0; i < 100000; ++i) text += ".a";
  text += "]\nx = 1\n";
  DiagnosticSink sink;
  EXPECT_FALSE(load::load_document_text("content/az.toml", text, options_for(make_temp_dir()), sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(format_diagnostic(sink.diagnostics()[0]),
            "content/az.toml:5:2: error: this dotted key has more than 32 parts — no layout or content key nests "
            "this deep; check the table header or key");
}

TEST(TomlNesting, DeepInlineArraysAndTablesAreRefused) {
  for (const char* open : {"[", "{ a = "}) {
    std::string text = std::string(kMeta) + "x = ";
    for (int i = 0; i < 40; ++i) text += open;
    DiagnosticSink sink;
    EXPECT_FALSE(load::load_document_text("content/az.toml", text, options_for(make_temp_dir()), sink));
    ASSERT_FALSE(sink.diagnostics().empty());
    EXPECT_EQ(sink.diagnostics()[0].message, "arrays and inline tables nest more than 32 levels deep") << open;
  }
}

TEST(TomlNesting, StringsAndCommentsDoNotCount) {
  std::string dots;
  for (int i = 0; i < 100; ++i) dots += "a.";
  std::string text = std::string(kMeta) + "# " + dots + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n" +
                     "[[block]]\ntype = \"paragraph\"\ntext = \"" + dots + " [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n" +
                     "[[block]]\ntype = \"paragraph\"\ntext = '''\n" + dots + "\n{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{'''\n";
  DiagnosticSink sink;
  EXPECT_TRUE(load::load_document_text("content/az.toml", text, options_for(make_temp_dir()), sink))
      << (sink.diagnostics().empty() ? "" : format_diagnostic(sink.diagnostics()[0]));
}

TEST(TextLength, ATextOfMoreThanTenThousandCharactersIsRefused) {
  std::string word = "ə";  // two bytes, one character: the limit counts characters
  std::string ok, too_long;
  for (int i = 0; i < 10000; ++i) ok += word;
  too_long = ok + word;
  auto load = [&](const std::string& text, DiagnosticSink& sink) {
    return load::load_document_text("content/az.toml",
                                     std::string(kMeta) + "[[block]]\ntype = \"paragraph\"\ntext = \"" + text + "\"\n",
                                     options_for(make_temp_dir()), sink)
        .has_value();
  };
  DiagnosticSink fine;
  EXPECT_TRUE(load(ok, fine));
  DiagnosticSink sink;
  EXPECT_FALSE(load(too_long, sink));
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(format_diagnostic(sink.diagnostics()[0]),
            "content/az.toml:7:8: error: 'block[1].text' is 10001 characters long; a text may have at most 10000 — "
            "split it into several paragraphs or blocks");
}

}  // namespace
}  // namespace jan20::robust
