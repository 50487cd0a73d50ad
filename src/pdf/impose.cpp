#include "pdf/impose.h"

#include <algorithm>
#include <cmath>

#include "core/units.h"
#include "pdf/content.h"
#include "pdf/page_writer.h"
#include "pdf/path_content.h"

namespace jan20::pdf {
namespace {

HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }

// Pages that differ by less than this are the same size.
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

PagePlacement place_page(const SheetSize& size, double page_width, double page_height, bool left_half, int sheet,
                         double creep, double bleed) {
  const double fold = size.width / 2;
  const double bottom = (size.height - page_height) / 2;
  const double shift = std::clamp(sheet * creep, 0.0, page_width);
  PagePlacement p;
  p.clip_left = left_half ? fold - page_width - bleed : fold;
  p.clip_bottom = bottom - bleed;
  p.clip_width = page_width + bleed;
  p.clip_height = page_height + 2 * bleed;
  // Towards the fold: the left page moves right, the right page left.
  p.x = left_half ? fold - page_width + shift : fold - shift;
  p.y = bottom;
  return p;
}

std::vector<SheetMark> sheet_marks(const SheetPlan& plan, double page_width, double page_height) {
  std::vector<SheetMark> marks;
  if (!plan.marks) return marks;
  const double fold = plan.size.width / 2;
  const double left = fold - page_width, right = fold + page_width;
  const double bottom = (plan.size.height - page_height) / 2, top = bottom + page_height;
  const double near = plan.bleed + kSheetMarkGap, far = near + plan.mark_length;
  for (double y : {bottom, top}) {
    marks.push_back({left - near, y, left - far, y});
    marks.push_back({right + near, y, right + far, y});
  }
  for (double x : {left, right}) {
    marks.push_back({x, bottom - near, x, bottom - far});
    marks.push_back({x, top + near, x, top + far});
  }
  marks.push_back({fold, bottom - near, fold, bottom - far, true});
  marks.push_back({fold, top + near, fold, top + far, true});
  return marks;
}

namespace {

bool same_size(const model::Page& a, const model::Page& b) {
  return std::abs(a.width - b.width) < kSizeTolerance && std::abs(a.height - b.height) < kSizeTolerance;
}

// The pages, each drawn once on a detached page and turned into a form
// clipped to its trim box plus the bleed the sheet keeps (the halves of a
// sheet meet at the trim: place() clips each to its side of the fold).
bool write_forms(DocumentWriter& w, double bleed, std::vector<HPDF_XObject>* forms) {
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
    HPDF_XObject form = page_into_form(w.doc, w.pages[i],
                                       {f(t.left - bleed), f(t.bottom - bleed), f(t.right + bleed), f(t.top + bleed)});
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

void draw_marks(HPDF_Page sheet, const std::vector<SheetMark>& marks) {
  if (marks.empty()) return;
  // Registration colour: 100 % of every ink, so the marks show on each plate.
  HPDF_Page_SetCMYKStroke(sheet, 1, 1, 1, 1);
  HPDF_Page_SetLineWidth(sheet, 0.25);
  for (bool fold : {false, true}) {
    if (fold) {
      const HPDF_UINT16 dash[2] = {2, 2};  // libharu 2.3 takes whole points
      HPDF_Page_SetDash(sheet, dash, 2, 0);
    }
    PathContent lines;
    for (const SheetMark& m : marks) {
      if (m.fold != fold) continue;
      lines.move_to(f(m.x1), f(m.y1));
      lines.line_to(f(m.x2), f(m.y2));
      lines.paint("S");
    }
    write_content(sheet, lines.bytes());
  }
}

}  // namespace

bool plan_sheet_for(const model::Page& first, const PdfOptions& options, SheetPlan* plan, std::string* error,
                    std::string* hint) {
  return plan_sheet(first.width, first.height, first.bleed,
                    {options.sheet, options.target == Target::Print, options.sheet_marks || options.marks}, plan,
                    error, hint);
}

bool write_imposed_sheets(DocumentWriter& w) {
  const model::Page& first = w.source.pages.front();
  const bool print = w.options.target == Target::Print;
  SheetPlan plan;
  std::string error, hint;
  if (!plan_sheet_for(first, w.options, &plan, &error, &hint)) {
    w.sink.error({}, "cannot impose: " + error, hint);
    return false;
  }
  std::vector<HPDF_XObject> forms;
  if (!write_forms(w, plan.bleed, &forms)) return false;
  const SheetSize& size = plan.size;
  const std::vector<SheetMark> marks = print ? sheet_marks(plan, first.width, first.height) : std::vector<SheetMark>{};
  // The spread as trimmed (the flat sheet after the cut, before folding),
  // and its bleed: PDF/X's TrimBox and BleedBox of the sheet; the marks lie
  // outside both.
  const double spread_left = size.width / 2 - first.width, spread_bottom = (size.height - first.height) / 2;
  const HPDF_Box trim{f(spread_left), f(spread_bottom), f(spread_left + 2 * first.width),
                      f(spread_bottom + first.height)};
  const HPDF_Box bleed{f(spread_left - plan.bleed), f(spread_bottom - plan.bleed),
                       f(spread_left + 2 * first.width + plan.bleed), f(spread_bottom + first.height + plan.bleed)};
  for (const SheetSide& side : saddle_stitch_order(static_cast<int>(forms.size()))) {
    HPDF_Page sheet = HPDF_AddPage(w.doc.get());
    if (!sheet) return w.doc.check(w.sink, "adding a printer sheet");
    HPDF_Page_SetWidth(sheet, f(size.width));
    HPDF_Page_SetHeight(sheet, f(size.height));
    if (print) {
      HPDF_Dict_Add(sheet, "TrimBox", HPDF_Box_Array_New(w.doc.mmgr(), trim));
      HPDF_Dict_Add(sheet, "BleedBox", HPDF_Box_Array_New(w.doc.mmgr(), bleed));
    }
    for (bool left : {true, false}) {
      int number = left ? side.left : side.right;
      if (number == 0) continue;  // a blank page of the padding
      size_t index = static_cast<size_t>(number - 1);
      place(sheet, forms[index], w.geometry[index],
            place_page(size, first.width, first.height, left, side.sheet, w.options.creep, plan.bleed));
    }
    draw_marks(sheet, marks);
    if (!w.doc.check(w.sink, "writing sheet " + std::to_string(side.sheet + 1) + (side.front ? " front" : " back")))
      return false;
  }
  return true;
}

}  // namespace jan20::pdf
