// Every kind of PDF the command makes must pass qpdf --check and render in
// poppler (pdftoppm), MuPDF (mutool draw) and Ghostscript without a word of
// complaint. tests/documents checks the four real editions as built by
// default; this sweep covers the other outputs: every image format the
// writer embeds, the screen target, crop marks, untagged output, and the
// block types the real booklet has in one edition only.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "model/paged.h"
#include "pdf/write_pdf.h"
#include "robust_support.h"

namespace jan20::robust {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::source_dir;

// A copy of the repository's project (layouts, fonts, content).
std::string copy_of_repository_project() {
  std::string dir = testing::make_temp_dir();
  for (const char* part : {"jan20.toml", "layouts", "fonts", "content"})
    fs::copy(fs::path(source_dir()) / part, fs::path(dir) / part, fs::copy_options::recursive);
  return dir;
}

// The booklet's Azerbaijani edition replaced by one that shows every image
// kind of fuzz/project/content/images and every block type.
std::string images_and_blocks_project() {
  std::string dir = copy_of_repository_project();
  for (const char* image : {"gradient.png", "rgba.png", "palette.png", "rgb16.png", "dot.png", "photo.jpg"})
    put(dir, std::string("content/images/") + image,
        read_file(source_dir() + "/fuzz/project/content/images/" + image));
  // A photo whose ICC profile (APP2 segments, 190 kB) puts its frame header
  // far into the file: the layout read only the first 64 kB and refused it.
  std::string jpeg = jpeg_file(), app2;
  for (int i = 0; i < 3; ++i)
    app2 += std::string("\xFF\xE2\xFF\xFF", 4) + "ICC_PROFILE" + std::string(65533 - 11, '\0');
  put(dir, "content/images/profiled.jpg", jpeg.substr(0, 2) + app2 + jpeg.substr(2));
  std::string content =
      "[meta]\ntitle = \"20 Yanvar\"\nlanguage = \"az\"\ndate = \"2026-01-20\"\nurl = \"https://az.wikipedia.org\"\n"
      "[[block]]\ntype = \"heading\"\nlevel = 1\ntext = \"Şəkillər və bloklar\"\n"
      "[[block]]\ntype = \"contents\"\n"
      "[[block]]\ntype = \"paragraph\"\ntext = \"Bu nəşr *hər növ* şəkli və **hər növ** bloku göstərir: "
      "[keçid](https://az.wikipedia.org/wiki/Qanl%C4%B1_Yanvar).\"\n";
  for (const char* image :
       {"gradient.png", "rgba.png", "palette.png", "rgb16.png", "dot.png", "photo.jpg", "profiled.jpg"})
    content += std::string("[[block]]\ntype = \"figure\"\nimage = \"content/images/") + image +
               "\"\nalt = \"Sınaq şəkli\"\ncaption = \"" + image + "\"\ncredit = \"jan20-pdf\"\n";
  content +=
      "[[block]]\ntype = \"heading\"\nlevel = 2\ntext = \"Bloklar\"\n"
      "[[block]]\ntype = \"quote\"\ntext = \"Xalqımızın azadlıq uğrunda mübarizəsi.\"\nattribution = \"Milli Məclis\"\n"
      "[[block]]\ntype = \"list\"\nnumbered = true\nitems = [\"birinci\", \"ikinci\", \"üçüncü\"]\n"
      "[[block]]\ntype = \"facts\"\nfacts = [{ value = \"150\", label = \"həlak olan\" }, { value = \"744\", label = "
      "\"yaralanan\" }]\n"
      "[[block]]\ntype = \"timeline\"\nentries = [{ date = \"19–20 yanvar 1990\", event = \"Faciə.\" }]\n"
      "[[block]]\ntype = \"names\"\nheader = [\"Latın\", \"Kiril\", \"Ərəb\"]\nrows = [[{ text = \"Azərbaycan\", lang = "
      "\"az\" }, { text = \"Азәрбајҹан\", lang = \"az-Cyrl\" }, { text = \"آذربایجان\", lang = \"az-Arab\" }]]\n"
      "[[block]]\ntype = \"figure\"\nornament = \"flag\"\nalt = \"Bayraq\"\n";
  put(dir, "content/booklet/az.toml", content);
  return dir;
}

struct Output {
  std::string name;
  std::function<std::string()> project;
  std::vector<std::string> args;  // after "build"
  std::vector<std::string> pdfs;  // relative to out/
};
void PrintTo(const Output& o, std::ostream* os) { *os << o.name; }

class EveryPdf : public ::testing::TestWithParam<Output> {};

TEST_P(EveryPdf, PassesQpdfAndRendersInPopplerMupdfAndGhostscriptCleanly) {
  const Output& o = GetParam();
  std::string dir = o.project();
  std::vector<std::string> args = {"-C", dir, "build", "--quiet"};
  args.insert(args.end(), o.args.begin(), o.args.end());
  testing::CommandResult r = jan20(args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const std::string& pdf : o.pdfs) {
    ASSERT_TRUE(testing::file_exists(dir + "/out/" + pdf)) << pdf;
    EXPECT_EQ(pdf_complaints(dir + "/out/" + pdf), "") << pdf;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Outputs, EveryPdf,
    ::testing::Values(
        Output{"images_and_blocks_print_marks", images_and_blocks_project,
               {"booklet", "--lang", "az", "--marks"}, {"booklet.az.pdf"}},
        Output{"images_and_blocks_screen_untagged", images_and_blocks_project,
               {"booklet", "--lang", "az", "--target", "screen", "--untagged"}, {"booklet.az.pdf"}},
        Output{"minimal_poster_frame", buildable_project, {}, {"test.az.pdf"}},
        Output{"poster_screen", copy_of_repository_project, {"poster", "--target", "screen"},
               {"poster.az.pdf", "poster.en.pdf"}},
        Output{"booklet_en_marks_untagged", copy_of_repository_project,
               {"booklet", "--lang", "en", "--marks", "--untagged"}, {"booklet.en.pdf"}}),
    [](const auto& info) { return info.param.name; });

// A page with nothing on it (a booklet's padding to a multiple of four) had
// an empty content stream that libharu wrote as zero bytes under
// /FlateDecode: MuPDF warned "premature end of data in flate filter" and
// Ghostscript reported a page drawing error.
TEST(EveryPdf, BlankPagesAreWellFormed) {
  model::PagedDocument doc;
  doc.info.date = "2026-01-20";
  model::Page blank;
  blank.width = 420;
  blank.height = 595;
  doc.pages = {blank, blank};
  std::string dir = testing::make_temp_dir();
  for (pdf::Target target : {pdf::Target::Print, pdf::Target::Screen}) {
    pdf::PdfOptions options;
    options.target = target;
    DiagnosticSink sink;
    ASSERT_TRUE(pdf::write_pdf(doc, options, dir + "/blank.pdf", sink));
    EXPECT_EQ(pdf_complaints(dir + "/blank.pdf"), "");
  }
}

}  // namespace
}  // namespace jan20::robust
