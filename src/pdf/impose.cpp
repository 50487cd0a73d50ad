#include "pdf/impose.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"
#include "pdf/content.h"
#include "pdf/page_writer.h"

namespace jan20::pdf {
namespace {

HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }

// Sizes that differ by less than this are the same paper (A4's long side is
// 841.89 pt, two A5 pages 839.06 pt; rounding of mm sizes stays far below).
constexpr double kSizeTolerance = 0.5;

}  // namespace

int padded_page_count(int pages) { return pages <= 0 ? 0 : (pages + 3) / 4 * 4; }

std::vector<SheetSide> saddle_stitch_order(int pages) {
  const int n = padded_page_count(pages);
  auto real = [pages](int p) { return p <= pages ? p : 0; };
  std::vector<SheetSide> sides;
  for (int k = 0; k < n / 4; ++k) {
    sides.push_back({k, true, real(n - 2 * k), real(2 * k + 1)});
    sides.push_back({k, false, real(2 * k + 2), real(n - 2 * k - 1)});
  }
  return sides;
}

SheetSize sheet_for(double page_width, double page_height) {
  const double need_long = 2 * page_width, need_short = page_height;
  // From the smallest A size up: the first that holds both pages.
  for (int a = 6; a >= 0; --a) {
    std::string name = "A" + std::to_string(a);
    double w = 0, h = 0;
    if (!paper_size(name, &w, &h)) continue;
    double long_side = std::max(w, h), short_side = std::min(w, h);
    if (long_side + kSizeTolerance >= need_long && short_side + kSizeTolerance >= need_short)
      return {long_side, short_side, name};
  }
  return {need_long, need_short, ""};
}

PagePlacement place_page(const SheetSize& size, double page_width, double page_height, bool left_half, int sheet,
                         double creep) {
  const double fold = size.width / 2;
  const double bottom = (size.height - page_height) / 2;
  const double shift = std::clamp(sheet * creep, 0.0, page_width);
  PagePlacement p;
  p.clip_left = left_half ? fold - page_width : fold;
  p.clip_bottom = bottom;
  p.clip_width = page_width;
  p.clip_height = page_height;
  // Towards the fold: the left page moves right, the right page left.
  p.x = left_half ? fold - page_width + shift : fold - shift;
  p.y = bottom;
  return p;
}

namespace {

bool same_size(const model::Page& a, const model::Page& b) {
  return std::abs(a.width - b.width) < kSizeTolerance && std::abs(a.height - b.height) < kSizeTolerance;
}

// The pages, each drawn once on a detached page and turned into a form
// clipped to its trim box (the halves of a sheet meet at the trim).
bool write_forms(DocumentWriter& w, std::vector<HPDF_XObject>* forms) {
  const std::vector<model::Page>& pages = w.source.pages;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (!same_size(pages[i], pages[0])) {
      w.sink.error({}, "cannot impose: page " + std::to_string(i + 1) + " is " + num(pages[i].width, 2) + " x " +
                           num(pages[i].height, 2) + " pt, page 1 is " + num(pages[0].width, 2) + " x " +
                           num(pages[0].height, 2) + " pt",
                   "a saddle-stitched booklet needs pages of one size; check the layout's masters");
      return false;
    }
    HPDF_Page page = new_detached_page(w.doc);
    if (!page) return w.doc.check(w.sink, "creating the form of page " + std::to_string(i + 1));
    PageGeometry g = page_geometry(pages[i], w.options);
    HPDF_Page_SetWidth(page, f(g.media.width()));
    HPDF_Page_SetHeight(page, f(g.media.height()));
    w.pages.push_back(page);
    w.geometry.push_back(g);
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    if (!write_page(w, i)) return false;
    if (w.page_written) w.page_written(i);
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    const Box& t = w.geometry[i].trim;
    HPDF_XObject form = page_into_form(w.doc, w.pages[i], {f(t.left), f(t.bottom), f(t.right), f(t.top)});
    if (!form) {
      w.doc.check(w.sink, "turning page " + std::to_string(i + 1) + " into a form");
      if (!w.sink.has_errors())
        w.sink.error({}, "turning page " + std::to_string(i + 1) + " into a form failed", HaruDoc::kBugHint);
      return false;
    }
    forms->push_back(form);
  }
  return true;
}

void place(HPDF_Page sheet, HPDF_XObject form, const PageGeometry& g, const PagePlacement& p) {
  HPDF_Page_GSave(sheet);
  HPDF_Page_Rectangle(sheet, f(p.clip_left), f(p.clip_bottom), f(p.clip_width), f(p.clip_height));
  HPDF_Page_Clip(sheet);
  HPDF_Page_EndPath(sheet);
  // The form's space is its page's: move its trim box's corner to (x, y).
  HPDF_Page_Concat(sheet, 1, 0, 0, 1, f(p.x - g.trim.left), f(p.y - g.trim.bottom));
  HPDF_Page_ExecuteXObject(sheet, form);
  HPDF_Page_GRestore(sheet);
}

}  // namespace

bool write_imposed_sheets(DocumentWriter& w) {
  std::vector<HPDF_XObject> forms;
  if (!write_forms(w, &forms)) return false;
  const model::Page& first = w.source.pages.front();
  const SheetSize size = sheet_for(first.width, first.height);
  const bool print = w.options.target == Target::Print;
  for (const SheetSide& side : saddle_stitch_order(static_cast<int>(forms.size()))) {
    HPDF_Page sheet = HPDF_AddPage(w.doc.get());
    if (!sheet) return w.doc.check(w.sink, "adding a printer sheet");
    HPDF_Page_SetWidth(sheet, f(size.width));
    HPDF_Page_SetHeight(sheet, f(size.height));
    if (print) {
      // PDF/X asks for a TrimBox on every page; the sheet is printed whole.
      HPDF_Box whole{0, 0, f(size.width), f(size.height)};
      HPDF_Dict_Add(sheet, "TrimBox", HPDF_Box_Array_New(w.doc.mmgr(), whole));
      HPDF_Dict_Add(sheet, "BleedBox", HPDF_Box_Array_New(w.doc.mmgr(), whole));
    }
    for (bool left : {true, false}) {
      int number = left ? side.left : side.right;
      if (number == 0) continue;  // a blank page of the padding
      size_t index = static_cast<size_t>(number - 1);
      place(sheet, forms[index], w.geometry[index],
            place_page(size, first.width, first.height, left, side.sheet, w.options.creep));
    }
    if (!w.doc.check(w.sink, "writing sheet " + std::to_string(side.sheet + 1) + (side.front ? " front" : " back")))
      return false;
  }
  return true;
}

}  // namespace jan20::pdf
