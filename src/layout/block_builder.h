#pragma once
// Turns the document's blocks into the vertical list (flow.h): headings,
// paragraphs, quotes, lists, figures, fact figures, the timeline, the names
// table and the table of contents, each set with its paragraph style.
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "layout/flow.h"
#include "layout/paragraph_memo.h"
#include "layout/styles.h"
#include "layout/tags.h"
#include "layout/typeset.h"
#include "model/design.h"
#include "model/document.h"
#include "text/paragraph.h"
#include "text/shape_cache.h"
#include <optional>

namespace jan20::layout {

struct ContentsEntry {
  std::string title;
  std::string anchor;
  std::string page_label;
  int level = 1;
};

// What setting blocks reads, except where it reports (BuildContext::sink).
struct BuildSettings {
  const model::Design& design;
  const model::Document& doc;
  StyleResolver& styles;
  text::ShapeCache& cache;
  TypesetReport* report = nullptr;
  TagTree* tags = nullptr;
  text::HyphenationRules hyphenation;
  text::Hyphenators* hyphenators = nullptr;      // one per edition: pattern files read once
  std::string root;                               // project directory, for images
  double measure = 0;                             // column width
  double column_height = 0;
  const std::vector<ContentsEntry>* contents = nullptr;  // filled on the second pass
  double scale = 1.0;                             // poster fit modes scale every style
  ParagraphMemo* paragraphs = nullptr;            // settings kept for the typeset call, if any
  bool recording = false;                         // only record paragraphs in `paragraphs` (typeset's first walk)
  ItemPool* item_pool = nullptr;                  // where the entries' item lists go (item_pool.h); none: the heap
  // Working space for the paragraphs set, shared by builders made one after
  // the other (a poster's trial settings, which set the same texts at other
  // scales); none: each builder its own.
  text::ParagraphScratch* scratch = nullptr;
};

// A paragraph as set: its lines and how they were set, so that what reports
// them never depends on which paragraph was set last.
struct SetParagraph {
  std::vector<text::Line> lines;
  model::Align align = model::Align::Justify;
  int pass = 0;  // Knuth–Plass pass (text::ParagraphResult::pass)
};

struct BuildContext : BuildSettings {
  DiagnosticSink& sink;

  // The same context reporting into another sink (trial settings, passes):
  // every setting copied as it is, whatever fields BuildSettings gains.
  BuildContext with_sink(DiagnosticSink& other) const { return BuildContext{{*this}, other}; }
};

class BlockBuilder {
 public:
  explicit BlockBuilder(BuildContext& ctx) : ctx_(ctx), master_(first_master(ctx.design)) {}
  // Sets a block into the vertical list. Its entries' warnings name `where`
  // (by default the block's own place), which must outlive the list: a
  // block of the model::Document, not a temporary copy.
  void add(const model::Block& block, const SourceLocation* where = nullptr);
  // A page-break that gives way to a run-on section (sections.h): the
  // design's section space, which a column's top discards.
  void run_on_section() {
    space(ctx_.design.section_space);
    keep_next_ = false;
  }
  // The list, held until pagination ends. Not shrunk to its size: that
  // copies it whole while the most memory is held (at 2,400 pages 6 MB more
  // at the peak), and a list that large is mapped on its own, where the
  // growth slack is never touched and costs no memory.
  // The plain words kept for the paragraphs this builder sets are let go
  // with it: pagination, which follows, is where the most memory is held.
  std::vector<VerticalEntry> take() {
    paragraph_scratch_.forget_words();  // (a shared scratch's words stay: its owner lets them go)
    return std::move(entries_);
  }
  const ResolvedStyle& style_for(const std::string& name) { return style(name, {"body"}); }
  int overfull_lines() const { return overfull_lines_; }  // every line set so far, in any block
  // The height of the content items added so far (lines, figures; not the
  // spaces between them, which a column break may drop).
  double content_height() const {
    double h = 0;
    for (const VerticalEntry& v : entries_)
      if (v.kind == VerticalEntry::Kind::Content) h += v.height;
    return h;
  }

  // Sets inline text as lines (exposed for the poster frames and masters).
  SetParagraph set_paragraph(const model::Inline& text, const ResolvedStyle& style, const std::string& lang,
                             double measure, int tag, std::optional<model::Align> align = std::nullopt,
                             bool allow_hyphenation = true);
  // The lines alone: for measuring, and for lines no report lists.
  std::vector<text::Line> typeset_text(const model::Inline& text, const ResolvedStyle& style,
                                   const std::string& lang, double measure, int tag,
                                   std::optional<model::Align> align = std::nullopt,
                                   bool allow_hyphenation = true) {
    return set_paragraph(text, style, lang, measure, tag, align, allow_hyphenation).lines;
  }

 private:
  // An entry whose item list goes into the typeset call's pool (item_pool.h).
  VerticalEntry new_entry() const {
    VerticalEntry v;
    v.items = EntryItems(PoolAllocator<model::PageItem>(ctx_.item_pool));
    return v;
  }
  // One per block kind (model::BlockContent), given the block and its kind's data.
  void heading(const model::Block& b, const model::Heading& heading);
  void paragraph(const model::Block& b, const model::Inline& text, const char* default_style, int tag, const char* kind);
  void quote(const model::Block& b, const model::Quote& quote);
  void list(const model::Block& b, const model::List& list);
  void figure(const model::Block& b, const model::Figure& figure);
  void facts(const model::Block& b, const model::Facts& facts);
  void timeline(const model::Block& b, const model::Timeline& timeline);
  void names(const model::Block& b, const model::Names& names);
  void contents(const model::Block& b);
  void add_leader(EntryItems& items, const ResolvedStyle& style, const std::string& lang,
                  double from, double to, double baseline);
  void page_break(const model::PageBreak& page_break);

  // Appends lines as items with widow/orphan rules; x_offset shifts them.
  // `kind`: what the report calls the lines (ParagraphReport::kind).
  void add_lines(SetParagraph set, const ResolvedStyle& style, double x_offset, const SourceLocation& where,
                 const char* kind);
  // The lines of a paragraph drawn inside `box`, one entry of the vertical
  // list (a table cell, a timeline entry, a caption, a fact figure): listed
  // in the report (VerticalEntry::boxed_paragraphs), where they get the
  // box's page when it is placed.
  std::vector<text::Line> boxed(VerticalEntry& box, SetParagraph set, const SourceLocation& where, const char* kind);
  void add_box(VerticalEntry item);
  void space(double height);
  std::string block_lang(const model::Block& b) const;
  const ResolvedStyle& style(const std::string& name, std::initializer_list<const char*> fallbacks = {});
  int tag_for(const model::Block& b, const char* role, int parent = 0);
  // The tag for an inline span's runs: `parent`, or a Link / Span (with
  // /Lang) inside it.
  int inline_tag(int parent, const model::Span& span, const std::string& lang);
  // Gives runs in another language than their element a Span with /Lang.
  void tag_run_languages(std::vector<text::Line>& lines);

  BuildContext& ctx_;
  std::vector<VerticalEntry> entries_;
  bool keep_next_ = false;
  // Lines set since the last heading, while fewer than the design's orphans
  // (-1 otherwise): a one-line paragraph after a heading keeps with what
  // follows, so a heading never ends a page above a single line.
  int lines_after_heading_ = -1;
  // The block before was no running text (a heading, figure, list, table…,
  // or nothing): the next paragraph starts flush unless its style has
  // indent-first.
  bool after_display_ = true;
  std::string master_style(const std::string& style) const;
  std::string master_;  // the master of the page being filled: first_master, then each page-break's
  int heading_count_ = 0;
  int overfull_lines_ = 0;
  std::map<std::string, ResolvedStyle> scaled_;
  text::ParagraphScratch paragraph_scratch_;  // the paragraphs this builder sets itself, one after the other
  text::ParagraphScratch& scratch() { return ctx_.scratch ? *ctx_.scratch : paragraph_scratch_; }
};

// Baseline of a line within a line box of the given leading.
double baseline_offset(double leading, double size);

// The layout's line-breaking settings ([hyphenation], [justification]) as Knuth–Plass parameters.
text::LineBreakParams line_break_params(const model::Design& d);

}  // namespace jan20::layout
