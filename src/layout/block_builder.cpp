#include "layout/block_builder.h"

#include <algorithm>
#include <cmath>

#include "core/utf.h"
#include "layout/balance.h"
#include "layout/block_items.h"
#include "layout/ornaments.h"
#include "model/block_texts.h"
#include "text/case_transform.h"

namespace jan20::layout {

namespace {

// Block geometry the layout file has no key for: each number named once,
// with what it does (docs/toml-reference.md, "Fixed geometry").
// A line's baseline sits this many type sizes below the middle of its line
// box, which centres Noto's lower-case letters in the leading.
constexpr double kBaselineBelowMiddle = 0.32;
// A list's label column is at least its widest label and this many ems of
// the list style after it.
constexpr double kListLabelGapEm = 0.5;
// Of the list style's space-after: between items, and again after the list.
constexpr double kListItemSpaceShare = 0.5;
// A raster figure is at most this share of the column's height (scaled down
// to it, keeping its proportions).
constexpr double kFigureMaxColumnShare = 0.6;
// An ornament figure is this share of the measure high, at most this share
// of the column's height.
constexpr double kOrnamentMeasureShare = 0.62;
constexpr double kOrnamentMaxColumnShare = 0.45;
// pt added to the caption style's spacing: between a figure and its caption,
// before the figure and after it.
constexpr double kCaptionGap = 3;
constexpr double kFigureExtraSpaceBefore = 4;
constexpr double kFigureExtraSpaceAfter = 6;

}  // namespace

double baseline_offset(double leading, double size) { return 0.5 * leading + kBaselineBelowMiddle * size; }

text::LineBreakParams line_break_params(const model::Design& d) {
  text::LineBreakParams p;
  p.max_consecutive_hyphens = d.max_consecutive_hyphens;
  p.hyphen_penalty = d.hyphen_penalty;
  p.adjacent_hyphens_demerits = d.double_hyphen_demerits;
  p.final_hyphen_demerits = d.final_hyphen_demerits;
  p.uc_hyphen = d.uchyph;
  p.penultimate_hyphen = d.penultimate_hyphen;
  p.tolerance = d.tolerance;
  p.pretolerance = d.pretolerance;
  p.emergency_tolerance = d.emergency_tolerance;
  p.expansion = d.expansion;
  p.expansion_step = d.expansion_step;
  p.protrusion = d.protrusion;
  return p;
}

namespace {

const char* heading_role(int level) { return level <= 1 ? "H1" : level == 2 ? "H2" : "H3"; }

}  // namespace

const ResolvedStyle& BlockBuilder::style(const std::string& name, std::initializer_list<const char*> fallbacks) {
  const ResolvedStyle& base = ctx_.styles.get(name, fallbacks);
  if (ctx_.scale == 1.0) return base;
  auto it = scaled_.find(name);
  if (it == scaled_.end()) it = scaled_.emplace(name, ctx_.styles.scaled(base, ctx_.scale)).first;
  return it->second;
}

std::string BlockBuilder::block_lang(const model::Block& b) const {
  return b.lang.empty() ? ctx_.doc.meta.language : b.lang;
}

int BlockBuilder::tag_for(const model::Block& b, const char* role, int parent) {
  if (!ctx_.tags) return -1;
  std::string lang = b.lang != ctx_.doc.meta.language ? b.lang : std::string();
  return ctx_.tags->add(parent, role, lang);
}

int BlockBuilder::inline_tag(int parent, const model::Span& span, const std::string& lang) {
  if (!ctx_.tags || parent < 0) return parent;
  int tag = parent;
  // A link is a Link element (its annotation joins it); a span in another
  // language a Span with its /Lang, so a screen reader switches voice.
  if (!span.link.empty()) tag = ctx_.tags->add(tag, "Link");
  if (!span.lang.empty() && span.lang != lang) tag = ctx_.tags->add(tag, "Span", span.lang);
  return tag;
}

void BlockBuilder::tag_run_languages(std::vector<text::Line>& lines) {
  if (!ctx_.tags) return;
  // The text stage gives each run the language its script implies (a
  // Cyrillic word in an az paragraph is az-Cyrl). A run read in another
  // language than its element becomes a Span with that /Lang; consecutive
  // runs of one element in one language share it.
  int last_parent = -1, last_span = -1;
  std::string last_lang;
  for (text::Line& line : lines)
    for (model::GlyphRun& run : line.runs) {
      if (run.tag < 0 || run.lang.empty()) continue;
      if (run.lang == ctx_.tags->lang_of(run.tag, ctx_.doc.meta.language)) continue;
      if (run.tag != last_parent || run.lang != last_lang) {
        last_parent = run.tag;
        last_lang = run.lang;
        last_span = ctx_.tags->add(run.tag, "Span", run.lang);
      }
      run.tag = last_span;
    }
}

SetParagraph BlockBuilder::set_paragraph(const model::Inline& text, const ResolvedStyle& style, const std::string& lang,
                                         double measure, int tag, std::optional<model::Align> align,
                                         bool allow_hyphenation) {
  text::ParagraphInput in;
  in.lang = lang;
  in.align = align.value_or(style.paragraph.align);
  in.measure = measure - style.paragraph.left_indent - style.paragraph.right_indent;
  in.first_indent = style.paragraph.indent;
  in.hyphenate = allow_hyphenation && style.paragraph.hyphenate;
  in.hyphenation = ctx_.hyphenation;
  in.hyphenators = ctx_.hyphenators;
  in.params = line_break_params(ctx_.design);
  // Span i carries tag i while it is set (the paragraph memo's key holds no
  // structure tags); the lines' runs get the real tags afterwards.
  std::vector<int> span_tags;
  for (const model::Span& span : text) {
    std::string span_lang = span.lang.empty() ? lang : span.lang;
    std::string s = span.text;
    if (style.paragraph.transform == model::CaseTransform::Upper) s = text::to_upper(s, span_lang);
    if (style.paragraph.transform == model::CaseTransform::Lower) s = text::to_lower(s, span_lang);
    if (s.empty()) continue;
    text::StyledSpan st;
    st.begin = in.text.size();
    in.text += s;
    st.end = in.text.size();
    st.style = span.strong ? style.strong : span.emphasis ? style.emphasis : style.regular;
    if (style.paragraph.transform == model::CaseTransform::SmallCaps) st.style.features.push_back("smcp");
    st.style.tag = static_cast<int>(span_tags.size());
    span_tags.push_back(inline_tag(tag, span, lang));
    st.lang = span.lang;
    st.link = span.link;
    st.where = span.where;
    in.spans.push_back(std::move(st));
  }
  if (in.text.empty() || !style.ok) return {{}, in.align, 0};
  text::ParagraphResult result;
  if (ctx_.paragraphs && ctx_.recording) {
    ctx_.paragraphs->record(in);
    return {{}, in.align, 0};
  }
  auto set = [&](const text::ParagraphInput& input, DiagnosticSink& sink) {
    return ctx_.paragraphs ? ctx_.paragraphs->use(input, ctx_.cache, sink, scratch())
                           : text::typeset_paragraph(input, ctx_.cache, sink, scratch());
  };
  result = set(in, ctx_.sink);
  if (style.paragraph.balance) {
    DiagnosticSink trials;  // narrower trial settings: their warnings are not the paragraph's
    result = balance_lines(in, std::move(result), [&](const text::ParagraphInput& t) { return set(t, trials); });
  }
  for (text::Line& line : result.lines)
    for (model::GlyphRun& run : line.runs)
      if (run.tag >= 0 && static_cast<size_t>(run.tag) < span_tags.size()) run.tag = span_tags[static_cast<size_t>(run.tag)];
  tag_run_languages(result.lines);
  for (text::Line& line : result.lines) {
    overfull_lines_ += line.overfull ? 1 : 0;
    for (model::GlyphRun& run : line.runs) run.x += style.paragraph.left_indent;
    for (text::LinkArea& link : line.links) link.x += style.paragraph.left_indent;
  }
  return {std::move(result.lines), in.align, result.pass};
}

void BlockBuilder::space(double height) {
  if (height <= 0) return;
  VerticalEntry v = new_entry();
  v.kind = VerticalEntry::Kind::Space;
  v.height = height;
  v.break_before = false;
  entries_.push_back(std::move(v));
}

void BlockBuilder::add_box(VerticalEntry item) {
  if (keep_next_) item.break_before = false;
  keep_next_ = false;
  entries_.push_back(std::move(item));
}

namespace {

// What the report says of one line of a paragraph set with `align`.
LineReport line_report(const text::Line& line, bool last, model::Align align, double tolerance) {
  LineReport lr;
  lr.ratio = line.ratio;
  lr.expansion = line.expansion;
  // A ragged line's ratio is how short it falls of the measure: only a
  // justified line (not its paragraph's last) can be loose.
  lr.loose = align == model::Align::Justify && !last && std::abs(lr.ratio) > tolerance + 1e-9;
  lr.hyphenated = line.hyphenated;
  lr.overfull = line.overfull;
  for (const auto& run : line.runs) lr.text += run.text;
  return lr;
}

ParagraphReport paragraph_report(const SetParagraph& set, const SourceLocation& where, const char* kind,
                                 double tolerance) {
  static const char* kAlign[] = {"justify", "left", "right", "center"};
  ParagraphReport report{where, {}, kAlign[static_cast<int>(set.align)], kind, set.pass};
  for (size_t k = 0; k < set.lines.size(); ++k)
    report.lines.push_back(line_report(set.lines[k], k + 1 == set.lines.size(), set.align, tolerance));
  return report;
}

}  // namespace

std::vector<text::Line> BlockBuilder::boxed(VerticalEntry& box, SetParagraph set, const SourceLocation& where,
                                            const char* kind) {
  if (ctx_.report && !set.lines.empty()) {
    box.edit_notes().boxed_paragraphs.push_back(static_cast<int>(ctx_.report->paragraphs.size()));
    ctx_.report->paragraphs.push_back(paragraph_report(set, where, kind, ctx_.design.tolerance));
  }
  return std::move(set.lines);
}

void BlockBuilder::add_lines(SetParagraph set, const ResolvedStyle& style, double x_offset,
                             const SourceLocation& where, const char* kind) {
  int paragraph = -1;
  if (ctx_.report) {
    paragraph = static_cast<int>(ctx_.report->paragraphs.size());
    ctx_.report->paragraphs.push_back(paragraph_report(set, where, kind, ctx_.design.tolerance));
  }
  std::vector<text::Line>& lines = set.lines;
  const int n = static_cast<int>(lines.size());
  const int widows = std::max(1, ctx_.design.widows), orphans = std::max(1, ctx_.design.orphans);
  for (int k = 0; k < n; ++k) {
    VerticalEntry v = new_entry();
    v.height = style.paragraph.leading;
    v.on_grid = ctx_.design.baseline_grid > 0 && std::abs(style.paragraph.leading - ctx_.design.baseline_grid) < 0.01;
    // TeX's \widowpenalty and \clubpenalty at infinity: a column may only end
    // inside a paragraph where at least `orphans` lines stay before the break
    // and at least `widows` lines go after it.
    v.break_before = k == 0 ? !keep_next_ : (k >= orphans && n - k >= widows);
    v.paragraph = paragraph;
    v.line = k;
    append_line(v.items, std::move(lines[static_cast<size_t>(k)]), x_offset,
                baseline_offset(style.paragraph.leading, style.paragraph.size));
    entries_.push_back(std::move(v));
  }
  keep_next_ = false;
}

void BlockBuilder::add(const model::Block& b, const SourceLocation* where) {
  const size_t first = entries_.size();
  std::visit(model::Overloaded{
                 [&](const model::Heading& h) { heading(b, h); },
                 [&](const model::Paragraph& p) { paragraph(b, p.text, "body", tag_for(b, "P"), "paragraph"); },
                 [&](const model::Quote& q) { quote(b, q); },
                 [&](const model::List& l) { list(b, l); },
                 [&](const model::Figure& f) { figure(b, f); },
                 [&](const model::Facts& f) { facts(b, f); },
                 [&](const model::Timeline& t) { timeline(b, t); },
                 [&](const model::Names& n) { names(b, n); },
                 [&](const model::Contents&) { contents(b); },
                 [&](const model::PageBreak& p) { page_break(p); },
             },
             b.content);
  for (size_t i = first; i < entries_.size(); ++i) entries_[i].where = where ? where : &b.where;  // warnings name the block
  if (!b.is<model::Heading>() && !b.is<model::Paragraph>()) lines_after_heading_ = -1;
  after_display_ = !std::holds_alternative<model::Paragraph>(b.content) &&
                   !std::holds_alternative<model::Quote>(b.content);
}

// On a page of master M a block takes the style "M-<its style>" when the
// layout defines one ("cover-h1", "back-body"), else its own.
std::string BlockBuilder::master_style(const std::string& style) const {
  std::string prefixed = master_ + "-" + style;
  return ctx_.design.styles.count(prefixed) ? prefixed : style;
}

void BlockBuilder::page_break(const model::PageBreak& p) {
  VerticalEntry v = new_entry();
  v.kind = VerticalEntry::Kind::PageBreak;
  v.edit_notes().master = p.master;
  master_ = p.master.empty() ? "body" : p.master;
  keep_next_ = false;
  entries_.push_back(std::move(v));
}

void BlockBuilder::heading(const model::Block& b, const model::Heading& h) {
  std::string level = std::to_string(std::clamp(h.level, 1, 3));
  std::string name = !b.style.empty() ? b.style : master_style("h" + level);
  const ResolvedStyle& style = this->style(name, {("h" + level).c_str(), "h1"});
  int tag = tag_for(b, heading_role(h.level));
  space(style.paragraph.space_before);
  size_t first = entries_.size();
  add_lines(set_paragraph(h.text, style, block_lang(b), ctx_.measure, tag, std::nullopt, false), style, 0, b.where,
            "heading");
  // A heading never ends a column: all its lines stay together and with what follows.
  for (size_t i = first + 1; i < entries_.size(); ++i) entries_[i].break_before = false;
  if (first < entries_.size()) {
    entries_[first].edit_notes().anchor = b.id.empty() ? "heading-" + std::to_string(++heading_count_) : b.id;
    entries_[first].edit_notes().heading_level = h.level;
    entries_[first].edit_notes().heading_title = plain_text(h.text);
    auto m = ctx_.design.masters.find(master_);
    entries_[first].in_contents = m == ctx_.design.masters.end() || m->second.listed;
  }
  space(style.paragraph.space_after);
  keep_next_ = true;
  lines_after_heading_ = 0;
}

void BlockBuilder::paragraph(const model::Block& b, const model::Inline& text, const char* default_style, int tag,
                             const char* kind) {
  std::string name = !b.style.empty() ? b.style : master_style(default_style);
  const ResolvedStyle& style = this->style(name, {default_style, "body"});
  bool keep = keep_next_;
  space(style.paragraph.space_before);
  keep_next_ = keep;
  const size_t first_line = entries_.size();
  if (after_display_ && !style.paragraph.indent_first && style.paragraph.indent != 0) {
    ResolvedStyle flush = style;
    flush.paragraph.indent = 0;
    add_lines(set_paragraph(text, flush, block_lang(b), ctx_.measure, tag), flush, 0, b.where, kind);
  } else {
    add_lines(set_paragraph(text, style, block_lang(b), ctx_.measure, tag), style, 0, b.where, kind);
  }
  const int lines = static_cast<int>(entries_.size() - first_line);
  space(style.paragraph.space_after);
  keep_next_ = style.paragraph.keep_with_next;
  if (lines_after_heading_ >= 0) {
    lines_after_heading_ += lines;
    if (lines_after_heading_ < ctx_.design.orphans)
      keep_next_ = true;
    else
      lines_after_heading_ = -1;
  }
}

void BlockBuilder::quote(const model::Block& b, const model::Quote& q) {
  int tag = tag_for(b, "BlockQuote");
  int p = ctx_.tags ? ctx_.tags->add(tag, "P") : -1;
  paragraph(b, q.text, "quote", p, "quote");
  if (!q.attribution.empty()) {
    const ResolvedStyle& style = this->style("attribution", {"quote"});
    int at = ctx_.tags ? ctx_.tags->add(tag, "P") : -1;
    keep_next_ = true;  // the attribution stays with its quote
    std::string text = std::string(model::kAttributionDash) + q.attribution;
    add_lines(set_paragraph(inline_of(text, b.where), style, block_lang(b), ctx_.measure, at), style, 0, b.where,
              "attribution");
    space(style.paragraph.space_after);
  }
}

void BlockBuilder::list(const model::Block& b, const model::List& l) {
  const ResolvedStyle& style = this->style(b.style.empty() ? "list" : b.style, {"body"});
  int list_tag = tag_for(b, "L");
  ResolvedStyle label_style = style;
  label_style.paragraph.left_indent = 0;
  label_style.paragraph.indent = 0;
  // One measure: the items' text starts at the list style's left-indent or,
  // when it has none, at the body's first-line indent, so that list text
  // lines up with the paragraphs' indented first lines and the labels hang
  // at the margin. Wider only when the widest label needs it.
  double indent = style.paragraph.left_indent > 0 ? style.paragraph.left_indent
                                                  : this->style("body").paragraph.indent;
  // Each label set once: its width decides the column, its runs are drawn.
  std::vector<std::vector<text::Line>> labels;
  double widest_label = 0;
  for (size_t i = 0; i < l.items.size(); ++i) {
    labels.push_back(typeset_text(inline_of(model::list_label(l.numbered, static_cast<int>(i) + 1), b.where),
                                  label_style, block_lang(b), ctx_.measure, -1, model::Align::Left, false));
    for (const text::Line& line : labels.back()) widest_label = std::max(widest_label, line.natural_width);
  }
  indent = std::max(indent, widest_label + style.paragraph.size * kListLabelGapEm);
  space(style.paragraph.space_before);
  for (size_t i = 0; i < l.items.size(); ++i) {
    int li = ctx_.tags ? ctx_.tags->add(list_tag, "LI") : -1;
    int lbl = ctx_.tags ? ctx_.tags->add(li, "Lbl") : -1;
    int body = ctx_.tags ? ctx_.tags->add(li, "LBody") : -1;
    const ResolvedStyle& item_style = label_style;
    SetParagraph item = set_paragraph(l.items[i], item_style, block_lang(b), ctx_.measure - indent, body);
    std::vector<text::Line>& label_lines = labels[i];
    for (text::Line& line : label_lines)
      for (model::GlyphRun& run : line.runs) run.tag = lbl;
    size_t first = entries_.size();
    add_lines(std::move(item), item_style, indent, b.where, "list-item");
    if (first < entries_.size() && !label_lines.empty()) {
      // The label goes before the item's first line: drawn in reading order,
      // every text extractor reads "• kütləvi", not "kütləvi zi•".
      std::vector<model::PageItem> label_items;
      append_line(label_items, label_lines.front(), 0, baseline_offset(style.paragraph.leading, style.paragraph.size));
      EntryItems& line_items = entries_[first].items;
      line_items.insert(line_items.begin(), std::make_move_iterator(label_items.begin()),
                        std::make_move_iterator(label_items.end()));
    }
    space(style.paragraph.space_after * kListItemSpaceShare);
  }
  space(style.paragraph.space_after * kListItemSpaceShare);
}

void BlockBuilder::figure(const model::Block& b, const model::Figure& f) {
  if (ctx_.recording) return;  // its caption is set when needed; the image is read once
  // A captioned figure is a Div holding the Figure and its Caption side by
  // side: a screen reader reads a Figure's /Alt instead of everything inside
  // it, so a caption inside the Figure would never be read.
  const bool captioned = !f.caption.empty() || !f.credit.empty();
  int group = captioned ? tag_for(b, "Div") : -1;
  int tag = !ctx_.tags ? -1 : captioned ? ctx_.tags->add(group, "Figure", {}, f.alt) : tag_for(b, "Figure");
  if (tag >= 0) (*ctx_.tags)[tag].alt = f.alt;
  const ResolvedStyle& caption_style = style("caption", {"body"});
  VerticalEntry v = new_entry();
  double width = ctx_.measure, height = 0;
  if (!f.file.path.empty()) {
    // The loader found the file and read its header (model/image.h).
    const model::ImageFile& info = f.file;
    if (info.width <= 0 || info.height <= 0 || info.width > 20000 || info.height > 20000) {
      ctx_.sink.error(b.where, "cannot read the image '" + f.image + "': image size " + std::to_string(info.width) +
                                   "x" + std::to_string(info.height) + " is out of range (1..20000 pixels per side)",
                      "use a PNG or JPEG file inside the project");
      return;
    }
    height = width * info.height / std::max(1, info.width);
    double max_h = ctx_.column_height * kFigureMaxColumnShare;
    if (height > max_h) {
      width *= max_h / height;
      height = max_h;
    }
    model::Image img;
    img.path = info.path;
    img.x = (ctx_.measure - width) / 2;
    img.width = width;
    img.height = height;
    img.pixel_width = info.width;
    img.pixel_height = info.height;
    img.color = info.color;
    img.alpha = info.alpha;
    img.tag = tag;
    v.items.push_back(img);
  } else {
    height = std::min(ctx_.measure * kOrnamentMeasureShare, ctx_.column_height * kOrnamentMaxColumnShare);
    model::Ornament o;
    o.kind = f.ornament.empty() ? "ribbon" : f.ornament;
    o.x = 0;
    o.y = 0;
    o.width = ctx_.measure;
    o.height = height;
    for (model::Path& path : draw_ornament(o, ctx_.design, ctx_.doc.meta.url)) {
      path.tag = tag;
      v.items.push_back(std::move(path));
    }
  }
  double y = height;
  if (captioned) {
    y += caption_style.paragraph.space_before + kCaptionGap;
    int cap = ctx_.tags ? ctx_.tags->add(group, "Caption") : -1;
    model::Inline caption = f.caption;
    if (!f.credit.empty()) {
      model::Span credit;
      credit.text = (caption.empty() ? "" : " ") + f.credit;
      credit.emphasis = true;
      credit.where = b.where;
      caption.push_back(credit);
    }
    for (const text::Line& line : boxed(v, set_paragraph(caption, caption_style, block_lang(b), ctx_.measure, cap), b.where,
                                        "caption")) {
      append_line(v.items, line, 0, y + baseline_offset(caption_style.paragraph.leading, caption_style.paragraph.size));
      y += caption_style.paragraph.leading;
    }
  }
  v.height = y;
  v.floats = true;
  space(caption_style.paragraph.space_before + kFigureExtraSpaceBefore);
  add_box(std::move(v));
  space(caption_style.paragraph.space_after + kFigureExtraSpaceAfter);
}

}  // namespace jan20::layout
