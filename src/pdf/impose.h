#pragma once
// Booklet imposition for saddle stitching: printer sheets with two pages on
// each side, in the order that folding and nesting the sheets gives back the
// booklet. An office printer prints them duplex ("flip on short edge"); the
// stack is folded in the middle and stapled on the fold.
//
// Stitch order (n pages padded with blanks to a multiple of 4, sheets
// counted from the outside, k = 0 … n/4 − 1, pages 1-based):
//   sheet k front:  n − 2k  |  2k + 1
//   sheet k back:   2k + 2  |  n − 2k − 1
// so 16 pages give 16|1, 2|15 on the outer sheet and 10|7, 8|9 in the middle.
//
// Each page is written once, as a form XObject (ISO 32000-1 §8.10) that its
// sheet side places with `cm … Do`; fonts and images are shared as in the
// booklet itself, so the sheets cost about as much as the booklet's pages.
// See haru.h (new_detached_page, page_into_form) for how forms are made
// through libharu 2.3.0, which has no form API.
//
// Creep: nested sheets push their fold outwards by about a paper thickness
// each, so after the fore-edge is trimmed the inner pages are narrower and
// their content sits nearer the trimmed edge. Compensation ("shingling")
// moves the content of sheet k towards the spine by k × creep; each page is
// clipped to its half of the sheet so nothing crosses the fold.
#include <string>
#include <vector>

#include "model/paged.h"
#include "pdf/sheet_plan.h"
#include "pdf/write_pdf.h"

namespace jan20::pdf {

struct DocumentWriter;

// Pages after padding with blanks to a multiple of 4 (0 stays 0).
int padded_page_count(int pages);

// One side of one sheet: the booklet pages on its left and right halves,
// 1-based; 0 is a blank page (padding).
struct SheetSide {
  int sheet = 0;       // 0 = outermost
  bool front = true;
  int left = 0, right = 0;
};

// Every sheet side in printing order: sheet 0 front, sheet 0 back, sheet 1
// front, … Pages above `pages` (padding) are given as 0.
std::vector<SheetSide> saddle_stitch_order(int pages);

// Where one page goes on a sheet side, in the sheet's PDF user space.
struct PagePlacement {
  double clip_left = 0, clip_bottom = 0, clip_width = 0, clip_height = 0;  // the page's half, with its bleed
  double x = 0, y = 0;  // where the page's trim box lower-left corner lands
};
// The left or right page of sheet `sheet` on `size`, trimmed pages of
// page_width × page_height meeting at the sheet's middle, shifted towards
// the fold by sheet × creep (pt), at most the page width. The clip takes in
// `bleed` on the three sides away from the fold; at the fold the pages meet.
PagePlacement place_page(const SheetSize& size, double page_width, double page_height, bool left_half, int sheet,
                         double creep, double bleed = 0);

// The trim and fold marks of a sheet side, in the sheet's user space: crop
// marks on the spread's trim lines at its four corners, and a fold mark at
// the spine above and below, each starting kSheetMarkGap outside the bleed.
struct SheetMark {
  double x1, y1, x2, y2;
  bool fold = false;  // drawn dashed
};
std::vector<SheetMark> sheet_marks(const SheetPlan& plan, double page_width, double page_height);

// The sheet for imposing pages like `first` with `options` (its sheet, its
// target, and whether marks were asked for): the one plan both the build's
// check before writing and write_imposed_sheets use.
bool plan_sheet_for(const model::Page& first, const PdfOptions& options, SheetPlan* plan, std::string* error,
                    std::string* hint);

// Writes the document's pages as forms and the saddle-stitched sheets that
// place them (PdfOptions::impose). Returns false after reporting.
bool write_imposed_sheets(DocumentWriter& w);

}  // namespace jan20::pdf
