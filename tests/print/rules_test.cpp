// The print rules that stop or warn a build, at the line that causes them,
// and the preflight in --report, checked against what qpdf, pdffonts,
// pdfimages and Ghostscript read from the written PDF.
#include <gtest/gtest.h>

#include <regex>

#include "print_support.h"

namespace jan20::testing {
namespace {

void replace_once(std::string& text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

TEST(PrintRules, LayoutColourOverTheInkLimitIsAnErrorAtItsDefinition) {
  std::string project = copy_project();
  std::string layout = read_file(project + "/layouts/booklet.toml");
  replace_once(layout, "cmyk = [0, 0, 0, 100]             # (11", "cmyk = [100, 90, 90, 100]         # (11");
  write_file(project + "/layouts/booklet.toml", layout);
  int line = line_of(layout, "cmyk = [100, 90, 90, 100]");
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "az"});
  EXPECT_EQ(r.exit_code, 1);
  // Line and column of the value: `cmyk = [` puts it in column 8.
  EXPECT_NE(r.err.find("layouts/booklet.toml:" + std::to_string(line) +
                       ":8: error: colour 'cover-dark' uses 380% ink, over the page's ink-limit of 300%"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(file_exists(project + "/out/booklet.az.pdf"));
}

TEST(PrintRules, RgbColourThatPrintsOverTheInkLimitIsAnError) {
  std::string project = copy_project();
  std::string layout = read_file(project + "/layouts/booklet.toml");
  replace_once(layout, "ink-limit = 300", "ink-limit = 250");
  // Almost black in RGB: the naive conversion gives 0 100 100 99.6.
  layout += "\n[colors.deep]\nrgb = \"#010000\"\n";
  write_file(project + "/layouts/booklet.toml", layout);
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "az"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::regex_search(
      r.err, std::regex("layouts/booklet\\.toml:1:1: error: colour 'deep' prints as 299\\.6% ink in CMYK, over the "
                        "ink-limit of 250%")))
      << r.err;
  EXPECT_FALSE(file_exists(project + "/out/booklet.az.pdf"));
  // On screen there is no ink: the same layout builds.
  CommandResult screen = jan20({"-C", project, "build", "booklet", "--lang", "az", "--target", "screen", "--quiet"});
  EXPECT_EQ(screen.exit_code, 0) << screen.err;
}

// A copy of the project whose English booklet shows a 150 × 100 pixel
// grayscale image (about 33 ppi across the text measure).
std::string project_with_small_image(int* figure_line) {
  std::string project = copy_project();
  write_gray_png(project + "/content/small.png", 150, 100);
  std::string content = read_file(project + "/content/booklet/en.toml");
  std::string figure =
      "[[block]]\ntype = \"figure\"\nimage = \"content/small.png\"\nalt = \"A gray gradient\"\n\n";
  replace_once(content, "# ── Back cover", figure + "# ── Back cover");
  write_file(project + "/content/booklet/en.toml", content);
  *figure_line = line_of(content, "type = \"figure\"\nimage = \"content/small.png\"") - 1;
  return project;
}

TEST(PrintRules, LowResolutionImageWarnsAndStrictMakesItAnError) {
  int line = 0;
  std::string project = project_with_small_image(&line);
  std::string report = project + "/report.json";
  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "en", "--report", report});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.err, m,
      std::regex("content/booklet/en\\.toml:" + std::to_string(line) +
                 ":\\d+: warning: page (\\d+): image '[^']*small\\.png' has (\\d+) ppi at its printed size \\(150 x 100 "
                 "pixels on [0-9.]+ x [0-9.]+ mm\\), under 300 ppi")))
      << r.err;
  int page = std::stoi(m[1]);
  int ppi = std::stoi(m[2]);
  EXPECT_LT(ppi, 300);
  // pdfimages reads the image's resolution from the PDF as placed.
  CommandResult list = run({"pdfimages", "-list", "-f", std::to_string(page), "-l", std::to_string(page),
                            project + "/out/booklet.en.pdf"});
  std::smatch row;
  ASSERT_TRUE(std::regex_search(list.out, row, std::regex("\\n\\s*\\d+\\s+\\d+\\s+image\\s+150\\s+100\\s+gray\\s+1\\s+8\\s+"
                                                          "\\S+\\s+\\S+\\s+\\d+\\s+\\d+\\s+(\\d+)\\s+(\\d+)")))
      << list.out;
  EXPECT_NEAR(std::stoi(row[1]), ppi, 1);
  // The report gives the same, and the gray image keeps the page free of RGB.
  std::string json = read_file(report);
  std::smatch img;
  ASSERT_TRUE(std::regex_search(json, img, std::regex("\"pixels\":\\[150,100\\],\"size_pt\":\\[[0-9.]+,[0-9.]+\\],"
                                                      "\"ppi\":([0-9.]+),\"color_space\":\"DeviceGray\"")))
      << json.substr(0, 2000);
  EXPECT_NEAR(std::stod(img[1]), ppi, 0.5);

  CommandResult strict = jan20({"-C", project, "build", "booklet", "--lang", "en", "--strict", "--out", "strict"});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_NE(strict.err.find("under 300 ppi"), std::string::npos) << strict.err;
  EXPECT_NE(strict.err.find("booklet en: not written"), std::string::npos) << strict.err;
  EXPECT_FALSE(file_exists(project + "/strict/booklet.en.pdf"));
}

// Bug (issue 14): preflight read only the first 64 kB of an image for its
// colour space, so an RGB photo whose frame header lies further in (behind
// an ICC profile, as cameras and editors write them) lost its "is RGB"
// warning on the print target, and --strict let it through. The colour now
// comes from the header the loader read from the whole file.
TEST(PrintRules, RgbJpegWithItsFrameHeaderPast64KbStillWarns) {
  std::string project = copy_project();
  std::string jpeg = project + "/content/photo.jpg";
  // 1600 x 1200 RGB pixels: over 300 ppi across the booklet's measure, so the
  // RGB warning is the only one.
  CommandResult gs = run({"gs", "-q", "-sDEVICE=jpeg", "-g1600x1200", "-r300", "-o", jpeg, "-c",
                          "0.2 0.4 0.8 setrgbcolor clippath fill showpage"});
  ASSERT_EQ(gs.exit_code, 0) << gs.err;
  std::string bytes = read_file(jpeg), app2;
  for (int i = 0; i < 3; ++i)  // three APP2 segments of 64 kB: the frame header lands past 190 kB
    app2 += std::string("\xFF\xE2\xFF\xFF", 4) + "ICC_PROFILE" + std::string(65533 - 11, '\0');
  write_file(jpeg, bytes.substr(0, 2) + app2 + bytes.substr(2));
  std::string content = read_file(project + "/content/booklet/en.toml");
  replace_once(content, "# ── Back cover",
               "[[block]]\ntype = \"figure\"\nimage = \"content/photo.jpg\"\nalt = \"A blue field\"\n\n# ── Back cover");
  write_file(project + "/content/booklet/en.toml", content);

  CommandResult r = jan20({"-C", project, "build", "booklet", "--lang", "en"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::regex_search(r.err, std::regex("content/booklet/en\\.toml:\\d+:\\d+: warning: page \\d+: image "
                                                  "'[^']*photo\\.jpg' is RGB")))
      << r.err;
  EXPECT_EQ(r.err.find("ppi"), std::string::npos) << r.err;
  // pdfimages agrees: the image is in the PDF, 1600 x 1200, RGB.
  CommandResult list = run({"pdfimages", "-list", project + "/out/booklet.en.pdf"});
  EXPECT_TRUE(std::regex_search(list.out, std::regex("image\\s+1600\\s+1200\\s+rgb"))) << list.out;

  CommandResult strict = jan20({"-C", project, "build", "booklet", "--lang", "en", "--strict", "--out", "strict"});
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  EXPECT_NE(strict.err.find("is RGB"), std::string::npos) << strict.err;
  EXPECT_FALSE(file_exists(project + "/strict/booklet.en.pdf"));
}

// Values of `"key":[a,b,c,d]` in order of appearance.
std::vector<PdfBox> report_boxes(const std::string& json, const std::string& key) {
  std::vector<PdfBox> out;
  std::string n = "(-?[0-9.]+)";
  std::regex re("\"" + key + "\":\\[" + n + "," + n + "," + n + "," + n + "\\]");
  for (std::sregex_iterator it(json.begin(), json.end(), re), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4])});
  return out;
}

TEST(PrintRules, PreflightReportAgreesWithTheWrittenPdf) {
  std::string out = make_temp_dir();
  std::string report = out + "/report.json";
  CommandResult r = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--quiet", "--out", out, "--report", report});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string json = read_file(report);
  std::string pdf = out + "/booklet.az.pdf";
  ASSERT_NE(json.find("\"preflight\":{\"target\":\"print\",\"output_intent\":\"default_cmyk.icc\""), std::string::npos)
      << json.substr(0, 500);

  // Boxes: as in the page dictionaries.
  std::vector<PdfBox> trims = report_boxes(json, "trim_box"), bleeds = report_boxes(json, "bleed_box");
  std::vector<int> ids = page_object_ids(pdf);
  ASSERT_EQ(trims.size(), ids.size());
  ASSERT_EQ(bleeds.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string dict = object_json(pdf, ids[i]);
    auto trim = box_key(dict, "/TrimBox"), bleed = box_key(dict, "/BleedBox");
    ASSERT_TRUE(trim && bleed);
    for (int k = 0; k < 4; ++k) {
      EXPECT_NEAR(trims[i][k], (*trim)[k], 0.01) << "page " << i + 1;
      EXPECT_NEAR(bleeds[i][k], (*bleed)[k], 0.01) << "page " << i + 1;
    }
  }

  // Colour spaces: CMYK only; the highest ink of a page bounds Ghostscript's
  // average for it and stays within the limit.
  std::regex page_re("\\{\"page\":(\\d+),[^\\n]*\"color_spaces\":\\[([^\\]]*)\\],\"max_fill_ink\":([0-9.]+)");
  std::vector<std::array<double, 4>> inks = ink_coverage(pdf, "ink_cov");
  int pages = 0, cmyk_pages = 0;
  for (std::sregex_iterator it(json.begin(), json.end(), page_re), end; it != end; ++it) {
    int page = std::stoi((*it)[1]);
    // CMYK only; a blank padding page uses no colour at all.
    EXPECT_TRUE((*it)[2].str() == "\"DeviceCMYK\"" || (*it)[2].str().empty()) << "page " << page;
    cmyk_pages += (*it)[2].str() == "\"DeviceCMYK\"";
    double max_ink = std::stod((*it)[3]);
    ASSERT_LE(static_cast<size_t>(page), inks.size());
    const auto& ink = inks[static_cast<size_t>(page - 1)];
    EXPECT_GE(max_ink + 0.5, ink[0] + ink[1] + ink[2] + ink[3]) << "page " << page;
    EXPECT_LE(max_ink, 300);
    ++pages;
  }
  EXPECT_EQ(pages, 12);
  EXPECT_EQ(cmyk_pages, 12);  // no blank padding page: every page carries ink
  // The cover's background is the layout's cover-dark, 0 0 0 100 (K alone:
  // type is reversed out of it); the inkiest fill is its carnation's leaf, 75 10 90 35.
  EXPECT_NE(json.find("{\"page\":1,"), std::string::npos);
  EXPECT_TRUE(std::regex_search(json, std::regex("\\{\"page\":1,[^\\n]*\"max_fill_ink\":210,"))) << json.substr(0, 1500);

  // Fonts: each one the report names is in pdffonts as embedded and subset.
  std::string fonts = pdffonts(pdf);
  std::regex font_re("\\{\"postscript_name\":\"([^\"]+)\",\"embedded\":true,\"subset\":true\\}");
  int named = 0;
  for (std::sregex_iterator it(json.begin(), json.end(), font_re), end; it != end; ++it) {
    ++named;
    EXPECT_TRUE(std::regex_search(fonts, std::regex("[A-Z]{6}\\+" + (*it)[1].str() + "\\s.*yes\\s+yes\\s+yes")))
        << (*it)[1] << "\n" << fonts;
  }
  EXPECT_GE(named, 3);
}

}  // namespace
}  // namespace jan20::testing
