#pragma once
// The design of a document (one layout TOML file), as plain data. Produced by
// load/, read by layout/ and pdf/. All lengths in points.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/color.h"
#include "core/diagnostic.h"

namespace jan20::model {

// A font as the layout names it: a family + style looked up through the font
// manifest / fontconfig, or a path relative to the project.
struct FontSpec {
  std::string family;   // "Noto Serif"
  std::string style = "Regular";  // "Regular", "Bold", "Italic", "Bold Italic"
  std::string path;     // optional explicit path (relative to the project)
  int index = 0;        // face index in a collection
  std::vector<std::string> fallback;  // names of other [fonts.*] entries, tried in order
  SourceLocation where;
};

enum class Align { Justify, Left, Right, Center };
enum class CaseTransform { None, Upper, Lower, SmallCaps };

struct ParagraphStyle {
  std::string font;           // key into Design::fonts
  double size = 10.5;         // pt
  double leading = 13;        // baseline-to-baseline, pt
  double tracking = 0;        // letter spacing in 1/1000 em
  std::string color = "text"; // key into Design::colors
  Align align = Align::Justify;
  bool hyphenate = true;       // default: true for justified text, false for ragged and centred
  // Ragged lines as equal in length as the words allow, their number kept
  // (CSS text-wrap: balance; layout/balance.h). Default: true for centred text.
  bool balance = false;
  std::vector<std::string> features;  // OpenType features: "smcp", "-liga", "onum"
  CaseTransform transform = CaseTransform::None;
  double space_before = 0;
  double space_after = 0;
  bool keep_with_next = false;
  double indent = 0;          // first-line indent
  // Whether the first paragraph after a heading, figure, list, table, facts,
  // timeline, contents or page break keeps `indent` (books: it does not).
  bool indent_first = false;
  double left_indent = 0;     // whole paragraph (block quotes, lists)
  double right_indent = 0;
  std::string emphasis_font;  // font used for *emphasis* spans; empty = same
  std::string strong_font;    // font used for **strong** spans; empty = same
  // Contents entries: the character repeated between an entry's title and its
  // page number ("." for dot leaders), aligned from entry to entry; empty = none.
  std::string leader;
  SourceLocation where;
};

struct Ornament {
  std::string kind;   // "rule", "box", "flag", "ribbon", "carnation", "qr"
  double x = 0, y = 0, width = 0, height = 0;  // from the trim box's top-left corner
  std::string color;  // key into Design::colors (fill or stroke)
  std::string stroke; // stroke colour key; empty = none
  double line_width = 0.5;
  SourceLocation where;
};

enum class FitMode { Overflow, Shrink, Fill };  // report overflow; shrink text until it fits; or scale it (up or down) to fill the frame

struct Frame {
  std::string name;   // content blocks name the frame they flow into ("headline")
  double x = 0, y = 0, width = 0, height = 0;  // from the trim box's top-left corner
  int columns = 1;
  double gutter = 12;
  FitMode fit = FitMode::Overflow;
  std::string align_vertical = "top";  // "top", "center", "bottom"
  std::string style;  // paragraph style of the frame's paragraphs that name none; empty = "body"
  // The frame starts `gap` below where the text of frame `follows` ends and
  // keeps its bottom edge: the free space of a short frame goes to this one.
  std::string follows;
  double gap = 0;
  bool balance = true;  // columns end at the same height (the first may be one line longer)
  SourceLocation where;
};

// What a master page is for, so that no code compares master names:
// Body: ordinary pages; First: the document's first page (the cover) until
// the first page-break; Last: a page kept last when the page count is padded
// (the back cover); Blank: the master of the padding pages.
enum class MasterRole { Body, First, Last, Blank };

struct MasterPage {
  std::string name;           // "cover", "body", "back"
  std::string background;     // colour key for a full-bleed background; empty = none
  std::string header;         // template: "{title}", "{section}", "{page}"
  std::string footer;         // template, e.g. "{page}"
  std::string header_style;   // paragraph style for the running header
  std::string footer_style;
  bool numbered = true;       // counts in the page labels and shows {page}
  bool centre_on_trim = false;  // text centred on the trimmed page, not on the (facing) text area
  MasterRole role = MasterRole::Body;
  bool running_head = true;   // the header template is drawn …
  bool folio = true;          // … and the footer template
  bool head_on_opening = false;   // header also on a page where a level-1 heading (a section) opens
  bool head_on_contents = false;  // header also on a page that holds the table of contents
  bool listed = true;         // headings on its pages go into the contents and the outline (First/Last: false)
  std::vector<Ornament> ornaments;
  std::vector<Frame> frames;  // poster: placed frames; empty = the page's text area
  SourceLocation where;
};

struct Design {
  std::string path;
  // Page
  double page_width = 0, page_height = 0;  // trim size
  double margin_top = 0, margin_bottom = 0, margin_inner = 0, margin_outer = 0;
  bool facing = false;       // facing pages: inner/outer mirror
  int columns = 1;
  double gutter = 12;
  double bleed = 8.5039;     // 3 mm
  int page_multiple = 1;     // pad the page count to a multiple of this (4 for booklets)
  double ink_limit = 300;    // percent
  // Hyphenation
  int hyphen_min_word = 5;   // letters
  int hyphen_min_left = 3, hyphen_min_right = 3;  // no two-letter fragments
  int max_consecutive_hyphens = 2;
  struct HyphenMinimums {     // [hyphenation.<lang>]: overrides for one language (primary subtag)
    int min_word = 5, min_left = 3, min_right = 3;
  };
  std::map<std::string, HyphenMinimums> hyphen_languages;
  // Line breaking, with TeX's names (see text/linebreak/params.h)
  double hyphen_penalty = 50;             // \hyphenpenalty
  double double_hyphen_demerits = 10000;  // \doublehyphendemerits
  double final_hyphen_demerits = 5000;    // \finalhyphendemerits (charged when a setting must hyphenate the penultimate line)
  bool uchyph = false;                    // \uchyph: hyphenate words that start with a capital
  bool penultimate_hyphen = false;        // the line before a paragraph's last may end with a hyphen without need
  double tolerance = 1.0;                 // largest adjustment ratio before the emergency pass
  double emergency_tolerance = 1.5;      // the first emergency pass's bar (a second has none)
  double pretolerance = 1.0;              // largest ratio of the first pass (no hyphenation)
  double expansion = 0.02;                // font expansion of justified lines: ±2 % …
  double expansion_step = 0.005;          // … in steps of 0.5 %
  bool protrusion = true;                 // character protrusion of justified lines (pdfTeX's \pdfprotrudechars)
  int widows = 2, orphans = 2;
  double baseline_grid = 0;  // pt: lines whose leading equals it sit on a grid from the column's top (0: no grid)
  // Sections (a level-1 heading and what follows it): each on a new page
  // (the content's page-breaks), or run on `section_space` after the one
  // before (layout/sections.h says which page-breaks stay).
  bool sections_run_on = false;
  double section_space = 0;  // pt
  std::vector<std::string> hyphenation_exceptions;
  std::string hyphenation_file;  // project file with more exceptions, one word per line
  // Named things
  std::map<std::string, Color> colors;
  std::map<std::string, SourceLocation> color_where;  // the value of each [colors.*] entry (cmyk, rgb or gray)
  std::map<std::string, FontSpec> fonts;
  std::map<std::string, ParagraphStyle> styles;   // "body", "h1", "h2", "h3", "quote", "caption", "fact-value", …
  std::map<std::string, MasterPage> masters;
  SourceLocation where;
};

}  // namespace jan20::model
