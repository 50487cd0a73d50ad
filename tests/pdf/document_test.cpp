// The document around the text: boxes, colours, images, links, outline,
// info, labels, output intent, structure tree; reproducible bytes and an
// atomic write that never leaves a broken or half-written file.
#include <dirent.h>
#include <gtest/gtest.h>

#include <regex>

#include <sstream>

#include "pdf_fixture.h"
#include "support/test_support.h"

namespace jan20::testing {
namespace {

model::Path rectangle(double x, double y, double w, double h, Color fill) {
  model::Path p;
  p.segments = {{model::PathSegment::Op::Move, x, y},
                {model::PathSegment::Op::Line, x + w, y},
                {model::PathSegment::Op::Line, x + w, y + h},
                {model::PathSegment::Op::Line, x, y + h},
                {model::PathSegment::Op::Close}};
  p.fill = fill;
  return p;
}

// A three-page booklet: an unnumbered cover with a bleeding background and
// an image placed twice, then pages "1" and "2" with links and an outline.
model::PagedDocument booklet(const std::string& image_dir) {
  model::PagedDocument doc = a5_document();
  doc.info.title = "20 Yanvar — Ümumxalq Hüzn Günü";
  doc.info.author = "Azərbaycan Respublikası";
  doc.info.subject = "Şəhidlərin xatirəsinə";
  doc.info.keywords = {"20 Yanvar", "şəhidlər", "İstiqlal"};
  model::Page cover = doc.pages[0];
  cover.label = "";
  model::Path background = rectangle(-8.5, -8.5, 419.53 + 17, 200, Color::rgb(0.1, 0.1, 0.1));
  background.bleeds = true;
  cover.items.push_back(background);
  model::GlyphRun title = shape_run(kNotoSerifBold, 4, "20 Yanvar", 28, 40, 120);
  title.color = Color::gray(1);
  title.tag = 1;
  cover.items.push_back(title);
  std::string png = write_png(image_dir, "qərənfil.png", 4, 3, 200, 20, 30);
  cover.items.push_back(model::Image{png, 40, 300, 80, 60, 4, 3, 2});
  cover.items.push_back(model::Image{png, 200, 300, 40, 30, 4, 3, -1});
  model::Page p1 = doc.pages[0];
  p1.label = "1";
  model::GlyphRun text = shape_run(kNotoSerif, 0, "Şəhidlər xiyabanı", 12, 40, 60);
  text.tag = 3;
  p1.items.push_back(text);
  p1.items.push_back(model::Link{40, 48, 100, 16, "https://az.wikipedia.org/wiki/Qanlı_Yanvar", -1, 0, 4});
  // A star: a curved, even-odd filled and stroked figure drawn as vectors.
  model::Path star;
  star.segments = {{model::PathSegment::Op::Move, 300, 100},
                   {model::PathSegment::Op::Line, 330, 190},
                   {model::PathSegment::Op::Line, 255, 135},
                   {model::PathSegment::Op::Line, 345, 135},
                   {model::PathSegment::Op::Line, 270, 190},
                   {model::PathSegment::Op::Curve, 280, 150, 290, 120, 300, 100},
                   {model::PathSegment::Op::Close}};
  star.fill = Color::cmyk(0, 0.9, 0.8, 0.1);
  star.stroke = Color::gray(0);
  star.line_width = 1.5;
  star.even_odd = true;
  p1.items.push_back(star);
  p1.items.push_back(model::Link{40, 80, 100, 16, "", 2, 50, -1});
  model::Page p2 = doc.pages[0];
  p2.label = "2";
  model::GlyphRun folio = shape_run(kNotoSerif, 0, "2", 9, 205, 570);
  p2.items.push_back(folio);
  doc.pages = {cover, p1, p2};
  doc.fonts.push_back(font_resource(kNotoSerifBold));
  doc.outline = {{"20 Yanvar faciəsi", 1, 0, 0}, {"Şəhidlər xiyabanı", 2, 1, 48}, {"İstiqlal uğrunda", 1, 2, 50}};
  doc.tags = {{"Document", -1, {1, 2, 3}}, {"H1", 0, {}}, {"Figure", 0, {}, "Qərənfillər"}, {"P", 0, {4}},
              {"Link", 3, {}}};
  return doc;
}

std::string render_booklet(const pdf::PdfOptions& options = {}) {
  DiagnosticSink sink;
  std::string path = render(booklet(make_temp_dir()), sink, options);
  EXPECT_FALSE(path.empty()) << (sink.diagnostics().empty() ? "" : format_diagnostic(sink.diagnostics()[0]));
  return path;
}

// libharu writes boxes as 32-bit floats: compare to 0.001 pt.
void expect_box(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 0.001) << i;
}

std::vector<std::string> directory_entries(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d))
      if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") out.push_back(e->d_name);
    closedir(d);
  }
  return out;
}

TEST(Document, TwoRendersAreByteIdenticalWithAContentDerivedId) {
  model::PagedDocument doc = booklet(make_temp_dir());
  DiagnosticSink sink;
  std::string a = render(doc, sink), b = render(doc, sink);
  ASSERT_FALSE(a.empty());
  std::string bytes = read_file(a);
  EXPECT_EQ(bytes, read_file(b));
  size_t id = bytes.find("/ID [ <");
  ASSERT_NE(id, std::string::npos);
  EXPECT_NE(bytes.substr(id + 7, 32), std::string(32, '0'));
  doc.info.title += ".";
  std::string other = read_file(render(doc, sink));
  EXPECT_NE(other.substr(other.find("/ID [ <"), 80), bytes.substr(id, 80));
  std::string check;
  EXPECT_TRUE(qpdf_check_clean(a, &check)) << check;
}

TEST(Document, PrintBoxesOnEveryPage) {
  std::string pdf = render_booklet();
  std::string json = qpdf_json(pdf);
  expect_box(json_array(json, "MediaBox"), {0, 0, 436.53, 612.28});
  expect_box(json_array(json, "BleedBox"), {0, 0, 436.53, 612.28});
  expect_box(json_array(json, "TrimBox"), {8.5, 8.5, 428.03, 603.78});
  size_t pages = 0;
  for (size_t p = json.find("\"/TrimBox\""); p != std::string::npos; p = json.find("\"/TrimBox\"", p + 1)) ++pages;
  EXPECT_EQ(pages, 3u);
}

TEST(Document, CropMarksOutsideTheBleedWidenTheMediaBox) {
  pdf::PdfOptions options;
  options.marks = true;
  std::string pdf = render_booklet(options);
  std::string json = qpdf_json(pdf);
  const double room = 8.5 + 21;  // bleed + kMarkRoom
  std::vector<double> media = json_array(json, "MediaBox");
  ASSERT_EQ(media.size(), 4u);
  EXPECT_NEAR(media[2], 419.53 + 2 * room, 0.001);
  expect_box(json_array(json, "TrimBox"), {room, room, room + 419.53, room + 595.28});
  std::string content = uncompressed(pdf);
  // Registration colour, hairlines, all inside an artifact.
  size_t marks = content.find("/Artifact BMC\n1 1 1 1 K\n0.25 w\n");
  EXPECT_NE(marks, std::string::npos);
  std::string check;
  EXPECT_TRUE(qpdf_check_clean(pdf, &check)) << check;
}

TEST(Document, ScreenIsTrimSizeInRgb) {
  pdf::PdfOptions options;
  options.target = pdf::Target::Screen;
  std::string pdf = render_booklet(options);
  std::string json = qpdf_json(pdf);
  expect_box(json_array(json, "MediaBox"), {0, 0, 419.53, 595.28});
  EXPECT_TRUE(json_array(json, "TrimBox").empty());
  EXPECT_TRUE(json_array(json, "BleedBox").empty());
  std::string content = uncompressed(pdf);
  EXPECT_NE(content.find("0 0 0 rg\nBT\n"), std::string::npos);   // body text black
  EXPECT_NE(content.find("1 1 1 rg\nBT\n"), std::string::npos);   // white title
  EXPECT_EQ(content.find(" k\n"), std::string::npos);             // no CMYK at all
}

TEST(Document, PrintColoursAreCmykAndTextBlackIsPureK) {
  std::string content = uncompressed(render_booklet());
  EXPECT_NE(content.find("0 0 0 1 k\nBT\n"), std::string::npos);
  EXPECT_NE(content.find("0 0 0 0 k\nBT\n"), std::string::npos);  // white from gray 1
  EXPECT_NE(content.find("0 0 0 0.9 k\n"), std::string::npos);    // the RGB background, converted
  EXPECT_EQ(content.find(" rg\n"), std::string::npos);
}

TEST(Document, InfoAndOutlineKeepAzerbaijaniLetters) {
  std::string pdf = render_booklet();
  std::string info = run({"pdfinfo", pdf}).out;
  EXPECT_NE(info.find("Title:           20 Yanvar — Ümumxalq Hüzn Günü\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Author:          Azərbaycan Respublikası\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Subject:         Şəhidlərin xatirəsinə\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Keywords:        20 Yanvar, şəhidlər, İstiqlal\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Producer:        jan20-pdf\n"), std::string::npos) << info;
  EXPECT_NE(info.find("CreationDate:    Mon Jan 20 00:00:00 2025 UTC\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Tagged:          yes"), std::string::npos) << info;
  std::string outline = run({"mutool", "show", pdf, "outline"}).out;
  // MuPDF shows targets as y from the MediaBox top: trim top 8.5 + model y.
  EXPECT_EQ(outline,
            "-\t\"20 Yanvar faciəsi\"\t#page=1&zoom=nan,nan,8.5\n"
            "|\t\t\"Şəhidlər xiyabanı\"\t#page=2&zoom=nan,nan,56.5\n"
            "|\t\"İstiqlal uğrunda\"\t#page=3&zoom=nan,nan,58.5\n");
}

TEST(Document, CatalogHasLangViewerPreferencesAndPageLabels) {
  std::string pdf = render_booklet();
  std::string json = qpdf_json(pdf);
  size_t labels = json.find("\"pagelabels\": [");
  ASSERT_NE(labels, std::string::npos);
  std::string section = json.substr(labels, json.find(']', labels) - labels);
  // The cover: a label dictionary without /S (qpdf adds the default /St).
  EXPECT_NE(section.find("\"index\": 0,\n      \"label\": {\n        \"/St\": 1\n      }"), std::string::npos)
      << section;
  EXPECT_NE(section.find("\"index\": 1,\n      \"label\": {\n        \"/S\": \"/D\""), std::string::npos) << section;
  std::string content = uncompressed(pdf);
  EXPECT_NE(content.find("/Lang (az)"), std::string::npos);
  EXPECT_NE(content.find("/ViewerPreferences <<\n    /DisplayDocTitle true\n  >>"), std::string::npos);
  EXPECT_NE(content.find("/PageMode /UseOutlines"), std::string::npos);
}

TEST(Document, ImageFileEmbeddedOnceHoweverOftenPlaced) {
  std::string pdf = render_booklet();
  std::string list = run({"pdfimages", "-list", pdf}).out;
  // Header (2 lines) + two placements of one object.
  std::vector<std::string> lines;
  for (size_t p = 0, e; (e = list.find('\n', p)) != std::string::npos; p = e + 1) lines.push_back(list.substr(p, e - p));
  ASSERT_EQ(lines.size(), 4u) << list;
  auto object_id = [](const std::string& line) {  // column 11: "object ID"
    std::istringstream in(line);
    std::string field;
    for (int i = 0; i < 11; ++i) in >> field;
    return field;
  };
  EXPECT_EQ(object_id(lines[2]), object_id(lines[3])) << list;
  std::string content = uncompressed(pdf);
  size_t images = 0;
  for (size_t p = content.find("/Subtype /Image"); p != std::string::npos; p = content.find("/Subtype /Image", p + 1))
    ++images;
  EXPECT_EQ(images, 1u);
}

TEST(Document, JpegImagesLoad) {
  std::string dir = make_temp_dir();
  std::string pdf = render_booklet();
  run({"pdftoppm", "-jpeg", "-r", "10", "-singlefile", pdf, dir + "/photo"});
  ASSERT_TRUE(file_exists(dir + "/photo.jpg"));
  model::PagedDocument doc = a5_document();
  doc.pages[0].items.push_back(model::Image{dir + "/photo.jpg", 40, 40, 120, 160, 60, 85, -1});
  DiagnosticSink sink;
  std::string out = render(doc, sink);
  ASSERT_FALSE(out.empty());
  EXPECT_NE(run({"pdfimages", "-list", out}).out.find("jpeg"), std::string::npos);
}

pdf::PdfOptions screen_options() {
  pdf::PdfOptions screen;
  screen.target = pdf::Target::Screen;
  return screen;
}

// Links are for reading on screen; PDF/X forbids annotations on a print
// page, where the link's text stays, tagged as a Reference.
TEST(Document, PrintFileHasNoAnnotationsAndItsLinksAreReferences) {
  std::string pdf = render_booklet();
  std::string content = uncompressed(pdf);
  EXPECT_NE(content.find("/Type /StructTreeRoot"), std::string::npos);
  EXPECT_EQ(content.find("/Annots"), std::string::npos);
  EXPECT_EQ(content.find("/Type /OBJR"), std::string::npos);
  std::string tree = run({"pdfinfo", "-struct-text", pdf}).out;
  EXPECT_NE(tree.find("    Reference (inline)\n"), std::string::npos) << tree;
  EXPECT_EQ(tree.find("Link"), std::string::npos) << tree;
}

TEST(Document, LinksToTheWebAndToPages) {
  std::string content = uncompressed(render_booklet(screen_options()));
  EXPECT_NE(content.find("/URI (https://az.wikipedia.org/wiki/Qanl%C4%B1_Yanvar)"), std::string::npos);
  EXPECT_NE(content.find("/Border [\n    0\n    0\n    0\n  ]"), std::string::npos);
  // Page 3, y 50 from the top (a screen page is the trim: 595.28 - 50).
  std::regex xyz("/XYZ\n  null\n  ([0-9.]+)\n  null\n]");
  std::vector<double> tops;  // the outline's destinations and the link's
  for (auto it = std::sregex_iterator(content.begin(), content.end(), xyz); it != std::sregex_iterator(); ++it)
    tops.push_back(std::stod((*it)[1]));
  ASSERT_FALSE(tops.empty()) << "no XYZ destination";
  EXPECT_TRUE(std::any_of(tops.begin(), tops.end(), [](double y) { return std::abs(y - (595.28 - 50)) < 0.01; }));
}

TEST(Document, PathsFillStrokeEvenOddAndCurves) {
  std::string content = uncompressed(render_booklet());
  // Colours and width first, then the path, then B* (even-odd fill and stroke).
  EXPECT_NE(content.find("0 0.9 0.8 0.1 k\n0 0 0 1 K\n1.5 w\n"), std::string::npos);
  EXPECT_NE(content.find(" c\nh\nB*\n"), std::string::npos);
}

TEST(Document, StructureTreeTiesContentToTags) {
  std::string pdf = render_booklet(screen_options());
  std::string content = uncompressed(pdf);
  EXPECT_NE(content.find("/H1 <</MCID 0>> BDC"), std::string::npos);
  EXPECT_NE(content.find("/Figure <</MCID 1>> BDC"), std::string::npos);
  EXPECT_NE(content.find("/Artifact BMC"), std::string::npos);  // background, second image
  EXPECT_NE(content.find("/Type /StructTreeRoot"), std::string::npos);
  EXPECT_NE(content.find("/Alt <feff0051025900720259006e00660069006c006c02590072>"), std::string::npos);
  EXPECT_NE(content.find("/Marked true"), std::string::npos);
  EXPECT_NE(content.find("/StructParents 0"), std::string::npos);
  EXPECT_NE(content.find("/StructParent 3"), std::string::npos);  // the tagged link: after the 3 pages
  EXPECT_NE(content.find("/Type /OBJR"), std::string::npos);
  std::string tree = run({"pdfinfo", "-struct-text", pdf}).out;
  EXPECT_EQ(tree.substr(0, tree.rfind("Object ")),
            "Document\n"
            "  H1 (block)\n"
            // A line that ends at a word break ends with a space.
            "    \"20 Yanvar \"\n"
            // The Figure's /T repeats its /Alt; pdfinfo prints /T's raw
            // bytes, so a UTF-16 title shows as its byte-order mark.
            "  Figure \"\xFE\xFF\"\n"
            "    \"\"\n"
            "  P (block)\n"
            "    \"Şəhidlər xiyabanı \"\n"
            "    Link (inline)\n"
            "      ");

  pdf::PdfOptions untagged;
  untagged.tagged = false;
  std::string plain = uncompressed(render_booklet(untagged));
  EXPECT_EQ(plain.find("StructTreeRoot"), std::string::npos);
  EXPECT_EQ(plain.find("BDC"), std::string::npos);
}

TEST(Document, OutputIntentEmbedsTheCmykProfile) {
  pdf::PdfOptions options;
  options.icc_profile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";
  std::string pdf = render_booklet(options);
  std::string check;
  EXPECT_TRUE(qpdf_check_clean(pdf, &check)) << check;
  std::string content = uncompressed(pdf);
  EXPECT_NE(content.find("/S /GTS_PDFX"), std::string::npos);
  EXPECT_NE(content.find("/DestOutputProfile "), std::string::npos);
  EXPECT_NE(content.find("/N 4"), std::string::npos);
  EXPECT_NE(content.find("/OutputConditionIdentifier (Custom)"), std::string::npos);

  options.icc_profile = "/usr/share/color/icc/ghostscript/default_rgb.icc";
  DiagnosticSink sink;
  EXPECT_TRUE(render(booklet(make_temp_dir()), sink, options).empty());
  ASSERT_TRUE(sink.has_errors());
  EXPECT_EQ(sink.diagnostics()[0].message, "the output profile is for 'RGB ', not CMYK");
}

TEST(Document, FailedRenderLeavesTheOldFileAndNoTemporaryFile) {
  std::string dir = make_temp_dir();
  std::string target = dir + "/booklet.pdf";
  write_file(target, "old contents");
  model::PagedDocument doc = booklet(dir);
  std::get<model::Image>(doc.pages[0].items[2]).path = dir + "/missing.png";
  DiagnosticSink sink;
  EXPECT_FALSE(pdf::write_pdf(doc, {}, target, sink));
  ASSERT_TRUE(sink.has_errors());
  EXPECT_EQ(sink.diagnostics()[0].where.file, dir + "/missing.png");
  EXPECT_EQ(sink.diagnostics()[0].message, "image file not found or not readable");
  EXPECT_EQ(read_file(target), "old contents");
  EXPECT_EQ(directory_entries(dir), (std::vector<std::string>{"booklet.pdf", "qərənfil.png"}) );
}

TEST(Document, UnwritableTargetLeavesNoTemporaryFile) {
  std::string dir = make_temp_dir();
  model::PagedDocument doc = booklet(make_temp_dir());
  DiagnosticSink sink;
  EXPECT_FALSE(pdf::write_pdf(doc, {}, dir + "/no/such/dir/out.pdf", sink));
  ASSERT_TRUE(sink.has_errors());
  EXPECT_NE(sink.diagnostics()[0].message.find("cannot create a temporary file"), std::string::npos);
  // A directory in the way: the rename fails, the temporary file goes.
  run({"mkdir", dir + "/out.pdf"});
  write_file(dir + "/out.pdf/keep", "x");
  DiagnosticSink sink2;
  EXPECT_FALSE(pdf::write_pdf(doc, {}, dir + "/out.pdf", sink2));
  EXPECT_EQ(directory_entries(dir), (std::vector<std::string>{"out.pdf"}));
}

// Path operators are written by us (PathContent), not through libharu's
// page API, which refused a line before a move: a path that does not begin
// with a move is refused here, and the old file stays.
TEST(Document, APathThatDoesNotBeginWithAMoveIsAnErrorAndWritesNothing) {
  std::string dir = make_temp_dir();
  std::string target = dir + "/booklet.pdf";
  write_file(target, "old contents");
  model::PagedDocument doc = booklet(make_temp_dir());
  model::Path& star = std::get<model::Path>(doc.pages[1].items[2]);
  ASSERT_EQ(star.segments.front().op, model::PathSegment::Op::Move);
  star.segments.erase(star.segments.begin());
  DiagnosticSink sink;
  EXPECT_FALSE(pdf::write_pdf(doc, {}, target, sink));
  ASSERT_TRUE(sink.has_errors());
  EXPECT_EQ(sink.diagnostics()[0].message, "page 2: a path does not begin with a move");
  EXPECT_EQ(read_file(target), "old contents");
  EXPECT_EQ(directory_entries(dir), (std::vector<std::string>{"booklet.pdf"}));
}

TEST(Document, MissingFontIsReportedWithItsPath) {
  model::PagedDocument doc = a5_document();
  doc.pages[0].items.push_back(shape_run(kNotoSerif, 0, "x", 12, 40, 40));
  doc.fonts[0].path = "/nonexistent/Font.ttf";
  DiagnosticSink sink;
  EXPECT_TRUE(render(doc, sink).empty());
  ASSERT_TRUE(sink.has_errors());
  EXPECT_EQ(sink.diagnostics()[0].where.file, "/nonexistent/Font.ttf");
  EXPECT_EQ(sink.diagnostics()[0].message, "cannot read font file '/nonexistent/Font.ttf'");
}

}  // namespace
}  // namespace jan20::testing

namespace jan20::testing {
namespace {

// A blank page (the padding before a booklet's back cover) has a valid
// content stream: an empty Flate stream is not valid deflate data, and MuPDF
// and Ghostscript report it.
TEST(Document, BlankPagesRenderWithoutComplaint) {
  model::PagedDocument doc = a5_document();
  doc.pages.push_back(doc.pages.front());
  DiagnosticSink sink;
  std::string pdf = render(doc, sink);
  ASSERT_FALSE(pdf.empty());
  CommandResult m = run({"mutool", "draw", "-q", "-o", "/dev/null", "-F", "png", pdf});
  std::string err = m.err;
  for (size_t p; (p = err.find("warning: ICC support is not available\n")) != std::string::npos;) err.erase(p, 39);
  EXPECT_EQ(err, "");
  CommandResult g = run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=nullpage", pdf});
  EXPECT_EQ(g.out + g.err, "");
}

}  // namespace
}  // namespace jan20::testing
