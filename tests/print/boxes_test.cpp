// Page boxes as a print shop reads them: the keys themselves in every page
// dictionary (qpdf --json; `pdfinfo -box` would fill absent boxes in from
// the CropBox), the output intent, the colour operators, and printer's marks
// that grow the MediaBox without touching the bleed.
#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "core/units.h"
#include "print_support.h"

namespace jan20::testing {
namespace {

constexpr double kBleed = 3 * 72 / 25.4;  // the layouts' 3 mm
constexpr double kTol = 0.01;             // pt

struct Trim {
  const char* edition;
  double width_mm, height_mm;  // the layout's trim size
};
// layouts/booklet.toml: A5; layouts/poster.toml: A2.
const Trim kEditions[] = {{"booklet.az", 148, 210}, {"booklet.en", 148, 210}, {"poster.az", 420, 594},
                          {"poster.en", 420, 594}};

double width(const PdfBox& b) { return b[2] - b[0]; }
double height(const PdfBox& b) { return b[3] - b[1]; }

TEST(PrintBoxes, EveryPageDictionaryHasTrimAndBleedBoxOfTheLayoutsSize) {
  std::string out = make_temp_dir();
  CommandResult r = jan20({"-C", source_dir(), "build", "--quiet", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const Trim& t : kEditions) {
    std::string pdf = out + "/" + t.edition + ".pdf";
    std::vector<int> pages = page_object_ids(pdf);
    ASSERT_FALSE(pages.empty()) << t.edition;
    for (size_t i = 0; i < pages.size(); ++i) {
      SCOPED_TRACE(std::string(t.edition) + " page " + std::to_string(i + 1));
      std::string dict = object_json(pdf, pages[i]);
      auto media = box_key(dict, "/MediaBox"), bleed = box_key(dict, "/BleedBox"), trim = box_key(dict, "/TrimBox");
      ASSERT_TRUE(media && bleed && trim) << dict.substr(0, 600);
      EXPECT_NEAR(width(*trim), mm_to_pt(t.width_mm), kTol);
      EXPECT_NEAR(height(*trim), mm_to_pt(t.height_mm), kTol);
      // The bleed is 3 mm on every side of the trim; without marks the
      // MediaBox is the BleedBox.
      EXPECT_NEAR((*trim)[0] - (*bleed)[0], kBleed, kTol);
      EXPECT_NEAR((*trim)[1] - (*bleed)[1], kBleed, kTol);
      EXPECT_NEAR((*bleed)[2] - (*trim)[2], kBleed, kTol);
      EXPECT_NEAR((*bleed)[3] - (*trim)[3], kBleed, kTol);
      for (int k = 0; k < 4; ++k) EXPECT_NEAR((*media)[k], (*bleed)[k], kTol);
    }
  }
}

// Every number of every colour operator in `content`: "c m y k k" and "r g b rg".
std::vector<std::string> operators(const std::string& content, const std::string& op) {
  std::vector<std::string> found;
  std::regex re("(?:^|\\s)((?:[0-9.]+ ){" + std::string(op == "k" || op == "K" ? "4" : "3") + "})" + op + "(?=\\s)");
  for (std::sregex_iterator it(content.begin(), content.end(), re), end; it != end; ++it) found.push_back((*it)[1]);
  return found;
}

TEST(PrintBoxes, PrintTargetIsCmykWithAPdfxOutputIntent) {
  std::string out = make_temp_dir();
  CommandResult r = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--quiet", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string pdf = out + "/booklet.az.pdf";
  std::string qdf = qdf_text(pdf);
  EXPECT_NE(qdf.find("/OutputIntents"), std::string::npos);
  EXPECT_NE(qdf.find("/S /GTS_PDFX"), std::string::npos);
  EXPECT_NE(qdf.find("/DestOutputProfile"), std::string::npos);
  EXPECT_EQ(qdf.find("/DeviceRGB"), std::string::npos);
  std::vector<std::string> contents = page_contents(pdf);
  ASSERT_EQ(contents.size(), 12u);
  int cmyk = 0;
  for (size_t i = 0; i < contents.size(); ++i) {
    EXPECT_TRUE(operators(contents[i], "rg").empty()) << "page " << i + 1;
    EXPECT_TRUE(operators(contents[i], "RG").empty()) << "page " << i + 1;
    cmyk += static_cast<int>(operators(contents[i], "k").size());
  }
  EXPECT_GT(cmyk, 16);
  // Fonts: every one embedded (pdffonts' "emb" column).
  std::string fonts = pdffonts(pdf);
  EXPECT_FALSE(std::regex_search(fonts, std::regex("\\s+no\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+0\\s*\\n"))) << fonts;
}

// The decoded stream of the output intent's CMYK profile (qpdf), found by
// its /Alternate in the whole file's JSON.
std::string output_profile(const std::string& pdf) {
  CommandResult json = run({"qpdf", "--json", "--json-key=qpdf", pdf});
  std::smatch m;
  std::regex profile("\"obj:(\\d+) 0 R\": \\{\\s*\"stream\": \\{\\s*\"dict\": \\{[^}]*\"/Alternate\": \"/DeviceCMYK\"");
  if (!std::regex_search(json.out, m, profile)) return {};
  return run({"qpdf", "--show-object=" + m[1].str(), "--filtered-stream-data", pdf}).out;
}

TEST(PrintBoxes, OutputProfileIsTheIccFileWhetherStoredCompressedOrCompressedNow) {
  // Ghostscript's default profile is embedded with the stream compressed
  // when jan20-pdf was built (pdf/known_profiles.h); any other profile is
  // compressed while writing. Either way it must decode to the file itself.
  const std::string installed = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
  ASSERT_TRUE(file_exists(installed));
  std::string original = read_file(installed);
  ASSERT_GT(original.size(), 128u);
  std::string out = make_temp_dir();
  ASSERT_EQ(jan20({"-C", source_dir(), "build", "poster", "--lang", "en", "--quiet", "--out", out}).exit_code, 0);
  EXPECT_EQ(output_profile(out + "/poster.en.pdf"), original);

  // The same profile with one reserved header byte changed: not known.
  std::string changed = original;
  changed[120] = static_cast<char>(changed[120] ^ 0x5A);
  std::string icc = make_temp_dir() + "/changed.icc";
  write_file(icc, changed);
  std::string out2 = make_temp_dir();
  CommandResult r = jan20({"-C", source_dir(), "build", "poster", "--lang", "en", "--icc", icc, "--quiet", "--out", out2});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(output_profile(out2 + "/poster.en.pdf"), changed);
  std::string check;
  EXPECT_TRUE(qpdf_check_clean(out2 + "/poster.en.pdf", &check)) << check;
}

TEST(PrintBoxes, ScreenTargetIsRgbAtTrimSizeWithoutPrintBoxes) {
  std::string out = make_temp_dir();
  CommandResult r =
      jan20({"-C", source_dir(), "build", "booklet", "--lang", "en", "--target", "screen", "--marks", "--quiet", "--out", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string pdf = out + "/booklet.en.pdf";
  std::vector<int> pages = page_object_ids(pdf);
  ASSERT_EQ(pages.size(), 12u);
  for (int id : pages) {
    std::string dict = object_json(pdf, id);
    auto media = box_key(dict, "/MediaBox");
    ASSERT_TRUE(media);
    EXPECT_NEAR(width(*media), mm_to_pt(148), kTol);  // trim size: no bleed, no marks
    EXPECT_NEAR(height(*media), mm_to_pt(210), kTol);
    EXPECT_FALSE(box_key(dict, "/TrimBox"));
    EXPECT_FALSE(box_key(dict, "/BleedBox"));
  }
  std::string qdf = qdf_text(pdf);
  EXPECT_EQ(qdf.find("/OutputIntents"), std::string::npos);
  int rgb = 0;
  for (const std::string& content : page_contents(pdf)) {
    EXPECT_TRUE(operators(content, "k").empty());
    EXPECT_TRUE(operators(content, "K").empty());
    rgb += static_cast<int>(operators(content, "rg").size());
  }
  EXPECT_GT(rgb, 16);
}

TEST(PrintBoxes, MarksGrowTheMediaBoxAndStayOutsideTheBleed) {
  std::string plain = make_temp_dir(), marked = make_temp_dir();
  ASSERT_EQ(jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--quiet", "--out", plain}).exit_code, 0);
  CommandResult r = jan20({"-C", source_dir(), "build", "booklet", "--lang", "az", "--marks", "--quiet", "--out", marked});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string a = plain + "/booklet.az.pdf", b = marked + "/booklet.az.pdf";
  std::string da = object_json(a, page_object_ids(a).at(1)), db = object_json(b, page_object_ids(b).at(1));
  auto media_a = box_key(da, "/MediaBox"), media_b = box_key(db, "/MediaBox");
  auto bleed_b = box_key(db, "/BleedBox"), trim_b = box_key(db, "/TrimBox"), trim_a = box_key(da, "/TrimBox");
  ASSERT_TRUE(media_a && media_b && bleed_b && trim_b && trim_a);
  // Room for the marks on every side; the trim and bleed keep their sizes.
  const double room = (*bleed_b)[0] - (*media_b)[0];
  EXPECT_GT(room, 15.0);
  EXPECT_NEAR(width(*media_b), width(*media_a) + 2 * room, kTol);
  EXPECT_NEAR(height(*media_b), height(*media_a) + 2 * room, kTol);
  EXPECT_NEAR(width(*trim_b), width(*trim_a), kTol);
  EXPECT_NEAR((*trim_b)[0] - (*bleed_b)[0], kBleed, kTol);

  // Rendered at 72 dpi (1 px = 1 pt) the page with marks is the page
  // without them, moved by `room`: inside the BleedBox nothing differs, so
  // the marks never reach it; outside it there are marks, and none within
  // 2 pt of the bleed edge.
  ASSERT_NEAR(room, std::round(room), 1e-6) << "the test needs a whole number of pixels";
  const int off = static_cast<int>(std::round(room));
  GrayRaster ga = render_gray(a, 2, 72), gb = render_gray(b, 2, 72);
  ASSERT_GT(ga.width, 0);
  ASSERT_EQ(gb.width, ga.width + 2 * off);
  long differing = 0;
  for (int y = 0; y < ga.height; ++y)
    for (int x = 0; x < ga.width; ++x) differing += ga.at(x, y) != gb.at(x + off, y + off);
  EXPECT_EQ(differing, 0);
  long dark_outside = 0, near_bleed = 0;
  for (int y = 0; y < gb.height; ++y) {
    for (int x = 0; x < gb.width; ++x) {
      bool inside = x >= off && x < off + ga.width && y >= off && y < off + ga.height;
      if (inside || gb.at(x, y) > 128) continue;
      ++dark_outside;
      bool close = x >= off - 2 && x < off + ga.width + 2 && y >= off - 2 && y < off + ga.height + 2;
      near_bleed += close;
    }
  }
  EXPECT_GT(dark_outside, 200) << "crop and registration marks";
  EXPECT_EQ(near_bleed, 0);
}

}  // namespace
}  // namespace jan20::testing
