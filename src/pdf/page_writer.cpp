#include "pdf/page_writer.h"

#include <cmath>

#include "pdf/content.h"
#include "pdf/paint.h"
#include "pdf/path_content.h"
#include "pdf/structure.h"

namespace jan20::pdf {
namespace {

HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }

HPDF_Box to_haru(const Box& b) { return {f(b.left), f(b.bottom), f(b.right), f(b.top)}; }

// Role of a structure element for BDC: its tag's role ("P", "H1", …).
std::string_view role_of(const model::PagedDocument& doc, int tag) {
  if (tag < 0 || static_cast<size_t>(tag) >= doc.tags.size() || doc.tags[static_cast<size_t>(tag)].role.empty())
    return "Span";
  return doc.tags[static_cast<size_t>(tag)].role;
}

// A Bézier quarter-circle's control distance: 4/3·(√2 − 1).
constexpr double kKappa = 0.5522847498307936;

class PageWriter {
 public:
  PageWriter(DocumentWriter& w, size_t index)
      : w_(w), index_(index), page_(w.pages[index]), g_(w.geometry[index]), paint_(page_, w.options.target) {}

  bool write(const model::Page& page) {
    // The page's content goes into a string of ours (about as long as the
    // last page's), not libharu's memory stream.
    w_.doc.own_page_content(page_, w_.last_content_size + w_.last_content_size / 8);
    // A blank page (padding before a back cover) still needs content: a
    // Flate-filtered stream of zero bytes is not valid deflate data, and
    // MuPDF and Ghostscript say so.
    if (page.items.empty() && !(g_.print && w_.options.marks)) write_content(page_, "q Q\n");
    for (size_t i = 0; i < page.items.size(); ++i) {
      const model::PageItem& item = page.items[i];
      item_ = i;
      int tag = std::visit([](const auto& i) { return i.tag; }, item);
      // Links are annotations, not content; tagged text marks its own
      // pieces (see actual_text_pieces in structure.h).
      bool marked_here = !std::holds_alternative<model::Link>(item) &&
                         !(std::holds_alternative<model::GlyphRun>(item) && tagged_content(tag));
      if (marked_here) begin_marked(tag);
      bool ok = std::visit([this](const auto& i) { return draw(i); }, item);
      if (marked_here) end_marked();
      if (!ok) return false;
    }
    if (g_.print && w_.options.marks) marks();
    // The same for a page whose items drew nothing (only links, which are
    // annotations, or runs without glyphs): libharu writes an empty stream as
    // zero bytes under /FlateDecode.
    if (HPDF_Stream_Size(page_content_stream(page_)) == 0) write_content(page_, "q Q\n");
    w_.last_content_size = HPDF_Stream_Size(page_content_stream(page_));
    return w_.doc.check(w_.sink, "writing page " + std::to_string(index_ + 1));
  }

 private:
  bool tagged_content(int tag) const {
    return w_.tagged && tag >= 0 && static_cast<size_t>(tag) < w_.source.tags.size();
  }

  void begin_marked(int tag) {
    if (!w_.tagged) return;
    if (tagged_content(tag)) {
      encoded_.clear();
      append_begin_marked_content(encoded_, role_of(w_.source, tag), next_mcid_);
      write_content(page_, encoded_);
      w_.marked.push_back({static_cast<int>(index_), next_mcid_, tag});
      ++next_mcid_;
    } else {
      write_content(page_, begin_artifact());
    }
  }
  void end_marked() {
    if (w_.tagged) write_content(page_, end_marked_content());
  }

  bool draw(const model::GlyphRun& run) {
    if (run.font < 0 || static_cast<size_t>(run.font) >= w_.fonts.size()) {
      w_.sink.error({}, "page " + std::to_string(index_ + 1) + ": a glyph run refers to font " +
                            std::to_string(run.font) + ", but the document has " +
                            std::to_string(w_.fonts.size()) + " fonts",
                    "this is a bug in the layout stage");
      return false;
    }
    if (run.glyphs.empty()) return true;
    if (!(run.size > 0)) {
      w_.sink.error({}, "page " + std::to_string(index_ + 1) + ": text '" + run.text + "' has font size " +
                            num(run.size), "this is a bug in the layout stage");
      return false;
    }
    warn_missing_glyphs(run);
    const EmbeddedFont& font = w_.fonts[static_cast<size_t>(run.font)];
    const char* name = HPDF_Page_GetLocalFontName(page_, reinterpret_cast<HPDF_Font>(font.type0));
    if (!name) return w_.doc.check(w_.sink, "adding a font to page " + std::to_string(index_ + 1));
    const std::optional<RunJoin> join = w_.joins.find(index_, item_);
    prepare_text_run(run, w_.text.ids_of(index_, item_), w_.text.one_glyph_clusters(index_, item_), font.mapping,
                     name, g_.pdf_x(run.x), g_.pdf_y(run.y), join ? &*join : nullptr, content_, clusters_);
    if (!tagged_content(run.tag)) {
      paint_.fill(run.color);
      show(content_);
      return true;
    }
    actual_text_pieces(content_, pieces_);
    for (const ActualTextPiece& piece : pieces_) write_piece(run, content_, piece);
    return true;
  }

  // BT, the run's operators, ET.
  void show(const TextRunContent& content) {
    HPDF_Page_BeginText(page_);
    encoded_.clear();
    encode_text_run(content, encoded_);
    write_content(page_, encoded_);
    HPDF_Page_EndText(page_);
  }

  // One marked-content sequence of a tagged run: its own MCID, with
  // /ActualText when the piece is a span.
  void write_piece(const model::GlyphRun& run, const TextRunContent& content, const ActualTextPiece& piece) {
    encoded_.clear();
    if (piece.actual_text)
      append_begin_marked_content_with_actual_text(encoded_, next_mcid_, *piece.actual_text);
    else
      append_begin_marked_content(encoded_, role_of(w_.source, run.tag), next_mcid_);
    write_content(page_, encoded_);
    w_.marked.push_back({static_cast<int>(index_), next_mcid_, run.tag});
    ++next_mcid_;
    paint_.fill(run.color);  // written once: the paint state skips repeats
    HPDF_Page_BeginText(page_);
    encoded_.clear();
    encode_text_run(content, piece.begin, piece.end, encoded_);
    write_content(page_, encoded_);
    HPDF_Page_EndText(page_);
    write_content(page_, end_marked_content());
  }

  void warn_missing_glyphs(const model::GlyphRun& run) {
    for (size_t i = 0; i < run.glyphs.size(); ++i) {
      if (run.glyphs.id(i) != 0 || w_.warned_notdef.count(run.font)) continue;
      w_.warned_notdef.insert(run.font);
      const model::Glyph g = run.glyphs[i];
      std::string text = g.text_end > g.text_begin && g.text_end <= run.text.size()
                             ? run.text.substr(g.text_begin, g.text_end - g.text_begin)
                             : run.text;
      w_.sink.warning({w_.source.fonts[static_cast<size_t>(run.font)].path},
                      "page " + std::to_string(index_ + 1) + ": the font has no glyph for '" + text +
                          "'; it prints as an empty box (.notdef)",
                      "choose a font that covers this script, or add a fallback font in the layout");
    }
  }

  bool draw(const model::Path& path) {
    if (path.segments.empty() || (!path.fill && !path.stroke)) return true;
    if (path.fill) paint_.fill(*path.fill);
    if (path.stroke) {
      paint_.stroke(*path.stroke);
      paint_.line_width(path.line_width);
    }
    if (path.segments.front().op != model::PathSegment::Op::Move) {
      w_.sink.error({}, "page " + std::to_string(index_ + 1) + ": a path does not begin with a move",
                    "this is a bug in the layout stage");
      return false;
    }
    path_.clear();
    for (const model::PathSegment& s : path.segments) {
      switch (s.op) {
        case model::PathSegment::Op::Move: path_.move_to(f(g_.pdf_x(s.x1)), f(g_.pdf_y(s.y1))); break;
        case model::PathSegment::Op::Line: path_.line_to(f(g_.pdf_x(s.x1)), f(g_.pdf_y(s.y1))); break;
        case model::PathSegment::Op::Curve:
          path_.curve_to(f(g_.pdf_x(s.x1)), f(g_.pdf_y(s.y1)), f(g_.pdf_x(s.x2)), f(g_.pdf_y(s.y2)),
                         f(g_.pdf_x(s.x3)), f(g_.pdf_y(s.y3)));
          break;
        case model::PathSegment::Op::Close: path_.close(); break;
      }
    }
    if (path.fill && path.stroke)
      path_.paint(path.even_odd ? "B*" : "B");
    else if (path.fill)
      path_.paint(path.even_odd ? "f*" : "f");
    else
      path_.paint("S");
    write_content(page_, path_.bytes());
    return true;
  }

  bool draw(const model::Image& image) {
    HPDF_Image xobject = w_.images.get(image.path, w_.sink);
    if (!xobject) return false;
    double x = g_.pdf_x(image.x), y = g_.pdf_y(image.y + image.height), w = image.width, h = image.height;
    int orientation = w_.images.orientation(image.path);
    if (orientation == 1) {
      // DrawImage wraps "q w 0 0 h x y cm /Im1 Do Q"; (x, y) is the lower-left corner.
      HPDF_Page_DrawImage(page_, xobject, f(x), f(y), f(w), f(h));
      return true;
    }
    // A JPEG with an Exif orientation is turned to be drawn upright in its
    // box, as a viewer shows it: the image's unit square (u right, v up,
    // its first stored row at the top) goes to the box by the matrix below.
    struct Turn {
      double a, b, c, d, e, f;  // x = x0 + w(a u + c v + e), y = y0 + h(b u + d v + f)
    };
    static constexpr Turn kTurns[9] = {
        {1, 0, 0, 1, 0, 0},    // (unused)
        {1, 0, 0, 1, 0, 0},    // 1 as stored
        {-1, 0, 0, 1, 1, 0},   // 2 mirrored left to right
        {-1, 0, 0, -1, 1, 1},  // 3 turned half round
        {1, 0, 0, -1, 0, 1},   // 4 mirrored top to bottom
        {0, -1, -1, 0, 1, 1},  // 5 mirrored along the main diagonal
        {0, -1, 1, 0, 0, 1},   // 6 turned a quarter clockwise (a phone held upright)
        {0, 1, 1, 0, 0, 0},    // 7 mirrored along the other diagonal
        {0, 1, -1, 0, 1, 0},   // 8 turned a quarter anticlockwise
    };
    const Turn& t = kTurns[orientation];
    HPDF_Page_GSave(page_);
    HPDF_Page_Concat(page_, f(w * t.a), f(h * t.b), f(w * t.c), f(h * t.d), f(x + w * t.e), f(y + h * t.f));
    HPDF_Page_ExecuteXObject(page_, xobject);
    HPDF_Page_GRestore(page_);
    return true;
  }

  bool draw(const model::Link& link) {
    if (!w_.links) return true;  // a print file (DocumentWriter::links)
    HPDF_Rect rect{f(g_.pdf_x(link.x)), f(g_.pdf_y(link.y + link.height)), f(g_.pdf_x(link.x + link.width)),
                   f(g_.pdf_y(link.y))};
    HPDF_Annotation annot = nullptr;
    if (!link.uri.empty()) {
      annot = HPDF_Page_CreateURILinkAnnot(page_, rect, uri_ascii(link.uri).c_str());
    } else if (link.dest_page >= 0 && static_cast<size_t>(link.dest_page) < w_.pages.size()) {
      HPDF_Destination dest = xyz_destination(w_, static_cast<size_t>(link.dest_page), link.dest_y);
      annot = HPDF_Page_CreateLinkAnnot(page_, rect, dest);
    } else {
      w_.sink.warning({}, "page " + std::to_string(index_ + 1) + ": a link has neither a URI nor a valid target page (" +
                              std::to_string(link.dest_page) + "); it is left out",
                      "check the link's target in the content");
      return true;
    }
    if (!annot) return w_.doc.check(w_.sink, "adding a link on page " + std::to_string(index_ + 1));
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);  // no box around links
    // What the link does, for screen readers (PDF/UA asks for /Contents).
    // In the document's language: the layout's description (a contents entry's
    // title), else the URI, else the target page's label (its printed number).
    const size_t dest = static_cast<size_t>(link.dest_page);
    std::string what = !link.description.empty() ? link.description
                       : !link.uri.empty()       ? link.uri
                       : !w_.source.pages[dest].label.empty() ? w_.source.pages[dest].label
                                                              : std::to_string(link.dest_page + 1);
    HPDF_Dict_Add(annot, "Contents", new_text_string(w_.doc.mmgr(), what));
    if (w_.tagged && link.tag >= 0 && static_cast<size_t>(link.tag) < w_.source.tags.size())
      w_.annotations.push_back({static_cast<int>(index_), annot, link.tag, w_.marked.size()});
    return true;
  }

  void marks() {
    // Registration colour: 100 % of every ink, so the marks show on each plate.
    write_content(page_, begin_artifact());
    paint_.stroke(Color::cmyk(1, 1, 1, 1));
    paint_.line_width(0.25);
    PrinterMarks m = printer_marks(g_);
    path_.clear();
    for (const MarkLine& l : m.lines) {
      path_.move_to(f(l.x1), f(l.y1));
      path_.line_to(f(l.x2), f(l.y2));
      path_.paint("S");
    }
    for (const MarkCircle& c : m.circles) {
      const double k = kKappa * c.r;
      path_.move_to(f(c.cx + c.r), f(c.cy));
      path_.curve_to(f(c.cx + c.r), f(c.cy + k), f(c.cx + k), f(c.cy + c.r), f(c.cx), f(c.cy + c.r));
      path_.curve_to(f(c.cx - k), f(c.cy + c.r), f(c.cx - c.r), f(c.cy + k), f(c.cx - c.r), f(c.cy));
      path_.curve_to(f(c.cx - c.r), f(c.cy - k), f(c.cx - k), f(c.cy - c.r), f(c.cx), f(c.cy - c.r));
      path_.curve_to(f(c.cx + k), f(c.cy - c.r), f(c.cx + c.r), f(c.cy - k), f(c.cx + c.r), f(c.cy));
      path_.close();
      path_.paint("S");
    }
    write_content(page_, path_.bytes());
    write_content(page_, end_marked_content());
  }

  // URIs go into the PDF as ASCII: percent-encode anything else (RFC 3986).
  static std::string uri_ascii(const std::string& uri) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : uri) {
      if (c > 0x20 && c < 0x7F) {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
    return out;
  }

  DocumentWriter& w_;
  size_t index_;
  HPDF_Page page_;
  const PageGeometry& g_;
  PaintState paint_;
  int next_mcid_ = 0;
  size_t item_ = 0;
  std::string encoded_;  // a run's operators, the buffer reused from run to run
  TextRunContent content_;        // a run prepared for writing, its room reused from run to run
  std::vector<Cluster> clusters_;  // prepare_text_run's scratch space
  PathContent path_;               // draw(Path)'s and marks()'s
  std::vector<ActualTextPiece> pieces_;  // a tagged run's marked-content pieces
};

}  // namespace

HPDF_Destination xyz_destination(DocumentWriter& w, size_t page, double y) {
  HPDF_Destination dest = HPDF_Page_CreateDestination(w.pages[page]);
  if (!dest) return nullptr;
  // [page /XYZ null top null]: keep the reader's horizontal position and
  // zoom (libharu's SetXYZ cannot write null).
  HPDF_Array_Clear(dest);
  HPDF_Array_Add(dest, w.pages[page]);
  HPDF_Array_AddName(dest, "XYZ");
  HPDF_Array_Add(dest, HPDF_Null_New(w.doc.mmgr()));
  HPDF_Array_AddReal(dest, f(w.geometry[page].pdf_y(y)));
  HPDF_Array_Add(dest, HPDF_Null_New(w.doc.mmgr()));
  return dest;
}

bool create_pages(DocumentWriter& w) {
  for (size_t i = 0; i < w.source.pages.size(); ++i) {
    const model::Page& p = w.source.pages[i];
    if (!(p.width > 0) || !(p.height > 0)) {
      w.sink.error({}, "page " + std::to_string(i + 1) + " has no size (" + num(p.width) + " x " + num(p.height) + " pt)",
                   "this is a bug in the layout stage");
      return false;
    }
    HPDF_Page page = w.doc.reserve_page();
    if (!page) return w.doc.check(w.sink, "adding page " + std::to_string(i + 1));
    w.pages.push_back(page);
    w.geometry.push_back(page_geometry(p, w.options));
  }
  return w.doc.check(w.sink, "creating the pages");
}

namespace {

// Makes a reserved page (create_pages) with its boxes, just before it is drawn.
bool make_page(DocumentWriter& w, size_t index) {
  HPDF_Page page = w.pages[index];
  if (!w.doc.make_reserved_page(page)) {
    if (w.doc.check(w.sink, "adding page " + std::to_string(index + 1)))  // not libharu's: out of order
      w.sink.error({}, "page " + std::to_string(index + 1) + " was made out of order", HaruDoc::kBugHint);
    return false;
  }
  const PageGeometry& g = w.geometry[index];
  HPDF_Page_SetWidth(page, f(g.media.width()));
  HPDF_Page_SetHeight(page, f(g.media.height()));
  if (g.print) {
    HPDF_Dict_Add(page, "BleedBox", HPDF_Box_Array_New(w.doc.mmgr(), to_haru(g.bleed)));
    HPDF_Dict_Add(page, "TrimBox", HPDF_Box_Array_New(w.doc.mmgr(), to_haru(g.trim)));
  }
  return w.doc.check(w.sink, "creating page " + std::to_string(index + 1));
}

}  // namespace

bool write_page(DocumentWriter& w, size_t index) {
  if (w.doc.is_reserved(w.pages[index]) && !make_page(w, index)) return false;
  PageWriter writer(w, index);
  return writer.write(w.source.pages[index]);
}

}  // namespace jan20::pdf
