#include "layout/flow.h"

#include <cmath>

namespace jan20::layout {

const EntryNotes& VerticalEntry::notes() const {
  static const EntryNotes none;
  return notes_.notes ? *notes_.notes : none;
}

EntryNotes& VerticalEntry::edit_notes() {
  if (!notes_.notes) notes_.notes = std::make_unique<EntryNotes>();
  return *notes_.notes;
}

namespace {
void mark_overflow(PageFlow& page, size_t entry, double column_height, bool kept_together) {
  if (page.forced_overflow) return;
  page.forced_overflow = true;
  page.overflow_entry = entry;
  page.overflow_column_height = column_height;
  page.overflow_kept_together = kept_together;
}

// The first multiple of the grid at or below y (y itself when there is no grid).
double grid_top(double y, double grid) {
  if (grid <= 0) return y;
  return std::ceil((y - 0.01) / grid) * grid;
}

bool only_spaces(const std::vector<VerticalEntry>& entries, const std::vector<PlacedEntry>& placed, size_t from) {
  for (size_t k = from; k < placed.size(); ++k)
    if (entries[placed[k].entry].kind != VerticalEntry::Kind::Space) return false;
  return true;
}

// A line on the grid comes `pad` lower than the entries before it end. When
// those entries (a heading, a quote, a figure) begin with a space, the pad
// goes into that space, so they stay close to the line they lead into, as a
// book designer sets a heading on a grid; otherwise (at a column's top) it
// goes right above the line.
void pad_before_grid_line(const std::vector<VerticalEntry>& entries, std::vector<PlacedEntry>& placed,
                          size_t first_after_grid_line, double pad) {
  if (first_after_grid_line + 1 >= placed.size()) return;
  if (entries[placed[first_after_grid_line].entry].kind != VerticalEntry::Kind::Space) return;
  for (size_t k = first_after_grid_line + 1; k < placed.size(); ++k) placed[k].y += pad;
}
}  // namespace

// Greedy filling with backtracking: entries go into the current column while
// they fit; when one does not, the column ends at the last entry that allows a
// break before it (set by widow/orphan/keep rules when the entries were made),
// and everything after that moves on. An entry taller than an empty column is
// placed anyway and flagged. Cost is linear in the number of entries (each entry
// is moved back at most once per column it is pushed out of, and the rules
// only forbid short runs). With a baseline grid, a line marked on_grid starts at
// the next multiple of the grid, so lines of body text on facing pages (whose
// columns start at the same height) are in register whatever came before them.
std::vector<PageFlow> paginate(const PaginateInput& in) {
  const std::vector<VerticalEntry>& entries = *in.entries;
  std::vector<PageFlow> pages;
  std::string master = in.first_master;

  size_t i = 0;
  bool after_break = true;  // the page starts because of a forced break (or is the first)
  // Figures that did not fit where they came wait for the top of the next
  // column, while the text after them goes on filling this one.
  std::vector<size_t> deferred;
  while (i < entries.size() || !deferred.empty() || pages.empty()) {
    // A forced break right where a page filled up does not make an empty page.
    if (!after_break && deferred.empty() && i < entries.size() && entries[i].kind == VerticalEntry::Kind::PageBreak) {
      master = entries[i].notes().master.empty() ? "body" : entries[i].notes().master;
      ++i;
    }
    PageFlow page;
    page.master = master;
    int page_index = static_cast<int>(pages.size());
    std::vector<ColumnBox> cols = in.columns(in.context, page_index, master);
    page.columns.resize(cols.size());
    std::string next_master = "body";
    bool page_break = false;

    for (size_t c = 0; c < cols.size() && (i < entries.size() || !deferred.empty()) && !page_break; ++c) {
      std::vector<PlacedEntry>& placed = page.columns[c];
      double y = 0;
      size_t after_grid_line = 0;  // placed entries from here on came after the last line on the grid
      // Spaces at the top of a column are discarded, as TeX discards glue at
      // a page break; but a page begun by a forced break keeps them (like
      // \vspace*), so a dedication or a cover title can sit lower.
      if (!(after_break && c == 0))
        while (i < entries.size() && entries[i].kind == VerticalEntry::Kind::Space) ++i;
      // Waiting figures first, in their order, as many as fit (the first
      // always: an empty column is as good as it gets).
      size_t taken = 0;
      for (; taken < deferred.size(); ++taken) {
        const VerticalEntry& figure = entries[deferred[taken]];
        if (!placed.empty() && y + figure.height > cols[c].height + 0.01) break;
        if (figure.height > cols[c].height + 0.01) mark_overflow(page, deferred[taken], cols[c].height, false);
        placed.push_back({deferred[taken], y});
        y += figure.height;
      }
      deferred.erase(deferred.begin(), deferred.begin() + static_cast<long>(taken));
      while (i < entries.size()) {
        const VerticalEntry& entry = entries[i];
        if (entry.kind == VerticalEntry::Kind::PageBreak && !deferred.empty()) break;  // figures stay in their section
        if (entry.floats && !placed.empty() && y + entry.height > cols[c].height + 0.01) {
          deferred.push_back(i++);
          continue;
        }
        if (entry.kind == VerticalEntry::Kind::PageBreak) {
          next_master = entry.notes().master.empty() ? "body" : entry.notes().master;
          ++i;
          page_break = true;
          break;
        }
        if (entry.kind == VerticalEntry::Kind::Space) {
          if (y + entry.height <= cols[c].height) {
            placed.push_back({i, y});
            y += entry.height;
            ++i;
            continue;
          }
          // A space at the bottom ends the column, if a break is legal
          // there: not between a heading and the text it keeps with.
          size_t next = i + 1;
          while (next < entries.size() && entries[next].kind == VerticalEntry::Kind::Space) ++next;
          if (next >= entries.size() || entries[next].break_before ||
              entries[next].kind == VerticalEntry::Kind::PageBreak) {
            ++i;
            break;
          }
          // Otherwise: back to the last legal break, as for content below.
        }
        const bool space = entry.kind == VerticalEntry::Kind::Space;
        double top = entry.on_grid ? grid_top(y, in.grid) : y;
        // Only spaces since the last line on the grid (between paragraphs,
        // list items, timeline entries): they round to the nearest line, so a
        // small space is not blown up into a blank line.
        if (entry.on_grid && top > y && after_grid_line > 0 && only_spaces(entries, placed, after_grid_line) &&
            top - y > in.grid / 2)
          top -= in.grid;
        if (!space && top + entry.height <= cols[c].height + 0.01) {
          if (top > y) pad_before_grid_line(entries, placed, after_grid_line, top - y);
          placed.push_back({i, top});
          y = top + entry.height;
          if (entry.on_grid) after_grid_line = placed.size();
          ++i;
          continue;
        }
        // Does not fit: end the column at the last legal break.
        size_t k = placed.size();
        while (k > 0 && !entries[placed[k - 1].entry].break_before) --k;
        // placed[k-1] allows a break before it; keep it out unless that empties the column.
        bool has_content_before = false;
        for (size_t j = 0; j + 1 < k; ++j)
          if (entries[placed[j].entry].kind == VerticalEntry::Kind::Content) has_content_before = true;
        if (entry.break_before && !placed.empty()) {
          // Breaking right here is legal.
        } else if (k > 0 && has_content_before) {
          i = placed[k - 1].entry;
          placed.resize(k - 1);
        } else if (placed.empty()) {
          // Taller than an empty column: place it anyway.
          placed.push_back({i, y});
          mark_overflow(page, i, cols[c].height, false);
          ++i;
        } else {
          // No legal break in this column: break here regardless.
          mark_overflow(page, i, cols[c].height, true);
        }
        break;
      }
      // Drop trailing spaces.
      while (!placed.empty() && entries[placed.back().entry].kind == VerticalEntry::Kind::Space) placed.pop_back();
    }
    pages.push_back(std::move(page));
    master = page_break ? next_master : "body";
    after_break = page_break;
    if (i >= entries.size() && deferred.empty()) break;
  }
  return pages;
}

std::string first_master(const model::Design& design) {
  for (const auto& [name, m] : design.masters)
    if (m.role == model::MasterRole::First) return name;
  return "body";
}

const model::MasterPage* master_with_role(const model::Design& design, model::MasterRole role) {
  for (const auto& [name, m] : design.masters)
    if (m.role == role) return &m;
  return nullptr;
}

}  // namespace jan20::layout
