#pragma once
// The printer sheet a saddle-stitched booklet is imposed on, and what fits
// on it around the two trimmed pages of each side (the "spread"): the bleed
// and the trim and fold marks a print shop cuts and folds by.
//
// Sheets are named like the paper a shop stocks: SRA4 (320 × 225 mm) and
// SRA3 (450 × 320) are ISO 217's "supplementary raw" sizes, A sizes plus room
// for bleed, marks and the press's grip; A4 and A3 are office paper; any
// other sheet is given as WIDTHxHEIGHT in mm ("330x240"). Sheets are used
// landscape: the pages meet at the sheet's vertical middle, the fold.
//
// Default: for print, the smallest SRA sheet that holds the spread, its bleed
// and marks (A5 pages: SRA4); for screen (no bleed, no marks), the smallest A
// sheet that holds the two pages (A5 pages: A4, for an office duplex printer).
#include <string>
#include <string_view>

namespace jan20::pdf {

struct SheetSize {
  double width = 0, height = 0;  // pt, landscape (width >= height)
  std::string name;              // "SRA4", "A4", or "" for a custom size
};

// A named or WIDTHxHEIGHT (mm) sheet, turned landscape. False for anything
// else (the caller says which names exist: kSheetNames).
bool sheet_named(std::string_view name, SheetSize* out);
inline constexpr std::string_view kSheetNames = "SRA4, SRA3, SRA2, A4, A3, or WIDTHxHEIGHT in mm (e.g. 330x240)";

// The smallest ISO A sheet that holds two pages side by side (A5 pages on
// A4), or exactly two pages wide when none does.
SheetSize sheet_for(double page_width, double page_height);

// Trim and fold marks: they start kSheetMarkGap outside the bleed and are
// kSheetMarkLength long, shortened to what the sheet's margin allows but
// never below kSheetMarkMinLength (SRA4 around A5 with 3 mm bleed leaves
// 7.5 mm above and below the pages: marks of about 3.4 mm).
constexpr double kSheetMarkGap = 3;         // pt beyond the bleed
constexpr double kSheetMarkLength = 15;     // pt, when there is room
constexpr double kSheetMarkMinLength = 6;   // pt; shorter marks are not drawn

struct SheetPlan {
  SheetSize size;
  double bleed = 0;        // bleed kept around the spread (0: the sheet has no room, pages cut at the trim)
  bool marks = false;      // trim and fold marks drawn
  double mark_length = 0;  // pt
  std::string note;        // what the sheet leaves out and why ("" when nothing)
};

struct SheetRequest {
  std::string sheet;       // "" = the default for the target
  bool print = true;       // print target: bleed kept and marks drawn where the sheet has room
  bool marks_asked = false;  // --marks: a sheet without room for them is an error
};

// Plans the sheet for pages of page_width × page_height with `bleed` on every
// side. On failure returns false with `error` and `hint` (what to pass).
bool plan_sheet(double page_width, double page_height, double bleed, const SheetRequest& request, SheetPlan* plan,
                std::string* error, std::string* hint);

}  // namespace jan20::pdf
