#pragma once
// The vertical list: what blocks become before they are cut into columns and
// pages. Like TeX's vertical mode, simplified: content entries of fixed height
// (a line of text, a figure, a row of fact figures), discardable spaces, and
// forced breaks. Whether a column may break before an entry is decided when
// the entry is made (widows, orphans, keep-with-next), so paginating is a
// single greedy pass with backtracking to the last legal break.
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "layout/item_pool.h"
#include "model/design.h"

#include "model/paged.h"

namespace jan20::layout {

// What a few entries carry besides their height and items: a page break's
// master, a heading's anchor and title, the report's boxed paragraphs. Kept
// behind a pointer so that the entry of a plain line, of which a long book
// has hundreds of thousands, stays small.
struct EntryNotes {
  std::string master;         // PageBreak: master of the next page ("" = body)
  std::string anchor;         // a heading's id: links to "#anchor" land here
  int heading_level = 0;
  std::string heading_title;
  std::vector<int> boxed_paragraphs;  // report paragraphs drawn whole inside this entry (cells, captions, events)
};

struct VerticalEntry {
  enum class Kind { Content, Space, PageBreak };
  Kind kind = Kind::Content;
  bool break_before = true;   // a column/page may end just before this entry
  bool on_grid = false;       // a line of the baseline grid's leading: its top goes on the grid (PaginateInput::grid)
  bool floats = false;        // a figure: when it does not fit here, it waits for the next column's top
  bool in_contents = true;    // headings on pages of an unlisted master (the cover, the back) are not listed
  bool contents_entry = false;  // a line of the table of contents
  // Bookkeeping for the report.
  int paragraph = -1;         // index into the report's paragraphs
  int line = -1;              // line index within its paragraph (-1: not a line of a paragraph)
  double height = 0;
  EntryItems items;  // what it draws: x from the column's left edge, y from the entry's top (item_pool.h)
  // The content block it comes from (for warnings); it points into the
  // model::Document, which outlives the vertical list. Null: none.
  const SourceLocation* where = nullptr;

  // The notes, empty ones when the entry has none.
  const EntryNotes& notes() const;
  // The notes to fill in, made on first use.
  EntryNotes& edit_notes();

 private:
  // Owns the notes; a copied entry gets its own copy of them.
  struct NotesPointer {
    std::unique_ptr<EntryNotes> notes;
    NotesPointer() = default;
    NotesPointer(NotesPointer&&) noexcept = default;
    NotesPointer& operator=(NotesPointer&&) noexcept = default;
    NotesPointer(const NotesPointer& other)
        : notes(other.notes ? std::make_unique<EntryNotes>(*other.notes) : nullptr) {}
    NotesPointer& operator=(const NotesPointer& other) { return *this = NotesPointer(other); }
  };
  NotesPointer notes_;
};

// A column on a page where entries are placed.
struct ColumnBox {
  double x = 0, y = 0, width = 0, height = 0;
};

struct PlacedEntry {
  size_t entry = 0;  // index into the vertical list
  double y = 0;      // top of the entry from the column's top
};

struct PageFlow {
  std::string master;
  std::vector<std::vector<PlacedEntry>> columns;
  bool forced_overflow = false;  // an entry taller than its column was placed anyway
  // The first such entry: its index, the column's height, and whether it was
  // a run of entries kept together (no legal break) rather than one tall entry.
  size_t overflow_entry = 0;
  double overflow_column_height = 0;
  bool overflow_kept_together = false;
  bool blank = false;            // a padding page: its master's background and ornaments only, no head or folio
};

// Returns the columns (for page index `page`, with master `master`) that the
// flow may use on that page.
using ColumnsForPage = std::vector<ColumnBox> (*)(const void* context, int page, const std::string& master);

struct PaginateInput {
  const std::vector<VerticalEntry>* entries = nullptr;
  std::string first_master = "body";
  const void* context = nullptr;
  ColumnsForPage columns = nullptr;
  double grid = 0;  // the baseline grid: entries marked on_grid start at a multiple of it from the column's top
};

std::vector<PageFlow> paginate(const PaginateInput& input);

// The master of the first page: "cover" when the layout has one, else
// "body". The block builder (which styles and lists the headings of the
// pages before the first page-break) and paginate must agree on it.
std::string first_master(const model::Design& design);  // the master with role "first", else "body"
const model::MasterPage* master_with_role(const model::Design& design, model::MasterRole role);  // null: none

}  // namespace jan20::layout
