#pragma once
// A typeset document: pages of positioned items. Produced by layout/, the only
// thing pdf/ sees. Coordinates are points, origin at the top-left corner of the
// page's trim box, y growing downwards; bleed and crop marks are the PDF
// writer's business. Every glyph knows the text it stands for.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/color.h"
#include "model/glyph_list.h"
#include "model/image.h"

namespace jan20::model {

// A font file the document uses; glyph runs refer to it by index.
struct FontResource {
  std::string path;   // absolute path of the font file
  int index = 0;      // face index in a collection
  std::string postscript_name;
  int units_per_em = 1000;
  // False when the font's licence (OS/2 fsType bit 8, "no subsetting") asks
  // for the whole font to be embedded rather than a subset.
  bool subsetting_allowed = true;
};

// A run of glyphs in one font, size and colour, in visual order (left to right
// as drawn, also for right-to-left text).
struct GlyphRun {
  // The small fields first, packed together: a run is 208 bytes, and a
  // PageItem holding one 216, so that a line's list of one run and a list of
  // one item take the same size of heap block (224 bytes), and the second can
  // reuse the first's (at 2,400 pages, with every paragraph set ahead, 20 MB
  // less heap).
  int font = 0;            // index into PagedDocument::fonts
  int tag = -1;            // index into PagedDocument::tags; -1 = artifact (running heads, folios)
  bool rtl = false;
  bool hyphenated = false; // the run ends with an inserted hyphen (not part of the text)
  double size = 10;        // pt
  Color color = Color::black_k();
  double x = 0, y = 0;     // baseline origin of the first glyph
  std::string text;        // the source text of the run, logical order, NFC
  GlyphList glyphs;
  std::string lang;        // BCP-47 ("az", "az-Cyrl", "az-Arab", "en")
  double hscale = 1;       // horizontal scale of the glyphs (font expansion; PDF Tz): advances and offsets grow, extras do not
};

struct PathSegment {
  enum class Op { Move, Line, Curve, Close } op = Op::Move;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0;  // Curve: two control points then the end; Move/Line: x1,y1
};

struct Path {
  std::vector<PathSegment> segments;
  std::optional<Color> fill;
  std::optional<Color> stroke;
  double line_width = 0.5;
  bool even_odd = false;
  bool bleeds = false;     // touches the trim edge: extended into the bleed by the layout already
  int tag = -1;            // usually an artifact (-1); a figure drawn as vectors has its tag
};

struct Image {
  std::string path;        // absolute path of a PNG or JPEG file
  double x = 0, y = 0, width = 0, height = 0;
  int pixel_width = 0, pixel_height = 0;
  int tag = -1;
  ImageColor color = ImageColor::Unknown;  // from the file's header, read by the loader
  bool alpha = false;
};

struct Link {
  double x = 0, y = 0, width = 0, height = 0;
  std::string uri;         // external link, or
  int dest_page = -1;      // internal: page index
  double dest_y = 0;       //           and y on that page
  int tag = -1;
  // What the link does, in the document's language, for screen readers
  // (the annotation's /Contents); empty: the URI, or the target page's label.
  std::string description;
};

using PageItem = std::variant<GlyphRun, Path, Image, Link>;

struct Page {
  double width = 0, height = 0;   // trim size, pt
  double bleed = 0;               // pt, on every side
  std::string label;              // page label ("1", "2", …); empty for unnumbered pages (cover)
  std::vector<PageItem> items;    // in painting order; tagged content also in reading order
};

struct OutlineEntry {
  std::string title;
  int level = 1;                  // 1 = top level
  int page = 0;
  double y = 0;
};

// Logical structure for tagged PDF: a tree in reading order. Node 0 is the
// Document. Items on pages point at their node through `tag`.
struct Tag {
  std::string role;               // "Document", "H1", "P", "L", "LI", "Lbl", "LBody", "Figure", "Caption", "BlockQuote", "TOC", "TOCI", "Link", "Table", "TR", "TD"
  int parent = -1;
  std::vector<int> children;      // child tags, in reading order
  std::string alt;                // Figure: alternative text
  std::string lang;               // when it differs from the document's
  std::string actual_text;
};

struct DocumentInfo {
  std::string title, subtitle, author, subject, creator, producer;
  std::vector<std::string> keywords;
  std::string lang;               // document language
  std::string date;               // ISO 8601 date; written as CreationDate and ModDate
};

struct PagedDocument {
  DocumentInfo info;
  std::vector<FontResource> fonts;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<Tag> tags;          // empty = untagged
};

}  // namespace jan20::model
