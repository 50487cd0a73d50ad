// The broken-input corpus through the command: `jan20-pdf -C <project> build`
// on a project that built before, with one file broken. Every case must exit
// 1 with its exact first diagnostic (file:line:column: error: message — hint),
// must not crash, must not write a PDF and must leave the previous one
// byte-for-byte as it was.
//
// (The first diagnostic of the expected severity: warnings about other
// things may come before it.)
//
// The cases: every file of the loader's corpus (tests/load/bad_input, see its
// README), and the cases below that need files no corpus can hold (fonts and
// images cut short or damaged, symbolic links, a 17 MB file), generated into
// the project by a setup function.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <sstream>

#include "robust_support.h"

namespace jan20::robust {
namespace {

namespace fs = std::filesystem;
using testing::read_file;
using testing::source_dir;

struct Case {
  std::string name;
  // Loader corpus: the case file and the project file it replaces.
  std::string file, target;
  // Generated: changes the project; `expected` is the first diagnostic with
  // "<project>" standing for the project's absolute directory.
  std::function<void(const std::string&)> setup;
  std::string expected;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

// The baseline: the minimal project, built once; every case starts from a
// copy of it, previous PDF included.
const std::string& baseline() {
  static const std::string dir = [] {
    // date-missing expects no date from the environment either.
    unsetenv("SOURCE_DATE_EPOCH");
    std::string d = buildable_project();
    testing::CommandResult r = jan20({"-C", d, "build", "--quiet"});
    if (r.exit_code != 0) throw std::runtime_error("the baseline project does not build: " + r.err);
    return d;
  }();
  return dir;
}

// "error: 16:8: message — hint" in the case file -> what the command prints:
// "content/test/az.toml:16:8: error: message — hint".
std::string as_printed(const std::string& line, const std::string& target) {
  size_t colon = line.find(": ");
  std::string severity = line.substr(0, colon), rest = line.substr(colon + 2);
  bool own_file = !rest.empty() && rest[0] >= '0' && rest[0] <= '9';
  size_t where_end = rest.find(": ");
  return (own_file ? target + ":" : "") + rest.substr(0, where_end) + ": " + severity + ": " +
         rest.substr(where_end + 2);
}

std::string first_expected(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  return line.rfind("# ", 0) == 0 ? line.substr(2) : "";
}

const std::map<std::string, std::string>& targets() {
  static const std::map<std::string, std::string> kTargets = {
      {"project", "jan20.toml"},          {"layout", "layouts/test.toml"},
      {"content", "content/test/az.toml"}, {"manifest", "fonts/manifest.toml"},
      {"hyphenation", "layouts/hyphenation.txt"},
  };
  return kTargets;
}

std::vector<Case> corpus_cases() {
  std::vector<Case> out;
  fs::path dir = fs::path(source_dir()) / "tests/load/bad_input";
  for (const auto& [kind, target] : targets())
    for (const auto& e : fs::directory_iterator(dir / kind)) {
      Case c;
      c.name = "corpus_" + kind + "_" + e.path().stem().string();
      c.file = e.path().string();
      c.target = target;
      out.push_back(c);
    }
  return out;
}

// --- generated cases ---

const std::string kNoto = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
const std::string kFontHint =
    " — check the path (relative to the project) and that it is a .ttf, .otf or .ttc file";

// The layout names its font by path (line 11, column 8 is the value).
void use_font_file(const std::string& dir, const std::string& path) {
  std::string layout = read_file(dir + "/layouts/test.toml");
  size_t at = layout.find("family = \"Noto Serif\"");
  layout.replace(at, 21, "path = \"" + path + "\"");
  put(dir, "layouts/test.toml", layout);
}

std::function<void(const std::string&)> font_bytes(std::string bytes) {
  return [bytes](const std::string& dir) {
    put(dir, "fonts/cut.ttf", bytes);
    use_font_file(dir, "fonts/cut.ttf");
  };
}

Case font_case(const std::string& name, std::string bytes, const std::string& problem) {
  return {name, "", "", font_bytes(std::move(bytes)),
          "layouts/test.toml:11:8: error: font file: '<project>/fonts/cut.ttf'" + problem + kFontHint};
}

std::function<void(const std::string&)> image_bytes(std::string bytes) {
  return [bytes](const std::string& dir) { put(dir, "content/images/dot.png", bytes); };
}

Case image_case(const std::string& name, std::string bytes, const std::string& problem,
                const std::string& hint = "export the image again as an 8-bit PNG or a baseline JPEG") {
  return {name, "", "", image_bytes(std::move(bytes)),
          "content/test/az.toml:21:9: error: 'block[3].image' cannot be used: " + problem + " — " + hint};
}

// Replaces `from` with `to` in a project file.
std::function<void(const std::string&)> edit(const std::string& file, const std::string& from, const std::string& to) {
  return [=](const std::string& dir) {
    std::string text = read_file(dir + "/" + file);
    size_t at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("'" + from + "' not in " + file);
    put(dir, file, text.replace(at, from.size(), to));
  };
}

std::vector<Case> generated_cases() {
  std::string noto = read_file(kNoto);
  std::string png = png_file(32, 24), jpeg = jpeg_file();
  std::string not_zlib = "not a zlib stream";
  std::string tables_past_end = noto.substr(0, 12) + std::string(4, '\0');
  tables_past_end[4] = '\x7F';  // numTables 0x7F00: a directory far longer than the file
  std::string huge_text(10001, 'a');
  std::vector<Case> out = {
      // Fonts cut short or damaged, named by path in the layout.
      font_case("font_empty", "", " is empty, not a font file"),
      font_case("font_four_bytes", noto.substr(0, 4), " is not a font file (FreeType does not recognise its format)"),
      font_case("font_cut_in_table_directory", noto.substr(0, 100),
                ": the file is truncated (it ends inside its table directory)"),
      font_case("font_table_directory_too_long", tables_past_end,
                ": the file is truncated (it ends inside its table directory)"),
      font_case("font_cut_at_1_kb", noto.substr(0, 1000),
                ": the file is truncated or damaged (its 'DSIG' table runs past the end of the file, 1000 bytes)"),
      font_case("font_cut_at_100_kb", noto.substr(0, 100000),
                ": the file is truncated or damaged (its 'DSIG' table runs past the end of the file, 100000 bytes)"),
      font_case("font_missing_its_last_byte", noto.substr(0, noto.size() - 1),
                ": the file is truncated or damaged (its 'DSIG' table runs past the end of the file, " +
                    std::to_string(noto.size() - 1) + " bytes)"),
      font_case("font_is_a_png", png, " is not a font file (FreeType does not recognise its format)"),
      // The manifest names a font file that is not installed.
      {"font_missing_from_the_system", "", "",
       edit("fonts/manifest.toml", "NotoSerif-Regular.ttf", "NotoSerif-Missing.ttf"),
       "layouts/test.toml:11:8: error: font 'Noto Serif' (Regular): cannot read "
       "'/usr/share/fonts/truetype/noto/NotoSerif-Missing.ttf' — reinstall the font's package, or name another font"},
      // Paths that leave the project.
      {"font_absolute_path", "", "", [](const std::string& dir) { use_font_file(dir, kNoto); },
       "layouts/test.toml:12:8: error: path '" + kNoto +
           "' is absolute — write it relative to the project directory, or allow its folder with --allow-path"},
      {"font_parent_path", "", "",
       [](const std::string& dir) { use_font_file(dir, "../fonts/NotoSerif-Regular.ttf"); },
       "layouts/test.toml:12:8: error: path '../fonts/NotoSerif-Regular.ttf' leaves the project directory — keep "
       "the file inside the project, or allow its folder with --allow-path"},
      {"font_symlink_escape", "", "",
       [](const std::string& dir) {
         fs::create_directories(dir + "/fonts");
         fs::create_symlink(kNoto, dir + "/fonts/serif.ttf");
         use_font_file(dir, "fonts/serif.ttf");
       },
       "layouts/test.toml:12:8: error: path 'fonts/serif.ttf' leads outside the project through a symbolic link — "
       "copy the file into the project, or allow its folder with --allow-path"},
      {"image_symlink_escape", "", "",
       [png](const std::string& dir) {
         std::string outside = testing::make_temp_dir();
         put(outside, "secret.png", png);
         fs::remove(dir + "/content/images/dot.png");
         fs::create_symlink(outside + "/secret.png", dir + "/content/images/dot.png");
       },
       "content/test/az.toml:21:9: error: path 'content/images/dot.png' leads outside the project through a "
       "symbolic link — copy the file into the project, or allow its folder with --allow-path"},
      {"image_symlink_dir_escape", "", "",
       [png](const std::string& dir) {
         std::string outside = testing::make_temp_dir();
         put(outside, "dot.png", png);
         fs::remove_all(dir + "/content/images");
         fs::create_directory_symlink(outside, dir + "/content/images");
       },
       "content/test/az.toml:21:9: error: path 'content/images/dot.png' leads outside the project through a "
       "symbolic link — copy the file into the project, or allow its folder with --allow-path"},
      {"image_symlink_loop", "", "",
       [](const std::string& dir) {
         fs::remove(dir + "/content/images/dot.png");
         fs::create_symlink("loop2.png", dir + "/content/images/dot.png");
         fs::create_symlink("dot.png", dir + "/content/images/loop2.png");
       },
       "content/test/az.toml:21:9: error: path 'content/images/dot.png' is a loop of symbolic links — make the link "
       "point at the file itself"},
      {"image_dangling_symlink", "", "",
       [](const std::string& dir) {
         fs::remove(dir + "/content/images/dot.png");
         fs::create_symlink("gone.png", dir + "/content/images/dot.png");
       },
       "content/test/az.toml:21:9: error: path 'content/images/dot.png' is a symbolic link to a file that does not "
       "exist — make the link point at the file itself"},
      {"image_is_a_fifo", "", "",
       [](const std::string& dir) {
         fs::remove(dir + "/content/images/dot.png");
         if (mkfifo((dir + "/content/images/dot.png").c_str(), 0600) != 0) throw std::runtime_error("mkfifo");
       },
       "content/test/az.toml:21:9: error: 'content/images/dot.png' is a FIFO (named pipe), not a regular file — name "
       "the file itself; a pipe or a device cannot be read as a document's input"},
      {"image_is_a_directory", "", "",
       [](const std::string& dir) {
         fs::remove(dir + "/content/images/dot.png");
         fs::create_directories(dir + "/content/images/dot.png");
       },
       "content/test/az.toml:21:9: error: 'content/images/dot.png' is a directory, not a file"},
      // Images cut short, damaged or too large.
      image_case("image_empty", "", "", ""),
      image_case("image_png_signature_only", png.substr(0, 8), "truncated PNG (it ends without an IEND chunk)"),
      image_case("image_png_cut_in_header", png.substr(0, 30), "truncated PNG (chunk IHDR runs past the end of the file)"),
      image_case("image_png_cut_in_data", png.substr(0, png.size() / 2),
                 "truncated PNG (chunk IDAT runs past the end of the file)"),
      image_case("image_png_without_iend", png.substr(0, png.size() - 12), "truncated PNG (it ends without an IEND chunk)"),
      [&] {
        std::string flipped = png;
        flipped[50] = static_cast<char>(flipped[50] ^ 1);
        return image_case("image_png_bit_flipped", flipped, "damaged PNG (chunk IDAT fails its CRC check)");
      }(),
      image_case("image_png_too_many_pixels", png_header_only(12000, 9000),
                 "the image is 12000 × 9000 pixels (108 megapixels); images may have at most 80 megapixels",
                 "scale it down: 300 pixels per inch of its printed size is enough"),
      image_case("image_jpeg_cut_short", jpeg.substr(0, jpeg.size() / 2),
                 "truncated JPEG (it ends inside a marker segment)"),
      image_case("image_jpeg_without_end_marker", jpeg.substr(0, jpeg.size() - 2),
                 "truncated JPEG (the image data has no end marker)"),
      image_case("image_jpeg_soi_only", jpeg.substr(0, 3), "truncated JPEG (it ends inside a marker)"),
      // Whole chunks, right CRCs, a stream only decoding finds damaged: the
      // PDF writer's check (this aborted the process inside libharu).
      {"image_png_stream_not_zlib", "", "", image_bytes(png_file(16, 16, &not_zlib)),
       "<project>/content/images/dot.png: error: damaged PNG (its pixel data does not decompress: incorrect header check) — export the image "
       "again as an 8-bit PNG or a baseline JPEG"},
      // Caps on what is read (core/regular_file.h), checked on sparse files
      // that cost no disk: a font over 256 MiB, image data over 128 MiB
      // before the PNG's IEND.
      {"font_over_256_mib", "", "",
       [](const std::string& dir) {
         put(dir, "fonts/cut.ttf", "");
         fs::resize_file(dir + "/fonts/cut.ttf", (256u << 20) + 1);
         use_font_file(dir, "fonts/cut.ttf");
       },
       "layouts/test.toml:11:8: error: font file: '<project>/fonts/cut.ttf' is larger than the limit of 256 MiB for "
       "this kind of file" + kFontHint},
      {"image_png_data_over_128_mib", "", "",
       [png](const std::string& dir) {
         // A chunk of 129 MiB (a hole in the file) between IDAT and IEND.
         std::string head = png.substr(0, png.size() - 12);
         head += std::string("\x08\x10\x00\x00", 4) + "zzZz";
         put(dir, "content/images/dot.png", head);
         fs::resize_file(dir + "/content/images/dot.png", head.size() + (129u << 20));
         std::ofstream(dir + "/content/images/dot.png", std::ios::app | std::ios::binary)
             << std::string(4, '\0') << png.substr(png.size() - 12);
       },
       "content/test/az.toml:21:9: error: 'block[3].image': file 'content/images/dot.png' is larger than the limit "
       "of 128 MiB for this kind of file — scale it down: 300 pixels per inch of its printed size is enough"},
      {"hyphenation_file_over_16_mib", "", "",
       [](const std::string& dir) { fs::resize_file(dir + "/layouts/hyphenation.txt", (16u << 20) + 1); },
       "layouts/test.toml:6:8: error: file 'layouts/hyphenation.txt' is too large (over 16 MiB) — a layout or "
       "content file is a few kilobytes"},
      // Oversized values.
      {"content_file_over_16_mib", "", "",
       [](const std::string& dir) { put(dir, "content/test/az.toml", std::string(17 << 20, '#')); },
       "content/test/az.toml: error: file 'content/test/az.toml' is too large (over 16 MiB) — a layout or content "
       "file is a few kilobytes"},
      {"text_over_10000_characters", "", "", edit("content/test/az.toml", "Bu, *qısa* bir mətndir.", huge_text),
       "content/test/az.toml:16:8: error: 'block[2].text' is 10001 characters long; a text may have at most 10000 "
       "— split it into several paragraphs or blocks"},
      {"key_with_100000_parts", "", "",
       [](const std::string& dir) {
         std::string key = "a";
         for (int i = 0; i < 100000; ++i) key += ".a";
         put(dir, "layouts/test.toml", read_file(dir + "/layouts/test.toml") + "\n[" + key + "]\n");
       },
       "layouts/test.toml:34:2: error: this dotted key has more than 32 parts — no layout or content key nests this "
       "deep; check the table header or key"},
  };
  // The "image_empty" case is refused by the loader as not an image at all.
  for (Case& c : out)
    if (c.name == "image_empty")
      c.expected = "content/test/az.toml:21:9: error: 'block[3].image' is not a PNG or JPEG file — convert the "
                   "image to PNG or JPEG";
  return out;
}

std::vector<Case> all_cases() {
  std::vector<Case> out = corpus_cases();
  std::vector<Case> generated = generated_cases();
  out.insert(out.end(), generated.begin(), generated.end());
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  for (Case& c : out) std::replace(c.name.begin(), c.name.end(), '-', '_');
  return out;
}

class BrokenProject : public ::testing::TestWithParam<Case> {};

TEST_P(BrokenProject, ExplainsExitsOneAndKeepsThePreviousPdf) {
  const Case& c = GetParam();
  std::string dir = testing::make_temp_dir();
  fs::copy(baseline(), dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  std::string previous = read_file(dir + "/out/test.az.pdf");
  ASSERT_FALSE(previous.empty());
  std::string expected = c.expected;
  if (!c.file.empty()) {
    std::string text = read_file(c.file);
    put(dir, c.target, text);
    expected = as_printed(first_expected(text), c.target);
  } else {
    c.setup(dir);
    std::string root = fs::canonical(dir).string();
    for (size_t at; (at = expected.find("<project>")) != std::string::npos;) expected.replace(at, 9, root);
  }

  testing::CommandResult r = jan20({"-C", dir, "build"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // The first diagnostic of the expected severity (a build may warn about
  // other things first, e.g. the minimal project's one-pixel image).
  std::string severity = expected.find(": warning: ") != std::string::npos ? ": warning: " : ": error: ";
  std::string first;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);)
    if (line.find(severity) != std::string::npos || line.rfind(severity.substr(2), 0) == 0) {
      first = line;
      break;
    }
  EXPECT_EQ(first, expected) << r.err;
  EXPECT_EQ(entries(dir + "/out"), std::vector<std::string>{"test.az.pdf"}) << "a PDF or a temporary file was written";
  EXPECT_TRUE(read_file(dir + "/out/test.az.pdf") == previous) << "the previous PDF was changed";
}

INSTANTIATE_TEST_SUITE_P(Cases, BrokenProject, ::testing::ValuesIn(all_cases()),
                         [](const auto& info) { return info.param.name; });

TEST(BrokenProjectCorpus, HasAtLeastSixtyCasesWithFontsImagesPathsAndSizes) {
  std::vector<Case> cases = all_cases();
  EXPECT_GE(cases.size(), 60u);
  auto count = [&](const std::string& prefix) {
    return std::count_if(cases.begin(), cases.end(), [&](const Case& c) { return c.name.rfind(prefix, 0) == 0; });
  };
  EXPECT_GE(count("font_"), 5);
  EXPECT_GE(count("image_"), 5);
}

TEST(BrokenProjectCorpus, TheBaselineBuildsACleanPdf) {
  EXPECT_EQ(pdf_complaints(baseline() + "/out/test.az.pdf"), "");
}

// What --allow-path is for: the same font file outside the project, allowed.
TEST(AllowPath, LetsAFontOutsideTheProjectBeRead) {
  std::string dir = testing::make_temp_dir();
  fs::copy(baseline(), dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  use_font_file(dir, kNoto);
  EXPECT_EQ(jan20({"-C", dir, "build", "--quiet"}).exit_code, 1);
  testing::CommandResult r = jan20({"-C", dir, "build", "--quiet", "--allow-path", "/usr/share/fonts/truetype/noto"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // A neighbouring folder is not allowed by it.
  testing::CommandResult other = jan20({"-C", dir, "build", "--quiet", "--allow-path", "/usr/share/fonts/truetype/no"});
  EXPECT_EQ(other.exit_code, 1);
}

}  // namespace
}  // namespace jan20::robust
