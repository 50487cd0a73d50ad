// A photo is printed the way a viewer shows it: a JPEG's Exif orientation
// (every phone photo carries one, mostly 6) turns or mirrors the stored
// pixels, and the figure is sized and drawn upright (issue 18: a photo with
// orientation 6 was printed sideways).
//
// Each of the eight orientations gets a JPEG whose stored pixels are the
// upright picture turned the other way, so that only honouring the tag shows
// it upright. ImageMagick (identify, convert -auto-orient) confirms each file
// first; then the build's page, rendered by pdftoppm, must show the picture
// upright: landscape, red top left, green top right, blue bottom left,
// yellow bottom right.
#include <gtest/gtest.h>

#include "core/image_file.h"
#include "robust_support.h"

namespace jan20::robust {
namespace {

using testing::CommandResult;
using testing::run;

struct Orientation {
  int value;
  std::string turn;      // what makes the stored pixels from the upright picture (convert options)
  std::string im_name;   // ImageMagick's name for the tag
};
void PrintTo(const Orientation& o, std::ostream* os) { *os << o.value; }

const std::vector<Orientation>& orientations() {
  static const std::vector<Orientation> all = {
      {1, "", "TopLeft"},           {2, "-flop", "TopRight"},    {3, "-rotate 180", "BottomRight"},
      {4, "-flip", "BottomLeft"},   {5, "-transpose", "LeftTop"}, {6, "-rotate 270", "RightTop"},
      {7, "-transverse", "RightBottom"}, {8, "-rotate 90", "LeftBottom"},
  };
  return all;
}

// The four quadrants' colours as a letter: r g b y, or '?' for anything else.
char colour_of(std::array<int, 3> p) {
  bool r = p[0] > 160, g = p[1] > 160, b = p[2] > 160;
  bool r0 = p[0] < 90, g0 = p[1] < 90, b0 = p[2] < 90;
  if (r && g0 && b0) return 'r';
  if (r0 && g && b0) return 'g';
  if (r0 && g0 && b) return 'b';
  if (r && g && b0) return 'y';
  return '?';
}

// The bounding box of the picture's colours in a raster, and the colours at
// the centres of its quadrants, top left, top right, bottom left, bottom right.
struct Seen {
  int width = 0, height = 0;
  std::string quadrants;
};
Seen look(const Raster& r) {
  int left = r.width, right = -1, top = r.height, bottom = -1;
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x)
      if (colour_of(r.at(x, y)) != '?') {
        left = std::min(left, x), right = std::max(right, x);
        top = std::min(top, y), bottom = std::max(bottom, y);
      }
  Seen s;
  if (right < 0) return s;
  s.width = right - left + 1;
  s.height = bottom - top + 1;
  for (double fy : {0.25, 0.75})
    for (double fx : {0.25, 0.75})
      s.quadrants += colour_of(r.at(left + int(fx * s.width), top + int(fy * s.height)));
  return s;
}

class ExifOrientation : public ::testing::TestWithParam<Orientation> {};

TEST_P(ExifOrientation, PhotoIsPrintedUpright) {
  const Orientation& o = GetParam();
  std::string dir = buildable_project();
  // The upright picture: 90 × 60, four colours.
  CommandResult made = testing::run_shell(
      "cd '" + dir + "' && convert -size 45x30 xc:red xc:lime +append \\( -size 45x30 xc:blue xc:yellow +append \\) "
      "-append +repage " + o.turn + " -quality 95 stored.jpg");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  std::string jpeg = jpeg_with_exif_orientation(testing::read_file(dir + "/stored.jpg"), o.value, o.value % 2 == 1);
  put(dir, "content/images/photo.jpg", jpeg);

  // What a viewer makes of the file (ImageMagick, which we did not write).
  CommandResult tag = run({"identify", "-format", "%[orientation]", dir + "/content/images/photo.jpg"});
  ASSERT_EQ(tag.out, o.im_name) << tag.err;
  ASSERT_EQ(run({"convert", dir + "/content/images/photo.jpg", "-auto-orient", dir + "/viewer.ppm"}).exit_code, 0);
  Seen viewer = look(read_ppm(dir + "/viewer.ppm"));
  ASSERT_EQ(viewer.width, 90);
  ASSERT_EQ(viewer.height, 60);
  ASSERT_EQ(viewer.quadrants, "rgby");

  put(dir, "content/test/az.toml",
      "[meta]\ntitle = \"20 Yanvar\"\nlanguage = \"az\"\ndate = \"2026-01-20\"\n\n"
      "[[block]]\nframe = \"headline\"\ntype = \"figure\"\nimage = \"content/images/photo.jpg\"\nalt = \"Dörd rəng\"\n");
  CommandResult built = jan20({"-C", dir, "build", "--target", "screen", "--report", "report.json"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  // The report gives the pixels as shown: 90 wide, 60 high, whatever the orientation.
  EXPECT_NE(testing::read_file(dir + "/report.json").find("\"pixels\":[90,60]"), std::string::npos);
  std::string pdf = dir + "/out/test.az.pdf";
  EXPECT_EQ(pdf_complaints(pdf), "");
  ASSERT_EQ(run({"pdftoppm", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, dir + "/page"}).exit_code, 0);
  Seen printed = look(read_ppm(dir + "/page.ppm"));
  ASSERT_GT(printed.height, 20) << "no picture found on the page";
  EXPECT_NEAR(double(printed.width) / printed.height, 1.5, 0.05) << printed.width << " x " << printed.height;
  EXPECT_EQ(printed.quadrants, "rgby");
}

INSTANTIATE_TEST_SUITE_P(AllEight, ExifOrientation, ::testing::ValuesIn(orientations()),
                         [](const auto& info) { return std::to_string(info.param.value); });

// The tag is read from untrusted bytes: a segment cut short, an offset past
// its end, a value outside 1..8 or of the wrong type leave the picture as
// stored (what viewers do), and the file is still a whole JPEG.
TEST(ExifOrientationTag, DamagedOrOddTagsLeaveThePictureAsStored) {
  std::string jpeg = jpeg_file();
  ASSERT_EQ(inspect_image(jpeg).orientation, 1);
  for (bool little : {true, false}) {
    EXPECT_EQ(inspect_image(jpeg_with_exif_orientation(jpeg, 6, little)).orientation, 6);
    EXPECT_EQ(inspect_image(jpeg_with_exif_orientation(jpeg, 9, little)).orientation, 1);
    EXPECT_EQ(inspect_image(jpeg_with_exif_orientation(jpeg, 0, little)).orientation, 1);
  }
  std::string six = jpeg_with_exif_orientation(jpeg, 6, false);
  size_t tiff = six.find(std::string("Exif\0\0MM", 8));
  ASSERT_NE(tiff, std::string::npos);
  tiff += 6;
  std::string far_ifd = six;
  far_ifd[tiff + 7] = '\x7F';  // IFD0 past the segment's end
  std::string many_entries = six;
  many_entries[tiff + 8] = '\x7F';  // 32 000 entries in a segment of one, none the tag
  many_entries[tiff + 11] = '\x13';
  std::string wrong_type = six;
  wrong_type[tiff + 13] = 4;  // LONG instead of SHORT
  for (const std::string& odd : {far_ifd, many_entries, wrong_type}) {
    ImageFileInfo info = inspect_image(odd);
    EXPECT_EQ(info.problem, "");
    EXPECT_EQ(info.orientation, 1);
  }
  EXPECT_EQ(inspect_image(six).width, inspect_image(jpeg).width);  // the stored pixels' size
}

}  // namespace
}  // namespace jan20::robust
