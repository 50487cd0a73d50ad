#include "pdf/sheet_plan.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/units.h"

namespace jan20::pdf {
namespace {

// Sizes that differ by less than this are the same paper (A4's long side is
// 841.89 pt, two A5 pages 839.06 pt; rounding of mm sizes stays far below).
constexpr double kSizeTolerance = 0.5;

struct NamedSheet {
  std::string_view name;
  double long_mm, short_mm;
};
// ISO 217 SRA sizes, smallest first (the default for print).
constexpr NamedSheet kSra[] = {{"SRA4", 320, 225}, {"SRA3", 450, 320}, {"SRA2", 640, 450},
                               {"SRA1", 900, 640}, {"SRA0", 1280, 900}};

SheetSize landscape(double w, double h, std::string name) {
  return {std::max(w, h), std::min(w, h), std::move(name)};
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "330x240" (mm; also "330 x 240", "330×240"), each side 50–2000 mm.
bool custom_sheet(std::string_view text, SheetSize* out) {
  std::string s;
  for (char c : text)
    if (c != ' ') s += c;
  size_t x = s.find('x');
  size_t skip = 1;
  if (x == std::string::npos) {
    x = s.find("\xC3\x97");  // ×
    skip = 2;
  }
  if (x == std::string::npos) return false;
  double w = 0, h = 0;
  const char* a = s.data();
  auto rw = std::from_chars(a, a + x, w);
  auto rh = std::from_chars(a + x + skip, a + s.size(), h);
  if (rw.ec != std::errc() || rw.ptr != a + x || rh.ec != std::errc() || rh.ptr != a + s.size()) return false;
  if (!(w >= 50 && w <= 2000 && h >= 50 && h <= 2000)) return false;
  *out = landscape(mm_to_pt(w), mm_to_pt(h), "");
  return true;
}

bool holds(const SheetSize& s, double need_w, double need_h) {
  return s.width + kSizeTolerance >= need_w && s.height + kSizeTolerance >= need_h;
}

std::string mm(double pt) {
  double v = std::round(pt_to_mm(pt) * 10) / 10;
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, v == std::floor(v) ? 0 : 1);
  return std::string(buf, r.ptr);
}

std::string describe(const SheetSize& s) {
  std::string size = mm(s.width) + " x " + mm(s.height) + " mm";
  return s.name.empty() ? size : s.name + " (" + size + ")";
}

}  // namespace

bool sheet_named(std::string_view name, SheetSize* out) {
  const std::string key = upper(name);
  for (const NamedSheet& s : kSra) {
    if (key == s.name) {
      *out = landscape(mm_to_pt(s.long_mm), mm_to_pt(s.short_mm), std::string(s.name));
      return true;
    }
  }
  double w = 0, h = 0;
  if (key.size() == 2 && key[0] == 'A' && paper_size(key, &w, &h)) {
    *out = landscape(w, h, key);
    return true;
  }
  return custom_sheet(name, out);
}

SheetSize sheet_for(double page_width, double page_height) {
  // From the smallest A size up: the first that holds both pages.
  for (int a = 6; a >= 0; --a) {
    std::string name = "A" + std::to_string(a);
    double w = 0, h = 0;
    if (!paper_size(name, &w, &h)) continue;
    SheetSize s = landscape(w, h, name);
    if (holds(s, 2 * page_width, page_height)) return s;
  }
  return {2 * page_width, page_height, ""};
}

bool plan_sheet(double page_width, double page_height, double bleed, const SheetRequest& request, SheetPlan* plan,
                std::string* error, std::string* hint) {
  bleed = request.print ? std::max(0.0, bleed) : 0.0;
  const double spread_w = 2 * page_width, spread_h = page_height;
  const double mark_reach = bleed + kSheetMarkGap + kSheetMarkMinLength;  // from the trim, each side
  SheetSize size;
  if (!request.sheet.empty()) {
    if (!sheet_named(request.sheet, &size)) {
      *error = "unknown printer sheet \"" + request.sheet + "\"";
      *hint = "give --sheet one of " + std::string(kSheetNames);
      return false;
    }
  } else if (!request.print) {
    size = sheet_for(page_width, page_height);
  } else {
    size = {spread_w + 2 * (bleed + kSheetMarkGap + kSheetMarkLength),
            spread_h + 2 * (bleed + kSheetMarkGap + kSheetMarkLength), ""};
    for (const NamedSheet& s : kSra) {
      SheetSize named = landscape(mm_to_pt(s.long_mm), mm_to_pt(s.short_mm), std::string(s.name));
      if (holds(named, spread_w + 2 * mark_reach, spread_h + 2 * mark_reach)) {
        size = named;
        break;
      }
    }
  }
  // What to suggest when the sheet is too small: the smallest SRA sheet
  // with room for everything, or a custom size.
  std::string fitting = mm(spread_w + 2 * mark_reach) + "x" + mm(spread_h + 2 * mark_reach);
  for (const NamedSheet& s : kSra) {
    if (holds(landscape(mm_to_pt(s.long_mm), mm_to_pt(s.short_mm), ""), spread_w + 2 * mark_reach,
              spread_h + 2 * mark_reach)) {
      fitting = std::string(s.name);
      break;
    }
  }
  const std::string suggestion = "choose a sheet of at least " + mm(spread_w + 2 * mark_reach) + " x " +
                                 mm(spread_h + 2 * mark_reach) + " mm with --sheet (e.g. --sheet " + fitting + ")";
  if (!holds(size, spread_w, spread_h)) {
    *error = "the sheet " + describe(size) + " cannot hold two pages of " + mm(page_width) + " x " +
             mm(page_height) + " mm side by side";
    *hint = suggestion;
    return false;
  }
  plan->size = size;
  // The margin around the spread: the narrower of the sides and the ends.
  const double room = std::min((size.width - spread_w) / 2, (size.height - spread_h) / 2);
  plan->bleed = room + kSizeTolerance / 2 >= bleed ? bleed : 0;
  const double mark_room = room - plan->bleed - kSheetMarkGap;
  plan->marks = request.print && plan->bleed == bleed && mark_room + 1e-9 >= kSheetMarkMinLength;
  plan->mark_length = plan->marks ? std::min(kSheetMarkLength, mark_room) : 0;
  plan->note.clear();
  if (!request.print) return true;
  if (plan->bleed < bleed) {
    plan->note = "the sheet " + describe(size) + " has no room for the " + mm(bleed) +
                 " mm bleed: pages are cut at the trim and no marks are drawn (for a print shop, use --sheet " +
                 fitting + ")";
  } else if (!plan->marks) {
    plan->note = "the sheet " + describe(size) + " has no room for trim and fold marks beside the bleed";
  }
  if (!plan->marks && request.marks_asked) {
    *error = "--marks: the sheet " + describe(size) + " has no room for trim and fold marks around two " +
             mm(page_width) + " x " + mm(page_height) + " mm pages and their " + mm(bleed) + " mm bleed";
    *hint = suggestion + ", or leave out --marks";
    return false;
  }
  return true;
}

}  // namespace jan20::pdf
